"""A process that saves plans, for tests/test_durability.py (killed, crashed, run in pairs).

Run as ``python tests/durability_worker.py MODE PATH ...``:

``loop PATH PREFIX``
    Open the store, print ``ready <pid>``, then add goals ``PREFIX-0``,
    ``PREFIX-1`` ... for ever, printing ``<revision> <title>`` (flushed) after
    each ``apply`` returns. The parent kills it with SIGKILL.
``count PATH PREFIX N``
    Add N goals the same way, then exit 0.
``trace PATH``
    Add one goal (``new``) and print, as JSON, every file-system call that
    :mod:`pop_tui.store.files` made during that save.
``crash PATH K before|after``
    Add one goal (``new``) but end the process with ``os._exit(9)`` just before
    (or just after) the K-th of those file-system calls.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from datetime import datetime
from typing import Any

from pop_tui.core.edit import Edit
from pop_tui.core.model import Goal
from pop_tui.store import files
from pop_tui.store.plan_store import PlanStore

# The calls of pop_tui.store.files that change or flush the file system.
STEPS = frozenset({"open", "write", "fsync", "close", "replace", "rename", "link", "unlink"})
CRASH_CODE = 9
BACKUPS = 2


def now() -> datetime:
    return datetime(2026, 11, 29, 9, 0)


class Tripwire:
    """Stands in for ``os`` inside pop_tui.store.files: logs each step, can die at one."""

    def __init__(self, crash_at: int | None = None, when: str = "before") -> None:
        self.crash_at = crash_at
        self.when = when
        self.log: list[str] = []

    def __getattr__(self, name: str) -> Any:
        real = getattr(os, name)
        if name not in STEPS:
            return real
        return self._wrap(name, real)

    def _wrap(self, name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def step(*args: Any, **kwargs: Any) -> Any:
            index = len(self.log)
            self.log.append(f"{sys._getframe(1).f_code.co_name}:{name}")
            if index == self.crash_at and self.when == "before":
                os._exit(CRASH_CODE)
            try:
                return real(*args, **kwargs)
            finally:  # even when the call failed (unlink of a missing file)
                if index == self.crash_at and self.when == "after":
                    os._exit(CRASH_CODE)

        return step


def adder(title: str) -> Callable[[Edit], Goal]:
    return lambda e: e.add(Goal, title=title)


def add_goals(path: str, prefix: str, count: int | None) -> None:
    store = PlanStore.open(path, now=now)
    print(f"ready {os.getpid()}", flush=True)
    i = 0
    while count is None or i < count:
        title = f"{prefix}-{i}"
        store.apply(f"add {title}", adder(title))
        print(f"{store.revision} {title}", flush=True)
        i += 1


def one_save(path: str, tripwire: Tripwire) -> None:
    store = PlanStore.open(path, now=now, backups=BACKUPS)
    setattr(files, "os", tripwire)  # noqa: B010 - files.os is not exported
    try:
        store.apply("add new", lambda e: e.add(Goal, title="new"))
    finally:
        setattr(files, "os", os)  # noqa: B010
    print(json.dumps(tripwire.log), flush=True)


def main(argv: list[str]) -> None:
    mode, path, *rest = argv
    if mode == "loop":
        add_goals(path, rest[0], None)
    elif mode == "count":
        add_goals(path, rest[0], int(rest[1]))
    elif mode == "trace":
        one_save(path, Tripwire())
    elif mode == "crash":
        one_save(path, Tripwire(int(rest[0]), rest[1]))
    else:
        raise SystemExit(f"unknown mode {mode!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
