"""What starting a new period would do, worked out before anything changes.

The app shows it for confirmation. It runs the real
:func:`~pop_tui.core.periods.start_period` on a copy of the plan, so what it
says cannot drift from what starting the period then does.
"""

from __future__ import annotations

from datetime import date

from pop_tui.core.edit import Edit
from pop_tui.core.model import CheckIn, GoalChange, Plan, ProgressEntry, Reflection
from pop_tui.core.periods import archived_periods, start_period
from pop_tui.core.value import Value


class PeriodPreview(Value):
    """The names and the counts of what comes along and what stays behind."""

    old_name: str
    new_name: str
    goals_carried: int
    steps_carried: int
    goals_left: int
    steps_done_left: int
    history_left: int


def preview_period(
    plan: Plan, name: str, today: date, archive_as: str | None = None
) -> PeriodPreview:
    """What :func:`start_period` would do to ``plan``; raises its PeriodError the same way."""
    trial = Plan.from_dict(plan.to_dict())
    before = {p.id for p in archived_periods(trial)}
    started = start_period(Edit(trial), name, today, archive_as)
    old = next(p for p in archived_periods(trial) if p.id not in before)
    history = sum(
        len(plan.table(cls)) - len(trial.table(cls))
        for cls in (Reflection, CheckIn, ProgressEntry, GoalChange)
    )
    return PeriodPreview(
        old_name=old.name,
        new_name=started.name,
        goals_carried=len(trial.goals),
        steps_carried=sum(1 for s in trial.steps.values() if not s.done),
        goals_left=len(plan.goals) - len(trial.goals),
        steps_done_left=sum(1 for s in plan.steps.values() if s.done and s.id not in trial.steps),
        history_left=history,
    )
