"""What every command needs: the plan file, the language and what day it is."""

from __future__ import annotations

import argparse
import os
import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from pop_tui.core.texts import LANGUAGES, t
from pop_tui.core.value import Value
from pop_tui.paths import default_plan_file

if TYPE_CHECKING:
    from pathlib import Path


class UsageError(Exception):
    """The command line asks for something impossible (exit code 2)."""


def choose_language(argv: Sequence[str], env: Mapping[str, str]) -> str:
    """``--lang`` anywhere on the line, then ``$POP_LANG``, then the locale; else English.

    Read before the parser is built, because the parser's help is translated.
    """
    chosen: str | None = None
    for n, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and n + 1 < len(argv):
            chosen = argv[n + 1]
        elif arg.startswith("--lang="):
            chosen = arg.split("=", 1)[1]
    if chosen is not None:
        if chosen not in LANGUAGES:
            raise UsageError(t("cli.lang.unknown", "en", lang=chosen))
        return chosen
    pop_lang = env.get("POP_LANG", "")
    if pop_lang in LANGUAGES:
        return pop_lang
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            return "nl" if value.lower().startswith("nl") else "en"
    return "en"


class Context(Value):
    """The settings of one run of ``pop``.

    The plan file is kept as text: pathlib costs ``pop agenda`` (which reads the
    file with ``os`` alone) 3 ms of its start. :attr:`db` gives it as a path.
    """

    db_file: str
    db_given: bool
    today: date

    @classmethod
    def from_args(cls, args: argparse.Namespace, env: Mapping[str, str]) -> Context:
        given = getattr(args, "db", None)
        db_file = os.path.expanduser(given) if given else default_plan_file()
        return cls(
            db_file=db_file, db_given=bool(given or env.get("POP_DB")), today=today_from(env)
        )

    @property
    def db(self) -> Path:
        """The plan file."""
        from pathlib import Path

        return Path(self.db_file)

    def command(self, *words: str) -> str:
        """A ``pop`` command line that a user can copy, naming the file if it is not the default."""
        parts = ["pop", *words]
        if self.db_given:
            parts += ["--db", _quote(self.db_file)]
        return " ".join(parts)


def today_from(env: Mapping[str, str]) -> date:
    """The day pop works with: ``$POP_TODAY`` (for screenshots and tests), else the clock."""
    value = env.get("POP_TODAY")
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(t("cli.today.bad", value=value)) from None


_SHELL_SAFE = r"[\w@%+=:,./-]+"  # compiled when first used


def _quote(text: str) -> str:
    if re.fullmatch(_SHELL_SAFE, text, re.ASCII):
        return text
    import shlex  # only for paths that need quoting

    return shlex.quote(text)
