"""Progress and pace of goals (pop_tui.core.progress), with the thresholds at their edges."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from pop_tui.core.model import Goal, Plan, Step
from pop_tui.core.progress import (
    BEHIND_GAP,
    ON_TRACK_GAP,
    goal_pace,
    goal_progress,
    measure_fraction,
    pace_of,
    time_used,
)

TODAY = date(2026, 11, 29)


def measured(baseline: float, target: float, current: float | None, **extra: object) -> Goal:
    return Goal(1, title="g", baseline=baseline, target=target, current=current, **extra)  # type: ignore[arg-type]


def test_progress_counts_from_baseline_to_target() -> None:
    assert measure_fraction(measured(40, 80, 55), 55) == pytest.approx(0.375)


def test_progress_works_for_a_goal_that_reduces_something() -> None:
    goal = measured(20, 5, 11)
    assert measure_fraction(goal, 11) == pytest.approx(0.6)
    assert measure_fraction(goal, 25) == 0.0  # worse than the start
    assert measure_fraction(goal, 2) == 1.0  # past the target


def test_progress_is_clamped_to_zero_and_one() -> None:
    goal = measured(0, 10, 0)
    assert measure_fraction(goal, -5) == 0.0
    assert measure_fraction(goal, 15) == 1.0


def test_unmeasured_measure_stands_at_zero() -> None:
    assert measure_fraction(measured(0, 10, None), None) == 0.0


def test_equal_baseline_and_target_is_no_measure_and_falls_back_to_steps() -> None:
    plan = Plan()
    goal = measured(5, 5, 5)
    plan.put(goal)
    plan.put(Step(1, goal_id=1, done_on=TODAY))
    plan.put(Step(2, goal_id=1))
    progress = goal_progress(plan, goal)
    assert progress is not None
    assert progress.source == "steps"
    assert progress.fraction == 0.5
    assert (progress.steps_done, progress.steps_total) == (1, 2)


def test_goal_without_measure_or_steps_has_no_progress() -> None:
    plan = Plan()
    goal = Goal(1, title="g")
    plan.put(goal)
    assert goal_progress(plan, goal) is None


def test_reached_goal_is_complete_whatever_was_measured() -> None:
    plan = Plan()
    goal = measured(0, 10, 3, status="done")
    plan.put(goal)
    progress = goal_progress(plan, goal)
    assert progress is not None and progress.fraction == 1.0 and progress.source == "status"


def test_time_used_runs_from_created_to_deadline() -> None:
    goal = Goal(1, created=date(2026, 1, 1), deadline=date(2026, 1, 11))
    assert time_used(goal, date(2025, 12, 1)) == 0.0
    assert time_used(goal, date(2026, 1, 1)) == 0.0
    assert time_used(goal, date(2026, 1, 6)) == 0.5
    assert time_used(goal, date(2026, 1, 11)) == 1.0
    assert time_used(goal, date(2027, 1, 1)) == 1.0
    assert time_used(Goal(1, deadline=date(2026, 1, 1)), TODAY) is None


@pytest.mark.parametrize(
    ("progress", "used", "pace"),
    [
        (0.5, 0.5, "on_track"),
        (0.9, 0.2, "on_track"),  # ahead
        (0.5, 0.6, "on_track"),  # gap exactly ON_TRACK_GAP
        (0.5, 0.6000001, "behind"),  # just past it
        (0.5, 0.75, "behind"),  # gap exactly BEHIND_GAP
        (0.5, 0.7500001, "at_risk"),  # just past it
        (0.0, 1.0, "at_risk"),
        (1.0, 1.0, "on_track"),
    ],
)
def test_pace_thresholds_at_their_edges(progress: float, used: float, pace: str) -> None:
    assert pace_of(progress, used) == pace


def test_thresholds_are_the_documented_ones() -> None:
    assert (ON_TRACK_GAP, BEHIND_GAP) == (0.10, 0.25)


def test_after_the_deadline_anything_short_of_complete_is_at_risk() -> None:
    assert pace_of(0.95, 1.0, overdue=True) == "at_risk"
    assert pace_of(1.0, 1.0, overdue=True) == "on_track"


def test_goal_pace_on_a_plan() -> None:
    start = date(2026, 1, 1)
    goal = measured(0, 100, 30, created=start, deadline=start + timedelta(days=100))
    plan = Plan()
    plan.put(goal)
    assert goal_pace(plan, goal, start + timedelta(days=40)) == "on_track"  # gap 0.10
    assert goal_pace(plan, goal, start + timedelta(days=41)) == "behind"
    assert goal_pace(plan, goal, start + timedelta(days=55)) == "behind"  # gap 0.25
    assert goal_pace(plan, goal, start + timedelta(days=56)) == "at_risk"
    assert goal_pace(plan, goal, start + timedelta(days=101)) == "at_risk"


def test_goals_that_are_not_active_or_not_dated_have_no_pace() -> None:
    plan = Plan()
    done = measured(0, 10, 10, status="done", created=TODAY, deadline=TODAY)
    undated = measured(0, 10, 5)
    for goal in (done, undated):
        plan.put(goal)
        assert goal_pace(plan, goal, TODAY) is None
