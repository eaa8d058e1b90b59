"""The home screen: what needs attention today."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from pop_tui.core import agenda, checkins, conflicts, evaluation, ops
from pop_tui.core.dates import format_date, relative_day
from pop_tui.core.guide import as_step, next_step
from pop_tui.core.model import Conflict, Goal, Plan
from pop_tui.core.printable import printable
from pop_tui.core.texts import t
from pop_tui.ui.keys import described
from pop_tui.ui.screens.conflict_rows import conflict_option
from pop_tui.ui.screens.evaluation_agenda import pace_options
from pop_tui.ui.sync_state import last_synced, when_words
from pop_tui.ui.toasts import ToastsRestUnderDialogs
from pop_tui.ui.widgets.key_bar import KeyBar
from pop_tui.ui.widgets.when_column import late_label, when_width

if TYPE_CHECKING:
    from pop_tui.ui.context import PopContext

SOON_DAYS = 7
REVIEW_DAYS = 14


class AgendaList(OptionList):
    """The dashboard's one list: section headings and the items under them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", described("ui.key.down"), show=False, id="list.down"),
        Binding("up,k", "cursor_up", described("ui.key.up"), show=False, id="list.up"),
    ]


def _heading(text: str) -> Option:
    return Option(Content.styled(text, "bold"), disabled=True)


def _hint(text: str) -> Option:
    return Option(Content.styled("  " + text, "italic"), disabled=True)


def _row(when: str, title: str, goal: str, when_style: str, id: str) -> Option:
    parts: list[tuple[str, str] | str] = [
        ("  " + when.ljust(when_width()), when_style),
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


def guide_options(plan: Plan) -> list[Option]:
    """The next step of the guided start while the plan lacks a part: Enter takes it."""
    step = next_step(plan)
    if step is None:
        return []
    title = t(f"guide.{step}.title")
    key = "guide.next.empty" if plan.is_empty() else "guide.next.step"
    return [
        _heading(t("guide.next.title")),
        Option(Content.styled("  " + t(key, step=title), "bold"), id=f"guide:{step}"),
    ]


def later_review_hint(plan: Plan, today: date) -> str:
    """What the reviews part says when none is near: when the next one is, if any."""
    later = evaluation.next_reviews(plan)
    if not later or later[0].next_on is None:
        return t("ui.nothing.reviews")
    on = later[0].next_on
    return t(
        "ui.review.next_later",
        title=printable(later[0].title),
        date=format_date(on),
        relative=relative_day(on, today),
    )


def conflict_options(plan: Plan, device: str) -> list[Option]:
    """The conflicts that syncing left, first of all (none: nothing at all is shown)."""
    found = conflicts.open_conflicts(plan) if plan.table(Conflict) else []
    if not found:
        return []
    heading = _heading(t("conflicts.dash.heading", count=len(found)))
    return [heading, *(conflict_option(view, device, "  ") for view in found)]


class DashboardScreen(ToastsRestUnderDialogs, Screen[None]):
    """Overdue steps, steps due soon, upcoming reviews and goals that stand still."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "done", described("ui.key.done"), id="dashboard.done"),
        Binding("r", "conflicts", described("conflicts.key.open"), id="dashboard.conflicts"),
    ]

    @property
    def pop(self) -> PopContext:
        return cast("PopContext", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="checkin-summary")
        yield AgendaList(id="agenda")
        yield KeyBar()

    def reveal(self, option_id: str) -> bool:
        """Put the cursor on ``option_id`` if the dashboard lists it (chosen in the palette)."""
        listing = self.query_one(AgendaList)
        for index in range(listing.option_count):
            if listing.get_option_at_index(index).id == option_id:
                listing.highlighted = index
                listing.focus()
                return True
        return False

    def cursor_id(self) -> str | None:
        """The option id (``kind:id``) of the row under the cursor, if any."""
        listing = self.query_one(AgendaList)
        if listing.highlighted is None:
            return None
        return listing.get_option_at_index(listing.highlighted).id

    def on_mount(self) -> None:
        self.title = t("ui.dashboard")
        self.watch(self.app, "revision", self.refresh_agenda, init=False)
        self.refresh_agenda()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The key to the conflicts shows only while there are some.
        if action == "conflicts":
            return bool(self.pop.store.plan.table(Conflict))
        return True

    def action_conflicts(self, select: int | None = None) -> None:
        from pop_tui.ui.screens.conflicts import ConflictsScreen

        self.app.push_screen(ConflictsScreen(select))

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
        synced = last_synced(app.store.path)
        if synced is not None:
            self.sub_title += " · " + t("conflicts.dash.synced", when=when_words(synced, today))

        options: list[Option] = guide_options(plan)
        options.extend(conflict_options(plan, app.store.device.name))
        options.append(_heading(t("ui.section.overdue")))
        overdue = agenda.overdue_steps(plan, today)
        for item in overdue:
            days = item.days_overdue(today)
            when = late_label(days)
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
            days_late = (today - due_review.due).days
            when = late_label(days_late) if days_late > 0 else relative_day(due_review.due, today)
            style = "bold red" if days_late > 0 else ""
            about = (
                due_review.goal.title if due_review.goal is not None else t("ui.review.whole_plan")
            )
            options.append(
                _row(when, due_review.review.title, about, style, f"review:{due_review.review.id}")
            )
        if not reviews:
            options.append(_hint(later_review_hint(plan, today)))

        options.append(_heading(t("eval.dash.feedback")))
        late_feedback = agenda.overdue_feedback(plan, today)
        for late in late_feedback:
            asked = late.feedback
            about = asked.question or (late.goal.title if late.goal is not None else "")
            when = late_label(late.days_late(today))
            options.append(
                _row(when, asked.from_whom or "?", about, "bold red", f"feedback:{asked.id}")
            )
        if not late_feedback:
            options.append(_hint(t("eval.dash.no_feedback")))

        options.append(_heading(t("ui.section.idle_goals")))
        idle = agenda.goals_without_open_step(plan)
        for goal in idle:
            options.append(_row("", goal.title, "", "", f"goal:{goal.id}"))
        if not idle:
            has_goals = any(g.status == "active" for g in plan.goals.values())
            options.append(_hint(t("ui.nothing.idle_goals" if has_goals else "ui.nothing.goals")))
        options.extend(pace_options(plan, today))

        self.query_one("#checkin-summary", Static).update(
            Content(checkins.checkin_summary(plan, today))
        )
        listing = self.query_one(AgendaList)
        previous = listing.highlighted
        # The same item keeps the cursor, wherever a change elsewhere moved it.
        kept = listing.highlighted_option.id if listing.highlighted_option is not None else None
        listing.set_options(options)
        ids = [option.id for option in options]
        if kept is not None and kept in ids:
            listing.highlighted = ids.index(kept)
        else:
            _highlight_enabled(listing, previous if previous is not None else 0)
        self.refresh_bindings()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or ""
        if option_id.startswith("conflict:"):
            event.stop()
            self.action_conflicts(int(option_id.removeprefix("conflict:")))
            return
        if option_id.startswith("guide:"):
            event.stop()
            step = as_step(option_id.removeprefix("guide:"))
            if step is not None:
                from pop_tui.ui.screens.guide import GuidedStart

                GuidedStart(self.app).open_step(step)

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
