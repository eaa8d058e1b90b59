"""A week offline on two devices, then `pop sync`: no edit lost, no JSON edited by hand.

The issue's "done when", with real git: a bare repository on disk and two clones
(the set-up of tests/test_sync_git.py). Each day both devices check in, add
steps, mark steps done, add goals and change fields, through the real shell
commands on that day's date; only then do they sync, through the real ``pop``.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
from datetime import date, timedelta
from typing import Any

from pop_tui.cli import main
from tests.test_sync_git import Device, remote_log, template, world

__all__ = ["template", "world"]  # the fixtures, shared with tests/test_sync_git.py

MONDAY = date(2026, 12, 7)


def on(device: Device, day: date, *words: str) -> str:
    """Run a shell command on ``device`` as on ``day`` (in this process); its output."""
    out = io.StringIO()
    previous = os.environ.get("POP_TODAY")
    os.environ["POP_TODAY"] = day.isoformat()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            code = main([*words, "--db", str(device.plan), "--lang", "en"])
    finally:
        if previous is None:
            os.environ.pop("POP_TODAY", None)
        else:
            os.environ["POP_TODAY"] = previous
    assert code == 0, (words, out.getvalue())
    return out.getvalue()


def week_on(device: Device, name: str) -> None:
    """What one person does on one device in a week, each day on its date."""
    other_goal = {"laptop": "Give a talk", "desktop": "Mentor a junior"}[name]
    first_step = {"laptop": "Read the book", "desktop": "Write a parser"}[name]
    field = {"laptop": ("--metric", "chapters read"), "desktop": ("--unit", "chapters")}[name]
    for n in range(7):
        day = MONDAY + timedelta(days=n)
        on(device, day, "checkin", "-m", f"{name} day {n + 1}", "--mood", str(1 + n % 5))
        on(device, day, "add", "step", "Learn Rust", f"{name} step {n + 1}", "--due", "+3d")
        if n == 1:
            on(device, day, "done", first_step)
        if n == 2:
            on(device, day, "add", "goal", other_goal)
        if n == 3:
            on(device, day, "edit", "goal", "Learn Rust", *field)
        if n == 4:
            on(device, day, "add", "step", other_goal, f"first step of {other_goal}")
        if n == 5:
            on(device, day, "done", f"{name} step 1")


def by_title(tables: dict[str, Any], table: str) -> dict[str, dict[str, Any]]:
    return {r["title"]: r for r in tables[table].values()}


def test_a_week_offline_on_two_devices_syncs_with_no_edit_lost(world: dict[str, Any]) -> None:
    laptop: Device = world["laptop"]
    desktop: Device = world["desktop"]
    week_on(laptop, "laptop")
    week_on(desktop, "desktop")
    for device in (laptop, desktop, laptop):
        done = device.sync()
        assert done.code == 0, done.err
    # Both devices hold the very same plan, and it is every edit of both.
    assert laptop.plan.read_bytes() == desktop.plan.read_bytes()
    tables = laptop.tables()
    notes = sorted(c["note"] for c in tables["checkins"].values())
    assert notes == sorted(f"{name} day {n}" for name in ("laptop", "desktop") for n in range(1, 8))
    days = sorted(c["on"] for c in tables["checkins"].values())
    assert days == sorted(2 * [(MONDAY + timedelta(days=n)).isoformat() for n in range(7)])
    goals = by_title(tables, "goals")
    assert sorted(goals) == ["Give a talk", "Learn Rust", "Mentor a junior"]
    rust = goals["Learn Rust"]
    assert (rust["metric"], rust["unit"]) == ("chapters read", "chapters")
    steps = by_title(tables, "steps")
    for name in ("laptop", "desktop"):
        for n in range(1, 8):
            step = steps[f"{name} step {n}"]
            assert tables["goals"][str(step["goal_id"])]["title"] == "Learn Rust"
            due = (MONDAY + timedelta(days=n - 1 + 3)).isoformat()
            assert step["due"] == due
    done_on = {title: s["done_on"] for title, s in steps.items() if s["done_on"]}
    assert done_on == {
        "Read the book": "2026-12-08",
        "Write a parser": "2026-12-08",
        "laptop step 1": "2026-12-12",
        "desktop step 1": "2026-12-12",
    }
    # Both made goal 2 on Wednesday: one got a new number, and its step went with it.
    for goal in ("Give a talk", "Mentor a junior"):
        step = steps[f"first step of {goal}"]
        assert tables["goals"][str(step["goal_id"])]["title"] == goal
    assert tables["conflicts"] == {}
    # And `pop sync --status` agrees: nothing left to choose.
    assert json.loads(laptop.sync("--status", "--json").out)["conflicts"] == 0
    # git log shows each device's week as a commit that says what it did, and the merge.
    subjects = remote_log(world)
    assert len(subjects) == 4 and subjects[0].startswith("Merge")
    assert any("goal added: Give a talk" in s for s in subjects)
    assert any("goal added: Mentor a junior" in s for s in subjects)
    bodies = laptop.git("log", "--format=%B", "main")
    assert "laptop" in bodies and "desktop" in bodies
