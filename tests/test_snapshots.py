"""Snapshots of every screen and dialog at 80x24 and 60x20, today fixed, on the demo plan.

Some live beside the screen they show (test_dashboard.py, test_goals_screen.py...);
this file holds the rest, and the screens only pop itself shows: the guided start
and the notice of a window too small. Regenerate with ``pytest --snapshot-update``
after looking at the report.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from pop_tui.core.demo import populate_demo
from pop_tui.core.edit import Edit
from pop_tui.core.model import Plan
from pop_tui.core.texts import set_language
from pop_tui.store.plan_store import PlanStore, write_new_plan
from pop_tui.ui.app import PopApp
from tests.conftest import NOW, TODAY
from tests.screen_keys import SCREENS

Snap = Callable[..., bool]

# Snapshots that other test files already take.
ELSEWHERE = {
    (80, 24): {"dashboard", "goals", "goal_form", "actions", "steps", "checkin", "employer"}
    | {"analysis", "evaluation"},
    (60, 20): {"dashboard", "checkin"},
}
CASES = [
    pytest.param(name, size, id=f"{name}-{size[0]}x{size[1]}")
    for size in ((80, 24), (60, 20))
    for name in SCREENS
    if name not in ELSEWHERE[size]
]


@pytest.fixture(autouse=True)
def fixed_home(monkeypatch: pytest.MonkeyPatch) -> None:
    """Paths on screen (the export's file, the keymap in help) the same at every run;
    nothing is written there."""
    monkeypatch.setenv("HOME", "/home/sam")
    monkeypatch.setenv("XDG_CONFIG_HOME", "/home/sam/.config")


def keys_then_pause(keys: tuple[str, ...]) -> Callable[[Pilot[None]], object]:
    async def run_before(pilot: Pilot[None]) -> None:
        for key in keys:
            await pilot.press(key)
            await pilot.pause()

    return run_before


@pytest.mark.parametrize(("name", "size"), CASES)
def test_screen_snapshot(
    snap_compare: Snap, demo_store: PlanStore, name: str, size: tuple[int, int]
) -> None:
    app = PopApp(demo_store, today=lambda: TODAY, guide_empty_plan=False)
    assert snap_compare(app, terminal_size=size, run_before=keys_then_pause(SCREENS[name]))


@pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
def test_dutch_dashboard_snapshot(
    snap_compare: Snap, tmp_path: Path, size: tuple[int, int]
) -> None:
    set_language("nl")
    plan = Plan()
    populate_demo(Edit(plan), TODAY, "nl")
    store = write_new_plan(tmp_path / "plan.json", plan, now=lambda: NOW)
    assert snap_compare(PopApp(store, today=lambda: TODAY), terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
def test_guided_start_snapshot(snap_compare: Snap, store: PlanStore, size: tuple[int, int]) -> None:
    app = PopApp(store, today=lambda: TODAY)
    assert snap_compare(app, terminal_size=size, run_before=keys_then_pause(()))


@pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
def test_guided_start_goal_step_snapshot(
    snap_compare: Snap, store: PlanStore, size: tuple[int, int]
) -> None:
    app = PopApp(store, today=lambda: TODAY)
    assert snap_compare(app, terminal_size=size, run_before=keys_then_pause(("enter", "escape")))


def test_too_small_snapshot(snap_compare: Snap, demo_store: PlanStore) -> None:
    app = PopApp(demo_store, today=lambda: TODAY)
    assert snap_compare(app, terminal_size=(40, 15), run_before=keys_then_pause(()))
