"""The Textual app: one store shared by every screen, the dashboard as home."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path, PurePath
from typing import Any, ClassVar

from rich.console import RenderableType
from textual import events, work
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen

from pop_tui.core.edit import Change
from pop_tui.core.entry import clean_entry
from pop_tui.core.failures import describe_os_error
from pop_tui.core.rules import RuleError
from pop_tui.core.texts import t
from pop_tui.store.drafts import Draft, list_drafts
from pop_tui.store.plan_store import PlanStore, UndoError, take_warnings
from pop_tui.ui.context import (
    OpenCheckIn,
    OpenExport,
    OpenHelp,
    PopContext,
    ShowSection,
    StartGuide,
    SwitchLanguage,
)
from pop_tui.ui.dialogs.base import blocks_app_keys
from pop_tui.ui.keys import described
from pop_tui.ui.modes import SECTION_MODES
from pop_tui.ui.navigation import DIALOG_BLOCKED_ACTIONS, HOME, SECTION_BINDINGS
from pop_tui.ui.screens.dashboard import DashboardScreen
from pop_tui.ui.settings import SYNC_ON_QUIT, read_flag, settings_path
from pop_tui.ui.styles import stylesheet
from pop_tui.ui.sync_run import SyncResult
from pop_tui.ui.terminal import TerminalApp

# How often an open TUI looks whether another session changed the plan file.
RELOAD_SECONDS = 1.0
# The longest a sync on quit may keep pop open (each network step of git is bounded by it too).
QUIT_SYNC_SECONDS = 4.0


class SyncDone(Message):
    """A sync run in a worker thread has finished (or given up)."""

    def __init__(self, result: SyncResult, *, quitting: bool) -> None:
        super().__init__()
        self.result = result
        self.quitting = quitting


class SyncChecked(Message):
    """Whether the plan's folder is set up for sync: the remote's address, or None."""

    def __init__(self, url: str | None) -> None:
        super().__init__()
        self.url = url


class PopApp(TerminalApp):
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
    ) -> None:
        super().__init__()
        self.store = store
        self.today = today
        # An empty plan opens the guided start (tests of other things turn it off).
        self.guide_empty_plan = guide_empty_plan
        self._unsubscribe = store.subscribe(self._on_store_change)
        # Where the plan syncs to (None: not set up, or not known yet); found in a thread.
        self.sync_url: str | None = None
        self.syncing = False
        self._quit_sync = False
        self._quit_done = False
        # What pop says on standard error once the app has ended (the sync on quit).
        self.after_exit: list[str] = []

    def get_default_screen(self) -> DashboardScreen:
        return DashboardScreen()

    def on_mount(self) -> None:
        self.set_interval(RELOAD_SECONDS, self._reload_if_changed)
        self._check_sync()
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

    def _reload_if_changed(self) -> None:
        try:
            if self.store.reload_if_changed():
                self.say(t("ui.msg.reloaded"))
        except Exception as exc:  # a damaged file written by another tool: keep what we show
            self.say(t("ui.msg.save_failed", error=exc), severity="error")

    def save(self, label: str, mutation: Callable[..., object]) -> bool:
        """Run a mutation through the store; on failure say so and report False."""
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

    # --- syncing (see pop_tui.ui.sync_run) ----------------------------------------------
    # git runs in a worker thread, never on the event loop; the thread only posts
    # messages, and their handlers here change what is shown.

    @work(thread=True, exclusive=True, group="sync-check")
    def _check_sync(self) -> None:
        from pop_tui.ui.sync_run import sync_remote

        try:
            url = sync_remote(self.store.path)
        except Exception:  # git missing or broken: the palette just offers no sync
            url = None
        self.post_message(SyncChecked(url))

    def on_sync_checked(self, message: SyncChecked) -> None:
        self.sync_url = message.url

    def start_sync(self) -> None:
        """Sync the plan now (the palette's "Sync now"); the outcome comes as a toast."""
        if self.syncing:
            self.say(t("conflicts.sync.busy"), severity="warning")
            return
        self.syncing = True
        self.say(t("conflicts.sync.started", url=self.sync_url or "git"))
        self._sync_worker(dict(os.environ), quitting=False)

    @work(thread=True, exclusive=True, group="sync")
    def _sync_worker(self, env: dict[str, str], *, quitting: bool) -> None:
        from pop_tui.ui.sync_run import sync_plan

        try:
            result = sync_plan(self.store.path, env)
        except Exception as exc:  # a bug in the sync must not take the app down
            result = SyncResult(error=str(exc) or type(exc).__name__)
        self.post_message(SyncDone(result, quitting=quitting))

    def on_sync_done(self, message: SyncDone) -> None:
        from pop_tui.ui.sync_run import describe

        self.syncing = False
        result = message.result
        if message.quitting or self._quit_sync:
            if not self._quit_done:
                self._quit_done = True
                if not result.ok:
                    self.after_exit.append(t("conflicts.quit.failed", error=result.error))
                self.exit()
            return
        with contextlib.suppress(Exception):  # a damaged file is said by the next reload
            self.store.reload_if_changed()
        self.say(describe(result), severity="information" if result.ok else "error")

    def _wants_quit_sync(self) -> bool:
        return (
            not self._quit_sync
            and self.sync_url is not None
            and read_flag(settings_path(), SYNC_ON_QUIT)
        )

    async def action_quit(self) -> None:
        if self._quit_sync:  # asked again while syncing: quit now
            self._give_up_quit_sync()
            return
        if not self._wants_quit_sync():
            self.exit()
            return
        self._quit_sync = True
        seconds = f"{QUIT_SYNC_SECONDS:g}"
        self.say(t("conflicts.quit.syncing", seconds=seconds))
        self.set_timer(QUIT_SYNC_SECONDS, self._give_up_quit_sync)
        if not self.syncing:
            self.syncing = True
            self._sync_worker({**os.environ, "POP_SYNC_TIMEOUT": seconds}, quitting=True)

    def _give_up_quit_sync(self) -> None:
        if self._quit_done:
            return
        self._quit_done = True
        self.after_exit.append(t("conflicts.quit.gave_up", seconds=f"{QUIT_SYNC_SECONDS:g}"))
        self.exit()

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
        try:
            label = self.store.undo()
        except UndoError:
            self.say(t("ui.msg.nothing_to_undo"), severity="warning")
        except OSError as exc:
            self.say(describe_os_error(exc), severity="error")
        else:
            self.say(t("ui.msg.undone", label=label))

    def action_redo(self) -> None:
        try:
            label = self.store.redo()
        except UndoError:
            self.say(t("ui.msg.nothing_to_redo"), severity="warning")
        except OSError as exc:
            self.say(describe_os_error(exc), severity="error")
        else:
            self.say(t("ui.msg.redone", label=label))

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
