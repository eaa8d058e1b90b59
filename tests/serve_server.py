"""A real ``pop serve`` in a child process, for the serve tests (any free port)."""

from __future__ import annotations

import contextlib
import os
import re
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import TODAY

URL = re.compile(r"(http://\S+?)(\?token=(\S+))?$")


@dataclass
class Served:
    """A running ``pop serve``: its process, address and what it printed."""

    process: subprocess.Popen[str]
    url: str
    port: int
    token: str | None
    printed: list[str] = field(default_factory=list)
    seen: set[int] = field(default_factory=set)

    def apps(self) -> set[int]:
        """Every process below the server (the apps of its tabs)."""
        found = descendants(self.process.pid)
        self.seen |= found
        return found

    def stop(self, signum: int = signal.SIGTERM, timeout: float = 20, group: bool = False) -> str:
        """Send ``signum`` (to the server's whole process group, as a terminal's Ctrl+C
        does, when ``group``) and wait for the end; what it printed after the address."""
        if group:
            os.killpg(self.process.pid, signum)
        else:
            self.process.send_signal(signum)
        out, _ = self.process.communicate(timeout=timeout)
        return out


def descendants(pid: int) -> set[int]:
    """The processes below ``pid`` (children, their children, …), read from /proc."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        # The name (field 2) is in brackets and may hold spaces; the parent follows the state.
        parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    found: set[int] = set()
    todo = [pid]
    while todo:
        parent = todo.pop()
        children = {p for p, pp in parents.items() if pp == parent} - found
        found |= children
        todo.extend(children)
    return found


def alive(pid: int) -> bool:
    """True while ``pid`` is a process that has not ended (a zombie has ended)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def wait_until(condition: object, timeout: float, what: str, step: float = 0.05) -> None:
    """Poll ``condition()`` until it is true; fail with ``what`` after ``timeout`` seconds."""
    assert callable(condition)
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(step)


@contextmanager
def serving(
    plan: Path, *args: str, env: dict[str, str] | None = None, umask: int | None = None
) -> Iterator[Served]:
    """``pop serve --db plan --port 0 *args`` until the block ends (then SIGKILL if need be)."""
    environment = {**os.environ, "POP_TODAY": TODAY.isoformat(), **(env or {})}

    def before() -> None:
        if umask is not None:
            os.umask(umask)

    process = subprocess.Popen(
        [sys.executable, "-m", "pop_tui", "serve", "--db", str(plan), "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
        env=environment,
        preexec_fn=before,
        start_new_session=True,  # a process group of its own, as in a terminal
    )
    assert process.stdout is not None
    # Read the bytes as they come (a buffered reader would hide lines from select).
    fd = process.stdout.fileno()
    printed: list[str] = []
    pending = b""
    found: re.Match[str] | None = None
    deadline = time.monotonic() + 60
    while found is None:
        if time.monotonic() > deadline or process.poll() is not None:
            process.kill()
            raise AssertionError("pop serve did not start:\n" + "".join(printed))
        if select.select([fd], [], [], 0.2)[0]:
            pending += os.read(fd, 4096)
            *lines, pending = pending.split(b"\n")
            for raw in lines:
                line = raw.decode() + "\n"
                printed.append(line)
                if found is None and line.startswith("    "):
                    found = URL.search(line.strip())
    url = found.group(1)
    port = int(url.rsplit(":", 1)[1].strip("/"))
    served = Served(process, url, port, found.group(3), printed)
    try:
        yield served
    finally:
        # Whatever a failing test left running is ended: the server, and every app
        # it was seen to start (also one the server failed to end).
        if process.poll() is None:
            served.apps()
            process.kill()
            process.communicate(timeout=10)
        for pid in served.seen:
            if alive(pid):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
