"""Ask before something is deleted: y deletes, n or Escape keeps it."""

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
        Binding("y", "confirm", described("confirm.key.yes"), id="confirm.yes"),
        Binding("n,escape", "cancel", described("confirm.key.no"), id="confirm.no"),
    ]

    def __init__(
        self, question: str, subject: str, detail: str = "", yes: str = "", no: str = ""
    ) -> None:
        super().__init__()
        self.question = question
        self.subject = subject
        self.detail = detail
        self.yes = yes or t("confirm.delete")
        self.no = no or t("confirm.keep")

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
