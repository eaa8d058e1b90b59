"""Colour in the shell commands' output: for a person at a terminal only.

Colour is used when standard output is a terminal, ``NO_COLOR`` is unset or
empty (https://no-color.org) and ``TERM`` is not ``dumb``. Piped into a file,
a pager or a script, the output is plain text.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:  # the shell commands start without typing and collections
    from collections.abc import Mapping
    from typing import Final, TextIO

# SGR codes; only the eight basic colours, which every terminal has.
_CODES: Final = {
    "bold": "1",
    "dim": "2",
    "red": "31",
    "green": "32",
    "yellow": "33",
}


def colour_wanted(stream: TextIO, env: Mapping[str, str]) -> bool:
    """Whether output to ``stream`` may be coloured."""
    if env.get("NO_COLOR") or env.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or replaced stream
        return False


class Paint:
    """Wraps text in colour codes, or leaves it alone when colour is off."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, text: str, *styles: str) -> str:
        if not self.enabled or not styles or not text:
            return text
        codes = ";".join(_CODES[s] for s in styles)
        return f"\x1b[{codes}m{text}\x1b[0m"
