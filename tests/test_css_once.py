"""The tests' CSS memo (tests/css_once.py) still fits Textual, and gives what Textual gives."""

from __future__ import annotations

import pytest
from textual.css.stylesheet import Stylesheet, StylesheetParseError

from tests.css_once import PARAMETERS, textual_matches

CSS = "Static { color: $text-accent; padding: 1 2; }\n#key-bar > .hint { text-style: bold; }"


def parsed(css: str, variables: dict[str, str]) -> Stylesheet:
    sheet = Stylesheet(variables=variables)
    sheet.add_source(css, read_from=("test", "css"))
    sheet.parse()
    return sheet


def test_textual_still_has_the_method_the_memo_stands_in_front_of() -> None:
    assert textual_matches(), f"Stylesheet._parse_rules no longer takes {PARAMETERS}"
    assert hasattr(Stylesheet._parse_rules, "parsed_once"), "conftest did not set it up"


def test_two_stylesheets_with_one_css_get_the_same_rules_as_textual_makes_them() -> None:
    first = parsed(CSS, {"text-accent": "red"})
    second = parsed(CSS, {"text-accent": "red"})
    assert second.rules is not first.rules
    assert [rule.css for rule in second.rules] == [rule.css for rule in first.rules]
    assert "red" in first.css or "#FF0000" in first.css.upper()


def test_other_variables_give_other_rules() -> None:
    red = parsed(CSS, {"text-accent": "red"}).css
    blue = parsed(CSS, {"text-accent": "blue"}).css
    assert red != blue


def test_css_with_an_error_fails_every_time() -> None:
    for _ in range(2):
        with pytest.raises(StylesheetParseError):
            parsed("Static { colour: red; }", {})
