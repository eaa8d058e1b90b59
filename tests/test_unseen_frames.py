"""The tests' headless painting (tests/unseen_frames.py) still fits Textual, and what a
test reads of the screen still follows every change."""

from __future__ import annotations

from typing import Any

import pytest
from textual._compositor import Compositor
from textual.screen import Screen

from pop_tui.store.plan_store import PlanStore
from pop_tui.ui.app import PopApp
from tests.conftest import TODAY
from tests.screen_text import screen_text
from tests.unseen_frames import USES, textual_matches


def test_textual_still_has_the_method_the_skip_stands_in_front_of() -> None:
    assert textual_matches(), f"Screen._compositor_refresh no longer uses {USES}"
    assert hasattr(Screen._compositor_refresh, "painted"), "conftest did not set it up"


async def test_a_key_paints_nothing_and_a_read_paints_the_screen_as_it_is(
    demo_store: PlanStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    painted: list[bool] = []
    render_update = Compositor.render_update

    def counted(self: Compositor, *args: Any, **kwargs: Any) -> Any:
        painted.append(bool(kwargs.get("full")))
        return render_update(self, *args, **kwargs)

    monkeypatch.setattr(Compositor, "render_update", counted)
    app = PopApp(demo_store, today=lambda: TODAY, guide_empty_plan=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Calm under pressure" not in screen_text(app)
        painted.clear()
        await pilot.press("2")
        await pilot.pause()
        assert painted == []
        assert "Calm under pressure" in screen_text(app)
        assert painted == [True]
        await pilot.press("n")
        await pilot.pause()
        for key in "Mentor":
            await pilot.press(key)
        await pilot.pause()
        assert "Mentor" in screen_text(app)
