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
    first = Edit(plan).add(Goal, title="A")
    edit = Edit(plan)
    edit.update(first, title="B")
    step = edit.add(Step, goal_id=first.id, title="S")
    assert [(c.before or {}).get("title") for c in edit.changes] == ["A", None]
    assert [(c.after or {}).get("title") for c in edit.changes] == ["B", "S"]
    assert plan.goals[first.id].title == "B"
    assert plan.steps[step.id].title == "S"


def test_a_record_changed_twice_in_one_edit_is_one_change() -> None:
    # Undo checks each change's "before" against the plan: a chain A->B->C of one
    # record would never pass that check, so it is kept as A->C.
    plan = Plan()
    edit = Edit(plan)
    goal = edit.add(Goal, title="A")
    edit.update(goal, title="B")
    edit.update(plan.goals[goal.id], title="C")
    assert len(edit.changes) == 1
    assert edit.changes[0].before is None
    assert (edit.changes[0].after or {}).get("title") == "C"
    back = Edit(plan)
    back.update(plan.goals[goal.id], title="D")
    back.update(plan.goals[goal.id], title="C")
    assert back.changes == []


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
