"""Conflicts left by a merge: listed as plain text, and resolved through an Edit (core/conflicts.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from pop_tui.core.conflicts import (
    ResolveError,
    choose_side,
    delete_record,
    keep_record,
    open_conflicts,
    set_value,
    typed_value,
)
from pop_tui.core.edit import Edit
from pop_tui.core.merge import merge_documents
from pop_tui.core.model import Conflict, Plan
from pop_tui.core.removal import delete_goal, delete_step
from pop_tui.core.rules import RuleError
from pop_tui.core.texts import set_language
from tests.merge_docs import Replica, loads_whole
from tests.test_merge import DESKTOP, LAPTOP, ancestor, replicas


def merged(change_a: Any, change_b: Any) -> Plan:
    base = ancestor()
    a, b = replicas(base)
    a.edit(change_a)
    b.edit(change_b)
    return loads_whole(merge_documents(base, a.document(), b.document()).tables)


def title_conflict() -> Plan:
    return merged(
        lambda e: e.update(e.plan.goals[1], title="Speak <b>Dutch</b>\x1b[31m"),
        lambda e: e.update(e.plan.goals[1], title="Read Dutch"),
    )


def only_conflict(plan: Plan) -> Conflict:
    (conflict,) = plan.table(Conflict).values()
    return conflict


def test_an_open_conflict_is_listed_as_plain_text() -> None:
    plan = title_conflict()
    (view,) = open_conflicts(plan)
    assert view.title == "goal 1: Read Dutch"
    assert (view.field, view.label) == ("title", "title")
    assert [(s.device, s.at, s.shown) for s in view.sides] == [
        ("desktop", "Mon 7 Dec 2026 11:00", True),
        ("laptop", "Mon 7 Dec 2026 10:00", False),
    ]
    # User text is data: the markup stays as typed, the escape sequence is made harmless.
    assert view.sides[1].value.startswith("Speak <b>Dutch</b>")
    assert "\x1b" not in view.sides[1].value


def test_the_listing_is_in_dutch_too() -> None:
    plan = merged(
        lambda e: e.update(e.plan.steps[2], due=date(2027, 1, 4)),
        lambda e: e.update(e.plan.steps[2], due=None),
    )
    set_language("nl")
    (view,) = open_conflicts(plan)
    assert view.title == "stap 2: Lesson 2"
    assert view.label == "datum"
    assert sorted(s.value for s in view.sides) == ["(leeg)", "ma 4 jan 2027"]


def test_choosing_a_side_sets_the_field_and_ends_the_conflict() -> None:
    plan = title_conflict()
    conflict = only_conflict(plan)
    laptop = next(n for n, s in enumerate(conflict.sides) if s.device == "laptop")
    edit = Edit(plan)
    choose_side(edit, conflict.id, laptop)
    assert plan.goals[1].title == "Speak <b>Dutch</b>\x1b[31m"
    assert plan.table(Conflict) == {}
    assert {c.table for c in edit.changes} == {"goals", "conflicts"}
    assert open_conflicts(plan) == []


def test_a_new_value_goes_through_the_model_and_the_rules() -> None:
    plan = title_conflict()
    conflict = only_conflict(plan)
    before = plan.to_dict()
    edit = Edit(plan)
    with pytest.raises(RuleError):
        set_value(edit, conflict.id, "   ")  # a goal's title cannot be empty
    with pytest.raises(ResolveError, match="cannot be kept"):
        set_value(edit, conflict.id, 12)
    assert plan.to_dict() == before and edit.changes == []
    set_value(edit, conflict.id, "Learn to speak Dutch")
    assert plan.goals[1].title == "Learn to speak Dutch"
    assert plan.table(Conflict) == {}


def test_a_typed_date_is_read_as_a_date() -> None:
    plan = merged(
        lambda e: e.update(e.plan.steps[2], due=date(2027, 1, 4)),
        lambda e: e.update(e.plan.steps[2], due=date(2027, 2, 4)),
    )
    conflict = only_conflict(plan)
    assert typed_value(plan, conflict.id, "x") == "x"
    assert typed_value(plan, conflict.id, "null") is None
    set_value(Edit(plan), conflict.id, typed_value(plan, conflict.id, "2027-03-01"))
    assert plan.steps[2].due == date(2027, 3, 1)


def test_a_typed_date_out_of_range_is_refused() -> None:
    plan = merged(
        lambda e: e.update(e.plan.steps[2], due=date(2027, 1, 4)),
        lambda e: e.update(e.plan.steps[2], due=date(2027, 2, 4)),
    )
    conflict = only_conflict(plan)
    with pytest.raises((ResolveError, RuleError)):
        set_value(Edit(plan), conflict.id, typed_value(plan, conflict.id, "the 3rd"))
    with pytest.raises(RuleError):
        set_value(Edit(plan), conflict.id, "1066-10-14")
    assert plan.steps[2].due in (date(2027, 1, 4), date(2027, 2, 4))


def test_wrong_choices_are_refused_with_a_message() -> None:
    plan = title_conflict()
    conflict = only_conflict(plan)
    edit = Edit(plan)
    with pytest.raises(ResolveError, match="no conflict 99"):
        choose_side(edit, 99, 0)
    with pytest.raises(ResolveError, match="no side 3"):
        choose_side(edit, conflict.id, 2)
    with pytest.raises(ResolveError, match="one field"):
        keep_record(edit, conflict.id)
    with pytest.raises(ResolveError, match="one field"):
        delete_record(edit, conflict.id)
    assert edit.changes == []


def deleted_and_changed() -> Plan:
    return merged(
        lambda e: delete_step(e, 3),
        lambda e: e.update(e.plan.steps[3], title="Lesson three"),
    )


def test_a_deleted_and_changed_record_is_listed() -> None:
    (view,) = open_conflicts(deleted_and_changed())
    assert view.title == "step 3: Lesson three"
    assert view.label == "the whole record"
    assert sorted((s.device, s.value, s.deleted) for s in view.sides) == [
        ("desktop", "kept, and changed", False),
        ("laptop", "deleted", True),
    ]
    with pytest.raises(ResolveError, match="deleted record"):
        set_value(Edit(deleted_and_changed()), 1, "x")


def test_keeping_a_deleted_and_changed_record() -> None:
    plan = deleted_and_changed()
    keep_record(Edit(plan), only_conflict(plan).id)
    assert plan.steps[3].title == "Lesson three"
    assert plan.table(Conflict) == {}


def test_choosing_the_side_that_deleted_deletes_the_record() -> None:
    plan = deleted_and_changed()
    conflict = only_conflict(plan)
    deleted = next(n for n, s in enumerate(conflict.sides) if s.deleted)
    choose_side(Edit(plan), conflict.id, deleted)
    assert 3 not in plan.steps and plan.table(Conflict) == {}


def test_a_kept_record_deleted_here_meanwhile_comes_back_as_that_side_had_it() -> None:
    plan = deleted_and_changed()
    conflict = only_conflict(plan)
    Edit(plan).delete(plan.steps[3])
    kept = next(n for n, s in enumerate(conflict.sides) if not s.deleted)
    choose_side(Edit(plan), conflict.id, kept)
    assert plan.steps[3].title == "Lesson three"


def test_deleting_a_goal_takes_what_exists_for_it_and_its_other_conflicts() -> None:
    base = ancestor()
    a = Replica(base, *LAPTOP)
    b = Replica(base, *DESKTOP)
    a.edit(lambda e: delete_goal(e, 1))
    b.edit(lambda e: e.update(e.plan.goals[1], title="Speak Dutch"))
    b.edit(lambda e: e.update(e.plan.steps[1], title="First lesson"))
    plan = loads_whole(merge_documents(base, a.document(), b.document()).tables)
    assert len(plan.table(Conflict)) == 2  # the goal and the step: each deleted and changed
    goal_conflict = next(c for c in plan.table(Conflict).values() if c.table == "goals")
    delete_record(Edit(plan), goal_conflict.id)
    assert plan.goals == {} and plan.steps == {}
    assert plan.table(Conflict) == {}
