"""The guided start: an empty plan opens it; each step is the section's own form, saved at
once and skipped with Escape; at the end there is a SMART goal with a dated step and a
review moment."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.pilot import Pilot
from textual.widgets import Input

from pop_tui.core.smart import check_smart
from pop_tui.core.texts import t
from pop_tui.store.plan_store import PlanStore
from pop_tui.ui.app import PopApp
from pop_tui.ui.dialogs.form import FormDialog
from pop_tui.ui.dialogs.goal_form import GoalForm
from pop_tui.ui.screens.dashboard import DashboardScreen
from pop_tui.ui.screens.guide import GuideWelcome
from tests.conftest import TODAY
from tests.screen_text import screen_text

GOAL = {
    "title": "Spreadsheet skills from basic to advanced",
    "specific": "Master pivot tables, lookups and charts for the campaign reports",
    "metric": "score on the advanced spreadsheet test",
    "unit": "%",
    "baseline": "40",
    "target": "80",
    "why_me": "Reports in half the time",
    "why_employer": "Faster and more reliable figures for the sales target",
    "means": "Online course, two hours a week, paid by my employer",
    "deadline": "2027-09-01",
}


def guided_app(store: PlanStore) -> PopApp:
    return PopApp(store, today=lambda: TODAY)


async def fill(pilot: Pilot[None], values: dict[str, str]) -> None:
    """Type into the open form's fields, then save with F2."""
    form = pilot.app.screen
    assert isinstance(form, FormDialog)
    for name, value in values.items():
        form.query_one(f"#field-{name}", Input).value = value
    await pilot.press("f2")
    await pilot.pause()


async def test_an_empty_plan_opens_the_guided_start(store: PlanStore) -> None:
    app = guided_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, GuideWelcome)
        assert "Welcome to pop" in screen_text(app)


async def test_a_plan_with_anything_in_it_opens_on_the_dashboard(demo_store: PlanStore) -> None:
    app = guided_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)


async def test_the_guided_start_ends_with_a_smart_goal_a_dated_step_and_a_review(
    store: PlanStore,
) -> None:
    app = guided_app(store)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert t("guide.swot.title") in screen_text(app)
        await fill(pilot, {"S": "Good with numbers", "W": "Avoid hard talks", "T": "Automation"})
        assert isinstance(app.screen, GoalForm)
        assert t("guide.goal.title") in screen_text(app)
        await fill(pilot, GOAL)
        assert t("guide.employer.title") in screen_text(app)
        await fill(pilot, {"title": "Grow online sales by 15%", "my_contribution": "Reports"})
        assert t("guide.action.title") in screen_text(app)
        await fill(
            pilot,
            {"action": "Follow an online course", "step": "Sign up", "due": "+1w"},
        )
        assert t("guide.review.title") in screen_text(app)
        await fill(pilot, {})
        assert isinstance(app.screen, DashboardScreen)
        assert any(t("guide.done") == n.message for n in app._notifications)
    plan = store.plan
    assert sorted(i.quadrant + i.text for i in plan.swot.values()) == [
        "SGood with numbers",
        "TAutomation",
        "WAvoid hard talks",
    ]
    (goal,) = plan.goals.values()
    assert check_smart(goal, TODAY).passed
    (employer,) = plan.employer_goals.values()
    assert goal.employer_goal_ids == (employer.id,)
    (action,) = plan.actions.values()
    (step,) = plan.steps.values()
    assert (step.goal_id, step.action_id, step.due) == (goal.id, action.id, date(2026, 12, 6))
    (review,) = plan.reviews.values()
    assert review.next_on == date(2026, 12, 29) and "MONTHLY" in review.rule


async def test_escape_skips_each_step_and_the_next_one_comes(store: PlanStore) -> None:
    app = guided_app(store)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        seen = []
        for _ in range(4):
            await pilot.pause()
            seen.append(app.screen.form_title)  # type: ignore[attr-defined]
            await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
    # No goal was made, so the action plan had nothing to act on and was left out.
    assert seen == [
        t("guide.swot.title"),
        t("guide.goal.title"),
        t("guide.employer.title"),
        t("guide.review.title"),
    ]
    assert not any(store.plan.tables.values())


async def test_not_now_leaves_the_plan_empty_and_says_where_to_find_the_guide(
    store: PlanStore,
) -> None:
    app = guided_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert any(n.message == t("guide.skipped") for n in app._notifications)


async def test_the_palette_starts_the_guided_start_again(
    demo_store: PlanStore, make_app: Callable[[PlanStore], PopApp]
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"guided start")
        await pilot.pause(0.3)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, GuideWelcome)


async def test_each_step_of_the_guided_start_is_one_undo(store: PlanStore) -> None:
    app = guided_app(store)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await fill(pilot, {"S": "Good with numbers"})
        await pilot.press("escape", "escape", "escape")
        await pilot.pause()
        assert len(store.plan.swot) == 1
        await pilot.press("u")
        await pilot.pause()
    assert not store.plan.swot
