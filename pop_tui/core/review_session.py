"""Holding a review: for each goal, what was measured, noted and adjusted, saved as one change.

The review wizard collects one :class:`GoalEntry` per goal and hands them all
to :func:`hold_review_session`, which writes the whole review in one edit, so
that one undo takes all of it back. A review is one act: undoing half of it
(the next date moved on, but a goal's new value gone) would leave a plan that
never existed.

Per goal, holding a review:

* records the entered value as dated progress history (a :class:`ProgressEntry`)
  and makes it the goal's current value,
* keeps each adjustment (wording, deadline, target, status) as a
  :class:`GoalChange` with the value before and after, the reason and the date,
* keeps what went well and what to change as self-feedback: a
  :class:`Reflection` of that goal on that day, without a step.

Then the review itself is marked held (with the notes on the whole review)
and, when it recurs, moved on to its next date.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Literal

from pop_tui.core import ops
from pop_tui.core.edit import Edit
from pop_tui.core.model import (
    GOAL_KINDS,
    HORIZONS,
    Goal,
    GoalChange,
    GoalStatus,
    Plan,
    ProgressEntry,
    Reflection,
    Review,
)
from pop_tui.core.numbers import format_number
from pop_tui.core.progress import Pace, Progress, goal_pace, goal_progress, time_used
from pop_tui.core.texts import t
from pop_tui.core.value import Value

AdjustableField = Literal["title", "deadline", "target", "status"]
ADJUSTABLE: tuple[AdjustableField, ...] = ("title", "deadline", "target", "status")


class GoalEntry(Value):
    """What was entered for one goal in a review.

    ``value`` is the newly measured value (None: not measured this time).
    ``title``, ``deadline``, ``target`` and ``status`` are the goal's fields
    as they should be after the review; None leaves a field as it is.
    """

    goal_id: int
    value: float | None = None
    went_well: str = ""
    to_change: str = ""
    title: str | None = None
    deadline: date | None = None
    target: float | None = None
    status: GoalStatus | None = None
    reason: str = ""


class Adjustment(Value):
    """One field of a goal that a review changes, as stored text before and after."""

    field: AdjustableField
    before: str
    after: str


class Outlook(Value):
    """How a goal stands with the values entered so far, and what status that suggests."""

    progress: Progress | None
    pace: Pace | None
    time_used: float | None
    suggested: GoalStatus
    deadline_passed: bool


class HeldSession(Value):
    """What holding a review saved."""

    review: Review
    measured: int
    changes: int
    notes: int
    skipped: int


def goals_to_review(plan: Plan, review: Review | None) -> list[Goal]:
    """The goals a review walks through: its one goal, or every active goal of the plan.

    Goals come in the order of the goals screen (horizon, kind, then their own order).
    A review of one goal that is no longer active has no goals to walk through.
    """
    if review is not None and review.goal_id is not None:
        goal = plan.goals.get(review.goal_id)
        return [goal] if goal is not None and goal.status == "active" else []
    active = [g for g in plan.goals.values() if g.status == "active"]
    return sorted(
        active,
        key=lambda g: (HORIZONS.index(g.horizon), GOAL_KINDS.index(g.kind), g.order, g.id),
    )


def stored_text(value: object) -> str:
    """A goal field's value as a goal change keeps it: dates as ISO text, numbers as ``40``."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float | int) and not isinstance(value, bool):
        return format_number(float(value), "en")
    return str(value)


def adjustments(goal: Goal, entry: GoalEntry) -> list[Adjustment]:
    """The fields that ``entry`` changes, in a fixed order; unchanged fields are left out."""
    found = []
    for field in ADJUSTABLE:
        after = getattr(entry, field)
        before = getattr(goal, field)
        if after is None or after == before:
            continue
        found.append(Adjustment(field, stored_text(before), stored_text(after)))
    return found


def projected(goal: Goal, entry: GoalEntry) -> Goal:
    """The goal as it will be once the review is saved."""
    changes: dict[str, object] = {
        field: getattr(entry, field) for field in ADJUSTABLE if getattr(entry, field) is not None
    }
    if entry.value is not None:
        changes["current"] = entry.value
    return goal.replace(**changes)


def outlook(plan: Plan, goal: Goal, entry: GoalEntry, today: date) -> Outlook:
    """Progress and pace of ``goal`` with ``entry`` applied, and the status they suggest.

    The suggestion is "done" once the goal is complete (its measure reaches the
    target, or every step is done) and otherwise the status it has. The status
    typed in the entry does not count: the suggestion is what the numbers say.
    """
    measured = projected(goal, entry.replace(status=None))
    progress = goal_progress(plan, measured)
    complete = progress is not None and progress.fraction >= 1.0
    suggested: GoalStatus = "done" if complete and goal.status == "active" else goal.status
    passed = measured.deadline is not None and today > measured.deadline and not complete
    return Outlook(
        progress=progress,
        pace=goal_pace(plan, measured, today),
        time_used=time_used(measured, today),
        suggested=suggested,
        deadline_passed=passed,
    )


def needs_reason(plan: Plan, goal: Goal, entry: GoalEntry, today: date) -> bool:
    """Whether the entry adjusts the goal and so must say why.

    Following the suggestion to mark a complete goal done needs no reason of
    its own: reaching the target is the reason.
    """
    found = adjustments(goal, entry)
    if not found or entry.reason.strip():
        return False
    suggested = outlook(plan, goal, entry, today).suggested
    return not (len(found) == 1 and found[0].field == "status" and entry.status == suggested)


def hold_review_session(
    edit: Edit,
    review_id: int | None,
    on: date,
    entries: Sequence[GoalEntry],
    notes: str = "",
    title: str = "",
) -> HeldSession:
    """Save a whole review (see the module's notes) held on ``on``.

    ``review_id`` None, or a review deleted meanwhile in another session: the
    review is kept as a one-off review held on ``on`` (named ``title``, else a
    default name). A goal deleted meanwhile is skipped and counted; everything
    else is still saved.
    """
    measured = changed = noted = skipped = 0
    for entry in entries:
        goal = edit.plan.goals.get(entry.goal_id)
        if goal is None:
            skipped += 1
            continue
        found = adjustments(goal, entry)
        if found:
            reason = entry.reason.strip() or t("eval.reason.reached")
            for adjustment in found:
                edit.add(
                    GoalChange,
                    goal_id=goal.id,
                    on=on,
                    field=adjustment.field,
                    before=adjustment.before,
                    after=adjustment.after,
                    reason=reason,
                )
            changed += len(found)
        if entry.value is not None:
            edit.add(ProgressEntry, goal_id=goal.id, on=on, value=entry.value)
            measured += 1
        edit.put(projected(goal, entry))
        went_well, to_change = entry.went_well.strip(), entry.to_change.strip()
        if went_well or to_change:
            edit.add(
                Reflection,
                on=on,
                goal_id=goal.id,
                step_id=None,
                learned=went_well,
                differently=to_change,
            )
            noted += 1
    review = edit.plan.reviews.get(review_id) if review_id is not None else None
    if review is None:
        review = ops.schedule_review(edit, title.strip() or t("eval.review.adhoc"), on)
    held = ops.hold_review(edit, review.id, on, notes.strip())
    return HeldSession(held, measured, changed, noted, skipped)
