"""Plans with the conflicts a sync leaves, made with Edit and Conflict records (no git)."""

from __future__ import annotations

import json
from pathlib import Path

from pop_tui.core.demo import populate_demo
from pop_tui.core.edit import Edit
from pop_tui.core.model import Conflict, ConflictSide, Plan
from pop_tui.store.local import local_folder, name_device
from pop_tui.store.plan_store import PlanStore, write_new_plan
from tests.conftest import NOW, TODAY

# This device, and the other one.
HERE = "laptop"
THERE = "desktop"
# The goal, the step whose date, and the step deleted elsewhere (ids of the demo plan).
GOAL = 1
DATED_STEP = 2
DELETED_STEP = 1
MARKUP = "[bold]Lead people[/bold]"


def side(device: str, at: str, value: object = None, *, deleted: bool = False) -> ConflictSide:
    text = "" if deleted else json.dumps(value, sort_keys=True, ensure_ascii=False)
    return ConflictSide(device=device, at=at, value=text, deleted=deleted)


def add_conflicts(edit: Edit) -> None:
    """Three conflicts: a goal's title (this device's value is markup-like text), a step's
    due date, and a step deleted on the other device and changed here."""
    plan = edit.plan
    goal = plan.goals[GOAL]
    edit.add(
        Conflict,
        table="goals",
        record_id=GOAL,
        record_key="g1",
        field="title",
        sides=(
            side(THERE, "2026-11-28T18:12:00", goal.title),
            side(HERE, "2026-11-29T08:05:00", MARKUP),
        ),
        shown=0,
    )
    step = plan.steps[DATED_STEP]
    assert step.due is not None
    edit.add(
        Conflict,
        table="steps",
        record_id=DATED_STEP,
        record_key="s2",
        field="due",
        sides=(
            side(THERE, "2026-11-28T18:12:00", step.due.isoformat()),
            side(HERE, "2026-11-29T08:05:00", "2026-12-10"),
        ),
        shown=0,
    )
    edit.add(
        Conflict,
        table="steps",
        record_id=DELETED_STEP,
        record_key="s1",
        field="",
        sides=(
            side(THERE, "2026-11-28T18:12:00", deleted=True),
            side(HERE, "2026-11-29T08:05:00", {"title": plan.steps[DELETED_STEP].title}),
        ),
        shown=1,
    )


def conflict_store(path: Path, lang: str = "en", *, synced: str | None = None) -> PlanStore:
    """The demo plan with :func:`add_conflicts`, this device named HERE; ``synced``: when
    this device last synced (ISO), as the sync keeps it."""
    plan = Plan()
    edit = Edit(plan)
    populate_demo(edit, TODAY, lang)
    add_conflicts(edit)
    store = write_new_plan(path, plan, now=lambda: NOW)
    name_device(store.path, HERE)
    if synced is not None:
        (local_folder(store.path) / "sync.json").write_text(json.dumps({"at": synced}))
    return PlanStore.open(path, now=lambda: NOW)
