"""pop in a real pseudo-terminal, for the hang-up tests and the sweep in bench/hangup_sweep.py.

The pty is pop's controlling terminal and pop leads its own session, as a
program started by sshd or by a terminal window is: closing the pty's master
side then hangs the terminal up, and the kernel sends pop SIGHUP (and SIGCONT),
exactly as when an SSH line drops or a terminal window is closed.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# A short stub run before pop: it takes the pty as its controlling terminal, says so
# (the launch moment is measured from there), and becomes pop (same process).
BOOT = (
    "import os, sys, fcntl, termios\n"
    "fcntl.ioctl(0, termios.TIOCSCTTY, 0)\n"
    "os.write(1, b'\\x1b[0m')\n"
    "os.execv(sys.argv[1], sys.argv[1:])\n"
)
LAUNCHED = b"\x1b[0m"


@dataclass(frozen=True)
class Ended:
    """How a pop run ended after it was hung up on (or told to stop)."""

    code: int | None  # its exit status; -N: killed by signal N; None: still running
    took: float  # seconds from the hang-up to its end (the wait, when still running)
    left: tuple[int, ...]  # processes of its session still there after the wait


class PopInPty:
    """One ``pop`` process in a pty of its own, at a given window size."""

    def __init__(
        self,
        args: Sequence[str | Path],
        *,
        size: tuple[int, int] = (80, 24),
        env: dict[str, str] | None = None,
        pythonpath: str | None = None,
    ) -> None:
        master, slave = os.openpty()
        cols, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        full_env = {**os.environ, "TERM": "xterm-256color", **(env or {})}
        if pythonpath is not None:
            full_env["PYTHONPATH"] = pythonpath
        self.master = master
        self.output = bytearray()
        self.launched: float | None = None
        self.process = subprocess.Popen(
            [sys.executable, "-c", BOOT, sys.executable, "-m", "pop_tui", *map(str, args)],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            start_new_session=True,
            env=full_env,
            cwd=ROOT if pythonpath is None else pythonpath,
        )
        os.close(slave)
        self.wait_for(lambda out: LAUNCHED in out, timeout=30)
        self.launched = time.monotonic()

    @property
    def pid(self) -> int:
        return self.process.pid

    def pump(self, timeout: float) -> bool:
        """Read what pop wrote within ``timeout`` seconds; False once the pty is closed."""
        if self.master < 0:
            return False
        ready, _, _ = select.select([self.master], [], [], timeout)
        if ready:
            try:
                data = os.read(self.master, 1 << 16)
            except OSError:  # EIO: every slave side is closed (pop ended)
                return False
            if not data:
                return False
            self.output += data
        return True

    def wait_for(self, seen: Callable[[bytes], bool], timeout: float = 30) -> bool:
        """Read until ``seen(output)`` holds; False when pop ended or time ran out first."""
        deadline = time.monotonic() + timeout
        while not seen(bytes(self.output)):
            if time.monotonic() > deadline or not self.pump(0.02):
                return seen(bytes(self.output))
        return True

    def wait_for_text(self, *texts: str, timeout: float = 30) -> bool:
        """Read until each of ``texts`` was painted since this call."""
        start = len(self.output)
        wanted = [text.encode() for text in texts]
        return self.wait_for(lambda out: all(w in out[start:] for w in wanted), timeout)

    def keep_reading(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and self.pump(0.02):
            pass

    def since_launch(self) -> float:
        assert self.launched is not None
        return time.monotonic() - self.launched

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def close_terminal(self) -> None:
        """Close the terminal (the master side): pop's line drops."""
        if self.master >= 0:
            os.close(self.master)
            self.master = -1

    def signal(self, signum: int) -> None:
        os.kill(self.pid, signum)

    def wait_end(self, timeout: float = 3.0, *, read: bool = True) -> Ended:
        """Wait for pop to end (reading what it writes, unless ``read`` is False); a pop
        still there after ``timeout`` seconds is killed, and reported as still running."""
        start = time.monotonic()
        deadline = start + timeout
        ended = False
        while time.monotonic() < deadline:
            ended = self._ended()
            if ended:
                break
            if not (read and self.pump(0.01)):
                time.sleep(0.01)
        took = time.monotonic() - start
        # Looked at while pop's pid is still its own (ended, not yet reaped): once
        # reaped, a pop started meanwhile may get the same pid, and lead a session of
        # that number (seen on a busy machine, where pids come round again).
        left = session_members(self.pid)
        if not ended:
            self.kill()
            return Ended(None, took, left)
        return Ended(self.process.wait(), took, left)

    def _ended(self) -> bool:
        """Whether pop ended, leaving it unreaped (its pid stays taken)."""
        if self.process.returncode is not None:
            return True
        try:
            return os.waitid(os.P_PID, self.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None
        except ChildProcessError:  # reaped already
            return True

    def kill(self) -> None:
        # Only while pop's pid is still its own (running, or ended and not reaped).
        if self.process.returncode is None:
            for pid in (self.pid, *session_members(self.pid)):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            self.process.wait()
        self.close_terminal()


def session_members(sid: int) -> tuple[int, ...]:
    """The live processes of session ``sid`` (pop and anything it started)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        # The fields after the command (in parentheses): state ppid pgrp session ...
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[3]) == sid and fields[0] != "Z":
            found.append(int(entry))
    return tuple(found)
