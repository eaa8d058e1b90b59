"""Syncing from the TUI with real git: "Sync now" in the palette, conflicts that come in
and are resolved with Pilot, and the sync on quit that gives up on a remote that hangs.

The devices and the bare remote are those of the sync's own tests
(tests/test_sync_git.py): laptop made the plan and desktop fetched it.
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from pop_tui.core.model import Conflict
from pop_tui.core.texts import t
from pop_tui.store.plan_store import PlanStore
from pop_tui.ui.app import QUIT_SYNC_SECONDS, PopApp
from pop_tui.ui.screens.conflicts import ConflictsScreen
from pop_tui.ui.settings import SYNC_ON_QUIT, remember, settings_path
from tests.conftest import TODAY
from tests.pty_pop import PopInPty
from tests.screen_text import screen_text
from tests.test_sync_git import (
    Device,
    hanging_remote,
    running,
    ssh_started,
    template,
    world,
)

__all__ = ["template", "world"]  # the fixtures, used here by name


async def until(check: Any, seconds: float = 20) -> None:
    """Wait (letting the app run) until ``check()`` is true."""
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "waited in vain"
        await asyncio.sleep(0.05)


def said(app: PopApp) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


def sync_now(pop: PopInPty) -> None:
    """Choose "Sync now" in the palette of the pop in the pty."""
    assert pop.wait_for_text("Dashboard"), pop.output[-2000:]
    # "Sync now" is offered once pop found the remote (a thread asks git at start).
    pop.keep_reading(1.0)
    pop.type("/")
    assert pop.wait_for_text("Type part of a title"), pop.output[-2000:]
    pop.type("sync now")
    pop.keep_reading(0.5)
    pop.type("\r")


def remote_hangs(device: Device, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The device's remote never answers (for this process's git); the file where the
    "ssh" that hangs writes its pid."""
    script, pid_file = hanging_remote(device, tmp_path)
    monkeypatch.setenv("GIT_SSH_COMMAND", str(script))
    return pid_file


def has_goal(app: PopApp, title: str) -> bool:
    return any(goal.title == title for goal in app.store.plan.goals.values())


def laptop_app(world: dict[str, Any]) -> PopApp:
    laptop: Device = world["laptop"]
    return PopApp(PlanStore.open(laptop.plan), today=lambda: TODAY, guide_empty_plan=False)


async def test_sync_now_brings_in_the_other_devices_change(world: dict[str, Any]) -> None:
    desktop: Device = world["desktop"]
    assert desktop.edit("add", "goal", "Speak Dutch").code == 0
    assert desktop.sync().code == 0
    app = laptop_app(world)
    async with app.run_test(size=(100, 40)) as pilot:
        await until(lambda: app.sync_url is not None)
        await pilot.press("slash", *"sync now", "enter")
        await until(lambda: "Came in" in said(app) or "Sync failed" in said(app))
        assert "goal added: Speak Dutch" in said(app), said(app)
        await until(lambda: has_goal(app, "Speak Dutch"))
        # The sync's toast told what came in; no second one says the plan changed elsewhere.
        assert t("ui.msg.reloaded") not in said(app)


async def test_a_change_by_another_session_during_a_sync_is_told_after_it(
    world: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop: Device = world["laptop"]
    pid_file = remote_hangs(laptop, tmp_path, monkeypatch)
    monkeypatch.setenv("POP_SYNC_TIMEOUT", "2")
    app = laptop_app(world)
    async with app.run_test(size=(100, 40)) as pilot:
        await until(lambda: app.sync_url is not None)
        await pilot.press("slash", *"sync now", "enter")
        await until(pid_file.exists)  # git waits on the remote
        assert laptop.edit("add", "goal", "Speak Dutch").code == 0  # a shell, meanwhile
        await until(lambda: "Sync failed" in said(app), 20)
        await until(lambda: has_goal(app, "Speak Dutch"))
        # Not the file the sync wrote (it wrote none): told as every change from elsewhere.
        assert t("ui.msg.reloaded") in said(app)


async def test_a_conflict_that_comes_in_is_shown_and_resolved_in_the_tui(
    world: dict[str, Any],
) -> None:
    laptop: Device = world["laptop"]
    desktop: Device = world["desktop"]
    assert desktop.edit("edit", "goal", "1", "--title", "Learn Rust well").code == 0
    assert desktop.sync().code == 0
    assert laptop.edit("edit", "goal", "1", "--title", "Learn Rust fast").code == 0
    app = laptop_app(world)
    async with app.run_test(size=(100, 40)) as pilot:
        await until(lambda: app.sync_url is not None)
        app.start_sync()
        await until(lambda: bool(app.store.plan.table(Conflict)))
        await pilot.pause()
        text = screen_text(app)
        assert "Learn Rust well" in text and "Learn Rust fast" in text
        assert "laptop, this device" in text and "desktop" in text
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ConflictsScreen)
        await pilot.press("m")
        await pilot.pause()
    plan = laptop.store().plan
    assert plan.goals[1].title == "Learn Rust fast"
    assert not plan.table(Conflict)
    # The resolution travels like any change: the desktop gets it at its next sync.
    assert laptop.sync().code == 0
    assert desktop.sync().code == 0
    assert desktop.titles() == laptop.titles()
    assert not desktop.tables().get("conflicts")


async def test_the_sync_on_quit_gives_up_on_a_remote_that_hangs(
    world: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop: Device = world["laptop"]
    pid_file = remote_hangs(laptop, tmp_path, monkeypatch)
    remember(settings_path(), SYNC_ON_QUIT, True)
    assert laptop.edit("add", "goal", "Speak Dutch").code == 0
    app = laptop_app(world)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(lambda: app.sync_url is not None)
        started = time.monotonic()
        await pilot.press("q")
        await until(lambda: not app.is_running, QUIT_SYNC_SECONDS + 10)
        took = time.monotonic() - started
    assert QUIT_SYNC_SECONDS - 0.5 < took < QUIT_SYNC_SECONDS + 3
    assert any("longer than 4 s" in line for line in app.after_exit), app.after_exit
    # git was stopped with everything it started: the "ssh" that hung is gone.
    await until(lambda: not running(int(pid_file.read_text())), QUIT_SYNC_SECONDS + 5)
    # The plan is kept here, the change still to be sent.
    assert "Speak Dutch" in laptop.titles()


async def test_without_the_setting_quitting_does_not_sync(world: dict[str, Any]) -> None:
    laptop: Device = world["laptop"]
    assert laptop.edit("add", "goal", "Speak Dutch").code == 0
    head = laptop.git("rev-parse", "HEAD")
    app = laptop_app(world)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(lambda: app.sync_url is not None)
        await pilot.press("q")
        await until(lambda: not app.is_running, 5)
    assert laptop.git("rev-parse", "HEAD") == head and not app.after_exit


async def test_a_plan_not_set_up_for_sync_is_offered_no_sync(
    demo_store: PlanStore, make_app: Any
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.5)
        await pilot.press("slash", *"sync now")
        await pilot.pause(0.5)
        assert app.sync_url is None
        assert "Sync now" not in screen_text(app)


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc, uses Linux ptys")
@pytest.mark.parametrize("end", ["hang-up", "quit"])
def test_a_sync_under_way_does_not_keep_pop_or_its_git(
    world: dict[str, Any], tmp_path: Path, end: str
) -> None:
    """The line drops, or q is pressed, while "Sync now" waits on a remote that hangs:
    pop ends at once, not at the network timeout, and so does its git with what git
    started (in a process group of its own: no hang-up reaches them). On q pop says
    that the plan is saved here."""
    laptop: Device = world["laptop"]
    script, pid_file = hanging_remote(laptop, tmp_path)
    pop = PopInPty(
        ["--db", laptop.plan],
        env={"POP_TODAY": TODAY.isoformat(), "GIT_SSH_COMMAND": str(script)},
    )
    try:
        sync_now(pop)
        ssh = ssh_started(pop, pid_file)
        if end == "hang-up":
            pop.close_terminal()
        else:
            pop.type("q")
        ended = pop.wait_end(5.0)
    finally:
        pop.kill()
    assert ended.code == (129 if end == "hang-up" else 0) and ended.left == (), ended
    assert not running(ssh), Path(f"/proc/{ssh}/stat").read_text()
    if end == "quit":
        assert b"was still under way and was stopped" in pop.output
