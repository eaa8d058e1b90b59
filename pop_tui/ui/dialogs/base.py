"""The base of every dialog: while one is open, the app's own keys rest.

A dialog is answered or cancelled before anything else happens: ``u`` must not
undo a change underneath an open form, nor ``2`` switch sections, nor ``c``
open the check-in on top of it. The app asks :func:`blocks_app_keys`.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import ClassVar, TypeVar

from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen

from pop_tui.ui.keys import described
from pop_tui.ui.styles import DIALOG_STYLES
from pop_tui.ui.toasts import ToastsRestUnderDialogs

ResultT = TypeVar("ResultT")


class Dialog(ToastsRestUnderDialogs, ModalScreen[ResultT]):
    """A modal dialog; see the module docstring."""

    CSS_PATH: ClassVar[list[str | PurePath]] = list(DIALOG_STYLES)

    # The app's keys do not reach a modal screen, so help is bound on every dialog.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark,f1", "app.help", described("ui.key.help"), id="dialog.help"),
    ]


def blocks_app_keys(screen: Screen[object]) -> bool:
    """True when ``screen`` is a dialog, so the app's keys other than help wait."""
    return isinstance(screen, Dialog)
