"""A list of records: one option per record, with an id of the form ``kind:id``.

It moves with the arrows and j/k, keeps the cursor on the same record when it
is rebuilt, and tells its screen when the cursor would run off an end (the
analysis screen uses that to move between quadrants) instead of wrapping.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Literal

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from pop_tui.ui.keys import described

Edge = Literal["up", "down"]


def heading(text: str) -> Option:
    """A bold line that groups the records under it; the cursor skips it."""
    return Option(Content.styled(text, "bold"), disabled=True)


def hint(text: str) -> Option:
    """A dim line in place of records that are not there yet; the cursor skips it."""
    return Option(Content.styled("  " + text, "italic dim"), disabled=True)


def record_id(option_id: str | None, kind: str) -> int | None:
    """The record id in an option id ``kind:id``, or None for another kind."""
    if option_id is None or not option_id.startswith(kind + ":"):
        return None
    return int(option_id.split(":", 1)[1])


class RecordList(OptionList):
    """An option list of records that keeps its place across rebuilds."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", described("ui.key.down"), show=False, id="list.down"),
        Binding("up,k", "cursor_up", described("ui.key.up"), show=False, id="list.up"),
        # OptionList's own Enter has no description; this one shows in help.
        Binding("enter", "select", described("sec.key.open"), show=False, id="list.open"),
    ]

    class EdgeReached(Message):
        """The cursor was asked to move past the first or last record."""

        def __init__(self, record_list: RecordList, edge: Edge) -> None:
            super().__init__()
            self.record_list = record_list
            self.edge = edge

        @property
        def control(self) -> RecordList:
            return self.record_list

    @property
    def highlighted_id(self) -> str | None:
        """The option id under the cursor, if any."""
        if self.highlighted is None or self.highlighted >= self.option_count:
            return None
        return self.get_option_at_index(self.highlighted).id

    def rebuild(self, options: Sequence[Option], keep: str | None = None) -> None:
        """Show ``options``, with the cursor on ``keep`` (default: the record it was on)."""
        wanted = keep if keep is not None else self.highlighted_id
        previous = self.highlighted or 0
        self.set_options(options)
        ids = [option.id for option in options]
        if wanted is not None and wanted in ids:
            self.highlighted = ids.index(wanted)
        else:
            self.highlight_near(previous)

    def highlight_near(self, index: int) -> None:
        """Put the cursor on the first selectable option at or after ``index``, else before."""
        count = self.option_count
        if count == 0:
            self.highlighted = None
            return
        start = min(index, count - 1)
        for candidate in (*range(start, count), *range(start - 1, -1, -1)):
            if not self.get_option_at_index(candidate).disabled:
                self.highlighted = candidate
                return
        self.highlighted = None

    def _step(self, direction: int) -> int | None:
        index = self.highlighted
        if index is None:
            return None
        candidate = index + direction
        while 0 <= candidate < self.option_count:
            if not self.get_option_at_index(candidate).disabled:
                return candidate
            candidate += direction
        return None

    def _end(self, direction: int) -> int | None:
        indexes = range(self.option_count)
        for index in indexes if direction > 0 else reversed(indexes):
            if not self.get_option_at_index(index).disabled:
                return index
        return None

    def _move(self, direction: int, edge: Edge) -> None:
        # No cursor yet: the first move lands on the first (or last) record.
        found = self._end(direction) if self.highlighted is None else self._step(direction)
        if found is None:
            self.post_message(self.EdgeReached(self, edge))
        else:
            self.highlighted = found

    def action_cursor_up(self) -> None:
        self._move(-1, "up")

    def action_cursor_down(self) -> None:
        self._move(+1, "down")
