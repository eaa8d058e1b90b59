"""The dashboard's lines on progress and pace: each active goal as the evaluation section
shows it (bar, percentage, pace)."""

from __future__ import annotations

from datetime import date

from textual.content import Content
from textual.widgets.option_list import Option

from pop_tui.core.arrange import goals_in_order
from pop_tui.core.model import Plan
from pop_tui.core.printable import printable
from pop_tui.core.progress import goal_pace, goal_progress, steps_by_goal
from pop_tui.core.texts import t
from pop_tui.ui.widgets.progress_bar import pace_label, progress_bar

PACE_WIDTH = 9


def _heading(text: str) -> Option:
    return Option(Content.styled(text, "bold"), disabled=True)


def _hint(text: str) -> Option:
    return Option(Content.styled("  " + text, "italic"), disabled=True)


def pace_options(plan: Plan, today: date) -> list[Option]:
    """A heading and, per active goal that has progress, its bar, percentage and pace."""
    options = [_heading(t("eval.dash.progress"))]
    by_goal = steps_by_goal(plan)
    for goal in goals_in_order(plan):
        if goal.status != "active":
            continue
        progress = goal_progress(plan, goal, by_goal.get(goal.id, []))
        if progress is None:
            continue
        line = Content.assemble(
            "  ",
            progress_bar(progress),
            "  ",
            pace_label(goal_pace(plan, goal, today, progress), PACE_WIDTH),
            " ",
            printable(goal.title),
        )
        options.append(Option(line, id=f"pace:{goal.id}"))
    if len(options) == 1:
        options.append(_hint(t("eval.dash.no_progress")))
    return options
