"""Rules for text that a person types or pastes: how long it may be, and what is kept.

A title is shown on one line in every list, so it is kept short enough to read
there; a note may run to a few pages. The limits are generous: they are there
so that a paste gone wrong (a whole log file in a title) is refused with a
reason, not to make anyone count characters.

Control characters are dropped from typed text: a terminal cannot type them on
purpose, so they only arrive by pasting, and stored they would be invisible
everywhere except where they do harm. A tab or a line break becomes a space,
since every field is one line. Bidirectional overrides go too (the text would
read differently from what it holds); right-to-left letters, zero-width joiners
and emoji stay.
"""

from __future__ import annotations

import re
from typing import Final

from pop_tui.core.texts import t

TITLE_MAX: Final = 200
NOTE_MAX: Final = 10_000

# Fields that name something and are shown as one line of a list; every other
# text field is a note.
TITLE_FIELDS: Final = frozenset(
    {"title", "text", "action", "dream_job", "metric", "unit", "from_whom", "owner", "name"}
    | {"step"}  # the guide's first step: a step's title
)


# The same characters as an export drops (core.export.clean), but without importing the
# exporters: the shell commands that take typed text must start fast.
_UNSAFE: Final = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_BREAKS: Final = re.compile("[\t\n\u2028\u2029]")


class EntryError(ValueError):
    """Typed text that cannot be kept as it is; ``message`` says why, in the current language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def max_length(field: str) -> int:
    """The most characters field ``field`` may hold."""
    return TITLE_MAX if field in TITLE_FIELDS else NOTE_MAX


def clean_entry(text: str) -> str:
    """``text`` as it is kept: control characters dropped, one line, no spaces around it."""
    return _UNSAFE.sub("", _BREAKS.sub(" ", text)).strip()


def check_length(field: str, text: str) -> str:
    """``text`` if it fits field ``field``.

    Raises:
        EntryError: when it is too long, saying how long it is and what fits.
    """
    most = max_length(field)
    if len(text) > most:
        raise EntryError(t("entry.too_long", most=most, length=len(text)))
    return text
