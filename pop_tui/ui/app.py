"""The Textual app: one store shared by every screen, the dashboard as home."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path, PurePath
from typing import Any, ClassVar

from rich.console import RenderableType
from textual import events
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.screen import Screen

from pop_tui.core.edit import Change
from pop_tui.core.entry import clean_entry
from pop_tui.core.failures import describe_os_error
from pop_tui.core.op_error import OpError
from pop_tui.core.rules import RuleError
from pop_tui.core.texts import t
from pop_tui.store.drafts import Draft, list_drafts
from pop_tui.store.plan_store import PlanStore, UndoError, take_warnings
from pop_tui.ui.context import (
    OpenCheckIn,
    OpenExport,
    OpenHelp,
    PopContext,
    QueuedChangeSettled,
    ShowSection,
    StartGuide,
    SwitchLanguage,
)
from pop_tui.ui.dialogs.base import blocks_app_keys
from pop_tui.ui.keys import described
from pop_tui.ui.modes import SECTION_MODES
from pop_tui.ui.navigation import DIALOG_BLOCKED_ACTIONS, HOME, SECTION_BINDINGS
from pop_tui.ui.plan_work import RELOAD_SECONDS
from pop_tui.ui.screens.dashboard import DashboardScreen
from pop_tui.ui.styles import stylesheet
from pop_tui.ui.syncing import QUIT_SYNC_SECONDS, SyncingApp

__all__ = ["QUIT_SYNC_SECONDS", "RELOAD_SECONDS", "PopApp"]


class PopApp(SyncingApp):
    """pop: the Personal Development Plan in the terminal."""

    TITLE = "pop"
    # Each screen loads its own file when first shown (see pop_tui.ui.styles).
    CSS_PATH: ClassVar[list[str | PurePath]] = [stylesheet("app")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", described("ui.key.quit"), id="app.quit"),
        Binding("question_mark,f1", "help", described("ui.key.help"), id="app.help"),
        Binding("c", "checkin", described("checkin.key.open"), id="app.checkin"),
        Binding("x", "export", described("exportui.key"), id="app.export"),
        Binding("u", "undo", described("ui.key.undo"), id="app.undo"),
        Binding("ctrl+r", "redo", described("ui.key.redo"), id="app.redo"),
        *SECTION_BINDINGS,
    ]
    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = dict(SECTION_MODES)
    DEFAULT_MODE: ClassVar[str] = HOME

    # Bumped after every committed change; screens watch it and redraw.
    revision: reactive[int] = reactive(0, init=False)

    def __init__(
        self,
        store: PlanStore,
        today: Callable[[], date] = date.today,
        *,
        guide_empty_plan: bool = True,
        notices: Sequence[str] = (),
    ) -> None:
        super().__init__(store)
        self.today = today
        # An empty plan opens the guided start (tests of other things turn it off).
        self.guide_empty_plan = guide_empty_plan
        # What happened before the app started (copies of the plan merged in): told at mount.
        self._notices = tuple(notices)
        self._unsubscribe = store.subscribe(self._on_store_change)

    def get_default_screen(self) -> DashboardScreen:
        return DashboardScreen()

    def on_mount(self) -> None:
        self.watch_plan_file()
        self._check_sync()
        for notice in self._notices:
            self.say(notice)
        # The guide, the drafts and their dialogs are imported only when needed:
        # most starts have a plan and no drafts, and every import delays the first paint.
        # Kept typing comes first: with a draft to offer, the guide is left for the
        # palette (it would open under the offer, and the draft may hold the first goal).
        drafts, unreadable = list_drafts(self.store.path)
        if drafts or unreadable:
            self.call_after_refresh(self._offer_drafts, drafts, unreadable)
        elif self.guide_empty_plan and self.store.plan.is_empty():
            self.start_guide()

    def start_guide(self) -> None:
        """Walk through the four parts of the plan (see :mod:`pop_tui.ui.screens.guide`)."""
        from pop_tui.ui.screens.guide import GuidedStart

        GuidedStart(self).begin()

    def _offer_drafts(self, drafts: list[Draft], unreadable: list[Path]) -> None:
        from pop_tui.ui.drafts import offer_drafts

        offer_drafts(self, drafts, unreadable)

    def _keep_drafts(self) -> None:
        from pop_tui.ui.drafts import keep_drafts

        keep_drafts(self)

    def on_unmount(self) -> None:
        self._unsubscribe()

    # --- closed from outside --------------------------------------------------
    # A hang-up (SIGHUP, SIGTERM) keeps the drafts and ends the process at once,
    # without Textual's exit, which waits on the terminal (see pop_tui.cli.hangup).

    def panic(self, *renderables: RenderableType) -> None:
        # The input thread panics when the terminal is closed under it (EIO). Whatever
        # goes wrong while keeping the drafts, the app must still end.
        with contextlib.suppress(Exception):
            self._keep_drafts()
        super().panic(*renderables)

    def _handle_exception(self, error: Exception) -> None:
        # A bug that ends the app must not take the typing with it.
        with contextlib.suppress(Exception):
            self._keep_drafts()
        super()._handle_exception(error)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Paste):
            # A paste may carry escape sequences that would reach the terminal from
            # whatever shows it; they are dropped before any widget sees them, and
            # the lines are joined (every field of pop is one line).
            event.text = clean_entry(event.text)
        await super().on_event(event)

    def _on_store_change(self, changes: list[Change] | None) -> None:
        self.revision += 1

    def save(self, label: str, mutation: Callable[..., object]) -> bool:
        """Run a mutation through the store; on failure say so and report False.

        When another pop holds the plan's lock, the change waits for it (off the
        event loop, see :mod:`pop_tui.ui.plan_work`) and True is reported: it is
        kept, and saved in its turn.
        """
        owner = self.screen
        saved = self.run_change(
            lambda: self._apply(label, mutation),
            queued=lambda: self._apply_queued(label, mutation, owner),
        )
        return saved is not False

    def _apply(self, label: str, mutation: Callable[..., object]) -> bool:
        try:
            self.store.apply(label, mutation)
        except OSError as exc:
            self.say(describe_os_error(exc), severity="error")
            return False
        except RuleError as exc:  # the forms check first; this is the rules' last word
            self.say(str(exc), severity="error")
            return False
        for warning in take_warnings():  # a backup that failed: said once
            self.say(warning, severity="warning")
        return True

    def _apply_queued(
        self, label: str, mutation: Callable[..., object], owner: Screen[Any]
    ) -> bool:
        # The change waited for the lock: what came of it goes to the screen that asked
        # (a form waits open for it), else to the app (see _queued_change_settled).
        try:
            saved = self._apply(label, mutation)
        except Exception as exc:
            settled = QueuedChangeSettled(False, exc)
            saved = False
        else:
            settled = QueuedChangeSettled(saved)
        (owner if owner.is_attached else self).post_message(settled)
        return saved

    def on_queued_change_settled(self, message: QueuedChangeSettled) -> None:
        error = message.error
        if error is None:
            return
        if isinstance(error, OpError) and not isinstance(error, RuleError):
            self.say(t("sec.msg.gone"), severity="warning")  # the record went meanwhile
        elif isinstance(error, ValueError):  # a rule, a period's name taken meanwhile
            self.say(str(error), severity="error")
        else:  # what a screen would have asked about, with the screen gone
            self.say(t("ui.msg.save_failed", error=error), severity="error")

    def action_checkin(self) -> None:
        from pop_tui.ui.screens.checkin import CheckInScreen

        if not isinstance(self.screen, CheckInScreen):
            self.push_screen(CheckInScreen())

    def action_export(self) -> None:
        from pop_tui.ui.dialogs.export import ExportDialog

        self.push_screen(ExportDialog(self))

    def action_section(self, mode: str) -> None:
        """Show a section; pressed again there, go back to the section's own screen."""
        if self.current_mode != mode:
            self.switch_mode(mode)
            return
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action in DIALOG_BLOCKED_ACTIONS and blocks_app_keys(self.screen))

    def action_help(self) -> None:
        from pop_tui.ui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.screen))

    def action_undo(self) -> None:
        self.run_change(self._undo)

    def action_redo(self) -> None:
        self.run_change(self._redo)

    def _undo(self) -> bool:
        try:
            label = self.store.undo()
        except UndoError:
            self.say(t("ui.msg.nothing_to_undo"), severity="warning")
        except OSError as exc:
            self.say(describe_os_error(exc), severity="error")
        else:
            self.say(t("ui.msg.undone", label=label))
            return True
        return False

    def _redo(self) -> bool:
        try:
            label = self.store.redo()
        except UndoError:
            self.say(t("ui.msg.nothing_to_redo"), severity="warning")
        except OSError as exc:
            self.say(describe_os_error(exc), severity="error")
        else:
            self.say(t("ui.msg.redone", label=label))
            return True
        return False

    # --- what the screens, dialogs and widgets ask (see pop_tui.ui.context) -------

    def on_show_section(self, message: ShowSection) -> None:
        self.action_section(message.mode)

    def on_open_check_in(self, message: OpenCheckIn) -> None:
        self.action_checkin()

    def on_open_export(self, message: OpenExport) -> None:
        from pop_tui.ui.dialogs.export import ExportDialog

        self.push_screen(ExportDialog(self, period=message.period))

    def on_open_help(self, message: OpenHelp) -> None:
        self.action_help()

    def on_start_guide(self, message: StartGuide) -> None:
        self.start_guide()

    async def on_switch_language(self, message: SwitchLanguage) -> None:
        await self.switch_language(message.language)


def _shows_the_context(app: PopApp) -> PopContext:
    """Never called: mypy checks here that the app shows its parts the face they expect."""
    return app
