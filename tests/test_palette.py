"""The command palette: find any goal, action, step or review by typing part of its title,
and run what makes sense on the screen it was opened on."""

from __future__ import annotations

from collections.abc import Callable

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

from pop_tui.core.model import Goal
from pop_tui.core.texts import set_language, t
from pop_tui.store.plan_store import PlanStore
from pop_tui.ui.app import PopApp
from pop_tui.ui.dialogs.goal_form import GoalForm
from pop_tui.ui.screens.steps import StepsScreen
from pop_tui.ui.settings import read_settings, settings_path
from pop_tui.ui.widgets.record_list import RecordList
from tests.keyboard import type_text
from tests.screen_text import screen_text

MakeApp = Callable[[PlanStore], PopApp]


async def search(pilot: Pilot[None], text: str) -> str:
    await pilot.press("slash")
    await pilot.pause()
    await type_text(pilot, text)
    await pilot.pause(0.3)
    return screen_text(pilot.app)


async def choose(pilot: Pilot[None], text: str) -> None:
    await search(pilot, text)
    await pilot.press("down", "enter")
    await pilot.pause()


async def test_typing_part_of_a_goal_title_shows_the_goal_in_the_goals_section(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    goal = next(g for g in demo_store.plan.goals.values() if "Spanish" in g.title)
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        shown = await search(pilot, "spanish b1")
        assert f"Goal: {goal.title}" in shown
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.current_mode == "goals"
        assert app.screen.query_one(RecordList).highlighted_id == f"goal:{goal.id}"


async def test_choosing_a_step_opens_the_steps_of_its_action_on_it(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    step = next(s for s in demo_store.plan.steps.values() if s.title == "Module 2: pivot tables")
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await choose(pilot, "module 2 pivot")
        assert app.current_mode == "actions"
        assert isinstance(app.screen, StepsScreen)
        assert app.screen.action_id == step.action_id
        assert app.screen.listing.highlighted_id == f"step:{step.id}"


async def test_choosing_an_action_puts_the_cursor_on_its_row(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    action = next(iter(demo_store.plan.actions.values()))
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await choose(pilot, action.action)
        assert app.current_mode == "actions"
        rows = [row.key for row in app.screen.rows]  # type: ignore[attr-defined]
        assert rows[app.screen.table.cursor_row] == f"action:{action.id}"  # type: ignore[attr-defined]


async def test_choosing_a_review_shows_it_where_it_is_listed(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    review = next(r for r in demo_store.plan.reviews.values() if r.title.startswith("Monthly"))
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        shown = await search(pilot, "monthly look")
        assert f"Review: {review.title}" in shown
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.current_mode in ("evaluation", "dashboard")
        assert not isinstance(app.screen, CommandPalette)
        assert not any("not shown" in n.message for n in app._notifications)


async def test_a_title_with_markup_is_found_and_shown_as_typed(
    store: PlanStore, make_app: MakeApp
) -> None:
    store.apply("add", lambda e: e.add(Goal, title="[bold]Read[/bold] more [@click=app.quit]"))
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        shown = await search(pilot, "read more")
        assert "Goal: [bold]Read[/bold] more [@click=app.quit]" in shown
        assert app.is_running


async def test_the_screen_s_own_keys_come_first_and_every_command_is_offered(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "enter")
        await search(pilot, "")
        listing = app.screen.query_one(CommandList)
        # Each option shows the command and, below it, its help.
        lines = [
            str(listing.get_option_at_index(i).prompt).split("\n")[0]
            for i in range(listing.option_count)
        ]
    first = lines.index("Reschedule")
    assert first < lines.index("Go to Dashboard") < lines.index("New goal")
    for key in ("palette.checkin", "palette.export", "palette.language", "palette.theme"):
        assert t(key) in lines


async def test_new_goal_from_the_palette_opens_the_goal_form(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await choose(pilot, "new goal")
        assert app.current_mode == "goals"
        assert isinstance(app.screen, GoalForm)


async def test_nothing_is_offered_over_a_dialog(demo_store: PlanStore, make_app: MakeApp) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "slash")
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)


async def test_nothing_found_is_said_in_the_language_of_pop(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    set_language("nl")
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await search(pilot, "zqxzqx")
        await pilot.pause(1.0)
        text = screen_text(app)
    assert "Niets gevonden" in text
    assert "Typ een deel van een titel" not in text  # the query replaced the placeholder


async def test_a_theme_chosen_in_the_palette_is_used_and_remembered(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await choose(pilot, "change colours")
        await type_text(pilot, "nord")
        await pilot.pause(0.3)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.theme == "nord"
    assert read_settings(settings_path()) == {"theme": "nord"}
    again = make_app(demo_store)
    async with again.run_test(size=(80, 24)):
        assert again.theme == "nord"


async def test_holding_a_review_from_the_palette_starts_it_in_the_evaluation_section(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await choose(pilot, "hold a review")
        assert app.current_mode == "evaluation"
        assert len(app.screen_stack) == 2  # the review, over the evaluation screen
