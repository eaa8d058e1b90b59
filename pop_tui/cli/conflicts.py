"""``pop conflicts`` and ``pop resolve N mine|theirs|1|2|keep|delete|--value TEXT``.

The conflicts that a sync left (two devices changed one field differently, or one
deleted what the other changed), listed with each device's value and time, and
resolved from the shell with the same mutations as the TUI's conflicts screen
(:mod:`pop_tui.core.conflicts`): one change each, which ``pop undo`` takes back.
"mine" is the side of this device (its name: ``local/device.json`` beside the plan).
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from pop_tui.cli.context import Context
from pop_tui.cli.failure import CommandFailed, reports_failure
from pop_tui.cli.parser import Common, completes
from pop_tui.core import conflict_entry, conflicts
from pop_tui.core.conflicts import ConflictView
from pop_tui.core.model import TABLES, Conflict, Plan
from pop_tui.core.texts import t

JSON_VERSION = 1
SIDE_CHOICES = ("mine", "theirs", "1", "2", "3")
RECORD_CHOICES = ("keep", "delete")


def _device(context: Context) -> str:
    from pop_tui.store.files import link_target
    from pop_tui.store.local import this_device

    return this_device(link_target(context.db)).name


def _raw_value(plan: Plan, found: ConflictView, n: int) -> Any:
    side = plan.table(Conflict)[found.id].sides[n]
    if side.deleted:
        return None
    try:
        return json.loads(side.value)
    except ValueError:
        return side.value


def _conflict_json(plan: Plan, found: ConflictView, device: str) -> dict[str, Any]:
    mine = conflict_entry.mine_side(found, device)
    raw = plan.table(Conflict)[found.id]
    return {
        "id": found.id,
        "table": found.table,
        "record_id": found.record_id,
        "record": found.title,
        "field": found.field,
        "sides": [
            {
                "n": n + 1,
                "device": raw.sides[n].device,
                "at": raw.sides[n].at,
                "value": _raw_value(plan, found, n),
                "text": side.value,
                "deleted": side.deleted,
                "mine": n == mine,
                "shown": side.shown,
            }
            for n, side in enumerate(found.sides)
        ],
    }


def run_list(args: argparse.Namespace, context: Context) -> int:
    from pop_tui.store.plan_reader import read_plan

    plan = read_plan(context.db_file, list(TABLES.values()))
    device = _device(context)
    found = conflicts.open_conflicts(plan)
    if args.json:
        document = {
            "version": JSON_VERSION,
            "device": device,
            "conflicts": [_conflict_json(plan, view, device) for view in found],
        }
        print(json.dumps(document, indent=2, ensure_ascii=True))
        return 0
    if not found:
        print(t("conflicts.cli.none"))
        return 0
    for view in found:
        about = view.label if view.field else t("conflicts.deleted_field")
        print(t("conflicts.cli.row", id=f"#{view.id}", record=view.title, field=about))
        mine = conflict_entry.mine_side(view, device)
        for n, side in enumerate(view.sides):
            who = t("conflicts.side.mine", device=side.device) if n == mine else side.device
            print(t("conflicts.cli.side", n=n + 1, who=who, at=side.at, value=side.value))
    return 0


def _how(context: Context, found: ConflictView) -> str:
    """How to say what to do with this conflict."""
    if found.field:
        command = context.command("resolve", str(found.id), "mine|theirs|1|2")
        return t("conflicts.cli.choose", command=command)
    command = context.command("resolve", str(found.id), "keep|delete")
    return t("conflicts.cli.choose_record", command=command)


def _side(choice: str, found: ConflictView, device: str) -> int:
    if choice.isdigit():
        return int(choice) - 1
    pick = conflict_entry.mine_side if choice == "mine" else conflict_entry.theirs_side
    side = pick(found, device)
    if side is None:
        raise CommandFailed(t("conflicts.cli.no_mine", device=device))
    return side


@reports_failure
def run_resolve(args: argparse.Namespace, context: Context) -> int:
    from pop_tui.store.plan_store import PlanStore

    store = PlanStore.open(context.db)
    ref = str(args.ref).removeprefix("#")
    found = next(
        (c for c in conflicts.open_conflicts(store.plan) if ref.isdigit() and c.id == int(ref)),
        None,
    )
    if found is None:
        raise CommandFailed(t("conflicts.cli.not_found", ref=args.ref))
    choice: str | None = args.choice
    if choice is not None and args.value is not None:
        raise CommandFailed(t("conflicts.cli.both"))
    if choice is None and args.value is None:
        raise CommandFailed(_how(context, found))
    id = found.id
    if args.value is not None:
        if not found.field:
            raise CommandFailed(_how(context, found))
        value = conflict_entry.read_typed(found, " ".join(args.value), context.today)
        label = t("conflicts.label.value", record=found.title, field=found.label)
        store.apply(label, lambda edit: conflicts.set_value(edit, id, value))
    elif choice in RECORD_CHOICES:
        if found.field:
            raise CommandFailed(_how(context, found))
        if choice == "keep":
            label = t("conflicts.label.keep", record=found.title)
            store.apply(label, lambda edit: conflicts.keep_record(edit, id))
        else:
            label = t("conflicts.label.delete", record=found.title)
            store.apply(label, lambda edit: conflicts.delete_record(edit, id))
    else:
        assert choice is not None
        side = _side(choice, found, store.device.name)
        label = conflict_entry.side_label(found, side) if 0 <= side < len(found.sides) else ""
        store.apply(label, lambda edit: conflicts.choose_side(edit, id, side))
    record = store.plan.get(found.table, found.record_id)
    title = found.title if record is None else _title_now(store.plan, found)
    print(t("conflicts.cli.resolved", id=f"#{id}", record=title))
    return 0


def _title_now(plan: Plan, found: ConflictView) -> str:
    """The record's name as it is after the resolution (its title may be what changed)."""
    from pop_tui.core.conflicts import record_name

    return record_name(plan, found.table, found.record_id)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: Common) -> None:
    listing = commands.add_parser(
        "conflicts", help=t("conflicts.cli.help"), description=t("conflicts.cli.help")
    )
    common(listing)
    listing.add_argument("--json", action="store_true", help=t("cli.help.json"))
    listing.set_defaults(run=run_list)

    resolve = commands.add_parser(
        "resolve", help=t("conflicts.cli.help_resolve"), description=t("conflicts.cli.help_resolve")
    )
    common(resolve)
    completes(
        resolve.add_argument("ref", metavar="N", help=t("conflicts.cli.help_ref")), "conflicts"
    )
    resolve.add_argument(
        "choice",
        nargs="?",
        choices=(*SIDE_CHOICES, *RECORD_CHOICES),
        help=t("conflicts.cli.help_choice"),
    )
    resolve.add_argument("--value", nargs="+", metavar="TEXT", help=t("conflicts.cli.help_value"))
    resolve.set_defaults(run=run_resolve)
