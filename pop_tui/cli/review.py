"""``pop review``: the reviews that are due, and holding one without the wizard.

``pop review`` lists the reviews due within ``--days`` (overdue ones included).
``pop review hold REF`` records a review held today by the wizard's rules (see
:mod:`pop_tui.core.review_session`): per goal, the measured value becomes the
goal's current value and its progress history, what went well and what to do
next are kept as the goal's self-feedback, an adjustment of the goal keeps its
reason; the review is marked held and a recurring one moves to its next date
(``--next`` sets that date). All of it is one change, which ``pop undo`` takes back.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from typing import Any

from pop_tui.cli import rows, values
from pop_tui.cli.context import Context
from pop_tui.cli.failure import CommandFailed, reports_failure
from pop_tui.cli.parser import Common, completes
from pop_tui.cli.pools import review_pool
from pop_tui.cli.terminal import Paint, colour_wanted
from pop_tui.core import agenda, record_changes
from pop_tui.core.dates import describe_recurrence, format_date, relative_day
from pop_tui.core.edit import Edit
from pop_tui.core.model import GOAL_STATUSES, Goal, Plan, Review
from pop_tui.core.printable import printable
from pop_tui.core.progress import has_measure
from pop_tui.core.refs import resolve_ref
from pop_tui.core.review_session import (
    GoalEntry,
    HeldSession,
    goals_to_review,
    hold_review_session,
    needs_reason,
)
from pop_tui.core.texts import t
from pop_tui.store.plan_reader import read_plan
from pop_tui.store.plan_store import PlanStore

JSON_VERSION = 1
DEFAULT_DAYS = 7
# The options that say something about one goal of the review.
GOAL_OPTIONS = (
    "progress",
    "went_well",
    "what_next",
    "title",
    "deadline",
    "target",
    "status",
    "reason",
)


def review_json(plan: Plan, review: Review, today: date) -> dict[str, Any]:
    """One review in the documented JSON shape (docs/cli.md)."""
    goal = plan.goals.get(review.goal_id) if review.goal_id is not None else None
    return {
        "id": review.id,
        "title": review.title,
        "due": review.next_on.isoformat() if review.next_on else None,
        "in_days": (review.next_on - today).days if review.next_on else None,
        "rule": review.rule,
        "goal": None if goal is None else {"id": goal.id, "title": goal.title},
        "held": [{"on": h.on.isoformat(), "notes": h.notes} for h in review.held],
    }


def due_reviews(plan: Plan, today: date, days: int) -> list[Review]:
    """Reviews due up to ``today + days``, overdue ones included, soonest first."""
    return [d.review for d in agenda.upcoming_reviews(plan, today, days)]


def run_list(args: argparse.Namespace, context: Context) -> int:
    from pop_tui.core.model import Goal as GoalRecord

    plan = read_plan(context.db_file, (Review, GoalRecord))
    today = context.today
    due = due_reviews(plan, today, args.days)
    if args.json:
        document = {
            "version": JSON_VERSION,
            "today": today.isoformat(),
            "days": args.days,
            "reviews": [review_json(plan, r, today) for r in due],
        }
        print(json.dumps(document, indent=2, ensure_ascii=True))
        return 0
    paint = Paint(colour_wanted(sys.stdout, os.environ))
    window = t("cli.agenda.this_week") if args.days == 7 else t("cli.agenda.within", days=args.days)
    if not due:
        print(t("cli.review.none", window=window))
        return 0
    numbers = rows.number_width(r.id for r in due)
    for review in due:
        assert review.next_on is not None
        late = review.next_on < today
        when = (
            rows.when_late(review.next_on, today) if late else relative_day(review.next_on, today)
        )
        goal = plan.goals.get(review.goal_id) if review.goal_id is not None else None
        about = [goal.title if goal is not None else t("cli.whole_plan")]
        if review.rule:
            about.append(describe_recurrence(review.rule))
        style = ("red",) if late else ("yellow",) if review.next_on == today else ()
        print(
            rows.row(
                paint, review.id, when, review.title, " · ".join(about), style, numbers=numbers
            )
        )
    print(t("cli.review.hold_hint", command=context.command("review", "hold", "N")))
    return 0


def _named_goal(args: argparse.Namespace, plan: Plan, goals: list[Goal]) -> Goal | None:
    """The goal the per-goal options are about: ``--goal``, or the review's only goal."""
    said = [name for name in GOAL_OPTIONS if getattr(args, name) is not None]
    if args.goal is not None:
        goal = values.goal_ref(plan, args.goal)
        if all(g.id != goal.id for g in goals):
            raise CommandFailed(
                t("cli.review.goal_not_in", id=goal.id, title=printable(goal.title))
            )
        return goal
    if not said:
        return None
    if len(goals) == 1:
        return goals[0]
    if not goals:
        raise CommandFailed(t("wiz.no_goals"))
    raise CommandFailed(t("cli.review.which_goal", option=values.option_name(said[0])))


def goal_entry(args: argparse.Namespace, goal: Goal, plan: Plan, today: date) -> GoalEntry:
    """What the options say about ``goal``, checked as the wizard's page checks it."""
    value = None
    if args.progress is not None:
        if not has_measure(goal):
            raise CommandFailed(t("cli.review.no_measure", title=printable(goal.title)))
        value = values.number("progress", args.progress)
    title = None
    if args.title is not None:
        title = values.text("title", args.title)
        if not title:
            raise CommandFailed(t("wiz.error.title"))
    entry = GoalEntry(
        goal_id=goal.id,
        value=value,
        went_well=values.text("went_well", values.words(args.went_well or [])),
        to_change=values.text("to_change", values.words(args.what_next or [])),
        title=title,
        deadline=values.day(args.deadline, today) if args.deadline is not None else None,
        target=values.number("target", args.target) if args.target is not None else None,
        status=args.status,
        reason=values.text("reason", values.words(args.reason or [])),
    )
    if needs_reason(plan, goal, entry, today):
        raise CommandFailed(t("cli.review.reason"))
    return entry


@reports_failure
def run_hold(args: argparse.Namespace, context: Context) -> int:
    store = PlanStore.open(context.db)
    plan, today = store.plan, context.today
    review = plan.reviews[resolve_ref(args.ref, review_pool(plan))]
    goals = goals_to_review(plan, review)
    named = _named_goal(args, plan, goals)
    entries = [
        goal_entry(args, g, plan, today)
        if named is not None and g.id == named.id
        else GoalEntry(g.id)
        for g in goals
    ]
    notes = values.text("notes", values.words(args.notes))
    next_on = values.day(args.next, today, required=True, field="next") if args.next else None
    if next_on is not None and next_on <= today:
        raise CommandFailed(t("cli.review.next_past", day=format_date(next_on)))

    def mutation(edit: Edit) -> HeldSession:
        session = hold_review_session(edit, review.id, today, entries, notes, review.title)
        if next_on is not None:
            moved = record_changes.change_review(edit, review.id, {"next_on": next_on})
            session = session.replace(review=moved)
        return session

    session = store.apply(t("label.review_held", title=printable(review.title)), mutation)
    parts = [t("cli.review.held", id=review.id, title=printable(review.title))]
    if session.measured:
        parts.append(t("cli.review.measured", count=session.measured))
    if session.changes:
        parts.append(t("cli.review.changes", count=session.changes))
    if session.notes:
        parts.append(t("cli.review.notes", count=session.notes))
    next_day = session.review.next_on
    parts.append(
        t("cli.review.next", day=format_date(next_day)) if next_day else t("cli.review.no_next")
    )
    print(" · ".join(parts))
    return 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: Common) -> None:
    from pop_tui.cli.agenda import days_count

    parser = commands.add_parser(
        "review", help=t("cli.help.review"), description=t("cli.help.review")
    )
    common(parser)
    parser.add_argument(
        "--days", type=days_count, default=DEFAULT_DAYS, metavar="N", help=t("cli.help.agenda_days")
    )
    parser.add_argument("--json", action="store_true", help=t("cli.help.json"))
    parser.set_defaults(run=run_list)
    actions = parser.add_subparsers(dest="review_what", metavar="ACTION")

    listing = actions.add_parser(
        "list", help=t("cli.help.review_list"), description=t("cli.help.review_list")
    )
    common(listing)
    # Given after ``list`` or before it, the same (SUPPRESS keeps the one given before).
    listing.add_argument(
        "--days",
        type=days_count,
        default=argparse.SUPPRESS,
        metavar="N",
        help=t("cli.help.agenda_days"),
    )
    listing.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help=t("cli.help.json")
    )
    listing.set_defaults(run=run_list)

    hold = actions.add_parser(
        "hold", help=t("cli.help.review_hold"), description=t("cli.help.review_hold")
    )
    common(hold)
    completes(hold.add_argument("ref", metavar="REF", help=t("cli.help.ref_review")), "reviews")
    completes(hold.add_argument("--goal", metavar="GOAL", help=t("cli.help.hold_goal")), "goals")
    hold.add_argument("--progress", metavar="N", help=t("cli.help.hold_progress"))
    hold.add_argument(
        "--went-well",
        dest="went_well",
        nargs="+",
        action="extend",
        metavar="TEXT",
        help=t("cli.help.hold_went_well"),
    )
    hold.add_argument(
        "--what-next",
        dest="what_next",
        nargs="+",
        action="extend",
        metavar="TEXT",
        help=t("cli.help.hold_what_next"),
    )
    hold.add_argument(
        "--notes",
        nargs="+",
        action="extend",
        default=[],
        metavar="TEXT",
        help=t("cli.help.hold_notes"),
    )
    hold.add_argument("--next", metavar="DATE", help=t("cli.help.hold_next"))
    hold.add_argument("--title", metavar="TEXT", help=t("cli.help.hold_title"))
    hold.add_argument("--deadline", metavar="DATE", help=t("cli.help.hold_deadline"))
    hold.add_argument("--target", metavar="N", help=t("cli.help.hold_target"))
    hold.add_argument("--status", choices=GOAL_STATUSES, help=t("cli.help.hold_status"))
    hold.add_argument(
        "--reason",
        dest="reason",
        nargs="+",
        action="extend",
        metavar="TEXT",
        help=t("cli.help.hold_reason"),
    )
    hold.set_defaults(run=run_hold)
