"""The command line's grammar.

Each command lives in its own module under ``pop_tui.cli`` with a
``register(commands, common)`` function that adds its sub-parser and sets
``run`` to the function that carries it out. None of those modules may import
Textual at module level: ``pop agenda`` and friends must start fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from pop_tui import __version__
from pop_tui.core.texts import t

if TYPE_CHECKING:
    from pop_tui.cli.context import Context

# Each command's name and the module that registers it, in the order
# ``pop --help`` lists them. Only the module of the command being run is
# imported, so ``pop agenda`` does not pay for the exporters or the TUI.
COMMANDS: dict[str, str] = {
    "tui": "pop_tui.cli.tui",
    "demo": "pop_tui.cli.tui",
    "agenda": "pop_tui.cli.agenda",
    "checkin": "pop_tui.cli.checkin",
    "done": "pop_tui.cli.done",
    "undo": "pop_tui.cli.undo",
    "redo": "pop_tui.cli.undo",
    "add": "pop_tui.cli.add",
    "list": "pop_tui.cli.listing",
    "export": "pop_tui.cli.export",
    "import": "pop_tui.cli.import_plan",
    "period": "pop_tui.cli.period",
    "backup": "pop_tui.cli.backup",
    "serve": "pop_tui.cli.serve",
}
# Options of ``pop`` itself that take a value (so the value is not a command's name).
_VALUED_OPTIONS = ("--db", "--lang")

Common = Callable[[argparse.ArgumentParser], None]


class Formatter(argparse.HelpFormatter):
    """argparse's formatter, sized without ``shutil``: argparse makes one for every
    option it adds, and importing shutil (with its compression modules) would
    cost every command a few milliseconds of its start."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:
            width = terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)


def terminal_columns() -> int:
    """What ``shutil.get_terminal_size().columns`` says: $COLUMNS, else the
    terminal's width, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns > 0:
        return columns
    try:
        columns = os.get_terminal_size(sys.__stdout__.fileno()).columns if sys.__stdout__ else 0
    except (AttributeError, ValueError, OSError):
        columns = 0
    return columns or 80


class Parser(argparse.ArgumentParser):
    """An argument parser (and sub-parsers) using :class:`Formatter`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        super().__init__(*args, **kwargs)


def file_path(text: str) -> str:
    """A file named on the command line: any text the file system takes (argparse ``type``)."""
    if "\0" in text:
        # Not from a shell (it cannot pass one), but main() may be called with anything.
        raise argparse.ArgumentTypeError(t("cli.path_bad"))
    return text


def add_common(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """``--db`` and ``--lang``, accepted before or after a command's name.

    On the sub-commands the default is SUPPRESS, so that an option given
    before the command's name is not erased by the sub-parser's default.
    """
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--db", metavar="PATH", type=file_path, default=default, help=t("cli.help.db")
    )
    parser.add_argument("--lang", choices=("en", "nl"), default=default, help=t("cli.help.lang"))


def modules_for(argv: Sequence[str]) -> list[str]:
    """The command modules the parser needs for ``argv``.

    The command being run needs only its own module; no command at all means
    the TUI. Help, or a word that is no command, needs all of them, so that
    the help and the error list every command.
    """
    expect_value = False
    for arg in argv:
        if expect_value:
            expect_value = False
        elif arg in ("-h", "--help"):
            break
        elif arg in _VALUED_OPTIONS:
            expect_value = True
        elif arg.startswith("-"):
            continue
        else:
            return [COMMANDS[arg]] if arg in COMMANDS else list(dict.fromkeys(COMMANDS.values()))
    else:
        return [COMMANDS["tui"]]
    return list(dict.fromkeys(COMMANDS.values()))


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv`` (all commands when ``argv`` is None)."""
    parser = Parser(prog="pop", description=t("cli.description"))
    parser.add_argument("--version", action="version", version=f"pop {__version__}")
    add_common(parser, top=True)
    # ``prog`` given, argparse need not format a usage line to work it out.
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", prog="pop")
    wanted = modules_for(argv) if argv is not None else list(dict.fromkeys(COMMANDS.values()))
    for name in wanted:
        importlib.import_module(name).register(commands, add_common)
    parser.set_defaults(run=_run_tui)
    return parser


def _run_tui(args: argparse.Namespace, context: Context) -> int:
    from pop_tui.cli.tui import run_tui

    return run_tui(args, context)
