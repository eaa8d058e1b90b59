"""``pop feedback``: ask someone for feedback, record what came back, list open requests.

The same mutations as the evaluation screen's forms
(:func:`~pop_tui.core.evaluation.ask_feedback`,
:func:`~pop_tui.core.evaluation.answer_feedback`), with the same rules: who was
asked and (for an answer) what came back may not be empty; asked on today
unless ``--asked`` says otherwise.
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
from pop_tui.cli.pools import feedback_pool, feedback_title
from pop_tui.cli.terminal import Paint, colour_wanted
from pop_tui.core import evaluation
from pop_tui.core.dates import format_date, relative_day
from pop_tui.core.model import Feedback, Goal, Plan
from pop_tui.core.printable import printable
from pop_tui.core.refs import resolve_ref
from pop_tui.core.texts import t
from pop_tui.store.plan_reader import read_plan
from pop_tui.store.plan_store import PlanStore

JSON_VERSION = 1


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def feedback_json(plan: Plan, item: Feedback, today: date) -> dict[str, Any]:
    """One request in the documented JSON shape (docs/cli.md)."""
    goal = plan.goals.get(item.goal_id) if item.goal_id is not None else None
    return {
        "id": item.id,
        "from": item.from_whom,
        "question": item.question,
        "asked_on": _iso(item.asked_on),
        "wanted_by": _iso(item.wanted_by),
        "in_days": (item.wanted_by - today).days if item.wanted_by is not None else None,
        "answered": evaluation.is_answered(item),
        "answer": item.answer,
        "answered_on": _iso(item.answered_on),
        "goal": None if goal is None else {"id": goal.id, "title": goal.title},
    }


def run_list(args: argparse.Namespace, context: Context) -> int:
    plan = read_plan(context.db_file, (Feedback, Goal))
    today = context.today
    shown = evaluation.open_feedback(plan)
    answered = evaluation.answered_feedback(plan) if args.all else []
    if args.json:
        document = {
            "version": JSON_VERSION,
            "today": today.isoformat(),
            "open": [feedback_json(plan, f, today) for f in shown],
            "answered": [feedback_json(plan, f, today) for f in answered],
        }
        print(json.dumps(document, indent=2, ensure_ascii=True))
        return 0
    paint = Paint(colour_wanted(sys.stdout, os.environ))
    everything = [*shown, *answered]
    if not everything:
        print(t("cli.feedback.none", command=context.command("feedback", "ask", "WHO")))
        return 0
    numbers = rows.number_width(f.id for f in everything)
    for item in shown:
        style: tuple[str, ...]
        if item.wanted_by is None:
            when, style = "", ()
        elif item.wanted_by < today:
            when, style = rows.when_late(item.wanted_by, today), ("red",)
        else:
            when = relative_day(item.wanted_by, today)
            style = ("yellow",) if item.wanted_by == today else ()
        goal = plan.goals.get(item.goal_id) if item.goal_id is not None else None
        about = goal.title if goal is not None else ""
        print(rows.row(paint, item.id, when, feedback_title(item), about, style, numbers=numbers))
    for item in answered:
        when = format_date(item.answered_on) if item.answered_on else t("cli.feedback.answered")
        line = rows.row(
            paint,
            item.id,
            when,
            feedback_title(item),
            item.answer,
            ("green",),
            width=16,
            numbers=numbers,
        )
        print(line)
    return 0


@reports_failure
def run_ask(args: argparse.Namespace, context: Context) -> int:
    today = context.today
    who = values.text("from_whom", values.words(args.who), required=True)
    question = values.text("question", values.words(args.question))
    asked_on = values.day(args.asked, today, required=True, field="asked") if args.asked else today
    wanted_by = values.day(args.by, today) if args.by is not None else None
    if wanted_by is not None and asked_on is not None and wanted_by < asked_on:
        raise CommandFailed(t("cli.feedback.by_before_asked", day=format_date(asked_on)))
    store = PlanStore.open(context.db)
    goal_id = values.goal_ref(store.plan, args.goal).id if args.goal is not None else None
    assert asked_on is not None
    made = store.apply(
        t("label.feedback_ask", who=printable(who)),
        lambda edit: evaluation.ask_feedback(edit, who, goal_id, question, asked_on, wanted_by),
    )
    line = t("cli.feedback.asked", id=made.id, who=printable(who))
    if wanted_by is not None:
        line += " · " + t("cli.feedback.wanted", day=format_date(wanted_by))
    print(line)
    return 0


@reports_failure
def run_answer(args: argparse.Namespace, context: Context) -> int:
    today = context.today
    answer = values.text("answer", values.words(args.answer), required=True)
    on = values.day(args.on, today, required=True, field="on") if args.on else today
    store = PlanStore.open(context.db)
    item = store.plan.table(Feedback)[resolve_ref(args.ref, feedback_pool(store.plan))]
    store.apply(
        t("label.feedback_answer", who=printable(item.from_whom)),
        lambda edit: evaluation.answer_feedback(edit, item.id, answer, on),
    )
    assert on is not None
    print(t("cli.feedback.saved", id=item.id, who=printable(item.from_whom), day=format_date(on)))
    return 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: Common) -> None:
    parser = commands.add_parser(
        "feedback", help=t("cli.help.feedback"), description=t("cli.help.feedback")
    )
    common(parser)
    parser.add_argument("--all", action="store_true", help=t("cli.help.feedback_all"))
    parser.add_argument("--json", action="store_true", help=t("cli.help.json"))
    parser.set_defaults(run=run_list)
    actions = parser.add_subparsers(dest="feedback_what", metavar="ACTION")

    listing = actions.add_parser(
        "list", help=t("cli.help.feedback_list"), description=t("cli.help.feedback_list")
    )
    common(listing)
    listing.add_argument(
        "--all", action="store_true", default=argparse.SUPPRESS, help=t("cli.help.feedback_all")
    )
    listing.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help=t("cli.help.json")
    )
    listing.set_defaults(run=run_list)

    ask = actions.add_parser(
        "ask", help=t("cli.help.feedback_ask"), description=t("cli.help.feedback_ask")
    )
    common(ask)
    ask.add_argument("who", nargs="+", metavar="WHO", help=t("cli.help.feedback_who"))
    ask.add_argument(
        "-q",
        "--question",
        nargs="+",
        action="extend",
        default=[],
        metavar="TEXT",
        help=t("cli.help.feedback_question"),
    )
    completes(ask.add_argument("--goal", metavar="GOAL", help=t("cli.help.feedback_goal")), "goals")
    ask.add_argument("--by", metavar="DATE", help=t("cli.help.feedback_by"))
    ask.add_argument("--asked", metavar="DATE", help=t("cli.help.feedback_asked"))
    ask.set_defaults(run=run_ask)

    answer = actions.add_parser(
        "answer", help=t("cli.help.feedback_answer"), description=t("cli.help.feedback_answer")
    )
    common(answer)
    completes(
        answer.add_argument("ref", metavar="REF", help=t("cli.help.ref_feedback")), "feedback"
    )
    answer.add_argument("answer", nargs="+", metavar="ANSWER", help=t("cli.help.feedback_text"))
    answer.add_argument("--on", metavar="DATE", help=t("cli.help.feedback_on"))
    answer.set_defaults(run=run_answer)
