"""``pop export``: the plan as a conversation pack, a calendar or a full backup.

Without ``-o`` the export goes to standard output (every format is free of
control characters, so it is safe in a terminal). With ``-o FILE`` it is
written atomically and readable by its owner only; an existing file is kept
unless ``--force`` is given.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pop_tui.cli.context import Context, UsageError
from pop_tui.cli.parser import Common, file_path
from pop_tui.core.export import EXTENSIONS, FORMATS, ExportSource, Format, export
from pop_tui.core.model import Plan
from pop_tui.core.periods import PeriodError, archived_plan, current_period, find_period
from pop_tui.core.printable import printable
from pop_tui.core.texts import t
from pop_tui.store.files import atomic_write
from pop_tui.store.plan_store import PlanStore


def _format(args: argparse.Namespace, out: Path | None) -> Format:
    if args.format:
        chosen: Format = args.format
        return chosen
    if out is not None and out.suffix.lower() in EXTENSIONS:
        return EXTENSIONS[out.suffix.lower()]
    raise UsageError(t("cli.export.need_format"))


def _fail(message: str) -> int:
    print(t("cli.error", message=printable(message)), file=sys.stderr)
    return 1


def run_export(args: argparse.Namespace, context: Context) -> int:
    out = Path(args.out).expanduser() if args.out else None
    fmt = _format(args, out)
    if not context.db.exists():
        return _fail(t("cli.export.no_plan", path=context.db))
    if out is not None and out.exists() and not args.force:
        return _fail(t("cli.export.exists", path=out))
    store = PlanStore.open(context.db)
    plan: Plan = store.plan
    current = current_period(plan)
    period = current.name if current is not None else ""
    if args.period:
        try:
            found = find_period(plan, args.period)
            plan = archived_plan(found)
        except PeriodError as exc:
            return _fail(str(exc))
        period = found.name
    source = ExportSource(plan_uid=store.plan_uid, revision=store.revision, period=period)
    # An explicit --lang wins; otherwise the export speaks the plan's own language.
    text = export(fmt, plan, source, context.today, getattr(args, "lang", None))
    data = text.encode("utf-8")
    if out is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0
    atomic_write(out, data)
    print(printable(t("cli.export.written", path=out)))
    return 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: Common) -> None:
    parser = commands.add_parser(
        "export", help=t("cli.help.export"), description=t("cli.help.export")
    )
    common(parser)
    parser.add_argument("--format", "-f", choices=FORMATS, help=t("cli.help.export_format"))
    parser.add_argument(
        "-o", "--output", dest="out", metavar="FILE", type=file_path, help=t("cli.help.export_out")
    )
    parser.add_argument("--force", action="store_true", help=t("cli.help.export_force"))
    parser.add_argument("--period", metavar="NAME", help=t("cli.help.export_period"))
    parser.set_defaults(run=run_export)
