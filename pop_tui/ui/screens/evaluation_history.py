"""The evaluation list's history: the reviews held and the changes made to goals."""

from __future__ import annotations

from datetime import date

from textual.content import Content
from textual.widgets.option_list import Option

from pop_tui.core import evaluation
from pop_tui.core.dates import format_date
from pop_tui.core.model import GoalChange, Plan
from pop_tui.core.printable import printable
from pop_tui.core.texts import t
from pop_tui.ui.screens.action_form import short_date
from pop_tui.ui.screens.evaluation_rows import goal_title, when_cell


def held_row(view: evaluation.HeldView, today: date) -> Option:
    parts: list[tuple[str, str] | str] = [
        when_cell(short_date(view.held.on, today)),
        printable(view.review.title),
    ]
    if view.goal_notes:
        parts.append((" · " + t("eval.held.notes", n=len(view.goal_notes)), "dim"))
    if view.held.notes:
        parts.append((" · " + printable(view.held.notes), "dim"))
    return Option(Content.assemble(*parts), id=f"held:{view.review.id}.{view.index}")


def change_text(change: GoalChange) -> str:
    """``deadline: 28 Jan 2027 → 4 Mar 2027``: a stored date is shown as a date."""
    field = t(f"eval.changed.{change.field}") if change.field in FIELD_NAMES else change.field
    return t(
        "eval.change",
        field=printable(field),
        before=_changed_value(change.before),
        after=_changed_value(change.after),
    )


FIELD_NAMES = frozenset(("title", "deadline", "target", "status", "current", "baseline"))


def _changed_value(value: str) -> str:
    if len(value) == 10:
        try:
            return format_date(date.fromisoformat(value))
        except ValueError:
            pass
    if value in ("active", "done", "dropped"):
        return t(f"sec.goal.status.{value}")
    return printable(value) or "—"


def change_row(plan: Plan, change: GoalChange, today: date) -> Option:
    when = short_date(change.on, today) if change.on else "—"
    parts: list[tuple[str, str] | str] = [when_cell(when), change_text(change)]
    goal = goal_title(plan, change.goal_id)
    if goal:
        parts.append((" · " + printable(goal), "dim"))
    return Option(Content.assemble(*parts), id=f"change:{change.id}")
