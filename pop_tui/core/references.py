"""Which record fields point at other records, and checks that they point somewhere.

One table of references serves every use: checking an imported plan,
renumbering records when one plan is merged into another, and the order in
which tables must be filled so that a record's targets already exist.

Most references must be whole: a step's goal, a goal's SWOT items. Two are
history and may outlive their target: a check-in remembers the steps it
marked done, and a reflection the step it was written after, even when that
step is deleted later.
"""

from __future__ import annotations

import graphlib

from pop_tui.core.model import (
    TABLES,
    Action,
    CheckIn,
    EmployerGoal,
    Feedback,
    Goal,
    GoalChange,
    Plan,
    ProgressEntry,
    Reflection,
    Review,
    Step,
    SwotItem,
)
from pop_tui.core.value import Value


class Reference(Value):
    """A field of ``table`` that holds the id (or ids) of records in ``target``."""

    table: str
    field: str
    target: str
    many: bool = False
    history: bool = False


REFERENCES: tuple[Reference, ...] = (
    Reference(Goal.TABLE, "swot_ids", SwotItem.TABLE, many=True),
    Reference(Goal.TABLE, "employer_goal_ids", EmployerGoal.TABLE, many=True),
    Reference(Action.TABLE, "goal_id", Goal.TABLE),
    Reference(Step.TABLE, "goal_id", Goal.TABLE),
    Reference(Step.TABLE, "action_id", Action.TABLE),
    Reference(Review.TABLE, "goal_id", Goal.TABLE),
    Reference(CheckIn.TABLE, "step_ids", Step.TABLE, many=True, history=True),
    Reference(Reflection.TABLE, "goal_id", Goal.TABLE),
    Reference(Reflection.TABLE, "step_id", Step.TABLE, history=True),
    Reference(Feedback.TABLE, "goal_id", Goal.TABLE),
    Reference(ProgressEntry.TABLE, "goal_id", Goal.TABLE),
    Reference(GoalChange.TABLE, "goal_id", Goal.TABLE),
)


class Dangling(Value):
    """A reference that points at nothing, or at the wrong record."""

    table: str
    id: int
    field: str
    target: str
    target_id: int
    # Set when the target exists but belongs elsewhere (a step's action of another goal).
    mismatch: bool = False


def table_order() -> list[str]:
    """Every table, each after the tables its records point at."""
    sorter: graphlib.TopologicalSorter[str] = graphlib.TopologicalSorter()
    for name in TABLES:
        sorter.add(name)
    for ref in REFERENCES:
        if ref.table != ref.target:
            sorter.add(ref.table, ref.target)
    return list(sorter.static_order())


def targets(value: object) -> tuple[int, ...]:
    """The ids a reference field holds: none, one, or many."""
    if value is None:
        return ()
    if isinstance(value, tuple):
        return tuple(v for v in value if isinstance(v, int))
    return (value,) if isinstance(value, int) else ()


def dangling(plan: Plan) -> list[Dangling]:
    """Every reference (except history) that points at a missing record, in a stable order.

    Also a step whose action belongs to another goal than the step.
    """
    found = []
    for ref in REFERENCES:
        if ref.history:
            continue
        existing = plan.tables[ref.target]
        for id, record in sorted(plan.tables[ref.table].items()):
            for target_id in targets(getattr(record, ref.field)):
                if target_id not in existing:
                    found.append(Dangling(ref.table, id, ref.field, ref.target, target_id))
    for id, step in sorted(plan.steps.items()):
        action = plan.actions.get(step.action_id) if step.action_id is not None else None
        if action is not None and action.goal_id != step.goal_id:
            found.append(
                Dangling(Step.TABLE, id, "action_id", Action.TABLE, action.id, mismatch=True)
            )
    return found
