"""Both versions of a record that two sessions changed at once, and the choice between them.

``m`` keeps mine (saved over theirs, as a change of its own that undo takes
back), ``t`` keeps theirs (my typing is dropped), Escape goes back to the form
with everything I typed still in it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from pop_tui.core.texts import t
from pop_tui.ui.dialogs.base import Dialog
from pop_tui.ui.dialogs.fields import FormField, describe_value
from pop_tui.ui.dialogs.merge import Conflict
from pop_tui.ui.keys import described

Answer = Literal["mine", "theirs"]


def version_line(label: str, text: str) -> Content:
    """One version of a field: who it is from, then the value (shown as data)."""
    shown = (text, "") if text else (t("conflict.empty"), "italic dim")
    return Content.assemble("  ", (label + ": ", "bold"), shown)


class ConflictDialog(Dialog[Answer | None]):
    """The fields both sides changed, each with my value and the saved one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "answer('mine')", described("conflict.key.mine"), id="conflict.mine"),
        Binding("t", "answer('theirs')", described("conflict.key.theirs"), id="conflict.theirs"),
        Binding("escape", "back", described("conflict.key.back"), id="conflict.back"),
    ]

    def __init__(self, conflict: Conflict, fields: Mapping[str, FormField]) -> None:
        super().__init__()
        self.conflict = conflict
        self.fields = fields

    def compose(self) -> ComposeResult:
        with Vertical(id="conflict-dialog"):
            yield Static(Content.styled(t("conflict.title"), "bold"), id="conflict-title")
            yield Static(Content(t("conflict.intro")), id="conflict-intro")
            with VerticalScroll(id="conflict-fields"):
                for name in self.conflict.clashes:
                    field = self.fields[name]
                    mine = describe_value(field, self.conflict.mine.get(name))
                    theirs = describe_value(field, self.conflict.their_values.get(name))
                    yield Static(
                        Content("\n").join(
                            [
                                Content.styled(field.label, "underline"),
                                version_line(t("conflict.mine"), mine),
                                version_line(t("conflict.theirs"), theirs),
                            ]
                        ),
                        classes="conflict-field",
                    )
            with Horizontal(id="conflict-buttons"):
                yield Button(Content(t("conflict.keep_mine")), id="conflict-mine", compact=True)
                yield Button(Content(t("conflict.keep_theirs")), id="conflict-theirs", compact=True)
                yield Button(Content(t("conflict.back")), id="conflict-back", compact=True)

    def on_mount(self) -> None:
        # The safe answer has the cursor: Enter goes back to the form, losing nothing.
        self.query_one("#conflict-back", Button).focus()

    def action_answer(self, answer: Answer) -> None:
        self.dismiss(answer)

    def action_back(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#conflict-mine")
    def _mine(self) -> None:
        self.dismiss("mine")

    @on(Button.Pressed, "#conflict-theirs")
    def _theirs(self) -> None:
        self.dismiss("theirs")

    @on(Button.Pressed, "#conflict-back")
    def _back(self) -> None:
        self.dismiss(None)
