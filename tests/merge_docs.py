"""Plans as the documents the store writes for sync, edited on replicas (devices).

A :class:`Replica` is one device's copy of a plan: its records keep the keys
they came with, and a record made on it gets the key of that device
(:func:`pop_tui.core.keys.record_key`), as the store does. Its
:meth:`~Replica.document` is what the plan file holds: each record's dict plus
"key", and the ``_meta`` record.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from pop_tui.core.edit import Edit
from pop_tui.core.keys import record_key
from pop_tui.core.model import STORED_KEY, Plan
from pop_tui.core.references import dangling

Tables = dict[str, dict[str, Any]]
UID = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"


def document(
    plan: Plan,
    *,
    device_id: str = "dev-a",
    device: str = "laptop",
    at: str = "2026-12-07T10:00:00",
    revision: int = 1,
    last_ids: dict[str, int] | None = None,
    keys: dict[tuple[str, int], str] | None = None,
    uid: str = UID,
) -> Tables:
    """``plan`` as its file's document; ``keys`` the keys records already have."""
    known = keys or {}
    tables: Tables = {}
    for name, records in plan.to_dict().items():
        tables[name] = {
            id: {
                **fields,
                STORED_KEY: known.get((name, int(id))) or record_key(uid, device_id, name, int(id)),
            }
            for id, fields in records.items()
        }
    ids = dict(last_ids or {})
    for name, records in plan.tables.items():
        if records:
            ids[name] = max(ids.get(name, 0), max(records))
    meta = {
        "app": "pop-tui",
        "schema": 2,
        "plan_uid": uid,
        "revision": revision,
        "saved_at": at,
        "device": device,
        "app_version": "1.0",
        "last_ids": dict(sorted(ids.items())),
    }
    return {**tables, "_meta": {"1": meta}}


def keys_of(doc: Tables) -> dict[tuple[str, int], str]:
    return {
        (name, int(id)): record[STORED_KEY]
        for name, records in doc.items()
        if not name.startswith("_")
        for id, record in records.items()
    }


class Replica:
    """One device's copy of a plan, from a document."""

    def __init__(self, doc: Tables, device_id: str, device: str, at: str) -> None:
        self.plan = Plan.from_dict(doc)
        self.keys = keys_of(doc)
        meta = doc["_meta"]["1"]
        self.last_ids: dict[str, int] = dict(meta.get("last_ids", {}))
        self.revision = int(meta.get("revision", 0))
        self.uid = str(meta.get("plan_uid", UID))
        self.device_id, self.device, self.at = device_id, device, at

    def edit(self, mutation: Callable[[Edit], object]) -> None:
        edit = Edit(self.plan, self.last_ids)
        try:
            mutation(edit)
        except BaseException:
            edit.rollback()
            raise
        self.last_ids = edit.last_ids
        if edit.changes:
            self.revision += 1

    def document(self) -> Tables:
        return document(
            self.plan,
            device_id=self.device_id,
            device=self.device,
            at=self.at,
            revision=self.revision,
            last_ids=self.last_ids,
            keys=self.keys,
            uid=self.uid,
        )


def plan_tables(doc: Tables) -> Tables:
    """The document without ``_meta``: what must match whichever way two plans merge."""
    return {name: records for name, records in doc.items() if name != "_meta"}


def loads_whole(doc: Tables) -> Plan:
    """The merged document loads as a plan, and every reference in it holds."""
    plan = Plan.from_dict(json.loads(json.dumps(doc)))
    assert dangling(plan) == []
    return plan


def by_key(doc: Tables, table: str) -> dict[str, dict[str, Any]]:
    return {record[STORED_KEY]: {**record, "id": int(id)} for id, record in doc[table].items()}
