"""Where the guided start stands: which of its five steps the plan still lacks.

The guided start fills one part of the plan per step. Interrupted anywhere (a
closed terminal, Escape), it is found again from the plan itself: the first
step whose part is still empty is the next thing to do, and the dashboard
offers it. Nothing about the guide is stored besides the plan.
"""

from __future__ import annotations

from typing import Final, Literal

from pop_tui.core.model import Plan, SwotItem

GuideStep = Literal["swot", "goal", "employer", "action", "review"]

STEPS: Final[tuple[GuideStep, ...]] = ("swot", "goal", "employer", "action", "review")

# The quadrants a goal is made to answer: the analysis flags them when no goal does.
GAP_QUADRANTS: Final = ("W", "T")


def as_step(text: object) -> GuideStep | None:
    """``text`` as a step of the guide (read back from a draft or an option id), else None."""
    return next((step for step in STEPS if step == text), None)


def steps_left(plan: Plan) -> list[GuideStep]:
    """The guide's steps whose part of the plan is still empty, in the guide's order."""
    empty: dict[GuideStep, bool] = {
        "swot": not plan.swot,
        "goal": not plan.goals,
        "employer": not plan.employer_goals,
        "action": not plan.actions,
        "review": not plan.reviews,
    }
    return [step for step in STEPS if empty[step]]


def next_step(plan: Plan) -> GuideStep | None:
    """The first step of the guide the plan still lacks; None when every part has a start."""
    left = steps_left(plan)
    return left[0] if left else None


def unanswered_gaps(plan: Plan) -> tuple[int, ...]:
    """Weaknesses and threats that no goal is linked to yet, in the analysis's order.

    The guide's goal starts linked to them: that goal is made to answer them.
    """
    linked = {i for goal in plan.goals.values() for i in goal.swot_ids}
    items: list[SwotItem] = sorted(plan.swot.values(), key=lambda i: (i.order, i.id))
    return tuple(
        item.id
        for quadrant in GAP_QUADRANTS
        for item in items
        if item.quadrant == quadrant and item.id not in linked
    )
