"""The rules every record keeps, whichever way it comes in.

The forms, the shell commands, ``pop import`` and (later) the merge of two
devices' plans all keep the same rules, with the same messages: the limits of
:mod:`pop_tui.core.entry` for text, :data:`pop_tui.core.dates.FIRST_DAY` to
:data:`~pop_tui.core.dates.LAST_DAY` for dates, :data:`pop_tui.core.numbers.LARGEST`
for measures, the moods of a check-in, and the fields that name a record and so
cannot be empty. :class:`~pop_tui.core.edit.Edit` checks every record it adds or
changes, so no way in can skip them; a form or a command checks first, at the
field, only to say it sooner.

Only the fields a change touches are checked: a record kept from before a rule
existed can still be marked done or renamed.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any, Final

from pop_tui.core.dates import FIRST_DAY, LAST_DAY, format_date, in_range
from pop_tui.core.entry import max_length
from pop_tui.core.model import MOODS, Plan, Record
from pop_tui.core.numbers import LARGEST
from pop_tui.core.op_error import OpError
from pop_tui.core.texts import t
from pop_tui.core.value import Value

# The fields that name a record: the forms will not save them empty.
REQUIRED: Final = frozenset(
    {
        ("goals", "title"),
        ("steps", "title"),
        ("employer_goals", "title"),
        ("actions", "action"),
        ("swot", "text"),
        ("trends", "text"),
        ("feedback", "from_whom"),
        ("periods", "name"),
    }
)
# Text that is not typed: a period's archive is a whole plan, checked as one.
UNLIMITED: Final = frozenset({("periods", "archive")})


class RuleProblem(Value):
    """One field of one record that breaks a rule, and why (in the current language)."""

    table: str
    id: int
    field: str
    what: str

    @property
    def where(self) -> str:
        return t("import.where.field", table=self.table, id=self.id, field=self.field)

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


class RuleError(OpError):
    """A change that breaks a rule; nothing of the mutation is kept (the store rolls back)."""

    def __init__(self, problems: list[RuleProblem]) -> None:
        first = problems[0]
        super().__init__(t("rule.refused", where=first.where, what=first.what))
        self.problems = problems


def _text_problem(table: str, field: str, text: str) -> str | None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return t("rule.bad_text")
    if (table, field) in REQUIRED and not text.strip():
        return t("form.error.required")
    most = max_length(field)
    if (table, field) not in UNLIMITED and len(text) > most:
        return t("entry.too_long", most=most, length=len(text))
    return None


def _value_problem(table: str, field: str, value: Any) -> str | None:
    if isinstance(value, str):
        return _text_problem(table, field, value)
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, date):
        if in_range(value):
            return None
        first, last = format_date(FIRST_DAY), format_date(LAST_DAY)
        return t("rule.date", value=value.isoformat(), first=first, last=last)
    if isinstance(value, float):
        if math.isfinite(value) and abs(value) <= LARGEST:
            return None
        return t("rule.number", value=f"{value:g}")
    if isinstance(value, tuple):
        for item in value:
            found = _value_problem(table, field, item)
            if found is not None:
                return found
        return None
    if isinstance(value, Value):  # a held review: its own fields, under the record's field
        for name in value._field_names:
            found = _value_problem(table, name, getattr(value, name))
            if found is not None:
                return found
    return None


def record_problems(record: Record, before: dict[str, Any] | None = None) -> list[RuleProblem]:
    """What is wrong with ``record``; with ``before`` (the record as it was stored), only
    the fields that differ from it are looked at."""
    problems: list[RuleProblem] = []
    table = record.TABLE
    state = record.__dict__
    stored = record.to_dict() if before is not None else None
    for name in record._field_names:
        if name == "id" or (stored is not None and stored[name] == before.get(name)):  # type: ignore[union-attr]
            continue
        value = state[name]
        what = _value_problem(table, name, value)
        if what is None and table == "checkins" and name == "mood":
            what = None if value is None or value in MOODS else t("rule.mood", value=value)
        if what is not None:
            problems.append(RuleProblem(table, record.id, name, what))
    return problems


def plan_problems(plan: Plan) -> list[RuleProblem]:
    """What is wrong with any record of ``plan`` (for a plan from outside: an import, a merge)."""
    return [
        problem
        for _, records in sorted(plan.tables.items())
        for _, record in sorted(records.items())
        for problem in record_problems(record)
    ]


def check_record(record: Record, before: dict[str, Any] | None = None) -> None:
    """Raise :class:`RuleError` if ``record`` (or what changed since ``before``) breaks a rule."""
    problems = record_problems(record, before)
    if problems:
        raise RuleError(problems)
