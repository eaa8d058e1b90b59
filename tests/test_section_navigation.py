"""Number keys reach every section from everywhere; dialogs hold the app's keys back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Button

from pop_tui.store.plan_store import PlanStore
from pop_tui.ui.app import PopApp
from pop_tui.ui.dialogs.form import FormDialog
from pop_tui.ui.screens.actions import ActionPlanScreen
from pop_tui.ui.screens.analysis import AnalysisScreen
from pop_tui.ui.screens.dashboard import DashboardScreen
from pop_tui.ui.screens.employer import EmployerScreen
from pop_tui.ui.screens.goals import GoalsScreen
from pop_tui.ui.screens.help import HelpScreen
from pop_tui.ui.screens.steps import StepsScreen

MakeApp = Callable[[PlanStore], PopApp]

SECTIONS = {
    "1": DashboardScreen,
    "2": AnalysisScreen,
    "3": GoalsScreen,
    "4": EmployerScreen,
    "5": ActionPlanScreen,
}


async def test_every_number_key_reaches_its_section_from_every_section(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        for here in SECTIONS:
            for there, screen in SECTIONS.items():
                await pilot.press(here)
                await pilot.pause()
                await pilot.press(there)
                await pilot.pause()
                assert isinstance(app.screen, screen), (here, there)


async def test_a_section_keeps_its_place_and_its_open_steps(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, StepsScreen)
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("5")
        await pilot.pause()
        assert isinstance(app.screen, StepsScreen)
        # Pressed again in its own section: back to the table, cursor where it was.
        await pilot.press("5")
        await pilot.pause()
        assert isinstance(app.screen, ActionPlanScreen)
        assert app.screen.table.cursor_row == 1


async def test_app_keys_wait_while_a_dialog_is_open(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "J")  # a change that u could undo
        await pilot.pause()
        after_move = plan_path.read_bytes()
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#form-cancel", Button).focus()
        await pilot.press("u", "3", "c")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert plan_path.read_bytes() == after_move
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AnalysisScreen)


async def test_help_names_every_section_key_and_the_shared_keys(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = {description: key for key, description in app.screen._keys}
    assert keys["Analysis"] == "2"
    assert keys["Action plan"] == "5"
    assert keys["Dashboard"] == "1"
    assert keys["Add"] == "n"
    assert keys["Delete"] == "d"
    assert "J" in keys["Move down in the list"]
