"""Ending at once when the terminal goes away (SIGHUP) or pop is told to stop (SIGTERM).

A dropped SSH line or a closed terminal window sends SIGHUP; ``kill`` and a
logout's clean-up send SIGTERM. Either way the terminal may be gone, so the
graceful exit of a terminal app (which tells the terminal to leave the
alternate screen, and waits for its output thread to do so) can wait forever.
pop does not take that road: on the first such signal it says its last words
(the TUI keeps the open forms' typing as drafts, see :mod:`pop_tui.ui.drafts`),
and ends with ``os._exit`` and the shell's code for the signal: 129 for SIGHUP,
143 for SIGTERM. Nothing after the signal writes to a terminal that hung up,
and nothing waits on another thread.

Whatever the last words do (a stuck file system, a lock the interrupted code
held), a watchdog thread ends the process :data:`DEADLINE` seconds after the
signal. It learns of the signal from the interpreter's wakeup file descriptor,
written by the C-level handler in whichever thread the signal landed, so it
counts down even when the main thread never gets to run the Python handler. A
second SIGTERM ends at once; a second SIGHUP does not (a shell passes its own
SIGHUP on to its jobs, so one dropped line often brings two), the deadline holds.

Everything saved was on disk already: a save is atomic, a temp file of a
process that is gone is removed by the next save, and the kernel releases the
file lock of a process that ended. That is why the shell commands, which live
for milliseconds and hold no typing, keep the default action of both signals
(the kernel ends them at once, without a traceback); only the long-lived
processes (the TUI) call :func:`install`.

SIGINT is left to the app: the TUI reads ctrl+c as a key (Textual's
convention: it copies, and ``q`` quits), and a SIGINT sent from outside raises
KeyboardInterrupt as in any Python program.
"""

from __future__ import annotations

import contextlib
import errno
import os
import select
import signal
import threading
import time
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any, NoReturn

from pop_tui.store import child_groups

SIGNALS = (signal.SIGHUP, signal.SIGTERM)
# Seconds from the signal to the end of the process, whatever the last words do.
DEADLINE = 1.5

LastWords = Callable[[int], object]


def exit_code(signum: int) -> int:
    """What a shell reports for a program ended by ``signum``."""
    return 128 + signum


def _end(signum: int) -> NoReturn:
    # No clean-up on the way out: atexit handlers, thread joins and buffered output
    # would all wait on what may be gone (the terminal, Textual's output thread).
    # Only a git that a sync left running is told to stop (it is in a process group of
    # its own, so no hang-up reaches it).
    with contextlib.suppress(Exception):
        child_groups.stop_all()
    os._exit(exit_code(signum))


class _Guard:
    def __init__(self) -> None:
        self.installed = False
        self.ending: int | None = None
        self.last_words: list[LastWords] = []
        self._wake_fd = -1

    def install(self) -> bool:
        if self.installed:
            return True
        if threading.current_thread() is not threading.main_thread():
            return False  # signal handlers can only be set in the main thread
        read_fd, write_fd = os.pipe()
        os.set_blocking(write_fd, False)
        os.set_blocking(read_fd, False)
        for signum in SIGNALS:
            # Told to ignore it (nohup): so be it.
            if signal.getsignal(signum) is not signal.SIG_IGN:
                signal.signal(signum, self._handle)
        signal.set_wakeup_fd(write_fd, warn_on_full_buffer=False)
        self._wake_fd = write_fd
        threading.Thread(
            target=self._watch, args=(read_fd,), name="pop-hangup", daemon=True
        ).start()
        self.installed = True
        return True

    # --- the main thread ----------------------------------------------------------

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.ending is not None:
            if signum == signal.SIGTERM:
                _end(signum)
            return  # a repeated hang-up: the watchdog's deadline holds
        self.hang_up(signum, signalled=True)

    def hang_up(self, signum: int, *, signalled: bool) -> NoReturn:
        """Say the last words and end, as on ``signum``."""
        self.ending = signum
        self._tell_watchdog(signum, signalled)
        for words in reversed(self.last_words):
            with contextlib.suppress(Exception):
                words(signum)
        _end(signum)

    def _tell_watchdog(self, signum: int, signalled: bool) -> None:
        # The C-level handler wrote the signal to the wakeup fd already, unless some
        # other code took the wakeup fd over (asyncio's add_signal_handler does), or
        # the end comes from elsewhere (a terminal found gone): then say it here.
        previous = signal.set_wakeup_fd(self._wake_fd, warn_on_full_buffer=False)
        if previous != self._wake_fd or not signalled:
            with contextlib.suppress(OSError):
                os.write(self._wake_fd, bytes([signum]))

    # --- the watchdog thread ------------------------------------------------------

    def _watch(self, fd: int) -> None:
        first: int | None = None
        deadline = 0.0
        terms = 0
        while True:
            timeout = None if first is None else max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([fd], [], [], timeout)
            if not ready:
                assert first is not None
                _end(first)
            try:
                data = os.read(fd, 256)
            except BlockingIOError:
                continue
            for signum in data:
                if signum not in SIGNALS:
                    continue  # every signal with a Python handler is written here
                if signum == signal.SIGTERM:
                    terms += 1
                    if terms > 1:
                        _end(signum)
                if first is None:
                    first, deadline = signum, time.monotonic() + DEADLINE


_guard = _Guard()


def install() -> bool:
    """End this process on SIGHUP/SIGTERM as described above; False where it cannot be
    done (not the main thread), and then the signals' default actions apply."""
    return _guard.install()


@contextlib.contextmanager
def last_words(words: LastWords) -> Iterator[None]:
    """Call ``words(signum)`` before ending on a hang-up, while the block runs.

    It runs in the main thread, in the signal handler, so it may interrupt any
    code: it must not write to the terminal after a SIGHUP, nor wait on a lock
    or a thread, and it must import nothing. The newest words are said first.
    """
    _guard.last_words.append(words)
    try:
        yield
    finally:
        _guard.last_words.remove(words)


def hang_up(signum: int = signal.SIGHUP) -> None:
    """End now as on ``signum`` (its last words first), when :func:`install` was called:
    for a terminal found gone without a signal (the input thread read an error)."""
    if _guard.installed and _guard.ending is None:
        _guard.hang_up(signum, signalled=False)


def terminal_gone(fd: int) -> bool:
    """Whether the terminal on ``fd`` hung up (its line dropped, its window closed)."""
    import termios

    try:
        termios.tcgetattr(fd)
    except termios.error as exc:
        return bool(exc.args) and exc.args[0] == errno.EIO
    except (OSError, ValueError):
        return False
    return False


# The terminal's modes that Textual turns on, turned off again (see
# textual.drivers.linux_driver.LinuxDriver.stop_application_mode). CAN ends an escape
# sequence cut off by the signal; then the end of a synchronized update.
RESET_TERMINAL = (
    "\x18\x1b[?2026l\x1b[?2004l\x1b[?7h\x1b[?2048l"
    "\x1b[?1000l\x1b[?1003l\x1b[?1015l\x1b[?1006l\x1b[?1016l"
    "\x1b[<u\x1b[?1049l\x1b[?25h\x1b[?1004l"
).encode("ascii")


# How often a busy terminal is tried, 10 ms apart, before the reset is given up: a
# terminal over a slow line (or on a busy machine) may take a while to take in the
# last frame; well within the watchdog's DEADLINE.
RESET_TRIES = 60


def reset_terminal(fd: int, modes: list[Any] | None) -> None:
    """Give a terminal that is still there its modes back, without ever waiting long.

    Textual's output thread may still be writing a frame: first the process's own
    output (file 1) is pointed at ``/dev/null``, so that no frame can come after
    the reset. The reset is written through a file of its own opened non-blocking
    (the terminal's other files, shared with the shell, keep their flags): a
    terminal busy with that last frame is tried again for at most
    :data:`RESET_TRIES` × 10 ms, and a terminal that does not read (flow control,
    a full buffer) or hung up costs nothing: it is left as it is.
    """
    import termios

    with contextlib.suppress(OSError):
        if os.isatty(1):
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, 1)
            os.close(null)
    with contextlib.suppress(OSError, termios.error):
        if modes is not None:
            termios.tcsetattr(fd, termios.TCSANOW, modes)
        out = os.open(os.ttyname(fd), os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY)
        try:
            written = 0
            for _ in range(RESET_TRIES):
                with contextlib.suppress(BlockingIOError):  # busy with the last frame
                    written += os.write(out, RESET_TERMINAL[written:])
                if written == len(RESET_TERMINAL):
                    break
                time.sleep(0.01)
        finally:
            os.close(out)
