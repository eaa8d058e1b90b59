"""Holding reviews: the next date across month and year ends, and a whole review saved as one
change (progress history, goal changes with their reason, notes, the review moved on)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from pop_tui.core import ops
from pop_tui.core.dates import parse_recurrence
from pop_tui.core.edit import Edit
from pop_tui.core.model import (
    Goal,
    GoalChange,
    HeldReview,
    Plan,
    ProgressEntry,
    Reflection,
    Review,
    Step,
)
from pop_tui.core.ops import OpError
from pop_tui.core.progress import goal_pace
from pop_tui.core.review_session import (
    GoalEntry,
    adjustments,
    goals_to_review,
    hold_review_session,
    needs_reason,
    outlook,
    stored_text,
)
from pop_tui.store.plan_store import PlanStore
from tests.conftest import NOW, TODAY


def plan_with(*records: object) -> Plan:
    plan = Plan()
    for record in records:
        plan.put(record)  # type: ignore[arg-type]
    return plan


def recurring(start: date, repeat: str) -> Review:
    return Review(1, title="r", start=start, rule=parse_recurrence(repeat, start), next_on=start)


def hold_in_turn(review: Review, times: int) -> list[date | None]:
    """Hold the review on each date it falls due, ``times`` times; the dates it moves to."""
    plan = plan_with(review)
    found: list[date | None] = []
    for _ in range(times):
        due = plan.reviews[1].next_on
        assert due is not None
        found.append(ops.hold_review(Edit(plan), 1, due).next_on)
    return found


# --- the next date ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "repeat", "expected"),
    [
        # A monthly review from the 31st falls on the last day of shorter months.
        (
            date(2027, 1, 31),
            "monthly",
            [date(2027, 2, 28), date(2027, 3, 31), date(2027, 4, 30), date(2027, 5, 31)],
        ),
        (date(2028, 1, 31), "monthly", [date(2028, 2, 29), date(2028, 3, 31)]),
        (date(2027, 1, 30), "maandelijks", [date(2027, 2, 28), date(2027, 3, 30)]),
        # Across the end of the year.
        (date(2026, 12, 31), "monthly", [date(2027, 1, 31), date(2027, 2, 28)]),
        (date(2026, 12, 28), "weekly", [date(2027, 1, 4), date(2027, 1, 11)]),
        (date(2026, 11, 30), "quarterly", [date(2027, 2, 28), date(2027, 5, 30)]),
        (date(2026, 12, 15), "every 2 weeks", [date(2026, 12, 29), date(2027, 1, 12)]),
        (date(2028, 2, 29), "yearly", [date(2029, 2, 28), date(2030, 2, 28)]),
    ],
)
def test_holding_a_recurring_review_moves_it_across_month_and_year_ends(
    start: date, repeat: str, expected: list[date]
) -> None:
    assert hold_in_turn(recurring(start, repeat), len(expected)) == expected


def test_a_review_held_late_moves_past_the_day_it_was_held() -> None:
    plan = plan_with(recurring(date(2026, 10, 1), "monthly").replace(next_on=date(2026, 11, 1)))
    held = ops.hold_review(Edit(plan), 1, TODAY)
    assert held.next_on == date(2026, 12, 1)  # not 29 Nov or earlier: it is not overdue again


def test_a_review_held_early_moves_past_the_date_it_was_due() -> None:
    plan = plan_with(recurring(date(2026, 12, 4), "monthly"))
    held = ops.hold_review(Edit(plan), 1, TODAY)
    assert held.next_on == date(2027, 1, 4)
    assert held.held == (HeldReview(on=TODAY),)


def test_a_monthly_review_held_a_month_early_keeps_the_date_it_was_due() -> None:
    # The guided start plans the first review a month ahead; holding it now does not
    # push it to the month after (due 29 Dec, held 29 Nov: next 29 Dec, not 29 Jan).
    plan = plan_with(recurring(date(2026, 12, 29), "monthly"))
    held = ops.hold_review(Edit(plan), 1, TODAY)
    assert held.next_on == date(2026, 12, 29)
    assert held.held == (HeldReview(on=TODAY),)


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (date(2027, 1, 7), date(2027, 2, 7)),  # on the day
        (date(2027, 1, 5), date(2027, 2, 7)),  # two days early: counts for 7 Jan
        (date(2026, 12, 23), date(2027, 2, 7)),  # half a period early (15 of 31 days)
        (date(2026, 12, 20), date(2027, 1, 7)),  # earlier: an extra review, 7 Jan stays
        (date(2026, 12, 7), date(2027, 1, 7)),
        (date(2027, 1, 9), date(2027, 2, 7)),  # late
    ],
)
def test_the_next_date_after_holding_follows_the_date_that_was_due(
    on: date, expected: date
) -> None:
    rule = parse_recurrence("monthly", date(2026, 11, 7))
    assert ops.next_after_held(rule, date(2026, 11, 7), date(2027, 1, 7), on) == expected


def test_a_one_off_review_has_no_next_date_once_held() -> None:
    plan = plan_with(Review(1, title="talk", start=TODAY, next_on=TODAY))
    held = ops.hold_review(Edit(plan), 1, TODAY, "went fine")
    assert held.next_on is None
    assert held.held == (HeldReview(on=TODAY, notes="went fine"),)


def test_a_rule_that_runs_out_leaves_no_next_date() -> None:
    plan = plan_with(Review(1, title="r", start=TODAY, rule="FREQ=MONTHLY;COUNT=2", next_on=TODAY))
    assert ops.hold_review(Edit(plan), 1, TODAY).next_on == date(2026, 12, 29)
    assert ops.hold_review(Edit(plan), 1, date(2026, 12, 29)).next_on is None
    assert len(plan.reviews[1].held) == 2


def test_holding_a_review_that_is_gone_is_refused() -> None:
    with pytest.raises(OpError):
        ops.hold_review(Edit(Plan()), 7, TODAY)


# --- progress and pace as the wizard shows them -------------------------------------------

START = TODAY - timedelta(days=40)
DEADLINE = START + timedelta(days=100)  # so on TODAY 40% of the time is used


def reduce_goal(current: float | None = None) -> Goal:
    """Fewer overtime hours: from 20 a month down to 5."""
    return Goal(
        1,
        title="less overtime",
        baseline=20.0,
        target=5.0,
        current=current,
        created=START,
        deadline=DEADLINE,
    )


@pytest.mark.parametrize(
    ("value", "pace"),
    [
        (15.5, "on_track"),  # 30% done after 40%: gap exactly 0.10
        (15.6, "behind"),  # a hair less done
        (17.75, "behind"),  # 15% done: gap exactly 0.25
        (17.8, "at_risk"),
        (25.0, "at_risk"),  # worse than the start counts as no progress
    ],
)
def test_pace_of_a_goal_that_reduces_something_at_the_edges(value: float, pace: str) -> None:
    goal = reduce_goal()
    plan = plan_with(goal)
    seen = outlook(plan, goal, GoalEntry(1, value=value), TODAY)
    assert seen.pace == pace
    assert goal_pace(plan, goal.replace(current=value), TODAY) == pace


def test_reaching_a_lower_target_suggests_done() -> None:
    goal = reduce_goal(current=12.0)
    plan = plan_with(goal)
    assert outlook(plan, goal, GoalEntry(1, value=6.0), TODAY).suggested == "active"
    seen = outlook(plan, goal, GoalEntry(1, value=4.0), TODAY)
    assert seen.suggested == "done"
    assert seen.progress is not None and seen.progress.fraction == 1.0


def test_a_goal_counted_by_steps_suggests_done_when_every_step_is():
    goal = Goal(1, title="g", created=START, deadline=DEADLINE)
    plan = plan_with(goal, Step(1, goal_id=1, done_on=TODAY), Step(2, goal_id=1))
    assert outlook(plan, goal, GoalEntry(1), TODAY).suggested == "active"
    plan.put(Step(2, goal_id=1, done_on=TODAY))
    assert outlook(plan, goal, GoalEntry(1), TODAY).suggested == "done"


def test_an_adjusted_target_counts_in_the_outlook() -> None:
    goal = reduce_goal(current=12.0)
    plan = plan_with(goal)
    seen = outlook(plan, goal, GoalEntry(1, value=12.0, target=12.0), TODAY)
    assert seen.suggested == "done"


def test_a_passed_deadline_is_pointed_out_until_the_goal_is_complete() -> None:
    goal = reduce_goal(current=12.0).replace(deadline=TODAY - timedelta(days=1))
    plan = plan_with(goal)
    assert outlook(plan, goal, GoalEntry(1), TODAY).deadline_passed
    assert not outlook(
        plan, goal, GoalEntry(1, deadline=TODAY + timedelta(30)), TODAY
    ).deadline_passed
    assert not outlook(plan, goal, GoalEntry(1, value=5.0), TODAY).deadline_passed


# --- adjustments and their reasons --------------------------------------------------------


def test_adjustments_name_each_changed_field_as_text_before_and_after() -> None:
    goal = reduce_goal(current=12.0)
    entry = GoalEntry(
        1,
        title="less overtime",  # unchanged: left out
        deadline=date(2027, 6, 1),
        target=8.0,
        status="active",
    )
    found = [(a.field, a.before, a.after) for a in adjustments(goal, entry)]
    assert found == [
        ("deadline", DEADLINE.isoformat(), "2027-06-01"),
        ("target", "5", "8"),
    ]
    assert stored_text(2.5) == "2.5"


def test_an_adjustment_needs_a_reason_unless_it_follows_the_suggestion() -> None:
    goal = reduce_goal(current=12.0)
    plan = plan_with(goal)
    assert not needs_reason(plan, goal, GoalEntry(1, value=10.0), TODAY)
    assert needs_reason(plan, goal, GoalEntry(1, target=8.0), TODAY)
    assert not needs_reason(plan, goal, GoalEntry(1, target=8.0, reason="too ambitious"), TODAY)
    # The target is reached and the goal is marked done, as suggested: no reason needed.
    assert not needs_reason(plan, goal, GoalEntry(1, value=5.0, status="done"), TODAY)
    # Dropping it is the person's own decision: say why.
    assert needs_reason(plan, goal, GoalEntry(1, value=5.0, status="dropped"), TODAY)


# --- a whole review ---------------------------------------------------------------------


def review_plan() -> Plan:
    plan = plan_with(
        reduce_goal(current=12.0),
        Goal(2, title="speak up", created=START, deadline=DEADLINE, order=1),
        Goal(3, title="old goal", status="done", order=2),
        Step(1, goal_id=2, done_on=TODAY),
        Step(2, goal_id=2),
    )
    plan.put(recurring(date(2026, 12, 4), "monthly").replace(title="monthly look"))
    return plan


def test_goals_to_review_are_the_active_goals_or_the_one_goal_of_the_review() -> None:
    plan = review_plan()
    assert [g.id for g in goals_to_review(plan, plan.reviews[1])] == [1, 2]
    assert [g.id for g in goals_to_review(plan, None)] == [1, 2]
    assert [g.id for g in goals_to_review(plan, Review(5, goal_id=2))] == [2]
    assert goals_to_review(plan, Review(5, goal_id=3)) == []  # done: nothing to review


def test_holding_a_review_keeps_progress_changes_notes_and_moves_the_review() -> None:
    plan = review_plan()
    entries = [
        GoalEntry(1, value=9.0, went_well="two evenings free", to_change="plan Fridays"),
        GoalEntry(
            2, deadline=date(2027, 6, 1), title="speak up in meetings", reason="busy quarter"
        ),
    ]
    held = hold_review_session(Edit(plan), 1, TODAY, entries, "good month")
    assert (held.measured, held.changes, held.notes, held.skipped) == (1, 2, 1, 0)

    assert [(p.goal_id, p.on, p.value) for p in plan.table(ProgressEntry).values()] == [
        (1, TODAY, 9.0)
    ]
    assert plan.goals[1].current == 9.0
    changes = sorted(plan.table(GoalChange).values(), key=lambda c: c.id)
    assert [(c.goal_id, c.on, c.field, c.before, c.after, c.reason) for c in changes] == [
        (2, TODAY, "title", "speak up", "speak up in meetings", "busy quarter"),
        (2, TODAY, "deadline", DEADLINE.isoformat(), "2027-06-01", "busy quarter"),
    ]
    assert plan.goals[2].title == "speak up in meetings"
    assert plan.goals[2].deadline == date(2027, 6, 1)
    notes = list(plan.table(Reflection).values())
    assert [(r.goal_id, r.step_id, r.on, r.learned, r.differently) for r in notes] == [
        (1, None, TODAY, "two evenings free", "plan Fridays")
    ]
    review = plan.reviews[1]
    assert review.held == (HeldReview(on=TODAY, notes="good month"),)
    assert review.next_on == date(2027, 1, 4)
    assert held.review == review


def test_following_the_suggestion_to_mark_done_keeps_a_reason() -> None:
    plan = review_plan()
    hold_review_session(Edit(plan), 1, TODAY, [GoalEntry(1, value=4.0, status="done")])
    (change,) = plan.table(GoalChange).values()
    assert (change.field, change.before, change.after, change.reason) == (
        "status",
        "active",
        "done",
        "Target reached",
    )
    assert plan.goals[1].status == "done"


def test_a_review_not_planned_before_is_kept_as_a_one_off_held_today() -> None:
    plan = review_plan()
    held = hold_review_session(Edit(plan), None, TODAY, [GoalEntry(2)], title="Review: speak up")
    assert held.review.id == 2
    assert (held.review.title, held.review.start, held.review.next_on) == (
        "Review: speak up",
        TODAY,
        None,
    )
    assert held.review.held == (HeldReview(on=TODAY),)
    assert plan.reviews[1].held == ()


def test_goals_deleted_meanwhile_are_skipped_and_the_rest_is_saved() -> None:
    plan = review_plan()
    held = hold_review_session(
        Edit(plan), 1, TODAY, [GoalEntry(9, value=1.0), GoalEntry(1, value=8.0)]
    )
    assert (held.skipped, held.measured) == (1, 1)
    assert plan.goals[1].current == 8.0


def test_an_entry_with_nothing_in_it_changes_nothing_of_its_goal() -> None:
    plan = review_plan()
    before = plan.goals[2]
    edit = Edit(plan)
    hold_review_session(edit, 1, TODAY, [GoalEntry(2)])
    assert plan.goals[2] == before
    assert {c.table for c in edit.changes} == {"reviews"}


def test_one_undo_takes_back_the_whole_review(plan_path: Path) -> None:
    store = PlanStore.open(plan_path, now=lambda: NOW)
    store.apply("setup", lambda edit: [edit.put(r) for r in review_plan().tables["goals"].values()])
    store.apply("plan", lambda edit: edit.put(recurring(date(2026, 12, 4), "monthly")))
    before = PlanStore.open(plan_path).plan
    store.apply(
        "review",
        lambda edit: hold_review_session(
            edit,
            1,
            TODAY,
            [GoalEntry(1, value=9.0, went_well="ok", target=6.0, reason="realistic")],
            "notes",
        ),
    )
    after = PlanStore.open(plan_path).plan
    assert after.reviews[1].next_on == date(2027, 1, 4)
    assert after.table(ProgressEntry) and after.table(GoalChange) and after.table(Reflection)
    assert store.undo() == "review"
    assert PlanStore.open(plan_path).plan == before
