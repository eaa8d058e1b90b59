"""Conflict copies left by Syncthing or a Dropbox-like tool, merged when pop starts and by
`pop agenda`. The "file sync" here is what such a tool does to the files: a copy of the
plan's bytes from one device's folder to the other's, and a conflict copy beside it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pop_tui.core.model import Goal, Step
from pop_tui.store import file_sync, local
from pop_tui.store.plan_store import PlanStore, UndoError
from tests.pop_shell import pop

Capsys = pytest.CaptureFixture[str]
SYNCTHING = "plan.sync-conflict-20261207-101500-7ABCDEF.json"


def devices(tmp_path: Path) -> tuple[Path, Path]:
    """A plan made on the laptop and carried to the desktop, as a file sync does."""
    laptop, desktop = tmp_path / "laptop" / "plan.json", tmp_path / "desktop" / "plan.json"
    laptop.parent.mkdir()
    desktop.parent.mkdir()
    local.name_device(laptop, "laptop")
    local.name_device(desktop, "desktop")
    store = PlanStore.open(laptop)
    goal = store.apply("goal", lambda e: e.add(Goal, title="Learn Rust"))
    store.apply("step", lambda e: e.add(Step, goal_id=goal.id, title="Read the book"))
    shutil.copy(laptop, desktop)
    PlanStore.open(desktop)  # the desktop sees the laptop's plan: the common ancestor
    return laptop, desktop


def titles(path: Path, table: str) -> list[str]:
    data = json.loads(path.read_bytes())
    return sorted(r["title"] for r in data[table].values())


def test_a_syncthing_conflict_copy_is_merged_by_pop_agenda(tmp_path: Path, capsys: Capsys) -> None:
    laptop, desktop = devices(tmp_path)
    # Both work apart; the file sync then keeps the desktop's version on the laptop as a copy.
    on_laptop = PlanStore.open(laptop)
    on_laptop.apply("goal", lambda e: e.add(Goal, title="Give a talk"))
    on_laptop.apply("done", lambda e: e.update(on_laptop.plan.steps[1], done_on=None, title="Read"))
    on_desktop = PlanStore.open(desktop)
    on_desktop.apply("goal", lambda e: e.add(Goal, title="Mentor a junior"))
    shutil.copy(desktop, laptop.with_name(SYNCTHING))
    ran = pop(capsys, "agenda", "--db", laptop)
    assert ran.code == 0
    assert SYNCTHING in ran.err and "Mentor a junior" in ran.err
    assert not laptop.with_name(SYNCTHING).exists()
    assert titles(laptop, "goals") == ["Give a talk", "Learn Rust", "Mentor a junior"]
    assert titles(laptop, "steps") == ["Read"]  # the laptop's edit, not a conflict
    data = json.loads(laptop.read_bytes())
    assert data["conflicts"] == {}
    # Both new goals were goal 2 on their device: one was given a new number.
    assert sorted(data["goals"]) == ["1", "2", "3"]
    # Merged again (the copy came back): nothing changes.
    before = laptop.read_bytes()
    shutil.copy(desktop, laptop.with_name(SYNCTHING))
    assert pop(capsys, "agenda", "--db", laptop).code == 0
    after = json.loads(laptop.read_bytes())
    assert {k: v for k, v in after.items() if k != "_meta"} == {
        k: v for k, v in json.loads(before).items() if k != "_meta"
    }


def test_the_same_field_changed_on_both_devices_is_a_conflict_kept_in_the_plan(
    tmp_path: Path, capsys: Capsys
) -> None:
    laptop, desktop = devices(tmp_path)
    on_laptop = PlanStore.open(laptop)
    on_laptop.apply("t", lambda e: e.update(on_laptop.plan.goals[1], title="Learn Rust well"))
    on_desktop = PlanStore.open(desktop)
    on_desktop.apply("t", lambda e: e.update(on_desktop.plan.goals[1], title="Learn Rust fast"))
    shutil.copy(desktop, laptop.with_name("plan (Anna's conflicted copy 2026-12-07).json"))
    assert pop(capsys, "agenda", "--db", laptop).code == 0
    store = PlanStore.open(laptop)
    (conflict,) = store.plan.tables["conflicts"].values()
    assert conflict.table == "goals" and conflict.field == "title"
    assert sorted(side.device for side in conflict.sides) == ["desktop", "laptop"]
    assert store.plan.goals[1].title in ("Learn Rust well", "Learn Rust fast")
    assert file_sync.conflict_copies(laptop) == []


def test_a_copy_that_cannot_be_merged_is_left_with_the_reason(
    tmp_path: Path, capsys: Capsys
) -> None:
    laptop, _ = devices(tmp_path)
    copy = laptop.with_name(SYNCTHING)
    copy.write_bytes(b'{"goals": {"1": ')
    before = laptop.read_bytes()
    ran = pop(capsys, "agenda", "--db", laptop)
    assert ran.code == 0 and "No check-in yet" in ran.out  # the agenda, as always
    assert SYNCTHING in ran.err and "truncated" in ran.err
    assert copy.exists() and laptop.read_bytes() == before


def test_only_the_plan_s_own_copies_are_taken(tmp_path: Path) -> None:
    laptop, _ = devices(tmp_path)
    for name in (
        SYNCTHING,
        "plan (conflicted copy 2026-12-07).json",
        "plan (Anna's conflicted copy 2026-12-07).json",
        "other.sync-conflict-20261207-101500-7ABCDEF.json",
        "plan.sync-conflict-20261207-101500-7ABCDEF.json.tmp",
        "notes (conflicted copy).txt",
    ):
        laptop.with_name(name).write_text("{}")
    assert [p.name for p in file_sync.conflict_copies(laptop)] == [
        "plan (Anna's conflicted copy 2026-12-07).json",
        "plan (conflicted copy 2026-12-07).json",
        SYNCTHING,
    ]


async def test_the_tui_merges_a_copy_when_it_starts_and_says_so(tmp_path: Path) -> None:
    from pop_tui.cli import tui

    laptop, desktop = devices(tmp_path)
    on_desktop = PlanStore.open(desktop)
    on_desktop.apply("goal", lambda e: e.add(Goal, title="Mentor a junior"))
    shutil.copy(desktop, laptop.with_name(SYNCTHING))
    store = PlanStore.open(laptop)
    notices = file_sync.told_lines(file_sync.merge_copies(store))
    assert [g.title for g in store.plan.goals.values()] == ["Learn Rust", "Mentor a junior"]
    from pop_tui.ui.app import PopApp

    app = PopApp(store, notices=notices)
    said: list[str] = []
    app.say = lambda message, severity="information": said.append(message)  # type: ignore[method-assign]
    async with app.run_test() as pilot:
        await pilot.pause()
    assert len(said) == 1 and SYNCTHING in said[0] and "Mentor a junior" in said[0]
    assert file_sync.conflict_copies(laptop) == []
    assert "notices" in tui.open_app.__code__.co_varnames  # the shell's way in passes them on


def test_either_device_finds_the_common_ancestor(tmp_path: Path, capsys: Capsys) -> None:
    laptop, desktop = devices(tmp_path)
    on_laptop = PlanStore.open(laptop)
    on_laptop.apply("t", lambda e: e.update(on_laptop.plan.steps[1], title="Read"))
    on_desktop = PlanStore.open(desktop)
    on_desktop.apply("t", lambda e: e.update(on_desktop.plan.goals[1], title="Learn Rust well"))
    # This time the desktop gets the laptop's version as the copy: its ancestor is the
    # laptop's version it was built on (kept in local/ when it first read it).
    shutil.copy(laptop, desktop.with_name(SYNCTHING))
    assert pop(capsys, "agenda", "--db", desktop).code == 0
    data = json.loads(desktop.read_bytes())
    assert data["conflicts"] == {}
    assert titles(desktop, "goals") == ["Learn Rust well"] and titles(desktop, "steps") == ["Read"]


def test_without_an_ancestor_both_values_are_kept_as_a_conflict(
    tmp_path: Path, capsys: Capsys
) -> None:
    laptop, desktop = devices(tmp_path)
    for path in (laptop, desktop):
        shutil.rmtree(path.parent / "backups", ignore_errors=True)
        file_sync.base_path(path).unlink(missing_ok=True)
    on_laptop = PlanStore.open(laptop)
    on_laptop.apply("t", lambda e: e.update(on_laptop.plan.steps[1], title="Read"))
    shutil.rmtree(laptop.parent / "backups")
    shutil.copy(desktop, laptop.with_name(SYNCTHING))
    assert pop(capsys, "agenda", "--db", laptop).code == 0
    store = PlanStore.open(laptop)
    (conflict,) = store.plan.tables["conflicts"].values()  # asked, not lost
    values = sorted(json.loads(side.value) for side in conflict.sides)
    assert (conflict.table, conflict.field, values) == ("steps", "title", ["Read", "Read the book"])


def test_undo_takes_back_this_device_s_own_change_never_the_other_s(tmp_path: Path) -> None:
    laptop, desktop = devices(tmp_path)
    on_desktop = PlanStore.open(desktop)
    assert not on_desktop.can_undo()  # the laptop's changes came with the plan, not its history
    on_desktop.apply("rename", lambda e: e.update(on_desktop.plan.goals[1], title="Learn Go"))
    on_laptop = PlanStore.open(laptop)
    on_laptop.apply("Add goal: Talk", lambda e: e.add(Goal, title="Give a talk"))
    on_laptop.apply("Rename step", lambda e: e.update(on_laptop.plan.steps[1], title="Read"))
    theirs = json.loads(desktop.read_bytes())
    on_laptop.merge_in(theirs, file_sync.ancestor(on_laptop, theirs))
    assert on_laptop.plan.goals[1].title == "Learn Go"
    # The laptop's undo takes back its own last change; the desktop's rename stays.
    assert on_laptop.undo() == "Rename step"
    assert on_laptop.plan.steps[1].title == "Read the book"
    assert on_laptop.plan.goals[1].title == "Learn Go"
    # A change of its own whose record the merge changed since is refused, with the reason.
    shutil.copy(laptop, desktop)  # the file sync brings the laptop's plan to the desktop
    on_desktop = PlanStore.open(desktop)
    on_desktop.apply("t", lambda e: e.update(on_desktop.plan.goals[1], title="Learn Go well"))
    on_laptop.apply("t", lambda e: e.update(on_laptop.plan.goals[1], kind="personal"))
    shutil.copy(desktop, laptop.with_name(SYNCTHING))
    assert file_sync.merge_copies(on_laptop)[0].merged
    goal = on_laptop.plan.goals[1]
    assert (goal.title, goal.kind, on_laptop.plan.tables["conflicts"]) == (
        "Learn Go well",
        "personal",
        {},
    )
    with pytest.raises(UndoError, match="changed since"):
        on_laptop.undo()
