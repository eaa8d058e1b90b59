"""``pop add goal|step|review``: put something new in the plan from a shell."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date

from pop_tui.cli.context import Context
from pop_tui.cli.failure import CommandFailed, reports_failure
from pop_tui.cli.parser import Common, completes
from pop_tui.cli.values import goal_pool
from pop_tui.core import ops
from pop_tui.core.dates import describe_recurrence, format_date, parse_date, parse_recurrence
from pop_tui.core.edit import Edit
from pop_tui.core.entry import EntryError, check_length
from pop_tui.core.model import GOAL_KINDS, HORIZONS, Goal, Step
from pop_tui.core.printable import printable
from pop_tui.core.refs import resolve_ref
from pop_tui.core.texts import t
from pop_tui.store.plan_store import PlanStore


def _title(words: Sequence[str]) -> str:
    # Words are joined, so `pop add goal Learn Spanish` needs no quotes. What a shell
    # passes is kept as given (it is shown safely everywhere): only its length is checked.
    title = " ".join(" ".join(words).split())
    if not title:
        raise CommandFailed(t("cli.add.no_title"))
    try:
        return check_length("title", title)
    except EntryError as exc:
        raise CommandFailed(exc.message) from None


def _date(text: str | None, today: date) -> date | None:
    return parse_date(text, today) if text is not None else None


def _next_order(orders: Sequence[int]) -> int:
    return max(orders, default=-1) + 1


@reports_failure
def run_goal(args: argparse.Namespace, context: Context) -> int:
    title = _title(args.title)
    deadline = _date(args.deadline, context.today)
    store = PlanStore.open(context.db)
    today = context.today

    def add(edit: Edit) -> Goal:
        order = _next_order([g.order for g in edit.plan.goals.values()])
        return edit.add(
            Goal,
            title=title,
            kind=args.kind,
            horizon=args.horizon,
            deadline=deadline,
            created=today,
            order=order,
        )

    goal = store.apply(t("label.add_goal", title=title), add)
    line = t("cli.add.goal_saved", id=goal.id, title=printable(goal.title))
    if deadline is not None:
        line += " · " + t("cli.add.deadline", day=format_date(deadline))
    print(line)
    return 0


@reports_failure
def run_step(args: argparse.Namespace, context: Context) -> int:
    title = _title(args.title)
    due = _date(args.due, context.today)
    store = PlanStore.open(context.db)
    goal_id = resolve_ref(args.goal, goal_pool(store.plan))

    def add(edit: Edit) -> Step:
        if goal_id not in edit.plan.goals:
            raise ops.OpError(t("cli.add.goal_gone", id=goal_id))
        order = _next_order([s.order for s in edit.plan.steps.values() if s.goal_id == goal_id])
        return edit.add(Step, goal_id=goal_id, title=title, due=due, order=order)

    step = store.apply(t("label.add_step", title=title), add)
    goal = store.plan.goals[goal_id]
    line = t(
        "cli.add.step_saved",
        id=step.id,
        title=printable(step.title),
        goal=printable(goal.title),
    )
    if due is not None:
        line += " · " + t("cli.add.due", day=format_date(due))
        if due < context.today:  # as the app's form says while the date is typed
            line += " · " + t("form.date_late")
    print(line)
    return 0


@reports_failure
def run_review(args: argparse.Namespace, context: Context) -> int:
    start = parse_date(args.on, context.today)
    rule = parse_recurrence(args.every, start) if args.every is not None else ""
    store = PlanStore.open(context.db)
    goal: Goal | None = None
    if args.goal is not None:
        goal = store.plan.goals[resolve_ref(args.goal, goal_pool(store.plan))]
    if args.title is not None:
        title = _title([args.title])
    elif goal is not None:
        title = t("cli.add.review_title_goal", goal=goal.title)
    else:
        title = t("cli.add.review_title_plan")
    goal_id = goal.id if goal is not None else None
    review = store.apply(
        t("label.add_review", title=title),
        lambda edit: ops.schedule_review(edit, title, start, rule, goal_id),
    )
    line = t("cli.add.review_saved", id=review.id, title=printable(review.title))
    line += " · " + format_date(start)
    if rule:
        line += " · " + describe_recurrence(rule)
    print(line)
    return 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: Common) -> None:
    parser = commands.add_parser("add", help=t("cli.help.add"), description=t("cli.help.add"))
    common(parser)
    things = parser.add_subparsers(dest="add_what", metavar="WHAT", required=True)

    goal = things.add_parser(
        "goal", help=t("cli.help.add_goal"), description=t("cli.help.add_goal")
    )
    common(goal)
    goal.add_argument("title", nargs="+", metavar="TITLE", help=t("cli.help.title"))
    goal.add_argument("--deadline", metavar="DATE", help=t("cli.help.deadline"))
    goal.add_argument("--horizon", choices=HORIZONS, default="short", help=t("cli.help.horizon"))
    goal.add_argument("--kind", choices=GOAL_KINDS, default="professional", help=t("cli.help.kind"))
    goal.set_defaults(run=run_goal)

    step = things.add_parser(
        "step", help=t("cli.help.add_step"), description=t("cli.help.add_step")
    )
    common(step)
    completes(step.add_argument("goal", metavar="GOAL", help=t("cli.help.goal_ref")), "goals")
    step.add_argument("title", nargs="+", metavar="TITLE", help=t("cli.help.title"))
    step.add_argument("--due", metavar="DATE", help=t("cli.help.due"))
    step.set_defaults(run=run_step)

    review = things.add_parser(
        "review", help=t("cli.help.add_review"), description=t("cli.help.add_review")
    )
    common(review)
    completes(
        review.add_argument("goal", nargs="?", metavar="GOAL", help=t("cli.help.review_goal")),
        "goals",
    )
    review.add_argument("--on", required=True, metavar="DATE", help=t("cli.help.review_on"))
    review.add_argument("--every", metavar="RULE", help=t("cli.help.review_every"))
    review.add_argument("--title", metavar="TEXT", help=t("cli.help.review_title"))
    review.set_defaults(run=run_review)
