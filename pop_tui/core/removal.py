"""Deleting a part of the plan without leaving references to it behind.

A goal takes with it everything that only exists for it (actions, steps,
progress, adjustments, reviews, reflections, feedback). A SWOT item or an
employer goal is unlinked from the goals that named it. A step is taken out of
the check-ins and reflections that mention it; the reflections themselves stay,
since what was learned still belongs to the goal. Each is one mutation, so one
undo brings everything back.
"""

from __future__ import annotations

from pop_tui.core.edit import Edit
from pop_tui.core.model import (
    CheckIn,
    Feedback,
    GoalChange,
    Plan,
    ProgressEntry,
    Record,
    Reflection,
    Review,
)
from pop_tui.core.ops import OpError
from pop_tui.core.value import Value


class Dependents(Value):
    """What deleting a goal or an action would take with it."""

    actions: int = 0
    steps: int = 0
    other: int = 0


def _get(edit: Edit, table: str, id: int) -> Record:
    record = edit.plan.get(table, id)
    if record is None:
        raise OpError(f"there is no {table} record {id}")
    return record


def delete_swot_item(edit: Edit, item_id: int) -> None:
    """Delete a SWOT item and unlink it from every goal."""
    item = _get(edit, "swot", item_id)
    for goal in list(edit.plan.goals.values()):
        if item_id in goal.swot_ids:
            edit.update(goal, swot_ids=tuple(i for i in goal.swot_ids if i != item_id))
    edit.delete(item)


def delete_employer_goal(edit: Edit, employer_goal_id: int) -> None:
    """Delete an employer goal and unlink it from every personal goal."""
    record = _get(edit, "employer_goals", employer_goal_id)
    for goal in list(edit.plan.goals.values()):
        if employer_goal_id in goal.employer_goal_ids:
            kept = tuple(i for i in goal.employer_goal_ids if i != employer_goal_id)
            edit.update(goal, employer_goal_ids=kept)
    edit.delete(record)


def delete_step(edit: Edit, step_id: int) -> None:
    """Delete a step; check-ins and reflections that named it stop naming it."""
    step = _get(edit, "steps", step_id)
    for checkin in list(edit.plan.table(CheckIn).values()):
        if step_id in checkin.step_ids:
            edit.update(checkin, step_ids=tuple(i for i in checkin.step_ids if i != step_id))
    for reflection in list(edit.plan.table(Reflection).values()):
        if reflection.step_id == step_id:
            edit.update(reflection, step_id=None)
    edit.delete(step)


def delete_action(edit: Edit, action_id: int) -> None:
    """Delete an action of the action plan with its steps."""
    action = _get(edit, "actions", action_id)
    for step in list(edit.plan.steps.values()):
        if step.action_id == action_id:
            delete_step(edit, step.id)
    edit.delete(action)


def _goal_records(plan: Plan, goal_id: int) -> list[Record]:
    owned: list[Record] = []
    owned.extend(r for r in plan.table(ProgressEntry).values() if r.goal_id == goal_id)
    owned.extend(r for r in plan.table(GoalChange).values() if r.goal_id == goal_id)
    owned.extend(r for r in plan.table(Review).values() if r.goal_id == goal_id)
    owned.extend(r for r in plan.table(Reflection).values() if r.goal_id == goal_id)
    owned.extend(r for r in plan.table(Feedback).values() if r.goal_id == goal_id)
    return owned


def goal_dependents(plan: Plan, goal_id: int) -> Dependents:
    """How many actions, steps and other records belong to a goal."""
    return Dependents(
        actions=sum(1 for a in plan.actions.values() if a.goal_id == goal_id),
        steps=sum(1 for s in plan.steps.values() if s.goal_id == goal_id),
        other=len(_goal_records(plan, goal_id)),
    )


def action_dependents(plan: Plan, action_id: int) -> Dependents:
    """How many steps belong to an action."""
    return Dependents(steps=sum(1 for s in plan.steps.values() if s.action_id == action_id))


def delete_goal(edit: Edit, goal_id: int) -> None:
    """Delete a goal with everything that exists only for it."""
    goal = _get(edit, "goals", goal_id)
    for step in list(edit.plan.steps.values()):
        if step.goal_id == goal_id:
            delete_step(edit, step.id)
    for action in list(edit.plan.actions.values()):
        if action.goal_id == goal_id:
            edit.delete(action)
    for record in _goal_records(edit.plan, goal_id):
        edit.delete(record)
    edit.delete(goal)
