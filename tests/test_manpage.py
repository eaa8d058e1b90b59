"""The manual page and the command reference are in step with the parser."""

from __future__ import annotations

import argparse
import shutil
import subprocess
from pathlib import Path

import pytest

from pop_tui.cli.manpage import manpage
from pop_tui.cli.parser import build_parser
from pop_tui.core.texts import set_language

ROOT = Path(__file__).resolve().parent.parent
# Where each command is documented, with its options.
REFERENCE = {
    "tui": "README.md",
    "demo": "README.md",
    "backup": "README.md",
    "export": "docs/export.md",
    "import": "docs/export.md",
    "period": "docs/export.md",
    "serve": "README.md",
}


def test_the_committed_manual_page_is_the_one_the_parser_writes() -> None:
    written = manpage()
    assert (ROOT / "docs" / "pop.1").read_text(encoding="utf-8") == written, (
        "docs/pop.1 is out of date: python -m pop_tui.cli.manpage > docs/pop.1"
    )
    for command in ("pop review hold", "pop feedback ask", "pop edit goal", "pop status"):
        assert f".SS {command}" in written
    assert ".SH EXIT STATUS" in written and ".SH ENVIRONMENT" in written


@pytest.mark.skipif(shutil.which("groff") is None, reason="groff is not installed")
def test_the_manual_page_renders_without_warnings() -> None:
    done = subprocess.run(
        ["groff", "-man", "-Tutf8", "-ww", "-z", str(ROOT / "docs" / "pop.1")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stderr == ""


def _commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            listed = {a.dest for a in action._choices_actions}
            for name, sub in action.choices.items():
                if name in listed:
                    found.append(((*path, name), sub))
                    found += _commands(sub, (*path, name))
    return found


def test_every_command_and_option_is_in_the_reference() -> None:
    set_language("en")
    missing = []
    for path, parser in _commands(build_parser(None)):
        doc = (ROOT / REFERENCE.get(path[0], "docs/cli.md")).read_text(encoding="utf-8")
        name = "pop " + " ".join(path)
        if name not in doc:
            missing.append(name)
        for action in parser._actions:
            for option in action.option_strings:
                common = option in ("--help", "--db", "--lang")
                if option.startswith("--") and not common and option not in doc:
                    missing.append(f"{name} {option}")
    assert missing == []
