"""``pop edit goal|action|step|review REF --field VALUE ...``: change a record from a shell.

Each option sets one field, read by the rules of that field in the app's form
(see :mod:`pop_tui.cli.values`); fields not named keep their value. Every value
is checked before anything is saved, and the whole edit is one change, which
``pop undo`` takes back. A goal's SMART check is printed as warnings on
standard error after the change: they are advice, not refusals, as in the form.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from typing import Any

from pop_tui.cli import values
from pop_tui.cli.context import Context
from pop_tui.cli.failure import CommandFailed, reports_failure
from pop_tui.cli.parser import Common, completes
from pop_tui.cli.pools import action_pool, review_pool
from pop_tui.cli.steps import step_pool
from pop_tui.core import record_changes
from pop_tui.core.dates import parse_recurrence
from pop_tui.core.model import GOAL_KINDS, GOAL_STATUSES, HORIZONS, Goal, Plan
from pop_tui.core.numbers import format_number
from pop_tui.core.printable import printable
from pop_tui.core.refs import resolve_ref
from pop_tui.core.smart import check_smart
from pop_tui.core.texts import t
from pop_tui.store.plan_store import PlanStore

GOAL_TEXTS = ("specific", "metric", "unit", "why_me", "why_employer", "means")
GOAL_NUMBERS = ("baseline", "target", "current")
NONE_WORDS = ("plan", "none", "geen")


def _given(args: argparse.Namespace, names: tuple[str, ...]) -> dict[str, str]:
    return {name: getattr(args, name) for name in names if getattr(args, name) is not None}


def _nothing(kind: str) -> CommandFailed:
    return CommandFailed(t("cli.edit.nothing", kind=t(f"ref.kind.{kind}")))


def goal_values(args: argparse.Namespace, today: date, goal: Goal) -> dict[str, Any]:
    """The goal's new fields from the options, checked as the goal form checks them."""
    found: dict[str, Any] = {}
    if args.title is not None:
        found["title"] = values.text("title", args.title, required=True)
    for name in GOAL_TEXTS:
        if getattr(args, name) is not None:
            found[name] = values.text(name, getattr(args, name))
    for name in GOAL_NUMBERS:
        if getattr(args, name) is not None:
            found[name] = values.number(name, getattr(args, name))
    if args.deadline is not None:
        found["deadline"] = values.day(args.deadline, today)
    found.update(_given(args, ("horizon", "kind", "status")))
    baseline = found.get("baseline", goal.baseline)
    target = found.get("target", goal.target)
    if baseline is not None and target is not None and baseline == target:
        raise CommandFailed(
            "--target: " + t("form.error.target_is_baseline", value=format_number(target))
        )
    return found


def smart_warnings(goal: Goal, today: date) -> list[str]:
    """The SMART check's remarks on ``goal``, one line each, for standard error."""
    lines = []
    for letter in check_smart(goal, today).letters:
        for finding in letter.findings:
            lines.append(
                t(
                    "cli.edit.smart",
                    letter=t(f"smart.letter.{letter.letter}"),
                    text=printable(finding.text()),
                )
            )
    return lines


@reports_failure
def run_goal(args: argparse.Namespace, context: Context) -> int:
    store = PlanStore.open(context.db)
    goal = values.goal_ref(store.plan, args.ref)
    changes = goal_values(args, context.today, goal)
    if not changes:
        raise _nothing("goal")
    changed = store.apply(
        t("label.goal_edit", title=printable(changes.get("title", goal.title))),
        lambda edit: record_changes.change_goal(edit, goal.id, changes),
    )
    _saved("goal", changed.id, changed.title, changes)
    for line in smart_warnings(changed, context.today):
        print(line, file=sys.stderr)
    return 0


@reports_failure
def run_action(args: argparse.Namespace, context: Context) -> int:
    store = PlanStore.open(context.db)
    plan = store.plan
    action = plan.actions[resolve_ref(args.ref, action_pool(plan))]
    changes: dict[str, Any] = {}
    if args.action is not None:
        changes["action"] = values.text("action", args.action, required=True)
    for name in ("result", "obstacles"):
        if getattr(args, name) is not None:
            changes[name] = values.text(name, getattr(args, name))
    if args.goal is not None:
        # The action form offers the goals that are not dropped.
        pool = values.goal_pool(plan, keep=frozenset(("active", "done")))
        changes["goal_id"] = resolve_ref(args.goal, pool)
    if not changes:
        raise _nothing("action")
    changed = store.apply(
        t("label.action_edit", title=printable(changes.get("action", action.action))),
        lambda edit: record_changes.change_action(edit, action.id, changes),
    )
    _saved("action", changed.id, changed.action, changes)
    return 0


@reports_failure
def run_step(args: argparse.Namespace, context: Context) -> int:
    store = PlanStore.open(context.db)
    step = store.plan.steps[resolve_ref(args.ref, step_pool(store.plan))]
    changes: dict[str, Any] = {}
    if args.title is not None:
        changes["title"] = values.text("title", args.title, required=True)
    if args.due is not None:
        changes["due"] = values.day(args.due, context.today)
    if not changes:
        raise _nothing("step")
    changed = store.apply(
        t("label.step_edit", title=printable(changes.get("title", step.title))),
        lambda edit: record_changes.change_step(edit, step.id, changes),
    )
    _saved("step", changed.id, changed.title, changes)
    return 0


@reports_failure
def run_review(args: argparse.Namespace, context: Context) -> int:
    store = PlanStore.open(context.db)
    plan = store.plan
    review = plan.reviews[resolve_ref(args.ref, review_pool(plan))]
    changes: dict[str, Any] = {}
    if args.goal is not None:
        whole = args.goal.strip().casefold() in NONE_WORDS or not args.goal.strip()
        changes["goal_id"] = None if whole else values.goal_ref(plan, args.goal).id
    if args.on is not None:
        changes["next_on"] = values.day(args.on, context.today, required=True, field="on")
    next_on = changes.get("next_on", review.next_on) or context.today
    if args.every is not None:
        changes["rule"] = parse_recurrence(args.every, next_on) if args.every.strip() else ""
    if args.title is not None:
        title = values.text("title", args.title)
        if not title:  # as in the form: an empty title names it after its goal or the plan
            goal = plan.goals.get(changes.get("goal_id", review.goal_id) or 0)
            title = _default_review_title(plan, goal.id if goal is not None else None)
        changes["title"] = title
    if not changes:
        raise _nothing("review")
    changed = store.apply(
        t("label.review_edit", title=printable(changes.get("title", review.title))),
        lambda edit: record_changes.change_review(edit, review.id, changes),
    )
    _saved("review", changed.id, changed.title, changes)
    return 0


def _default_review_title(plan: Plan, goal_id: int | None) -> str:
    goal = plan.goals.get(goal_id) if goal_id is not None else None
    if goal is not None:
        return t("cli.add.review_title_goal", goal=goal.title)
    return t("cli.add.review_title_plan")


# The option that sets a field, where the two are not named alike.
OPTION_OF = {"goal_id": "goal", "next_on": "on", "rule": "every"}


def _saved(kind: str, id: int, title: str, changes: dict[str, Any]) -> None:
    fields = ", ".join(
        values.option_name(OPTION_OF.get(name, name)).removeprefix("--") for name in changes
    )
    print(
        t(
            "cli.edit.saved",
            kind=t(f"ref.kind.{kind}"),
            id=id,
            title=printable(title),
            fields=fields,
        )
    )


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: Common) -> None:
    parser = commands.add_parser("edit", help=t("cli.help.edit"), description=t("cli.help.edit"))
    common(parser)
    kinds = parser.add_subparsers(dest="edit_what", metavar="KIND", required=True)

    def kind(name: str, run: Callable[[argparse.Namespace, Context], int]) -> Any:
        sub = kinds.add_parser(
            name, help=t(f"cli.help.edit_{name}"), description=t(f"cli.help.edit_{name}")
        )
        common(sub)
        ref = sub.add_argument("ref", metavar="REF", help=t(f"cli.help.ref_{name}"))
        completes(ref, {"goal": "goals", "action": "actions", "step": "steps"}.get(name, "reviews"))
        sub.set_defaults(run=run)
        return sub

    goal = kind("goal", run_goal)
    goal.add_argument("--title", metavar="TEXT", help=t("cli.help.edit_title"))
    goal.add_argument("--deadline", metavar="DATE", help=t("cli.help.deadline"))
    goal.add_argument("--horizon", choices=HORIZONS, help=t("cli.help.edit_horizon"))
    goal.add_argument("--kind", choices=GOAL_KINDS, help=t("cli.help.edit_kind"))
    goal.add_argument("--status", choices=GOAL_STATUSES, help=t("cli.help.edit_status"))
    for name in GOAL_TEXTS:
        goal.add_argument(
            values.option_name(name), dest=name, metavar="TEXT", help=t(f"cli.help.goal_{name}")
        )
    for name in GOAL_NUMBERS:
        goal.add_argument(
            values.option_name(name), dest=name, metavar="N", help=t(f"cli.help.goal_{name}")
        )

    action = kind("action", run_action)
    action.add_argument("--action", metavar="TEXT", help=t("cli.help.action_action"))
    action.add_argument("--result", metavar="TEXT", help=t("cli.help.action_result"))
    action.add_argument("--obstacles", metavar="TEXT", help=t("cli.help.action_obstacles"))
    completes(
        action.add_argument("--goal", metavar="GOAL", help=t("cli.help.action_goal")), "goals"
    )

    step = kind("step", run_step)
    step.add_argument("--title", metavar="TEXT", help=t("cli.help.edit_title"))
    step.add_argument("--due", metavar="DATE", help=t("cli.help.edit_due"))

    review = kind("review", run_review)
    review.add_argument("--title", metavar="TEXT", help=t("cli.help.edit_review_title"))
    completes(
        review.add_argument("--goal", metavar="GOAL", help=t("cli.help.edit_review_goal")), "goals"
    )
    review.add_argument("--on", metavar="DATE", help=t("cli.help.edit_review_on"))
    review.add_argument("--every", metavar="RULE", help=t("cli.help.edit_review_every"))
