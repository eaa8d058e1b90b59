"""The fields of a form: what each holds, how typed text becomes a value, how a value reads.

A field is text, a number, a date (quick entry), one choice out of a few, or
links (a selection of records). :func:`read_field` turns what a widget holds
into the value that is saved, or says at the field why it cannot be.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from pop_tui.core.dates import DateError, format_date, parse_date
from pop_tui.core.entry import max_length
from pop_tui.core.numbers import NumberError, format_number, parse_number
from pop_tui.core.printable import printable
from pop_tui.core.texts import t

FieldKind = Literal["text", "number", "date", "choice", "links"]
Values = dict[str, Any]

# Text fields that hold a list (a dream job's qualities) show it joined by this.
LIST_SEPARATOR = "; "


@dataclass(frozen=True)
class FormField:
    """One field of a form: what it holds, its label, and what it starts with.

    ``choices`` are (label, value) pairs for a choice or links field; a choice
    label is catalogue text, a links label is user text (shown as data). A text
    field takes at most ``max_length`` characters (None: the limit of a field of
    that name, see :func:`pop_tui.core.entry.max_length`). ``shows`` turns the
    record's value into what the field holds when the two differ (a review's rule
    is shown as its description, "no goal" as the choice that says so): it lets a
    value saved elsewhere be compared with the form's (see :func:`form_value`).
    ``warn_past``: a date field for a due date, that warns as a past day is typed.
    """

    name: str
    label: str
    kind: FieldKind = "text"
    value: Any = None
    required: bool = False
    choices: tuple[tuple[str, Any], ...] = ()
    placeholder: str = ""
    max_length: int | None = None
    shows: Callable[[Any], Any] | None = None
    # A date field that is a due date: a day in the past says it is late at once.
    warn_past: bool = False


class FieldError(ValueError):
    """A field's typed value that cannot be saved; ``message`` says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def read_field(field: FormField, raw: Any, today: date) -> Any:
    """The value of a field from what its widget holds.

    Raises:
        FieldError: with the message to show at the field.
    """
    if field.kind == "text":
        text = str(raw).strip()
        if field.required and not text:
            raise FieldError(t("form.error.required"))
        most = field.max_length if field.max_length is not None else max_length(field.name)
        if len(text) > most:
            raise FieldError(t("entry.too_long", most=most, length=len(text)))
        return text
    if field.kind == "number":
        try:
            return parse_number(str(raw))
        except NumberError as exc:
            raise FieldError(exc.message) from None
    if field.kind == "date":
        text = str(raw).strip()
        if not text:
            if field.required:
                raise FieldError(t("form.error.required_date", forms=t("date.forms")))
            return None
        try:
            return parse_date(text, today)
        except DateError as exc:
            raise FieldError(exc.message) from None
    if field.kind == "links":
        return tuple(raw)
    return raw


def initial_text(kind: FieldKind, value: Any) -> str:
    """What a text, number or date widget shows for ``value``."""
    if value is None:
        return ""
    if kind == "number":
        return format_number(float(value))
    if kind == "date" and isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return str(value)


def form_value(field: FormField, value: Any, today: date) -> Any:
    """What the field would read if it had been opened on ``value`` and left alone."""
    if field.shows is not None:
        value = field.shows(value)
    if field.kind == "links":
        raw: Any = value or ()
    elif field.kind == "choice":
        raw = value
    else:
        raw = initial_text(field.kind, value)
    try:
        return read_field(field, raw, today)
    except FieldError:
        return raw


def same_value(field: FormField, a: Any, b: Any) -> bool:
    """Whether two values of the field mean the same (links: the same set, in any order)."""
    if field.kind == "links":
        return set(a or ()) == set(b or ())
    return bool(a == b)


def describe_value(field: FormField, value: Any) -> str:
    """A value as a person reads it, on one line (empty text for no value)."""
    if value is None or value == "" or value == ():
        return ""
    if field.kind == "number":
        return format_number(float(value))
    if field.kind == "date" and isinstance(value, date):
        return format_date(value)
    if field.kind in ("choice", "links"):
        chosen = set(value) if field.kind == "links" else {value}
        labels = [label for label, v in field.choices if v in chosen]
        return printable(", ".join(labels) if labels else str(value))
    return printable(initial_text(field.kind, value))
