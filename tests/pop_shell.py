"""Running ``pop`` shell commands in tests: in this process, or as a real subprocess."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from pop_tui.cli import main
from tests.conftest import TODAY


def copy_plan(source: Path, target: Path) -> None:
    """Copy a plan file and this device's undo history of it (which lies beside it, in local/)."""
    from pop_tui.store import local

    shutil.copy(source, target)
    history = local.history_path(source)
    if history.exists():
        local.history_path(target).parent.mkdir(mode=0o700, exist_ok=True)
        shutil.copy(history, local.history_path(target))


@dataclass(frozen=True)
class Ran:
    code: int
    out: str
    err: str


def pop(capsys: pytest.CaptureFixture[str], *args: str | Path) -> Ran:
    """Run ``pop ARGS`` in this process with POP_TODAY set; usage errors give code 2."""
    previous = os.environ.get("POP_TODAY")
    os.environ["POP_TODAY"] = TODAY.isoformat()
    capsys.readouterr()
    try:
        code = main([str(a) for a in args])
    except SystemExit as exc:  # argparse refuses a command line by exiting
        code = exc.code if isinstance(exc.code, int) else 1
    finally:
        if previous is None:
            del os.environ["POP_TODAY"]
        else:
            os.environ["POP_TODAY"] = previous
    captured = capsys.readouterr()
    return Ran(code, captured.out, captured.err)


def pop_process(*args: str | Path, env: dict[str, str] | None = None) -> Ran:
    """Run ``python -m pop_tui ARGS`` as a separate process, with POP_TODAY set."""
    full_env = {**os.environ, "POP_TODAY": TODAY.isoformat(), **(env or {})}
    done = subprocess.run(
        [sys.executable, "-m", "pop_tui", *map(str, args)],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=60,
    )
    return Ran(done.returncode, done.stdout, done.stderr)
