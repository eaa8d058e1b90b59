"""The TUI never waits on the plan's lock or reads the whole file on its event loop.

Another pop (here: the test itself, on the app's own event loop) holds the plan's
lock. If the app waited for the lock on its event loop, the test could never let
it go: the key presses below would hang until the lock's timeout and the save
would fail. So these tests need no clock: that the test runs on at all while it
holds the lock shows that the app's loop is free.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList
from textual.worker import WorkerCancelled

from pop_tui.core.edit import Edit
from pop_tui.core.model import Goal
from pop_tui.store import files
from pop_tui.store.plan_store import PlanStore
from pop_tui.ui.app import PopApp
from pop_tui.ui.dialogs.form import FormDialog
from pop_tui.ui.screens.checkin import CheckInScreen
from tests.conftest import NOW, TODAY, notice_other_session
from tests.keyboard import type_text

MakeApp = Callable[[PlanStore], PopApp]


def on_disk(path: Path) -> PlanStore:
    return PlanStore.open(path, now=lambda: NOW)


def first_step(app: PopApp) -> int:
    listing = app.screen.query_one(OptionList)
    found = [listing.get_option_at_index(i).id or "" for i in range(listing.option_count)]
    return int(next(f for f in found if f.startswith("step:")).split(":")[1])


async def until_saved(pilot: Pilot[None], app: PopApp) -> None:
    """Wait for the worker that waits for the lock, then for its message to be handled."""
    await app.workers.wait_for_complete()
    await pilot.pause()


def add_goal(title: str) -> Callable[[Edit], object]:
    return lambda edit: edit.add(Goal, title=title)


async def test_keys_work_while_another_pop_holds_the_lock_and_the_save_lands_after(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        step_id = first_step(app)
        revision = on_disk(plan_path).revision
        held = files.take_lock(plan_path)
        try:
            await pilot.press("space")  # mark the step done: waits for the lock
            await pilot.press("3")  # a key that changes only what is shown
            await pilot.pause()
            assert app.current_mode == "goals"
            assert app.saves_waiting == 1
            assert on_disk(plan_path).revision == revision
        finally:
            held.release()
        await until_saved(pilot, app)
        assert app.saves_waiting == 0
        assert on_disk(plan_path).plan.steps[step_id].done_on == TODAY
        assert app.store.plan.steps[step_id].done_on == TODAY


async def test_changes_made_while_waiting_are_saved_in_order_one_at_a_time(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        held = files.take_lock(plan_path)
        try:
            assert app.save("first", add_goal("First"))
            assert app.save("second", add_goal("Second"))
            await pilot.press("u")  # undo waits its turn too: it undoes "second"
            assert app.save("third", add_goal("Third"))
            assert app.saves_waiting == 4
        finally:
            held.release()
        await until_saved(pilot, app)
        saved = on_disk(plan_path)
        titles = [g.title for _, g in sorted(saved.plan.goals.items())]
        assert titles[-2:] == ["First", "Third"]
        assert "Second" not in titles
        assert [e.label for e in saved._history if not e.undone] == ["first", "third"]


async def test_the_reload_timer_reads_another_sessions_change_while_the_lock_is_held(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        on_disk(plan_path).apply("elsewhere", add_goal("From elsewhere"))
        held = files.take_lock(plan_path)
        try:
            await notice_other_session(pilot, app)
            assert any(g.title == "From elsewhere" for g in app.store.plan.goals.values())
            listing = app.screen.query_one("#goals-list", OptionList)
            shown = [
                str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)
            ]
            assert any("From elsewhere" in line for line in shown)
        finally:
            held.release()


async def test_a_save_right_after_another_sessions_change_keeps_both(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        on_disk(plan_path).apply("elsewhere", add_goal("From elsewhere"))
        # Before the timer looked: the file is read again (in the worker) under the lock.
        assert app.save("here", add_goal("From here"))
        await until_saved(pilot, app)
        titles = {g.title for g in on_disk(plan_path).plan.goals.values()}
        assert {"From elsewhere", "From here"} <= titles
        assert {g.title for g in app.store.plan.goals.values()} == titles


def other_session_adds(path: Path, title: str) -> None:
    on_disk(path).apply("elsewhere", add_goal(title))


async def test_the_event_loop_never_waits_for_the_lock_nor_reads_the_file(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Who waited for the lock and who read the file, by thread. The other session runs
    # in a thread of its own, so whatever happens on this one is the app's doing.
    waited: list[str] = []
    read: list[str] = []
    take_lock, load = files.take_lock, PlanStore._load

    def recording_take_lock(*args: Any, **kwargs: Any) -> files.HeldLock:
        waited.append(threading.current_thread().name)
        return take_lock(*args, **kwargs)

    def recording_load(self: PlanStore) -> None:
        read.append(threading.current_thread().name)
        load(self)

    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        monkeypatch.setattr(files, "take_lock", recording_take_lock)
        monkeypatch.setattr(PlanStore, "_load", recording_load)
        main = threading.current_thread().name
        await asyncio.to_thread(other_session_adds, plan_path, "Elsewhere")
        await notice_other_session(pilot, app)
        await asyncio.to_thread(other_session_adds, plan_path, "Elsewhere again")
        assert app.save("here", add_goal("Here"))  # the file changed: read again first
        await until_saved(pilot, app)
        await pilot.press("u")  # the lock is free and the file as the app left it: at once
        await pilot.pause()
        monkeypatch.undo()
        titles = {g.title for g in app.store.plan.goals.values()}
        assert {"Elsewhere", "Elsewhere again"} <= titles
        assert "Here" not in titles
        assert {g.title for g in on_disk(plan_path).plan.goals.values()} == titles
    assert read and waited
    assert main not in read
    assert main not in waited


async def test_a_form_saved_while_another_pop_holds_the_lock_waits_open_and_saves_once(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("3", "n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormDialog)
        title = form.query_one("#field-title", Input)
        title.focus()
        await type_text(pilot, "Waited")
        held = files.take_lock(plan_path)
        try:
            await pilot.press("enter")
            await pilot.press("enter")  # pressed again while waiting: still one save
            await pilot.pause()
            assert app.screen is form
            assert app.saves_waiting == 1
        finally:
            held.release()
        await until_saved(pilot, app)
        assert app.screen is not form
        saved = [g for g in on_disk(plan_path).plan.goals.values() if g.title == "Waited"]
        assert len(saved) == 1


async def test_quit_while_a_change_waits_for_the_lock_quits_once_it_is_saved(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        held = files.take_lock(plan_path)
        try:
            assert app.save("late", add_goal("Late"))
            await pilot.press("q")
            await pilot.pause()
            assert app.is_running
        finally:
            held.release()
        # The app ends itself once the change is saved, cancelling what still runs.
        with contextlib.suppress(WorkerCancelled):
            await app.workers.wait_for_complete()
        for _ in range(100):
            if not app.is_running:
                break
            await asyncio.sleep(0.02)
        assert not app.is_running
    assert any(g.title == "Late" for g in on_disk(plan_path).plan.goals.values())


async def test_a_check_in_made_while_another_pop_holds_the_lock_closes_once_saved(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        checkin = app.screen
        assert isinstance(checkin, CheckInScreen)
        await pilot.press("space")  # tick the first step
        held = files.take_lock(plan_path)
        try:
            await pilot.press("enter")
            await pilot.press("enter")  # again while waiting: still one check-in
            await pilot.pause()
            assert app.screen is checkin
            assert app.saves_waiting == 1
        finally:
            held.release()
        await until_saved(pilot, app)
        assert app.screen is not checkin
    saved = [c for c in on_disk(plan_path).plan.checkins.values() if c.on == TODAY]
    assert len(saved) == 1 and len(saved[0].step_ids) == 1
