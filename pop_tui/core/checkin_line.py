"""The one line that says how the check-ins stand: light, for the shell commands.

(:mod:`pop_tui.core.checkins`, which re-exports it, holds the rest of the check-in.)
"""

from __future__ import annotations

from pop_tui.core.day_words import relative_day
from pop_tui.core.printable import printable
from pop_tui.core.texts import t

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date
    from typing import Protocol

    class CheckInLike(Protocol):
        """What the line reads of a check-in (a record, or a line of the agenda index)."""

        @property
        def on(self) -> date | None: ...
        @property
        def mood(self) -> int | None: ...
        @property
        def note(self) -> str: ...


__all__ = ["NOTE_SHOWN", "summary_line"]

# The summary line shows the start of the note; the check-in itself keeps all of it.
NOTE_SHOWN = 40


def summary_line(last: CheckInLike | None, days: int, today: date) -> str:
    """:func:`checkin_summary` from the last check-in and the streak, worked out already."""
    if last is None or last.on is None:
        return t("checkin.summary.never")
    parts = [t("checkin.summary.last", when=relative_day(last.on, today))]
    if last.mood is not None:
        parts.append(t("checkin.summary.mood", mood=last.mood))
    if days:
        parts.append(t("checkin.streak.one") if days == 1 else t("checkin.streak.many", days=days))
    if last.note:
        note = printable(last.note)
        if len(note) > NOTE_SHOWN:
            note = note[: NOTE_SHOWN - 1] + "…"
        parts.append(t("checkin.summary.note", note=note))
    return " · ".join(parts)
