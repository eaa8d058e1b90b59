"""The command palette: find any goal, action, step or review by typing, and do things.

Opened with ``/`` (or ctrl+p). Empty, it lists what can be done here: the keys
of the screen it was opened on first, then the app's own commands. Typing
searches those and every goal, action, step and review by its title; choosing a
record shows it in its section with the cursor on it.

Titles are the user's text: they are shown as data, never read as markup.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.markup import escape
from textual.message import Message
from textual.screen import Screen
from textual.widgets.option_list import Option

from pop_tui.core.dates import format_date
from pop_tui.core.model import Conflict, Review
from pop_tui.core.printable import printable
from pop_tui.core.texts import LANGUAGES, language, t
from pop_tui.ui.context import (
    OpenCheckIn,
    OpenExport,
    OpenHelp,
    ShowSection,
    StartGuide,
    SwitchLanguage,
    pop_context,
)
from pop_tui.ui.dialogs.base import blocks_app_keys
from pop_tui.ui.navigation import SECTIONS
from pop_tui.ui.toasts import ToastsRestUnderDialogs

if TYPE_CHECKING:
    from textual.app import App

    from pop_tui.ui.context import PopContext

Command = Callable[[], Awaitable[None] | None]
# The section where reviews are held (its screen's "hold" action starts one).
REVIEWS = "evaluation"


class Palette(ToastsRestUnderDialogs, CommandPalette):
    """Textual's command palette, in the user's language."""

    def __init__(self, placeholder: str, providers: Any = None) -> None:
        super().__init__(providers, placeholder=placeholder, id="--command-palette")

    # Textual's own says "No matches found" in English; this is the same countdown.
    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Content.styled(t("palette.no_matches"), "italic"),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


def highlighted(matcher: Matcher, text: str) -> Content:
    """``text`` as data, with the letters the query matched underlined."""
    content = Content(text)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize("bold underline", offset, offset + 1)
    return content


def _might_match(query: str, text: str) -> bool:
    """A quick test before the fuzzy one: every letter of the query occurs in ``text``."""
    lowered = text.lower()
    return all(c in lowered for c in query.lower() if not c.isspace())


class PlanCommands(Provider):
    """What the palette offers: this screen's keys, the app's commands and every record."""

    @property
    def pop(self) -> PopContext:
        return cast("PopContext", self.app)

    # --- commands ---------------------------------------------------------------

    def commands(self) -> Iterator[tuple[str, str, Command]]:
        """(name, help, what it does) for everything that makes sense on the calling screen."""
        screen = self.screen
        if blocks_app_keys(screen):
            return
        yield from self._screen_keys(screen)
        app = self.app
        for mode, _key, name in SECTIONS:
            if mode != app.current_mode:
                yield (
                    t("palette.go", section=t(name)),
                    t("palette.go.help"),
                    self._asking(ShowSection(mode)),
                )
        yield t("palette.new_goal"), t("palette.new_goal.help"), self._new_goal
        if self.pop.store.plan.table(Conflict):
            yield (
                t("conflicts.palette.open"),
                t("conflicts.palette.open.help"),
                self._conflicts,
            )
        url = self.pop.sync_url
        if url is not None:
            yield (
                t("conflicts.palette.sync"),
                t("conflicts.palette.sync.help", url=printable(url)),
                self.pop.start_sync,
            )
        yield t("palette.checkin"), t("palette.checkin.help"), self._asking(OpenCheckIn())
        if REVIEWS in app.MODES and app.current_mode != REVIEWS:
            yield t("palette.review"), t("palette.review.help"), self._hold_review
        yield t("palette.export"), t("palette.export.help"), self._asking(OpenExport())
        yield t("palette.periods"), t("palette.periods.help"), self._periods
        other = next(lang for lang in LANGUAGES if lang != language())
        yield (
            t("palette.language"),
            t("palette.language.help"),
            self._asking(SwitchLanguage(other)),
        )
        yield t("palette.theme"), t("palette.theme.help"), self._pick_theme
        yield t("palette.guide"), t("palette.guide.help"), self._asking(StartGuide())
        yield t("palette.help"), t("palette.help.help"), self._asking(OpenHelp())
        yield t("palette.quit"), t("palette.quit.help"), app.action_quit

    def _asking(self, message: Message) -> Command:
        """A command that asks the app with ``message`` (see :mod:`pop_tui.ui.context`)."""

        def ask() -> None:
            self.app.post_message(message)

        return ask

    def _screen_keys(self, screen: Screen[Any]) -> Iterator[tuple[str, str, Command]]:
        """The calling screen's own keys (add, edit, reschedule...) as commands."""
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if (
                active.node is not screen
                or not active.enabled
                or binding.id is None
                or binding.id.startswith("app.")
                or not binding.description
                or binding.action in seen
            ):
                continue
            seen.add(binding.action)
            key = self.app.get_key_display(binding)
            yield (
                binding.description,
                t("palette.here.help", key=escape(key)),
                partial(screen.run_action, binding.action),
            )

    async def _new_goal(self) -> None:
        screen = await show_section(self.app, "goals")
        await screen.run_action("add")

    async def _hold_review(self) -> None:
        screen = await show_section(self.app, REVIEWS)
        await screen.run_action("hold")

    async def _periods(self) -> None:
        from pop_tui.ui.screens.periods import PeriodsScreen

        await show_section(self.app, REVIEWS)
        await self.app.push_screen(PeriodsScreen())

    async def _conflicts(self) -> None:
        from pop_tui.ui.screens.conflicts import ConflictsScreen

        await show_section(self.app, "dashboard")
        await self.app.push_screen(ConflictsScreen())

    def _pick_theme(self) -> None:
        self.app.push_screen(Palette(t("palette.theme.placeholder"), providers=[ThemeCommands]))

    # --- records ----------------------------------------------------------------

    def records(self) -> Iterator[tuple[str, str, str, Command]]:
        """(kind, title, help, show it) for every goal, action, step and review."""
        plan = self.pop.store.plan
        pop = self.app
        for goal in plan.goals.values():
            yield t("palette.kind.goal"), goal.title, "", partial(show_goal, pop, goal.id)
        for action in plan.actions.values():
            owner = plan.goals.get(action.goal_id)
            about = escape(printable(owner.title)) if owner else ""
            yield (
                t("palette.kind.action"),
                action.action,
                about,
                partial(show_action, pop, action.id),
            )
        for step in plan.steps.values():
            owner = plan.goals.get(step.goal_id)
            when = format_date(step.due) if step.due else t("palette.step.no_date")
            about = t(
                "palette.step.help",
                goal=escape(printable(owner.title)) if owner else "—",
                when=when,
            )
            yield t("palette.kind.step"), step.title, about, partial(show_step, pop, step.id)
        for review in plan.table(Review).values():
            about_goal = plan.goals.get(review.goal_id) if review.goal_id is not None else None
            about = escape(printable(about_goal.title)) if about_goal else t("palette.review.plan")
            yield (
                t("palette.kind.review"),
                review.title,
                about,
                partial(show_review, pop, review.id),
            )

    # --- the palette's questions ------------------------------------------------

    async def discover(self) -> Hits:
        for name, help, command in self.commands():
            yield DiscoveryHit(Content(name), command, text=name, help=escape(help))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help, command in self.commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, highlighted(matcher, name), command, text=name, help=escape(help))
        if blocks_app_keys(self.screen):
            return
        for kind, title, help, command in self.records():
            shown = printable(title)
            if not shown.strip() or not _might_match(query, shown):
                continue
            score = matcher.match(shown)
            if score > 0:
                display = Content.assemble((f"{kind}: ", "dim"), highlighted(matcher, shown))
                yield Hit(score, display, command, text=f"{kind}: {shown}", help=help or None)


class ThemeCommands(Provider):
    """The colour themes; the one chosen is remembered for the next start."""

    def _themes(self) -> Iterator[tuple[str, str]]:
        app = self.app
        for name in sorted(app.available_themes):
            yield name, t("palette.theme.current") if name == app.theme else ""

    def _choose(self, name: str) -> None:
        cast("PopContext", self.app).switch_theme(name)

    async def discover(self) -> Hits:
        for name, help in self._themes():
            yield DiscoveryHit(Content(name), partial(self._choose, name), text=name, help=help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help in self._themes():
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score,
                    highlighted(matcher, name),
                    partial(self._choose, name),
                    text=name,
                    help=help,
                )


# --- showing a record in its section ---------------------------------------------


async def show_section(pop: App[Any], mode: str) -> Screen[Any]:
    """The section's own screen, shown (anything pushed on top of it is closed)."""
    if pop.current_mode != mode:
        await pop.switch_mode(mode)
    while len(pop.screen_stack) > 1:
        await pop.pop_screen()
    return pop.screen


async def _reveal(pop: App[Any], mode: str, option_id: str) -> Screen[Any]:
    screen = await show_section(pop, mode)
    reveal = getattr(screen, "reveal", None)
    if callable(reveal):
        reveal(option_id)
    return screen


async def show_goal(pop: App[Any], goal_id: int) -> None:
    await _reveal(pop, "goals", f"goal:{goal_id}")


async def show_action(pop: App[Any], action_id: int) -> None:
    await _reveal(pop, "actions", f"action:{action_id}")


async def show_step(pop: App[Any], step_id: int) -> None:
    """The step in the steps of its action (or its goal's loose steps), cursor on it."""
    from pop_tui.ui.screens.steps import StepsScreen

    plan = pop_context(pop).store.plan
    step = plan.steps.get(step_id)
    if step is None:
        return
    action_id = step.action_id if step.action_id in plan.actions else None
    row = f"action:{action_id}" if action_id is not None else f"loose:{step.goal_id}"
    await _reveal(pop, "actions", row)
    steps = StepsScreen(step.goal_id, action_id)
    steps.select_next = f"step:{step_id}"
    await pop.push_screen(steps)


async def show_review(pop: App[Any], review_id: int) -> None:
    """The review where it is listed: the evaluation screen if there is one, else the
    dashboard when it is due soon; otherwise say that it is not shown anywhere."""
    option_id = f"review:{review_id}"
    for mode in (REVIEWS, "dashboard"):
        if mode not in pop.MODES:
            continue
        screen = await show_section(pop, mode)
        reveal = getattr(screen, "reveal", None)
        if callable(reveal) and reveal(option_id):
            return
    pop_context(pop).say(t("palette.not_shown"), severity="warning")
