"""Reading a plan for a shell command that only reads: only the records it shows.

Five years of daily use leave thousands of done steps and check-ins in a plan,
while ``pop agenda`` shows a few dozen records. Decoding every record was most
of its time. A :class:`PlanReader` reads the file once and hands out what a
command asks for: whole tables, the records that pass a :class:`Where`, one
date field of every record, or one record.

A file that pop wrote (its checksum matches, see
:func:`~pop_tui.store.plan_file.written_by_pop`) is laid out as
:func:`~pop_tui.store.plan_file.serialize` writes it: one record per line, keys
sorted, dates as ``"YYYY-MM-DD"``, and every ``"`` inside a text escaped, so
``"due": `` in a line can only be that key. The reader then looks at the field's
text in each line and decodes only the lines it picks; a line that does not say
clearly (the field is missing, or holds something else) is decoded and checked
as a record. Any other file (changed by hand, or by git) is decoded whole and
every field checked, as :meth:`PlanStore.open` does. Both ways give the same
records: tests/test_fast_read.py compares them on generated plans.

This module imports neither TinyDB nor Textual.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Collection, Iterable
from datetime import date
from typing import Any, TypeVar

from pop_tui.core.model import ModelError, Plan, Record, scannable_date_fields
from pop_tui.core.value import Value
from pop_tui.store.plan_file import (
    DamagedPlanError,
    check_header,
    parse,
    table_spans,
    written_by_pop,
    written_meta,
)

R = TypeVar("R", bound=Record)


class Where(Value):
    """A test on one date field of a record: it is empty (``last`` is None), or it
    is a date on or before ``last``. Made with :meth:`empty` or :meth:`by`."""

    field: str
    last: date | None = None

    @classmethod
    def empty(cls, field: str) -> Where:
        return cls(field)

    @classmethod
    def by(cls, field: str, last: date) -> Where:
        return cls(field, last)

    def holds(self, record: Record) -> bool:
        value = getattr(record, self.field)
        if self.last is None:
            return value is None
        return isinstance(value, date) and value <= self.last


class PlanReader:
    """One read of a plan file, for a command that only reads.

    A missing file reads as an empty plan.

    Raises:
        PlanFileError: (from :meth:`open` or any method) for a damaged file, as
            :meth:`PlanStore.open` does; nothing is written either way.
    """

    def __init__(self, path: str | os.PathLike[str], raw: bytes | None) -> None:
        self.path = path
        self._raw = raw or b""
        self._careful: dict[str, Any] | None = None
        self._spans: dict[str, tuple[int, int]] | None = None
        self._texts: dict[str, bytes] = {}
        self._lines: dict[str, list[bytes]] = {}
        self._dates: dict[tuple[str, str], list[bytes]] = {}
        self._records: dict[str, dict[int, Record]] = {}
        if raw is None:
            self._careful = {}
            return
        meta = written_meta(raw)
        if meta is None or not written_by_pop(raw, meta):
            self._careful = parse(path, raw)
            return
        check_header(path, meta)

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> PlanReader:
        try:
            with open(path, "rb") as file:
                raw = file.read()
        except FileNotFoundError:
            raw = None
        return cls(path, raw)

    # --- what a command asks for ---------------------------------------------------

    def table(self, cls: type[R]) -> dict[int, R]:
        """Every record of ``cls``."""
        return self._typed(cls, self._all(cls))

    def where(self, cls: type[R], *tests: Where) -> dict[int, R]:
        """The records of ``cls`` that pass every test."""
        for test in tests:
            self._check_field(cls, test.field)
        lines = self._written_lines(cls)
        if lines is None:
            found = self._all(cls).values()
        else:
            found = self._decode(cls, _picked(lines, tests)).values()
        return self._typed(cls, {r.id: r for r in found if all(t.holds(r) for t in tests)})

    def days(self, cls: type[Record], field: str) -> set[date]:
        """The days that the date ``field`` holds in some record of ``cls``."""
        self._check_field(cls, field)
        written = self._written_dates(cls, field)
        if written is None:
            found = {getattr(r, field) for r in self._all(cls).values()}
            found.discard(None)
            return found
        return {date.fromisoformat(day.decode("ascii")) for day in set(written)}

    def latest(self, cls: type[R], field: str, last: date) -> R | None:
        """The record of ``cls`` whose date ``field`` is the latest on or before ``last``
        (of two on the same day, the one with the higher id); None if there is none."""
        self._check_field(cls, field)
        written = self._written_dates(cls, field)
        table = self._written_table_text(cls)
        if written is None or table is None:
            dated = [
                (value, id)
                for id, r in self._all(cls).items()
                if isinstance(value := getattr(r, field), date) and value <= last
            ]
            return self._typed(cls, self._all(cls)).get(max(dated)[1]) if dated else None
        upto = last.isoformat().encode()
        day = max((day for day in set(written) if day <= upto), default=None)
        if day is None:
            return None
        # The lines that hold that day (usually one), and of those the highest id.
        needle = b'"' + field.encode() + b'": "' + day + b'"'
        lines = []
        at = table.find(needle)
        while at >= 0:
            start = table.rfind(b"\n", 0, at) + 1
            end = table.find(b"\n", at)
            lines.append(table[start:end])
            at = table.find(needle, end)
        line = max(lines, key=_line_id)
        return self._typed(cls, self._decode(cls, [line])).get(_line_id(line))

    def get(self, cls: type[R], id: int) -> R | None:
        """The record of ``cls`` with ``id``, or None."""
        table = self._written_table_text(cls)
        if table is None:
            return self._typed(cls, self._all(cls)).get(id)
        at = table.find(f'\n  "{id}": '.encode())
        if at < 0:
            return None
        line = table[at + 1 : table.find(b"\n", at + 1)]
        return self._typed(cls, self._decode(cls, [line])).get(id)

    def count(self, cls: type[Record]) -> int:
        """How many records of ``cls`` the plan holds."""
        table = self._written_table_text(cls)
        return len(self._all(cls)) if table is None else table.count(b'\n  "')

    def plan(self, tables: Iterable[type[Record]]) -> Plan:
        """A plan with every record of ``tables``; the other tables are empty."""
        plan = Plan()
        for cls in tables:
            plan.tables[cls.TABLE] = dict(self._all(cls))
        return plan

    # --- how ---------------------------------------------------------------------------

    @staticmethod
    def _typed(cls: type[R], records: dict[int, Record]) -> dict[int, R]:
        return records  # type: ignore[return-value]  # each table holds records of its class

    @staticmethod
    def _check_field(cls: type[Record], field: str) -> None:
        # Only then is ``"field": `` in a line surely this record's own date.
        if field not in scannable_date_fields(cls):
            raise ValueError(f"{cls.__name__}.{field} is not a date field that can be read alone")

    def _all(self, cls: type[Record]) -> dict[int, Record]:
        name = cls.TABLE
        if name not in self._records:
            if self._careful is None:
                raw = self._written_table(cls)
                if raw is not None:
                    self._records[name] = self._made(cls, raw, stored=True)
                    return self._records[name]
            raw = self._careful_tables().get(name, {})
            self._records[name] = self._made(cls, raw, stored=False)
        return self._records[name]

    def _made(self, cls: type[Record], raw: Any, *, stored: bool) -> dict[int, Record]:
        try:
            if not isinstance(raw, dict):
                raise ModelError(f"table {cls.TABLE!r}: expected an object")
            return dict(cls.stored_table(raw) if stored else cls.loaded_table(raw))
        except (ModelError, TypeError, ValueError) as exc:
            raise DamagedPlanError(self.path, f"a record is damaged: {exc}") from None

    def _careful_tables(self) -> dict[str, Any]:
        if self._careful is None:
            # The layout was not as pop writes it after all: read it the careful way.
            self._careful = parse(self.path, self._raw)
            self._texts.clear()
            self._lines.clear()
            self._dates.clear()
        return self._careful

    def _written_table_text(self, cls: type[Record]) -> bytes | None:
        """The table's object (``{...}``, or nothing) in a file pop wrote; None for any other."""
        name = cls.TABLE
        if self._careful is not None:
            return None
        if name not in self._texts:
            if self._spans is None:
                self._spans = table_spans(self._raw)
            if self._spans is None:
                self._careful_tables()
                return None
            start, end = self._spans.get(name, (0, 0))
            self._texts[name] = self._raw[start:end]
        return self._texts[name]

    def _written_table(self, cls: type[Record]) -> Any:
        text = self._written_table_text(cls)
        if text is None:
            return None
        try:
            return json.loads(text) if text else {}
        except ValueError:
            return None

    def _written_lines(self, cls: type[Record]) -> list[bytes] | None:
        """The records' lines of a table in a file pop wrote; None for any other file."""
        if cls.TABLE not in self._lines:
            text = self._written_table_text(cls)
            if text is None:
                return None
            # '{', then one line per record, then ' }'.
            self._lines[cls.TABLE] = text.split(b"\n")[1:-1]
        return self._lines[cls.TABLE]

    def _written_dates(self, cls: type[Record], field: str) -> list[bytes] | None:
        """Every date (``YYYY-MM-DD``) the field holds, as written; None for a file pop did not write.

        One search of the table's text: a date field holds ``null`` or a date, and
        ``"field": "`` can be nothing but its key (see the module's docstring).
        """
        key = (cls.TABLE, field)
        if key not in self._dates:
            text = self._written_table_text(cls)
            if text is None:
                return None
            pattern = b'"' + re.escape(field.encode()) + rb'": "(\d{4}-\d\d-\d\d)"'
            self._dates[key] = re.findall(pattern, text)
        return self._dates[key]

    def _decode(self, cls: type[Record], lines: list[bytes]) -> dict[int, Record]:
        if not lines:
            return {}
        text = b"{" + b",".join(line.rstrip(b",") for line in lines) + b"}"
        return self._made(cls, json.loads(text), stored=True)


def _picked(lines: list[bytes], tests: Iterable[Where]) -> list[bytes]:
    """The records' lines that may pass every test: a line is left out only when its
    text shows that the record fails one. (A loop per test, written out: this is
    most of ``pop agenda``'s work on a large plan.)"""
    for test in tests:
        mark = b'"' + test.field.encode() + b'": '
        skip = len(mark)
        last = None if test.last is None else test.last.isoformat().encode()
        kept = []
        for line in lines:
            at = line.find(mark) + skip
            text = line[at : at + 12]
            if at < skip:  # the field is missing: decode the record to know
                kept.append(line)
            elif text.startswith(b"null"):
                if last is None:
                    kept.append(line)
            elif len(text) == 12 and text[0] == text[11] == 0x22:  # '"YYYY-MM-DD"'
                # ISO dates in the same form sort as text in the order of the days.
                if last is not None and text[1:11] <= last:
                    kept.append(line)
            else:
                kept.append(line)
        lines = kept
    return lines


def _line_id(line: bytes) -> int:
    # '  "12": {...}'
    return int(line[3 : line.index(b'"', 3)])


def read_plan(path: str | os.PathLike[str], tables: Collection[type[Record]]) -> Plan:
    """The plan at ``path`` with only the records of ``tables``, for a command that
    only reads (the other tables are empty). A missing file is an empty plan.

    Raises:
        PlanFileError: for a damaged file, as :meth:`PlanStore.open` does.
    """
    return PlanReader.open(path).plan(tables)
