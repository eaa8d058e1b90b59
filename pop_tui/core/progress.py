"""How far a goal has come, and whether it keeps pace with its deadline.

**Progress** is a fraction from 0 to 1:

* A goal with a numeric measure (a baseline and a target that differ) counts
  ``(current - baseline) / (target - baseline)``, clamped to 0..1. This works
  the same way for a goal that reduces something (target below baseline). A
  measure that has not been measured yet (no current value) stands at 0.
* Any other goal counts its steps: done / total. A goal without a measure and
  without steps has no progress (None).
* A goal whose status is "done" is complete (1.0) whatever was measured.

**Pace** compares progress with the share of the goal's time already used,
from ``goal.created`` to ``goal.deadline`` (0 on the day it was created, 1 on
the deadline and after). The gap is ``time used - progress``:

* on track: gap <= 0.10 (at most ten percentage points behind the calendar),
* behind:   0.10 < gap <= 0.25,
* at risk:  gap > 0.25, or the deadline has passed and the goal is not complete.

The gap is rounded to 9 decimals before it is compared, so that the edges hold
exactly (0.6 - 0.5 is on track, not a hair above 0.10). A goal without a
deadline or a creation date, without progress, or that is no longer active
has no pace (None).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Literal

from pop_tui.core.model import Goal, Plan, Step
from pop_tui.core.value import Value

Pace = Literal["on_track", "behind", "at_risk"]
ProgressSource = Literal["measure", "steps", "status"]

PACES: tuple[Pace, ...] = ("on_track", "behind", "at_risk")
ON_TRACK_GAP = 0.10
"""The largest gap (time used - progress) that still counts as on track."""
BEHIND_GAP = 0.25
"""The largest gap that counts as behind; beyond it a goal is at risk."""


class Progress(Value):
    """A goal's progress and what it was counted from."""

    fraction: float
    source: ProgressSource
    steps_done: int = 0
    steps_total: int = 0

    @property
    def percent(self) -> int:
        """The progress as a whole percentage, rounded down (99.9% is not yet 100%)."""
        return int(self.fraction * 100 + 1e-9)


def has_measure(goal: Goal) -> bool:
    """Whether the goal has a numeric measure that progress can be counted on."""
    return goal.baseline is not None and goal.target is not None and goal.target != goal.baseline


def measure_fraction(goal: Goal, value: float | None) -> float | None:
    """Where ``value`` lies between the goal's baseline (0) and target (1), clamped.

    None when the goal has no numeric measure; a missing value counts as the
    baseline. Usable for any measured value, e.g. each entry of a progress history.
    """
    if goal.baseline is None or goal.target is None or goal.target == goal.baseline:
        return None
    if value is None:
        return 0.0
    return _clamp((value - goal.baseline) / (goal.target - goal.baseline))


def goal_steps(plan: Plan, goal_id: int) -> list[Step]:
    """The goal's steps in their order."""
    found = [s for s in plan.steps.values() if s.goal_id == goal_id]
    return sorted(found, key=lambda s: (s.order, s.id))


def steps_by_goal(plan: Plan) -> dict[int, list[Step]]:
    """Every goal's steps in their order, in one pass over the steps (for a list of
    goals: asking :func:`goal_steps` per goal reads all steps once per goal)."""
    found: dict[int, list[Step]] = {}
    for step in plan.steps.values():
        found.setdefault(step.goal_id, []).append(step)
    for steps in found.values():
        steps.sort(key=lambda s: (s.order, s.id))
    return found


def step_fraction(steps: Iterable[Step]) -> tuple[int, int]:
    """(done, total) of ``steps``."""
    listed = list(steps)
    return sum(1 for s in listed if s.done), len(listed)


def goal_progress(plan: Plan, goal: Goal, steps: Iterable[Step] | None = None) -> Progress | None:
    """The goal's progress (see the module's notes), or None when nothing can be counted.

    ``steps``: the goal's steps, when the caller has them already (see :func:`steps_by_goal`).
    """
    done, total = step_fraction(goal_steps(plan, goal.id) if steps is None else steps)
    if goal.status == "done":
        return Progress(1.0, "status", done, total)
    measured = measure_fraction(goal, goal.current)
    if measured is not None:
        return Progress(measured, "measure", done, total)
    if total:
        return Progress(done / total, "steps", done, total)
    return None


def time_used(goal: Goal, today: date) -> float | None:
    """The share of the time from ``goal.created`` to ``goal.deadline`` that has passed.

    0 on or before the day the goal was created, 1 on or after the deadline.
    None without both dates. A deadline on or before the creation day counts
    as all time used from that day on.
    """
    if goal.created is None or goal.deadline is None:
        return None
    if today >= goal.deadline:
        return 1.0
    if today <= goal.created:
        return 0.0
    span = (goal.deadline - goal.created).days
    return _clamp((today - goal.created).days / span)


def pace_of(progress: float, used: float, *, overdue: bool = False) -> Pace:
    """The pace for ``progress`` after ``used`` of the time (both 0..1).

    ``overdue``: the deadline has passed; then anything short of complete is at risk.
    """
    if progress >= 1.0:
        return "on_track"
    if overdue:
        return "at_risk"
    gap = round(used - progress, 9)
    if gap <= ON_TRACK_GAP:
        return "on_track"
    if gap <= BEHIND_GAP:
        return "behind"
    return "at_risk"


def goal_pace(plan: Plan, goal: Goal, today: date, progress: Progress | None = None) -> Pace | None:
    """The goal's pace on ``today``, or None (see the module's notes for when).

    ``progress``: the goal's progress, when the caller has worked it out already.
    """
    if goal.status != "active":
        return None
    if progress is None:
        progress = goal_progress(plan, goal)
    used = time_used(goal, today)
    if progress is None or used is None or goal.deadline is None:
        return None
    return pace_of(progress.fraction, used, overdue=today > goal.deadline)


def _clamp(value: float) -> float:
    return min(1.0, max(0.0, value))
