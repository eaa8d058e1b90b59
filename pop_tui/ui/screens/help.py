"""Help: the keys of the screen underneath, taken from its live bindings, and the method."""

from __future__ import annotations

from pathlib import PurePath
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from pop_tui.core.texts import t
from pop_tui.ui.dialogs.form import FormDialog
from pop_tui.ui.keymap import keymap_path
from pop_tui.ui.keys import described
from pop_tui.ui.styles import stylesheet
from pop_tui.ui.toasts import ToastsRestUnderDialogs


def key_table(screen: Screen[object]) -> list[tuple[str, str]]:
    """(keys, description) for every binding active on ``screen`` that has a description."""
    rows: dict[str, list[str]] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        # Only pop's own bindings (they all have ids): Textual's built-in
        # scrolling and copying keys would drown the ones that matter.
        if not binding.description or binding.system or binding.id is None:
            continue
        shown = screen.app.get_key_display(binding)
        rows.setdefault(binding.description, [])
        if shown not in rows[binding.description]:
            rows[binding.description].append(shown)
    return [(" ".join(keys), description) for description, keys in rows.items()]


class HelpScreen(ToastsRestUnderDialogs, ModalScreen[None]):
    """The keys of the screen it was opened on, and a short guide to the POP method."""

    CSS_PATH: ClassVar[list[str | PurePath]] = [stylesheet("help")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", described("ui.key.close"), id="help.close"),
    ]

    def __init__(self, underneath: Screen[object]) -> None:
        super().__init__()
        self._keys = key_table(underneath)
        # Moving between fields and saving with Enter are not bindings of the form's own.
        self._note = t("help.form") if isinstance(underneath, FormDialog) else ""

    def compose(self) -> ComposeResult:
        width = max((len(k) for k, _ in self._keys), default=0) + 2
        keys = Content("\n").join(
            Content.assemble((k.ljust(width), "bold"), d) for k, d in self._keys
        )
        with VerticalScroll(id="help-body"):
            yield Static(Content.styled(t("ui.help.title"), "bold"), classes="help-title")
            yield Static(Content.styled(t("ui.help.keys"), "bold underline"))
            yield Static(keys, id="help-keys")
            if self._note:
                yield Static(Content(self._note), id="help-note")
            yield Static(Content.styled(t("ui.help.method_title"), "bold underline"))
            yield Static(Content(t("ui.help.method")), id="help-method")
            yield Static(Content.styled(t("keymap.help", path=keymap_path()), "dim"))

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
