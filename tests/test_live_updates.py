"""Another session changes the plan while the TUI is open: every screen shows it, keeps its
cursor on the same record, and leaves an open form alone."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList

from pop_tui.core.edit import Edit
from pop_tui.core.model import Action, EmployerGoal, Goal, Step, SwotItem
from pop_tui.store.plan_store import PlanStore
from pop_tui.ui import app as app_module
from pop_tui.ui.app import PopApp
from pop_tui.ui.dialogs.form import FormDialog
from tests.conftest import NOW, TODAY, notice_other_session
from tests.keyboard import type_text
from tests.pop_shell import pop_process

MakeApp = Callable[[PlanStore], PopApp]


def other_session(path: Path) -> PlanStore:
    return PlanStore.open(path, now=lambda: NOW)


async def notice(pilot: Pilot[None], app: PopApp) -> None:
    """Let the app look at the file, as its timer does every second."""
    await notice_other_session(pilot, app)


def option_ids(listing: OptionList) -> list[str | None]:
    return [listing.get_option_at_index(i).id for i in range(listing.option_count)]


def cursor_of(app: PopApp, selector: str) -> str | None:
    widget = app.screen.query_one(selector)
    if isinstance(widget, DataTable):
        return str(widget.coordinate_to_cell_key(widget.cursor_coordinate).row_key.value)
    assert isinstance(widget, OptionList)
    option = widget.highlighted_option
    return option.id if option is not None else None


def shown_ids(app: PopApp, selector: str) -> list[str | None]:
    widget = app.screen.query_one(selector)
    if isinstance(widget, DataTable):
        return [str(key.value) for key in widget.rows]
    assert isinstance(widget, OptionList)
    return option_ids(widget)


def put_cursor(app: PopApp, selector: str, option_id: str) -> None:
    widget = app.screen.query_one(selector)
    if isinstance(widget, DataTable):
        widget.move_cursor(row=shown_ids(app, selector).index(option_id))
    else:
        assert isinstance(widget, OptionList)
        widget.highlighted = option_ids(widget).index(option_id)
    widget.focus()


def new_overdue_step(edit: Edit) -> None:
    edit.add(Step, goal_id=1, action_id=1, title="Call the trainer", due=TODAY - timedelta(30))


@dataclass(frozen=True)
class Case:
    """A screen, a record to put the cursor on, and a change elsewhere that moves it."""

    keys: tuple[str, ...]
    selector: str
    cursor: str
    change: Callable[[Edit], object]
    appears: str


CASES = {
    "dashboard": Case((), "#agenda", "step:13", new_overdue_step, "step:17"),
    "analysis": Case(
        ("2",),
        "#list-S",
        "swot:2",
        lambda e: e.add(SwotItem, quadrant="S", text="Patient", order=-1),
        "swot:9",
    ),
    "goals": Case(
        ("3",),
        "#goals-list",
        "goal:4",
        lambda e: e.add(Goal, title="Present at a conference", order=-1),
        "goal:7",
    ),
    "employer": Case(
        ("4",),
        "#employer-list",
        "employer:2",
        lambda e: e.add(EmployerGoal, title="Grow abroad", order=-1),
        "employer:3",
    ),
    "actions": Case(
        ("5",),
        "#action-table",
        "action:3",
        lambda e: e.add(Action, goal_id=1, action="Find a mentor", order=-1),
        "action:6",
    ),
    "steps": Case(
        ("5", "enter"),
        "#steps-list",
        "step:2",
        lambda e: e.add(Step, goal_id=1, action_id=1, title="Ask HR", order=-1),
        "step:17",
    ),
    "checkin": Case(("c",), "#checkin-steps", "13", new_overdue_step, "17"),
}


@pytest.mark.parametrize("name", list(CASES))
async def test_a_change_elsewhere_shows_and_the_cursor_stays_on_its_record(
    name: str, demo_store: PlanStore, make_app: MakeApp
) -> None:
    case = CASES[name]
    app = make_app(demo_store)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press(*case.keys)
        await pilot.pause()
        put_cursor(app, case.selector, case.cursor)
        await pilot.pause()
        before = shown_ids(app, case.selector)
        assert case.appears not in before
        other_session(demo_store.path).apply("elsewhere", case.change)
        await notice(pilot, app)
        after = shown_ids(app, case.selector)
        assert case.appears in after
        # The new record came before the cursor's: the cursor moved with its record.
        assert after.index(case.cursor) > before.index(case.cursor)
        assert cursor_of(app, case.selector) == case.cursor


@pytest.mark.parametrize("name", ["goals", "steps", "analysis"])
async def test_an_open_form_stays_open_with_its_text_while_the_screen_below_refreshes(
    name: str, demo_store: PlanStore, make_app: MakeApp
) -> None:
    case = CASES[name]
    app = make_app(demo_store)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press(*case.keys)
        await pilot.pause()
        put_cursor(app, case.selector, case.cursor)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormDialog)
        field = form.query(Input).first()
        field.value = ""
        await type_text(pilot, "half typed")
        other_session(demo_store.path).apply("elsewhere", case.change)
        await notice(pilot, app)
        assert app.screen is form
        assert field.value == "half typed"
        listing = app.screen_stack[-2].query_one(case.selector, OptionList)
        assert case.appears in option_ids(listing)


async def test_the_timer_notices_a_shell_command_within_two_seconds(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    # The file is looked at every RELOAD_SECONDS, well inside the two seconds promised.
    assert app_module.RELOAD_SECONDS <= 1.0
    app = make_app(demo_store)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        ran = await asyncio.to_thread(
            pop_process, "add", "goal", "Write", "a", "blog", "--db", str(demo_store.path)
        )
        assert ran.code == 0, ran.err
        for _ in range(100):  # the timer, not the test, notices the change
            await pilot.pause(0.05)
            if "goal:7" in shown_ids(app, "#goals-list"):
                break
        assert "goal:7" in shown_ids(app, "#goals-list")


async def test_a_section_not_on_show_is_up_to_date_when_shown_again(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        other_session(demo_store.path).apply(
            "elsewhere", lambda e: e.add(Goal, title="Present at a conference")
        )
        await notice(pilot, app)
        await pilot.press("3")
        await pilot.pause()
        assert "goal:7" in shown_ids(app, "#goals-list")
