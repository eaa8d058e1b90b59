"""The dashboard: what needs attention today, and marking a step done from it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import OptionList

from pop_tui.core.model import Goal, Step
from pop_tui.store.plan_store import PlanStore
from pop_tui.ui.app import PopApp
from pop_tui.ui.screens.help import HelpScreen
from tests.conftest import NOW, TODAY, notice_other_session

MakeApp = Callable[[PlanStore], PopApp]


def shown(app: PopApp) -> list[str]:
    listing = app.screen.query_one(OptionList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


def option_ids(app: PopApp) -> list[str | None]:
    listing = app.screen.query_one(OptionList)
    return [listing.get_option_at_index(i).id for i in range(listing.option_count)]


async def test_overdue_step_shows_on_dashboard_with_goal_and_days(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)):
        lines = shown(app)
    overdue = lines[1 : lines.index("Due in the next 7 days")]
    assert overdue[0].split()[:3] == ["9", "d", "late"]
    assert "Module 2: pivot tables · Spreadsheet skills from basic to advanced" in overdue[0]
    assert "Sign up for the course" in overdue[1]


async def test_dashboard_lists_reviews_and_goals_without_open_step(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)):
        text = "\n".join(shown(app))
    assert "in 5 days  Monthly look at my plan · whole plan" in text
    assert "Quarterly check of the spreadsheet goal" in text
    assert "Performance conversation" not in text  # 40 days away: beyond 14 days
    assert "Lead a team within five years" in text.split("without an open step")[1]


async def test_space_marks_the_highlighted_step_done_and_undo_brings_it_back(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        first = option_ids(app)[1]
        assert first is not None and first.startswith("step:")
        step_id = int(first.split(":")[1])
        await pilot.press("space")
        await pilot.pause()
        assert PlanStore.open(plan_path).plan.steps[step_id].done_on == TODAY
        assert first not in option_ids(app)
        await pilot.press("u")
        await pilot.pause()
        assert PlanStore.open(plan_path).plan.steps[step_id].done_on is None
        assert first in option_ids(app)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert PlanStore.open(plan_path).plan.steps[step_id].done_on == TODAY


async def test_cursor_moves_with_j_and_k_and_skips_headings(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        listing = app.screen.query_one(OptionList)
        assert listing.highlighted == 1
        await pilot.press("j", "j", "j")
        assert listing.highlighted == 5  # past the "Due in the next 7 days" heading
        await pilot.press("k")
        assert listing.highlighted == 3


async def test_space_on_a_review_changes_nothing(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    before = plan_path.read_bytes()
    async with app.run_test(size=(80, 24)) as pilot:
        ids = option_ids(app)
        listing = app.screen.query_one(OptionList)
        listing.highlighted = next(i for i, x in enumerate(ids) if x and x.startswith("review:"))
        await pilot.press("space")
        await pilot.pause()
    assert plan_path.read_bytes() == before


async def test_markup_in_titles_is_shown_as_typed(store: PlanStore, make_app: MakeApp) -> None:
    def add(edit: object) -> None:
        from pop_tui.core.edit import Edit

        assert isinstance(edit, Edit)
        goal = edit.add(Goal, title="[bold]x[/bold] goal")
        edit.add(Step, goal_id=goal.id, title="[@click=app.quit]\x1b[2J", due=TODAY)

    store.apply("setup", add)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        text = "\n".join(shown(app))
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
    assert "[@click=app.quit]\u241b[2J · [bold]x[/bold] goal" in text


async def test_help_lists_the_keys_of_the_screen_and_closes_on_escape(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = dict((d, k) for k, d in app.screen._keys)
        assert keys["Done"] == "space"
        assert keys["Undo"] == "u"
        assert "Scroll Left" not in keys
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_q_quits(demo_store: PlanStore, make_app: MakeApp) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_change_by_another_session_shows_without_restart(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        other = PlanStore.open(plan_path, now=lambda: NOW)
        goal_id = min(other.plan.goals)
        other.apply(
            "add", lambda e: e.add(Step, goal_id=goal_id, title="From the shell", due=TODAY)
        )
        await notice_other_session(pilot, app)
        assert any("From the shell" in line for line in shown(app))


async def test_empty_plan_says_so_in_every_section(store: PlanStore, make_app: MakeApp) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)):
        text = "\n".join(shown(app))
    for hint in ("Nothing overdue.", "No steps due.", "No reviews planned."):
        assert hint in text


def test_dashboard_snapshot_80x24(snap_compare: Callable[..., bool], demo_store: PlanStore) -> None:
    app = PopApp(demo_store, today=lambda: TODAY)
    assert snap_compare(app, terminal_size=(80, 24))


def test_dashboard_snapshot_60x20(snap_compare: Callable[..., bool], demo_store: PlanStore) -> None:
    app = PopApp(demo_store, today=lambda: TODAY)
    assert snap_compare(app, terminal_size=(60, 20))
