"""The plan store: saving, undo and redo, subscribers, two sessions, the file, damaged files."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from tinydb import TinyDB

from pop_tui.core.edit import Change, Edit
from pop_tui.core.model import Goal, Step
from pop_tui.store import local, plan_file, plan_store
from pop_tui.store.plan_file import (
    DamagedPlanError,
    NewerSchemaError,
    PlanFileError,
    list_backups,
    parse,
    serialize,
)
from pop_tui.store.plan_store import PlanStore, UndoError, restore_backup
from pop_tui.store.storage import AtomicJSONStorage


def now() -> datetime:
    return datetime(2026, 11, 29, 9, 0)


def open_store(path: Path, **kwargs: Any) -> PlanStore:
    return PlanStore.open(path, now=now, **kwargs)


def add_goal(store: PlanStore, title: str, **fields: Any) -> Goal:
    return store.apply(f"add {title}", lambda e: e.add(Goal, title=title, **fields))


def titles(store: PlanStore) -> list[str]:
    return sorted(g.title for g in store.plan.goals.values())


def snapshot(path: Path) -> tuple[bytes, int]:
    """The file's bytes and modification time: both must stay when nothing is saved."""
    return path.read_bytes(), path.stat().st_mtime_ns


def replace_file(path: Path, data: bytes) -> None:
    """Put ``data`` at ``path`` the way another program would (a new file renamed over it)."""
    tmp = path.with_name("other-program.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "plan.json"


# --- saving -------------------------------------------------------------------


def test_missing_file_is_an_empty_plan_and_nothing_is_written(tmp_path: Path) -> None:
    path = tmp_path / "not-yet" / "plan.json"
    store = open_store(path)
    assert store.plan.goals == {}
    assert store.revision == 0
    assert not path.parent.exists()


def test_apply_saves_at_once(path: Path) -> None:
    store = open_store(path)
    goal = add_goal(store, "Learn Rust")
    other = open_store(path)
    assert other.plan.goals == {goal.id: goal}
    assert other.plan.goals[goal.id].title == "Learn Rust"


def test_revision_grows_by_one_per_save(path: Path) -> None:
    store = open_store(path)
    for n in range(1, 4):
        add_goal(store, f"goal {n}")
        assert store.revision == n
        assert open_store(path).revision == n
    goal = next(iter(store.plan.goals.values()))
    store.apply("rename", lambda e: e.update(goal, title="renamed"))
    assert store.revision == 4
    store.undo()
    assert store.revision == 5


def test_no_save_when_the_mutation_changes_nothing(path: Path) -> None:
    store = open_store(path)
    goal = add_goal(store, "same")
    before = snapshot(path)
    calls: list[object] = []
    store.subscribe(calls.append)

    assert store.apply("nothing", lambda e: 42) == 42
    store.apply("same title", lambda e: e.update(goal, title="same"))

    assert snapshot(path) == before
    assert store.revision == 1
    assert calls == []
    store.undo()  # the add is still the newest change: no empty entry was kept
    assert store.plan.goals == {}
    with pytest.raises(UndoError):
        store.undo()


def test_a_mutation_that_raises_leaves_plan_and_file_unchanged(path: Path) -> None:
    store = open_store(path)
    goal = add_goal(store, "keep me")
    plan_before = store.plan.to_dict()
    file_before = snapshot(path)

    def half_done(e: Edit) -> None:
        e.add(Goal, title="half")
        e.update(goal, title="changed")
        e.delete(goal)
        raise ValueError("stop")

    with pytest.raises(ValueError, match="stop"):
        store.apply("broken", half_done)

    assert store.plan.to_dict() == plan_before
    assert snapshot(path) == file_before
    assert store.revision == 1
    assert open_store(path).plan.to_dict() == plan_before
    add_goal(store, "next")  # and the store still works
    assert titles(open_store(path)) == ["keep me", "next"]


# --- undo and redo --------------------------------------------------------------


def test_undo_and_redo_across_reopen(path: Path) -> None:
    store = open_store(path)
    a = add_goal(store, "a")
    add_goal(store, "b")
    store.apply("rename a", lambda e: e.update(a, title="A"))

    assert open_store(path).undo() == "rename a"
    assert titles(open_store(path)) == ["a", "b"]
    assert open_store(path).undo() == "add b"
    assert titles(open_store(path)) == ["a"]
    assert open_store(path).redo() == "add b"
    assert titles(open_store(path)) == ["a", "b"]
    assert open_store(path).redo() == "rename a"
    assert titles(open_store(path)) == ["A", "b"]
    # The first store was not told, but undo works on the file, not on its memory.
    assert store.undo() == "rename a"
    assert titles(store) == titles(open_store(path)) == ["a", "b"]


def test_a_new_change_after_undo_clears_redo(path: Path) -> None:
    store = open_store(path)
    add_goal(store, "a")
    add_goal(store, "b")
    store.undo()
    assert store.can_redo()
    add_goal(store, "c")
    assert not store.can_redo()
    with pytest.raises(UndoError, match="nothing to redo"):
        store.redo()
    reopened = open_store(path)
    assert not reopened.can_redo()
    assert titles(reopened) == ["a", "c"]
    reopened.undo()
    reopened.undo()
    assert titles(reopened) == []


def test_undo_refused_when_there_is_nothing_to_undo(path: Path) -> None:
    store = open_store(path)
    with pytest.raises(UndoError, match="nothing to undo"):
        store.undo()
    with pytest.raises(UndoError, match="nothing to redo"):
        store.redo()
    assert not path.exists()
    add_goal(store, "a")
    store.undo()
    before = snapshot(path)
    with pytest.raises(UndoError, match="nothing to undo"):
        store.undo()
    assert snapshot(path) == before


def test_history_is_capped(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plan_store, "HISTORY_LIMIT", 5)
    store = open_store(path)
    for n in range(8):
        add_goal(store, f"g{n}")
    assert len(json.loads(local.history_path(path).read_bytes())) == 5
    assert "_history" not in json.loads(path.read_bytes())  # device-local: never in the plan
    reopened = open_store(path)
    for _ in range(5):
        reopened.undo()
    with pytest.raises(UndoError):
        reopened.undo()
    assert titles(open_store(path)) == ["g0", "g1", "g2"]


# --- subscribers ----------------------------------------------------------------


def test_subscribers_are_called_after_commit_with_the_changes(path: Path) -> None:
    store = open_store(path)
    seen: list[tuple[list[Change] | None, list[str]]] = []

    def listener(changes: list[Change] | None) -> None:
        # Called after the save: a fresh read of the file already has the change.
        seen.append((changes, titles(open_store(path))))

    unsubscribe = store.subscribe(listener)
    goal = add_goal(store, "a")
    assert len(seen) == 1
    changes, on_disk = seen[0]
    assert on_disk == ["a"]
    assert changes == [Change("goals", goal.id, None, goal.to_dict())]

    store.undo()
    assert seen[1][0] == [Change("goals", goal.id, goal.to_dict(), None)]
    assert seen[1][1] == []

    unsubscribe()
    add_goal(store, "b")
    store.undo()
    assert len(seen) == 2


def test_subscribers_not_called_when_the_mutation_fails(path: Path) -> None:
    store = open_store(path)
    seen: list[object] = []
    store.subscribe(seen.append)

    def fail(e: Edit) -> None:
        e.add(Goal, title="x")
        raise RuntimeError

    with pytest.raises(RuntimeError):
        store.apply("fail", fail)
    with pytest.raises(UndoError):
        store.undo()
    assert seen == []


# --- two sessions on one file ---------------------------------------------------


def test_two_stores_adding_alternately_lose_nothing(path: Path) -> None:
    a, b = open_store(path), open_store(path)
    for n in range(5):
        add_goal(a, f"a{n}")
        add_goal(b, f"b{n}")
        assert titles(b) == titles(open_store(path))  # b built on a's save
        assert a.reload_if_changed()
        assert titles(a) == titles(b)
    expected = sorted([f"a{n}" for n in range(5)] + [f"b{n}" for n in range(5)])
    final = open_store(path)
    assert titles(final) == expected
    assert sorted(final.plan.goals) == list(range(1, 11))
    assert final.revision == 10
    # Each builds on the other's save: ids are never handed out twice.
    assert b.undo() == "add b4"
    assert a.undo() == "add a4"
    assert titles(open_store(path)) == sorted(set(expected) - {"a4", "b4"})


def test_reload_if_changed_notices_the_other_store(path: Path) -> None:
    a, b = open_store(path), open_store(path)
    seen: list[list[Change] | None] = []
    b.subscribe(seen.append)
    assert b.reload_if_changed() is False
    add_goal(a, "from a")
    assert b.changed_on_disk()
    assert b.reload_if_changed() is True
    assert seen == [None]
    assert titles(b) == ["from a"]
    assert b.reload_if_changed() is False
    assert seen == [None]


def test_apply_after_another_store_saved_tells_subscribers_of_the_reload(path: Path) -> None:
    """The change read from the file inside apply must reach the subscribers too.

    Without it, a TUI redraws only its own change, and since the store is now
    in step with the file, reload_if_changed never reports the other one.
    """
    a, b = open_store(path), open_store(path)
    seen: list[list[Change] | None] = []
    b.subscribe(seen.append)

    add_goal(a, "from a")
    mine = add_goal(b, "from b")
    assert seen == [None, [Change("goals", mine.id, None, mine.to_dict())]]
    assert b.reload_if_changed() is False

    add_goal(a, "again from a")
    b.apply("nothing", lambda e: None)
    assert seen[2:] == [None]

    add_goal(a, "third from a")
    b.undo()  # undoes "third from a", read from the file
    assert seen[3] is None
    assert seen[4] is not None and seen[4][0].before is not None
    assert seen[4][0].before["title"] == "third from a"

    open_store(path).undo()  # another session undoes "again from a"
    b.redo()
    assert seen[5] is None
    assert seen[6] is not None and seen[6][0].after is not None
    assert seen[6][0].after["title"] == "again from a"
    assert titles(b) == titles(open_store(path))


# --- the file -------------------------------------------------------------------


def build(path: Path) -> PlanStore:
    store = open_store(path)
    goal = add_goal(store, "Zeta ë ☃", deadline=date(2027, 3, 1), baseline=1.5, target=1e-05)
    add_goal(store, 'quote " and \\ backslash')
    store.apply("step", lambda e: e.add(Step, goal_id=goal.id, title="first step"))
    return store


def test_the_file_is_deterministic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Two plans with one uid, made on one device (the folder's local/device.json) at
    # one time: the same records give the same bytes, keys included.
    monkeypatch.setattr(plan_store, "_new_uid", lambda: "one-plan")
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    build(one)
    build(two)
    raw_one, raw_two = one.read_bytes(), two.read_bytes()
    assert raw_one == raw_two
    assert '"key": "' in raw_one.decode()
    # Reading and writing it again gives the very same bytes.
    assert serialize(parse(one, raw_one)) == raw_one


def test_the_file_has_sorted_keys_and_indentation(path: Path) -> None:
    build(path)
    text = path.read_text(encoding="utf-8")
    assert text.endswith("}\n")
    assert '\n "goals": {\n' in text
    assert "Zeta ë ☃" in text  # readable, not \u escapes

    def check_sorted(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [k for k, _ in pairs]
        assert keys == sorted(keys)
        return dict(pairs)

    json.loads(text, object_pairs_hook=check_sorted)


def test_the_file_is_readable_by_plain_tinydb(path: Path) -> None:
    build(path)
    before = snapshot(path)
    db = TinyDB(path)
    try:
        goal = db.table("goals").get(doc_id=1)
        assert goal is not None and goal["title"] == "Zeta ë ☃"
        assert goal["deadline"] == "2027-03-01"
        assert len(db.table("steps")) == 1
    finally:
        db.close()
    assert snapshot(path) == before

    db = TinyDB(path, storage=AtomicJSONStorage)
    try:
        assert sorted(d["title"] for d in db.table("goals").all()) == [
            "Zeta ë ☃",
            'quote " and \\ backslash',
        ]
    finally:
        db.close()
    assert snapshot(path) == before


def test_file_and_folder_modes_and_a_separate_lock_file(tmp_path: Path) -> None:
    path = tmp_path / "new" / "pop" / "plan.json"
    store = open_store(path)
    add_goal(store, "a")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    lock = path.with_name("plan.json.lock")
    assert lock.is_file()
    assert stat.S_IMODE(lock.stat().st_mode) == 0o600
    lock_inode, file_inode = lock.stat().st_ino, path.stat().st_ino
    assert lock_inode != file_inode

    add_goal(store, "b")
    assert lock.stat().st_ino == lock_inode  # the lock is never replaced
    assert path.stat().st_ino != file_inode  # the plan always is
    backups = path.parent / "backups"
    assert stat.S_IMODE(backups.stat().st_mode) == 0o700
    for kept in backups.iterdir():
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert sorted(p.name for p in path.parent.iterdir()) == [
        "backups",
        "cache",
        "local",
        "plan.json",
        "plan.json.lock",
    ]
    # The agenda index and the undo history hold titles: as private as the plan.
    for folder in ("cache", "local"):
        assert stat.S_IMODE((path.parent / folder).stat().st_mode) == 0o700
    assert stat.S_IMODE(local.history_path(path).stat().st_mode) == 0o600
    cache = path.parent / "cache"
    assert [p.name for p in cache.iterdir()] == ["plan.json.agenda"]
    assert stat.S_IMODE((cache / "plan.json.agenda").stat().st_mode) == 0o600


def test_backups_are_kept_newest_first_and_at_most_backups(path: Path) -> None:
    store = open_store(path, backups=3)
    for n in range(6):
        add_goal(store, f"g{n}")
    found = list_backups(path)
    assert [b.number for b in found] == [1, 2, 3]
    assert [b.revision for b in found] == [5, 4, 3]
    assert all(b.good for b in found)
    for b in found:
        assert len(open_store(b.path).plan.goals) == b.revision


def test_restore_backup_puts_an_older_version_back(path: Path) -> None:
    store = open_store(path, backups=3)
    for n in range(4):
        add_goal(store, f"g{n}")
    replaced = path.read_bytes()
    second = list_backups(path)[1]
    assert second.revision == 2

    kept = restore_backup(path, 2)

    assert kept is not None and kept.parent == path.parent
    assert kept.read_bytes() == replaced
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    restored = open_store(path)
    assert restored.plan == open_store(second.path).plan
    assert titles(restored) == ["g0", "g1"]
    # The open store sees it at once.
    assert store.reload_if_changed()
    assert titles(store) == ["g0", "g1"]
    add_goal(store, "after")
    assert titles(open_store(path)) == ["after", "g0", "g1"]


def test_saving_after_a_restore_keeps_the_other_backups(path: Path) -> None:
    """Revisions keep growing after a restore, so new backups never replace old ones."""
    store = open_store(path, backups=10)
    for n in range(6):
        add_goal(store, f"g{n}")
    before = {b.path.name: b.path.read_bytes() for b in list_backups(path)}
    current = store.revision
    restore_backup(path, 4)  # revision 2
    assert open_store(path).revision > current
    for n in range(3):
        add_goal(store, f"new{n}")
    after = {b.path.name: b.path.read_bytes() for b in list_backups(path)}
    for name, raw in before.items():
        assert after.get(name, raw) == raw, f"backup {name} was overwritten"
    newest = list_backups(path)[0]
    assert titles(open_store(newest.path)) == ["g0", "g1", "new0", "new1"]


def test_restore_backup_twice_in_the_same_second_keeps_both_replaced_files(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class FrozenClock(datetime):
        @classmethod
        def now(cls, tz: Any = None) -> FrozenClock:
            return cls(2026, 11, 29, 9, 0)

    monkeypatch.setattr(plan_store, "datetime", FrozenClock)
    store = open_store(path)
    for n in range(3):
        add_goal(store, f"g{n}")
    replace_file(path, b"damaged")
    first = restore_backup(path, 1)
    second = restore_backup(path, 2)
    assert first is not None and second is not None and first != second
    assert first.read_bytes() == b"damaged"
    assert titles(open_store(second)) == ["g0", "g1"]
    assert titles(open_store(path)) == ["g0"]


def test_restore_backup_refuses_a_missing_or_damaged_backup(path: Path) -> None:
    store = open_store(path)
    add_goal(store, "a")
    add_goal(store, "b")
    with pytest.raises(PlanFileError, match="no backup number 5"):
        restore_backup(path, 5)
    list_backups(path)[0].path.write_bytes(b"")
    before = snapshot(path)
    with pytest.raises(PlanFileError, match="damaged too"):
        restore_backup(path, 1)
    assert snapshot(path) == before


# --- damaged files ----------------------------------------------------------------


def real_plan_bytes(tmp_path: Path) -> bytes:
    source = tmp_path / "source" / "plan.json"
    build(source)
    return source.read_bytes()


def with_goal_field(tmp_path: Path, field: str, value: object) -> bytes:
    data = json.loads(real_plan_bytes(tmp_path))
    data["goals"]["1"][field] = value
    return json.dumps(data).encode()


def newer_schema(tmp_path: Path) -> bytes:
    data = json.loads(real_plan_bytes(tmp_path))
    data["_meta"]["1"]["schema"] = plan_file.SCHEMA + 1
    return json.dumps(data).encode()


DAMAGED: dict[str, tuple[Callable[[Path], bytes], type[PlanFileError], str]] = {
    "empty": (lambda t: b"", DamagedPlanError, "empty"),
    "whitespace": (lambda t: b" \n\t \r\n", DamagedPlanError, "empty"),
    "truncated": (
        lambda t: real_plan_bytes(t)[: len(real_plan_bytes(t)) // 2],
        DamagedPlanError,
        "truncated",
    ),
    "not JSON": (lambda t: b"my plan: learn Rust\n", DamagedPlanError, "not valid JSON"),
    "binary": (
        lambda t: bytes(range(256)) * 4,
        DamagedPlanError,
        "not text",
    ),
    "JSON list": (lambda t: b'[{"title": "a"}]', DamagedPlanError, "no tables"),
    "foreign TinyDB": (
        lambda t: b'{"_default": {"1": {"a": 1}}}',
        DamagedPlanError,
        "not a pop plan",
    ),
    "newer schema": (newer_schema, NewerSchemaError, "newer pop"),
    "wrong type": (
        lambda t: with_goal_field(t, "deadline", 5),
        DamagedPlanError,
        "deadline",
    ),
    "unknown status": (
        lambda t: with_goal_field(t, "status", "maybe"),
        DamagedPlanError,
        "status",
    ),
    "damaged table": (
        lambda t: json.dumps({**json.loads(real_plan_bytes(t)), "goals": [1]}).encode(),
        DamagedPlanError,
        "'goals'",
    ),
}


@pytest.mark.parametrize("case", list(DAMAGED))
def test_a_damaged_file_is_refused_and_left_as_it_is(tmp_path: Path, case: str) -> None:
    make, error, word = DAMAGED[case]
    folder = tmp_path / "pop"
    folder.mkdir()
    path = folder / "plan.json"
    path.write_bytes(make(tmp_path))
    before = snapshot(path)

    with pytest.raises(error) as caught:
        open_store(path)

    assert word in caught.value.reason
    assert caught.value.path == path
    assert snapshot(path) == before
    assert [p.name for p in folder.iterdir()] == ["plan.json"]  # no lock, backup or temp


@pytest.mark.parametrize("case", list(DAMAGED))
def test_an_open_store_refuses_to_save_over_a_file_damaged_since(tmp_path: Path, case: str) -> None:
    make, error, word = DAMAGED[case]
    path = tmp_path / "plan.json"
    store = open_store(path)
    add_goal(store, "before the damage")
    replace_file(path, make(tmp_path))
    before = snapshot(path)

    with pytest.raises(error, match=word):
        add_goal(store, "lost?")
    with pytest.raises(error):
        store.undo()
    with pytest.raises(error):
        store.reload_if_changed()

    assert snapshot(path) == before
    assert not any(p.name.endswith(".tmp") for p in tmp_path.iterdir())


def test_every_cut_of_a_plan_file_is_reported_as_truncated(tmp_path: Path) -> None:
    raw = real_plan_bytes(tmp_path)
    path = tmp_path / "plan.json"
    wrong = {}
    for cut in range(1, len(raw) - 1):
        with pytest.raises(DamagedPlanError) as caught:
            parse(path, raw[:cut])
        if "truncated" not in caught.value.reason:
            wrong[cut] = (raw[max(0, cut - 12) : cut], caught.value.reason)
    assert wrong == {}


def test_a_damaged_file_is_not_called_truncated(tmp_path: Path) -> None:
    raw = real_plan_bytes(tmp_path)
    path = tmp_path / "plan.json"
    middle = raw.index(b'"title"')
    for damaged in (raw + b"x", raw[:middle] + b"}}" + raw[middle:], b"{ x }"):
        with pytest.raises(DamagedPlanError, match="not valid JSON"):
            parse(path, damaged)
