"""The analysis screen: the SWOT quadrants and trends, edited with the keyboard alone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Input

from pop_tui.core import coverage
from pop_tui.core.model import SwotItem, Trend
from pop_tui.store.plan_store import PlanStore
from pop_tui.ui.app import PopApp
from pop_tui.ui.dialogs.confirm import ConfirmDialog
from pop_tui.ui.dialogs.form import FormDialog
from pop_tui.ui.screens.analysis import AnalysisScreen
from pop_tui.ui.widgets.record_list import RecordList
from tests.conftest import NOW, TODAY
from tests.keyboard import type_text

MakeApp = Callable[[PlanStore], PopApp]


def reopened(path: Path) -> PlanStore:
    return PlanStore.open(path, now=lambda: NOW)


def texts(store: PlanStore, quadrant: str) -> list[str]:
    return [i.text for i in coverage.swot_quadrant(store.plan, quadrant)]  # type: ignore[arg-type]


def lines(app: PopApp, name: str) -> list[str]:
    listing = app.screen.query_one(f"#list-{name}", RecordList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def open_analysis(pilot: object) -> None:
    await pilot.press("2")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_number_key_two_opens_the_swot_in_four_quadrants_with_trends(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_analysis(pilot)
        assert isinstance(app.screen, AnalysisScreen)
        assert "  Good at analysing data\n   → Spreadsheet skills from basic to advanced" in lines(
            app, "S"
        )
        assert lines(app, "trends") == [
            "AI tools take over routine analysis",
            "Employers ask for data skills in every role",
        ]


async def test_a_threat_no_goal_addresses_is_marked(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_analysis(pilot)
        threats = lines(app, "T")
        assert "! A reorganisation is planned\n   no goal addresses this yet" in threats
        assert threats[0].startswith("  Routine reports")  # addressed: no mark
        assert "without a goal: 1" in app.screen.sub_title


async def test_adding_an_item_to_the_focused_quadrant_saves_it(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_analysis(pilot)
        await pilot.press("l")  # Strengths -> Weaknesses
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await type_text(pilot, "Impatient with slow tools")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AnalysisScreen)
        assert app.screen.listing("W").highlighted_id is not None
    assert texts(reopened(plan_path), "W")[-1] == "Impatient with slow tools"


async def test_an_empty_text_is_refused_at_the_field_and_nothing_is_saved(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    before = plan_path.read_bytes()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_analysis(pilot)
        await pilot.press("n", "space", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        error = app.screen.query_one("#error-text")
        assert "cannot be empty" in str(error.render())
        assert app.screen.focused is app.screen.query_one("#field-text", Input)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AnalysisScreen)
    assert plan_path.read_bytes() == before


async def test_editing_an_item_changes_its_text_and_undo_brings_the_old_one_back(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_analysis(pilot)
        await pilot.press("e")
        await pilot.pause()
        field = app.screen.query_one("#field-text", Input)
        assert field.value == "Good at analysing data"
        field.value = ""
        await type_text(pilot, "Good at statistics")
        await pilot.press("enter")
        await pilot.pause()
        assert texts(reopened(plan_path), "S")[0] == "Good at statistics"
        await pilot.press("u")
        await pilot.pause()
        assert texts(reopened(plan_path), "S")[0] == "Good at analysing data"
        assert lines(app, "S")[0].startswith("  Good at analysing data")


async def test_escape_in_the_edit_form_changes_nothing(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    before = plan_path.read_bytes()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_analysis(pilot)
        await pilot.press("e")
        await type_text(pilot, "and more")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AnalysisScreen)
    assert plan_path.read_bytes() == before


async def test_deleting_asks_first_and_unlinks_the_item_from_its_goals(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_analysis(pilot)
        await pilot.press("l", "d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # keep it
        await pilot.pause()
        assert texts(reopened(plan_path), "W")[0] == "I avoid difficult conversations"
        await pilot.press("d", "y")
        await pilot.pause()
    plan = reopened(plan_path).plan
    assert texts(reopened(plan_path), "W") == ["Little knowledge of marketing"]
    assert all(
        len(g.swot_ids) == len(set(g.swot_ids) & set(plan.swot)) for g in plan.goals.values()
    )


async def test_shift_j_and_shift_k_reorder_within_the_quadrant(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_analysis(pilot)
        await pilot.press("J")
        await pilot.pause()
        assert texts(reopened(plan_path), "S") == ["Calm under pressure", "Good at analysing data"]
        # The cursor moved with the item, so K moves it back.
        await pilot.press("K")
        await pilot.pause()
    assert texts(reopened(plan_path), "S") == ["Good at analysing data", "Calm under pressure"]


async def test_m_moves_an_item_to_another_quadrant(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_analysis(pilot)
        await pilot.press("m", "o")  # S -> O, by its letter
        await pilot.pause()
        assert app.screen.focused is app.screen.query_one("#list-O")
    store = reopened(plan_path)
    assert texts(store, "O")[-1] == "Good at analysing data"
    assert texts(store, "S") == ["Calm under pressure"]


async def test_arrows_move_between_quadrants_at_their_edges(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_analysis(pilot)
        screen = app.screen
        assert screen.focused is screen.query_one("#list-S")
        await pilot.press("down", "down")  # past the last strength into Opportunities
        await pilot.pause()
        assert screen.focused is screen.query_one("#list-O")
        await pilot.press("right")
        assert screen.focused is screen.query_one("#list-T")
        await pilot.press("j", "j")
        await pilot.pause()
        assert screen.focused is screen.query_one("#list-trends")
        await pilot.press("k")
        await pilot.pause()
        assert screen.focused is screen.query_one("#list-O")


async def test_trends_are_added_and_deleted_in_their_own_list(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_analysis(pilot)
        app.screen.query_one("#list-trends").focus()
        await pilot.pause()
        await pilot.press("n")
        await type_text(pilot, "Remote work is here to stay")
        await pilot.press("enter")
        await pilot.pause()
        trends = sorted(reopened(plan_path).plan.table(Trend).values(), key=lambda t: t.order)
        assert trends[-1].text == "Remote work is here to stay"
        await pilot.press("d", "y")
        await pilot.pause()
    assert len(reopened(plan_path).plan.table(Trend)) == 2


async def test_an_empty_plan_shows_hints_and_adds_the_first_item(
    store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_analysis(pilot)
        assert lines(app, "S") == ["  Nothing yet: n adds one."]
        await pilot.press("n")
        await type_text(pilot, "Curious")
        await pilot.press("enter")
        await pilot.pause()
        assert lines(app, "S") == ["  Curious"]
    assert [i.text for i in reopened(plan_path).plan.table(SwotItem).values()] == ["Curious"]


async def test_markup_and_control_characters_in_items_are_shown_as_typed(
    store: PlanStore, make_app: MakeApp
) -> None:
    store.apply("x", lambda e: e.add(SwotItem, quadrant="S", text="[red]x[/red]\x1b[2J"))
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_analysis(pilot)
        assert lines(app, "S") == ["  [red]x[/red]\u241b[2J"]


async def test_an_item_with_control_characters_is_edited_safely_and_kept_as_it_was(
    store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    store.apply("x", lambda e: e.add(SwotItem, quadrant="S", text="AB\x1b[2JCD"))
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_analysis(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#field-text", Input).value == "AB\u241b[2JCD"
        # Only the quadrant changes: the text is saved as it was, not as it was shown.
        app.screen.query_one("#field-quadrant").focus()
        await pilot.press("enter", "down", "enter", "ctrl+s")
        await pilot.pause()
    item = next(iter(reopened(plan_path).plan.swot.values()))
    assert (item.quadrant, item.text) == ("W", "AB\x1b[2JCD")


async def test_narrow_terminal_stacks_the_quadrants(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(60, 20)) as pilot:
        await open_analysis(pilot)
        strengths = app.screen.query_one("#list-S")
        weaknesses = app.screen.query_one("#list-W")
        assert app.screen.has_class("-narrow")
        assert weaknesses.region.y > strengths.region.y
        assert weaknesses.region.x == strengths.region.x


def test_analysis_snapshot_80x24(snap_compare: Callable[..., bool], demo_store: PlanStore) -> None:
    app = PopApp(demo_store, today=lambda: TODAY)
    assert snap_compare(app, terminal_size=(80, 24), press=["2"])
