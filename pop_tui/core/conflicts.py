"""The conflicts a merge left in the plan: listed for a person, and resolved.

A conflict record (:class:`~pop_tui.core.model.Conflict`, made by
:mod:`pop_tui.core.merge`) says that two devices changed one field of a record
to different values, or (field "") that one deleted a record the other changed.
The record stays usable meanwhile with one of the values.

:func:`open_conflicts` lists them in a form the shell prints and the TUI shows:
every part plain text (user text made printable, never markup). Resolving takes
an :class:`~pop_tui.core.edit.Edit`, so the store saves it and undo takes it
back: :func:`choose_side` takes one side's value (or, for field "", keeps or
deletes the record), :func:`set_value` a new value, :func:`keep_record` and
:func:`delete_record` answer a deleted-or-changed question. A value goes
through the model and the rules (:mod:`pop_tui.core.rules`); a bad one raises
:class:`ResolveError` or :class:`~pop_tui.core.rules.RuleError` and changes nothing.
"""

from __future__ import annotations

import contextlib
import json
import typing
from collections.abc import Callable
from datetime import date
from typing import Any

from pop_tui.core.dates import format_date
from pop_tui.core.edit import Edit
from pop_tui.core.merge_doc import TITLE_FIELDS, record_title
from pop_tui.core.model import TABLES, Conflict, ConflictSide, ModelError, Plan, Record
from pop_tui.core.numbers import format_number
from pop_tui.core.op_error import OpError
from pop_tui.core.plan_changes import short_title
from pop_tui.core.printable import printable
from pop_tui.core.references import REFERENCES
from pop_tui.core.removal import (
    delete_action,
    delete_employer_goal,
    delete_goal,
    delete_step,
    delete_swot_item,
)
from pop_tui.core.texts import t
from pop_tui.core.value import Value


class ResolveError(OpError):
    """A conflict that cannot be resolved so (the message says why); nothing changed."""


class SideView(Value):
    """One side of a conflict, as text to show."""

    device: str
    at: str
    value: str
    deleted: bool
    # The record holds this side's value meanwhile.
    shown: bool


class ConflictView(Value):
    """An open conflict, as text to show: which record, which field, and the sides."""

    id: int
    table: str
    record_id: int
    title: str
    # The field's label in the current language ("" for a deleted-or-changed record).
    field: str
    label: str
    sides: tuple[SideView, ...]


def open_conflicts(plan: Plan) -> list[ConflictView]:
    """Every conflict of the plan whose record is still there, oldest first."""
    found = []
    for conflict in sorted(plan.table(Conflict).values(), key=lambda c: c.id):
        record = plan.tables.get(conflict.table, {}).get(conflict.record_id)
        if record is None and conflict.field:
            continue
        sides = tuple(
            SideView(
                printable(side.device),
                _time(side.at),
                _side_text(plan, conflict, side),
                side.deleted,
                n == conflict.shown,
            )
            for n, side in enumerate(conflict.sides)
        )
        found.append(
            ConflictView(
                conflict.id,
                conflict.table,
                conflict.record_id,
                _record_name(conflict.table, conflict.record_id, record),
                conflict.field,
                field_label(conflict.field),
                sides,
            )
        )
    return found


def field_label(field: str) -> str:
    """A field's name for people ("" : the whole record)."""
    if not field:
        return t("merge.field.record")
    try:
        return t(f"merge.field.{field}")
    except KeyError:
        return printable(field)


def record_name(plan: Plan, table: str, id: int) -> str:
    """ "goal 3: Learn Rust": a record as a conflict names it, as the plan holds it now."""
    return _record_name(table, id, plan.tables.get(table, {}).get(id))


def _record_name(table: str, id: int, record: Record | None) -> str:
    title = record_title(table, record.to_dict()) if record is not None else ""
    noun = t(f"merge.noun.{table}.one") if table in TABLES else printable(table)
    if title and _is_date(table, TITLE_FIELDS.get(table, "")):
        with contextlib.suppress(ValueError):
            title = format_date(date.fromisoformat(title))
    return f"{noun} {id}: {short_title(title)}" if title else f"{noun} {id}"


def _time(at: str) -> str:
    day, _, clock = at.partition("T")
    try:
        shown = format_date(date.fromisoformat(day))
    except ValueError:
        return printable(at)
    return f"{shown} {clock[:5]}" if clock else shown


def _side_text(plan: Plan, conflict: Conflict, side: ConflictSide) -> str:
    if side.deleted:
        return t("merge.side.deleted")
    if not conflict.field:
        return t("merge.side.changed")
    try:
        value = json.loads(side.value)
    except ValueError:
        return printable(side.value)
    return value_text(plan, conflict.table, conflict.field, value)


def value_text(plan: Plan, table: str, field: str, value: Any) -> str:
    """A field's value (as its record's dict holds it) as plain text on one line."""
    if value is None or value == "" or value == []:
        return t("merge.value.empty")
    if isinstance(value, bool):
        return t("merge.value.yes" if value else "merge.value.no")
    if isinstance(value, list):
        return ", ".join(value_text(plan, table, field, v) for v in value)
    if isinstance(value, dict):  # a held review
        parts = [value_text(plan, table, field, value.get("on"))]
        if value.get("notes"):
            parts.append(short_title(str(value["notes"])))
        return " ".join(parts)
    target = next((r.target for r in REFERENCES if (r.table, r.field) == (table, field)), None)
    if target is not None and isinstance(value, int):
        found = plan.tables.get(target, {}).get(value)
        return _record_name(target, value, found)
    if isinstance(value, int | float):
        return format_number(float(value)) if isinstance(value, float) else str(value)
    text = str(value)
    if _is_date(table, field):
        try:
            return format_date(date.fromisoformat(text))
        except ValueError:
            pass
    return printable(text)


def _is_date(table: str, field: str) -> bool:
    cls = TABLES.get(table)
    if cls is None:
        return field in ("on",)
    hint = typing.get_type_hints(cls).get(field)
    return hint is date or date in typing.get_args(hint)


# --- resolving ------------------------------------------------------------------------


def _conflict(edit: Edit, conflict_id: int) -> Conflict:
    conflict = edit.plan.table(Conflict).get(conflict_id)
    if conflict is None:
        raise ResolveError(t("merge.resolve.no_conflict", id=conflict_id))
    return conflict


def _record(edit: Edit, conflict: Conflict) -> Record:
    record = edit.plan.tables.get(conflict.table, {}).get(conflict.record_id)
    if record is None:
        raise ResolveError(t("merge.resolve.gone", id=conflict.id))
    return record


def choose_side(edit: Edit, conflict_id: int, side: int) -> None:
    """Take the value of side ``side`` (an index into the conflict's sides): set the field,
    or (field "") keep the record or delete it; the conflict is then gone."""
    conflict = _conflict(edit, conflict_id)
    if not 0 <= side < len(conflict.sides):
        raise ResolveError(t("merge.resolve.no_side", side=side + 1, count=len(conflict.sides)))
    chosen = conflict.sides[side]
    if not conflict.field:
        if chosen.deleted:
            delete_record(edit, conflict_id)
        else:
            _keep(edit, conflict, chosen)
        return
    try:
        value = json.loads(chosen.value)
    except ValueError:
        raise ResolveError(t("merge.resolve.bad_value", problem=chosen.value)) from None
    set_value(edit, conflict_id, value)


def set_value(edit: Edit, conflict_id: int, value: Any) -> Record:
    """Give the field in conflict ``value`` (as the record's dict holds it: a date as
    "2026-12-07"), checked by the model and the rules; the conflict is then gone."""
    conflict = _conflict(edit, conflict_id)
    if not conflict.field:
        raise ResolveError(t("merge.resolve.whole_record", id=conflict_id))
    record = _record(edit, conflict)
    if conflict.field not in record._field_names or conflict.field == "id":
        raise ResolveError(t("merge.resolve.no_field", field=printable(conflict.field)))
    fields = {**record.to_dict(), conflict.field: value}
    try:
        changed = type(record).from_dict(record.id, fields)
    except ModelError as exc:
        raise ResolveError(t("merge.resolve.bad_value", problem=exc)) from None
    edit.put(changed)
    edit.delete(conflict)
    return changed


def typed_value(plan: Plan, conflict_id: int, text: str) -> Any:
    """What a person typed for the field in conflict, as the record's dict would hold it:
    text as it is for a text field; otherwise JSON (``null``, ``12``, ``[1, 2]``), or the
    text itself (a date "2026-12-07"). :func:`set_value` checks it."""
    conflict = plan.table(Conflict).get(conflict_id)
    if conflict is None:
        raise ResolveError(t("merge.resolve.no_conflict", id=conflict_id))
    record = plan.tables.get(conflict.table, {}).get(conflict.record_id)
    current = record.to_dict().get(conflict.field) if record is not None else None
    if isinstance(current, str) and not _is_date(conflict.table, conflict.field):
        return text
    try:
        return json.loads(text)
    except ValueError:
        return text.strip()


def keep_record(edit: Edit, conflict_id: int) -> None:
    """Answer "deleted on one device, changed on another" with: keep it (as it is now)."""
    conflict = _conflict(edit, conflict_id)
    if conflict.field:
        raise ResolveError(t("merge.resolve.not_deleted", id=conflict_id))
    kept = next((s for s in conflict.sides if not s.deleted), None)
    _keep(edit, conflict, kept)


def _keep(edit: Edit, conflict: Conflict, side: ConflictSide | None) -> None:
    if conflict.record_id not in edit.plan.tables.get(conflict.table, {}):
        # Deleted here meanwhile: brought back as that side had it.
        cls = TABLES.get(conflict.table)
        if cls is None or side is None:
            raise ResolveError(t("merge.resolve.gone", id=conflict.id))
        try:
            edit.put(cls.from_dict(conflict.record_id, json.loads(side.value)))
        except (ModelError, ValueError) as exc:
            raise ResolveError(t("merge.resolve.bad_value", problem=exc)) from None
    edit.delete(conflict)


# How each table's record is deleted without leaving references to it behind.
_REMOVERS: dict[str, Callable[[Edit, int], None]] = {
    "goals": delete_goal,
    "steps": delete_step,
    "actions": delete_action,
    "swot": delete_swot_item,
    "employer_goals": delete_employer_goal,
}


def delete_record(edit: Edit, conflict_id: int) -> None:
    """Answer "deleted on one device, changed on another" with: delete it (with what only
    exists for it, as deleting it here would); conflicts about what went with it go too."""
    conflict = _conflict(edit, conflict_id)
    if conflict.field:
        raise ResolveError(t("merge.resolve.not_deleted", id=conflict_id))
    record = edit.plan.tables.get(conflict.table, {}).get(conflict.record_id)
    if record is not None:
        remover = _REMOVERS.get(conflict.table)
        if remover is not None:
            remover(edit, record.id)
        else:
            edit.delete(record)
    for other in list(edit.plan.table(Conflict).values()):
        gone = other.record_id not in edit.plan.tables.get(other.table, {})
        if other.id == conflict_id or gone:
            edit.delete(other)
