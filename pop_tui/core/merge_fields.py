"""The three-way merge of one record: field by field, lists that are sets merged as sets.

Used by :mod:`pop_tui.core.merge` on record dicts whose references already
hold the merged plan's ids (so the values of both sides and of the ancestor
compare as they are). A field changed on one side takes that side's value; a
field both sides changed to different values is a *clash*, which the merge
turns into a conflict record. The lists that only gather things (a review's
held dates, a check-in's steps, a goal's SWOT items and employer goals, the
dream job's qualities) never clash: they are merged as sets.

The conflicts table itself never clashes either: two devices that found the
same conflict keep one record with the sides of both.
"""

from __future__ import annotations

import json
from typing import Any, Final

from pop_tui.core.model import TABLES, CheckIn, Conflict, Goal, Profile, Review

# The lists merged as sets, three-way: removed by a side -> removed, added by either -> added.
SET_FIELDS: Final = frozenset(
    {
        (Review.TABLE, "held"),
        (CheckIn.TABLE, "step_ids"),
        (Goal.TABLE, "swot_ids"),
        (Goal.TABLE, "employer_goal_ids"),
        (Profile.TABLE, "dream_job_qualities"),
    }
)
# Set fields whose items are kept in date order ("on") rather than base order then new.
_DATED: Final = frozenset({(Review.TABLE, "held")})


class _Missing:
    """A field a record's dict does not hold (written by an older pop)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Final = _Missing()


# json.dumps makes an encoder at each call: a merge encodes every record a few times.
_encode = json.JSONEncoder(sort_keys=True, ensure_ascii=False).encode


def canon(value: Any) -> str:
    """A value as the one JSON text that compares it: two values are equal when their texts are.

    The same text as ``json.dumps(value, sort_keys=True, ensure_ascii=False)``, the form of a
    conflict side's value."""
    return _encode(value)


def defaults(table: str) -> dict[str, Any]:
    """The dict of a record of ``table`` with every field at its default: the ancestor of a
    record both sides made (the profile of two plans made apart)."""
    cls = TABLES.get(table)
    return cls(id=0).to_dict() if cls is not None else {}


def merge_record(
    table: str, base: dict[str, Any] | None, ours: dict[str, Any], theirs: dict[str, Any]
) -> tuple[dict[str, Any], list[str]]:
    """The merged fields of one record, and the fields that clash (holding ours' value for now)."""
    if base is None:
        base = defaults(table)
    ours_text, theirs_text = canon(ours), canon(theirs)
    if ours_text == theirs_text:
        return dict(ours), []
    base_text = canon(base)
    if ours_text == base_text:
        return dict(theirs), []
    if theirs_text == base_text:
        return dict(ours), []
    merged: dict[str, Any] = {}
    clashes: list[str] = []
    for field in sorted(base.keys() | ours.keys() | theirs.keys()):
        value, clash = merge_field(
            table,
            field,
            base.get(field, MISSING),
            ours.get(field, MISSING),
            theirs.get(field, MISSING),
        )
        if clash:
            clashes.append(field)
        if value is not MISSING:
            merged[field] = value
    return merged, clashes


def merge_field(table: str, field: str, base: Any, ours: Any, theirs: Any) -> tuple[Any, bool]:
    """The merged value of one field and whether it clashes (then ours' value is returned)."""
    ours_text, theirs_text = canon_or_missing(ours), canon_or_missing(theirs)
    if ours_text == theirs_text:
        return ours, False
    base_text = canon_or_missing(base)
    if ours_text == base_text:
        return theirs, False
    if theirs_text == base_text:
        return ours, False
    if (table, field) in SET_FIELDS:
        return merge_set(table, field, base, ours, theirs), False
    if table == Conflict.TABLE:
        return _merge_conflict_field(field, ours, theirs), False
    return ours, True


def canon_or_missing(value: Any) -> str | None:
    return None if value is MISSING else canon(value)


def _items(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else []


def _sort_key(value: Any) -> tuple[int, Any]:
    # Numbers in their order, text in its own, anything else by its JSON text.
    if isinstance(value, int | float) and not isinstance(value, bool):
        return (0, value)
    if isinstance(value, str):
        return (1, value)
    return (2, canon(value))


def merge_set(table: str, field: str, base: Any, ours: Any, theirs: Any) -> list[Any]:
    """A list merged as a set: the ancestor's items both sides kept (in its order), then
    the items either side added (sorted); a review's held dates in date order."""
    base_items = _items(base)
    ours_by = {canon(v): v for v in _items(ours)}
    theirs_by = {canon(v): v for v in _items(theirs)}
    base_texts = {canon(v) for v in base_items}
    kept: dict[str, Any] = {}
    for item in base_items:
        text = canon(item)
        if text in ours_by and text in theirs_by:
            kept.setdefault(text, item)
    added = {
        text: value
        for text, value in [*ours_by.items(), *theirs_by.items()]
        if text not in base_texts
    }
    if (table, field) in _DATED:
        every = {**kept, **added}
        return [every[t] for t in sorted(every, key=lambda t: (_held_day(every[t]), t))]
    new = sorted(added.values(), key=lambda v: (_sort_key(v), canon(v)))
    return [*kept.values(), *new]


def _held_day(item: Any) -> str:
    day = item.get("on") if isinstance(item, dict) else None
    return day if isinstance(day, str) else ""


def side_order(side: Any) -> tuple[str, str, str, bool]:
    """The order of a conflict's sides: by device, time, value."""
    if not isinstance(side, dict):
        return ("", "", canon(side), False)
    return (
        str(side.get("device", "")),
        str(side.get("at", "")),
        str(side.get("value", "")),
        bool(side.get("deleted", False)),
    )


def _merge_conflict_field(field: str, ours: Any, theirs: Any) -> Any:
    """Two devices' versions of one conflict record: the sides of both; anything else, one
    chosen by its text (shown is worked out again from the record's value afterwards)."""
    if field == "sides":
        every = {canon(s): s for s in [*_items(ours), *_items(theirs)]}
        return sorted(every.values(), key=side_order)
    if ours is MISSING or theirs is MISSING:
        return theirs if ours is MISSING else ours
    return max(ours, theirs, key=canon)


def conflict_sides(
    sides: tuple[dict[str, Any], ...], keep: int | None, existing: dict[str, Any]
) -> tuple[list[dict[str, Any]], int]:
    """The sides of a conflict found now (``keep``: the side the record holds; None: the one
    saved later, ties: the larger value), in order, and the index of the one shown.

    A side the ``existing`` conflict record has for the same value is kept as it was (its
    device and time), so that finding one conflict again changes nothing; and so is a side
    of a device that has no side now (a third device's value, not chosen yet). A device's
    side with another value is its older value: it goes."""
    had_sides = existing.get("sides")
    old = [s for s in (had_sides if isinstance(had_sides, list) else []) if isinstance(s, dict)]
    had = {(s.get("value"), s.get("deleted")): s for s in old}
    now = [had.get((s["value"], s["deleted"]), s) for s in sides]
    devices = {s.get("device") for s in now}
    values = {(s.get("value"), s.get("deleted")) for s in now}
    others = [
        s
        for s in old
        if s.get("device") not in devices and (s.get("value"), s.get("deleted")) not in values
    ]
    every = {canon(s): s for s in [*now, *others]}
    found = sorted(every.values(), key=side_order)
    if keep is None:
        shown = max(range(len(found)), key=lambda i: (str(found[i]["at"]), str(found[i]["value"])))
    else:
        kept = sides[keep]
        shown = next(
            i for i, s in enumerate(found) if s["value"] == kept["value"] and not s["deleted"]
        )
    return found, shown
