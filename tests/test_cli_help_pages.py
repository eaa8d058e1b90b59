"""Every command's ``--help`` prints, in both languages: a help text is ours, never a format."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest

from pop_tui.cli.parser import build_parser
from pop_tui.core.texts import set_language


def parsers(
    parser: argparse.ArgumentParser, words: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    yield words, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from parsers(sub, (*words, name))


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_help_page_prints(language: str) -> None:
    set_language(language)
    try:
        pages = dict(parsers(build_parser()))
        assert ("edit", "goal") in pages and ("sync", "init") in pages
        for words, parser in pages.items():
            text = parser.format_help()
            assert text.startswith("usage:" if language == "en" else "gebruik:"), words
        # The text that once ended `pop add goal --help` and `pop edit goal --help`.
        assert "(%," in pages[("edit", "goal")].format_help()
    finally:
        set_language("en")
