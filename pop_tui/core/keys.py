"""Stable keys: the identity of a record across devices.

A record's id is the short number people type (``pop done 12``); it is a
view, and a merge of two devices' plans may give a record a new one when both
made a record with the same number (see :mod:`pop_tui.core.merge`). The key
never changes. It is written in the record's line in the plan file (field
``key``) and is what the merge matches records by.

Keys are derived, not random, so that the same plan gives the same bytes: from
the plan's uid, the device that made the record, the table and the id. Two
devices never make the same key, because their device ids differ; and an
undone delete brings the record back with the key it had. A record written
before keys existed (schema 1) gets the key of device ``""``, so two copies of
one old plan, migrated on two devices, agree on every key.
"""

from __future__ import annotations

import hashlib

KEY_LENGTH = 12
# The one profile of a plan is the same record on every device.
PROFILE_KEY = "profile"


def record_key(plan_uid: str, device_id: str, table: str, id: int) -> str:
    """The key of record ``id`` of ``table``, made on device ``device_id`` in plan ``plan_uid``."""
    if table == "profile":
        return PROFILE_KEY
    text = f"{plan_uid}\0{device_id}\0{table}\0{id}".encode()
    return hashlib.blake2b(text, digest_size=KEY_LENGTH // 2).hexdigest()


def legacy_key(plan_uid: str, table: str, id: int) -> str:
    """The key of a record that was written without one (by a pop before schema 2)."""
    return record_key(plan_uid, "", table, id)


def conflict_key(record_key_: str, field: str) -> str:
    """The key of the conflict about ``field`` of the record with key ``record_key_``.

    The same on every device, so two devices that find one conflict keep one.
    """
    text = f"conflict\0{record_key_}\0{field}".encode()
    return "c" + hashlib.blake2b(text, digest_size=KEY_LENGTH // 2).hexdigest()[1:]
