"""The evaluation list's agenda: the rows of goals, reviews to come, feedback and
reflections, and what every row of the list shares (the "when" column, the empty row).

Pure functions of the plan and the day: each can be tested without a screen.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from textual.content import Content
from textual.widgets.option_list import Option

from pop_tui.core import evaluation
from pop_tui.core.arrange import goals_in_order
from pop_tui.core.dates import describe_recurrence, relative_day
from pop_tui.core.model import Feedback, Plan, Reflection, Review
from pop_tui.core.printable import printable
from pop_tui.core.progress import goal_pace, goal_progress
from pop_tui.core.texts import language, t
from pop_tui.ui.screens.action_form import short_date
from pop_tui.ui.widgets.progress_bar import history_chart, pace_label, progress_bar

PACE_WIDTH = 9
ROW_CHART_WIDTH = 6
# The groups of the list, in order; an empty group shows a row the cursor can still reach,
# so that n adds there.
GROUPS = ("goal", "review", "feedback", "reflection", "held", "change")


@cache
def when_width(lang: str) -> int:
    """Room for the usual "when" of a row in ``lang`` (a date this year, "in 99 days",
    "99 d late"), and a space before what follows."""
    day = date(2000, 1, 1)
    labels = [
        relative_day(day + timedelta(days=99), day, lang),
        t("eval.feedback.late", lang, days=99),
        t("eval.feedback.by", lang, date=short_date(date(2000, 12, 31), day)),
        "✓ " + short_date(date(2000, 12, 31), day),
    ]
    return max(len(label) for label in labels) + 1


def when_cell(text: str, style: str = "") -> tuple[str, str]:
    # A longer one (a date in another year) still keeps a space before the title.
    return ("  " + text.ljust(when_width(language()) - 1) + " ", style)


def empty_row(group: str) -> Option:
    return Option(Content.styled("  " + t(f"eval.empty.{group}"), "italic dim"), id=f"{group}:0")


def goal_title(plan: Plan, goal_id: int | None) -> str:
    goal = plan.goals.get(goal_id) if goal_id is not None else None
    return goal.title if goal is not None else ""


def goal_rows(plan: Plan, today: date) -> list[Option]:
    """Bar, pace, history chart and title of each active goal.

    The chart column is as wide as the longest history (at most ROW_CHART_WIDTH
    measurements), and left out while no goal has one: on a narrow screen the
    titles need the room.
    """
    goals = [g for g in goals_in_order(plan) if g.status == "active"]
    histories = {
        g.id: evaluation.history_points(g, evaluation.progress_history(plan, g.id)) for g in goals
    }
    width = min(ROW_CHART_WIDTH, max((len(p) for p in histories.values()), default=0))
    rows = []
    for goal in goals:
        parts: list[Content | str] = [
            "  ",
            progress_bar(goal_progress(plan, goal)),
            " ",
            pace_label(goal_pace(plan, goal, today), PACE_WIDTH),
            " ",
        ]
        if width:
            parts += [history_chart(histories[goal.id], width), " "]
        parts.append(printable(goal.title))
        rows.append(Option(Content.assemble(*parts), id=f"goal:{goal.id}"))
    return rows


def review_subject(plan: Plan, review: Review) -> str:
    goal = evaluation.review_goal(plan, review)
    return goal.title if goal is not None else t("eval.review.whole_plan")


def review_row(plan: Plan, review: Review, today: date) -> Option:
    due = review.next_on or today
    parts: list[tuple[str, str] | str | Content] = [
        when_cell(
            t("eval.feedback.late", days=(today - due).days)
            if due < today
            else relative_day(due, today),
            "bold red" if due < today else "",
        ),
        printable(review.title),
        (" · " + printable(review_subject(plan, review)), "dim"),
    ]
    if review.rule:
        parts.append((" · " + printable(describe_recurrence(review.rule)), "dim"))
    return Option(Content.assemble(*parts), id=f"review:{review.id}")


def feedback_row(plan: Plan, item: Feedback, today: date) -> Option:
    who = printable(item.from_whom) or "?"
    if evaluation.is_answered(item):
        when = when_cell(
            "✓ " + short_date(item.answered_on, today) if item.answered_on else "✓", ""
        )
        text = item.answer or item.question
        return Option(
            Content.assemble(when, who, (": " + printable(text), "dim")), id=f"feedback:{item.id}"
        )
    if item.wanted_by is not None and item.wanted_by < today:
        days = (today - item.wanted_by).days
        when = when_cell(t("eval.feedback.late", days=days), "bold red")
    elif item.wanted_by is not None:
        when = when_cell(t("eval.feedback.by", date=short_date(item.wanted_by, today)))
    else:
        when = when_cell(t("eval.feedback.waiting"), "dim")
    about = item.question or goal_title(plan, item.goal_id)
    parts: list[tuple[str, str] | str] = [when, who]
    if about:
        parts.append((" · " + printable(about), "dim"))
    return Option(Content.assemble(*parts), id=f"feedback:{item.id}")


def reflection_row(plan: Plan, item: Reflection, today: date) -> Option:
    when = short_date(item.on, today) if item.on else "—"
    text = evaluation.reflection_line(item)
    parts: list[tuple[str, str] | str] = [when_cell(when), printable(text)]
    goal = goal_title(plan, item.goal_id)
    if goal:
        parts.append((" · " + printable(goal), "dim"))
    return Option(Content.assemble(*parts), id=f"reflection:{item.id}")
