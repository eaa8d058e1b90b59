"""The action plan table and the steps of an action: add, edit, reorder, complete with a
reflection, reopen, reschedule with quick date entry, delete."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from pop_tui.core.model import Action, Goal, Reflection, Step
from pop_tui.store.plan_store import PlanStore
from pop_tui.ui.app import PopApp
from pop_tui.ui.dialogs.confirm import ConfirmDialog
from pop_tui.ui.dialogs.form import FormDialog
from pop_tui.ui.screens.actions import ActionPlanScreen
from pop_tui.ui.screens.steps import StepsScreen
from pop_tui.ui.widgets.record_list import RecordList
from tests.conftest import NOW, TODAY
from tests.keyboard import type_text

MakeApp = Callable[[PlanStore], PopApp]


def reopened(path: Path) -> PlanStore:
    return PlanStore.open(path, now=lambda: NOW)


def table_rows(app: PopApp) -> list[list[str]]:
    table = app.screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def step_lines(app: PopApp) -> list[str]:
    listing = app.screen.query_one("#steps-list", RecordList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


def steps_of(store: PlanStore, action_text: str) -> list[Step]:
    action = next(a for a in store.plan.actions.values() if a.action == action_text)
    return sorted(
        (s for s in store.plan.steps.values() if s.action_id == action.id), key=lambda s: s.order
    )


async def open_plan(pilot: Pilot[None]) -> None:
    await pilot.press("5")
    await pilot.pause()


async def open_steps_of_row(pilot: Pilot[None], row: int) -> None:
    await open_plan(pilot)
    for _ in range(row):
        await pilot.press("j")
    await pilot.press("enter")
    await pilot.pause()


LEAD = "Take a course in leadership skills"


async def test_the_table_shows_goal_action_result_steps_and_next_due_with_late_rows_marked(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(100, 24)) as pilot:
        await open_plan(pilot)
        assert isinstance(app.screen, ActionPlanScreen)
        rows = table_rows(app)
        assert "Rows with a late step: 3" in app.screen.sub_title
    assert rows[0] == [
        "Get better at leading people",
        LEAD,
        "Better leadership skills",
        "1/3",
        "! 23 Nov",
    ]
    assert rows[2][3:] == ["1/4", "4 Dec"]  # on time: no mark
    assert rows[4][:2] == ["Lead a team within five years", "no action yet: n adds one"]


async def test_adding_an_action_for_the_goal_under_the_cursor(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_plan(pilot)
        await pilot.press("j", "j", "j", "j")  # Lead a team within five years
        await pilot.press("enter")  # a goal without an action: Enter offers to add one
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        # The form starts in its first text field, not on the goal's list: Enter saves.
        assert app.screen.focused is app.screen.query_one("#field-action", Input)
        await type_text(pilot, "Shadow a team lead")
        await pilot.press("tab")
        await type_text(pilot, "Know the job from inside")
        await pilot.press("enter")
        await pilot.pause()
        assert table_rows(app)[4][1] == "Shadow a team lead"
    plan = reopened(plan_path).plan
    action = next(a for a in plan.actions.values() if a.action == "Shadow a team lead")
    assert plan.goals[action.goal_id].title == "Lead a team within five years"
    assert action.result == "Know the job from inside"


async def test_an_action_without_text_is_refused(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    before = plan_path.read_bytes()
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_plan(pilot)
        await pilot.press("n", "enter")
        await pilot.pause()
        assert "cannot be empty" in str(app.screen.query_one("#error-action", Static).render())
        await pilot.press("escape")
        await pilot.pause()
    assert plan_path.read_bytes() == before


async def test_adding_an_action_without_goals_says_to_add_a_goal_first(
    store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_plan(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ActionPlanScreen)


async def test_editing_an_action_and_its_obstacles_then_undo(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_plan(pilot)
        await pilot.press("e")
        await pilot.pause()
        obstacles = app.screen.query_one("#field-obstacles", Input)
        obstacles.focus()
        await type_text(pilot, "No budget left")
        await pilot.press("enter")
        await pilot.pause()
        action = next(a for a in reopened(plan_path).plan.actions.values() if a.action == LEAD)
        assert action.obstacles == "No budget left"
        await pilot.press("u")
        await pilot.pause()
    action = next(a for a in reopened(plan_path).plan.actions.values() if a.action == LEAD)
    assert action.obstacles == "Busy season in spring"


async def test_deleting_an_action_takes_its_steps(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_plan(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "3 step(s)" in str(app.screen.query_one("#confirm-detail", Static).render())
        await pilot.press("y")
        await pilot.pause()
    plan = reopened(plan_path).plan
    assert all(a.action != LEAD for a in plan.actions.values())
    assert all(s.title != "Finish the course" for s in plan.steps.values())


async def test_enter_opens_the_steps_with_the_actions_result_and_obstacles(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_steps_of_row(pilot, 0)
        assert isinstance(app.screen, StepsScreen)
        info = str(app.screen.query_one("#steps-info", Static).render())
        assert "Obstacles: Busy season in spring" in info
        assert "Expected result: Better leadership skills" in info
        lines = step_lines(app)
        assert lines[0].startswith("[x] done 27 Oct")
        assert lines[1].startswith("[ ] ! 23 Nov") and "6 days ago" in lines[1]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ActionPlanScreen)


async def test_completing_a_step_offers_a_reflection_that_is_saved(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_steps_of_row(pilot, 0)
        await pilot.press("j", "space")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await type_text(pilot, "Sign up early")
        await pilot.press("tab")
        await type_text(pilot, "Ask HR first")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StepsScreen)
    store = reopened(plan_path)
    step = steps_of(store, LEAD)[1]
    assert step.done_on == TODAY
    reflection = next(r for r in store.plan.table(Reflection).values() if r.step_id == step.id)
    assert (reflection.learned, reflection.differently, reflection.on) == (
        "Sign up early",
        "Ask HR first",
        TODAY,
    )


async def test_the_reflection_can_be_skipped_and_the_step_stays_done(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    reflections = len(demo_store.plan.table(Reflection))
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_steps_of_row(pilot, 0)
        await pilot.press("j", "space")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StepsScreen)
        # Space again reopens it.
        await pilot.press("space")
        await pilot.pause()
        assert steps_of(reopened(plan_path), LEAD)[1].done_on is None
        await pilot.press("u")
        await pilot.pause()
    store = reopened(plan_path)
    assert steps_of(store, LEAD)[1].done_on == TODAY
    assert len(store.plan.table(Reflection)) == reflections


async def test_w_writes_a_reflection_on_a_step_later(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    # The reflection skipped when the step was ticked done can be written afterwards.
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_steps_of_row(pilot, 0)
        await pilot.press("j", "w")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await type_text(pilot, "Start with a small team")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StepsScreen)
    store = reopened(plan_path)
    step = steps_of(store, LEAD)[1]
    assert step.done_on is None, "writing a reflection does not tick the step"
    reflection = next(r for r in store.plan.table(Reflection).values() if r.step_id == step.id)
    assert reflection.learned == "Start with a small team"


async def test_rescheduling_a_step_with_quick_date_entry(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_steps_of_row(pilot, 0)
        await pilot.press("j", "r")
        await pilot.pause()
        await type_text(pilot, "+2w")
        await pilot.pause()
        hint = str(app.screen.query_one("#hint-due", Static).render())
        assert "Sun 13 Dec 2026, in 14 days" in hint
        await pilot.press("enter")
        await pilot.pause()
    assert steps_of(reopened(plan_path), LEAD)[1].due == TODAY + timedelta(days=14)


async def test_a_bad_date_is_refused_with_the_accepted_forms(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    before = plan_path.read_bytes()
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_steps_of_row(pilot, 0)
        await pilot.press("j", "r")
        await type_text(pilot, "31-02-2027")
        await pilot.press("enter")
        await pilot.pause()
        message = str(app.screen.query_one("#error-due", Static).render())
        assert '"31-02-2027" does not exist' in message
        assert "Try: 2026-12-01" in message
        await pilot.press("escape")
        await pilot.pause()
    assert plan_path.read_bytes() == before


async def test_a_bad_date_shows_its_error_as_it_is_typed(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    before = plan_path.read_bytes()
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_steps_of_row(pilot, 0)
        await pilot.press("j", "r")
        await type_text(pilot, "31-02-2027")
        await pilot.pause()
        error = app.screen.query_one("#error-due", Static)
        assert '"31-02-2027" does not exist' in str(error.render())
        assert error.has_class("-shown"), "shown before Enter"
        # Typing it right clears the error and previews the date instead.
        await pilot.press(*["backspace"] * 10)
        await type_text(pilot, "next friday")
        await pilot.pause()
        assert not error.has_class("-shown")
        hint = str(app.screen.query_one("#hint-due", Static).render())
        assert "Fri 4 Dec 2026, in 5 days" in hint
        await pilot.press("escape")
        await pilot.pause()
    assert plan_path.read_bytes() == before


async def test_a_new_step_due_in_the_past_warns_that_it_is_late_at_once(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_steps_of_row(pilot, 0)
        await pilot.press("n")
        await type_text(pilot, "Book the room")
        await pilot.press("tab")
        await type_text(pilot, "yesterday")
        await pilot.pause()
        hint = app.screen.query_one("#hint-due", Static)
        assert "in the past: this is late at once" in str(hint.render())
        assert hint.has_class("-late")
        await pilot.press(*["backspace"] * 9)
        await type_text(pilot, "tomorrow")
        await pilot.pause()
        assert "late" not in str(hint.render())
        # Still allowed: a step can be entered after the fact.
        await pilot.press(*["backspace"] * 8)
        await type_text(pilot, "yesterday")
        await pilot.press("enter")
        await pilot.pause()
    assert steps_of(reopened(plan_path), LEAD)[-1].due == TODAY - timedelta(days=1)


async def test_adding_editing_reordering_and_deleting_steps(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_steps_of_row(pilot, 0)
        await pilot.press("n")
        await type_text(pilot, "Ask my manager for budget")
        await pilot.press("tab")
        await type_text(pilot, "fri")
        await pilot.press("enter")
        await pilot.pause()
        titles = [s.title for s in steps_of(reopened(plan_path), LEAD)]
        assert titles[-1] == "Ask my manager for budget"
        assert steps_of(reopened(plan_path), LEAD)[-1].due == date(2026, 12, 4)
        # The cursor is on the new step: move it to the top.
        await pilot.press("K", "K", "K")
        await pilot.pause()
        assert steps_of(reopened(plan_path), LEAD)[0].title == "Ask my manager for budget"
        await pilot.press("e", "end")
        await type_text(pilot, " and time")
        await pilot.press("enter")
        await pilot.pause()
        assert steps_of(reopened(plan_path), LEAD)[0].title == "Ask my manager for budget and time"
        await pilot.press("d", "y")
        await pilot.pause()
    titles = [s.title for s in steps_of(reopened(plan_path), LEAD)]
    assert titles == ["Find a suitable course", "Sign up for the course", "Finish the course"]


async def test_steps_without_an_action_get_a_row_of_their_own(
    store: PlanStore, make_app: MakeApp
) -> None:
    def setup(edit: object) -> None:
        from pop_tui.core.edit import Edit

        assert isinstance(edit, Edit)
        goal = edit.add(Goal, title="Run a 10k")
        edit.add(Step, goal_id=goal.id, title="Buy shoes", due=TODAY - timedelta(days=2))
        edit.add(Action, goal_id=goal.id, action="Train three times a week")

    store.apply("x", setup)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_plan(pilot)
        rows = table_rows(app)
        assert rows[1][1] == "(steps without an action)"
        assert rows[1][4] == "! 27 Nov"
        await pilot.press("j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, StepsScreen)
        assert step_lines(app)[0].startswith("[ ] ! 27 Nov")


def test_action_plan_snapshot_80x24(
    snap_compare: Callable[..., bool], demo_store: PlanStore
) -> None:
    app = PopApp(demo_store, today=lambda: TODAY)
    assert snap_compare(app, terminal_size=(80, 24), press=["5"])


def test_steps_snapshot_80x24(snap_compare: Callable[..., bool], demo_store: PlanStore) -> None:
    app = PopApp(demo_store, today=lambda: TODAY)
    assert snap_compare(app, terminal_size=(80, 24), press=["5", "j", "j", "j", "enter"])


def test_late_due_date_warning_snapshot_80x24(
    snap_compare: Callable[..., bool], demo_store: PlanStore
) -> None:
    # A new step due yesterday: the preview says so while it is typed.
    app = PopApp(demo_store, today=lambda: TODAY)
    keys = ["5", "j", "j", "j", "enter", "n", *"Book the room", "tab", *"yesterday"]
    assert snap_compare(app, terminal_size=(80, 24), press=keys)
