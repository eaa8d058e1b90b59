"""How the parts of a plan connect: which goals address a SWOT item or support an
employer goal, and where the gaps are.

A dropped goal no longer addresses or supports anything; a done goal still
counts, since it did the work. Every list comes in the plan's own order.
"""

from __future__ import annotations

from pop_tui.core.arrange import ordered
from pop_tui.core.model import EmployerGoal, Goal, Plan, Quadrant, SwotItem

# The quadrants a goal is expected to answer: what holds me back, from inside or out.
GAP_QUADRANTS: tuple[Quadrant, ...] = ("W", "T")


def counting_goals(plan: Plan) -> list[Goal]:
    """The goals that count for coverage (all but the dropped ones), in order."""
    return ordered(g for g in plan.goals.values() if g.status != "dropped")


def goals_addressing(plan: Plan, swot_id: int) -> list[Goal]:
    """The goals linked to a SWOT item."""
    return [g for g in counting_goals(plan) if swot_id in g.swot_ids]


def goals_supporting(plan: Plan, employer_goal_id: int) -> list[Goal]:
    """The personal goals linked to an employer goal."""
    return [g for g in counting_goals(plan) if employer_goal_id in g.employer_goal_ids]


def unaddressed_swot_items(plan: Plan) -> list[SwotItem]:
    """Weaknesses and threats that no goal addresses, weaknesses first."""
    addressed = {i for g in counting_goals(plan) for i in g.swot_ids}
    return [
        item
        for quadrant in GAP_QUADRANTS
        for item in swot_quadrant(plan, quadrant)
        if item.id not in addressed
    ]


def is_gap(plan: Plan, item: SwotItem) -> bool:
    """True for a weakness or threat that no goal addresses."""
    return item.quadrant in GAP_QUADRANTS and not goals_addressing(plan, item.id)


def unsupported_employer_goals(plan: Plan) -> list[EmployerGoal]:
    """Employer goals that no personal goal supports."""
    supported = {i for g in counting_goals(plan) for i in g.employer_goal_ids}
    return [e for e in ordered(plan.employer_goals.values()) if e.id not in supported]


def swot_quadrant(plan: Plan, quadrant: Quadrant) -> list[SwotItem]:
    """The items of one quadrant, in order."""
    return ordered(i for i in plan.swot.values() if i.quadrant == quadrant)
