"""Bring a checked plan into the plan: replace it whole, or merge it in.

Both are mutations for :meth:`PlanStore.apply`, so an import is saved like
any change: atomically, after a backup of the previous file, and undoable.
The plan given must have passed :func:`pop_tui.core.export.json_doc.read_document`.
"""

from __future__ import annotations

from collections import Counter

from pop_tui.core.edit import Edit
from pop_tui.core.model import PROFILE_ID, TABLES, Period, Plan, Profile, Record
from pop_tui.core.references import REFERENCES, table_order, targets
from pop_tui.core.value import Value, field_names


class ImportResult(Value):
    """How many records of each table the import brought in."""

    counts: dict[str, int]


def replace_plan(edit: Edit, imported: Plan) -> ImportResult:
    """Make the plan equal to ``imported``, keeping every record's id."""
    plan = edit.plan
    for name in TABLES:
        for id in sorted(set(plan.tables[name]) - set(imported.tables[name])):
            edit.delete(plan.tables[name][id])
    counts: Counter[str] = Counter()
    for name in table_order():
        for _, record in sorted(imported.tables[name].items()):
            edit.put(record)
            counts[name] += 1
    return ImportResult(dict(counts))


def _remapped(record: Record, ids: dict[str, dict[int, int]]) -> dict[str, object]:
    """The record's fields with every reference turned to the new ids.

    A history reference whose target was not imported is dropped.
    """
    values = {name: getattr(record, name) for name in field_names(record)}
    del values["id"]
    for ref in REFERENCES:
        if ref.table != record.TABLE:
            continue
        mapping = ids.get(ref.target, {})
        old = values[ref.field]
        if ref.many:
            values[ref.field] = tuple(mapping[i] for i in targets(old) if i in mapping)
        elif old is not None:
            values[ref.field] = mapping.get(old) if isinstance(old, int) else None
    return values


def _unique_name(name: str, taken: set[str]) -> str:
    candidate, n = name, 1
    while candidate.casefold() in taken:
        n += 1
        candidate = f"{name} ({n})"
    taken.add(candidate.casefold())
    return candidate


def merge_plan(edit: Edit, imported: Plan) -> ImportResult:
    """Add the records of ``imported`` to the plan with fresh ids, references renumbered.

    The plan's profile stays; only its empty fields are filled from the
    imported one. Earlier periods are added (a name already used gets a
    number); the imported plan's own current period is not, since the plan
    already has one.
    """
    plan = edit.plan
    ids: dict[str, dict[int, int]] = {name: {} for name in TABLES}
    counts: Counter[str] = Counter()
    taken = {p.name.casefold() for p in plan.table(Period).values()}
    for name in table_order():
        cls = TABLES[name]
        if cls is Profile:
            continue
        for old_id, record in sorted(imported.tables[name].items()):
            values = _remapped(record, ids)
            if isinstance(record, Period):
                if not record.archive:
                    continue
                values["name"] = _unique_name(record.name, taken)
            ids[name][old_id] = edit.add(cls, **values).id
            counts[name] += 1
    theirs = imported.profile
    if PROFILE_ID in imported.tables[Profile.TABLE]:
        ours = plan.profile
        filled = {
            name: getattr(theirs, name)
            for name in field_names(Profile)
            if name not in ("id", "language") and not getattr(ours, name)
        }
        if any(filled.values()):
            edit.put(ours.replace(**filled))
            counts[Profile.TABLE] += 1
    return ImportResult(dict(counts))
