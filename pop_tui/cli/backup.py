"""``pop backup list`` and ``pop backup restore N``."""

from __future__ import annotations

import argparse

from pop_tui.cli.context import Context
from pop_tui.cli.parser import Common
from pop_tui.core.texts import t
from pop_tui.store.plan_file import list_backups
from pop_tui.store.plan_store import restore_backup


def run_list(args: argparse.Namespace, context: Context) -> int:
    backups = list_backups(context.db)
    if not backups:
        print(t("cli.backup.none", path=context.db))
        return 0
    print(t("cli.backup.header", path=context.db))
    for b in backups:
        if b.good:
            print(t("cli.backup.good", number=b.number, revision=b.revision, saved=b.saved_at))
        else:
            print(t("cli.backup.bad", number=b.number, problem=b.problem))
    return 0


def run_restore(args: argparse.Namespace, context: Context) -> int:
    kept = restore_backup(context.db, args.number)
    print(t("cli.backup.restored", number=args.number, path=context.db))
    if kept is not None:
        print(t("cli.backup.kept", kept=kept))
    return 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: Common) -> None:
    backup = commands.add_parser(
        "backup", help=t("cli.help.backup"), description=t("cli.help.backup")
    )
    common(backup)
    actions = backup.add_subparsers(dest="backup_action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help=t("cli.help.backup_list"))
    common(listing)
    listing.set_defaults(run=run_list)
    restore = actions.add_parser("restore", help=t("cli.help.backup_restore"))
    common(restore)
    restore.add_argument("number", type=int, metavar="N", help=t("cli.help.backup_n"))
    restore.set_defaults(run=run_restore)
