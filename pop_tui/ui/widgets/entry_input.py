"""The one-line text field of every form, the review wizard and the check-in."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import Input

from pop_tui.core.entry import clean_entry


class EntryInput(Input):
    """A one-line input that never holds a control character, with a steady cursor.

    Typing cannot produce one, but a paste can: it arrives as one clean line
    (line breaks and tabs become spaces, other control characters are dropped),
    so nothing pasted can reach the terminal or the plan.

    The cursor does not blink: over SSH every blink is a repaint sent down the line
    twice a second, for as long as the form is open (pop has no animations either).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cursor_blink = False

    def on_paste(self, event: events.Paste) -> None:
        # Input's own handler runs after this one and inserts the (now clean) text.
        event.text = clean_entry(event.text)
