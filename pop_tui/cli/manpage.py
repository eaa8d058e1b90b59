"""The ``pop(1)`` manual page, written from the same argparse parser that reads the command line.

    python -m pop_tui.cli.manpage > docs/pop.1

docs/pop.1 is kept in the repository and installed with the package
(``share/man/man1/pop.1``); tests/test_manpage.py checks that it is what this
module writes now, so a new command or option cannot be left out of it. The
page is in English, as manual pages are.
"""

from __future__ import annotations

import argparse
import sys

from pop_tui import __version__
from pop_tui.cli.parser import build_parser
from pop_tui.core.texts import set_language

EXIT_STATUS = (
    ("0", "The command did what was asked."),
    ("1", "The command was refused, with a message on standard error saying why: a "
     "REF that names no record or several, a date or value pop cannot read, a rule of "
     "the plan, a damaged plan file. Nothing was changed."),
    ("2", "The command line does not fit the grammar (an unknown command or option, a "
     "missing argument); the usage is printed on standard error."),
    ("130", "Interrupted (Ctrl-C)."),
    ("141", "Standard output was closed early (pop list steps | head)."),
)  # fmt: skip

ENVIRONMENT = (
    ("POP_DB", "The plan file, when --db is not given."),
    ("POP_LANG", "The language, en or nl, when --lang is not given; else the locale "
     "(LC_ALL, LC_MESSAGES, LANG)."),
    ("POP_TODAY", "Act as if it were that day (YYYY-MM-DD): for tests and screenshots."),
    ("NO_COLOR", "Set to anything but the empty string: no colour (see no-color.org). "
     "Colour is only used when standard output is a terminal."),
    ("POP_SYNC_TIMEOUT", "How many seconds pop sync lets git talk to the remote before "
     "it is stopped (default 60)."),
    ("XDG_DATA_HOME", "Where the plan lives: $XDG_DATA_HOME/pop-tui/plan.json "
     "(default ~/.local/share/pop-tui/plan.json)."),
    ("XDG_CONFIG_HOME", "Where keymap.toml and settings.toml live "
     "(default ~/.config/pop-tui)."),
)  # fmt: skip

FILES = (
    ("plan.json", "The plan: TinyDB JSON, one record a line, kept in git if you like."),
    ("backups/", "The ten previous versions of the plan, beside it."),
    ("drafts/", "Typing kept when a terminal went away, beside the plan."),
    ("cache/plan.json.agenda", "The agenda index that pop agenda and pop status read; "
     "made again whenever it does not match the plan."),
    ("plan.json.lock", "The lock two sessions take turns through."),
    ("local/", "What belongs to this device, never synced: its name (device.json) and "
     "its last sync (sync.json)."),
    (".gitattributes, .gitignore", "Written by pop sync init beside the plan: the plan "
     "merges through pop (merge=pop), and what stays on this device is left out of git."),
)  # fmt: skip


def _roff(text: str) -> str:
    """Text for roff: backslashes and hyphens escaped, no line taken for a request."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    # Other characters than ASCII by their code point: a man page is read by any roff.
    text = "".join(c if ord(c) < 128 else f"\\[u{ord(c):04X}]" for c in text)
    return "\\&" + text if text.startswith((".", "'")) else text


def _subcommands(parser: argparse.ArgumentParser) -> list[tuple[str, str, argparse.ArgumentParser]]:
    """The sub-commands listed in the help (name, help, parser), in their order."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            shown = {a.dest: str(a.help or "") for a in action._choices_actions}
            return [
                (name, shown[name], sub) for name, sub in action.choices.items() if name in shown
            ]
    return []


def _usage(parser: argparse.ArgumentParser) -> str:
    return " ".join(parser.format_usage().removeprefix("usage: ").split())


# Said once, under DESCRIPTION: every command takes them.
COMMON = frozenset({"-h", "--db", "--lang"})


def _options(parser: argparse.ArgumentParser, *, common: bool = False) -> list[str]:
    lines: list[str] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) or action.help == argparse.SUPPRESS:
            continue
        if not common and COMMON.intersection(action.option_strings):
            continue
        if action.option_strings:
            names = ", ".join(action.option_strings)
            if action.nargs != 0 and not isinstance(
                action, argparse._StoreTrueAction | argparse._HelpAction | argparse._VersionAction
            ):
                if action.choices is not None:
                    names += " " + "|".join(str(c) for c in action.choices)
                else:
                    names += " " + str(action.metavar or action.dest.upper())
        else:
            names = str(action.metavar or action.dest)
        lines += [".TP", f"\\fB{_roff(names)}\\fR", _roff(str(action.help or ""))]
    return lines


def _command(path: str, parser: argparse.ArgumentParser, about: str) -> list[str]:
    lines = [".SS " + _roff(path), _roff(about), ".PP", "\\fB" + _roff(_usage(parser)) + "\\fR"]
    lines += _options(parser)
    for name, help_text, sub in _subcommands(parser):
        lines += _command(f"{path} {name}", sub, help_text)
    return lines


def manpage() -> str:
    """The manual page, in roff (English)."""
    set_language("en")
    parser = build_parser(None)
    lines = [
        f'.TH POP 1 "" "pop {__version__}" "User Commands"',
        ".SH NAME",
        "pop \\- keep your Personal Development Plan (POP) in the terminal",
        ".SH SYNOPSIS",
        ".nf",
        "\\fBpop\\fR [\\fB\\-\\-db\\fR PATH] [\\fB\\-\\-lang\\fR en|nl] [COMMAND] ...",
        ".fi",
        ".SH DESCRIPTION",
        _roff(str(parser.description or "")),
        "Without a command, pop opens the plan in the terminal app. The shell commands "
        "below keep every part of the plan from a shell; they never start the app.",
        ".PP",
        "A REF names a record by the number that pop list and pop agenda show (13 or "
        "#13), or by the start of its title. Dates are read in English and Dutch: "
        "2026\\-12\\-01, 1\\-12\\-2026, 1 dec, today, tomorrow, morgen, friday, vrijdag, "
        "+3d, +2w, +1m, eow, eom, eoq, eoy, in 3 weeks, over 3 weken, 15.",
        ".PP",
        "Options that every command takes, before or after its name:",
        *_options(parser, common=True),
        ".SH COMMANDS",
    ]
    for name, help_text, sub in _subcommands(parser):
        lines += _command(f"pop {name}", sub, help_text)
    lines.append(".SH EXIT STATUS")
    for code, text in EXIT_STATUS:
        lines += [".TP", f"\\fB{code}\\fR", _roff(text)]
    lines.append(".SH ENVIRONMENT")
    for name, text in ENVIRONMENT:
        lines += [".TP", f"\\fB{name}\\fR", _roff(text)]
    lines.append(".SH FILES")
    for name, text in FILES:
        lines += [".TP", f"\\fI{_roff(name)}\\fR", _roff(text)]
    lines += [
        ".SH SEE ALSO",
        "The command reference with examples and the JSON formats: docs/cli.md in the "
        "source; shell completion: pop completion bash|zsh|fish.",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    # A fixed width, so that the page is the same wherever it is made.
    import os

    os.environ["COLUMNS"] = "100"
    sys.stdout.write(manpage())
