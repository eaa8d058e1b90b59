"""Edits record their changes so the store can save, undo and redo them."""

from __future__ import annotations

import pytest

from pop_tui.core.edit import Edit, apply_changes
from pop_tui.core.model import Goal, Plan, Step


def test_add_gives_fresh_ids_that_are_never_reused() -> None:
    plan = Plan()
    edit = Edit(plan)
    first = edit.add(Goal, title="A")
    edit.delete(first)
    second = edit.add(Goal, title="B")
    assert (first.id, second.id) == (1, 2)
    assert Edit(plan, edit.last_ids).add(Goal, title="C").id == 3


def test_changes_hold_before_and_after() -> None:
    plan = Plan()
    edit = Edit(plan)
    goal = edit.add(Goal, title="A")
    edit.update(goal, title="B")
    assert [(c.before or {}).get("title") for c in edit.changes] == [None, "A"]
    assert [(c.after or {}).get("title") for c in edit.changes] == ["A", "B"]
    assert plan.goals[goal.id].title == "B"


def test_update_that_changes_nothing_records_nothing() -> None:
    plan = Plan()
    goal = Edit(plan).add(Goal, title="A")
    edit = Edit(plan)
    edit.update(goal, title="A")
    assert edit.changes == []


def test_rollback_restores_the_plan() -> None:
    plan = Plan()
    goal = Edit(plan).add(Goal, title="A")
    before = plan.to_dict()
    edit = Edit(plan)
    edit.update(goal, title="B")
    edit.add(Step, goal_id=goal.id, title="s")
    edit.delete(goal)
    edit.rollback()
    assert plan.to_dict() == before


def test_inverse_changes_undo_an_edit() -> None:
    plan = Plan()
    edit = Edit(plan)
    goal = edit.add(Goal, title="A")
    edit.update(goal, status="done")
    apply_changes(plan, [c.inverse() for c in reversed(edit.changes)])
    assert plan.goals == {}


def test_update_refuses_unknown_fields() -> None:
    plan = Plan()
    goal = Edit(plan).add(Goal, title="A")
    with pytest.raises(TypeError):
        Edit(plan).update(goal, colour="red")
