"""What a REF may name besides steps and goals: actions, reviews, feedback requests."""

from __future__ import annotations

from datetime import date

from pop_tui.core.evaluation import is_answered
from pop_tui.core.model import Feedback, Plan
from pop_tui.core.refs import Pool


def action_pool(plan: Plan) -> Pool:
    """Every action, by the text of its action, in the action plan's order."""
    actions = sorted(plan.actions.values(), key=lambda a: (a.order, a.id))
    return Pool("action", {a.id: a.action for a in actions})


def review_pool(plan: Plan) -> Pool:
    """Every review, soonest first; a title start tries the planned ones first."""
    reviews = sorted(
        plan.reviews.values(), key=lambda r: (r.next_on is None, r.next_on or date.max, r.id)
    )
    return Pool(
        "review",
        {r.id: r.title for r in reviews},
        frozenset(r.id for r in reviews if r.next_on is not None),
    )


def feedback_title(feedback: Feedback) -> str:
    """How a feedback request is named and matched: ``who: question``."""
    if feedback.question:
        return f"{feedback.from_whom}: {feedback.question}"
    return feedback.from_whom


def feedback_pool(plan: Plan) -> Pool:
    """Every feedback request, by who was asked (and the question); a name's start
    tries the open requests first."""
    found = sorted(plan.table(Feedback).values(), key=lambda f: f.id)
    return Pool(
        "feedback",
        {f.id: feedback_title(f) for f in found},
        frozenset(f.id for f in found if not is_answered(f)),
    )
