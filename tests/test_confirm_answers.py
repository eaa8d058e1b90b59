"""The confirm dialog names its answers by what they do, on the buttons and in the key bar
("Delete" / "Keep", "Clear", "Start it" / "Don't start"), in English and in Dutch; y and n
still answer."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot

from pop_tui.core.model import Period
from pop_tui.core.texts import set_language
from pop_tui.store.plan_store import PlanStore
from pop_tui.ui.app import PopApp
from pop_tui.ui.dialogs.confirm import ClearDialog, ConfirmDialog, StartPeriodDialog
from tests.screen_text import screen_text, words

MakeApp = Callable[[PlanStore], PopApp]


async def press(pilot: Pilot[None], *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


def key_bar(app: PopApp) -> str:
    return screen_text(app).rstrip("\n").rsplit("\n", 1)[-1]


@pytest.mark.parametrize(
    ("lang", "buttons", "keys", "not_said"),
    [
        ("en", ["Delete (y)", "Keep (n)"], ["y Delete", "n Keep"], {"Yes", "No"}),
        ("nl", ["Verwijderen (y)", "Houden (n)"], ["y Verwijderen", "n Houden"], {"Ja", "Nee"}),
    ],
)
async def test_a_delete_says_delete_and_keep(
    demo_store: PlanStore,
    make_app: MakeApp,
    lang: str,
    buttons: list[str],
    keys: list[str],
    not_said: set[str],
) -> None:
    set_language(lang)
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "2", "d")
        assert type(app.screen) is ConfirmDialog
        shown = screen_text(app)
        assert all(button in shown for button in buttons), shown
        assert all(key in key_bar(app) for key in keys), key_bar(app)
        assert not words(key_bar(app)) & not_said


async def test_n_keeps_and_y_deletes(demo_store: PlanStore, make_app: MakeApp) -> None:
    before = len(demo_store.plan.swot)
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "2", "d", "n")
        assert len(demo_store.plan.swot) == before
        await press(pilot, "d", "y")
        assert len(demo_store.plan.swot) == before - 1


async def test_clearing_the_dream_job_says_clear(demo_store: PlanStore, make_app: MakeApp) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "3", "d")
        assert isinstance(app.screen, ClearDialog)
        assert "Clear (y)" in screen_text(app)
        assert "y Clear" in key_bar(app) and "n Keep" in key_bar(app)
        await press(pilot, "y")
    assert demo_store.plan.profile.dream_job == ""


async def test_starting_a_period_says_start_it(demo_store: PlanStore, make_app: MakeApp) -> None:
    set_language("nl")
    periods = len(demo_store.plan.table(Period))
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "6", "p", "n", "enter")
        assert isinstance(app.screen, StartPeriodDialog)
        assert "Niet beginnen (n)" in screen_text(app)
        assert "y Beginnen" in key_bar(app) and "n Niet beginnen" in key_bar(app)
        await press(pilot, "n")
    assert len(demo_store.plan.table(Period)) == periods
