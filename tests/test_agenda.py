"""What the dashboard shows on a given day."""

from __future__ import annotations

from datetime import date, timedelta

from pop_tui.core import agenda
from pop_tui.core.demo import populate_demo
from pop_tui.core.edit import Edit
from pop_tui.core.model import Goal, Plan, Review, Step

TODAY = date(2026, 11, 29)


def day(offset: int) -> date:
    return TODAY + timedelta(days=offset)


def plan_with_steps(*dues: tuple[int | None, bool]) -> Plan:
    plan = Plan()
    edit = Edit(plan)
    goal = edit.add(Goal, title="Goal")
    for n, (due, done) in enumerate(dues):
        edit.add(
            Step,
            goal_id=goal.id,
            title=f"step {n}",
            due=day(due) if due is not None else None,
            done_on=TODAY if done else None,
        )
    return plan


def test_overdue_steps_are_oldest_first_and_exclude_today_and_done() -> None:
    plan = plan_with_steps((-1, False), (-9, False), (0, False), (-5, True), (None, False))
    overdue = agenda.overdue_steps(plan, TODAY)
    assert [d.step.title for d in overdue] == ["step 1", "step 0"]
    assert [d.days_overdue(TODAY) for d in overdue] == [9, 1]
    assert overdue[0].goal is not None and overdue[0].goal.title == "Goal"


def test_steps_due_soon_include_today_and_the_seventh_day_not_the_eighth() -> None:
    plan = plan_with_steps((0, False), (7, False), (8, False), (3, True), (-1, False))
    soon = agenda.steps_due_soon(plan, TODAY, 7)
    assert [d.step.title for d in soon] == ["step 0", "step 1"]


def test_steps_of_dropped_goals_are_not_on_the_agenda() -> None:
    plan = plan_with_steps((-1, False))
    goal = plan.goals[1]
    Edit(plan).update(goal, status="dropped")
    assert agenda.overdue_steps(plan, TODAY) == []


def test_upcoming_reviews_cover_fourteen_days_and_overdue_ones() -> None:
    plan = Plan()
    edit = Edit(plan)
    for title, offset in (("late", -2), ("soon", 14), ("far", 15)):
        edit.add(Review, title=title, start=day(offset), next_on=day(offset))
    edit.add(Review, title="held", start=day(-30), next_on=None)
    titles = [d.review.title for d in agenda.upcoming_reviews(plan, TODAY, 14)]
    assert titles == ["late", "soon"]
    assert [d.review.title for d in agenda.overdue_reviews(plan, TODAY)] == ["late"]


def test_goals_without_open_step() -> None:
    plan = Plan()
    edit = Edit(plan)
    moving = edit.add(Goal, title="moving")
    still = edit.add(Goal, title="still")
    edit.add(Goal, title="done", status="done")
    edit.add(Step, goal_id=moving.id, title="open")
    edit.add(Step, goal_id=still.id, title="finished", done_on=TODAY)
    assert [g.title for g in agenda.goals_without_open_step(plan)] == ["still"]


def test_demo_plan_has_overdue_steps_and_upcoming_reviews_relative_to_today() -> None:
    for today in (TODAY, date(2028, 2, 29), date(2026, 12, 31)):
        plan = Plan()
        populate_demo(Edit(plan), today, "en")
        assert len(agenda.overdue_steps(plan, today)) >= 2
        assert agenda.steps_due_soon(plan, today, 7)
        assert agenda.upcoming_reviews(plan, today, 14)
        assert agenda.goals_without_open_step(plan)


def test_demo_plan_is_written_in_the_chosen_language() -> None:
    plan = Plan()
    populate_demo(Edit(plan), TODAY, "nl")
    titles = {g.title for g in plan.goals.values()}
    assert "Beter worden in leidinggeven" in titles
    assert plan.profile.language == "nl"
