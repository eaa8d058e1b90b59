"""User text never carries control characters to the terminal."""

from __future__ import annotations

import pytest

from pop_tui.core.printable import printable


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain [bold]x[/]", "plain [bold]x[/]"),
        ("\x1b[2Jclear", "\u241b[2Jclear"),
        ("bell\x07", "bell\u2407"),
        ("two\nlines\ttab", "two lines tab"),
        ("del\x7f", "del\u2421"),
        ("c1\x9b31m", "c1\ufffd31m"),
        ("rtl\u202eevil", "rtlevil"),
        ("zero\u200bwidth", "zero\u200bwidth"),
        ("emoji 🎯 ok", "emoji 🎯 ok"),
    ],
)
def test_printable_makes_controls_visible(text: str, shown: str) -> None:
    assert printable(text) == shown


def test_printable_output_has_no_control_characters() -> None:
    every = "".join(chr(c) for c in range(0x00, 0xA0))
    assert all(not (ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0) for c in printable(every))
