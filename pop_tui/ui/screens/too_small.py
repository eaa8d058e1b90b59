"""What pop shows in a window too small for its screens: a plain request to enlarge it.

Below :data:`MIN_SIZE` the forms and lists would be cut off mid-word, so the app
puts this screen on top of whatever was open and takes it away again once the
window is large enough: nothing underneath is lost or closed. Only quitting
works meanwhile, so no key acts on a screen the user cannot see.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widgets import Static

from pop_tui.core.texts import t
from pop_tui.ui.keys import described
from pop_tui.ui.styles import stylesheet
from pop_tui.ui.toasts import ToastsRestUnderDialogs

# The smallest window every screen is laid out for (a phone's SSH client in landscape).
MIN_SIZE = Size(50, 16)


def too_small(size: Size) -> bool:
    return size.width < MIN_SIZE.width or size.height < MIN_SIZE.height


class TooSmallScreen(ToastsRestUnderDialogs, ModalScreen[None]):
    """A notice that the window is too small, over the screen it hides."""

    CSS_PATH: ClassVar[list[str | PurePath]] = [stylesheet("terminal")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,ctrl+c", "app.quit", described("ui.key.quit"), id="small.quit"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="small-body"):
            yield Static(Content.styled(t("small.title"), "bold"), id="small-title")
            yield Static(id="small-size")
            yield Static(id="small-quit")

    def on_mount(self) -> None:
        self.show_size(self.app.size)

    def show_size(self, size: Size) -> None:
        """Say how large the window is now and what pop needs."""
        need = f"{MIN_SIZE.width}×{MIN_SIZE.height}"
        have = f"{size.width}×{size.height}"
        # Before it is composed there is nothing to update: on_mount says it then.
        for body in self.query("#small-size").results(Static):
            body.update(Content(t("small.body", need=need, have=have)))
        quits = [b.binding for b in self.active_bindings.values() if b.binding.id == "small.quit"]
        # Name the plainest of its keys: q rather than ctrl+c.
        plainest = sorted(quits, key=lambda binding: "+" in binding.key)
        key = self.app.get_key_display(plainest[0]) if plainest else "q"
        for hint in self.query("#small-quit").results(Static):
            hint.update(Content.styled(t("small.quit", key=key), "dim"))
