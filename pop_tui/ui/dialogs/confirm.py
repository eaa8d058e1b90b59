"""Ask before something is deleted: y deletes, n or Escape keeps it.

The answers are named by what they do, on the buttons and in the key bar
("Delete" and "Keep", not "Yes" and "No"); a dialog that asks about something
else than a deletion is a subclass with words of its own (the keys stay y and n;
each answer has an id of its own, as the keymap wants one meaning per id).
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from pop_tui.core.printable import printable
from pop_tui.core.texts import t
from pop_tui.ui.dialogs.base import Dialog
from pop_tui.ui.keys import described


class ConfirmDialog(Dialog[bool]):
    """A question about one record (user text, shown as data) and what goes with it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "confirm", described("confirm.key.delete"), id="confirm.yes"),
        Binding("n,escape", "cancel", described("confirm.key.keep"), id="confirm.no"),
    ]
    # The buttons' words (catalogue keys), unless the caller gives its own.
    YES: ClassVar[str] = "confirm.delete"
    NO: ClassVar[str] = "confirm.keep"

    def __init__(
        self, question: str, subject: str, detail: str = "", yes: str = "", no: str = ""
    ) -> None:
        super().__init__()
        self.question = question
        self.subject = subject
        self.detail = detail
        self.yes = yes or t(self.YES)
        self.no = no or t(self.NO)

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog"):
            yield Static(Content.styled(self.question, "bold"), id="confirm-question")
            yield Static(Content(printable(self.subject)), id="confirm-subject")
            if self.detail:
                yield Static(Content(self.detail), id="confirm-detail")
            with Horizontal(id="confirm-buttons"):
                yield Button(Content(self.yes), id="confirm-yes", compact=True)
                yield Button(Content(self.no), id="confirm-no", compact=True)

    def on_mount(self) -> None:
        # The safe answer has the cursor: Enter right after d keeps the record.
        self.query_one("#confirm-no", Button).focus()

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)

    @on(Button.Pressed, "#confirm-yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def _no(self) -> None:
        self.dismiss(False)


class ClearDialog(ConfirmDialog):
    """Ask before something is emptied (the dream job): y clears it, n or Escape keeps it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "confirm", described("confirm.key.clear"), id="confirm.clear"),
    ]
    YES = "confirm.clear"


class StartPeriodDialog(ConfirmDialog):
    """Ask before a new plan period starts: y starts it, n or Escape does not."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "confirm", described("periodsui.key.start"), id="periods.start"),
        Binding("n,escape", "cancel", described("periodsui.key.dont_start"), id="periods.keep"),
    ]
