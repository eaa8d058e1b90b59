"""Reading the plan outside the store and taking the lock without waiting (for the TUI's workers)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pop_tui.core.model import Goal
from pop_tui.store import files
from pop_tui.store.plan_store import _SESSION_STATE, PlanStore
from tests.conftest import NOW


def open_store(path: Path) -> PlanStore:
    return PlanStore.open(path, now=lambda: NOW)


def test_read_fresh_leaves_the_store_as_it_was(demo_store: PlanStore) -> None:
    before = (demo_store.plan.to_dict(), demo_store.revision, demo_store.signature)
    open_store(demo_store.path).apply("elsewhere", lambda e: e.add(Goal, title="Elsewhere"))
    fresh = demo_store.read_fresh()
    assert any(g.title == "Elsewhere" for g in fresh.plan.goals.values())
    assert (demo_store.plan.to_dict(), demo_store.revision, demo_store.signature) == before
    assert demo_store.changed_on_disk()


def test_install_takes_everything_a_fresh_open_reads_and_keeps_the_subscribers(
    demo_store: PlanStore,
) -> None:
    told: list[object] = []
    demo_store.subscribe(told.append)
    open_store(demo_store.path).apply("elsewhere", lambda e: e.add(Goal, title="Elsewhere"))
    demo_store.install(demo_store.read_fresh())
    reopened = open_store(demo_store.path)
    # Whatever state opening a plan reads (now or after a change to _load) is taken over.
    assert set(vars(demo_store)) == set(vars(reopened))
    for name in set(vars(reopened)) - _SESSION_STATE:
        assert getattr(demo_store, name) == getattr(reopened, name), name
    assert told == [None]
    assert not demo_store.changed_on_disk()
    demo_store.apply("here", lambda e: e.add(Goal, title="Here"))  # builds on what it installed
    assert {"Elsewhere", "Here"} <= {
        g.title for g in open_store(demo_store.path).plan.goals.values()
    }


def test_try_lock_never_waits_and_a_held_lock_serves_the_store(demo_store: PlanStore) -> None:
    held = files.try_lock(demo_store.path)
    assert held is not None
    try:
        assert files.try_lock(demo_store.path) is None
        with pytest.raises(files.LockTimeout):
            files.take_lock(demo_store.path, timeout=60, give_up=lambda: True)
        with demo_store.holding(held):
            demo_store.apply("held", lambda e: e.add(Goal, title="Held"))
    finally:
        held.release()
    held.release()  # a second release does nothing
    again = files.try_lock(demo_store.path)
    assert again is not None
    again.release()
    assert any(g.title == "Held" for g in open_store(demo_store.path).plan.goals.values())
