"""The programs pop runs in groups of their own (git) are stopped with pop."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from pop_tui.store import child_groups


def _ended(process: subprocess.Popen[bytes], seconds: float = 5) -> int | None:
    try:
        return process.wait(seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        return None


def test_a_listed_group_is_stopped_with_what_it_started(tmp_path: Path) -> None:
    """git's ssh is in git's group: it is stopped too."""
    pid_file = tmp_path / "child.pid"
    leader = subprocess.Popen(
        ["sh", "-c", f"sleep 300 & echo $! > {pid_file}; wait"], start_new_session=True
    )
    child_groups.started(leader.pid)
    try:
        deadline = time.monotonic() + 10
        while not pid_file.exists() or not pid_file.read_text().strip():
            assert time.monotonic() < deadline
            time.sleep(0.01)
        child = int(pid_file.read_text())
        child_groups.stop_all()
        assert _ended(leader) == -15
        deadline = time.monotonic() + 5
        while Path(f"/proc/{child}").exists() and "Z" not in _state(child):
            assert time.monotonic() < deadline, "the group's other process runs on"
            time.sleep(0.01)
    finally:
        child_groups.ended(leader.pid)


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
def test_a_group_started_but_not_listed_yet_is_stopped_too() -> None:
    """The thread that started git may not have listed it yet when pop ends."""
    process = subprocess.Popen(["sleep", "300"], start_new_session=True)
    assert process.pid not in child_groups.running()
    child_groups.stop_all()
    assert _ended(process) == -15


def test_a_child_in_this_process_group_is_left_alone() -> None:
    """Only groups of their own: pop's own group (and so pop) is never signalled."""
    process = subprocess.Popen(["sleep", "300"])
    try:
        child_groups.stop_all()
        assert _ended(process, 0.3) is None
    finally:
        process.kill()
        process.wait()


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except FileNotFoundError:
        return "gone"
