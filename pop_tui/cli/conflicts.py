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
from pop_tui.core import conflicts
from pop_tui.core.conflicts import ConflictView
from pop_tui.core.model import TABLES, Conflict
from pop_tui.core.texts import t

JSON_VERSION = 1
SIDE_CHOICES = ("mine", "theirs", "1", "2")
RECORD_CHOICES = ("keep", "delete")


def _device(context: Context) -> str:
    from pop_tui.store.files import link_target
    from pop_tui.store.local import this_device

    return this_device(link_target(context.db)).name


def _side_json(found: ConflictView, raw: Conflict) -> list[dict[str, Any]]:
    return [
        {
            "n": side.index + 1,
            "device": raw.sides[side.index].device,
            "at": raw.sides[side.index].at,
            "value": conflicts.side_value(raw.sides[side.index]),
            "text": side.text,
            "deleted": side.deleted,
            "mine": side.mine,
            "shown": side.shown,
        }
        for side in found.sides
    ]


def _who(side: conflicts.SideView) -> str:
    return t("conflicts.side.mine", device=side.device) if side.mine else side.device


def run_list(args: argparse.Namespace, context: Context) -> int:
    from pop_tui.store.plan_reader import read_plan

    plan = read_plan(context.db_file, list(TABLES.values()))
    device = _device(context)
    found = conflicts.open_conflicts(plan)
    if args.json:
        document = {
            "version": JSON_VERSION,
            "device": device,
            "conflicts": [
                {
                    "id": raw.id,
                    "table": raw.table,
                    "record_id": raw.record_id,
                    "record": view.record,
                    "field": raw.field,
                    "sides": _side_json(view, raw),
                }
                for raw in found
                for view in [conflicts.view(plan, raw, device)]
            ],
        }
        print(json.dumps(document, indent=2, ensure_ascii=True))
        return 0
    if not found:
        print(t("conflicts.cli.none"))
        return 0
    for raw in found:
        view = conflicts.view(plan, raw, device)
        field = view.label or t("conflicts.deleted_field")
        print(t("conflicts.cli.row", id=f"#{view.id}", record=view.record, field=field))
        for side in view.sides:
            print(
                t(
                    "conflicts.cli.side",
                    n=side.index + 1,
                    who=_who(side),
                    at=side.at,
                    value=side.text,
                )
            )
    return 0


def _choice_side(choice: str, raw: Conflict, device: str) -> int:
    if choice in ("1", "2"):
        return int(choice) - 1
    side = (
        conflicts.mine_side(raw, device) if choice == "mine" else conflicts.theirs_side(raw, device)
    )
    if side is None:
        raise CommandFailed(t("conflicts.cli.no_mine", device=device))
    return side


def _how(context: Context, raw: Conflict) -> str:
    """How to say what to do with this conflict."""
    if raw.field:
        return t(
            "conflicts.cli.choose",
            command=context.command("resolve", str(raw.id), "mine|theirs|1|2"),
        )
    return t(
        "conflicts.cli.choose_record",
        command=context.command("resolve", str(raw.id), "keep|delete"),
    )


@reports_failure
def run_resolve(args: argparse.Namespace, context: Context) -> int:
    from pop_tui.store.plan_store import PlanStore

    store = PlanStore.open(context.db)
    ref = str(args.ref).removeprefix("#")
    raw = store.plan.table(Conflict).get(int(ref)) if ref.isdigit() else None
    if raw is None:
        raise CommandFailed(t("conflicts.cli.not_found", ref=args.ref))
    device = store.device.name
    view = conflicts.view(store.plan, raw, device)
    choice: str | None = args.choice
    if choice is not None and args.value is not None:
        raise CommandFailed(t("conflicts.cli.both"))
    if choice is None and args.value is None:
        raise CommandFailed(_how(context, raw))
    if args.value is not None:
        if not raw.field:
            raise CommandFailed(t("conflicts.keep_or_delete"))
        value = conflicts.read_typed(raw.table, raw.field, " ".join(args.value), context.today)
        label = t("conflicts.label.value", record=view.record, field=view.label)
        store.apply(label, lambda edit: conflicts.give_value(edit, raw.id, value))
    elif choice in RECORD_CHOICES:
        if raw.field:
            raise CommandFailed(_how(context, raw))
        if choice == "keep":
            label = t("conflicts.label.keep", record=view.record)
            store.apply(label, lambda edit: conflicts.keep_record(edit, raw.id))
        else:
            label = t("conflicts.label.delete", record=view.record)
            store.apply(label, lambda edit: conflicts.delete_record(edit, raw.id))
    else:
        assert choice is not None
        side = _choice_side(choice, raw, device)
        if not 0 <= side < len(raw.sides):
            raise CommandFailed(t("conflicts.no_side", side=side + 1, count=len(raw.sides)))
        label = conflicts.side_label(view, side)
        store.apply(label, lambda edit: conflicts.choose_side(edit, raw.id, side))
    print(
        t("conflicts.cli.resolved", id=f"#{raw.id}", record=conflicts.record_name(store.plan, raw))
    )
    return 0


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
