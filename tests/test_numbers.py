"""Typed numbers: digits with a point or a comma; NaN, infinity and words refused."""

from __future__ import annotations

import pytest

from pop_tui.core.numbers import NumberError, format_number, parse_number
from pop_tui.core.texts import set_language


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("", None),
        ("   ", None),
        ("40", 40.0),
        (" 2.5 ", 2.5),
        ("2,5", 2.5),
        ("-3", -3.0),
        ("+7", 7.0),
        (".5", 0.5),
        ("1 000", 1000.0),
    ],
)
def test_typed_numbers_are_read(text: str, value: float | None) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text", ["nan", "NaN", "inf", "-inf", "Infinity", "1e5", "forty", "4o", "1.2.3", "%"]
)
def test_anything_but_plain_digits_is_refused_with_a_message(text: str) -> None:
    with pytest.raises(NumberError) as caught:
        parse_number(text)
    assert "is not a number" in caught.value.message
    assert text.strip() in caught.value.message


def test_a_number_too_large_to_hold_is_refused() -> None:
    with pytest.raises(NumberError, match="too large"):
        parse_number("9" * 400)


def test_the_refusal_speaks_dutch_when_the_app_does() -> None:
    set_language("nl")
    with pytest.raises(NumberError, match="is geen getal"):
        parse_number("veertig")


def test_numbers_are_shown_without_a_needless_fraction() -> None:
    assert format_number(40.0, "en") == "40"
    assert format_number(2.5, "en") == "2.5"
    assert format_number(2.5, "nl") == "2,5"
