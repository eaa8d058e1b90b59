"""The offer of a draft at start: restore it into its form, discard it, or decide later.

When the form can be opened again, ``r`` does that with the typing put back.
When it cannot (what it was about has been deleted, or the form is one pop
cannot open by itself), the typed text is shown here instead, so it can still
be read and copied. Escape leaves the draft for the next start: a draft is
only ever thrown away on purpose.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from pop_tui.core.dates import format_date
from pop_tui.core.printable import printable
from pop_tui.core.texts import t
from pop_tui.store.drafts import Draft
from pop_tui.ui.dialogs.base import Dialog
from pop_tui.ui.keys import described

Answer = Literal["restore", "discard"]


def typed_fields(draft: Draft) -> list[tuple[str, str]]:
    """(label, text) of every field the draft holds, as data."""
    found: list[tuple[str, str]] = []
    for field in draft.document.get("fields", []):
        if isinstance(field, dict):
            found.append((str(field.get("label", "")), str(field.get("shown", ""))))
    return found


class DraftDialog(Dialog[Answer | None]):
    """One kept draft; ``reason`` says why it cannot be restored (empty: it can)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "answer('restore')", described("draft.key.restore"), id="draft.restore"),
        Binding("d", "answer('discard')", described("draft.key.discard"), id="draft.discard"),
        Binding("escape", "later", described("draft.key.later"), id="draft.later"),
    ]

    def __init__(self, draft: Draft, reason: str = "") -> None:
        super().__init__()
        self.draft = draft
        self.reason = reason

    def compose(self) -> ComposeResult:
        written = self.draft.written
        when = f"{format_date(written.date())} {written:%H:%M}"
        form = printable(self.draft.title)
        intro = (
            t("draft.intro_shown", when=when, form=form, reason=self.reason)
            if self.reason
            else t("draft.intro", when=when, form=form)
        )
        with Vertical(id="draft-dialog"):
            yield Static(Content.styled(t("draft.title"), "bold"), id="draft-title")
            yield Static(Content(intro), id="draft-intro")
            with VerticalScroll(id="draft-fields"):
                for label, text in typed_fields(self.draft):
                    yield Static(
                        Content.assemble((printable(label) + ": ", "bold"), printable(text)),
                        classes="draft-field",
                    )
            with Horizontal(id="draft-buttons"):
                if not self.reason:
                    yield Button(Content(t("draft.restore")), id="draft-restore", compact=True)
                yield Button(Content(t("draft.discard")), id="draft-discard", compact=True)
                yield Button(Content(t("draft.later")), id="draft-later", compact=True)

    def on_mount(self) -> None:
        first = "#draft-later" if self.reason else "#draft-restore"
        self.query_one(first, Button).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A draft whose form cannot be opened again is only shown, never "restored".
        return not (action == "answer" and parameters == ("restore",) and bool(self.reason))

    def action_answer(self, answer: Answer) -> None:
        self.dismiss(answer)

    def action_later(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#draft-restore")
    def _restore(self) -> None:
        self.dismiss("restore")

    @on(Button.Pressed, "#draft-discard")
    def _discard(self) -> None:
        self.dismiss("discard")

    @on(Button.Pressed, "#draft-later")
    def _later(self) -> None:
        self.dismiss(None)
