"""The open conflicts of a plan, as a person reads them, and the choices that resolve them.

A conflict (:class:`~pop_tui.core.model.Conflict`, made by the merge of two
devices' plans) keeps both values of one field of a record, with the device and
the time of each; meanwhile the record holds one of them. Resolving is one
mutation on an :class:`~pop_tui.core.edit.Edit`, so the store saves it as one
change that undo takes back:

- :func:`choose_side`: the record gets that side's value, the conflict goes.
- :func:`give_value`: the record gets a new value (checked by the model and the
  rules, as every edit is), the conflict goes.
- :func:`keep_record` / :func:`delete_record`: for a record deleted on one
  device and changed on the other (field ``""``).

"Mine" is the side whose device is this device (:func:`mine_side`); the UI and
the shell name the sides by their devices, never by position alone.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any, Literal, get_args, get_origin, get_type_hints

from pop_tui.core import removal
from pop_tui.core.dates import DateError, format_date, parse_date
from pop_tui.core.edit import Edit
from pop_tui.core.entry import max_length
from pop_tui.core.model import TABLES, Conflict, ConflictSide, ModelError, Plan, Record
from pop_tui.core.numbers import NumberError, format_number, parse_number
from pop_tui.core.op_error import OpError
from pop_tui.core.printable import printable
from pop_tui.core.texts import t
from pop_tui.core.value import Value

# How a typed value is read, by the field's type (None: chosen, not typed).
FieldKind = Literal["text", "number", "integer", "date", "choice", "list"]
# Items of a list field (a dream job's qualities) are typed with this between them.
LIST_SEPARATOR = "; "
# The field that names a record of each table, for "goal 3 “Learn Rust”".
TITLE_FIELDS: dict[str, str] = {
    "goals": "title",
    "steps": "title",
    "employer_goals": "title",
    "reviews": "title",
    "actions": "action",
    "swot": "text",
    "trends": "text",
    "feedback": "from_whom",
    "periods": "name",
    "profile": "owner",
    "checkins": "on",
    "progress": "on",
    "reflections": "on",
    "goal_changes": "field",
}
# Deleting a record of these tables takes its dependents along (see core/removal.py).
_DELETERS: dict[str, Callable[[Edit, int], None]] = {
    "goals": removal.delete_goal,
    "actions": removal.delete_action,
    "steps": removal.delete_step,
    "swot": removal.delete_swot_item,
    "employer_goals": removal.delete_employer_goal,
}


class SideView(Value):
    """One side of a conflict as it is shown: whose, when, and the value as text."""

    index: int
    device: str
    at: str
    text: str
    deleted: bool
    shown: bool  # the record holds this value meanwhile
    mine: bool


class ConflictView(Value):
    """An open conflict as a person reads it (every text printable, user text as data)."""

    id: int
    table: str
    record_id: int
    record: str  # "goal 3 · Learn Rust"
    field: str  # "" when one side deleted the record
    label: str  # the field as it is named ("due date"); "" with field ""
    sides: tuple[SideView, ...]
    typed: FieldKind | None  # how a new value is typed; None: only a side can be chosen


def open_conflicts(plan: Plan) -> list[Conflict]:
    """The conflicts still to be resolved, oldest first."""
    return [plan.table(Conflict)[id] for id in sorted(plan.table(Conflict))]


def kind_name(table: str) -> str:
    """What a record of ``table`` is called ("goal", "step"...)."""
    try:
        return t(f"conflicts.kind.{table}")
    except KeyError:
        return table


def field_name(field: str) -> str:
    """What a field is called in a conflict ("due date"); a field with no name: as it is."""
    try:
        return t(f"conflicts.field.{field}")
    except KeyError:
        return field


def record_name(plan: Plan, conflict: Conflict) -> str:
    """ "goal 3 · Learn Rust" for the record the conflict is about (printable)."""
    kind = kind_name(conflict.table)
    record = plan.get(conflict.table, conflict.record_id)
    if record is None:
        return t("conflicts.record_gone", kind=kind, id=conflict.record_id)
    title_field = TITLE_FIELDS.get(conflict.table)
    title = getattr(record, title_field, "") if title_field else ""
    if isinstance(title, date):
        title = format_date(title)
    if not isinstance(title, str) or not title.strip():
        return f"{kind} {conflict.record_id}"
    return f"{kind} {conflict.record_id} · {printable(title)}"


def value_text(value: Any) -> str:
    """A field's value (as the record's dict holds it) on one line, as a person reads it."""
    if value is None or value == "" or value == []:
        return t("conflicts.empty")
    if isinstance(value, bool):
        return t("conflicts.yes") if value else t("conflicts.no")
    if isinstance(value, float | int):
        return format_number(float(value))
    if isinstance(value, str):
        try:
            return format_date(date.fromisoformat(value)) if len(value) == 10 else printable(value)
        except ValueError:
            return printable(value)
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return printable(LIST_SEPARATOR.join(str(v) for v in value))
    return printable(json.dumps(value, ensure_ascii=False, sort_keys=True))


def side_value(side: ConflictSide) -> Any:
    """The side's value as the record's dict holds it (None for a side that deleted it)."""
    if side.deleted:
        return None
    try:
        return json.loads(side.value)
    except ValueError:
        return side.value


def side_text(side: ConflictSide) -> str:
    return t("conflicts.deleted") if side.deleted else value_text(side_value(side))


def mine_side(conflict: Conflict, device: str) -> int | None:
    """The index of the side that this device (named ``device``) holds, if exactly one is."""
    found = [n for n, side in enumerate(conflict.sides) if side.device == device]
    return found[0] if len(found) == 1 else None


def theirs_side(conflict: Conflict, device: str) -> int | None:
    """The other side, when there are two and one of them is this device's."""
    mine = mine_side(conflict, device)
    if mine is None or len(conflict.sides) != 2:
        return None
    return 1 - mine


def when_text(at: str) -> str:
    """A side's time ("2026-12-07T10:00:00") as "Mon 7 Dec 2026 10:00"."""
    try:
        day = date.fromisoformat(at[:10])
    except ValueError:
        return printable(at)
    clock = at[11:16]
    return f"{format_date(day)} {clock}".strip()


def view(plan: Plan, conflict: Conflict, device: str) -> ConflictView:
    """The conflict as it is shown, this device's side marked."""
    mine = mine_side(conflict, device)
    sides = tuple(
        SideView(
            index=n,
            device=printable(side.device) or "?",
            at=when_text(side.at),
            text=side_text(side) if conflict.field or side.deleted else t("conflicts.changed"),
            deleted=side.deleted,
            shown=n == conflict.shown,
            mine=n == mine,
        )
        for n, side in enumerate(conflict.sides)
    )
    return ConflictView(
        id=conflict.id,
        table=conflict.table,
        record_id=conflict.record_id,
        record=record_name(plan, conflict),
        field=conflict.field,
        label=field_name(conflict.field) if conflict.field else "",
        sides=sides,
        typed=field_kind(conflict.table, conflict.field),
    )


def views(plan: Plan, device: str) -> list[ConflictView]:
    return [view(plan, c, device) for c in open_conflicts(plan)]


def side_label(found: ConflictView, side: int) -> str:
    """What undo calls keeping side ``side`` of the conflict."""
    chosen = found.sides[side]
    if chosen.deleted:
        return t("conflicts.label.delete", record=found.record)
    if not found.field:
        return t("conflicts.label.keep", record=found.record)
    return t("conflicts.label.side", record=found.record, field=found.label, device=chosen.device)


# --- typing a new value ---------------------------------------------------------


def _field_type(table: str, field: str) -> Any:
    cls = TABLES.get(table)
    if cls is None or not field or field == "id":
        return None
    return get_type_hints(cls).get(field)


def field_kind(table: str, field: str) -> FieldKind | None:
    """How a new value of ``field`` is typed; None when it is chosen (a link, a list of
    records, a period's archive): then only one of the two sides can be kept."""
    hint = _field_type(table, field)
    if hint is None or field.endswith(("_id", "_ids")) or field in ("order", "archive"):
        return None
    args = [a for a in get_args(hint) if a is not type(None)]
    if get_origin(hint) is not Literal and args and type(None) in get_args(hint):
        hint = args[0]
    if get_origin(hint) is Literal:
        return "choice"
    if hint is str:
        return "text"
    if hint is float:
        return "number"
    if hint is int:
        return "integer"
    if hint is date:
        return "date"
    if get_origin(hint) is tuple and get_args(hint)[:1] == (str,):
        return "list"
    return None


def field_choices(table: str, field: str) -> tuple[str, ...]:
    """The values a choice field takes."""
    hint = _field_type(table, field)
    return tuple(str(a) for a in get_args(hint)) if get_origin(hint) is Literal else ()


def read_typed(table: str, field: str, text: str, today: date) -> Any:
    """The value (as the record's dict holds it) that the typed ``text`` means.

    Raises:
        OpError: with the message to show, when the text is not a value of that field.
    """
    kind = field_kind(table, field)
    text = text.strip()
    if kind is None:
        raise OpError(t("conflicts.not_typed", field=field_name(field)))
    if kind == "text":
        if len(text) > max_length(field):
            raise OpError(t("entry.too_long", most=max_length(field), length=len(text)))
        return text
    if kind == "list":
        return [item.strip() for item in text.split(LIST_SEPARATOR.strip()) if item.strip()]
    if kind == "choice":
        choices = field_choices(table, field)
        if text not in choices:
            raise OpError(t("conflicts.bad_choice", choices=", ".join(choices)))
        return text
    if kind == "date":
        if not text:
            return None
        try:
            return parse_date(text, today).isoformat()
        except DateError as exc:
            raise OpError(exc.message) from None
    try:
        number = parse_number(text)
    except NumberError as exc:
        raise OpError(exc.message) from None
    if kind == "integer" and number is not None:
        if not number.is_integer():
            raise OpError(t("conflicts.not_whole", value=format_number(number)))
        return int(number)
    return number


# --- resolving ------------------------------------------------------------------


def _conflict(edit: Edit, conflict_id: int) -> Conflict:
    found = edit.plan.table(Conflict).get(conflict_id)
    if found is None:
        raise OpError(t("conflicts.gone", id=conflict_id))
    return found


def _set_field(edit: Edit, conflict: Conflict, value: Any) -> None:
    record = edit.plan.get(conflict.table, conflict.record_id)
    if record is not None:
        data = {**record.to_dict(), conflict.field: value}
        try:
            changed: Record = TABLES[conflict.table].from_dict(record.id, data)
        except ModelError as exc:
            raise OpError(str(exc)) from None
        edit.put(changed)
    edit.delete(conflict)


def choose_side(edit: Edit, conflict_id: int, side: int) -> Conflict:
    """Resolve with the value of ``conflict.sides[side]`` (a deleting side: delete the record)."""
    conflict = _conflict(edit, conflict_id)
    if not 0 <= side < len(conflict.sides):
        raise OpError(t("conflicts.no_side", side=side + 1, count=len(conflict.sides)))
    chosen = conflict.sides[side]
    if chosen.deleted:
        delete_record(edit, conflict_id)
    elif not conflict.field:
        keep_record(edit, conflict_id)
    else:
        _set_field(edit, conflict, side_value(chosen))
    return conflict


def give_value(edit: Edit, conflict_id: int, value: Any) -> Conflict:
    """Resolve with a new ``value`` of the field (as the record's dict holds it).

    Raises:
        OpError: for a conflict about a deleted record, or a value the field cannot hold;
        RuleError: for a value the rules refuse (the store then keeps nothing).
    """
    conflict = _conflict(edit, conflict_id)
    if not conflict.field:
        raise OpError(t("conflicts.keep_or_delete"))
    _set_field(edit, conflict, value)
    return conflict


def keep_record(edit: Edit, conflict_id: int) -> Conflict:
    """A record deleted on one device and changed on the other: keep it as it is now."""
    conflict = _conflict(edit, conflict_id)
    edit.delete(conflict)
    return conflict


def delete_record(edit: Edit, conflict_id: int) -> Conflict:
    """Delete the record the conflict is about (with what only exists for it), and the
    conflicts about anything that went with it."""
    conflict = _conflict(edit, conflict_id)
    edit.delete(conflict)
    if edit.plan.get(conflict.table, conflict.record_id) is not None:
        deleter = _DELETERS.get(conflict.table)
        if deleter is not None:
            deleter(edit, conflict.record_id)
        else:
            record = edit.plan.get(conflict.table, conflict.record_id)
            assert record is not None
            edit.delete(record)
    for other in open_conflicts(edit.plan):
        if edit.plan.get(other.table, other.record_id) is None:
            edit.delete(other)
    return conflict
