"""What a person brings to a conflict: which side is theirs, and a new value typed as text.

The conflicts and their resolutions are :mod:`pop_tui.core.conflicts`; this module
adds the two things a screen and a shell command need around them:

- "mine" and "theirs": the side whose device is this device (by name, as
  ``local/device.json`` keeps it), and the other one when there are two.
- A new value typed as text, read as that field is read everywhere else: a date
  as ``fri`` or ``+2w``, a number as ``2,5``, one of a choice's values, a list
  with ``;`` between its items. A field that is chosen rather than typed (a link
  to another record, a period's archive) takes only one of the sides.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal, get_args, get_origin, get_type_hints

from pop_tui.core.conflicts import ConflictView
from pop_tui.core.dates import DateError, parse_date
from pop_tui.core.entry import max_length
from pop_tui.core.model import TABLES
from pop_tui.core.numbers import NumberError, format_number, parse_number
from pop_tui.core.op_error import OpError
from pop_tui.core.printable import printable
from pop_tui.core.texts import t

# How a typed value is read, by the field's type (None: chosen, not typed).
FieldKind = Literal["text", "number", "integer", "date", "choice", "list"]
# Items of a list field (a dream job's qualities) are typed with this between them.
LIST_SEPARATOR = "; "


class EntryError(OpError):
    """Typed text that is not a value of the field; the message says why."""


def mine_side(found: ConflictView, device: str) -> int | None:
    """The index of the side this device (named ``device``) holds, if exactly one is."""
    name = printable(device)
    hits = [n for n, side in enumerate(found.sides) if side.device == name]
    return hits[0] if len(hits) == 1 else None


def theirs_side(found: ConflictView, device: str) -> int | None:
    """The other side, when there are two and one of them is this device's."""
    mine = mine_side(found, device)
    if mine is None or len(found.sides) != 2:
        return None
    return 1 - mine


def side_label(found: ConflictView, side: int) -> str:
    """What undo calls keeping side ``side`` of the conflict."""
    chosen = found.sides[side]
    if chosen.deleted:
        return t("conflicts.label.delete", record=found.title)
    if not found.field:
        return t("conflicts.label.keep", record=found.title)
    return t("conflicts.label.side", record=found.title, field=found.label, device=chosen.device)


def _field_type(table: str, field: str) -> Any:
    cls = TABLES.get(table)
    if cls is None or not field or field == "id":
        return None
    return get_type_hints(cls).get(field)


def field_kind(table: str, field: str) -> FieldKind | None:
    """How a new value of ``field`` is typed; None when it is chosen (a link, a list of
    records, a period's archive): then only one of the sides can be kept."""
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


def read_typed(found: ConflictView, text: str, today: date) -> Any:
    """The value (as the record's dict holds it) that the typed ``text`` means for the
    conflict's field; :func:`pop_tui.core.conflicts.set_value` then checks the rules.

    Raises:
        EntryError: with the message to show, when the text is not a value of that field.
    """
    table, field = found.table, found.field
    kind = field_kind(table, field)
    text = text.strip()
    if kind is None:
        raise EntryError(t("conflicts.not_typed", field=found.label or field))
    if kind == "text":
        if len(text) > max_length(field):
            raise EntryError(t("entry.too_long", most=max_length(field), length=len(text)))
        return text
    if kind == "list":
        return [item.strip() for item in text.split(LIST_SEPARATOR.strip()) if item.strip()]
    if kind == "choice":
        choices = field_choices(table, field)
        if text not in choices:
            raise EntryError(t("conflicts.bad_choice", choices=", ".join(choices)))
        return text
    if kind == "date":
        if not text:
            return None
        try:
            return parse_date(text, today).isoformat()
        except DateError as exc:
            raise EntryError(exc.message) from None
    try:
        number = parse_number(text)
    except NumberError as exc:
        raise EntryError(exc.message) from None
    if kind == "integer" and number is not None:
        if not number.is_integer():
            raise EntryError(t("conflicts.not_whole", value=format_number(number)))
        return int(number)
    return number
