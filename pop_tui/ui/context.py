"""What the app gives its parts, and what the parts tell the app.

Screens, dialogs and widgets never import the app class. What they need from it
(the store, the clock, saving, messages to the person) they reach through
:class:`PopContext`, the small typed face the app shows them (see
:func:`pop_context`); what the app must do for them (show a section, open the
check-in, the export, help or the guided start, speak another language) they ask
with a Textual message, which bubbles up to the app like any other. The app
composes; the parts do not know it, and each can be tested with any app that
shows this face.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Protocol, cast

from textual.message import Message
from textual.notifications import SeverityLevel

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from pop_tui.store.plan_store import PlanStore


class PopContext(Protocol):
    """The app as its screens, dialogs and widgets see it."""

    # The one store of the session; read its ``plan``, change it only through :meth:`save`.
    store: PlanStore
    # What "today" is (fixed in tests).
    today: Callable[[], date]
    # Bumped after every committed change; watch it on ``self.app`` to redraw.
    revision: int
    # Where the plan syncs to through git; None when its folder is not set up for sync.
    sync_url: str | None

    def save(self, label: str, mutation: Callable[..., object]) -> bool:
        """Run a mutation through the store; on failure say so and report False.

        While another pop holds the plan, the change waits for it and True is
        reported at once; :attr:`saves_waiting` is then above 0, and the screen
        that saved is sent :class:`QueuedChangeSettled` once it is done.
        """
        ...

    @property
    def saves_waiting(self) -> int:
        """How many changes wait for another pop to let the plan go."""
        ...

    def say(self, message: str, severity: SeverityLevel = "information") -> None:
        """Show a short message (never read as markup)."""
        ...

    def switch_theme(self, name: str) -> None:
        """Use the colour theme ``name`` and remember it for the next start."""
        ...

    def start_sync(self) -> None:
        """Sync the plan through git in a worker thread; the outcome comes as a toast."""
        ...


def pop_context(node: DOMNode) -> PopContext:
    """The app that ``node`` runs in, as a :class:`PopContext`."""
    return cast("PopContext", node.app)


# --- what the app tells the parts -------------------------------------------


class QueuedChangeSettled(Message):
    """A change that waited for another pop is done: ``saved``, or refused with ``error``.

    Sent to the screen that asked for the change; what it does not handle (and
    stop) reaches the app, which says what went wrong.
    """

    def __init__(self, saved: bool, error: Exception | None = None) -> None:
        super().__init__()
        self.saved = saved
        self.error = error


# --- what the parts ask of the app --------------------------------------------


class ShowSection(Message):
    """Show a section (a mode); asked again there, go back to its own screen."""

    def __init__(self, mode: str) -> None:
        super().__init__()
        self.mode = mode


class OpenCheckIn(Message):
    """Open the daily check-in."""


class OpenExport(Message):
    """Open the export dialog (for ``period``, a kept period's name; None: the current one)."""

    def __init__(self, period: str | None = None) -> None:
        super().__init__()
        self.period = period


class OpenHelp(Message):
    """Show the keys of the screen on top."""


class StartGuide(Message):
    """Walk through the four parts of the plan."""


class SwitchLanguage(Message):
    """Say everything in ``language`` from now on."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language
