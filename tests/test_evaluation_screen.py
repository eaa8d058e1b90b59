"""The evaluation section (key 6) and the review wizard, driven by keys as a person would."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import ContentSwitcher, Input, OptionList, Select, Static

from pop_tui.core import ops
from pop_tui.core.model import Feedback, GoalChange, Plan, ProgressEntry, Reflection
from pop_tui.store.plan_store import PlanStore
from pop_tui.ui.app import PopApp
from pop_tui.ui.dialogs.confirm import ConfirmDialog
from pop_tui.ui.dialogs.form import FormDialog
from pop_tui.ui.screens.dashboard import DashboardScreen
from pop_tui.ui.screens.evaluation import EvaluationScreen
from pop_tui.ui.screens.review_wizard import ReviewWizard
from pop_tui.ui.widgets.record_list import RecordList
from tests.conftest import NOW, TODAY
from tests.keyboard import press_keys, type_text
from tests.screen_text import screen_text

MakeApp = Callable[[PlanStore], PopApp]


def reopened(path: Path) -> PlanStore:
    return PlanStore.open(path, now=lambda: NOW)


def goal_id(plan: Plan, title: str) -> int:
    return next(g.id for g in plan.goals.values() if g.title.startswith(title))


def shown(app: PopApp) -> list[str]:
    """The list's lines, with runs of spaces made one (column widths are not the point)."""
    listing = app.screen.query_one(OptionList)
    return [
        " ".join(str(listing.get_option_at_index(i).prompt).split())
        for i in range(listing.option_count)
    ]


def detail(app: PopApp) -> str:
    return str(app.screen.query_one("#evaluation-detail", Static).render())


async def open_evaluation(pilot: Pilot[None]) -> None:
    await pilot.press("6")
    await pilot.pause()


async def go_to(pilot: Pilot[None], app: PopApp, option_id: str) -> None:
    listing = app.screen.query_one("#evaluation-list", RecordList)
    for index in range(listing.option_count):
        if listing.get_option_at_index(index).id == option_id:
            listing.highlighted = index
            await pilot.pause()
            return
    raise AssertionError(f"{option_id!r} is not shown")


def wizard_page_title(app: PopApp) -> str:
    return str(app.screen.query_one("#wizard-heading", Static).render())


# The demo plan's goals in the order of a review of the whole plan, and what a person types
# for each: the current value where there is a measure, then what went well and what to change.
FULL_REVIEW: list[tuple[str, ...]] = [
    # Get better at leading people (counted by steps): notes, and a later deadline with a reason.
    (
        *"Found a course",
        "tab",
        *"Sign up this week",
        "tab",
        "tab",
        *"2027-06-30",
        "tab",
        "tab",
        *"Course starts in May",
        "enter",
    ),
    ("2", "tab", *"Read a second book", "enter"),  # Learn more about marketing: 1 -> 2 books
    ("tab", *"Asked for feedback", "enter"),  # Communicate better (steps)
    (*"62", "enter"),  # Spreadsheet skills: 55 -> 62 %
    ("enter",),  # Lead a team within five years: nothing this time
    ("enter",),  # Speak Spanish: nothing this time
]


async def hold_full_review(pilot: Pilot[None], app: PopApp) -> int:
    """Open the section, hold the next review with FULL_REVIEW and the notes; the key count."""
    keys: list[str] = ["6", "r"]
    await open_evaluation(pilot)
    await pilot.press("r")
    await pilot.pause()
    assert isinstance(app.screen, ReviewWizard)
    for number, typed in enumerate(FULL_REVIEW, 1):
        assert f"Goal {number} of 6" in wizard_page_title(app)
        await press_keys(pilot, typed)
        await pilot.pause()
        keys += typed
    assert "Summary" in wizard_page_title(app)
    notes = (*"A good month", "enter")
    await press_keys(pilot, notes)
    await pilot.pause()
    keys += notes
    return len(keys)


async def test_a_full_review_by_keyboard_is_saved_and_survives_reopening(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    before = reopened(plan_path).plan
    lead = goal_id(before, "Get better at leading")
    marketing = goal_id(before, "Learn more about marketing")
    sheets = goal_id(before, "Spreadsheet skills")
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        count = await hold_full_review(pilot, app)
        assert isinstance(app.screen, EvaluationScreen)
        # The section shows the review moved on and the new progress.
        assert app.screen.sub_title == "Next review Wed 9 Dec 2026"
        lines = shown(app)
        assert any("50%" in line and "Learn more about marketing" in line for line in lines)
        assert any("Monthly look at my plan" in line and "3 goal note(s)" in line for line in lines)
        assert any("deadline: Wed 28 Apr 2027 → Wed 30 Jun 2027" in line for line in lines)
        monthly_id = next(
            r.id for r in demo_store.plan.reviews.values() if r.title == "Monthly look at my plan"
        )
        await go_to(pilot, app, f"held:{monthly_id}.0")
        assert "Notes: A good month" in detail(app)
        assert "Get better at leading people: Found a course / Sign up this week" in detail(app)
        await pilot.press("e", "d")  # history: neither edited nor deleted
        await pilot.pause()
        assert isinstance(app.screen, EvaluationScreen)
    # Two minutes of typing at a slow two keys a second: this review takes about half of that.
    assert count <= 240

    plan = reopened(plan_path).plan
    measured = [(p.goal_id, p.value) for p in plan.table(ProgressEntry).values() if p.on == TODAY]
    assert sorted(measured) == sorted([(marketing, 2.0), (sheets, 62.0)])
    assert plan.goals[marketing].current == 2.0
    assert plan.goals[sheets].current == 62.0
    (change,) = [c for c in plan.table(GoalChange).values() if c.on == TODAY]
    assert (change.goal_id, change.field, change.before, change.after, change.reason) == (
        lead,
        "deadline",
        "2027-04-28",
        "2027-06-30",
        "Course starts in May",
    )
    assert plan.goals[lead].deadline == date(2027, 6, 30)
    notes = {
        r.goal_id: (r.learned, r.differently)
        for r in plan.table(Reflection).values()
        if r.on == TODAY
    }
    assert notes[lead] == ("Found a course", "Sign up this week")
    assert notes[marketing] == ("Read a second book", "")
    monthly = next(r for r in plan.reviews.values() if r.title == "Monthly look at my plan")
    assert [(h.on, h.notes) for h in monthly.held] == [(TODAY, "A good month")]
    assert monthly.next_on == date(2027, 1, 4)  # due 4 Dec, held early: the next month's date


async def test_after_a_review_the_dashboard_shows_the_new_pace_and_next_review(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        before = "\n".join(shown(app))
        await hold_full_review(pilot, app)
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        after = "\n".join(shown(app))
    assert "in 5 days Monthly look at my plan" in before
    assert "Monthly look at my plan" not in after  # moved on to 4 January
    assert "██░░░░░░░░ 25% behind Learn more about marketing" in before
    assert "█████░░░░░ 50% on track Learn more about marketing" in after


async def test_one_undo_takes_back_the_whole_review(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    before = reopened(plan_path).plan
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await hold_full_review(pilot, app)
        assert reopened(plan_path).plan != before
        await pilot.press("u")
        await pilot.pause()
    assert reopened(plan_path).plan == before


async def test_escape_leaves_the_wizard_and_saves_nothing(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    before = reopened(plan_path)
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_evaluation(pilot)
        await pilot.press("r")
        await pilot.pause()
        await type_text(pilot, "Went well")
        await pilot.press("enter", "9", "enter", "tab")
        await type_text(pilot, "x")
        await pilot.pause()
        assert "Goal 3 of 6" in wizard_page_title(app)
        # Typing would be lost: Escape asks first; n goes back with the typing.
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Leave this review without saving?" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ReviewWizard)
        assert "Goal 3 of 6" in wizard_page_title(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, EvaluationScreen)
    after = reopened(plan_path)
    assert after.revision == before.revision
    assert after.plan == before.plan


async def test_escape_from_an_untouched_wizard_leaves_at_once(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_evaluation(pilot)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, EvaluationScreen)


async def test_an_adjustment_without_a_reason_is_stopped_at_the_reason(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_evaluation(pilot)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("tab", "tab", "tab")
        await type_text(pilot, "2027-06-30")
        await pilot.press("enter")
        await pilot.pause()
        assert "Goal 1 of 6" in wizard_page_title(app)
        error = app.screen.query_one(".error-reason", Static)
        assert "Say why the goal changes" in str(error.render())
        assert app.focused is not None and app.focused.has_class("wiz-reason")
        await type_text(pilot, "Later course")
        await pilot.press("enter")
        await pilot.pause()
        assert "Goal 2 of 6" in wizard_page_title(app)


async def test_reaching_the_target_suggests_done_and_page_up_goes_back(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_evaluation(pilot)
        await pilot.press("r", "enter", "enter", "enter")
        await pilot.pause()
        assert "Goal 4 of 6" in wizard_page_title(app)
        await type_text(pilot, "80")
        await pilot.pause()
        suggestion = [
            str(s.render()) for s in app.screen.query(".wizard-suggestion").results(Static)
        ]
        assert any("Suggested status: done" in s for s in suggestion)
        await pilot.press("pageup")
        await pilot.pause()
        assert "Goal 3 of 6" in wizard_page_title(app)
        await pilot.press("pagedown", "enter", "enter", "enter")
        await pilot.pause()
        assert "Summary" in wizard_page_title(app)
        await pilot.press("enter")
        await pilot.pause()
    plan = reopened(plan_path).plan
    sheets = plan.goals[goal_id(plan, "Spreadsheet skills")]
    assert (sheets.current, sheets.status) == (80.0, "done")
    (change,) = [c for c in plan.table(GoalChange).values() if c.on == TODAY]
    assert (change.field, change.after, change.reason) == ("status", "done", "Target reached")


async def test_holding_an_overdue_review_moves_it_off_the_dashboard(
    store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    store.apply(
        "plan",
        lambda edit: ops.schedule_review(
            edit, "Look back", TODAY - timedelta(days=3), "FREQ=WEEKLY"
        ),
    )
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        assert any("3 d late Look back" in line for line in shown(app))
        await open_evaluation(pilot)
        await pilot.press("r")
        await pilot.pause()
        assert "Summary" in wizard_page_title(app)  # no goals: straight to the summary
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        lines = shown(app)
    assert not any("late Look back" in line for line in lines)
    assert any("in 4 days Look back" in line for line in lines)  # Thursday 3 December
    assert reopened(plan_path).plan.reviews[1].next_on == date(2026, 12, 3)


async def test_late_feedback_shows_on_the_dashboard_and_an_answer_clears_it(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        text = "\n".join(shown(app))
        assert "Feedback past its date\n3 d late my manager · How do I come across" in text
        await open_evaluation(pilot)
        feedback = next(iter(reopened(plan_path).plan.table(Feedback)))
        await go_to(pilot, app, f"feedback:{feedback}")
        assert "No answer yet" in detail(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await type_text(pilot, "Calm, but speak up sooner")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EvaluationScreen)
        assert "Answer (Sun 29 Nov 2026): Calm, but speak up sooner" in detail(app)
        await pilot.press("1")
        await pilot.pause()
        text = "\n".join(shown(app))
    assert "No feedback overdue." in text
    answered = reopened(plan_path).plan.table(Feedback)[feedback]
    assert (answered.answer, answered.answered_on) == ("Calm, but speak up sooner", TODAY)


async def test_asking_for_feedback_keeps_whom_about_what_and_by_when(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_evaluation(pilot)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        # From whom, the goal (the one under the cursor), the question, asked on, wanted by.
        await type_text(pilot, "Kim")
        await pilot.press("tab", "tab")
        await type_text(pilot, "Do my reports help you?")
        await pilot.press("tab", "tab")
        await type_text(pilot, "+2w")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EvaluationScreen)
    plan = reopened(plan_path).plan
    asked = next(f for f in plan.table(Feedback).values() if f.from_whom == "Kim")
    assert asked.goal_id == goal_id(plan, "Get better at leading")
    assert (asked.question, asked.asked_on, asked.wanted_by) == (
        "Do my reports help you?",
        TODAY,
        date(2026, 12, 13),
    )


async def test_a_reflection_can_be_written_without_a_step(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_evaluation(pilot)
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("tab", "tab", "tab", "enter")  # both texts empty: refused
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert "Write what you learned" in str(app.screen.query_one("#error-learned").render())
        app.screen.query_one("#field-learned", Input).focus()
        await type_text(pilot, "Small steps keep me going")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EvaluationScreen)
        assert any("Small steps keep me going" in line for line in shown(app))
    plan = reopened(plan_path).plan
    written = next(r for r in plan.table(Reflection).values() if r.on == TODAY)
    assert (written.step_id, written.goal_id, written.learned) == (
        None,
        goal_id(plan, "Get better at leading"),
        "Small steps keep me going",
    )


async def test_the_reflections_list_shows_what_went_well_and_what_to_change(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_evaluation(pilot)
        await pilot.press("w")
        await pilot.pause()
        await type_text(pilot, "Asked early")
        await pilot.press("tab")
        await type_text(pilot, "Ask for help sooner")
        await pilot.press("enter")
        await pilot.pause()
        assert any("Asked early · to change: Ask for help sooner" in line for line in shown(app))
        await pilot.press("w")
        await pilot.pause()
        app.screen.query_one("#field-differently", Input).focus()
        await type_text(pilot, "Plan the week on Monday")
        await pilot.press("enter")
        await pilot.pause()
        assert any("to change: Plan the week on Monday" in line for line in shown(app))


async def test_planning_a_recurring_review_checks_the_repeat(
    store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_evaluation(pilot)
        await go_to(pilot, app, "review:0")
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("tab", "tab")
        await type_text(pilot, "eom")
        await pilot.press("tab")
        await type_text(pilot, "now and then")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert "now and then" in str(app.screen.query_one("#error-rule").render())
        field = app.screen.query_one("#field-rule", Input)
        field.value = ""
        await type_text(pilot, "monthly")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EvaluationScreen)
        assert app.screen.sub_title == "Next review Mon 30 Nov 2026"
    (review,) = reopened(plan_path).plan.reviews.values()
    assert (review.title, review.start, review.next_on) == (
        "Review of my plan",
        date(2026, 11, 30),
        date(2026, 11, 30),
    )
    assert review.rule == "FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1"


async def test_user_text_is_shown_as_text_not_markup(store: PlanStore, make_app: MakeApp) -> None:
    store.apply(
        "plan",
        lambda edit: edit.add(
            Feedback, from_whom="[bold]Kim[/]", question="\x1b[31mred?", asked_on=TODAY
        ),
    )
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_evaluation(pilot)
        lines = "\n".join(shown(app))
    assert "[bold]Kim[/] · ␛[31mred?" in lines


def test_evaluation_snapshot_80x24(
    snap_compare: Callable[..., bool], demo_store: PlanStore
) -> None:
    app = PopApp(demo_store, today=lambda: TODAY)
    assert snap_compare(app, terminal_size=(80, 24), press=["6"])


def test_review_wizard_snapshot_80x24(
    snap_compare: Callable[..., bool], demo_store: PlanStore
) -> None:
    app = PopApp(demo_store, today=lambda: TODAY)
    assert snap_compare(app, terminal_size=(80, 24), press=["6", "r", "enter", "enter", "enter"])


async def test_a_status_picked_by_hand_is_kept_and_needs_a_reason(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_evaluation(pilot)
        await pilot.press("r", "enter", "enter", "enter")
        await pilot.pause()
        assert "Goal 4 of 6" in wizard_page_title(app)
        page = app.screen.query_one("#wizard-pages", ContentSwitcher).visible_content
        assert page is not None
        status = page.query_one(".wiz-status", Select)
        status.value = "dropped"
        await pilot.pause()
        page.query_one(".wiz-value", Input).focus()
        await type_text(pilot, "80")
        await pilot.pause()
        assert status.value == "dropped"  # the suggestion (done) does not overrule it
        await pilot.press("enter")
        await pilot.pause()
        assert "Goal 4 of 6" in wizard_page_title(app)
        assert "Say why the goal changes" in str(page.query_one(".error-reason", Static).render())


async def test_typing_right_after_w_is_the_reflection_itself(
    demo_store: PlanStore, make_app: MakeApp, plan_path: Path
) -> None:
    # The form opens on "what I learned", not on the choice of a goal, which would
    # swallow the typing.
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_evaluation(pilot)
        await pilot.press("w")
        await pilot.pause()
        await type_text(pilot, "Ask for help sooner")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EvaluationScreen)
    plan = reopened(plan_path).plan
    written = next(r for r in plan.table(Reflection).values() if r.on == TODAY)
    assert written.learned == "Ask for help sooner"
