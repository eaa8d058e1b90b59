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
from typing import Any

from pop_tui import __version__
from pop_tui.core.texts import t

# Each command's name and the module that registers it, in the order
# ``pop --help`` lists them. Only the module of the command being run is
# imported, so ``pop agenda`` does not pay for the exporters or the TUI.
COMMANDS: dict[str, str] = {
    "tui": "pop_tui.cli.tui",
    "demo": "pop_tui.cli.tui",
    "agenda": "pop_tui.cli.agenda",
    "status": "pop_tui.cli.status",
    "checkin": "pop_tui.cli.checkin",
    "done": "pop_tui.cli.done",
    "undo": "pop_tui.cli.undo",
    "redo": "pop_tui.cli.undo",
    "add": "pop_tui.cli.add",
    "edit": "pop_tui.cli.edit",
    "list": "pop_tui.cli.listing",
    "review": "pop_tui.cli.review",
    "feedback": "pop_tui.cli.feedback",
    "conflicts": "pop_tui.cli.conflicts",
    "resolve": "pop_tui.cli.conflicts",
    "export": "pop_tui.cli.export",
    "import": "pop_tui.cli.import_plan",
    "period": "pop_tui.cli.period",
    "backup": "pop_tui.cli.backup",
    "sync": "pop_tui.cli.sync",
    "serve": "pop_tui.cli.serve",
    "completion": "pop_tui.cli.completion",
    # Hidden (no help): what the completion scripts call to complete a word.
    "__complete": "pop_tui.cli.completion",
    # Hidden: git's merge driver for the plan file (see cli/merge_driver.py).
    "__merge-driver": "pop_tui.cli.merge_driver",
}
# Options of ``pop`` itself that take a value (so the value is not a command's name).
_VALUED_OPTIONS = ("--db", "--lang")

Common = Callable[[argparse.ArgumentParser], None]

# What the value of an argument is, for shell completion (see cli/completion.py): the
# numbers of records of a kind, with their titles.
COMPLETES = "pop_complete"


def completes(action: argparse.Action, kind: str) -> argparse.Action:
    """Mark ``action``'s value as a REF to records of ``kind`` (steps, open_steps, goals,
    actions, reviews, feedback, conflicts), so that completion offers their numbers."""
    setattr(action, COMPLETES, kind)
    return action


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

    def _expand_help(self, action: argparse.Action) -> str:
        # A help text is a sentence of ours, not a format: "(%, hours, …)" must not
        # end `--help` in a ValueError. Only a text that names argparse's own
        # fields (``%(default)s``) is formatted.
        text = action.help or ""
        return super()._expand_help(action) if "%(" in text else text


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


# The long options whose value is a date (every option added with metavar="DATE").
DATE_OPTIONS: set[str] = set()
# A negative date offset: -1d, -2w, -3days, -1 m (dates.parse_date reads them).
_NEGATIVE_OFFSET = r"-\d+ ?[^\W\d_]*"


class Parser(argparse.ArgumentParser):
    """An argument parser (and sub-parsers) using :class:`Formatter`.

    A date option takes a negative offset as its value (``--due -1d``), as
    Taskwarrior's do: argparse would take ``-1d`` for an option, so before
    parsing, ``--due -1d`` is joined into ``--due=-1d``, which argparse reads as
    the option's value. Every option added with ``metavar="DATE"`` (in any
    command, now or later) is such an option.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        super().__init__(*args, **kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        action = super().add_argument(*args, **kwargs)
        if action.metavar == "DATE":
            DATE_OPTIONS.update(o for o in action.option_strings if o.startswith("--"))
        return action

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if args is not None:
            args = negative_dates_joined(args)
        return super().parse_known_args(args, namespace)


def negative_dates_joined(args: Sequence[str]) -> list[str]:
    """``args`` with each date option followed by a negative offset written as one word."""
    import re

    joined: list[str] = []
    rest = iter(args)
    for arg in rest:
        if arg == "--":
            joined += [arg, *rest]
            break
        if arg in DATE_OPTIONS:
            value = next(rest, None)
            if value is not None and re.fullmatch(_NEGATIVE_OFFSET, value):
                joined.append(f"{arg}={value}")
                continue
            joined.append(arg)
            if value is not None:
                joined.append(value)
            continue
        joined.append(arg)
    return joined


class FilePath(str):
    """A file named on the command line, kept as the shell gave it: a file's name may
    hold bytes that are not UTF-8, and must still name that file."""

    __slots__ = ()


def file_path(text: str) -> str:
    """A file named on the command line: any text the file system takes (argparse ``type``)."""
    if "\0" in text:
        # Not from a shell (it cannot pass one), but main() may be called with anything.
        raise argparse.ArgumentTypeError(t("cli.path_bad"))
    return FilePath(text)


def undecodable(args: argparse.Namespace) -> str | None:
    """The first text argument (not a file's name) that holds bytes which are not UTF-8.

    Python hands such bytes over as lone surrogates (PEP 383); kept, they could not be
    written to the plan, a terminal or an export. Shown with the bytes as ``\\xff``.
    """
    for value in vars(args).values():
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and not isinstance(text, FilePath):
                try:
                    text.encode("utf-8")
                except UnicodeEncodeError:
                    raw = text.encode("utf-8", "surrogateescape")
                    return raw.decode("utf-8", "backslashreplace")
    return None


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


def _argparse_texts() -> dict[str, str]:
    """argparse's own messages (its English text -> the key of ours)."""
    from pop_tui.core.texts.cli import EN

    return {text: key for key, text in EN.items() if key.startswith("cli.argparse.")}


def speak_argparse() -> None:
    """Have argparse's own messages (usage errors, help headings) in the current language.

    argparse looks its texts up through ``gettext`` at the moment it writes them;
    its module's ``_`` and ``ngettext`` are pointed at our catalogue instead.
    """
    known = _argparse_texts()

    def gettext(text: str) -> str:
        key = known.get(text)
        return t(key) if key is not None else text

    def ngettext(one: str, many: str, count: int) -> str:
        return gettext(one if count == 1 else many)

    setattr(argparse, "_", gettext)  # noqa: B010  (not in argparse's typed interface)
    setattr(argparse, "ngettext", ngettext)  # noqa: B010


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv`` (all commands when ``argv`` is None)."""
    speak_argparse()
    parser = Parser(prog="pop", description=t("cli.description"))
    parser.add_argument("--version", action="version", version=f"pop {__version__}")
    add_common(parser, top=True)
    # ``prog`` given, argparse need not format a usage line to work it out.
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", prog="pop")
    wanted = modules_for(argv) if argv is not None else list(dict.fromkeys(COMMANDS.values()))
    for name in wanted:
        importlib.import_module(name).register(commands, add_common)
    # No command at all opens the TUI: main() runs it when ``run`` is None (the TUI's
    # module imports this one, so this one does not import it).
    parser.set_defaults(run=None)
    return parser
