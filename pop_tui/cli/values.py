"""Values typed on the command line, read by the same rules as the app's form fields.

A text is kept as typed (only its length is checked, as in ``pop add``), a
number is read as the forms read it (``40``, ``2,5``), a date by the quick-entry
grammar in English and Dutch. An empty value (``--deadline ""``) clears a field
that may be empty, as emptying the field in a form does. Each refusal raises
:class:`~pop_tui.cli.failure.CommandFailed` with the form's message, before
anything is saved.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from pop_tui.cli.failure import CommandFailed
from pop_tui.core.dates import parse_date
from pop_tui.core.entry import EntryError, check_length
from pop_tui.core.model import Goal, Plan
from pop_tui.core.numbers import NumberError, parse_number
from pop_tui.core.refs import Pool, resolve_ref
from pop_tui.core.texts import t


def words(parts: Sequence[str]) -> str:
    """Several words of one value (``-m Read two chapters``), joined by single spaces."""
    return " ".join(" ".join(parts).split())


def text(field: str, raw: str, *, required: bool = False) -> str:
    """A text field: refused when too long, or empty where the form needs it."""
    value = raw.strip()
    if required and not value:
        raise CommandFailed(t("cli.value.required", option=option_name(field)))
    try:
        return check_length(field, value)
    except EntryError as exc:
        raise CommandFailed(f"{option_name(field)}: {exc.message}") from None


def number(field: str, raw: str) -> float | None:
    """A number field (empty: no value)."""
    try:
        return parse_number(raw)
    except NumberError as exc:
        raise CommandFailed(f"{option_name(field)}: {exc.message}") from None


def day(raw: str, today: date, *, required: bool = False, field: str = "") -> date | None:
    """A date field (empty: no date, unless ``required``). A date pop cannot read raises
    :class:`~pop_tui.core.dates.DateError`, reported as every command reports it."""
    if not raw.strip():
        if required:
            raise CommandFailed(t("cli.value.required", option=option_name(field)))
        return None
    return parse_date(raw, today)


def option_name(field: str) -> str:
    """The option that sets ``field`` (``why_me`` -> ``--why-me``)."""
    return "--" + field.replace("_", "-")


def goal_pool(
    plan: Plan, *, keep: frozenset[str] = frozenset(("active", "done", "dropped"))
) -> Pool:
    """Every goal with a status in ``keep``, listed as ``pop list goals`` does; a
    title start tries active goals first."""
    goals = sorted(
        (g for g in plan.goals.values() if g.status in keep), key=lambda g: (g.order, g.id)
    )
    return Pool(
        "goal",
        {g.id: g.title for g in goals},
        frozenset(g.id for g in goals if g.status == "active"),
    )


def goal_ref(plan: Plan, ref: str) -> Goal:
    """The goal ``ref`` names (raises RefError)."""
    return plan.goals[resolve_ref(ref, goal_pool(plan))]
