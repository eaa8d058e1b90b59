"""Mutations of a plan that carry domain rules (beyond plain add/update/delete).

Each takes an :class:`~pop_tui.core.edit.Edit` so that the store can run it on
the freshest plan, save it and keep it for undo. None of them reads the clock:
the day is always passed in.
"""

from __future__ import annotations

from datetime import date, timedelta

from pop_tui.core.dates import next_occurrence
from pop_tui.core.edit import Edit
from pop_tui.core.model import HeldReview, Review, Step
from pop_tui.core.op_error import OpError as OpError


def _step(edit: Edit, step_id: int) -> Step:
    step = edit.plan.steps.get(step_id)
    if step is None:
        raise OpError(f"there is no step {step_id}")
    return step


def complete_step(edit: Edit, step_id: int, on: date) -> Step:
    """Mark a step done on ``on``; a step already done keeps its first date."""
    step = _step(edit, step_id)
    if step.done_on is not None:
        return step
    return edit.update(step, done_on=on)


def reopen_step(edit: Edit, step_id: int) -> Step:
    """Make a done step open again."""
    return edit.update(_step(edit, step_id), done_on=None)


def schedule_review(
    edit: Edit, title: str, start: date, rule: str = "", goal_id: int | None = None
) -> Review:
    """Plan a review: one-off on ``start``, or recurring by ``rule`` from ``start``."""
    return edit.add(Review, title=title, goal_id=goal_id, start=start, rule=rule, next_on=start)


def hold_review(edit: Edit, review_id: int, on: date, notes: str = "") -> Review:
    """Record that a review was held on ``on`` and move a recurring one to its next date.

    See :func:`next_after_held` for the next date.
    """
    review = edit.plan.reviews.get(review_id)
    if review is None:
        raise OpError(f"there is no review {review_id}")
    next_on: date | None = None
    if review.rule and review.start is not None:
        next_on = next_after_held(review.rule, review.start, review.next_on or on, on)
    held = (*review.held, HeldReview(on=on, notes=notes))
    return edit.update(review, next_on=next_on, held=held)


def next_after_held(rule: str, start: date, due: date, on: date) -> date | None:
    """The next date of a recurring review that was due on ``due`` and held on ``on``.

    Held on time or late: the first date of the rule after both, so a late review
    is not overdue again at once. Held early: it counts for the date that was due
    when it was held nearer to that date than to the rule's date before it (half
    a period at most); held earlier still, it was an extra review, and the date
    that was due stays (a monthly review due 7 Jan, held on 7 Dec: next 7 Jan).
    """
    after_due = next_occurrence(rule, start, due + timedelta(days=1))
    if on >= due:
        return next_occurrence(rule, start, on + timedelta(days=1))
    if after_due is None:
        return None
    period = (after_due - due).days
    return after_due if 2 * (due - on).days <= period else due
