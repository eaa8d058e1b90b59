"""The full JSON export, and reading it back with every check done before anything is used.

The document::

    {
      "format": "pop-tui plan",
      "schema": 1,
      "app_version": "0.1.0",
      "exported_on": "2026-11-29",
      "plan_uid": "6f1c…",
      "tables": {"goals": {"1": {...}}, "steps": {...}, ..., "periods": {...}}
    }

``tables`` holds every table of the plan, each record under its id, with the
same fields as the plan file (dates as ISO text). The undo history and the
plan file's own header are not part of it. A table that is missing is empty,
so files from before a table existed still read.

Reading is strict, because a backup that restores wrongly is worse than one
that is refused: unknown tables or fields, ids that are not whole numbers,
values of the wrong type, numbers that are not finite, text that is not valid
Unicode, references to records that do not exist, and a newer schema are all
refused, each with the table, the record id and the field; so is anything that
breaks the rules the forms and the shell keep (:mod:`pop_tui.core.rules`).

The text is kept exactly, so characters that could act on a terminal (DEL,
the C1 controls, bidirectional overrides, line and paragraph separators) are
written as ``\\uXXXX`` escapes, like JSON's own escapes for the C0 controls.
"""

from __future__ import annotations

import json
import math
import re
from datetime import date
from typing import Any

from pop_tui import __version__
from pop_tui.core.model import PROFILE_ID, TABLES, ModelError, Period, Plan, Record
from pop_tui.core.periods import PeriodError, archived_plan
from pop_tui.core.references import dangling
from pop_tui.core.rules import record_problems
from pop_tui.core.texts import t
from pop_tui.core.value import Value, field_names

FORMAT = "pop-tui plan"
SCHEMA = 1
MAX_PROBLEMS = 10
_ID = re.compile(r"[1-9][0-9]{0,17}", re.ASCII)
_TERMINAL_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")


class Problem(Value):
    """One thing wrong with a document, and where."""

    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}" if self.where else self.what


class DocumentError(ValueError):
    """A document that cannot be imported; ``problems`` says what is wrong and where."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        shown = [str(p) for p in problems[:MAX_PROBLEMS]]
        if len(problems) > MAX_PROBLEMS:
            shown.append(t("import.more_problems", n=len(problems) - MAX_PROBLEMS))
        super().__init__("\n".join(shown))


class Document(Value):
    """A checked document: the plan it holds and the uid of the plan it came from."""

    plan: Plan
    plan_uid: str
    exported_on: date | None


# --- writing ---------------------------------------------------------------------------------


def export_document(plan: Plan, plan_uid: str, today: date) -> dict[str, Any]:
    """The plan as a JSON-able export document (see the module's notes)."""
    return {
        "format": FORMAT,
        "schema": SCHEMA,
        "app_version": __version__,
        "exported_on": today.isoformat(),
        "plan_uid": plan_uid,
        "tables": plan.to_dict(),
    }


def _escape_unsafe(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def dumps(document: dict[str, Any]) -> str:
    """The document as stable, readable JSON text that is safe to print to a terminal."""
    text = json.dumps(document, sort_keys=True, indent=1, ensure_ascii=False, allow_nan=False)
    # These characters can only stand inside strings here, where an escape means the same.
    return _TERMINAL_UNSAFE.sub(_escape_unsafe, text) + "\n"


def export_json(plan: Plan, plan_uid: str, today: date) -> str:
    """The full export of ``plan`` as JSON text."""
    return dumps(export_document(plan, plan_uid, today))


# --- reading ---------------------------------------------------------------------------------


def _where(table: str, id: str | None = None, field: str | None = None) -> str:
    if id is None:
        return t("import.where.table", table=table)
    if field is None:
        return t("import.where.record", table=table, id=id)
    return t("import.where.field", table=table, id=id, field=field)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise ValueError(t("import.error.duplicate_key", key=key))
        found[key] = value
    return found


def _no_constants(name: str) -> Any:
    raise ValueError(t("import.error.not_finite", value=name))


def _bad_text(value: Any) -> bool:
    """Whether ``value`` holds text that is not valid Unicode (lone surrogates)."""
    if isinstance(value, str):
        return _SURROGATE.search(value) is not None
    if isinstance(value, list):
        return any(_bad_text(v) for v in value)
    if isinstance(value, dict):
        return any(_bad_text(k) or _bad_text(v) for k, v in value.items())
    return False


def _not_finite(value: Any) -> bool:
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, list):
        return any(_not_finite(v) for v in value)
    if isinstance(value, dict):
        return any(_not_finite(v) for v in value.values())
    return False


def _field_names(cls: type[Record]) -> set[str]:
    return set(field_names(cls)) - {"id"}


def _record(cls: type[Record], key: str, raw: Any, problems: list[Problem]) -> Record | None:
    table = cls.TABLE
    if not _ID.fullmatch(key):
        problems.append(Problem(_where(table, key), t("import.error.bad_id")))
        return None
    if not isinstance(raw, dict):
        problems.append(Problem(_where(table, key), t("import.error.not_object")))
        return None
    id = int(key)
    before = len(problems)
    names = _field_names(cls)
    for name, value in raw.items():
        where = _where(table, key, name)
        if name not in names:
            problems.append(Problem(where, t("import.error.unknown_field")))
        elif _bad_text(value):
            problems.append(Problem(where, t("import.error.bad_text")))
        elif _not_finite(value):
            problems.append(Problem(where, t("import.error.not_finite", value=value)))
        else:
            try:
                cls.from_dict(id, {name: value})
            except ModelError as exc:
                # The model says "<table> <id>, field '<name>': <detail>"; the place is ours.
                detail = str(exc).split(": ", 1)[-1]
                problems.append(Problem(where, detail))
    if len(problems) > before:
        return None
    try:
        record = cls.from_dict(id, raw)
    except ModelError as exc:
        problems.append(Problem(_where(table, key), str(exc)))
        return None
    # The rules the forms and the shell keep (lengths, dates, moods, names): the same here.
    found = record_problems(record)
    problems.extend(Problem(p.where, p.what) for p in found)
    return None if found else record


def read_tables(tables: Any, problems: list[Problem], *, periods: bool = True) -> Plan:
    """Check the ``tables`` part of a document (or of an archived period) into a plan.

    Every problem found is added to ``problems``; the plan holds the good records.
    """
    plan = Plan()
    if not isinstance(tables, dict):
        problems.append(Problem("tables", t("import.error.not_object")))
        return plan
    # Records refused already: references to them are not reported a second time.
    refused: set[tuple[str, int]] = set()
    for name, rows in tables.items():
        cls = TABLES.get(name)
        if cls is None or (cls is Period and not periods):
            problems.append(Problem(_where(str(name)), t("import.error.unknown_table")))
            continue
        if not isinstance(rows, dict):
            problems.append(Problem(_where(name), t("import.error.not_object")))
            continue
        for key, raw in rows.items():
            record = _record(cls, key, raw, problems)
            if record is not None:
                plan.put(record)
            elif _ID.fullmatch(key):
                refused.add((name, int(key)))
    profiles = plan.tables["profile"]
    for id in sorted(profiles):
        if id != PROFILE_ID:
            problems.append(Problem(_where("profile", str(id)), t("import.error.profile_id")))
    _check_references(plan, problems, refused)
    if periods:
        _check_periods(plan, problems)
    return plan


def _check_references(plan: Plan, problems: list[Problem], refused: set[tuple[str, int]]) -> None:
    for ref in dangling(plan):
        if (ref.target, ref.target_id) in refused:
            continue
        where = _where(ref.table, str(ref.id), ref.field)
        key = "import.error.wrong_goal" if ref.mismatch else "import.error.dangling"
        problems.append(Problem(where, t(key, target=ref.target, id=ref.target_id)))


def _check_periods(plan: Plan, problems: list[Problem]) -> None:
    table = Period.TABLE
    names: set[str] = set()
    current = 0
    for id, period in sorted(plan.table(Period).items()):
        if not period.name.strip():
            problems.append(Problem(_where(table, str(id), "name"), t("import.error.no_name")))
        elif period.name.casefold() in names:
            problems.append(
                Problem(
                    _where(table, str(id), "name"), t("import.error.name_twice", name=period.name)
                )
            )
        names.add(period.name.casefold())
        if not period.archive:
            current += 1
            if current > 1:
                problems.append(Problem(_where(table, str(id)), t("import.error.two_current")))
            continue
        try:
            data = json.loads(
                period.archive, object_pairs_hook=_no_duplicates, parse_constant=_no_constants
            )
        except ValueError as exc:
            where = _where(table, str(id), "archive")
            problems.append(Problem(where, str(exc)))
            continue
        except RecursionError:
            problems.append(Problem(_where(table, str(id), "archive"), t("rule.too_deep")))
            continue
        inner: list[Problem] = []
        read_tables(data, inner, periods=False)
        for problem in inner:
            where = f"{_where(table, str(id), 'archive')} › {problem.where}"
            problems.append(Problem(where, problem.what))
        if not inner:
            try:
                archived_plan(period)
            except PeriodError as exc:
                problems.append(Problem(_where(table, str(id), "archive"), str(exc)))


def read_document(text: str) -> Document:
    """Check a whole export document; raise :class:`DocumentError` listing every problem."""
    try:
        return _read_document(text)
    except RecursionError:  # nested deeper than any plan (json and the checks recurse)
        raise DocumentError([Problem("", t("rule.too_deep"))]) from None


def _read_document(text: str) -> Document:
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
    except json.JSONDecodeError as exc:
        problem = t("import.error.json", line=exc.lineno, column=exc.colno, detail=exc.msg)
        raise DocumentError([Problem("", problem)]) from None
    except ValueError as exc:
        raise DocumentError([Problem("", str(exc))]) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DocumentError([Problem("", t("import.error.not_export"))])
    schema = data.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise DocumentError([Problem("schema", t("import.error.bad_schema"))])
    if schema > SCHEMA:
        raise DocumentError(
            [Problem("schema", t("import.error.newer", schema=schema, ours=SCHEMA))]
        )
    problems: list[Problem] = []
    plan_uid = data.get("plan_uid", "")
    if not isinstance(plan_uid, str) or len(plan_uid) > 200 or not plan_uid.isprintable():
        problems.append(Problem("plan_uid", t("import.error.bad_uid")))
        plan_uid = ""
    exported_on: date | None = None
    raw_day = data.get("exported_on")
    if raw_day is not None:
        try:
            exported_on = date.fromisoformat(raw_day) if isinstance(raw_day, str) else None
        except ValueError:
            exported_on = None
        if exported_on is None:
            problems.append(Problem("exported_on", t("import.error.bad_date")))
    plan = read_tables(data.get("tables", {}), problems)
    if problems:
        raise DocumentError(problems)
    return Document(plan, plan_uid, exported_on)
