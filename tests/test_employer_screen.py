"""The employer screen: employer goals, my contribution, and which personal goals support them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static

from pop_tui.core.model import EmployerGoal, Goal
from pop_tui.store.plan_store import PlanStore
from pop_tui.ui.app import PopApp
from pop_tui.ui.dialogs.confirm import ConfirmDialog
from pop_tui.ui.dialogs.form import FormDialog
from pop_tui.ui.screens.employer import EmployerScreen
from pop_tui.ui.widgets.record_list import RecordList
from tests.conftest import NOW, TODAY
from tests.keyboard import type_text

MakeApp = Callable[[PlanStore], PopApp]


def reopened(path: Path) -> PlanStore:
    return PlanStore.open(path, now=lambda: NOW)


def shown(app: PopApp) -> list[str]:
    listing = app.screen.query_one("#employer-list", RecordList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


def titles(store: PlanStore) -> list[str]:
    return [e.title for e in sorted(store.plan.employer_goals.values(), key=lambda e: e.order)]


async def open_employer(pilot: Pilot[None]) -> None:
    await pilot.press("4")
    await pilot.pause()


async def test_each_employer_goal_shows_contributions_and_supporting_goals(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_employer(pilot)
        assert isinstance(app.screen, EmployerScreen)
        first = shown(app)[0].splitlines()
    assert first[0] == "  Grow online sales by 15% next year"
    assert first[1] == "   Department: Marketing analytics delivers weekly campaign figures"
    assert first[2] == "   My part: I build the campaign reports"
    assert first[3] == "   To develop: Marketing knowledge, presenting"
    assert first[4] == "   Unused talents: Teaching others spreadsheets"
    assert first[5] == (
        "   Supported by: Learn more about marketing · Spreadsheet skills from basic to advanced"
    )


async def test_an_employer_goal_no_personal_goal_supports_is_marked(
    store: PlanStore, make_app: MakeApp
) -> None:
    store.apply("x", lambda e: e.add(EmployerGoal, title="Open an office abroad"))
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_employer(pilot)
        lines = shown(app)[0].splitlines()
        assert lines[0] == "! Open an office abroad"
        assert lines[-1] == "   no personal goal supports this yet"
        assert "without a personal goal: 1" in app.screen.sub_title


async def test_adding_an_employer_goal_by_keyboard(
    store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_employer(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await type_text(pilot, "Happier customers")
        await pilot.press("tab")
        await type_text(pilot, "Service answers within a day")
        await pilot.press("tab")
        await type_text(pilot, "I write the answer templates")
        await pilot.press("tab")
        await type_text(pilot, "Writing")
        await pilot.press("tab")
        await type_text(pilot, "Drawing")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EmployerScreen)
    goal = next(iter(reopened(plan_path).plan.employer_goals.values()))
    assert goal.title == "Happier customers"
    assert goal.department_contribution == "Service answers within a day"
    assert goal.my_contribution == "I write the answer templates"
    assert goal.competencies_to_develop == "Writing"
    assert goal.unused_talents == "Drawing"


async def test_an_empty_employer_goal_title_is_refused(
    store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_employer(pilot)
        await pilot.press("n", "tab")
        await type_text(pilot, "Only a department part")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert "cannot be empty" in str(app.screen.query_one("#error-title", Static).render())
    assert not reopened(plan_path).plan.employer_goals


async def test_editing_and_undoing_an_employer_goal(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_employer(pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#field-my_contribution", Input).focus()
        await pilot.press("end")
        await type_text(pilot, " and the dashboards")
        await pilot.press("enter")
        await pilot.pause()
        goal = next(e for e in reopened(plan_path).plan.employer_goals.values() if e.order == 0)
        assert goal.my_contribution == "I build the campaign reports and the dashboards"
        await pilot.press("u")
        await pilot.pause()
        assert "   My part: I build the campaign reports" in shown(app)[0].splitlines()
    goal = next(e for e in reopened(plan_path).plan.employer_goals.values() if e.order == 0)
    assert goal.my_contribution == "I build the campaign reports"


async def test_deleting_an_employer_goal_unlinks_the_personal_goals(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_employer(pilot)
        await pilot.press("j", "d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert len(reopened(plan_path).plan.employer_goals) == 2
        await pilot.press("d", "y")
        await pilot.pause()
    store = reopened(plan_path)
    assert titles(store) == ["Grow online sales by 15% next year"]
    kept = set(store.plan.employer_goals)
    assert all(set(g.employer_goal_ids) <= kept for g in store.plan.goals.values())


async def test_reordering_employer_goals(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_employer(pilot)
        await pilot.press("J")
        await pilot.pause()
    assert titles(reopened(plan_path)) == [
        "Better cooperation between departments",
        "Grow online sales by 15% next year",
    ]


async def test_linking_a_goal_makes_the_mark_go_away(store: PlanStore, make_app: MakeApp) -> None:
    def setup(edit: object) -> None:
        from pop_tui.core.edit import Edit

        assert isinstance(edit, Edit)
        made = edit.add(EmployerGoal, title="Open an office abroad")
        edit.add(Goal, title="Learn Spanish", employer_goal_ids=(made.id,))

    store.apply("x", setup)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_employer(pilot)
        assert shown(app)[0].splitlines()[-1] == "   Supported by: Learn Spanish"


async def test_the_answers_for_the_yearly_conversation_are_edited_on_the_last_row(
    store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_employer(pilot)
        await pilot.press("enter")
        await type_text(pilot, "Faster reports")
        await pilot.press("tab")
        await type_text(pilot, "Pay the course")
        await pilot.press("enter")
        await pilot.pause()
    profile = reopened(plan_path).plan.profile
    assert (profile.answer_goals_help, profile.answer_employer_can_do) == (
        "Faster reports",
        "Pay the course",
    )


def test_employer_snapshot_80x24(snap_compare: Callable[..., bool], demo_store: PlanStore) -> None:
    app = PopApp(demo_store, today=lambda: TODAY)
    assert snap_compare(app, terminal_size=(80, 24), press=["4"])
