"""How a shell command fails: one clear message on standard error, exit code 1.

Every check (references, dates, rules of the plan) runs before anything is
saved, and a mutation that fails inside the store is rolled back, so a failed
command has changed nothing.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable

from pop_tui.cli.context import Context
from pop_tui.core.dates import DateError
from pop_tui.core.ops import OpError
from pop_tui.core.refs import RefError
from pop_tui.core.texts import t

Run = Callable[[argparse.Namespace, Context], int]


class CommandFailed(Exception):
    """The command cannot do what was asked; the message says why."""


def reports_failure(run: Run) -> Run:
    """Turn the expected refusals of ``run`` into a message on stderr and exit code 1."""

    @functools.wraps(run)
    def guarded(args: argparse.Namespace, context: Context) -> int:
        try:
            return run(args, context)
        except DateError as exc:
            message = exc.message
        except (CommandFailed, OpError, RefError) as exc:
            message = str(exc)
        print(t("cli.error", message=message), file=sys.stderr)
        return 1

    return guarded
