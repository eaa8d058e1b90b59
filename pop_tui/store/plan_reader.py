"""Reading a plan for a shell command that only reads: only the records it shows.

Five years of daily use leave thousands of done steps and check-ins in a plan,
while ``pop agenda`` shows a few dozen records. Decoding every record was most
of its time. A :class:`PlanReader` reads the file once and hands out what a
command asks for: whole tables, the records that pass a :class:`Where`, the
days a date field holds, the latest record by a date, how many records a table
has.

The quick way. A file that pop wrote (its checksum matches, see
:func:`~pop_tui.store.plan_file.written_by_pop`) is laid out as
:func:`~pop_tui.store.plan_file.serialize` writes it: one record per line, keys
sorted, dates as ``"YYYY-MM-DD"``, every ``"`` inside a text escaped. So
``"due": `` in a record's line is a key, never text, and the reader can pick
records by the text of a date field and decode only the lines it picks. The
key could still be that of a value nested in the record: not one of this
version's own (:func:`~pop_tui.core.model.scannable_date_fields` leaves such
fields out), but a field added by a newer pop that this one keeps as it is.
So each table is first checked to hold the key exactly once in every record's
line, and every date to be written as this pop writes it.

The careful way. When any of that does not hold, or the file is not one pop
wrote (changed by hand, or by git), the whole file is decoded and every field
checked, as :meth:`PlanStore.open` does. Both ways give the same answers:
tests/test_fast_read.py compares them on generated plans.

This module imports neither TinyDB nor Textual.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Collection, Iterable
from datetime import date
from typing import Any, TypeVar, cast

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
    """A test on one date field of a record: it is empty, or it is a date on or
    before ``last``. Made with :meth:`empty` or :meth:`by` (``last`` None means empty)."""

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


class _NotAsWritten(Exception):
    """The file's text is not as this pop writes it: read it the careful way."""


# What the quick way meets in a file that is not laid out as expected after all.
_NOT_AS_WRITTEN = (_NotAsWritten, ValueError, IndexError)


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
        # The decoded file once the quick way is off; None while it is on.
        self._whole: dict[str, Any] | None = None
        self._spans: dict[str, tuple[int, int]] | None = None
        self._texts: dict[str, bytes] = {}
        self._counts: dict[str, int] = {}
        self._lines: dict[str, list[bytes]] = {}
        self._dates: dict[tuple[str, str], list[bytes]] = {}
        self._records: dict[str, dict[int, Record]] = {}
        if raw is None:
            self._whole = {}
            return
        meta = written_meta(raw)
        if meta is None or not written_by_pop(raw, meta):
            self._whole = parse(path, raw)
            return
        check_header(path, meta)

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> PlanReader:
        try:
            with open(path, "rb") as file:
                raw = file.read()
        except FileNotFoundError:
            if os.path.islink(path):  # into a folder that is not there: said, not an empty plan
                from pathlib import Path

                from pop_tui.store.files import link_target

                link_target(Path(path))
            raw = None
        return cls(path, raw)

    # --- what a command asks for ---------------------------------------------------

    def table(self, cls: type[R]) -> dict[int, R]:
        """Every record of ``cls``."""
        return cast("dict[int, R]", self._all(cls))

    def where(self, cls: type[R], *tests: Where) -> dict[int, R]:
        """The records of ``cls`` that pass every test.

        (A table holds records of its own class: the casts below say so.)
        """
        for test in tests:
            _check_field(cls, test.field)
        found: Iterable[Record] | None = None
        if self._whole is None:
            try:
                found = self._decode(cls, self._picked(cls, tests)).values()
            except _NOT_AS_WRITTEN:
                self._decode_whole()
        if found is None:
            found = self._all(cls).values()
        return cast("dict[int, R]", {r.id: r for r in found if all(t.holds(r) for t in tests)})

    def days(self, cls: type[Record], field: str) -> set[date]:
        """The days that the date ``field`` holds in some record of ``cls``."""
        _check_field(cls, field)
        if self._whole is None:
            try:
                return {date.fromisoformat(day.decode("ascii")) for day in self._days(cls, field)}
            except _NOT_AS_WRITTEN:
                self._decode_whole()
        found = {getattr(r, field) for r in self._all(cls).values()}
        found.discard(None)
        return found

    def latest(self, cls: type[R], field: str, last: date) -> R | None:
        """The record of ``cls`` whose date ``field`` is the latest on or before ``last``
        (of two on the same day, the one with the higher id); None if there is none."""
        _check_field(cls, field)
        if self._whole is None:
            try:
                return cast("R | None", self._latest(cls, field, last))
            except _NOT_AS_WRITTEN:
                self._decode_whole()
        dated = [
            (value, id)
            for id, r in self._all(cls).items()
            if isinstance(value := getattr(r, field), date) and value <= last
        ]
        return cast("dict[int, R]", self._all(cls)).get(max(dated)[1]) if dated else None

    def count(self, cls: type[Record]) -> int:
        """How many records of ``cls`` the plan holds."""
        if self._whole is None:
            try:
                return self._count(cls)
            except _NOT_AS_WRITTEN:
                self._decode_whole()
        return len(self._all(cls))

    def plan(self, tables: Iterable[type[Record]]) -> Plan:
        """A plan with every record of ``tables``; the other tables are empty."""
        plan = Plan()
        for cls in tables:
            plan.tables[cls.TABLE] = dict(self._all(cls))
        return plan

    # --- the whole table, either way ----------------------------------------------

    def _all(self, cls: type[Record]) -> dict[int, Record]:
        name = cls.TABLE
        if name not in self._records:
            if self._whole is None:
                try:
                    text = self._text(cls)
                    raw = json.loads(text) if text else {}
                except _NOT_AS_WRITTEN:
                    self._decode_whole()
                else:
                    self._records[name] = self._made(cls, raw, stored=True)
                    return self._records[name]
            assert self._whole is not None
            self._records[name] = self._made(cls, self._whole.get(name, {}), stored=False)
        return self._records[name]

    def _made(self, cls: type[Record], raw: Any, *, stored: bool) -> dict[int, Record]:
        try:
            if not isinstance(raw, dict):
                raise ModelError(f"table {cls.TABLE!r}: expected an object")
            return dict(cls.stored_table(raw) if stored else cls.loaded_table(raw))
        except (ModelError, TypeError, ValueError) as exc:
            raise DamagedPlanError(self.path, f"a record is damaged: {exc}") from None

    def _decode_whole(self) -> None:
        """Turn the quick way off: decode the file and check every field from now on."""
        self._whole = parse(self.path, self._raw)
        self._records.clear()

    # --- the quick way: the text of a file pop wrote ----------------------------------

    def _text(self, cls: type[Record]) -> bytes:
        """The table's object (``{...}``; nothing for a table the file lacks)."""
        name = cls.TABLE
        if name not in self._texts:
            if self._spans is None:
                self._spans = table_spans(self._raw)
                if self._spans is None:
                    raise _NotAsWritten
            start, end = self._spans.get(name, (0, 0))
            self._texts[name] = self._raw[start:end]
        return self._texts[name]

    def _count(self, cls: type[Record]) -> int:
        if cls.TABLE not in self._counts:
            text = self._text(cls)
            # '{', one line per record, then ' }'; every record's line starts '  "id": '.
            lines = max(text.count(b"\n") - 1, 0)
            if text.count(b'\n  "') != lines:
                raise _NotAsWritten
            self._counts[cls.TABLE] = lines
        return self._counts[cls.TABLE]

    def _lines_of(self, cls: type[Record]) -> list[bytes]:
        if cls.TABLE not in self._lines:
            self._lines[cls.TABLE] = self._text(cls).split(b"\n")[1:-1]
        return self._lines[cls.TABLE]

    def _key_once_in_each(self, cls: type[Record], field: str) -> bytes:
        """``"field": ``, having checked that the table holds it once per record.

        (That a record without the field and another with it twice would pass this:
        :meth:`_picked` checks each line as well. :meth:`_days` does not, which
        is right for the fields it reads, which pop has always written.)
        """
        mark = b'"' + field.encode() + b'": '
        if self._text(cls).count(mark) != self._count(cls):
            raise _NotAsWritten  # a record without the field, or one with it twice
        return mark

    def _picked(self, cls: type[Record], tests: Iterable[Where]) -> list[bytes]:
        """The records' lines that may pass every test: a line is left out only when
        its text shows that the record fails one. (Written out as plain loops: this
        is most of ``pop agenda``'s work on a large plan.)"""
        lines = self._lines_of(cls)
        for test in tests:
            mark = self._key_once_in_each(cls, test.field)
            skip = len(mark)
            last = None if test.last is None else test.last.isoformat().encode()
            kept = []
            for line in lines:
                at = line.find(mark) + skip
                if at < skip:
                    raise _NotAsWritten  # with the count right, another line has it twice
                text = line[at : at + 12]
                if text.startswith(b"null"):
                    if last is None:
                        kept.append(line)
                elif len(text) == 12 and text[0] == text[11] == 0x22:  # '"YYYY-MM-DD"'
                    # ISO dates in the same form sort as text in the order of the days.
                    if last is not None and text[1:11] <= last:
                        kept.append(line)
                else:  # not as pop writes a date: the record itself will tell
                    kept.append(line)
            lines = kept
        return lines

    def _days(self, cls: type[Record], field: str) -> list[bytes]:
        """Every date the field holds, as written (``YYYY-MM-DD``): one search of the text."""
        key = (cls.TABLE, field)
        if key not in self._dates:
            mark = self._key_once_in_each(cls, field)
            # Each a date as this pop writes dates, or null (found as b"").
            found = re.findall(re.escape(mark) + rb'(?:"(\d{4}-\d\d-\d\d)"|null)', self._text(cls))
            if len(found) != self._count(cls):
                raise _NotAsWritten
            self._dates[key] = [day for day in found if day]
        return self._dates[key]

    def _latest(self, cls: type[Record], field: str, last: date) -> Record | None:
        upto = last.isoformat().encode()
        day = max((day for day in set(self._days(cls, field)) if day <= upto), default=None)
        if day is None:
            return None
        # The lines that hold that day (usually one), and of those the highest id.
        text = self._text(cls)
        needle = b'"' + field.encode() + b'": "' + day + b'"'
        lines = []
        at = text.find(needle)
        while at >= 0:
            start = text.rfind(b"\n", 0, at) + 1
            end = text.find(b"\n", at)
            lines.append(text[start:end])
            at = text.find(needle, end)
        line = max(lines, key=_line_id)
        record = self._decode(cls, [line]).get(_line_id(line))
        if record is None or getattr(record, field) != date.fromisoformat(day.decode("ascii")):
            raise _NotAsWritten
        return record

    def _decode(self, cls: type[Record], lines: list[bytes]) -> dict[int, Record]:
        if not lines:
            return {}
        text = b"{" + b",".join(line.rstrip(b",") for line in lines) + b"}"
        return self._made(cls, json.loads(text), stored=True)


def _check_field(cls: type[Record], field: str) -> None:
    # Only for these is ``"field": `` in a line this record's own key (see the docstring).
    if field not in scannable_date_fields(cls):
        raise ValueError(f"{cls.__name__}.{field} is not a date field that can be read alone")


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
