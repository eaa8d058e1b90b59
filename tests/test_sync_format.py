"""The plan file as it travels between devices (schema 2): keys in every record, the undo
history and the device's own state beside the plan, and the migration of older files."""

from __future__ import annotations

import json
import os
import shutil
import stat
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from pop_tui.core import keys
from pop_tui.core.model import Goal, Step
from pop_tui.store import local, plan_file
from pop_tui.store.plan_file import META, META_ID, SCHEMA, list_backups
from pop_tui.store.plan_store import PlanStore


def now() -> datetime:
    return datetime(2026, 12, 7, 9, 30)


def lines_of(path: Path) -> dict[str, dict[str, Any]]:
    return json.loads(path.read_bytes())


def add_goal(store: PlanStore, title: str) -> Goal:
    return store.apply(f"Add goal: {title}", lambda e: e.add(Goal, title=title))


def test_every_record_has_a_key_made_from_the_plan_and_this_device(plan_path: Path) -> None:
    store = PlanStore.open(plan_path, now=now)
    goal = add_goal(store, "Learn Rust")
    store.apply("step", lambda e: e.add(Step, goal_id=goal.id, title="Read the book"))
    data = lines_of(plan_path)
    device = local.this_device(plan_path)
    expected = keys.record_key(store.plan_uid, device.id, "goals", goal.id)
    assert data["goals"][str(goal.id)]["key"] == expected
    assert len(data["steps"]["1"]["key"]) == keys.KEY_LENGTH
    # An edit keeps the key; the file stays one record a line.
    store.apply("rename", lambda e: e.update(store.plan.goals[goal.id], title="Learn Go"))
    assert lines_of(plan_path)["goals"]["1"]["key"] == expected
    assert sum('"key": "' in line for line in plan_path.read_text().splitlines()) == 2


def test_the_key_is_not_part_of_the_record_in_memory(plan_path: Path) -> None:
    store = PlanStore.open(plan_path, now=now)
    add_goal(store, "Learn Rust")
    goal = PlanStore.open(plan_path).plan.goals[1]
    assert "key" not in goal.to_dict()
    assert goal == store.plan.goals[1]


def test_undoing_a_delete_brings_the_record_back_with_its_key(plan_path: Path) -> None:
    store = PlanStore.open(plan_path, now=now)
    add_goal(store, "Learn Rust")
    key = lines_of(plan_path)["goals"]["1"]["key"]
    # A key made on another device (as a merge leaves it) must come back too.
    raw = plan_path.read_text().replace(key, "0123456789ab")
    plan_path.write_text(raw)
    store = PlanStore.open(plan_path, now=now)
    store.apply("delete", lambda e: e.delete(store.plan.goals[1]))
    assert "1" not in lines_of(plan_path)["goals"]
    store.undo()
    assert lines_of(plan_path)["goals"]["1"]["key"] == "0123456789ab"
    store.redo()
    PlanStore.open(plan_path).undo()  # another session, from the history beside the plan
    assert lines_of(plan_path)["goals"]["1"]["key"] == "0123456789ab"


def test_the_plan_holds_the_plan_and_the_history_lies_beside_it(plan_path: Path) -> None:
    store = PlanStore.open(plan_path, now=now)
    add_goal(store, "Learn Rust")
    data = lines_of(plan_path)
    assert "_history" not in data
    meta = data[META][META_ID]
    assert meta["schema"] == SCHEMA == 2
    assert meta["device"] == local.this_device(plan_path).name
    history = json.loads(local.history_path(plan_path).read_bytes())
    assert [entry["label"] for entry in history.values()] == ["Add goal: Learn Rust"]
    assert stat.S_IMODE(local.history_path(plan_path).stat().st_mode) == 0o600
    # Another session on this device undoes it from there.
    assert PlanStore.open(plan_path).undo() == "Add goal: Learn Rust"
    assert lines_of(plan_path)["goals"] == {}


def test_a_lost_or_damaged_history_loses_no_part_of_the_plan(plan_path: Path) -> None:
    store = PlanStore.open(plan_path, now=now)
    add_goal(store, "Learn Rust")
    local.history_path(plan_path).write_text("{ not json")
    reopened = PlanStore.open(plan_path)
    assert [g.title for g in reopened.plan.goals.values()] == ["Learn Rust"]
    assert not reopened.can_undo()
    add_goal(reopened, "Learn Go")  # and the history is written whole again
    assert len(json.loads(local.history_path(plan_path).read_bytes())) == 1


def test_the_device_keeps_its_id_and_can_be_named(plan_path: Path) -> None:
    first = local.this_device(plan_path)
    assert first == local.this_device(plan_path)
    assert len(first.id) == 16 and first.name
    named = local.name_device(plan_path, "  laptop\x1b[31m \n")
    assert named == local.Device(first.id, "laptop[31m")  # printable, one line
    assert local.this_device(plan_path).name == "laptop[31m"
    with pytest.raises(ValueError):
        local.name_device(plan_path, " \t")
    store = PlanStore.open(plan_path, now=now)
    add_goal(store, "x")
    assert lines_of(plan_path)[META][META_ID]["device"] == "laptop[31m"


def schema_one_plan(path: Path) -> bytes:
    """A plan as pop wrote it before keys: no keys, the history inside, schema 1."""
    store = PlanStore.open(path, now=now)
    goal = add_goal(store, "Learn Rust")
    store.apply("step", lambda e: e.add(Step, goal_id=goal.id, title="Read the book"))
    data = lines_of(path)
    for name, table in data.items():
        if name != META:
            for record in table.values():
                record.pop("key", None)
    data["_history"] = json.loads(local.history_path(path).read_bytes())
    data[META][META_ID]["schema"] = 1
    data[META][META_ID].pop("device")
    shutil.rmtree(path.parent / "local")
    shutil.rmtree(path.parent / "backups")
    raw = plan_file.serialize(data)
    path.write_bytes(raw)
    return raw


def test_an_older_plan_is_migrated_on_first_open_with_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    old = schema_one_plan(path)
    uid = json.loads(old)[META][META_ID]["plan_uid"]
    store = PlanStore.open(path, now=now)
    data = lines_of(path)
    assert data[META][META_ID]["schema"] == 2 and "_history" not in data
    assert data["goals"]["1"]["key"] == keys.legacy_key(uid, "goals", 1)
    assert data["steps"]["1"]["key"] == keys.legacy_key(uid, "steps", 1)
    # Nothing lost: the old file is the newest backup, and undo still works.
    assert list_backups(path)[0].path.read_bytes() == old
    assert store.undo() == "step"
    assert lines_of(path)["steps"] == {}


def test_two_copies_of_one_older_plan_get_the_same_keys(tmp_path: Path) -> None:
    one, two = tmp_path / "laptop" / "plan.json", tmp_path / "desktop" / "plan.json"
    one.parent.mkdir()
    two.parent.mkdir()
    raw = schema_one_plan(one)
    two.write_bytes(raw)
    PlanStore.open(one)
    PlanStore.open(two)
    assert local.this_device(one).id != local.this_device(two).id
    keys_one = {
        n: {i: r["key"] for i, r in t.items()} for n, t in lines_of(one).items() if n != META
    }
    keys_two = {
        n: {i: r["key"] for i, r in t.items()} for n, t in lines_of(two).items() if n != META
    }
    assert keys_one == keys_two and keys_one["goals"]
    # Records made afterwards differ: each device makes its own.
    add_goal(PlanStore.open(one), "A")
    add_goal(PlanStore.open(two), "A")
    assert lines_of(one)["goals"]["2"]["key"] != lines_of(two)["goals"]["2"]["key"]


def test_an_older_plan_that_cannot_be_written_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    old = schema_one_plan(path)
    os.chmod(path, 0o444)
    store = PlanStore.open(path)
    assert [g.title for g in store.plan.goals.values()] == ["Learn Rust"]
    assert path.read_bytes() == old
