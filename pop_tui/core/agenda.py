"""What needs attention on a given day: overdue and upcoming steps and reviews."""

from __future__ import annotations

from datetime import date, timedelta

from pop_tui.core.model import Feedback, Goal, Plan, Review, Step
from pop_tui.core.value import Value


class DueStep(Value):
    """An open step with a due date, and the goal it serves."""

    step: Step
    goal: Goal | None
    due: date

    def days_overdue(self, today: date) -> int:
        return (today - self.due).days


class DueReview(Value):
    """A review and the date it is due next."""

    review: Review
    goal: Goal | None
    due: date


def _dated_open_steps(plan: Plan, first: date, last: date) -> list[DueStep]:
    """Open steps of active goals (or of none) due from ``first`` to ``last``, soonest first."""
    goals = plan.goals
    found = [
        DueStep(step, goals.get(step.goal_id), step.due)
        for step in plan.steps.values()
        if step.due is not None
        and first <= step.due <= last
        and step.done_on is None
        and _goal_is_active(goals.get(step.goal_id))
    ]
    return sorted(found, key=lambda d: (d.due, d.step.id))


def days_after(day: date, days: int) -> date:
    """``day`` plus ``days``, or the calendar's last day if that is beyond it."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max


def _goal_is_active(goal: Goal | None) -> bool:
    return goal is None or goal.status == "active"


def overdue_steps(plan: Plan, today: date) -> list[DueStep]:
    """Open steps whose due date has passed, oldest first."""
    if today == date.min:
        return []
    return _dated_open_steps(plan, date.min, today - timedelta(days=1))


def steps_due_soon(plan: Plan, today: date, days: int = 7) -> list[DueStep]:
    """Open steps due from today up to and including ``today + days``, soonest first."""
    return _dated_open_steps(plan, today, days_after(today, days))


def upcoming_reviews(plan: Plan, today: date, days: int = 14) -> list[DueReview]:
    """Reviews due up to ``today + days`` (overdue ones included), soonest first."""
    last = days_after(today, days)
    goals = plan.goals
    found = [
        DueReview(r, goals.get(r.goal_id) if r.goal_id is not None else None, r.next_on)
        for r in plan.reviews.values()
        if r.next_on is not None and r.next_on <= last
    ]
    return sorted(found, key=lambda d: (d.due, d.review.id))


def overdue_reviews(plan: Plan, today: date) -> list[DueReview]:
    """Reviews whose date has passed without being held."""
    return [d for d in upcoming_reviews(plan, today, 0) if d.due < today]


def goals_without_open_step(plan: Plan) -> list[Goal]:
    """Active goals that have no open step: nothing moves them forward."""
    with_open = {s.goal_id for s in plan.steps.values() if s.done_on is None}
    found = [g for g in plan.goals.values() if g.status == "active" and g.id not in with_open]
    return sorted(found, key=lambda g: (g.order, g.id))


class LateFeedback(Value):
    """A feedback request still unanswered after the date it was wanted by."""

    feedback: Feedback
    goal: Goal | None
    wanted_by: date

    def days_late(self, today: date) -> int:
        return (today - self.wanted_by).days


def overdue_feedback(plan: Plan, today: date) -> list[LateFeedback]:
    """Unanswered feedback requests past their wanted-by date, oldest first."""
    goals = plan.goals
    found = [
        LateFeedback(f, goals.get(f.goal_id) if f.goal_id is not None else None, f.wanted_by)
        for f in plan.table(Feedback).values()
        if f.wanted_by is not None
        and f.wanted_by < today
        and f.answered_on is None
        and not f.answer.strip()
    ]
    return sorted(found, key=lambda d: (d.wanted_by, d.feedback.id))
