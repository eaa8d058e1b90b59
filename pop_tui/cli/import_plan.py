"""``pop import FILE [--merge]``: restore a plan from a JSON export, or add one to it.

The whole file is checked before anything is written; a file with any
problem changes nothing, and the message lists each problem with its table,
record and field. The import itself is one change of the store: saved
atomically after a backup of the previous file, and undoable.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pop_tui.cli.context import Context
from pop_tui.cli.parser import Common, file_path
from pop_tui.core.export.json_doc import Document, DocumentError, Problem, read_document
from pop_tui.core.model import Goal, Step
from pop_tui.core.plan_import import ImportResult, merge_plan, replace_plan
from pop_tui.core.printable import printable
from pop_tui.core.texts import t
from pop_tui.store.plan_store import PlanStore


def read_file(path: Path) -> Document:
    """The checked document in ``path`` (OSError if it cannot be read)."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DocumentError([Problem("", t("import.error.not_utf8"))]) from None
    return read_document(text)


def _summary(result: ImportResult) -> str:
    counts = result.counts
    return t(
        "cli.import.summary",
        goals=counts.get(Goal.TABLE, 0),
        steps=counts.get(Step.TABLE, 0),
        total=sum(counts.values()),
    )


def run_import(args: argparse.Namespace, context: Context) -> int:
    path = Path(args.file).expanduser()
    try:
        document = read_file(path)
    except DocumentError as exc:
        lines = "\n".join(f"  {printable(str(p))}" for p in exc.problems[:10])
        if len(exc.problems) > 10:
            lines += "\n  " + t("import.more_problems", n=len(exc.problems) - 10)
        message = t("cli.import.refused", path=printable(str(path)), problems=lines)
        print(t("cli.error", message=message), file=sys.stderr)
        return 1
    store = PlanStore.open(context.db)
    before = store.revision
    name = printable(path.name)
    if args.merge:
        result = store.apply(
            t("label.import.merge", name=name), lambda edit: merge_plan(edit, document.plan)
        )
        if store.revision == before:
            print(printable(t("cli.import.same", db=context.db)))
            return 0
        print(printable(t("cli.import.merged", path=path, db=context.db, summary=_summary(result))))
        return 0
    result = store.apply(
        t("label.import.replace", name=name),
        lambda edit: replace_plan(edit, document.plan),
        plan_uid=document.plan_uid or None,
    )
    if store.revision == before:
        print(printable(t("cli.import.same", db=context.db)))
        return 0
    print(printable(t("cli.import.replaced", path=path, db=context.db, summary=_summary(result))))
    if before > 0:
        restore = context.command("backup", "restore", "1")
        print(printable(t("cli.import.backup", restore_cmd=restore)))
    return 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: Common) -> None:
    parser = commands.add_parser(
        "import", help=t("cli.help.import"), description=t("cli.help.import")
    )
    common(parser)
    parser.add_argument("file", metavar="FILE", type=file_path, help=t("cli.help.import_file"))
    parser.add_argument("--merge", action="store_true", help=t("cli.help.import_merge"))
    parser.set_defaults(run=run_import)
