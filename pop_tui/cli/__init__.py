"""The ``pop`` command: the front door to the TUI and the shell commands.

Only the ``tui`` and ``demo`` commands import Textual, and only when they run:
every other command must start as fast as a C tool's.
"""

from __future__ import annotations

import gc
import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

    from pop_tui.cli.context import Context


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``pop`` with ``argv`` (default: the process's arguments); returns the exit code."""
    # A shell command lives for a few milliseconds and makes no garbage worth
    # collecting; the terminal app turns collection back on (see cli/tui.py).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _main(argv)
    finally:
        _tell_warnings()
        if collecting:
            gc.enable()


def _tell_warnings() -> None:
    """Say, on standard error, what the store had to warn about (a backup that failed)."""
    store = sys.modules.get("pop_tui.store.plan_store")  # not loaded: nothing was saved
    if store is not None:
        from pop_tui.core.texts import t

        for warning in store.take_warnings():
            print(t("cli.error", message=warning), file=sys.stderr)


def _main(argv: Sequence[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        # `pop agenda` and `pop status` in their usual forms, without argparse (see cli/quick.py).
        from pop_tui.cli.quick import run as run_quick

        quick = run_quick(args_list, os.environ)
        if quick is not None:
            sys.stdout.flush()  # here, so that a closed pipe is noticed below
            return quick
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    from pop_tui.cli.context import Context, UsageError, choose_language
    from pop_tui.cli.parser import build_parser, undecodable
    from pop_tui.core.texts import set_language, t
    from pop_tui.store.plan_file import PlanFileError

    try:
        # The completion scripts hand over the words typed so far, a half-typed --lang too.
        completing = args_list[:1] == ["__complete"]
        set_language(choose_language([] if completing else args_list, os.environ))
    except UsageError as exc:
        print(t("cli.error", message=exc), file=sys.stderr)
        return 2
    parser = build_parser(args_list)
    args = parser.parse_args(args_list)
    bad = undecodable(args)
    if bad is not None:
        print(t("cli.error", message=t("cli.not_utf8", text=f'"{bad}"')), file=sys.stderr)
        return 1
    try:
        context = Context.from_args(args, os.environ)
    except UsageError as exc:
        parser.print_usage(sys.stderr)
        print(t("cli.error", message=exc), file=sys.stderr)
        return 2
    try:
        code = int((args.run or _run_tui)(args, context))
        sys.stdout.flush()  # here, so that a closed pipe is noticed below
        return code
    except BrokenPipeError:
        # The reader stopped early (``pop list steps | head``): not an error to report.
        # What is still buffered goes nowhere, so the exit does not complain either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # what a shell reports for a program ended by SIGPIPE
    except UsageError as exc:
        parser.print_usage(sys.stderr)
        print(t("cli.error", message=exc), file=sys.stderr)
        return 2
    except PlanFileError as exc:
        from pop_tui.cli.damaged import explain

        print(explain(exc, context), file=sys.stderr)
        return 1
    except OSError as exc:
        from pop_tui.core.failures import describe_os_error

        print(t("cli.error", message=describe_os_error(exc)), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _run_tui(args: argparse.Namespace, context: Context) -> int:
    from pop_tui.cli.tui import run_tui

    return run_tui(args, context)
