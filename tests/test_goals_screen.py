"""The goals screen: the dream job, goals by horizon and kind, and the goal form with its
live SMART check."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from pop_tui.core.model import Goal
from pop_tui.store.plan_store import PlanStore
from pop_tui.ui.app import PopApp
from pop_tui.ui.dialogs.confirm import ConfirmDialog
from pop_tui.ui.dialogs.goal_form import GoalForm
from pop_tui.ui.screens.goals import GoalsScreen
from pop_tui.ui.widgets.link_list import LinkList
from pop_tui.ui.widgets.record_list import RecordList
from tests.conftest import NOW, TODAY
from tests.keyboard import type_text

MakeApp = Callable[[PlanStore], PopApp]


def reopened(path: Path) -> PlanStore:
    return PlanStore.open(path, now=lambda: NOW)


def goal_named(store: PlanStore, title: str) -> Goal:
    return next(g for g in store.plan.goals.values() if g.title == title)


def shown(app: PopApp) -> list[str]:
    listing = app.screen.query_one("#goals-list", RecordList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


def smart_panel(app: PopApp) -> str:
    return str(app.screen.query_one("#smart-panel", Static).render())


def error_at(app: PopApp, name: str) -> str:
    return str(app.screen.query_one(f"#error-{name}", Static).render())


async def open_goals(pilot: Pilot[None]) -> None:
    await pilot.press("3")
    await pilot.pause()


async def go_to(pilot: Pilot[None], app: PopApp, title: str) -> None:
    listing = app.screen.query_one("#goals-list", RecordList)
    for index in range(listing.option_count):
        if title in str(listing.get_option_at_index(index).prompt):
            listing.highlighted = index
            await pilot.pause()
            return
    raise AssertionError(f"{title!r} is not shown")


async def fill(pilot: Pilot[None], app: PopApp, name: str, text: str) -> None:
    field = app.screen.query_one(f"#field-{name}", Input)
    field.focus()
    field.value = ""
    await type_text(pilot, text)


async def test_goals_are_grouped_by_horizon_and_kind_with_their_smart_score(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_goals(pilot)
        assert isinstance(app.screen, GoalsScreen)
        lines = shown(app)
        assert "fully SMART: 1" in app.screen.sub_title
    assert lines[0].startswith("Dream job: Team lead, marketing analytics")
    assert lines[1] == "Short term (about a year) · Professional"
    assert lines[2].startswith("S·a·T  Get better at leading people")
    assert any(line.startswith("SMART  Spreadsheet skills") for line in lines)
    assert "Long term (about five years) · Broader" in lines


async def test_a_title_alone_does_not_make_specific_ok(store: PlanStore, make_app: MakeApp) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 40)) as pilot:
        await open_goals(pilot)
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "Speak Spanish at B1 level")
        await pilot.pause()
        assert "~ S Specific · weak" in smart_panel(app)
        assert "Only the title says it so far" in smart_panel(app)
        await fill(pilot, app, "specific", "Hold a work meeting in Spanish")
        await pilot.pause()
        assert "✓ S Specific · ok" in smart_panel(app)
        await pilot.press("escape")


async def test_adding_a_goal_by_keyboard_with_every_smart_field(
    store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 40)) as pilot:
        await open_goals(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, GoalForm)
        # Tab walks the form in order: title, horizon, kind, specific, measure, ...
        await type_text(pilot, "Excel from basic to advanced")
        await pilot.press("tab", "tab", "tab")
        await type_text(pilot, "Pivot tables and lookups for the campaign reports")
        await pilot.press("tab")
        await type_text(pilot, "score on the advanced test")
        await pilot.press("tab", "%", "tab")
        await pilot.press("4", "0", "tab", "8", "0", "tab", "tab")
        await type_text(pilot, "Reports in half the time")
        await pilot.press("tab")
        await type_text(pilot, "Faster figures for sales")
        await pilot.press("tab")
        await type_text(pilot, "Online course, two hours a week")
        await pilot.press("tab")
        await type_text(pilot, "+6m")
        await pilot.pause()
        assert "✓ S" in smart_panel(app) and "All five letters are in order." in smart_panel(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
    goal = goal_named(reopened(plan_path), "Excel from basic to advanced")
    assert (goal.metric, goal.unit, goal.baseline, goal.target) == (
        "score on the advanced test",
        "%",
        40.0,
        80.0,
    )
    assert goal.deadline == date(2027, 5, 29)
    assert goal.created == TODAY
    assert (goal.horizon, goal.kind, goal.status) == ("short", "professional", "active")
    assert goal.means == "Online course, two hours a week"


async def test_the_smart_check_follows_the_fields_as_they_are_typed(
    store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_goals(pilot)
        await pilot.press("n")
        await type_text(pilot, "get better at leading people")
        await pilot.pause()
        panel = smart_panel(app)
        assert "✗ M Measurable · missing" in panel
        assert "✗ T Time-bound · missing" in panel
        assert '"better" names a direction' in panel
        await fill(pilot, app, "deadline", "2027-06-01")
        await pilot.pause()
        assert "✓ T Time-bound · ok" in smart_panel(app)
        await fill(pilot, app, "deadline", "2030-01-01")
        await pilot.pause()
        assert "a short-term goal looks about a year ahead" in smart_panel(app)


async def test_a_word_where_a_number_belongs_is_refused_at_the_field(
    store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_goals(pilot)
        await pilot.press("n")
        await type_text(pilot, "Read more")
        await fill(pilot, app, "baseline", "forty")
        await fill(pilot, app, "target", "nan")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GoalForm)
        assert '"forty" is not a number' in error_at(app, "baseline")
        assert '"nan" is not a number' in error_at(app, "target")
        assert app.screen.focused is app.screen.query_one("#field-baseline")
    assert not reopened(plan_path).plan.goals


async def test_a_bad_deadline_shows_the_accepted_forms_and_saves_nothing(
    store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_goals(pilot)
        await pilot.press("n")
        await type_text(pilot, "Read more")
        await fill(pilot, app, "deadline", "someday")
        await pilot.press("enter")
        await pilot.pause()
        message = error_at(app, "deadline")
        assert '"someday" is not a date I understand.' in message
        assert "Try: 2026-12-01, 1-12-2026, 1 dec, today" in message
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
    assert not reopened(plan_path).plan.goals


async def test_an_empty_title_is_refused(
    store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_goals(pilot)
        await pilot.press("n", "enter")
        await pilot.pause()
        assert "cannot be empty" in error_at(app, "title")
    assert not reopened(plan_path).plan.goals


async def test_editing_a_goal_links_it_to_a_swot_item_and_undo_unlinks_it(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    reorg = next(i for i in demo_store.plan.swot.values() if i.text.startswith("A reorg"))
    app = make_app(demo_store)
    async with app.run_test(size=(80, 40)) as pilot:
        await open_goals(pilot)
        await go_to(pilot, app, "Spreadsheet skills")
        await pilot.press("e")
        await pilot.pause()
        links = app.screen.query_one("#field-swot_ids", LinkList)
        links.focus()
        index = next(
            i
            for i in range(links.option_count)
            if "A reorganisation" in str(links.get_option_at_index(i).prompt)
        )
        links.highlighted = index
        await pilot.press("space", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        assert (
            reorg.id
            in goal_named(reopened(plan_path), "Spreadsheet skills from basic to advanced").swot_ids
        )
        await pilot.press("2")
        await pilot.pause()
        assert "without a goal" not in app.screen.sub_title
        await pilot.press("u")
        await pilot.pause()
        assert "without a goal: 1" in app.screen.sub_title
    assert (
        reorg.id
        not in goal_named(reopened(plan_path), "Spreadsheet skills from basic to advanced").swot_ids
    )


async def test_marking_a_goal_done_through_the_status_choice(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_goals(pilot)
        await go_to(pilot, app, "Speak Spanish")
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#field-status", Select).focus()
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any("Speak Spanish at B1 level · done" in line for line in shown(app))
    assert goal_named(reopened(plan_path), "Speak Spanish at B1 level").status == "done"


async def test_escape_leaves_the_goal_as_it_was(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    before = plan_path.read_bytes()
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_goals(pilot)
        await go_to(pilot, app, "Learn more about marketing")
        await pilot.press("e")
        await type_text(pilot, " and sales")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
    assert plan_path.read_bytes() == before


async def test_deleting_a_goal_takes_its_actions_and_steps_after_asking(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_goals(pilot)
        await go_to(pilot, app, "Learn more about marketing")
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "1 action(s) and 4 step(s)" in str(
            app.screen.query_one("#confirm-detail", Static).render()
        )
        await pilot.press("y")
        await pilot.pause()
    plan = reopened(plan_path).plan
    assert all(g.title != "Learn more about marketing" for g in plan.goals.values())
    assert not any(s.title == "Find an online course" for s in plan.steps.values())


async def test_the_dream_job_is_edited_from_the_first_row(
    store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_goals(pilot)
        assert "not chosen yet" in shown(app)[0]
        await pilot.press("enter")
        await type_text(pilot, "Team lead")
        await pilot.press("tab")
        await type_text(pilot, "Leading people; data every day")
        await pilot.press("enter")
        await pilot.pause()
        assert shown(app)[0].startswith("Dream job: Team lead")
    profile = reopened(plan_path).plan.profile
    assert profile.dream_job == "Team lead"
    assert profile.dream_job_qualities == ("Leading people", "data every day")


async def test_goal_form_puts_the_smart_check_below_the_fields_when_narrow(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(60, 20)) as pilot:
        await open_goals(pilot)
        await go_to(pilot, app, "Spreadsheet skills")
        await pilot.press("e")
        await pilot.pause()
        fields = app.screen.query_one("#form-fields")
        side = app.screen.query_one("#smart-side")
        assert side.region.y > fields.region.y
        assert side.region.width > 40


def test_goals_snapshot_80x24(snap_compare: Callable[..., bool], demo_store: PlanStore) -> None:
    app = PopApp(demo_store, today=lambda: TODAY)
    assert snap_compare(app, terminal_size=(80, 24), press=["3"])


def test_goal_form_snapshot_80x24(snap_compare: Callable[..., bool], demo_store: PlanStore) -> None:
    app = PopApp(demo_store, today=lambda: TODAY)
    assert snap_compare(app, terminal_size=(80, 24), press=["3", "j", "e"])
