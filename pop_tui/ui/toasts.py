"""A screen under another one shows none of its toasts: the screen on top shows them.

Textual gives the new screen on top the toasts; the screen under a dialog keeps
its old ones, which showed through the dialog's dimmed background a second time.
So while a screen is covered, its toast rack wears :data:`UNDER` and its toasts
are hidden (``styles/app.tcss``).

The class goes on the rack, not on the screen (``App.SUSPENDED_SCREEN_CLASS``):
a class on the screen makes Textual restyle every widget on it, each time a dialog
opens and each time it closes: about a tenth of the CPU of pop's screen tests.
"""

from __future__ import annotations

from typing import Any, cast

from textual.screen import Screen

UNDER = "-under-dialog"


class ToastsRestUnderDialogs:
    """For every screen of pop: its toasts rest while another screen covers it."""

    def on_screen_suspend(self) -> None:
        _rest(cast("Screen[Any]", self), True)

    def on_screen_resume(self) -> None:
        _rest(cast("Screen[Any]", self), False)


def _rest(screen: Screen[Any], covered: bool) -> None:
    for rack in screen.query_children("ToastRack"):
        rack.set_class(covered, UNDER)
