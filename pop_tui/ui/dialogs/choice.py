"""Pick one of a few options from a short list: arrows or j/k and Enter, or an option's
letter; Escape cancels."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.events import Key
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from pop_tui.ui.dialogs.base import Dialog
from pop_tui.ui.keys import described
from pop_tui.ui.widgets.record_list import RecordList


class ChoiceDialog(Dialog[str | None]):
    """A title and options given as (value, label); dismisses with the value or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", described("form.key.cancel"), id="choice.cancel"),
    ]

    def __init__(self, title: str, options: Sequence[tuple[str, str]], current: str = "") -> None:
        super().__init__()
        self.choice_title = title
        self.options = list(options)
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="choice-dialog"):
            yield Static(Content.styled(self.choice_title, "bold"), id="choice-title")
            yield RecordList(
                *(Option(Content(label), id=value) for value, label in self.options),
                id="choice-list",
            )

    def on_mount(self) -> None:
        listing = self.query_one(RecordList)
        values = [value for value, _ in self.options]
        listing.highlighted = values.index(self.current) if self.current in values else 0

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def on_key(self, event: Key) -> None:
        # An option whose value is one letter is picked with that letter: m then w.
        letter = (event.character or "").upper()
        if len(letter) == 1 and letter in {value for value, _ in self.options if len(value) == 1}:
            event.stop()
            self.dismiss(letter)

    def action_cancel(self) -> None:
        self.dismiss(None)
