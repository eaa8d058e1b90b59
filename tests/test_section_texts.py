"""The texts of the section screens and the SMART check exist in English and Dutch alike."""

from __future__ import annotations

import string

import pytest

from pop_tui.core.texts import sections, smart


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("module", [sections, smart])
def test_every_key_has_both_languages_with_the_same_placeholders(module: object) -> None:
    en: dict[str, str] = module.EN  # type: ignore[attr-defined]
    nl: dict[str, str] = module.NL  # type: ignore[attr-defined]
    assert set(en) == set(nl)
    for key in en:
        assert fields(en[key]) == fields(nl[key]), key
        assert en[key].strip() and nl[key].strip(), key
