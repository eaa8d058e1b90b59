"""``pop agenda``: what needs attention, as text, one summary line, or JSON.

The JSON form is documented in docs/cli.md; its ``version`` changes only when a
field is removed or changes meaning, never when one is added.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Collection
from datetime import date
from typing import Any

from pop_tui.cli import rows
from pop_tui.cli.context import Context
from pop_tui.cli.parser import Common
from pop_tui.cli.terminal import Paint, colour_wanted
from pop_tui.core import agenda, checkins
from pop_tui.core.dates import relative_day
from pop_tui.core.model import CheckIn, Feedback, Goal, Plan, Review, Step
from pop_tui.core.texts import t
from pop_tui.core.value import Value
from pop_tui.store.plan_reader import PlanReader, Where

JSON_VERSION = 1
DEFAULT_DAYS = 7
# Ten years ahead is more than any plan needs, and keeps far dates inside the calendar.
MAX_DAYS = 3660


class Agenda(Value):
    """Everything ``pop agenda`` reports, computed once for all three forms."""

    today: date
    days: int
    overdue: list[agenda.DueStep]
    soon: list[agenda.DueStep]
    reviews: list[agenda.DueReview]
    feedback: list[agenda.LateFeedback]
    last_checkin: CheckIn | None
    streak: int
    checked_in_today: bool
    empty_plan: bool

    @classmethod
    def of(cls, plan: Plan, today: date, days: int) -> Agenda:
        """The agenda of a whole plan."""
        return cls.made(
            plan,
            today,
            days,
            last_checkin=checkins.last_checkin(plan, today),
            checkin_days={c.on for c in plan.checkins.values()},
            empty_plan=not plan.goals and not plan.steps and not plan.reviews,
        )

    @classmethod
    def made(
        cls,
        plan: Plan,
        today: date,
        days: int,
        *,
        last_checkin: CheckIn | None,
        checkin_days: Collection[date | None],
        empty_plan: bool,
    ) -> Agenda:
        """The agenda from the goals, reviews, steps and feedback of ``plan`` (all of
        them, or at least those it can show) and what it needs of the check-ins."""
        return cls(
            today=today,
            days=days,
            overdue=agenda.overdue_steps(plan, today),
            soon=agenda.steps_due_soon(plan, today, days),
            reviews=agenda.upcoming_reviews(plan, today, days),
            feedback=agenda.overdue_feedback(plan, today),
            last_checkin=last_checkin,
            streak=checkins.streak_of_days(checkin_days, today),
            checked_in_today=today in checkin_days,
            empty_plan=empty_plan,
        )


def read_agenda(path: str | os.PathLike[str], today: date, days: int) -> Agenda:
    """:meth:`Agenda.of` the plan at ``path``, reading only the records it shows.

    On a plan of five years, the done steps, the answered feedback and the
    check-ins' notes are most of the file; the agenda needs the open steps due
    by the window's end, the unanswered feedback, each check-in's day and the
    newest check-in (see :class:`PlanReader`). tests/test_fast_read.py checks
    that this is the agenda of the whole plan.
    """
    reader = PlanReader.open(path)
    plan = Plan()
    last_day = agenda.days_after(today, days)
    for cls, records in (
        (Goal, reader.table(Goal)),
        (Review, reader.table(Review)),
        (Step, reader.where(Step, Where.empty("done_on"), Where.by("due", last_day))),
        (
            Feedback,
            reader.where(Feedback, Where.empty("answered_on"), Where.by("wanted_by", today)),
        ),
    ):
        plan.tables[cls.TABLE] = dict(records)
    return Agenda.made(
        plan,
        today,
        days,
        last_checkin=reader.latest(CheckIn, "on", today),
        checkin_days=reader.days(CheckIn, "on"),
        empty_plan=not plan.goals and not reader.count(Step) and not plan.reviews,
    )


def days_count(text: str) -> int:
    """``--days``: a whole number of days from 0 to MAX_DAYS."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= MAX_DAYS:
        raise argparse.ArgumentTypeError(t("cli.agenda.days_bad", value=text, most=MAX_DAYS))
    return value


# --- text ----------------------------------------------------------------------


def _window(days: int) -> str:
    return t("cli.agenda.this_week") if days == 7 else t("cli.agenda.within", days=days)


def text_lines(report: Agenda, paint: Paint, checkin_command: str) -> list[str]:
    """The agenda for a person: sections with one line per item, the check-in at the end."""
    today = report.today
    if report.empty_plan:
        return [t("cli.agenda.empty_plan")]
    lines: list[str] = []
    numbers = rows.number_width(
        [
            *(item.step.id for item in (*report.overdue, *report.soon)),
            *(review.review.id for review in report.reviews),
            *(late.feedback.id for late in report.feedback),
        ]
    )
    if report.overdue:
        lines.append(paint(t("cli.agenda.overdue"), "bold"))
        for item in report.overdue:
            when = rows.when_late(item.due, today)
            lines.append(
                rows.row(
                    paint,
                    item.step.id,
                    when,
                    item.step.title,
                    rows.goal_name(item.goal),
                    ("red",),
                    numbers=numbers,
                )
            )
    if report.soon:
        lines.append(paint(t("cli.agenda.soon", window=_window(report.days)), "bold"))
        for item in report.soon:
            style = ("yellow",) if item.due == today else ()
            when = relative_day(item.due, today)
            lines.append(
                rows.row(
                    paint,
                    item.step.id,
                    when,
                    item.step.title,
                    rows.goal_name(item.goal),
                    style,
                    numbers=numbers,
                )
            )
    if report.reviews:
        lines.append(paint(t("cli.agenda.reviews", window=_window(report.days)), "bold"))
        for review in report.reviews:
            late = review.due < today
            when = rows.when_late(review.due, today) if late else relative_day(review.due, today)
            about = review.goal.title if review.goal is not None else t("cli.whole_plan")
            style = ("red",) if late else ("yellow",) if review.due == today else ()
            lines.append(
                rows.row(
                    paint,
                    review.review.id,
                    when,
                    review.review.title,
                    about,
                    style,
                    numbers=numbers,
                )
            )
    if report.feedback:
        lines.append(paint(t("cli.agenda.feedback"), "bold"))
        for late_feedback in report.feedback:
            request = late_feedback.feedback
            title = t("cli.agenda.feedback_item", who=request.from_whom, question=request.question)
            when = rows.when_late(late_feedback.wanted_by, today)
            about = late_feedback.goal.title if late_feedback.goal is not None else ""
            lines.append(rows.row(paint, request.id, when, title, about, ("red",), numbers=numbers))
    if not lines:
        lines.append(t("cli.agenda.nothing", window=_window(report.days)))
    lines.append(checkins.summary_line(report.last_checkin, report.streak, today))
    if not report.checked_in_today:
        lines[-1] += " · " + t("cli.agenda.checkin_hint", command=checkin_command)
    return lines


def brief_line(report: Agenda, paint: Paint) -> str:
    """One line for a shell prompt or login: ``2 overdue · 3 due this week · review in 4 days``."""
    today = report.today
    parts: list[str] = []
    if report.overdue:
        parts.append(paint(t("cli.brief.overdue", count=len(report.overdue)), "red"))
    if report.soon:
        parts.append(t("cli.brief.soon", count=len(report.soon), window=_window(report.days)))
    if report.reviews:
        first = report.reviews[0]
        if first.due < today:
            parts.append(
                paint(t("cli.brief.review_late", when=rows.when_late(first.due, today)), "red")
            )
        else:
            parts.append(t("cli.brief.review", when=relative_day(first.due, today)))
    if report.feedback:
        count = len(report.feedback)
        key = "cli.brief.feedback_one" if count == 1 else "cli.brief.feedback_many"
        parts.append(paint(t(key, count=count), "red"))
    if not parts:
        return t("cli.agenda.nothing", window=_window(report.days))
    return " · ".join(parts)


# --- JSON ----------------------------------------------------------------------


def _goal_json(goal: Goal | None) -> dict[str, Any] | None:
    return None if goal is None else {"id": goal.id, "title": goal.title}


def _in_days(day: date, today: date) -> int:
    return (day - today).days


def json_document(report: Agenda) -> dict[str, Any]:
    """The agenda as the stable, documented JSON object (schema version 1)."""
    today = report.today

    def step(item: agenda.DueStep) -> dict[str, Any]:
        return {
            "id": item.step.id,
            "title": item.step.title,
            "due": item.due.isoformat(),
            "in_days": _in_days(item.due, today),
            "goal": _goal_json(item.goal),
        }

    last = report.last_checkin
    return {
        "version": JSON_VERSION,
        "today": today.isoformat(),
        "days": report.days,
        "overdue_steps": [step(item) for item in report.overdue],
        "steps_due_soon": [step(item) for item in report.soon],
        "reviews": [
            {
                "id": r.review.id,
                "title": r.review.title,
                "due": r.due.isoformat(),
                "in_days": _in_days(r.due, today),
                "rule": r.review.rule,
                "goal": _goal_json(r.goal),
            }
            for r in report.reviews
        ],
        "overdue_feedback": [
            {
                "id": f.feedback.id,
                "from": f.feedback.from_whom,
                "question": f.feedback.question,
                "asked_on": f.feedback.asked_on.isoformat() if f.feedback.asked_on else None,
                "wanted_by": f.wanted_by.isoformat(),
                "in_days": _in_days(f.wanted_by, today),
                "goal": _goal_json(f.goal),
            }
            for f in report.feedback
        ],
        "checkin": {
            "last": None
            if last is None or last.on is None
            else {
                "id": last.id,
                "on": last.on.isoformat(),
                "mood": last.mood,
                "note": last.note,
                "step_ids": list(last.step_ids),
            },
            "streak": report.streak,
            "today": report.checked_in_today,
        },
    }


# --- the command ------------------------------------------------------------------


def run(args: argparse.Namespace, context: Context) -> int:
    report = read_agenda(context.db_file, context.today, args.days)
    if args.json:
        # ASCII only: safe to print whatever the titles hold, and every JSON reader copes.
        print(json.dumps(json_document(report), indent=2, ensure_ascii=True))
        return 0
    paint = Paint(colour_wanted(sys.stdout, os.environ))
    if args.brief:
        print(brief_line(report, paint))
    else:
        print("\n".join(text_lines(report, paint, context.command("checkin"))))
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
