"""The order of things in a list, and mutations that change it.

Records that a person arranges (SWOT items, trends, goals, employer goals,
actions, steps) carry an ``order`` number; ties fall back to the id, so a plan
is always shown the same way. Moving a record renumbers its whole list 0..n-1,
which also repairs gaps and duplicates left by deletions or by other sessions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

from pop_tui.core.edit import Edit
from pop_tui.core.model import (
    GOAL_KINDS,
    HORIZONS,
    Action,
    EmployerGoal,
    Goal,
    Plan,
    Quadrant,
    Record,
    Step,
    SwotItem,
    Trend,
)
from pop_tui.core.ops import OpError


class Ordered(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def order(self) -> int: ...


OrderedT = TypeVar("OrderedT", bound=Ordered)


def ordered(records: Iterable[OrderedT]) -> list[OrderedT]:
    """``records`` sorted by their order, then by id."""
    return sorted(records, key=lambda r: (r.order, r.id))


def goals_in_order(plan: Plan) -> list[Goal]:
    """Goals as the goals screen shows them: by horizon, kind, then their own order."""
    return [
        goal
        for horizon in HORIZONS
        for kind in GOAL_KINDS
        for goal in ordered(
            g for g in plan.goals.values() if (g.horizon, g.kind) == (horizon, kind)
        )
    ]


def next_order(records: Iterable[Ordered]) -> int:
    """The order number that puts a new record at the end of ``records``."""
    return max((r.order for r in records), default=-1) + 1


def siblings(plan: Plan, record: Record) -> list[Record]:
    """The list a record is arranged in, itself included, in order."""
    if isinstance(record, SwotItem):
        return list(ordered(i for i in plan.swot.values() if i.quadrant == record.quadrant))
    if isinstance(record, Trend):
        return list(ordered(plan.table(Trend).values()))
    if isinstance(record, EmployerGoal):
        return list(ordered(plan.employer_goals.values()))
    if isinstance(record, Goal):
        # Goals are shown grouped by horizon and kind, so they move within their group.
        return list(
            ordered(
                g
                for g in plan.goals.values()
                if (g.horizon, g.kind) == (record.horizon, record.kind)
            )
        )
    if isinstance(record, Action):
        return list(ordered(a for a in plan.actions.values() if a.goal_id == record.goal_id))
    if isinstance(record, Step):
        return list(
            ordered(
                s
                for s in plan.steps.values()
                if (s.goal_id, s.action_id) == (record.goal_id, record.action_id)
            )
        )
    raise OpError(f"{record.TABLE} records have no order")


def _renumber(edit: Edit, records: Sequence[Record]) -> None:
    for number, record in enumerate(records):
        if getattr(record, "order", None) != number:
            edit.update(record, order=number)


def move(edit: Edit, table: str, id: int, delta: int) -> bool:
    """Move a record ``delta`` places up (negative) or down its list; False at an end."""
    record = edit.plan.get(table, id)
    if record is None:
        raise OpError(f"there is no {table} record {id}")
    records = siblings(edit.plan, record)
    here = next(n for n, r in enumerate(records) if r.id == id)
    there = here + delta
    if delta == 0 or not 0 <= there < len(records):
        return False
    records.insert(there, records.pop(here))
    _renumber(edit, records)
    return True


def move_to_quadrant(edit: Edit, item_id: int, quadrant: Quadrant) -> SwotItem:
    """Move a SWOT item to the end of another quadrant."""
    item = edit.plan.swot.get(item_id)
    if item is None:
        raise OpError(f"there is no SWOT item {item_id}")
    if item.quadrant == quadrant:
        return item
    others = [i for i in edit.plan.swot.values() if i.quadrant == quadrant]
    moved = edit.update(item, quadrant=quadrant, order=next_order(others))
    _renumber(edit, ordered(i for i in edit.plan.swot.values() if i.quadrant == item.quadrant))
    return moved
