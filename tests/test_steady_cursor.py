"""Text fields keep a steady cursor: over SSH a blinking one is a repaint twice a second."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from pop_tui.store.plan_store import PlanStore
from pop_tui.ui.app import PopApp
from tests.conftest import TODAY


@pytest.mark.parametrize(
    "keys",
    [("3", "j", "e"), ("c",), ("5", "enter", "n"), ("6", "r")],
    ids=["goal form", "check-in", "step form", "review wizard"],
)
async def test_no_text_field_blinks(demo_store: PlanStore, keys: tuple[str, ...]) -> None:
    app = PopApp(demo_store, today=lambda: TODAY, guide_empty_plan=False)
    async with app.run_test(size=(80, 24)) as pilot:
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        fields = list(app.screen.query(Input))
        assert fields, "the screen has text fields"
        assert [field.cursor_blink for field in fields] == [False] * len(fields)
