"""Changes to a plan, recorded so they can be saved, undone and redone.

A mutation is a function that receives an :class:`Edit` and calls its
``add``/``update``/``delete``. The edit applies each change to the plan at once
(so the mutation reads its own writes) and keeps the list of :class:`Change`
records; the store saves that list and keeps it for undo. Every record added or
changed must keep the rules of :mod:`pop_tui.core.rules` (else :class:`RuleError`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from pop_tui.core.model import TABLES, Plan, Record
from pop_tui.core.value import Value

R = TypeVar("R", bound=Record)


class Change(Value):
    """One record before and after a change (None: absent)."""

    table: str
    id: int
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    def inverse(self) -> Change:
        return Change(self.table, self.id, self.after, self.before)

    def to_dict(self) -> dict[str, Any]:
        return {"table": self.table, "id": self.id, "before": self.before, "after": self.after}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Change:
        return cls(data["table"], int(data["id"]), data["before"], data["after"])


def apply_change(plan: Plan, change: Change) -> None:
    """Make the plan hold ``change.after`` for the record."""
    if change.after is None:
        plan.remove(change.table, change.id)
    else:
        plan.put(TABLES[change.table].from_dict(change.id, change.after))


def apply_changes(plan: Plan, changes: Iterable[Change]) -> None:
    for change in changes:
        apply_change(plan, change)


def next_free_id(plan: Plan, table: str, last_ids: dict[str, int]) -> int:
    """An id never used in ``table``: above every current id and every id ever handed out."""
    records = plan.tables[table]
    return max(last_ids.get(table, 0), max(records, default=0)) + 1


class Edit:
    """The changes of one mutation, applied to ``plan`` as they are made."""

    def __init__(self, plan: Plan, last_ids: dict[str, int] | None = None) -> None:
        self.plan = plan
        self.last_ids: dict[str, int] = dict(last_ids or {})
        self.changes: list[Change] = []
        # Where each record's change is in ``changes``: a record changed twice in one
        # edit is one change (from its first before to its last after), so that undo,
        # which checks each change's "before" against the plan, can take it back.
        self._at: dict[tuple[str, int], int] = {}

    def _record(self, table: str, id: int, after: Record | None) -> None:
        current = self.plan.get(table, id)
        before = current.to_dict() if current is not None else None
        change = Change(table, id, before, after.to_dict() if after is not None else None)
        if change.before == change.after:
            return
        if after is not None:
            from pop_tui.core.rules import check_record  # only when a record is written

            check_record(after, before)
        at = self._at.get((table, id))
        if at is None:
            self._at[(table, id)] = len(self.changes)
            self.changes.append(change)
        else:
            first = self.changes[at].before
            if first == change.after:  # back to where it started: no change at all
                del self.changes[at]
                self._at = {(c.table, c.id): n for n, c in enumerate(self.changes)}
            else:
                self.changes[at] = Change(table, id, first, change.after)
        if after is None:
            self.plan.remove(table, id)
        else:
            self.plan.put(after)

    def add(self, cls: type[R], **values: Any) -> R:
        """Create a new record of ``cls`` with a fresh id."""
        id = next_free_id(self.plan, cls.TABLE, self.last_ids)
        self.last_ids[cls.TABLE] = id
        record = cls(id=id, **values)
        self._record(cls.TABLE, id, record)
        return record

    def put(self, record: R) -> R:
        """Store ``record`` as it is (create or replace)."""
        self.last_ids[record.TABLE] = max(self.last_ids.get(record.TABLE, 0), record.id)
        self._record(record.TABLE, record.id, record)
        return record

    def update(self, record: R, **values: Any) -> R:
        """Replace some fields of ``record``."""
        return self.put(record.replace(**values))

    def delete(self, record: Record) -> None:
        self._record(record.TABLE, record.id, None)

    def rollback(self) -> None:
        """Undo, on the plan, every change made so far (when the mutation failed)."""
        apply_changes(self.plan, (c.inverse() for c in reversed(self.changes)))
        self.changes.clear()
        self._at.clear()
