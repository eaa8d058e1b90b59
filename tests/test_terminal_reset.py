"""Told to stop, pop gives the terminal its modes back last: nothing written to pop's own
output after the reset reaches the terminal (Textual's output thread may still be
sending a frame)."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

from pop_tui.cli.hangup import RESET_TERMINAL
from tests.pty_pop import ROOT

# A frame, the reset, then another frame written the way Textual writes: to file 1.
LATE_FRAME = """
import os, sys
from pop_tui.cli.hangup import reset_terminal
os.write(1, b"first frame")
reset_terminal(0, None)
os.write(1, b"late frame")
sys.stdout.write("late text"); sys.stdout.flush()
"""


def test_a_frame_written_after_the_reset_does_not_reach_the_terminal() -> None:
    master, slave = pty.openpty()
    child = subprocess.Popen(
        [sys.executable, "-c", LATE_FRAME],
        stdin=slave,
        stdout=slave,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    os.close(slave)
    _, err = child.communicate(timeout=30)
    assert child.returncode == 0, err
    seen = b""
    while True:
        try:
            chunk = os.read(master, 1 << 16)
        except OSError:  # EIO: the child's side is closed, all is read
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    assert seen.startswith(b"first frame"), seen
    assert seen.endswith(RESET_TERMINAL), seen[-200:]
    assert b"late" not in seen
