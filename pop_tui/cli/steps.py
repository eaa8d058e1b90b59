"""Finding the steps that ``pop done`` and ``pop checkin --done`` name."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from pop_tui.core.model import Plan
from pop_tui.core.refs import Pool, resolve_ref


def step_pool(plan: Plan) -> Pool:
    """Every step; a title start is tried on the open ones first."""
    # Listed as the agenda lists them: open before done, soonest first.
    steps = sorted(
        plan.steps.values(), key=lambda s: (s.done_on is not None, s.due or date.max, s.id)
    )
    return Pool(
        "step",
        {s.id: s.title for s in steps},
        frozenset(s.id for s in steps if s.done_on is None),
    )


def resolve_steps(plan: Plan, refs: Sequence[str]) -> list[int]:
    """The ids of the steps ``refs`` name, in order, each once.

    Raises:
        RefError: for the first reference that names no step, or several.
    """
    pool = step_pool(plan)
    return list(dict.fromkeys(resolve_ref(ref, pool) for ref in refs))
