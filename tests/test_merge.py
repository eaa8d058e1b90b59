"""The three-way merge of two devices' plans (pop_tui.core.merge), rule by rule (SYNC-SPEC.md)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from pop_tui.core import merge_doc
from pop_tui.core.checkins import check_in
from pop_tui.core.edit import Edit
from pop_tui.core.keys import PROFILE_KEY, conflict_key, legacy_key
from pop_tui.core.merge import MergeError, MergeResult, merge_documents
from pop_tui.core.model import (
    PROFILE_ID,
    Conflict,
    ConflictSide,
    Goal,
    Period,
    Plan,
    Profile,
    Step,
)
from pop_tui.core.periods import current_period, start_period
from pop_tui.core.removal import delete_goal, delete_step
from pop_tui.core.texts import set_language
from tests.merge_docs import (
    UID,
    Replica,
    document,
    loads_whole,
    plan_tables,
)

DAY = date(2026, 12, 7)
LAPTOP = ("dev-laptop", "laptop", "2026-12-07T10:00:00")
DESKTOP = ("dev-desktop", "desktop", "2026-12-07T11:00:00")


def ancestor() -> dict[str, Any]:
    plan = Plan()
    edit = Edit(plan)
    edit.put(Profile(id=PROFILE_ID, owner="Ann", dream_job_qualities=("calm",)))
    goal = edit.add(Goal, title="Learn Dutch", created=date(2026, 1, 5))
    for n in range(3):
        edit.add(Step, goal_id=goal.id, title=f"Lesson {n + 1}", due=date(2026, 12, 1 + n))
    return document(plan, device_id="dev-origin", device="origin", last_ids=edit.last_ids)


def replicas(base: dict[str, Any]) -> tuple[Replica, Replica]:
    return Replica(base, *LAPTOP), Replica(base, *DESKTOP)


def both_ways(base: dict[str, Any] | None, a: Replica, b: Replica) -> MergeResult:
    """Merge either way round: the same document (all of it); merging again changes nothing."""
    x, y = a.document(), b.document()
    one, other = merge_documents(base, x, y), merge_documents(base, y, x)
    assert one.tables == other.tables
    for side in (x, y):
        again = merge_documents(base, one.tables, side)
        assert plan_tables(again.tables) == plan_tables(one.tables)
        assert again.conflicts == ()
    loads_whole(one.tables)
    return one


def records(doc: dict[str, Any], table: str) -> list[dict[str, Any]]:
    return [{**r, "id": int(i)} for i, r in sorted(doc[table].items(), key=lambda i: int(i[0]))]


def test_the_layout_constants_are_the_stores() -> None:
    from pop_tui.store import plan_file

    assert merge_doc.SCHEMA == plan_file.SCHEMA
    assert merge_doc.APP_MARK == plan_file.APP_MARK
    assert (merge_doc.META, merge_doc.META_ID) == (plan_file.META, plan_file.META_ID)
    assert (merge_doc.HISTORY, merge_doc.CHECKSUM) == (plan_file.HISTORY, plan_file.CHECKSUM)


def test_a_merge_result_is_written_by_serialize_and_verifies() -> None:
    from pop_tui.store.plan_file import file_checksum, parse, serialize, written_by_pop

    base = ancestor()
    a, b = replicas(base)
    a.edit(lambda e: e.add(Goal, title="Learn Rust"))
    b.edit(lambda e: e.add(Goal, title="Run 10 km"))
    merged = merge_documents(base, a.document(), b.document()).tables
    raw = serialize(merged)
    assert file_checksum(raw) is not None
    read = parse("plan.json", raw)
    assert written_by_pop(raw, read["_meta"]["1"])


def test_the_store_opens_a_merged_plan_with_its_conflicts(tmp_path: Path) -> None:
    from pop_tui.store.plan_file import serialize
    from pop_tui.store.plan_store import PlanStore

    base = ancestor()
    a, b = replicas(base)
    a.edit(lambda e: e.update(e.plan.goals[1], title="Speak Dutch"))
    b.edit(lambda e: delete_step(e, 3))
    a.edit(lambda e: e.update(e.plan.steps[3], title="Lesson three"))
    merged = merge_documents(base, a.document(), b.document()).tables
    path = tmp_path / "plan.json"
    path.write_bytes(serialize(merged))
    store = PlanStore.open(path)
    assert store.plan == Plan.from_dict(merged)
    (conflict,) = store.plan.table(Conflict).values()
    assert [s.deleted for s in conflict.sides] == [True, False]


def test_both_add_goals_and_steps_with_colliding_ids_and_links_between_them() -> None:
    base = ancestor()
    a, b = replicas(base)

    def laptop(edit: Edit) -> None:
        goal = edit.add(Goal, title="Learn Rust")
        edit.add(Step, goal_id=goal.id, title="Read the book")

    def desktop(edit: Edit) -> None:
        goal = edit.add(Goal, title="Run 10 km")
        edit.add(Step, goal_id=goal.id, title="Buy shoes")
        edit.add(Step, goal_id=1, title="Lesson 4")

    a.edit(laptop)
    b.edit(desktop)
    assert a.plan.goals.keys() == b.plan.goals.keys() == {1, 2}
    result = both_ways(base, a, b)
    plan = loads_whole(result.tables)
    titles = {g.title: g.id for g in plan.goals.values()}
    assert set(titles) == {"Learn Dutch", "Learn Rust", "Run 10 km"}
    assert titles["Learn Dutch"] == 1
    steps = {s.title: s for s in plan.steps.values()}
    assert steps["Read the book"].goal_id == titles["Learn Rust"]
    assert steps["Buy shoes"].goal_id == titles["Run 10 km"]
    assert steps["Lesson 4"].goal_id == 1
    assert {s.title for s in plan.steps.values() if s.id <= 3} == {
        "Lesson 1",
        "Lesson 2",
        "Lesson 3",
    }
    # One of the two new goals 2 kept its number (the smaller key), the other got one above all.
    moved = [r for r in result.renumbered if r.table == "goals"]
    assert len(moved) == 1 and moved[0].old_id == 2 and moved[0].new_id == 3
    assert moved[0].title in ("Learn Rust", "Run 10 km")
    assert moved[0].device == ("laptop" if moved[0].title == "Learn Rust" else "desktop")
    keys = {a.document()["goals"]["2"]["key"], b.document()["goals"]["2"]["key"]}
    assert result.tables["goals"]["2"]["key"] == min(keys)
    assert result.tables["_meta"]["1"]["last_ids"]["goals"] == 3
    assert result.tables["_meta"]["1"]["last_ids"]["steps"] == 6


def test_a_later_merge_keeps_the_numbers_an_earlier_one_gave() -> None:
    base = ancestor()
    a, b = replicas(base)
    a.edit(lambda e: e.add(Goal, title="Learn Rust"))
    b.edit(lambda e: e.add(Goal, title="Run 10 km"))
    first = merge_documents(base, a.document(), b.document()).tables
    # A third device still on the ancestor adds a goal 2 of its own, and merges with the first.
    c = Replica(base, "dev-c", "server", "2026-12-07T12:00:00")
    c.edit(lambda e: e.add(Goal, title="Sleep more"))
    second = merge_documents(base, c.document(), first)
    ids = {g["key"]: int(i) for i, g in second.tables["goals"].items()}
    assert len(ids) == 4
    for key, id in {g["key"]: int(i) for i, g in first["goals"].items()}.items():
        if id != 2 or key == min(ids):
            assert ids[key] >= id
    assert sorted(ids.values()) == sorted(set(ids.values()))
    # The laptop, with the first merge as ancestor, takes the second as it is.
    again = merge_documents(first, first, second.tables)
    assert plan_tables(again.tables) == plan_tables(second.tables)


def test_both_mark_steps_done_and_check_in_on_the_same_day() -> None:
    base = ancestor()
    a, b = replicas(base)
    a.edit(lambda e: check_in(e, DAY, note="good lesson", mood=4, done=[1]))
    b.edit(lambda e: check_in(e, DAY, note="tired", done=[2]))
    result = both_ways(base, a, b)
    plan = loads_whole(result.tables)
    assert plan.steps[1].done_on == DAY and plan.steps[2].done_on == DAY
    assert plan.steps[3].done_on is None
    checkins = sorted(plan.checkins.values(), key=lambda c: c.note)
    assert [(c.on, c.note, c.step_ids) for c in checkins] == [
        (DAY, "good lesson", (1,)),
        (DAY, "tired", (2,)),
    ]
    assert sorted(c.id for c in checkins) == [1, 2]
    assert result.conflicts == ()


def test_different_fields_of_one_goal_are_both_kept() -> None:
    base = ancestor()
    a, b = replicas(base)
    a.edit(lambda e: e.update(e.plan.goals[1], title="Speak Dutch"))
    b.edit(lambda e: e.update(e.plan.goals[1], deadline=date(2027, 6, 30), swot_ids=()))
    plan = loads_whole(both_ways(base, a, b).tables)
    assert plan.goals[1].title == "Speak Dutch"
    assert plan.goals[1].deadline == date(2027, 6, 30)
    assert plan.tables["conflicts"] == {}


def test_the_same_field_changed_to_the_same_value_is_no_conflict() -> None:
    base = ancestor()
    a, b = replicas(base)
    for r in (a, b):
        r.edit(lambda e: e.update(e.plan.goals[1], title="Speak Dutch"))
    result = both_ways(base, a, b)
    assert result.conflicts == () and result.tables["conflicts"] == {}


def test_the_same_field_changed_to_two_values_is_a_conflict_with_both() -> None:
    base = ancestor()
    a, b = replicas(base)
    a.edit(lambda e: e.update(e.plan.goals[1], title="Speak Dutch"))
    b.edit(lambda e: e.update(e.plan.goals[1], title="Read Dutch"))
    result = both_ways(base, a, b)
    plan = loads_whole(result.tables)
    (conflict,) = plan.table(Conflict).values()
    assert result.conflicts == (conflict,)
    goal_key = base["goals"]["1"]["key"]
    assert result.tables["conflicts"][str(conflict.id)]["key"] == conflict_key(goal_key, "title")
    assert (conflict.table, conflict.record_id, conflict.record_key, conflict.field) == (
        "goals",
        1,
        goal_key,
        "title",
    )
    # Sides by device name; the desktop saved later, so its value is shown meanwhile.
    assert conflict.sides == (
        ConflictSide("desktop", "2026-12-07T11:00:00", '"Read Dutch"'),
        ConflictSide("laptop", "2026-12-07T10:00:00", '"Speak Dutch"'),
    )
    assert conflict.shown == 0
    assert plan.goals[1].title == "Read Dutch"


def test_a_tie_in_time_shows_the_larger_value() -> None:
    base = ancestor()
    a = Replica(base, "dev-a", "a", "2026-12-07T10:00:00")
    b = Replica(base, "dev-b", "b", "2026-12-07T10:00:00")
    a.edit(lambda e: e.update(e.plan.goals[1], deadline=date(2027, 1, 1)))
    b.edit(lambda e: e.update(e.plan.goals[1], deadline=date(2027, 2, 1)))
    plan = loads_whole(both_ways(base, a, b).tables)
    assert plan.goals[1].deadline == date(2027, 2, 1)
    (conflict,) = plan.table(Conflict).values()
    assert conflict.sides[conflict.shown].value == '"2027-02-01"'


def test_a_conflict_found_again_is_updated_not_doubled() -> None:
    base = ancestor()
    a, b = replicas(base)
    a.edit(lambda e: e.update(e.plan.goals[1], title="Speak Dutch"))
    b.edit(lambda e: e.update(e.plan.goals[1], title="Read Dutch"))
    first = merge_documents(base, a.document(), b.document()).tables
    # Both devices take the merge, and then both change the title again, differently.
    a2 = Replica(first, "dev-laptop", "laptop", "2026-12-08T10:00:00")
    b2 = Replica(first, "dev-desktop", "desktop", "2026-12-08T09:00:00")
    a2.edit(lambda e: e.update(e.plan.goals[1], title="Write Dutch"))
    b2.edit(lambda e: e.update(e.plan.goals[1], title="Hear Dutch"))
    second = both_ways(first, a2, b2)
    plan = loads_whole(second.tables)
    (conflict,) = plan.table(Conflict).values()
    assert [s.value for s in conflict.sides] == ['"Hear Dutch"', '"Write Dutch"']
    assert plan.goals[1].title == "Write Dutch"
    assert conflict.sides[conflict.shown].device == "laptop"
    assert second.conflicts == (conflict,)


def test_deleted_on_one_side_and_unchanged_on_the_other_is_deleted() -> None:
    base = ancestor()
    a, b = replicas(base)
    a.edit(lambda e: delete_step(e, 3))
    b.edit(lambda e: e.update(e.plan.steps[1], title="First lesson"))
    plan = loads_whole(both_ways(base, a, b).tables)
    assert sorted(plan.steps) == [1, 2]
    assert plan.steps[1].title == "First lesson"


def test_deleted_on_one_side_and_changed_on_the_other_is_kept_and_asked() -> None:
    base = ancestor()
    a, b = replicas(base)
    a.edit(lambda e: delete_step(e, 3))
    b.edit(lambda e: e.update(e.plan.steps[3], title="Lesson three"))
    result = both_ways(base, a, b)
    plan = loads_whole(result.tables)
    assert plan.steps[3].title == "Lesson three"
    (conflict,) = plan.table(Conflict).values()
    assert (conflict.table, conflict.record_id, conflict.field) == ("steps", 3, "")
    deleted = [s for s in conflict.sides if s.deleted]
    kept = [s for s in conflict.sides if not s.deleted]
    assert [(s.device, s.value) for s in deleted] == [("laptop", "")]
    assert kept[0].device == "desktop"
    assert json.loads(kept[0].value)["title"] == "Lesson three"
    assert conflict.sides[conflict.shown] == kept[0]


def test_a_goal_deleted_on_one_side_is_kept_when_the_other_added_a_step_to_it() -> None:
    base = ancestor()
    a, b = replicas(base)
    a.edit(lambda e: delete_goal(e, 1))
    b.edit(lambda e: e.add(Step, goal_id=1, title="Lesson 4"))
    result = both_ways(base, a, b)
    plan = loads_whole(result.tables)
    assert plan.goals[1].title == "Learn Dutch"
    # The steps the laptop deleted with the goal (unchanged on the desktop) stay deleted.
    assert [s.title for s in plan.steps.values()] == ["Lesson 4"]
    (conflict,) = plan.table(Conflict).values()
    assert (conflict.table, conflict.record_id, conflict.field) == ("goals", 1, "")


def test_a_value_in_conflict_that_points_at_a_record_deleted_on_one_side_keeps_it() -> None:
    base_plan = Plan()
    edit = Edit(base_plan)
    first = edit.add(Goal, title="Learn Dutch")
    second = edit.add(Goal, title="Learn French")
    edit.add(Step, goal_id=first.id, title="Lesson")
    base = document(base_plan, device_id="origin", last_ids=edit.last_ids)
    a, b = replicas(base)

    def laptop(edit: Edit) -> None:
        delete_goal(edit, second.id)
        third = edit.add(Goal, title="Learn Rust")
        edit.update(edit.plan.steps[1], goal_id=third.id)

    a.edit(laptop)
    b.edit(lambda e: e.update(e.plan.steps[1], goal_id=second.id))
    result = both_ways(base, a, b)
    plan = loads_whole(result.tables)
    # The desktop saved later: its goal is shown, so the goal the laptop deleted stays.
    assert plan.steps[1].goal_id == second.id
    assert plan.goals[second.id].title == "Learn French"
    fields = sorted((c.table, c.field) for c in plan.table(Conflict).values())
    assert fields == [("goals", ""), ("steps", "goal_id")]


def test_a_step_added_to_an_action_moved_to_another_goal_stays_with_its_goal() -> None:
    from pop_tui.core.model import Action
    from pop_tui.core.record_changes import change_action

    base_plan = Plan()
    edit = Edit(base_plan)
    first = edit.add(Goal, title="Learn Dutch")
    second = edit.add(Goal, title="Learn French")
    action = edit.add(Action, goal_id=first.id, action="Take lessons")
    edit.add(Step, goal_id=first.id, action_id=action.id, title="Lesson 1")
    base = document(base_plan, device_id="origin", last_ids=edit.last_ids)
    a, b = replicas(base)
    a.edit(lambda e: change_action(e, action.id, {"goal_id": second.id}))
    b.edit(lambda e: e.add(Step, goal_id=first.id, action_id=action.id, title="Lesson 2"))
    plan = loads_whole(both_ways(base, a, b).tables)
    steps = {s.title: s for s in plan.steps.values()}
    assert (steps["Lesson 1"].goal_id, steps["Lesson 1"].action_id) == (second.id, action.id)
    assert (steps["Lesson 2"].goal_id, steps["Lesson 2"].action_id) == (first.id, None)


def test_a_new_period_started_on_one_side() -> None:
    base = ancestor()
    a, b = replicas(base)

    def new_year(edit: Edit) -> None:
        edit.update(edit.plan.goals[1], status="active")
        start_period(edit, "2027", DAY)

    a.edit(new_year)
    b.edit(lambda e: check_in(e, DAY, note="late lesson", done=[1]))
    b.edit(lambda e: e.add(Goal, title="Run 10 km", status="done"))
    result = both_ways(base, a, b)
    plan = loads_whole(result.tables)
    current = current_period(plan)
    assert current is not None and current.name == "2027"
    archived = [p for p in plan.table(Period).values() if p.archive]
    assert len(archived) == 1
    # The active goal is carried; what the desktop did meanwhile is all there.
    assert plan.steps[1].done_on == DAY
    assert [c.note for c in plan.checkins.values()] == ["late lesson"]
    assert {g.title for g in plan.goals.values()} == {"Learn Dutch", "Run 10 km"}
    assert "period started: 2027" in merge_documents(base, b.document(), a.document()).incoming


def schema_one(doc: dict[str, Any]) -> dict[str, Any]:
    """``doc`` as a pop before sync wrote it: no keys, the undo history inside."""
    tables = {
        name: {id: {k: v for k, v in r.items() if k != "key"} for id, r in records.items()}
        for name, records in doc.items()
        if name != "_meta"
    }
    meta = {k: v for k, v in doc["_meta"]["1"].items() if k != "device"}
    history = {
        "1": {"label": "Add goal", "at": "2026-12-01T09:00:00", "changes": [], "undone": False}
    }
    return {**tables, "_meta": {"1": {**meta, "schema": 1}}, "_history": history}


def test_a_schema_one_plan_without_keys_merges_with_one_migrated_elsewhere() -> None:
    old = ancestor()
    # The ancestor and this device's plan were written before sync; the other device
    # migrated its copy (legacy keys, the same on every copy) and then changed it.
    legacy = {
        name: {
            id: {**r, "key": PROFILE_KEY if name == "profile" else legacy_key(UID, name, int(id))}
            for id, r in records.items()
        }
        for name, records in schema_one(old).items()
        if not name.startswith("_")
    }
    migrated = {**legacy, "_meta": {"1": {**old["_meta"]["1"], "schema": 2}}}
    base = schema_one(old)
    a = Replica(migrated, *LAPTOP)
    b = Replica(migrated, *DESKTOP)
    a.edit(lambda e: e.update(e.plan.goals[1], title="Speak Dutch"))
    b.edit(lambda e: e.update(e.plan.steps[2], done_on=DAY))
    ours_old = schema_one(a.document())
    for first, second in ((ours_old, b.document()), (b.document(), ours_old)):
        result = merge_documents(base, first, second)
        assert "_history" not in result.tables
        assert result.tables["_meta"]["1"]["schema"] == 2
        plan = loads_whole(result.tables)
        assert plan.goals[1].title == "Speak Dutch"
        assert plan.steps[2].done_on == DAY
        assert len(plan.steps) == 3 and len(plan.goals) == 1
        assert result.tables["goals"]["1"]["key"] == legacy_key(UID, "goals", 1)
        assert result.tables["profile"]["1"]["key"] == PROFILE_KEY


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d["_meta"]["1"].update(schema=3), "newer pop"),
        (lambda d: d["_meta"]["1"].update(app="other"), "not a pop plan"),
        (lambda d: d["_meta"]["1"].update(revision="x"), "header"),
        (lambda d: d.update(goals=[]), "table 'goals'"),
        (lambda d: d["goals"].update({"x": {}}), "table 'goals'"),
        (lambda d: d["goals"]["1"].update(deadline="soon"), "goals 1"),
        (lambda d: d["steps"]["2"].update(key=d["steps"]["1"]["key"]), "table 'steps'"),
    ],
)
def test_a_plan_that_cannot_be_merged_is_refused(change: Any, words: str) -> None:
    base = ancestor()
    good = Replica(base, *LAPTOP).document()
    bad = json.loads(json.dumps(good))
    change(bad)
    for args in ((base, good, bad), (base, bad, good), (bad, good, good)):
        with pytest.raises(MergeError, match=words):
            merge_documents(*args)


def test_a_refusal_is_in_dutch_too() -> None:
    base = ancestor()
    bad = json.loads(json.dumps(base))
    bad["_meta"]["1"]["schema"] = 3
    set_language("nl")
    with pytest.raises(MergeError, match="nieuwere pop"):
        merge_documents(base, base, bad)


def test_two_plans_made_apart_merge_with_no_ancestor() -> None:
    def plan_of(owner: str, dream: str, goal: str, device: str) -> Replica:
        plan = Plan()
        edit = Edit(plan)
        edit.put(Profile(id=PROFILE_ID, owner=owner, dream_job=dream))
        edit.add(Goal, title=goal)
        doc = document(
            plan, device_id=device, device=device, last_ids=edit.last_ids, uid=device * 4
        )
        return Replica(doc, device, device, f"2026-12-07T1{len(device)}:00:00")

    a = plan_of("Ann", "", "Learn Rust", "laptop")
    b = plan_of("Ann", "Teacher", "Run 10 km", "pc")
    result = both_ways(None, a, b)
    plan = loads_whole(result.tables)
    assert {g.title for g in plan.goals.values()} == {"Learn Rust", "Run 10 km"}
    assert sorted(plan.goals) == [1, 2]
    assert plan.profile.owner == "Ann" and plan.profile.dream_job == "Teacher"
    assert result.tables["_meta"]["1"]["plan_uid"] == min("laptop" * 4, "pc" * 4)
    assert merge_documents({}, a.document(), b.document()).tables == result.tables


def test_the_profile_edited_on_both_sides() -> None:
    base = ancestor()
    a, b = replicas(base)
    a.edit(
        lambda e: e.update(
            e.plan.profile, owner="Ann de Vries", dream_job_qualities=("calm", "kind")
        )
    )
    b.edit(lambda e: e.update(e.plan.profile, dream_job="Teacher", dream_job_qualities=("brave",)))
    result = both_ways(base, a, b)
    profile = loads_whole(result.tables).profile
    assert (profile.owner, profile.dream_job) == ("Ann de Vries", "Teacher")
    # "calm" removed by the desktop; "kind" and "brave" added: new items sorted.
    assert profile.dream_job_qualities == ("brave", "kind")
    assert result.conflicts == ()
    assert result.tables["profile"]["1"]["key"] == PROFILE_KEY


def test_held_reviews_and_a_goals_swot_items_merge_as_sets() -> None:
    from pop_tui.core.model import HeldReview, Review, SwotItem

    plan = Plan()
    edit = Edit(plan)
    for text in ("a", "b", "c"):
        edit.add(SwotItem, text=text)
    edit.add(Goal, title="G", swot_ids=(1, 2))
    edit.add(Review, title="R", held=(HeldReview(date(2026, 5, 1)),))
    base = document(plan, device_id="o", last_ids=edit.last_ids)
    a, b = replicas(base)
    a.edit(lambda e: e.update(e.plan.goals[1], swot_ids=(2, 3)))
    b.edit(lambda e: e.update(e.plan.goals[1], swot_ids=(1, 2, 3)))
    a.edit(
        lambda e: e.update(
            e.plan.reviews[1], held=(*e.plan.reviews[1].held, HeldReview(date(2026, 9, 1)))
        )
    )
    b.edit(
        lambda e: e.update(
            e.plan.reviews[1], held=(HeldReview(date(2026, 7, 1), "mid"), *e.plan.reviews[1].held)
        )
    )
    merged = loads_whole(both_ways(base, a, b).tables)
    assert merged.goals[1].swot_ids == (2, 3)
    assert [h.on.month for h in merged.reviews[1].held] == [5, 7, 9]


def test_meta_of_the_merge() -> None:
    base = ancestor()
    a, b = replicas(base)
    a.edit(lambda e: e.add(Goal, title="x"))
    b.edit(lambda e: e.add(Goal, title="y"))
    b.revision = 40
    x, y = a.document(), b.document()
    x["_meta"]["1"]["checksum"] = 123
    x["_meta"]["1"]["last_ids"]["trends"] = 7
    meta = merge_documents(base, x, y).tables["_meta"]["1"]
    assert meta["revision"] == 41
    assert meta["saved_at"] == "2026-12-07T11:00:00"
    assert meta["device"] == "desktop"
    assert meta["schema"] == 2 and meta["app"] == "pop-tui"
    assert "checksum" not in meta
    assert meta["last_ids"]["trends"] == 7 and meta["last_ids"]["goals"] == 3


def test_equal_plans_give_ours_back() -> None:
    base = ancestor()
    a = Replica(base, *LAPTOP)
    a.edit(lambda e: e.add(Goal, title="x"))
    doc = a.document()
    result = merge_documents(base, doc, json.loads(json.dumps(doc)))
    assert result.tables == doc
    assert (result.conflicts, result.renumbered, result.incoming) == ((), (), ())


def test_what_came_in_from_the_other_side() -> None:
    base = ancestor()
    a, b = replicas(base)
    a.edit(lambda e: e.add(Goal, title="Sleep more"))
    b.edit(lambda e: check_in(e, DAY, note="x", done=[1, 2]))
    b.edit(lambda e: e.add(Goal, title="Learn Rust"))
    result = merge_documents(base, a.document(), b.document())
    assert result.incoming == ("goal added: Learn Rust", "2 steps done", "1 check-in added")
    assert merge_documents(base, b.document(), a.document()).incoming == ("goal added: Sleep more",)


def test_one_conflict_found_on_two_devices_is_one_record_with_every_side() -> None:
    base = ancestor()
    a, b = replicas(base)
    c = Replica(base, "dev-c", "server", "2026-12-07T12:00:00")
    a.edit(lambda e: e.update(e.plan.goals[1], title="Speak Dutch"))
    b.edit(lambda e: e.update(e.plan.goals[1], title="Read Dutch"))
    c.edit(lambda e: e.update(e.plan.goals[1], title="Write Dutch"))
    on_laptop = merge_documents(base, a.document(), b.document()).tables
    on_server = merge_documents(base, c.document(), b.document()).tables
    both = merge_documents(base, on_laptop, on_server)
    assert both.tables == merge_documents(base, on_server, on_laptop).tables
    plan = loads_whole(both.tables)
    (conflict,) = plan.table(Conflict).values()
    # The laptop's value, not chosen in its own merge, is still one to choose.
    assert [(s.device, s.value) for s in conflict.sides] == [
        ("desktop", '"Read Dutch"'),
        ("laptop", '"Speak Dutch"'),
        ("server", '"Write Dutch"'),
    ]
    assert plan.goals[1].title == "Write Dutch"
    assert conflict.sides[conflict.shown].value == '"Write Dutch"'


def test_a_conflict_resolved_on_one_device_is_resolved_everywhere() -> None:
    from pop_tui.core.conflicts import choose_side

    base = ancestor()
    a, b = replicas(base)
    a.edit(lambda e: e.update(e.plan.goals[1], title="Speak Dutch"))
    b.edit(lambda e: e.update(e.plan.goals[1], title="Read Dutch"))
    merged = merge_documents(base, a.document(), b.document()).tables
    laptop = Replica(merged, "dev-laptop", "laptop", "2026-12-08T10:00:00")
    (conflict,) = laptop.plan.table(Conflict).values()
    mine = next(n for n, s in enumerate(conflict.sides) if s.device == "laptop")
    laptop.edit(lambda e: choose_side(e, conflict.id, mine))
    desktop = Replica(merged, "dev-desktop", "desktop", "2026-12-08T09:00:00")
    desktop.edit(lambda e: e.update(e.plan.steps[1], title="First lesson"))
    result = both_ways(merged, laptop, desktop)
    plan = loads_whole(result.tables)
    assert plan.goals[1].title == "Speak Dutch" and plan.steps[1].title == "First lesson"
    assert plan.table(Conflict) == {}


def test_a_table_this_pop_does_not_know_is_merged_too() -> None:
    base = ancestor()
    a, b = replicas(base)
    x, y = a.document(), b.document()
    x["widgets"] = {"1": {"key": "w1", "size": 2}}
    y["widgets"] = {"1": {"key": "w2", "size": 3}}
    result = merge_documents(base, x, y)
    assert result.tables == merge_documents(base, y, x).tables
    assert sorted((r["key"], r["size"]) for r in result.tables["widgets"].values()) == [
        ("w1", 2),
        ("w2", 3),
    ]
