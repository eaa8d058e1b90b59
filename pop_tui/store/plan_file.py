"""The plan file's format: writing it, checking it, and reading it back.

The file is TinyDB's JSON (``{table: {doc_id: document}}``), written with
sorted keys, one record per line, so that a user can keep it in git and read a
diff. Besides the plan's tables it holds ``_meta`` (schema, revision, time,
checksum, the device that saved it). The undo history lies beside it, in ``local/``
(see :mod:`pop_tui.store.local`); a file of schema 1 may still hold it as ``_history``.

This module does not import TinyDB: the shell commands that only read
(``pop agenda``, ``pop list``) read the file with
:class:`~pop_tui.store.plan_reader.PlanReader` and start without it. Writing goes through the TinyDB storage in
:mod:`pop_tui.store.storage` and the store.
"""

from __future__ import annotations

import json
import os
import re
import zlib
from typing import TYPE_CHECKING, Any

from pop_tui.core.value import Value

if TYPE_CHECKING:
    from pathlib import Path

SCHEMA = 2
APP_MARK = "pop-tui"
META = "_meta"
HISTORY = "_history"
META_ID = "1"

Tables = dict[str, dict[str, Any]]


class PlanFileError(Exception):
    """The plan file cannot be used; nothing was written."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        from pathlib import Path  # here: reading a good file needs no pathlib (see plan_reader)

        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason


class DamagedPlanError(PlanFileError):
    """The file is empty, truncated, not JSON, or not a pop plan."""


class NewerSchemaError(PlanFileError):
    """The file was written by a newer pop that this one does not understand."""


_encode_record = json.JSONEncoder(sort_keys=True, ensure_ascii=False).encode


Fresh = dict[int, tuple[object, str, str]]


def _encode_key(key: str) -> str:
    # Ids are digits, which JSON writes as they are; json.dumps for each of
    # thousands of keys was a quarter of a save.
    return f'"{key}"' if key.isdigit() and key.isascii() else json.dumps(key, ensure_ascii=False)


class RecordLines:
    """Remembers each record's line (``  "id": {...}``), so a save encodes only what changed.

    Records are never changed in place (a change replaces the dict), so the
    dict's identity (and its id) tells whether its line is still good. The dict
    itself is kept alongside, so its identity cannot be reused while remembered.
    """

    def __init__(self) -> None:
        self._lines: Fresh = {}

    def line(self, key: str, record: Any, fresh: Fresh) -> str:
        ident = id(record)
        known = self._lines.get(ident)
        if known is None or known[0] is not record or known[1] != key:
            known = (record, key, f"  {_encode_key(key)}: {_encode_record(record)}")
        fresh[ident] = known
        return known[2]

    def replace(self, fresh: Fresh) -> None:
        self._lines = fresh


def _id_order(key: str) -> tuple[int, str]:
    return (int(key), "") if key.isdigit() else (0, key)


def _in_id_order(records: dict[str, Any]) -> list[str]:
    try:
        return sorted(records, key=int)
    except ValueError:  # a table of a newer pop, or a key typed by hand
        return sorted(records, key=_id_order)


def serialize(tables: Tables, lines: RecordLines | None = None) -> bytes:
    """Deterministic JSON with one record per line.

    The same plan always gives the same bytes: tables sorted by name, records
    by id, fields by name. One line per record keeps a diff readable and lets
    a save reuse the lines of the records that did not change. The ``_meta``
    record holds the checksum of everything else in the file (see :func:`written_by_pop`).
    """
    cache = lines or RecordLines()
    fresh: Fresh = {}
    out = ["{"]
    names = sorted(tables)
    meta_at: int | None = None
    for n, name in enumerate(names):
        records = tables[name]
        table_end = "," if n < len(names) - 1 else ""
        if name == META and records.get(META_ID) and table_end:
            # Written last, once the checksum of the rest of the file is known.
            out.append(f" {json.dumps(name)}: {{")
            meta_at = len(out)
            out.append("")
            out.append(f" }}{table_end}")
            continue
        if not records:
            out.append(f" {json.dumps(name, ensure_ascii=False)}: {{}}{table_end}")
            continue
        out.append(f" {json.dumps(name, ensure_ascii=False)}: {{")
        out.append(
            ",\n".join([cache.line(key, records[key], fresh) for key in _in_id_order(records)])
        )
        out.append(f" }}{table_end}")
    out.append("}\n")
    cache.replace(fresh)
    if meta_at is None:
        return "\n".join(out).encode()
    head = ("\n".join(out[:meta_at]) + "\n").encode()
    rest = ("\n" + "\n".join(out[meta_at + 1 :])).encode()
    meta = {**tables[META][META_ID], CHECKSUM: zlib.crc32(rest, zlib.crc32(head))}
    return head + f"  {json.dumps(META_ID)}: {_encode_record(meta)}".encode() + rest


# The ``_meta`` record holds the checksum of the whole file but its own line.
CHECKSUM = "checksum"
_META_START = b'\n "_meta": {\n'


def written_by_pop(raw: bytes, meta: dict[str, Any]) -> bool:
    """Whether the file is exactly as pop wrote it: the checksum in ``_meta`` (of
    everything but that record's line) matches. A file edited by hand (or by git)
    is read as well, with every field checked; this only lets an untouched file
    skip those checks."""
    expected = meta.get(CHECKSUM)
    return isinstance(expected, int) and file_checksum(raw) == expected


def file_checksum(raw: bytes) -> int | None:
    """The CRC-32 of a plan file but the line of its ``_meta`` record (which holds
    it); None for a file without that line."""
    start = raw.find(_META_START)
    if start < 0:
        return None
    line_start = start + len(_META_START)
    line_end = raw.find(b"\n", line_start)
    if line_end < 0:
        return None
    view = memoryview(raw)
    return zlib.crc32(view[line_end:], zlib.crc32(view[:line_start]))


TRUNCATED = "the file ends too early (truncated)"
# Patterns, compiled only when a file turns out to be damaged.
_CUT_NUMBER = r"[.eE][-+]?\d*"
_CUT_ESCAPE = r"\\u[0-9a-fA-F]{0,3}"


def _ends_too_early(text: str, exc: json.JSONDecodeError) -> bool:
    """Whether the JSON error comes from the text stopping part-way (a cut-off file).

    The error points at the end, or at a string, literal, number or escape
    that the end cut off (``"tit``, ``nu``, ``1e-``, ``\\u00``).
    """
    if not text.lstrip().startswith("{") or exc.msg == "Extra data":
        return False
    tail = text[exc.pos :].rstrip()
    return (
        len(tail) <= 1
        or exc.msg.startswith("Unterminated string")
        or any(word.startswith(tail) for word in ("true", "false", "null"))
        or re.fullmatch(_CUT_NUMBER, tail) is not None
        or re.fullmatch(_CUT_ESCAPE, tail) is not None
    )


def parse(path: str | os.PathLike[str], raw: bytes) -> Tables:
    """Check and decode a plan file's bytes; raise a :class:`PlanFileError` saying what is wrong."""
    if not raw.strip():
        raise DamagedPlanError(path, "the file is empty")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A cut in the middle of a multi-byte character ("ë") is still a cut.
        if exc.reason == "unexpected end of data" and raw.lstrip().startswith(b"{"):
            raise DamagedPlanError(path, TRUNCATED) from None
        raise DamagedPlanError(path, "the file is not text (not UTF-8)") from None
    try:
        data = json.loads(text)
    except RecursionError:
        raise DamagedPlanError(path, "the file is nested too deeply to be a plan") from None
    except json.JSONDecodeError as exc:
        if _ends_too_early(text, exc):
            reason = TRUNCATED
        else:
            reason = f"the file is not valid JSON (line {exc.lineno}, column {exc.colno})"
        raise DamagedPlanError(path, reason) from None
    if not isinstance(data, dict):
        raise DamagedPlanError(path, "the file is not a pop plan (no tables)")
    meta = data.get(META, {}).get(META_ID) if isinstance(data.get(META), dict) else None
    check_header(path, meta)
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(d, dict) for d in table.values()):
            raise DamagedPlanError(path, f"the table {name!r} is damaged")
    return data


def check_header(path: str | os.PathLike[str], meta: Any) -> None:
    """Raise a :class:`PlanFileError` unless ``meta`` is the header of a plan this pop reads."""
    if not isinstance(meta, dict) or meta.get("app") != APP_MARK:
        raise DamagedPlanError(path, "the file is not a pop plan (no pop-tui header)")
    schema = meta.get("schema")
    if not isinstance(schema, int) or not isinstance(meta.get("revision"), int):
        raise DamagedPlanError(path, "the file's header is damaged (schema or revision)")
    if schema > SCHEMA:
        raise NewerSchemaError(
            path, f"the file was written by a newer pop (schema {schema}; this pop reads {SCHEMA})"
        )


def written_meta(raw: bytes) -> dict[str, Any] | None:
    """The ``_meta`` record of a file laid out as :func:`serialize` writes it."""
    start = raw.find(_META_START)
    if start < 0:
        return None
    start += len(_META_START)
    end = raw.find(b"\n", start)
    try:
        record = json.loads(b"{" + raw[start:end] + b"}")
    except ValueError:
        return None
    meta = record.get(META_ID) if isinstance(record, dict) else None
    return meta if isinstance(meta, dict) else None


def table_spans(raw: bytes) -> dict[str, tuple[int, int]] | None:
    """Where each table's object (``{...}``) is in a file laid out as :func:`serialize`
    writes it, found in one pass; None when the file is not laid out so."""
    spans: dict[str, tuple[int, int]] = {}
    at = raw.find(b"\n")
    while raw[at : at + 3] == b'\n "':
        colon = raw.find(b'": {', at)
        if colon < 0:
            return None
        try:
            name = json.loads(raw[at + 2 : colon + 1])
        except ValueError:
            return None
        start = colon + 3
        if raw[start : start + 2] == b"{}":
            end = start + 2
        else:
            # A table ends where the next begins, or at the end. (A long needle: "\n }"
            # alone is found slower, its first bytes being the start of every line.)
            end = raw.find(b'\n },\n "', start)
            if end < 0:
                end = raw.find(b"\n }\n}", start)
            if end < 0:
                return None
            end += 3
        spans[name] = (start, end)
        if raw[end : end + 1] != b",":
            return spans if raw[end:].strip() == b"}" else None
        at = end + 1
    return None


def file_signature(path: Path) -> tuple[int, int, int] | None:
    """What changes whenever the file is replaced: inode, size and modification time."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def revision_of(tables: Tables) -> int:
    meta = tables.get(META, {}).get(META_ID, {})
    revision = meta.get("revision", 0)
    return revision if isinstance(revision, int) else 0


class Backup(Value):
    """A kept previous version of the plan file; ``number`` 1 is the newest."""

    number: int
    path: Path
    revision: int | None
    saved_at: str
    problem: str | None

    @property
    def good(self) -> bool:
        return self.problem is None


def list_backups(path: Path) -> list[Backup]:
    """The backups of the plan file at ``path``, newest first, each checked."""
    from pop_tui.store import files  # locks and folders: not needed to read a plan

    found = []
    for number, file in enumerate(files.list_backup_files(path), start=1):
        try:
            tables = parse(file, file.read_bytes())
        except (PlanFileError, OSError) as exc:
            reason = exc.reason if isinstance(exc, PlanFileError) else str(exc)
            found.append(Backup(number, file, None, "", reason))
            continue
        meta = tables[META][META_ID]
        found.append(Backup(number, file, revision_of(tables), str(meta.get("saved_at", "")), None))
    return found


def newest_good_backup(path: Path) -> Backup | None:
    return next((b for b in list_backups(path) if b.good), None)
