"""The command line's grammar.

Each command lives in its own module under ``pop_tui.cli`` with a
``register(commands, common)`` function that adds its sub-parser and sets
``run`` to the function that carries it out. None of those modules may import
Textual at module level: ``pop agenda`` and friends must start fast.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable

from pop_tui import __version__
from pop_tui.core.texts import t

# The modules whose commands ``pop`` offers, in the order ``pop --help`` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "pop_tui.cli.tui",
    "pop_tui.cli.backup",
)

Common = Callable[[argparse.ArgumentParser], None]


def add_common(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """``--db`` and ``--lang``, accepted before or after a command's name.

    On the sub-commands the default is SUPPRESS, so that an option given
    before the command's name is not erased by the sub-parser's default.
    """
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--db", metavar="PATH", default=default, help=t("cli.help.db"))
    parser.add_argument("--lang", choices=("en", "nl"), default=default, help=t("cli.help.lang"))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pop", description=t("cli.description"))
    parser.add_argument("--version", action="version", version=f"pop {__version__}")
    add_common(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(commands, add_common)
    tui = importlib.import_module("pop_tui.cli.tui")
    parser.set_defaults(run=tui.run_tui)
    return parser
