"""``pop done REF ...``: mark steps done today, all in one change that one undo takes back."""

from __future__ import annotations

import argparse

from pop_tui.cli.context import Context
from pop_tui.cli.failure import reports_failure
from pop_tui.cli.parser import Common, completes
from pop_tui.cli.steps import resolve_steps
from pop_tui.core import checkins
from pop_tui.core.printable import printable
from pop_tui.core.texts import t
from pop_tui.store.plan_store import PlanStore


@reports_failure
def run(args: argparse.Namespace, context: Context) -> int:
    store = PlanStore.open(context.db)
    today = context.today
    ids = resolve_steps(store.plan, args.refs)
    if len(ids) == 1:
        label = t("label.done_step", title=store.plan.steps[ids[0]].title)
    else:
        label = t("label.done_steps", count=len(ids))
    finished = store.apply(label, lambda edit: checkins.mark_done(edit, ids, today))
    names = ", ".join(t("cli.step_name", id=s.id, title=printable(s.title)) for s in finished)
    print(t("cli.done.saved", steps=names))
    return 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: Common) -> None:
    parser = commands.add_parser("done", help=t("cli.help.done"), description=t("cli.help.done"))
    common(parser)
    completes(
        parser.add_argument("refs", nargs="+", metavar="REF", help=t("cli.help.step_ref")),
        "open_steps",
    )
    parser.set_defaults(run=run)
