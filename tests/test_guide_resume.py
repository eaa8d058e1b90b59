"""The guided start, interrupted anywhere, is found again: its typing comes back as a draft
that reopens the same step, and the dashboard of a half-built plan offers the next step."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from pop_tui.core import guide
from pop_tui.core.edit import Edit
from pop_tui.core.model import Goal, Plan, Review, SwotItem
from pop_tui.core.texts import set_language, t
from pop_tui.store.drafts import list_drafts
from pop_tui.store.plan_store import PlanStore, write_new_plan
from pop_tui.ui.app import PopApp
from pop_tui.ui.dialogs.draft import DraftDialog
from pop_tui.ui.dialogs.form import FormDialog
from pop_tui.ui.dialogs.goal_form import GoalForm
from pop_tui.ui.screens.dashboard import AgendaList, DashboardScreen
from pop_tui.ui.widgets.link_list import LinkList
from tests.conftest import NOW, TODAY
from tests.screen_text import screen_text
from tests.test_drafts import run_until_hangup


def opened(path: Path) -> PlanStore:
    return PlanStore.open(path, now=lambda: NOW)


def highlighted(app: PopApp) -> str:
    listing = app.screen.query_one(AgendaList)
    option = listing.highlighted_option
    return option.id or "" if option is not None else ""


# --- the core ---------------------------------------------------------------------------


def test_the_next_step_is_the_first_part_the_plan_lacks() -> None:
    plan = Plan()
    assert guide.next_step(plan) == "swot"
    edit = Edit(plan)
    edit.add(SwotItem, quadrant="W", text="Avoid hard talks")
    assert guide.steps_left(edit.plan) == ["goal", "employer", "action", "review"]
    edit.add(Review, title="r", start=TODAY, next_on=TODAY)
    assert guide.steps_left(edit.plan) == ["goal", "employer", "action"]
    assert guide.as_step("goal") == "goal" and guide.as_step("nonsense") is None


def test_the_guides_goal_answers_the_weaknesses_and_threats_no_goal_answers() -> None:
    edit = Edit(Plan())
    strength = edit.add(SwotItem, quadrant="S", text="Numbers")
    weak = edit.add(SwotItem, quadrant="W", text="Avoid hard talks")
    threat = edit.add(SwotItem, quadrant="T", text="Automation", order=1)
    answered = edit.add(SwotItem, quadrant="W", text="Late", order=2)
    edit.add(Goal, title="On time", swot_ids=(answered.id,))
    assert guide.unanswered_gaps(edit.plan) == (weak.id, threat.id)
    assert strength.id not in guide.unanswered_gaps(edit.plan)


# --- in the app -------------------------------------------------------------------------


async def test_a_guide_step_closed_mid_typing_reopens_with_its_text_and_goes_on(
    tmp_path: Path,
) -> None:
    # A new user types into the first step; the terminal is closed; pop starts again.
    empty = write_new_plan(tmp_path / "plan.json", Plan())
    keys = ("enter", "text:Sam", "tab", "text:Good with numbers", "tab", "text:Avoid hard talks")
    assert run_until_hangup(empty.path, tmp_path, *keys) == "FormDialog"
    [draft] = list_drafts(empty.path)[0]
    assert draft.document["origin"] == {"guide": "swot"}

    app = PopApp(opened(empty.path), today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, DraftDialog)
        assert "does not know how" not in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormDialog) and form.form_title == t("guide.swot.title")
        assert form.query_one("#field-owner", Input).value == "Sam"
        assert form.query_one("#field-W", Input).value == "Avoid hard talks"
        await pilot.press("f2")
        await pilot.pause()
        # The guide goes on where it was: the goal, linked to the weakness.
        assert isinstance(app.screen, GoalForm)
        links = app.screen.query_one("#field-swot_ids", LinkList)
        assert len(links.selected) == 1

    plan = opened(empty.path).plan
    assert plan.profile.owner == "Sam"
    assert sorted(i.text for i in plan.swot.values()) == ["Avoid hard talks", "Good with numbers"]
    assert list_drafts(empty.path) == ([], [])


async def test_an_empty_plan_never_leaves_a_silent_dashboard(store: PlanStore) -> None:
    app = PopApp(store, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # "not now"
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert "Empty plan. Enter: guided start, 1 of 5 · Analysis" in screen_text(app)
        assert highlighted(app) == "guide:swot"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert app.screen.form_title == t("guide.swot.title")


async def test_after_a_first_step_and_a_restart_the_dashboard_offers_the_next(
    store: PlanStore,
) -> None:
    store.apply("swot", lambda e: e.add(SwotItem, quadrant="W", text="Avoid hard talks"))
    app = PopApp(store, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        text = screen_text(app)
        assert "Enter: guided start, 2 of 5 · A goal" in text
        assert "No active goal yet" in text
        assert "Every active goal has an open step" not in text
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GoalForm)


async def test_the_dashboard_says_when_the_next_review_is_beyond_its_days(
    store: PlanStore,
) -> None:
    on = date(2026, 12, 30)
    store.apply("r", lambda e: e.add(Review, title="Monthly look", start=on, next_on=on))
    app = PopApp(store, today=lambda: TODAY, guide_empty_plan=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "No reviews planned" not in text
        assert "Next: Monthly look, Wed 30 Dec 2026 (in 31 days)." in text


async def test_the_next_step_speaks_dutch(store: PlanStore) -> None:
    set_language("nl")
    app = PopApp(store, today=lambda: TODAY, guide_empty_plan=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Leeg plan. Enter: begeleide start, 1 van 5 · Analyse" in screen_text(app)


@pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
def test_empty_dashboard_snapshot(
    snap_compare: Callable[..., bool], store: PlanStore, size: tuple[int, int]
) -> None:
    # The guided start put off ("not now"): the dashboard offers it, Enter takes it.
    app = PopApp(store, today=lambda: TODAY)

    async def not_now(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=not_now)


async def test_a_guide_taken_up_again_passes_over_the_parts_made_meanwhile(
    store: PlanStore,
) -> None:
    # The goal was made in the goals section; the analysis is still empty.
    store.apply("goal", lambda e: e.add(Goal, title="Speak up in meetings"))
    app = PopApp(store, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert highlighted(app) == "guide:swot"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")  # skip the analysis again
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormDialog)
        assert form.form_title == t("guide.employer.title"), "not the goal a second time"
