"""A plan file's tables read for a merge: each record by its stable key, every part checked.

A document is the JSON of a plan file as :func:`pop_tui.store.plan_file.parse`
gives it: ``{table: {"id": record}}`` with ``_meta``. :func:`keyed` checks it is
a pop plan this pop can merge (the header, the schema, every table and record)
and indexes each table by the records' keys (:mod:`pop_tui.core.keys`). A record
written without a key (schema 1, before sync) gets its legacy key, the same on
every copy of that plan; the undo history a schema-1 file held (``_history``)
is left out: it is device-local since schema 2.

This module knows the file's layout but imports nothing of the store: the
merge is pure (tests/test_merge.py checks that the constants here are the store's).
"""

from __future__ import annotations

from typing import Any, Final

from pop_tui.core.keys import PROFILE_KEY, legacy_key
from pop_tui.core.merge_fields import canon
from pop_tui.core.model import STORED_KEY, TABLES, ModelError, Profile
from pop_tui.core.texts import t

# The plan file's layout (pop_tui/store/plan_file.py).
SCHEMA: Final = 2
APP_MARK: Final = "pop-tui"
META: Final = "_meta"
META_ID: Final = "1"
HISTORY: Final = "_history"
CHECKSUM: Final = "checksum"
# The parts of a document that are not tables of records.
NOT_TABLES: Final = frozenset({META, HISTORY})

Tables = dict[str, dict[str, Any]]
# key -> (short id, the record's fields without its key)
Records = dict[str, tuple[int, dict[str, Any]]]


class MergeError(ValueError):
    """Two plans that cannot be merged (the message says why, in the current language);
    nothing was written."""


class Keyed:
    """One document's records by key, and its ``_meta``."""

    def __init__(self, meta: dict[str, Any], records: dict[str, Records]) -> None:
        self.meta = meta
        self.records = records

    @property
    def device(self) -> str:
        return str(self.meta.get("device", ""))

    @property
    def saved_at(self) -> str:
        return str(self.meta.get("saved_at", ""))

    @property
    def plan_uid(self) -> str:
        uid = self.meta.get("plan_uid", "")
        return uid if isinstance(uid, str) else ""

    @property
    def last_ids(self) -> dict[str, int]:
        found = self.meta.get("last_ids", {})
        if not isinstance(found, dict):
            return {}
        return {
            str(name): id
            for name, id in found.items()
            if isinstance(id, int) and not isinstance(id, bool)
        }

    def table(self, name: str) -> Records:
        return self.records.get(name, {})

    def document(self) -> Tables:
        """The document as the store writes it (keys in every record; no checksum, no history)."""
        meta = {k: v for k, v in self.meta.items() if k != CHECKSUM}
        meta["schema"] = SCHEMA
        return {**as_tables(self.records), META: {META_ID: meta}}


EMPTY: Final = Keyed({}, {})


def as_tables(records: dict[str, Records]) -> Tables:
    """Tables of record dicts (each with its key) from records by key, in id order."""
    return {
        name: {
            str(id): {**fields, STORED_KEY: key}
            for key, (id, fields) in sorted(table.items(), key=lambda item: item[1][0])
        }
        for name, table in records.items()
    }


def keyed(document: Any, which: str) -> Keyed:
    """Check ``document`` and index its records by key; ``which`` names it in a message
    ("base", "ours", "theirs")."""
    where = t(f"merge.which.{which}")
    if not isinstance(document, dict):
        raise MergeError(t("merge.error.not_plan", which=where))
    meta_table = document.get(META)
    meta = meta_table.get(META_ID) if isinstance(meta_table, dict) else None
    if not isinstance(meta, dict) or meta.get("app") != APP_MARK:
        raise MergeError(t("merge.error.not_plan", which=where))
    schema = meta.get("schema")
    if (
        not isinstance(schema, int)
        or isinstance(schema, bool)
        or schema < 1
        or not isinstance(meta.get("revision"), int)
    ):
        raise MergeError(t("merge.error.header", which=where))
    if schema > SCHEMA:
        raise MergeError(t("merge.error.newer", which=where, schema=schema, most=SCHEMA))
    uid = meta.get("plan_uid", "")
    uid = uid if isinstance(uid, str) else ""
    records: dict[str, Records] = {}
    for name, table in document.items():
        if name in NOT_TABLES:
            continue
        if not isinstance(table, dict):
            raise MergeError(t("merge.error.table", which=where, table=name))
        records[name] = _table_records(name, table, uid, where)
    return Keyed(dict(meta), records)


def _table_records(name: str, table: dict[str, Any], uid: str, where: str) -> Records:
    found: Records = {}
    ids: set[int] = set()
    cls = TABLES.get(name)
    for id_text, record in table.items():
        try:
            id = int(id_text)
        except ValueError:
            id = -1
        if not isinstance(record, dict) or id < 0 or id in ids:
            raise MergeError(t("merge.error.table", which=where, table=name))
        ids.add(id)
        key = record.get(STORED_KEY)
        if key is None:
            key = PROFILE_KEY if name == Profile.TABLE else legacy_key(uid, name, id)
        if not isinstance(key, str) or not key or key in found:
            raise MergeError(t("merge.error.table", which=where, table=name))
        fields = {k: v for k, v in record.items() if k != STORED_KEY}
        if cls is not None:
            try:
                cls.from_dict(id, fields)
            except ModelError as exc:
                raise MergeError(
                    t("merge.error.record", which=where, table=name, id=id, problem=exc)
                ) from None
        found[key] = (id, fields)
    return found


# The field that names a record of each table, for a person reading what changed.
TITLE_FIELDS: Final = {
    "goals": "title",
    "steps": "title",
    "employer_goals": "title",
    "reviews": "title",
    "actions": "action",
    "swot": "text",
    "trends": "text",
    "feedback": "from_whom",
    "periods": "name",
    "checkins": "on",
    "reflections": "learned",
    "progress": "on",
    "goal_changes": "field",
    "profile": "owner",
    "conflicts": "field",
}


def record_title(table: str, fields: dict[str, Any]) -> str:
    """What names a record (a goal's title, a check-in's day), as plain text; "" if nothing."""
    value = fields.get(TITLE_FIELDS.get(table, ""), "")
    return value if isinstance(value, str) else ""


def bare(meta: dict[str, Any]) -> dict[str, Any]:
    """A ``_meta`` record without its checksum (which only the writing sets)."""
    return {k: v for k, v in meta.items() if k != CHECKSUM}


def merged_meta(ours: Keyed, theirs: Keyed, merged: dict[str, Records]) -> dict[str, Any]:
    """The ``_meta`` of a merge of ``ours`` and ``theirs`` into ``merged``: the header of the
    side saved later, the larger revision plus one, ``last_ids`` above every id, the smaller
    plan uid."""
    last_ids: dict[str, int] = {}
    for doc in (ours, theirs):
        for name, id in doc.last_ids.items():
            last_ids[name] = max(last_ids.get(name, 0), id)
    for name, records in merged.items():
        for id, _ in records.values():
            last_ids[name] = max(last_ids.get(name, 0), id)
    uids = [u for u in (ours.plan_uid, theirs.plan_uid) if u]
    meta = {
        **bare(_later(ours, theirs).meta),
        "app": APP_MARK,
        "schema": SCHEMA,
        "revision": max(_revision(ours), _revision(theirs)) + 1,
        "saved_at": max(ours.saved_at, theirs.saved_at),
        "last_ids": dict(sorted(last_ids.items())),
    }
    if uids:
        meta["plan_uid"] = min(uids)
    return meta


def _revision(doc: Keyed) -> int:
    revision = doc.meta.get("revision", 0)
    return revision if isinstance(revision, int) else 0


def _later(a: Keyed, b: Keyed) -> Keyed:
    """The side saved later; the same time: the smaller device name (then the smaller header)."""
    if a.saved_at != b.saved_at:
        return a if a.saved_at > b.saved_at else b
    if a.device != b.device:
        return a if a.device < b.device else b
    return a if canon(bare(a.meta)) <= canon(bare(b.meta)) else b
