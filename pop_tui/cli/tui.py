"""``pop`` / ``pop tui`` and ``pop demo``: the commands that open the terminal app."""

from __future__ import annotations

import argparse
import contextlib
import gc
import shutil
import signal
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pop_tui.cli import hangup
from pop_tui.cli.context import Context
from pop_tui.cli.parser import Common, file_path
from pop_tui.core.texts import language, t
from pop_tui.store.plan_store import PlanStore, write_new_plan

if TYPE_CHECKING:
    from pop_tui.ui.app import PopApp


def _terminal_modes(fd: int) -> list[Any] | None:
    import termios

    try:
        return termios.tcgetattr(fd)
    except (termios.error, OSError):
        return None


@contextlib.contextmanager
def drafts_kept_on_hang_up(app: PopApp) -> Iterator[None]:
    """While the block runs, a hang-up keeps the open forms' typing as drafts (and a
    terminal that is still there gets its modes back) before pop ends."""
    from pop_tui.ui.drafts import keep_drafts

    # The modes the terminal had before Textual changed them (it reads and writes stdin's).
    terminal = sys.__stdin__.fileno() if sys.__stdin__ is not None else -1
    modes = _terminal_modes(terminal)

    def last_words(signum: int) -> None:
        keep_drafts(app)
        if signum != signal.SIGHUP:  # told to stop: the terminal may still be there
            hangup.reset_terminal(terminal, modes)

    with hangup.last_words(last_words):
        yield


def open_app(store: PlanStore, context: Context, notices: Sequence[str] = ()) -> int:
    # Textual is imported here and nowhere on the shell commands' path.
    from pop_tui.ui.app import PopApp

    # The plan and the modules live as long as the app: moved out of the garbage
    # collector's sight, so that its full passes do not walk them over and over
    # (on a large plan they were a sixth of the time to the first paint). The
    # records hold no reference cycles, so they are freed as usual when a reload
    # replaces them.
    gc.enable()
    gc.freeze()
    today = context.today
    app = PopApp(store, today=lambda: today, notices=notices)
    with drafts_kept_on_hang_up(app):
        app.run()
    for line in app.after_exit:  # the sync on quit that failed or was left
        print(line, file=sys.stderr)
    return 0


def run_tui(args: argparse.Namespace, context: Context) -> int:
    # First of all: from here on a hang-up ends the process at once (see cli/hangup.py).
    hangup.install()
    store = PlanStore.open(context.db)
    from pop_tui.store import file_sync

    notices = file_sync.told_lines(file_sync.merge_copies(store))
    return open_app(store, context, notices=notices)


def write_demo(path: Path, context: Context) -> PlanStore:
    """A new plan file at ``path`` holding the example plan."""
    from pop_tui.core.demo import populate_demo
    from pop_tui.core.edit import Edit
    from pop_tui.core.model import Plan

    plan = Plan()
    populate_demo(Edit(plan), context.today, language())
    return write_new_plan(path, plan)


def run_demo(args: argparse.Namespace, context: Context) -> int:
    if args.out:
        out = Path(args.out).expanduser()
        if out.exists():
            print(t("cli.error", message=t("cli.demo.exists", path=out)), file=sys.stderr)
            return 1
        write_demo(out, context)
        print(t("cli.demo.written", path=out))
        return 0
    hangup.install()
    with (
        tempfile.TemporaryDirectory(prefix="pop-demo-") as folder,
        # A hang-up ends the process without the clean-up of the with-statement.
        hangup.last_words(lambda _signum: shutil.rmtree(folder, ignore_errors=True)),
    ):
        store = write_demo(Path(folder) / "demo.json", context)
        return open_app(store, context)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: Common) -> None:
    tui = commands.add_parser("tui", help=t("cli.help.tui"), description=t("cli.help.tui"))
    common(tui)
    tui.set_defaults(run=run_tui)
    demo = commands.add_parser("demo", help=t("cli.help.demo"), description=t("cli.help.demo"))
    common(demo)
    demo.add_argument("--out", metavar="FILE", type=file_path, help=t("cli.help.demo_out"))
    demo.set_defaults(run=run_demo)
