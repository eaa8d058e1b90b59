"""``pop checkin [-m TEXT] [--mood N] [--done REF ...]``: the daily check-in from a shell."""

from __future__ import annotations

import argparse

from pop_tui.cli.context import Context
from pop_tui.cli.failure import CommandFailed, reports_failure
from pop_tui.cli.parser import Common, completes
from pop_tui.cli.steps import resolve_steps
from pop_tui.core import checkins
from pop_tui.core.dates import format_date
from pop_tui.core.entry import EntryError, check_length
from pop_tui.core.texts import t
from pop_tui.store.plan_store import PlanStore


@reports_failure
def run(args: argparse.Namespace, context: Context) -> int:
    store = PlanStore.open(context.db)
    today = context.today
    done = resolve_steps(store.plan, args.done)
    note = " ".join(args.message)
    try:
        check_length("note", note)
    except EntryError as exc:
        raise CommandFailed(exc.message) from None
    mood: int | None = args.mood
    again = checkins.checked_in_today(store.plan, today)
    record = store.apply(
        t("label.checkin", day=format_date(today)),
        lambda edit: checkins.check_in(edit, today, note, mood, done),
    )
    parts = [t("cli.checkin.saved", day=format_date(today))]
    if again:  # the same words as the app's check-in
        parts.append(t("checkin.again"))
    if record.step_ids:
        count = len(record.step_ids)
        parts.append(
            t("cli.checkin.steps_one") if count == 1 else t("cli.checkin.steps", count=count)
        )
    if record.mood is not None:
        parts.append(t("checkin.summary.mood", mood=record.mood))
    days = checkins.streak(store.plan, today)
    parts.append(t("checkin.streak.one") if days == 1 else t("checkin.streak.many", days=days))
    print(" · ".join(parts))
    return 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: Common) -> None:
    parser = commands.add_parser(
        "checkin", help=t("cli.help.checkin"), description=t("cli.help.checkin")
    )
    common(parser)
    # Several words need no quotes: over `ssh host pop checkin -m ...` the remote shell
    # splits the note again, so quoting it once on a phone would not be enough.
    parser.add_argument(
        "-m",
        "--message",
        nargs="+",
        action="extend",
        default=[],
        metavar="TEXT",
        help=t("cli.help.checkin_message"),
    )
    parser.add_argument(
        "--mood",
        type=int,
        choices=checkins.MOODS,
        metavar="N",
        help=t("cli.help.checkin_mood"),
    )
    done = parser.add_argument(
        "--done",
        nargs="+",
        action="extend",
        default=[],
        metavar="REF",
        help=t("cli.help.checkin_done"),
    )
    completes(done, "open_steps")
    parser.set_defaults(run=run)
