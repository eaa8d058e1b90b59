"""What belongs to this device and never travels with the plan: its id and name, the undo history.

These files lie in the ``local`` folder beside the plan file (beside a link's
target), like ``backups``, ``drafts`` and ``cache``, and are named in the
``.gitignore`` that ``pop sync init`` writes. The plan file itself holds the
plan only, so that two devices' copies merge without a conflict over what one
device did (see :mod:`pop_tui.core.merge`):

- ``local/device.json``: ``{"id": ..., "name": ...}``. The id is random, made
  once; records made here get keys from it (:mod:`pop_tui.core.keys`). The name
  says which device a value came from when two devices disagree; it is the
  host's name unless set (``pop sync init --device NAME``).
- ``local/<plan file name>.history``: the changes undo and redo walk through.
  Written after the plan, atomically; it is never needed to read the plan.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

from pop_tui.core.value import Value
from pop_tui.store import files

LOCAL_FOLDER = "local"
DEVICE_FILE = "device.json"
# The longest device name kept: it is shown beside every value in a conflict.
NAME_LIMIT = 40


class Device(Value):
    """This device, as the plans in one folder know it."""

    id: str
    name: str


def local_folder(plan_path: Path) -> Path:
    return files.link_target(plan_path).parent / LOCAL_FOLDER


def history_path(plan_path: Path) -> Path:
    target = files.link_target(plan_path)
    return target.parent / LOCAL_FOLDER / f"{target.name}.history"


def _default_name() -> str:
    import socket  # only when a device is first named

    return clean_name(socket.gethostname()) or "device"


def clean_name(name: str) -> str:
    """A device name as kept: printable, one line, at most NAME_LIMIT characters."""
    text = "".join(ch for ch in name if ch.isprintable()).strip()
    return text[:NAME_LIMIT]


def this_device(plan_path: Path) -> Device:
    """This device's id and name, made (and kept) the first time a plan in this folder asks."""
    path = local_folder(plan_path) / DEVICE_FILE
    with contextlib.suppress(FileNotFoundError, ValueError, OSError):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and isinstance(data.get("id"), str) and data["id"]:
            name = data.get("name")
            return Device(data["id"], name if isinstance(name, str) and name else _default_name())
    import uuid  # only a new device needs one

    device = Device(uuid.uuid4().hex[:16], _default_name())
    _write_device(path, device)
    return device


def name_device(plan_path: Path, name: str) -> Device:
    """Give this device a name (shown in conflicts); its id stays. Raises ValueError for an empty name."""
    cleaned = clean_name(name)
    if not cleaned:
        raise ValueError("a device needs a name")
    device = this_device(plan_path).replace(name=cleaned)
    _write_device(local_folder(plan_path) / DEVICE_FILE, device)
    return device


def _write_device(path: Path, device: Device) -> None:
    data = json.dumps({"id": device.id, "name": device.name}, ensure_ascii=False, sort_keys=True)
    files.atomic_write(path, (data + "\n").encode())


def read_history(plan_path: Path) -> dict[str, Any] | None:
    """The undo history kept beside the plan (``{seq: entry}``); None when there is none or it
    cannot be read (a lost history only means fewer changes to undo, never a lost plan)."""
    try:
        data = json.loads(history_path(plan_path).read_bytes())
    except (FileNotFoundError, ValueError, OSError):
        return None
    return data if isinstance(data, dict) else None


def write_history(plan_path: Path, entries: dict[str, Any]) -> None:
    """Keep the undo history beside the plan, atomically, one entry a line."""
    lines = [
        f"  {json.dumps(seq)}: {json.dumps(entry, sort_keys=True, ensure_ascii=False)}"
        for seq, entry in entries.items()
    ]
    body = "{\n" + ",\n".join(lines) + "\n}\n" if lines else "{}\n"
    path = history_path(plan_path)
    files.remove_stale_temps(path)
    files.atomic_write(path, body.encode(), durable=False)


def forget_history(plan_path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(history_path(plan_path))
