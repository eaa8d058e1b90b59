"""``pop agenda``: what needs attention, as text, one summary line, or JSON.

What it shows is read from the agenda index beside the plan when that is
current, else from the plan (see :mod:`pop_tui.store.agenda_index`); how it is
shown is in :mod:`pop_tui.cli.agenda_out`. :func:`view_of` is the same agenda
worked out from a whole plan by the dashboard's own functions: the tests hold
the two to be equal.
"""

from __future__ import annotations

import argparse
import os
from datetime import date

from pop_tui.cli import agenda_out
from pop_tui.cli.context import Context
from pop_tui.cli.parser import Common
from pop_tui.core import agenda, checkins
from pop_tui.core.model import Goal, Plan
from pop_tui.core.printable import printable
from pop_tui.core.texts import t
from pop_tui.store import agenda_index
from pop_tui.store.agenda_index import Entry, GoalName, LastCheckIn, View

DEFAULT_DAYS = 7
# Ten years ahead is more than any plan needs, and keeps far dates inside the calendar.
MAX_DAYS = 3660
JSON_VERSION = agenda_out.JSON_VERSION


def _goal(goal: Goal | None) -> GoalName | None:
    return None if goal is None else GoalName(goal.id, goal.title)


def view_of(plan: Plan, today: date, days: int) -> View:
    """The agenda of a whole plan, by the dashboard's functions (core.agenda, core.checkins)."""
    view = View(today, days)
    view.overdue = [
        Entry(d.step.id, d.step.title, d.due, _goal(d.goal))
        for d in agenda.overdue_steps(plan, today)
    ]
    view.soon = [
        Entry(d.step.id, d.step.title, d.due, _goal(d.goal))
        for d in agenda.steps_due_soon(plan, today, days)
    ]
    for d in agenda.upcoming_reviews(plan, today, days):
        entry = Entry(d.review.id, d.review.title, d.due, _goal(d.goal))
        entry.rule = d.review.rule
        view.reviews.append(entry)
    for late in agenda.overdue_feedback(plan, today):
        item = late.feedback
        entry = Entry(item.id, item.from_whom, late.wanted_by, _goal(late.goal))
        entry.from_whom, entry.question, entry.asked_on = (
            item.from_whom,
            item.question,
            item.asked_on,
        )
        view.feedback.append(entry)
    last = checkins.last_checkin(plan, today)
    if last is not None and last.on is not None:
        view.last_checkin = LastCheckIn(last.id, last.on, last.mood, last.note, list(last.step_ids))
    view.streak = checkins.streak(plan, today)
    view.checked_in_today = checkins.checked_in_today(plan, today)
    view.empty_plan = not plan.goals and not plan.steps and not plan.reviews
    return view


def read_agenda(path: str | os.PathLike[str], today: date, days: int) -> View:
    """The agenda of the plan at ``path`` (from its index when current)."""
    return agenda_index.read(path, today, days)


def days_count(text: str) -> int:
    """``--days``: a whole number of days from 0 to MAX_DAYS."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= MAX_DAYS:
        raise argparse.ArgumentTypeError(t("cli.agenda.days_bad", value=text, most=MAX_DAYS))
    return value


# --- the command ------------------------------------------------------------------


def merge_conflict_copies(context: Context) -> None:
    """Merge the copies a file-sync tool left beside the plan, saying so on stderr."""
    from pop_tui.store import file_sync

    if not file_sync.conflict_copies(context.db):
        return
    import sys

    from pop_tui.store.plan_store import PlanStore

    for line in file_sync.told_lines(file_sync.merge_copies(PlanStore.open(context.db))):
        print(printable(line), file=sys.stderr)


def run(args: argparse.Namespace, context: Context) -> int:
    merge_conflict_copies(context)
    report = read_agenda(context.db_file, context.today, args.days)
    form = "json" if args.json else "brief" if args.brief else "text"
    print(agenda_out.show(report, form, context.command("checkin")))
    return 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: Common) -> None:
    parser = commands.add_parser(
        "agenda", help=t("cli.help.agenda"), description=t("cli.help.agenda")
    )
    common(parser)
    parser.add_argument(
        "--days", type=days_count, default=DEFAULT_DAYS, metavar="N", help=t("cli.help.agenda_days")
    )
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help=t("cli.help.agenda_json"))
    form.add_argument("--brief", action="store_true", help=t("cli.help.agenda_brief"))
    parser.set_defaults(run=run)
