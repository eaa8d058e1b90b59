"""Drafts: what was typed into a form and not saved when pop was closed from outside.

A dropped SSH connection (SIGHUP), a closed terminal or a crash leaves the open
form's typing in a small JSON file, offered again at the next start. Drafts
live beside the plan they belong to, in ``drafts/`` next to ``backups/``: one
plan, one folder, and nothing to match up when the plan is moved or when two
plans share a home folder. Each session writes its own file (named after its
process), so two sessions that drop at once do not overwrite each other.

The files are written like the plan: atomically, mode 0600, folder 0700.
"""

from __future__ import annotations

import contextlib
import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

from pop_tui.core.value import Value
from pop_tui.store import files

FORMAT = "pop-tui draft"
VERSION = 1


class Draft(Value):
    """One kept draft: where it lies, when it was written, and what it holds."""

    path: Path
    written: datetime
    document: dict[str, Any]

    @property
    def title(self) -> str:
        return str(self.document.get("title", ""))


def drafts_folder(plan_path: Path) -> Path:
    return plan_path.parent / "drafts"


def _prefix(plan_path: Path) -> str:
    return plan_path.name + "."


def write_draft(plan_path: Path, document: dict[str, Any]) -> Path:
    """Keep ``document`` as this process's draft for the plan at ``plan_path``."""
    path = drafts_folder(plan_path) / f"{_prefix(plan_path)}{os.getpid()}.json"
    data = {"format": FORMAT, "version": VERSION, **document}
    files.atomic_write(path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
    return path


def list_drafts(plan_path: Path) -> tuple[list[Draft], list[Path]]:
    """The drafts kept for the plan, oldest first, and the files that could not be read."""
    folder = drafts_folder(plan_path)
    try:
        names = sorted(os.listdir(folder))
    except FileNotFoundError:
        return [], []
    drafts: list[Draft] = []
    unreadable: list[Path] = []
    prefix = _prefix(plan_path)
    for name in names:
        if not (name.startswith(prefix) and name.endswith(".json")):
            continue
        path = folder / name
        try:
            written = datetime.fromtimestamp(path.stat().st_mtime)
            document = json.loads(path.read_bytes())
        except (OSError, ValueError):
            unreadable.append(path)
            continue
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            unreadable.append(path)
            continue
        drafts.append(Draft(path, written, document))
    drafts.sort(key=lambda d: d.written)
    return drafts, unreadable


def remove_draft(draft: Draft) -> None:
    """Forget a draft (restored into its form, or discarded)."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(draft.path)
