"""A shell command and an open TUI change the same plan at the same time: both changes stay."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from textual.widgets import OptionList

from pop_tui.store.plan_store import PlanStore
from pop_tui.ui.app import PopApp
from tests.conftest import TODAY
from tests.pop_shell import pop_process

MakeApp = Callable[[PlanStore], PopApp]


def dashboard_ids(app: PopApp) -> list[str | None]:
    listing = app.screen.query_one(OptionList)
    return [listing.get_option_at_index(i).id for i in range(listing.option_count)]


async def test_tui_checkin_after_a_shell_done_keeps_both_changes(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    path = demo_store.path
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # Another process (an SSH session) marks step 5 done while the app is open...
        ran = await asyncio.to_thread(pop_process, "done", "5", "--db", str(path))
        assert ran.code == 0, ran.err
        # ...and before the app has noticed, the app checks in with step 13 done.
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("space", "tab", *"ok", "enter")
        await pilot.pause()
    plan = PlanStore.open(path).plan
    assert plan.steps[5].done_on == TODAY  # the shell's change
    assert plan.steps[13].done_on == TODAY  # the app's change
    [checkin] = [c for c in plan.checkins.values() if c.on == TODAY]
    assert (checkin.note, checkin.step_ids) == ("ok", (13,))


async def test_open_tui_shows_a_shell_change_within_seconds(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "step:5" in dashboard_ids(app)
        ran = await asyncio.to_thread(pop_process, "done", "5", "--db", str(demo_store.path))
        assert ran.code == 0, ran.err
        # The app looks for outside changes every second; give it a few.
        for _ in range(50):
            await pilot.pause(0.1)
            if "step:5" not in dashboard_ids(app):
                break
        assert "step:5" not in dashboard_ids(app)
        # And the app's own next change builds on it: undo in the app takes back the shell's.
        await pilot.press("u")
        await pilot.pause()
    assert PlanStore.open(demo_store.path).plan.steps[5].done_on is None
