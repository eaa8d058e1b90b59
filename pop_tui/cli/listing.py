"""``pop list goals|steps|reviews [--all]``: the records and the numbers a REF can use."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from typing import Any

from pop_tui.cli import rows
from pop_tui.cli.context import Context
from pop_tui.cli.parser import Common
from pop_tui.cli.terminal import Paint, colour_wanted
from pop_tui.core.dates import describe_recurrence, format_date
from pop_tui.core.model import Goal, Plan, Record, Review, Step
from pop_tui.core.texts import t
from pop_tui.store.plan_reader import read_plan

WHAT = ("goals", "steps", "reviews")
# Wide enough for the longest date format_date writes ("Wed 30 Sep 2026", "wo 30 sep 2026").
DATE_WIDTH = 16


def _day(day: date | None) -> str:
    return format_date(day) if day is not None else ""


def goal_lines(plan: Plan, today: date, every: bool, paint: Paint) -> tuple[list[str], int]:
    """One line per goal (active ones unless ``every``), and how many were left out."""
    goals = sorted(plan.goals.values(), key=lambda g: (g.order, g.id))
    shown = [g for g in goals if every or g.status == "active"]
    numbers = rows.number_width(g.id for g in shown)
    lines = [goal_header(paint, numbers)] if shown else []
    for goal in shown:
        about = [t(f"cli.horizon.{goal.horizon}"), t(f"cli.kind.{goal.kind}")]
        if goal.status != "active":
            about.append(t(f"cli.status.{goal.status}"))
        late = goal.status == "active" and goal.deadline is not None and goal.deadline < today
        lines.append(
            rows.row(
                paint,
                goal.id,
                _day(goal.deadline),
                goal.title,
                ", ".join(about),
                ("red",) if late else (),
                width=DATE_WIDTH,
                numbers=numbers,
            )
        )
    return lines, len(goals) - len(shown)


def goal_header(paint: Paint, numbers: int) -> str:
    """The names of the columns of ``pop list goals``: number, deadline, goal, its term and kind."""
    line = (
        f"{'#'.rjust(numbers)}  {t('cli.list.col.deadline').ljust(DATE_WIDTH)} "
        f"{t('cli.list.col.goal')} · {t('cli.list.col.about')}"
    )
    return paint(line, "bold")


def step_lines(plan: Plan, today: date, every: bool, paint: Paint) -> tuple[list[str], int]:
    """One line per step (open steps of active goals unless ``every``), soonest first."""
    goals = plan.goals

    def is_listed(goal: Goal | None) -> bool:
        return goal is None or goal.status == "active"

    steps = sorted(plan.steps.values(), key=lambda s: (s.due is None, s.due or date.max, s.id))
    shown = [s for s in steps if every or (s.done_on is None and is_listed(goals.get(s.goal_id)))]
    numbers = rows.number_width(s.id for s in shown)
    lines = []
    for step in shown:
        goal = goals.get(step.goal_id)
        about = rows.goal_name(goal)
        if step.done_on is not None:
            about += " · " + t("cli.list.done_on", day=format_date(step.done_on))
        late = step.done_on is None and step.due is not None and step.due < today
        style = ("red",) if late else ("yellow",) if step.due == today else ()
        lines.append(
            rows.row(
                paint,
                step.id,
                _day(step.due),
                step.title,
                about,
                style,
                width=DATE_WIDTH,
                numbers=numbers,
            )
        )
    return lines, len(steps) - len(shown)


def review_lines(plan: Plan, today: date, every: bool, paint: Paint) -> tuple[list[str], int]:
    """One line per review (still planned ones unless ``every``), soonest first."""
    reviews = sorted(
        plan.reviews.values(), key=lambda r: (r.next_on is None, r.next_on or date.max, r.id)
    )
    shown = [r for r in reviews if every or r.next_on is not None]
    numbers = rows.number_width(r.id for r in shown)
    lines = []
    for review in shown:
        goal = plan.goals.get(review.goal_id) if review.goal_id is not None else None
        about = [goal.title if goal is not None else t("cli.whole_plan")]
        if review.rule:
            about.append(describe_recurrence(review.rule))
        if review.held:
            about.append(t("cli.list.held", day=format_date(review.held[-1].on)))
        when = _day(review.next_on) if review.next_on is not None else t("cli.list.finished")
        late = review.next_on is not None and review.next_on < today
        lines.append(
            rows.row(
                paint,
                review.id,
                when,
                review.title,
                " · ".join(about),
                ("red",) if late else (),
                width=DATE_WIDTH,
                numbers=numbers,
            )
        )
    return lines, len(reviews) - len(shown)


# The tables each listing reads (see read_plan).
TABLES_READ: dict[str, tuple[type[Record], ...]] = {
    "goals": (Goal,),
    "steps": (Step, Goal),
    "reviews": (Review, Goal),
}

ADD_EXAMPLE = {
    "goals": ("add", "goal", "TITLE"),
    "steps": ("add", "step", "GOAL", "TITLE"),
    "reviews": ("add", "review", "--on", "DATE"),
}
LISTERS = {"goals": goal_lines, "steps": step_lines, "reviews": review_lines}


JSON_VERSION = 1


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _goal_ref(plan: Plan, goal_id: int | None) -> dict[str, Any] | None:
    goal = plan.goals.get(goal_id) if goal_id is not None else None
    return None if goal is None else {"id": goal.id, "title": goal.title}


def json_records(plan: Plan, what: str, every: bool) -> list[dict[str, Any]]:
    """The records ``pop list WHAT`` shows, in its order, as documented in docs/cli.md."""
    if what == "goals":
        goals = sorted(plan.goals.values(), key=lambda g: (g.order, g.id))
        return [
            {
                "id": g.id,
                "title": g.title,
                "deadline": _iso(g.deadline),
                "horizon": g.horizon,
                "kind": g.kind,
                "status": g.status,
                "metric": g.metric,
                "unit": g.unit,
                "baseline": g.baseline,
                "target": g.target,
                "current": g.current,
            }
            for g in goals
            if every or g.status == "active"
        ]
    if what == "steps":
        by_id = plan.goals
        steps = sorted(plan.steps.values(), key=lambda s: (s.due is None, s.due or date.max, s.id))
        return [
            {
                "id": s.id,
                "title": s.title,
                "due": _iso(s.due),
                "done_on": _iso(s.done_on),
                "action_id": s.action_id,
                "goal": _goal_ref(plan, s.goal_id),
            }
            for s in steps
            if every
            or (
                s.done_on is None
                and (s.goal_id not in by_id or by_id[s.goal_id].status == "active")
            )
        ]
    reviews = sorted(
        plan.reviews.values(), key=lambda r: (r.next_on is None, r.next_on or date.max, r.id)
    )
    return [
        {
            "id": r.id,
            "title": r.title,
            "due": _iso(r.next_on),
            "rule": r.rule,
            "goal": _goal_ref(plan, r.goal_id),
            "held": [{"on": h.on.isoformat(), "notes": h.notes} for h in r.held],
        }
        for r in reviews
        if every or r.next_on is not None
    ]


def run(args: argparse.Namespace, context: Context) -> int:
    plan = read_plan(context.db_file, TABLES_READ[args.what])
    if args.json:
        document = {
            "version": JSON_VERSION,
            "today": context.today.isoformat(),
            args.what: json_records(plan, args.what, args.all),
        }
        print(json.dumps(document, indent=2, ensure_ascii=True))
        return 0
    paint = Paint(colour_wanted(sys.stdout, os.environ))
    lines, hidden = LISTERS[args.what](plan, context.today, args.all, paint)
    if not lines and not hidden:
        lines = [t(f"cli.list.none.{args.what}", add=context.command(*ADD_EXAMPLE[args.what]))]
    elif not lines:
        lines = [t(f"cli.list.none_shown.{args.what}")]
    if hidden:
        show_all = context.command("list", args.what, "--all")
        lines.append(t("cli.list.hidden", count=hidden, command=show_all))
    print("\n".join(lines))
    return 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: Common) -> None:
    parser = commands.add_parser("list", help=t("cli.help.list"), description=t("cli.help.list"))
    common(parser)
    parser.add_argument(
        "what", choices=WHAT, metavar="goals|steps|reviews", help=t("cli.help.list_what")
    )
    parser.add_argument("--all", action="store_true", help=t("cli.help.list_all"))
    parser.add_argument("--json", action="store_true", help=t("cli.help.json"))
    parser.set_defaults(run=run)
