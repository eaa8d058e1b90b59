"""``pop undo`` and ``pop redo``: the same history as the TUI's u and ctrl+r."""

from __future__ import annotations

import argparse

from pop_tui.cli.context import Context
from pop_tui.cli.failure import CommandFailed, reports_failure
from pop_tui.cli.parser import Common
from pop_tui.core.printable import printable
from pop_tui.core.texts import t
from pop_tui.store.plan_store import PlanStore, UndoError


@reports_failure
def run_undo(args: argparse.Namespace, context: Context) -> int:
    store = PlanStore.open(context.db)
    try:
        label = store.undo()
    except UndoError:
        # The store read the file again inside its lock, so can_undo() tells the two cases apart.
        raise CommandFailed(
            t("cli.undo.blocked") if store.can_undo() else t("cli.undo.nothing")
        ) from None
    print(t("cli.undo.saved", label=printable(label)))
    return 0


@reports_failure
def run_redo(args: argparse.Namespace, context: Context) -> int:
    store = PlanStore.open(context.db)
    try:
        label = store.redo()
    except UndoError:
        raise CommandFailed(
            t("cli.redo.blocked") if store.can_redo() else t("cli.redo.nothing")
        ) from None
    print(t("cli.redo.saved", label=printable(label)))
    return 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: Common) -> None:
    undo = commands.add_parser("undo", help=t("cli.help.undo"), description=t("cli.help.undo"))
    common(undo)
    undo.set_defaults(run=run_undo)
    redo = commands.add_parser("redo", help=t("cli.help.redo"), description=t("cli.help.redo"))
    common(redo)
    redo.set_defaults(run=run_redo)
