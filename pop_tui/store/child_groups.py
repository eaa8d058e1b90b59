"""The process groups of the programs pop runs (git), so that a pop that ends takes them along.

Each git call runs in a process group of its own (see :mod:`pop_tui.store.sync_git`), so
that a timeout can end it with everything it started (ssh, a credential helper). A pop
that hangs up in the middle of a sync ends with ``os._exit`` (:mod:`pop_tui.cli.hangup`):
without this list its git, in a group of its own, would go on alone until its network
timeout. The hang-up sends each group still here SIGTERM (git removes its lock files on
it), without waiting on anything.

It imports only what every Python has loaded already, so that the hang-up may use it
without cost. ``pop sync``, which keeps the shell's default signals otherwise, runs its
work in :func:`ended_with_us`.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Iterator
from types import FrameType

ENDING = (signal.SIGHUP, signal.SIGTERM)
_running: set[int] = set()


def started(pid: int) -> None:
    """A program leading a process group of its own (``pid``) was started."""
    _running.add(pid)


def ended(pid: int) -> None:
    _running.discard(pid)


def running() -> frozenset[int]:
    return frozenset(_running)


def stop_all() -> None:
    """Send every group still running SIGTERM (and its leader, in case it has not made
    its group yet); never waits, never raises.

    A git that was just started may not be listed yet (the thread that started it
    lists it once it runs again, and git may meanwhile have started ssh): on Linux the
    children of this process that lead a group of their own are found in ``/proc`` too.
    """
    for pid in {*_running, *_children_leading_groups()}:
        for send in (os.killpg, os.kill):
            with contextlib.suppress(OSError):
                send(pid, signal.SIGTERM)


def _children_leading_groups() -> list[int]:
    me = os.getpid()
    try:
        entries = os.listdir("/proc")
    except OSError:
        return []
    found = []
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as file:
                stat = file.read()
            # After the command (in parentheses): state, parent, process group, ...
            _state, parent, group = stat[stat.rindex(b")") + 2 :].split()[:3]
            if int(parent) == me and int(group) == int(entry):
                found.append(int(entry))
        except (OSError, ValueError):
            continue
    return found


@contextlib.contextmanager
def ended_with_us() -> Iterator[None]:
    """While the block runs, a SIGHUP or SIGTERM first stops the groups still running,
    then ends this process as the signal would have (``pop sync`` in a shell whose line
    drops). Only in the main thread; elsewhere the block just runs."""

    def stop(signum: int, frame: FrameType | None) -> None:
        stop_all()
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)

    try:
        before = {signum: signal.signal(signum, stop) for signum in ENDING}
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)
