"""The part of the app that makes it at home in any terminal.

- Every key description, key name and built-in message in the user's language,
  and a language switch that rebuilds every screen in the other one.
- The command palette on ``/`` and ctrl+p (see :mod:`pop_tui.ui.palette`).
- The user's ``keymap.toml``; a bad one is reported and left unused.
- A window too small for pop gets a notice instead of a broken layout.
- ``NO_COLOR`` means the terminal's own colours, not grey ones.
- No animations: pop is used over SSH and in tmux, where they only cost
  bandwidth, and nothing in it needs motion to be understood. Textual's own
  ``TEXTUAL_ANIMATIONS`` variable still wins.
- The colour theme chosen in the palette is remembered (see :mod:`pop_tui.ui.settings`).
- A terminal that went away ends the app as a hang-up does (see :mod:`pop_tui.cli.hangup`),
  not through Textual's exit, which would wait on it.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import TYPE_CHECKING, Any, ClassVar, cast

from rich.console import RenderableType
from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import CommandPalette, Provider
from textual.filter import Monochrome, NoColor
from textual.notifications import SeverityLevel

from pop_tui.cli import hangup
from pop_tui.core.printable import printable
from pop_tui.core.texts import set_language, t
from pop_tui.ui.keymap import KeymapError, keymap_path, read_keymap
from pop_tui.ui.keys import described, import_every_ui_module, pop_bindings, relabel, shown_key
from pop_tui.ui.screens.too_small import TooSmallScreen, too_small
from pop_tui.ui.settings import read_settings, remember, settings_path

if TYPE_CHECKING:
    from pop_tui.ui.app import PopApp

THEME = "theme"


def plan_commands() -> type[Provider]:
    """The palette's commands, imported when the palette first opens, not at start."""
    from pop_tui.ui.palette import PlanCommands

    return PlanCommands


class TerminalApp(App[None]):
    """An app that speaks the user's language, takes their keys and fits their window."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash,ctrl+p", "command_palette", described("term.key.palette"), id="app.palette"),
    ]
    COMMANDS: ClassVar[set[type[Provider] | Any]] = {plan_commands}

    def __init__(self) -> None:
        super().__init__()
        # Modules imported before the language was chosen hold descriptions in another one.
        relabel(self)
        if "TEXTUAL_ANIMATIONS" not in os.environ:
            self.animation_level = "none"
        if self.no_color:
            # Textual greys the theme's colours, which turns a red "! late" into dark grey
            # on black. The terminal's own colours keep every text readable; bold, reverse
            # and the marks (!, [x], the SMART letters) carry the meaning.
            self._filters = [NoColor() if isinstance(f, Monochrome) else f for f in self._filters]
        theme = read_settings(settings_path()).get(THEME)
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme

    def say(self, message: str, severity: SeverityLevel = "information") -> None:
        """Show a short message; it may hold user text, so it is never read as markup,
        and a control character in it is shown as a harmless picture."""
        shown = "\n".join(printable(line) for line in message.split("\n"))
        self.notify(shown, severity=severity, markup=False)

    def panic(self, *renderables: RenderableType) -> None:
        # Textual's input thread panics the app when a read fails; when the terminal
        # hung up, there is no one to show the error to, and exiting would wait on it.
        if sys.__stdin__ is not None and hangup.terminal_gone(sys.__stdin__.fileno()):
            hangup.hang_up(signal.SIGHUP)
        super().panic(*renderables)

    def on_mount(self) -> None:
        self.load_keymap()
        self.call_after_refresh(self.fit_window)

    # --- keys -------------------------------------------------------------------

    def load_keymap(self) -> None:
        """Use the user's ``keymap.toml``; a file with a mistake is reported and not used."""
        path = keymap_path()
        if not path.exists():
            return
        import_every_ui_module()
        known = {binding.id for _cls, binding in pop_bindings() if binding.id}
        try:
            keymap = read_keymap(path, known)
        except KeymapError as exc:
            self.say(exc.message, severity="error")
            return
        self.set_keymap(keymap)

    def get_key_display(self, binding: Binding) -> str:
        return shown_key(super().get_key_display(binding))

    def action_help_quit(self) -> None:
        # ctrl+c copies; Textual's hint about quitting instead is in English only.
        bindings = [active.binding for active in self.active_bindings.values()]
        for binding in sorted(bindings, key=lambda b: b.id != "app.quit"):
            if binding.action in ("quit", "app.quit"):
                self.say(t("term.quit_hint", key=self.get_key_display(binding)))
                return

    def action_command_palette(self) -> None:
        from pop_tui.ui.palette import Palette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(Palette(t("palette.placeholder")))

    # --- language and colours ---------------------------------------------------

    async def switch_language(self, lang: str) -> None:
        """Say everything in ``lang`` from now on: keys at once, screens made anew, with
        the cursor where it was (the same record, on the same screen)."""
        from pop_tui.ui.drafts import place_of, show_place

        app = cast("PopApp", self)
        where = place_of(app)
        set_language(lang)
        relabel(self)
        current = self.current_mode
        modes = dict(self.MODES)
        for mode, screen in modes.items():
            if mode != current:
                await self.remove_mode(mode)
                self.add_mode(mode, screen)
        # The mode on show cannot be removed: show another one (made anew) meanwhile.
        spare = next(mode for mode in modes if mode != current)
        await self.switch_mode(spare)
        await self.remove_mode(current)
        self.add_mode(current, modes[current])
        await self.switch_mode(current)
        if where is not None:
            await show_place(app, *where)
        self.say(t("lang.switched"))

    def switch_theme(self, name: str) -> None:
        """Use the colour theme ``name`` and remember it for the next start."""
        self.theme = name
        try:
            remember(settings_path(), THEME, name)
        except OSError as exc:
            self.say(t("theme.not_saved", error=exc.strerror or exc), severity="warning")
            return
        self.say(t("theme.switched", name=name))

    # --- the window -------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self.fit_window)

    def fit_window(self) -> None:
        """Cover the screens with a notice while the window is too small, and uncover
        them once it is large enough again."""
        small = too_small(self.size)
        showing = isinstance(self.screen, TooSmallScreen)
        if small and not showing:
            self.push_screen(TooSmallScreen())
        elif small and isinstance(self.screen, TooSmallScreen):
            self.screen.show_size(self.size)
        elif showing and not small:
            self.pop_screen()
