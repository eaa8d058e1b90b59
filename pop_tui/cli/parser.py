"""The command line's grammar. Each command names the function that runs it."""

from __future__ import annotations

import argparse

from pop_tui import __version__
from pop_tui.core.texts import t


def _common(parser: argparse.ArgumentParser, *, top: bool) -> None:
    # On the sub-commands the default is SUPPRESS, so `--db` works before or
    # after the command's name without the later one erasing the earlier.
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--db", metavar="PATH", default=default, help=t("cli.help.db"))
    parser.add_argument(
        "--lang", choices=("en", "nl"), default=default, help=t("cli.help.lang")
    )


def build_parser() -> argparse.ArgumentParser:
    from pop_tui.cli import backup, tui

    parser = argparse.ArgumentParser(prog="pop", description=t("cli.description"))
    parser.add_argument("--version", action="version", version=f"pop {__version__}")
    _common(parser, top=True)
    parser.set_defaults(run=tui.run_tui)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_key: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=t(help_key), description=t(help_key))
        _common(sub, top=False)
        return sub

    command("tui", "cli.help.tui").set_defaults(run=tui.run_tui)

    demo = command("demo", "cli.help.demo")
    demo.add_argument("--out", metavar="FILE", help=t("cli.help.demo_out"))
    demo.set_defaults(run=tui.run_demo)

    backup_cmd = command("backup", "cli.help.backup")
    backup_actions = backup_cmd.add_subparsers(dest="backup_action", metavar="ACTION", required=True)
    listing = backup_actions.add_parser("list", help=t("cli.help.backup_list"))
    _common(listing, top=False)
    listing.set_defaults(run=backup.run_list)
    restore = backup_actions.add_parser("restore", help=t("cli.help.backup_restore"))
    _common(restore, top=False)
    restore.add_argument("number", type=int, metavar="N", help=t("cli.help.backup_n"))
    restore.set_defaults(run=backup.run_restore)
    return parser
