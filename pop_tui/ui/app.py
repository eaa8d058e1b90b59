"""The Textual app: one store shared by every screen, the dashboard as home."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path, PurePath
from typing import Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import Screen

from pop_tui.core.edit import Change
from pop_tui.core.texts import t
from pop_tui.store.plan_store import PlanStore, UndoError
from pop_tui.ui.dialogs.base import blocks_app_keys
from pop_tui.ui.navigation import DIALOG_BLOCKED_ACTIONS, HOME, SECTION_BINDINGS, SECTION_MODES

# How often an open TUI looks whether another session changed the plan file.
RELOAD_SECONDS = 1.0


def styles_folder() -> Path:
    """The ``.tcss`` files: inside the installed package, or beside it in a source tree."""
    here = Path(__file__).resolve().parent.parent
    installed = here / "styles"
    return installed if installed.is_dir() else here.parent / "styles"


class PopApp(App[None]):
    """pop: the Personal Development Plan in the terminal."""

    TITLE = "pop"
    CSS_PATH: ClassVar[list[str | PurePath]] = sorted(styles_folder().glob("*.tcss"))
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", t("ui.key.quit"), id="app.quit"),
        Binding("question_mark,f1", "help", t("ui.key.help"), id="app.help"),
        Binding("c", "checkin", t("checkin.key.open"), id="app.checkin"),
        Binding("x", "export", t("exportui.key"), id="app.export"),
        Binding("u", "undo", t("ui.key.undo"), id="app.undo"),
        Binding("ctrl+r", "redo", t("ui.key.redo"), id="app.redo"),
        *SECTION_BINDINGS,
    ]
    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = dict(SECTION_MODES)
    DEFAULT_MODE: ClassVar[str] = HOME

    # Bumped after every committed change; screens watch it and redraw.
    revision: reactive[int] = reactive(0, init=False)

    def __init__(self, store: PlanStore, today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self.store = store
        self.today = today
        self._unsubscribe = store.subscribe(self._on_store_change)

    def get_default_screen(self) -> DashboardScreen:
        return DashboardScreen()

    def on_mount(self) -> None:
        self.set_interval(RELOAD_SECONDS, self._reload_if_changed)

    def on_unmount(self) -> None:
        self._unsubscribe()

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
            self.say(t("ui.msg.save_failed", error=exc.strerror or exc), severity="error")
            return False
        return True

    def say(self, message: str, severity: SeverityLevel = "information") -> None:
        """Show a short message; it may hold user text, so it is never read as markup."""
        self.notify(message, severity=severity, markup=False)

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
            self.say(t("ui.msg.save_failed", error=exc.strerror or exc), severity="error")
        else:
            self.say(t("ui.msg.undone", label=label))

    def action_redo(self) -> None:
        try:
            label = self.store.redo()
        except UndoError:
            self.say(t("ui.msg.nothing_to_redo"), severity="warning")
        except OSError as exc:
            self.say(t("ui.msg.save_failed", error=exc.strerror or exc), severity="error")
        else:
            self.say(t("ui.msg.redone", label=label))


from pop_tui.ui.screens.dashboard import DashboardScreen  # noqa: E402  (the screen needs PopApp)
