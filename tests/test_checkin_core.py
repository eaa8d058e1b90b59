"""The check-in in the core: recording it, the streak, the last check-in, what it asks about."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from pop_tui.core import agenda, checkins
from pop_tui.core.edit import Edit
from pop_tui.core.model import CheckIn, Feedback, Goal, Plan, Step
from pop_tui.core.ops import OpError

TODAY = date(2026, 11, 29)


def plan_with_checkins(*days: date) -> Plan:
    plan = Plan()
    edit = Edit(plan)
    for day in days:
        edit.add(CheckIn, on=day)
    return plan


def ago(days: int, today: date = TODAY) -> date:
    return today - timedelta(days=days)


# --- the streak ------------------------------------------------------------------------


def test_no_checkins_is_no_streak() -> None:
    assert checkins.streak(Plan(), TODAY) == 0


def test_a_checkin_today_alone_is_a_streak_of_one() -> None:
    assert checkins.streak(plan_with_checkins(TODAY), TODAY) == 1


def test_streak_counts_consecutive_days_up_to_today() -> None:
    assert checkins.streak(plan_with_checkins(ago(0), ago(1), ago(2), ago(4)), TODAY) == 3


def test_streak_that_reached_yesterday_lives_until_today_is_over() -> None:
    plan = plan_with_checkins(ago(1), ago(2), ago(3))
    assert checkins.streak(plan, TODAY) == 3
    # The day after, with no check-in yesterday or today, it is broken.
    assert checkins.streak(plan, TODAY + timedelta(days=1)) == 0


def test_two_checkins_on_one_day_count_once() -> None:
    assert checkins.streak(plan_with_checkins(ago(0), ago(0), ago(1)), TODAY) == 2


def test_streak_runs_across_month_and_year_ends() -> None:
    new_year = date(2027, 1, 1)
    plan = plan_with_checkins(date(2026, 12, 30), date(2026, 12, 31), new_year)
    assert checkins.streak(plan, new_year) == 3
    march = date(2028, 3, 1)  # 2028 is a leap year: 29 February sits in between
    plan = plan_with_checkins(date(2028, 2, 28), date(2028, 2, 29), march)
    assert checkins.streak(plan, march) == 3
    plan = plan_with_checkins(date(2027, 2, 28), date(2027, 3, 1))
    assert checkins.streak(plan, date(2027, 3, 1)) == 2


def test_checkins_dated_after_today_do_not_count() -> None:
    assert checkins.streak(plan_with_checkins(TODAY + timedelta(days=1)), TODAY) == 0
    plan = plan_with_checkins(ago(1), TODAY + timedelta(days=1))
    assert checkins.streak(plan, TODAY) == 1


def test_demo_plan_has_a_streak_of_three_before_todays_checkin(demo_plan: Plan) -> None:
    assert checkins.streak(demo_plan, TODAY) == 3
    assert not checkins.checked_in_today(demo_plan, TODAY)


# --- the last check-in -------------------------------------------------------------------


def test_last_checkin_is_the_newest_day_then_the_newest_record() -> None:
    plan = plan_with_checkins(ago(1), ago(3))
    last = checkins.last_checkin(plan, TODAY)
    assert last is not None and last.on == ago(1)
    edit = Edit(plan)
    first = edit.add(CheckIn, on=TODAY, note="morning")
    second = edit.add(CheckIn, on=TODAY, note="evening")
    assert first.id < second.id
    assert checkins.last_checkin(plan, TODAY) == second


def test_last_checkin_ignores_later_dates() -> None:
    plan = plan_with_checkins(ago(2), TODAY + timedelta(days=3))
    last = checkins.last_checkin(plan, TODAY)
    assert last is not None and last.on == ago(2)


def test_summary_line_names_day_mood_streak_and_note() -> None:
    plan = Plan()
    edit = Edit(plan)
    edit.add(CheckIn, on=ago(2))
    edit.add(CheckIn, on=ago(1), mood=4, note="Read a chapter\x1b[2J")
    line = checkins.checkin_summary(plan, TODAY)
    assert line == "Last check-in: yesterday · mood 4/5 · streak 2 days · “Read a chapter␛[2J”"


def test_summary_without_checkins_says_so() -> None:
    assert checkins.checkin_summary(Plan(), TODAY) == "No check-in yet."


def test_summary_leaves_out_a_broken_streak_and_cuts_a_long_note() -> None:
    plan = Plan()
    Edit(plan).add(CheckIn, on=ago(5), note="x" * 100)
    line = checkins.checkin_summary(plan, TODAY)
    assert "streak" not in line
    assert line.startswith("Last check-in: 5 days ago · “")
    assert line.endswith("x…”")
    assert len(line) < 100


# --- recording a check-in ----------------------------------------------------------------


@pytest.fixture
def demo_plan() -> Plan:
    from pop_tui.core.demo import populate_demo

    plan = Plan()
    populate_demo(Edit(plan), TODAY, "en")
    return plan


def test_check_in_records_note_mood_and_marks_steps_done_in_one_edit(demo_plan: Plan) -> None:
    open_ids = [item.step.id for item in checkins.steps_to_check(demo_plan, TODAY)][:2]
    edit = Edit(demo_plan)
    record = checkins.check_in(edit, TODAY, "  Good day  ", 4, open_ids)
    assert record.note == "Good day"
    assert record.mood == 4
    assert record.step_ids == tuple(open_ids)
    assert all(demo_plan.steps[i].done_on == TODAY for i in open_ids)
    assert {c.table for c in edit.changes} == {"steps", "checkins"}
    assert checkins.streak(demo_plan, TODAY) == 4


def test_check_in_refuses_a_mood_outside_one_to_five(demo_plan: Plan) -> None:
    for mood in (0, 6, -1):
        with pytest.raises(OpError, match="from 1 to 5"):
            checkins.check_in(Edit(demo_plan), TODAY, mood=mood)


def test_check_in_refuses_a_step_already_done(demo_plan: Plan) -> None:
    done = next(s for s in demo_plan.steps.values() if s.done_on is not None)
    with pytest.raises(OpError, match="already done"):
        checkins.check_in(Edit(demo_plan), TODAY, done=[done.id])


def test_mark_done_refuses_a_missing_step() -> None:
    with pytest.raises(OpError, match="no step 42"):
        checkins.mark_done(Edit(Plan()), [42], TODAY)


def test_a_step_named_twice_is_marked_done_once(demo_plan: Plan) -> None:
    step_id = checkins.steps_to_check(demo_plan, TODAY)[0].step.id
    finished = checkins.mark_done(Edit(demo_plan), [step_id, step_id], TODAY)
    assert [s.id for s in finished] == [step_id]


def test_steps_to_check_are_overdue_then_today_never_tomorrow_or_done() -> None:
    plan = Plan()
    edit = Edit(plan)
    goal = edit.add(Goal, title="G")
    for title, offset, done in (
        ("tomorrow", 1, False),
        ("today", 0, False),
        ("late", -3, False),
        ("finished", -1, True),
        ("undated", None, False),
    ):
        edit.add(
            Step,
            goal_id=goal.id,
            title=title,
            due=TODAY + timedelta(days=offset) if offset is not None else None,
            done_on=TODAY if done else None,
        )
    assert [d.step.title for d in checkins.steps_to_check(plan, TODAY)] == ["late", "today"]


# --- late feedback in the agenda ------------------------------------------------------------


def test_overdue_feedback_is_unanswered_and_past_its_date_oldest_first() -> None:
    plan = Plan()
    edit = Edit(plan)
    goal = edit.add(Goal, title="Talk better")
    edit.add(Feedback, from_whom="due today", wanted_by=TODAY)
    late = edit.add(Feedback, from_whom="manager", goal_id=goal.id, wanted_by=ago(3))
    older = edit.add(Feedback, from_whom="colleague", wanted_by=ago(10))
    edit.add(Feedback, from_whom="answered", wanted_by=ago(5), answer="Fine", answered_on=ago(1))
    edit.add(Feedback, from_whom="no date")
    found = agenda.overdue_feedback(plan, TODAY)
    assert [f.feedback.id for f in found] == [older.id, late.id]
    assert found[1].goal == goal
    assert found[1].days_late(TODAY) == 3
