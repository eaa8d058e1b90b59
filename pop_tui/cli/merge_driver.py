"""``pop __merge-driver BASE OURS THEIRS PATH``: git's merge driver for the plan file.

git runs it (``merge.pop.driver`` in the repository's config, see
:func:`pop_tui.store.sync_git.driver_command`) whenever a merge, a ``git pull`` by
hand as much as ``pop sync``, finds the plan changed on both sides. It reads the
three versions (BASE is empty when the two plans have no common ancestor), merges
them record by record with :func:`pop_tui.core.merge.merge_documents` and writes
the result over OURS, atomically, as the store writes a plan. It exits 0 also when
the merge recorded conflicts in the plan (the plan holds them; nothing for git to
mark). When the merge is refused (a side that is damaged or no pop plan, another
schema) it says why on standard error, leaves OURS as it was and exits 1, so git
stops the merge.

What the merge brought is told: into the file named by ``POP_SYNC_REPORT`` (JSON,
for ``pop sync`` to print), else on standard error, which a ``git pull`` shows.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from pop_tui.cli.context import Context
from pop_tui.cli.parser import Common, file_path
from pop_tui.core.texts import t

REPORT_ENV = "POP_SYNC_REPORT"
Tables = dict[str, dict[str, Any]]


class SideRefused(Exception):
    """One of the three versions cannot be merged; the message says which and why."""


def read_side(path: str, label: str, *, may_be_empty: bool = False) -> Tables | None:
    """The plan in ``path`` (None for an empty base: no common ancestor)."""
    from pop_tui.store.plan_file import PlanFileError, parse

    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise SideRefused(t("sync.driver.unreadable", side=label, problem=exc.strerror)) from None
    if may_be_empty and not raw.strip():
        return None
    try:
        return parse(label, raw)
    except PlanFileError as exc:
        raise SideRefused(t("sync.driver.side_bad", side=label, problem=exc.reason)) from None


def table_word(table: str) -> str:
    key = f"sync.table.{table}"
    try:
        return t(key)
    except KeyError:
        return table


def _record_title(tables: Tables, table: str, record_id: object) -> str:
    from pop_tui.core.printable import printable

    record = tables.get(table, {}).get(str(record_id), {})
    for field in ("title", "action", "text", "name", "question"):
        value = record.get(field)
        if isinstance(value, str) and value:
            return printable(" ".join(value.split()))
    return ""


def _field(item: Any, name: str, default: Any = None) -> Any:
    return item.get(name, default) if isinstance(item, dict) else getattr(item, name, default)


def conflict_line(conflict: Any, tables: Tables) -> str:
    """One conflict for the person: which record, which field, which devices."""
    table = str(_field(conflict, "table", ""))
    record_id = _field(conflict, "record_id", "")
    field = str(_field(conflict, "field", ""))
    sides = _field(conflict, "sides", ()) or ()
    devices = " / ".join(str(_field(side, "device", "")) or "?" for side in sides) or "?"
    title = _record_title(tables, table, record_id)
    what = f"{table_word(table)} {record_id}" + (f" '{title}'" if title else "")
    if not field:
        return t("sync.conflict.deleted", record=what, devices=devices)
    return t("sync.conflict.field", record=what, field=field, devices=devices)


def renumbered_line(item: Any) -> str:
    """ "goal 7 'Learn Rust' from laptop is now goal 9" """
    word = table_word(str(_field(item, "table", "")))
    title = str(_field(item, "title", "") or "")
    return t(
        "sync.renumbered",
        old=f"{word} {_field(item, 'old_id', '?')}",
        title=f" '{title}'" if title else "",
        device=_field(item, "device", "") or "?",
        new=f"{word} {_field(item, 'new_id', '?')}",
    )


def report_of(result: Any) -> dict[str, list[str]]:
    """What a merge brought, as lines of text: incoming changes, new conflicts, new numbers."""
    tables = result.tables
    return {
        "incoming": [str(line) for line in result.incoming],
        "conflicts": [conflict_line(c, tables) for c in result.conflicts],
        "renumbered": [renumbered_line(r) for r in result.renumbered],
    }


def run_driver(args: argparse.Namespace, context: Context) -> int:
    from pop_tui.store.files import atomic_write
    from pop_tui.store.plan_file import serialize

    name = args.path or "plan"
    try:
        base = read_side(args.base, t("sync.side.base", name=name), may_be_empty=True)
        ours = read_side(args.ours, t("sync.side.ours", name=name))
        theirs = read_side(args.theirs, t("sync.side.theirs", name=name))
        assert ours is not None and theirs is not None
        from pop_tui.core.merge import (
            MergeError,
            merge_documents,
        )

        try:
            result = merge_documents(base, ours, theirs)
        except MergeError as exc:
            raise SideRefused(str(exc)) from None
        except Exception as exc:  # a fault of pop's: said in one line, and nothing is written
            raise SideRefused(t("sync.driver.fault", error=f"{type(exc).__name__}: {exc}")) from exc
    except SideRefused as exc:
        from pop_tui.store.sync_git import DRIVER_MARK

        print(DRIVER_MARK + t("sync.driver.refused", name=name, reason=exc), file=sys.stderr)
        return 1
    atomic_write(Path(args.ours), serialize(result.tables), keep=True)
    report = report_of(result)
    target = os.environ.get(REPORT_ENV)
    if target:
        # pop sync prints it; several plan files in one merge each add their part.
        previous: dict[str, list[str]] = {}
        try:
            previous = json.loads(Path(target).read_text(encoding="utf-8") or "{}")
        except (OSError, ValueError):
            previous = {}
        for part, lines in report.items():
            previous[part] = [*previous.get(part, []), *lines]
        Path(target).write_text(json.dumps(previous, ensure_ascii=False), encoding="utf-8")
    else:
        for line in report["incoming"]:
            print(t("sync.driver.came_in", name=name, line=line), file=sys.stderr)
        for part in ("conflicts", "renumbered"):
            for line in report[part]:
                print(t("sync.driver.note", name=name, line=line), file=sys.stderr)
    return 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: Common) -> None:
    # No help: not listed (not in the help, the man page or completion). git calls it.
    driver = commands.add_parser("__merge-driver", add_help=False)
    driver.add_argument("base", type=file_path)
    driver.add_argument("ours", type=file_path)
    driver.add_argument("theirs", type=file_path)
    driver.add_argument("path", nargs="?", default="", type=file_path)
    driver.set_defaults(run=run_driver)
