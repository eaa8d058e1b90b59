"""The home screen: what needs attention today."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from pop_tui.core import agenda, checkins, ops
from pop_tui.core.dates import format_date, relative_day
from pop_tui.core.model import Goal
from pop_tui.core.printable import printable
from pop_tui.core.texts import t

if TYPE_CHECKING:
    from pop_tui.ui.app import PopApp

SOON_DAYS = 7
REVIEW_DAYS = 14
WHEN_WIDTH = 13


class AgendaList(OptionList):
    """The dashboard's one list: section headings and the items under them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", t("ui.key.down"), show=False, id="list.down"),
        Binding("up,k", "cursor_up", t("ui.key.up"), show=False, id="list.up"),
    ]


def _heading(text: str) -> Option:
    return Option(Content.styled(text, "bold"), disabled=True)


def _hint(text: str) -> Option:
    return Option(Content.styled("  " + text, "italic"), disabled=True)


def _row(when: str, title: str, goal: str, when_style: str, id: str) -> Option:
    parts: list[tuple[str, str] | str] = [
        ("  " + when.ljust(WHEN_WIDTH), when_style),
        printable(title),
    ]
    if goal:
        parts.append((" · " + printable(goal), "dim"))
    return Option(Content.assemble(*parts), id=id)


def _goal_title(goal: Goal | None) -> str:
    return goal.title if goal is not None else t("ui.step.no_goal")


def _highlight_enabled(listing: OptionList, index: int) -> None:
    """Put the cursor on the first selectable option at or after ``index`` (else before it)."""
    count = listing.option_count
    order = [*range(min(index, count - 1), count), *range(min(index, count) - 1, -1, -1)]
    for candidate in order:
        if not listing.get_option_at_index(candidate).disabled:
            listing.highlighted = candidate
            return
    listing.highlighted = None


class DashboardScreen(Screen[None]):
    """Overdue steps, steps due soon, upcoming reviews and goals that stand still."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "done", t("ui.key.done"), id="dashboard.done"),
    ]

    @property
    def pop(self) -> PopApp:
        return cast("PopApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="checkin-summary")
        yield AgendaList(id="agenda")
        yield Footer(compact=True, show_command_palette=False)  # so 1-5 fit at 80 columns

    def on_mount(self) -> None:
        self.title = t("ui.dashboard")
        self.watch(self.pop, "revision", self.refresh_agenda, init=False)
        self.refresh_agenda()

    def refresh_agenda(self) -> None:
        """Rebuild the list from the plan, keeping the cursor where it was."""
        app = self.pop
        today = app.today()
        plan = app.store.plan
        owner = plan.profile.owner
        day = format_date(today)
        self.sub_title = (
            t("ui.subtitle", owner=printable(owner), today=day)
            if owner
            else t("ui.subtitle.anonymous", today=day)
        )

        options: list[Option] = [_heading(t("ui.section.overdue"))]
        overdue = agenda.overdue_steps(plan, today)
        for item in overdue:
            days = item.days_overdue(today)
            when = t("ui.when.overdue_one") if days == 1 else t("ui.when.overdue", days=days)
            options.append(
                _row(
                    when,
                    item.step.title,
                    _goal_title(item.goal),
                    "bold red",
                    f"step:{item.step.id}",
                )
            )
        if not overdue:
            options.append(_hint(t("ui.nothing.overdue")))

        options.append(_heading(t("ui.section.soon", days=SOON_DAYS)))
        soon = agenda.steps_due_soon(plan, today, SOON_DAYS)
        for item in soon:
            when = relative_day(item.due, today)
            style = "bold yellow" if item.due == today else ""
            options.append(
                _row(when, item.step.title, _goal_title(item.goal), style, f"step:{item.step.id}")
            )
        if not soon:
            options.append(_hint(t("ui.nothing.soon")))

        options.append(_heading(t("ui.section.reviews", days=REVIEW_DAYS)))
        reviews = agenda.upcoming_reviews(plan, today, REVIEW_DAYS)
        for due_review in reviews:
            when = relative_day(due_review.due, today)
            style = "bold red" if due_review.due < today else ""
            about = (
                due_review.goal.title if due_review.goal is not None else t("ui.review.whole_plan")
            )
            options.append(
                _row(when, due_review.review.title, about, style, f"review:{due_review.review.id}")
            )
        if not reviews:
            options.append(_hint(t("ui.nothing.reviews")))

        options.append(_heading(t("ui.section.idle_goals")))
        idle = agenda.goals_without_open_step(plan)
        for goal in idle:
            options.append(_row("", goal.title, "", "", f"goal:{goal.id}"))
        if not idle:
            options.append(_hint(t("ui.nothing.idle_goals")))

        self.query_one("#checkin-summary", Static).update(
            Content(checkins.checkin_summary(plan, today))
        )
        listing = self.query_one(AgendaList)
        previous = listing.highlighted
        listing.set_options(options)
        _highlight_enabled(listing, previous if previous is not None else 0)

    def action_done(self) -> None:
        listing = self.query_one(AgendaList)
        if listing.highlighted is None:
            return
        option_id = listing.get_option_at_index(listing.highlighted).id or ""
        if not option_id.startswith("step:"):
            self.pop.say(t("ui.msg.not_a_step"), severity="warning")
            return
        step_id = int(option_id.split(":", 1)[1])
        step = self.pop.store.plan.steps.get(step_id)
        if step is None or step.done_on is not None:
            self.pop.say(t("ui.msg.already_done"), severity="warning")
            return
        today = self.pop.today()
        if self.pop.save(
            t("label.done_step", title=step.title), lambda e: ops.complete_step(e, step_id, today)
        ):
            self.pop.say(t("ui.msg.done", title=printable(step.title)))
