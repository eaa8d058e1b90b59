"""Durability, in the spirit of SQLite's tests: a person's plan is never lost.

kill -9 in a loop, a crash at every file-system step of one save, a full disk,
two processes saving at once, and a Hypothesis state machine that edits,
undoes, redoes and reopens.
"""

from __future__ import annotations

import errno
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
)

import pop_tui
from pop_tui.core.model import Goal, Plan, Step
from pop_tui.store import files
from pop_tui.store.plan_file import list_backups
from pop_tui.store.plan_store import PlanStore, UndoError

# With pytest -n: the traced save (a module fixture) runs once: all of this file on one worker.
pytestmark = pytest.mark.xdist_group("test_durability")

WORKER = Path(__file__).with_name("durability_worker.py")
CRASH_CODE = 9  # what durability_worker.py exits with when it "crashes"
TODAY = date(2026, 11, 29)


def now() -> datetime:
    return datetime(2026, 11, 29, 9, 0)


def open_store(path: Path, **kwargs: Any) -> PlanStore:
    return PlanStore.open(path, now=now, **kwargs)


def add_goal(store: PlanStore, title: str) -> Goal:
    return store.apply(f"add {title}", lambda e: e.add(Goal, title=title))


def titles(plan: Plan) -> list[str]:
    return sorted(g.title for g in plan.goals.values())


def temp_files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if p.name.endswith(".tmp")}


def worker_env() -> dict[str, str]:
    """The worker imports the very pop_tui these tests import."""
    root = str(Path(pop_tui.__file__).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [root, env.get("PYTHONPATH")]))
    return env


def run_worker(*args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(WORKER), *args],
        capture_output=True,
        text=True,
        env=worker_env(),
        timeout=timeout,
        check=False,
    )


class OsWith:
    """``os`` with some functions replaced, to stand in for ``os`` in pop_tui.store.files."""

    def __init__(self, **replaced: Callable[..., Any]) -> None:
        self._replaced = replaced

    def __getattr__(self, name: str) -> Any:
        return self._replaced.get(name) or getattr(os, name)


# --- kill -9 in a loop ------------------------------------------------------------


def line_ok(rev: str, title: str) -> bool:
    return rev.isdigit() and title.startswith("w")


@pytest.mark.slow
def test_kill_9_at_random_moments_never_loses_a_committed_save(tmp_path: Path) -> None:
    rng = random.Random(20261129)
    path = tmp_path / "plan.json"
    committed: dict[str, int] = {}  # title -> the revision the worker reported
    last_revision = 0
    dead_pids: list[int] = []

    # At least 30 kills, and on until the workers got more than 30 saves done between
    # them (a busy machine gets fewer saves into each window).
    for n in range(300):
        if n >= 30 and len(committed) > 30:
            break
        proc = subprocess.Popen(
            [sys.executable, str(WORKER), "loop", str(path), f"w{n}"],
            stdout=subprocess.PIPE,
            text=True,
            env=worker_env(),
        )
        assert proc.stdout is not None
        ready = proc.stdout.readline()
        assert ready.startswith("ready "), ready
        delay = rng.uniform(0.005, 0.080)
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
        assert proc.wait(timeout=10) == -signal.SIGKILL
        output = proc.stdout.read()
        proc.stdout.close()
        dead_pids.append(proc.pid)

        # A whole line "<revision> <title>" means that apply had returned.
        whole = [line.rstrip("\n").split(" ", 1) for line in output.splitlines(True)]
        reported = [(int(rev), title) for rev, title in whole if line_ok(rev, title)]
        revisions = [rev for rev, _ in reported]
        assert revisions == sorted(set(revisions))
        assert all(r > last_revision for r in revisions)
        for rev, title in reported:
            committed[title] = rev
            last_revision = rev

        store = open_store(path) if path.exists() else None
        assert store is not None or not committed
        if store is not None:
            assert store.revision >= last_revision
            present = {g.title for g in store.plan.goals.values()}
            missing = set(committed) - present
            assert not missing, f"round {n}: lost {sorted(missing)[:5]}"
            assert len(present) == len(store.plan.goals)  # no goal twice
        # At most the temp files of workers that died before they could clean up.
        leftovers = temp_files(tmp_path)
        assert leftovers <= {f".plan.json.{pid}.tmp" for pid in dead_pids}
        if revisions:  # this worker saved, and cleaned up after the dead before it
            assert leftovers <= {f".plan.json.{proc.pid}.tmp"}

    assert len(committed) > 30  # the workers did get work done between the kills
    store = open_store(path)
    add_goal(store, "after the storm")
    final = open_store(path)
    assert "after the storm" in titles(final.plan)
    assert set(committed) <= set(titles(final.plan))
    assert temp_files(tmp_path) == set()
    assert all(b.good for b in list_backups(path))


# --- a crash at every step of one save -----------------------------------------------


def make_old_plan(folder: Path) -> Path:
    """A plan at revision 3 with two backups, so that one save also drops a backup."""
    path = folder / "plan.json"
    store = open_store(path, backups=2)
    for title in ("a", "b", "c"):
        add_goal(store, title)
    assert len(list_backups(path)) == 2
    return path


@pytest.fixture(scope="module")
def one_save(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], Plan]:
    """The pristine old folder, the steps of one save, and the plan that save writes."""
    template = tmp_path_factory.mktemp("template")
    make_old_plan(template)
    traced = tmp_path_factory.mktemp("traced")
    shutil.copytree(template, traced, dirs_exist_ok=True)
    done = run_worker("trace", str(traced / "plan.json"))
    assert done.returncode == 0, done.stderr
    steps: list[str] = json.loads(done.stdout)
    return template, steps, open_store(traced / "plan.json").plan


def test_one_save_has_the_steps_we_expect(one_save: tuple[Path, list[str], Plan]) -> None:
    _, steps, new_plan = one_save
    for step in (
        "keep_backup:link",
        "keep_backup:unlink",
        "atomic_write:open",
        "atomic_write:write",
        "atomic_write:fsync",
        "atomic_write:close",
        "atomic_write:replace",
        "fsync_folder:fsync",
    ):
        assert step in steps
    assert steps.index("keep_backup:link") < steps.index("atomic_write:open")
    assert steps.index("atomic_write:fsync") < steps.index("atomic_write:replace")
    assert steps.index("atomic_write:replace") < steps.index("fsync_folder:fsync")
    assert titles(new_plan) == ["a", "b", "c", "new"]


@pytest.mark.slow
@pytest.mark.parametrize("when", ["before", "after"])
def test_a_crash_at_any_step_of_a_save_leaves_the_old_or_the_new_plan(
    tmp_path: Path, one_save: tuple[Path, list[str], Plan], when: str
) -> None:
    template, steps, new_plan = one_save
    old_plan = open_store(template / "plan.json").plan
    replace_at = steps.index("atomic_write:replace")

    for k, step in enumerate(steps):
        folder = tmp_path / f"{k}-{when}"
        shutil.copytree(template, folder)
        path = folder / "plan.json"
        crashed = run_worker("crash", str(path), str(k), when)
        assert crashed.returncode == CRASH_CODE, (step, crashed.stderr)

        after = open_store(path, backups=2)
        is_new = k > replace_at or (k == replace_at and when == "after")
        expected, revision = (new_plan, 4) if is_new else (old_plan, 3)
        assert after.plan == expected, f"crash {when} step {k} ({step})"
        assert after.revision == revision
        assert all(b.good for b in list_backups(path))
        assert len(temp_files(folder)) <= 1

        add_goal(after, "later")
        again = open_store(path)
        assert titles(again.plan) == sorted([*titles(expected), "later"])
        assert again.revision == revision + 1
        assert temp_files(folder) == set()


# --- a full disk ------------------------------------------------------------------------


def half_then_full(fd: int, data: bytes) -> int:
    os.write(fd, bytes(data[: len(data) // 2]))
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def failing_fsync(fd: int) -> None:
    raise OSError(errno.EIO, os.strerror(errno.EIO))


FAILURES: dict[str, dict[str, Callable[..., Any]]] = {
    "disk full halfway": {"write": half_then_full},
    "fsync fails": {"fsync": failing_fsync},
}


@pytest.mark.parametrize("failure", list(FAILURES))
def test_a_failed_write_changes_neither_the_file_nor_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    path = tmp_path / "plan.json"
    store = open_store(path)
    first = add_goal(store, "first")
    store.apply("step", lambda e: e.add(Step, goal_id=first.id, title="step"))
    raw, mtime = path.read_bytes(), path.stat().st_mtime_ns
    plan_before = open_store(path).plan
    seen: list[object] = []
    store.subscribe(seen.append)

    monkeypatch.setattr(files, "os", OsWith(**FAILURES[failure]))
    with pytest.raises(OSError) as caught:
        add_goal(store, "never saved")
    assert caught.value.errno in (errno.ENOSPC, errno.EIO)
    with pytest.raises(OSError):
        store.apply("rename", lambda e: e.update(first, title="never renamed"))
    with pytest.raises(OSError):
        store.undo()

    # The file is as it was, and no temp file is left.
    assert path.read_bytes() == raw
    assert path.stat().st_mtime_ns == mtime
    assert temp_files(tmp_path) == set()
    # The store does not keep (and so will never save) what it could not save.
    assert store.plan == plan_before
    assert store.revision == 2
    assert seen == []

    monkeypatch.setattr(files, "os", os)  # the disk has room again
    add_goal(store, "second")
    assert titles(open_store(path).plan) == ["first", "second"]
    assert store.undo() == "add second"
    assert store.undo() == "step"  # the failed changes left no history entry
    assert open_store(path).plan.steps == {}
    assert store.redo() == "step"
    assert titles(open_store(path).plan) == ["first"]
    assert open_store(path).revision == 6


def test_a_failed_first_save_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.json"
    store = open_store(path)
    monkeypatch.setattr(files, "os", OsWith(write=half_then_full))
    with pytest.raises(OSError):
        add_goal(store, "never saved")
    assert not path.exists()
    assert temp_files(tmp_path) == set()
    assert store.plan.goals == {}
    monkeypatch.setattr(files, "os", os)
    add_goal(store, "saved")
    assert titles(open_store(path).plan) == ["saved"]


# --- two processes at once -----------------------------------------------------------


@pytest.mark.slow
def test_two_processes_saving_200_goals_each_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    procs = [
        subprocess.Popen(
            [sys.executable, str(WORKER), "count", str(path), name, "200"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=worker_env(),
        )
        for name in ("left", "right")
    ]
    revisions: list[int] = []
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        revisions += [int(line.split()[0]) for line in out.splitlines()[1:]]

    store = open_store(path)
    expected = {f"{name}-{n}" for name in ("left", "right") for n in range(200)}
    assert set(titles(store.plan)) == expected
    assert len(store.plan.goals) == 400
    assert sorted(store.plan.goals) == list(range(1, 401))  # ids unique, none skipped
    assert store.revision == 400
    assert sorted(revisions) == list(range(1, 401))  # every save built on the one before
    assert temp_files(tmp_path) == set()


# --- a state machine: edit, undo, redo, reopen, compare ----------------------------------

Model = tuple[dict[int, str], dict[int, tuple[int, str, bool]]]  # goals, steps


def model_of(plan: Plan) -> Model:
    goals = {id: g.title for id, g in plan.goals.items()}
    steps = {id: (s.goal_id, s.title, s.done) for id, s in plan.steps.items()}
    return goals, steps


# A title pop takes: never blank (core.rules).
TITLES = st.text(max_size=12).filter(str.strip)


class PlanMachine(RuleBasedStateMachine):
    """Random edits through the store; a plain model says what the plan must be."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="pop-machine-"))
        self.path = self.folder / "plan.json"
        self.store = open_store(self.path)
        self.model: Model = ({}, {})
        self.past: list[Model] = []
        self.future: list[Model] = []
        self.ids_given: dict[str, set[int]] = {"goals": set(), "steps": set()}

    def teardown(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def _became(self, model: Model) -> None:
        if model != self.model:
            self.past.append(self.model)
            self.future.clear()
            self.model = model

    def _new_id(self, table: str, id: int) -> None:
        assert id not in self.ids_given[table], f"{table} id {id} handed out twice"
        self.ids_given[table].add(id)

    @rule(title=TITLES)
    def add_goal(self, title: str) -> None:
        goal = add_goal(self.store, title)
        self._new_id("goals", goal.id)
        goals, steps = self.model
        self._became(({**goals, goal.id: title}, steps))

    @precondition(lambda self: self.model[0])
    @rule(data=st.data(), title=TITLES)
    def rename_goal(self, data: st.DataObject, title: str) -> None:
        id = data.draw(st.sampled_from(sorted(self.model[0])))
        self.store.apply("rename", lambda e: e.update(e.plan.goals[id], title=title))
        goals, steps = self.model
        self._became(({**goals, id: title}, steps))

    @precondition(lambda self: self.model[0])
    @rule(data=st.data())
    def delete_goal(self, data: st.DataObject) -> None:
        id = data.draw(st.sampled_from(sorted(self.model[0])))

        def delete(e: Any) -> None:
            for step in [s for s in e.plan.steps.values() if s.goal_id == id]:
                e.delete(step)
            e.delete(e.plan.goals[id])

        self.store.apply("delete goal", delete)
        goals, steps = self.model
        self._became(
            (
                {k: v for k, v in goals.items() if k != id},
                {k: v for k, v in steps.items() if v[0] != id},
            )
        )

    @precondition(lambda self: self.model[0])
    @rule(data=st.data(), title=TITLES)
    def add_step(self, data: st.DataObject, title: str) -> None:
        goal_id = data.draw(st.sampled_from(sorted(self.model[0])))
        step = self.store.apply("step", lambda e: e.add(Step, goal_id=goal_id, title=title))
        self._new_id("steps", step.id)
        goals, steps = self.model
        self._became((goals, {**steps, step.id: (goal_id, title, False)}))

    @precondition(lambda self: self.model[1])
    @rule(data=st.data())
    def mark_step_done(self, data: st.DataObject) -> None:
        id = data.draw(st.sampled_from(sorted(self.model[1])))
        self.store.apply("done", lambda e: e.update(e.plan.steps[id], done_on=TODAY))
        goals, steps = self.model
        goal_id, title, _ = steps[id]
        self._became((goals, {**steps, id: (goal_id, title, True)}))

    @rule()
    def undo(self) -> None:
        if not self.past:
            with pytest.raises(UndoError):
                self.store.undo()
            return
        self.store.undo()
        self.future.append(self.model)
        self.model = self.past.pop()

    @rule()
    def redo(self) -> None:
        if not self.future:
            with pytest.raises(UndoError):
                self.store.redo()
            return
        self.store.redo()
        self.past.append(self.model)
        self.model = self.future.pop()

    @rule()
    def reopen(self) -> None:
        self.store = open_store(self.path)

    @invariant()
    def the_file_the_store_and_the_model_agree(self) -> None:
        fresh = open_store(self.path)
        assert fresh.plan == self.store.plan
        assert fresh.revision == self.store.revision
        assert model_of(fresh.plan) == self.model
        assert fresh.can_undo() == bool(self.past)
        assert fresh.can_redo() == bool(self.future)


TestPlanMachine = pytest.mark.slow(PlanMachine.TestCase)
TestPlanMachine.settings = settings(max_examples=30, stateful_step_count=20, deadline=None)
