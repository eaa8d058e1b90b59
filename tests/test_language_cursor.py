"""Switching the language rebuilds every screen, and leaves the cursor where it was: the same
screen (a pushed one too), the same list, the same record highlighted."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot

from pop_tui.core.texts import language
from pop_tui.store.plan_store import PlanStore
from pop_tui.ui.app import PopApp
from pop_tui.ui.drafts import place_of

MakeApp = Callable[[PlanStore], PopApp]


async def switch_language(pilot: Pilot[None], words: str) -> None:
    await pilot.press("slash", *words, "enter")
    await pilot.pause()
    await pilot.pause()


@pytest.mark.parametrize(
    "keys",
    [
        ("down", "down", "down"),  # the dashboard
        ("3", "down", "down", "down"),  # goals
        ("2", "right", "down"),  # analysis: the second list
        ("5", "enter", "down"),  # a goal's steps, pushed over the action plan
        ("6", "down", "down"),  # evaluation
    ],
    ids=["dashboard", "goals", "analysis", "steps", "evaluation"],
)
async def test_the_cursor_stays_on_the_same_record(
    demo_store: PlanStore, make_app: MakeApp, keys: tuple[str, ...]
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        before = place_of(app)
        screen = type(app.screen)
        assert before is not None and before[2] is not None
        await switch_language(pilot, "dutch")
        assert language() == "nl"
        assert type(app.screen) is screen
        assert place_of(app) == before
        # And back: the same again.
        await switch_language(pilot, "engels")
        assert language() == "en"
        assert type(app.screen) is screen
        assert place_of(app) == before
