"""Changing an existing goal, action, step or review: the rules that go with each.

The forms of the app and ``pop edit`` both change records; the rules of such a
change live here, once:

* a goal moved to another horizon or kind goes to the end of its new group;
* an action moved to another goal takes its steps with it, and goes to the end
  of the new goal's actions;
* a review given a new date or repeat starts its series again from that date.

Each function takes an :class:`~pop_tui.core.edit.Edit` (so the store runs it on
the freshest plan and keeps it for undo) and the new values of the fields that
change; a field left out keeps its value.
"""

from __future__ import annotations

from typing import Any

from pop_tui.core import arrange
from pop_tui.core.edit import Edit
from pop_tui.core.model import Action, Goal, Review, Step
from pop_tui.core.ops import OpError


def _existing(edit: Edit, table: dict[int, Any], id: int, kind: str) -> Any:
    record = table.get(id)
    if record is None:
        raise OpError(f"there is no {kind} {id}")
    return record


def change_goal(edit: Edit, goal_id: int, values: dict[str, Any]) -> Goal:
    """Change the fields ``values`` of a goal."""
    current: Goal = _existing(edit, edit.plan.goals, goal_id, "goal")
    horizon = values.get("horizon", current.horizon)
    kind = values.get("kind", current.kind)
    if (horizon, kind) != (current.horizon, current.kind):
        group = [
            g
            for g in edit.plan.goals.values()
            if (g.horizon, g.kind) == (horizon, kind) and g.id != goal_id
        ]
        return edit.update(current, **values, order=arrange.next_order(group))
    return edit.update(current, **values)


def change_action(edit: Edit, action_id: int, values: dict[str, Any]) -> Action:
    """Change the fields ``values`` of an action; moved to another goal, its steps follow."""
    current: Action = _existing(edit, edit.plan.actions, action_id, "action")
    goal_id = values.get("goal_id", current.goal_id)
    if goal_id != current.goal_id:
        if goal_id not in edit.plan.goals:
            raise OpError(f"there is no goal {goal_id}")
        siblings = [a for a in edit.plan.actions.values() if a.goal_id == goal_id]
        changed = edit.update(current, **values, order=arrange.next_order(siblings))
        for step in list(edit.plan.steps.values()):
            if step.action_id == action_id:
                edit.update(step, goal_id=goal_id)
        return changed
    return edit.update(current, **values)


def change_step(edit: Edit, step_id: int, values: dict[str, Any]) -> Step:
    """Change the fields ``values`` of a step (its title, due date, or done date)."""
    current: Step = _existing(edit, edit.plan.steps, step_id, "step")
    return edit.update(current, **values)


def change_review(edit: Edit, review_id: int, values: dict[str, Any]) -> Review:
    """Change the fields ``values`` of a review; a new date or rule restarts its series."""
    current: Review = _existing(edit, edit.plan.reviews, review_id, "review")
    if "goal_id" in values and values["goal_id"] not in edit.plan.goals:
        values = {**values, "goal_id": None}
    next_on = values.get("next_on", current.next_on)
    rule = values.get("rule", current.rule)
    moved = next_on != current.next_on or rule != current.rule
    start = next_on if moved and next_on is not None else current.start
    return edit.update(current, **values, start=start)
