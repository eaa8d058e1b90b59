"""``pop period new NAME`` and ``pop period list``: the plan's periods (such as years)."""

from __future__ import annotations

import argparse
import shlex
import sys

from pop_tui.cli.context import Context
from pop_tui.cli.parser import Common
from pop_tui.core.dates import format_date
from pop_tui.core.periods import PeriodError, archived_periods, start_period, summaries
from pop_tui.core.printable import printable
from pop_tui.core.texts import t
from pop_tui.store.plan_store import PlanStore


def run_new(args: argparse.Namespace, context: Context) -> int:
    store = PlanStore.open(context.db)
    today = context.today
    try:
        started = store.apply(
            t("label.period.new", name=printable(args.name.strip())),
            lambda edit: start_period(edit, args.name, today, args.archive_as),
        )
    except PeriodError as exc:
        print(t("cli.error", message=printable(str(exc))), file=sys.stderr)
        return 1
    plan = store.plan
    old = archived_periods(plan)[-1]
    open_steps = sum(1 for s in plan.steps.values() if not s.done)
    message = t(
        "cli.period.started",
        name=started.name,
        old=old.name,
        goals=len(plan.goals),
        steps=open_steps,
    )
    print(printable(message))
    # Quoted, so that the line can be copied as it is: a name may have spaces ("Aug-Nov 2026").
    hint = context.command("export", "--format", "html", "--period", shlex.quote(old.name))
    print(printable(t("cli.period.export_hint", cmd=hint)))
    return 0


def run_list(args: argparse.Namespace, context: Context) -> int:
    store = PlanStore.open(context.db)
    found = summaries(store.plan)
    if not found:
        print(printable(t("cli.period.none", cmd=context.command("period", "new", "NAME"))))
        return 0
    unknown = t("cli.period.unknown_start")
    for summary in found:
        period = summary.period
        started = format_date(period.started) if period.started else unknown
        if summary.current:
            line = t(
                "cli.period.current",
                name=period.name,
                started=started,
                goals=summary.goals,
                done=summary.goals_done,
            )
        else:
            ended = format_date(period.ended) if period.ended else unknown
            line = t(
                "cli.period.archived",
                name=period.name,
                span=t("cli.period.span", started=started, ended=ended),
                goals=summary.goals,
                done=summary.goals_done,
            )
        print(printable(line))
    return 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: Common) -> None:
    period = commands.add_parser(
        "period", help=t("cli.help.period"), description=t("cli.help.period")
    )
    common(period)
    actions = period.add_subparsers(dest="period_action", metavar="ACTION", required=True)
    new = actions.add_parser("new", help=t("cli.help.period_new"))
    common(new)
    new.add_argument("name", metavar="NAME", help=t("cli.help.period_name"))
    new.add_argument("--archive-as", metavar="OLD", help=t("cli.help.period_archive_as"))
    new.set_defaults(run=run_new)
    listing = actions.add_parser("list", help=t("cli.help.period_list"))
    common(listing)
    listing.set_defaults(run=run_list)
