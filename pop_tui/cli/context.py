"""What every command needs: the plan file, the language and what day it is."""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

# Re-exported: the command modules take them from here.
from pop_tui.cli.basics import UsageError as UsageError
from pop_tui.cli.basics import choose_language as choose_language
from pop_tui.cli.basics import command_line
from pop_tui.cli.basics import today_from as today_from
from pop_tui.core.value import Value
from pop_tui.paths import default_plan_file

if TYPE_CHECKING:
    from pathlib import Path


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
        return command_line(self.db_file, self.db_given, *words)
