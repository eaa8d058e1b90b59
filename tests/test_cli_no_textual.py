"""The shell commands never load Textual: they must start fast over SSH and in a login script."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pop_tui.core.model import Trend
from pop_tui.store.plan_store import PlanStore
from tests.conftest import TODAY
from tests.pop_shell import copy_plan

CHECK = (
    "import sys; from pop_tui.cli import main; code = main(sys.argv[1:]); "
    "print(); print(code); "
    "print(sorted(m for m in sys.modules if m.startswith('textual')))"
)

COMMANDS = [
    ["agenda"],
    ["agenda", "--brief"],
    ["agenda", "--json", "--days", "14"],
    ["checkin", "-m", "fine", "--mood", "4", "--done", "5"],
    ["done", "2"],
    ["undo"],
    ["redo"],
    ["add", "goal", "Learn Go", "--deadline", "eoy"],
    ["add", "step", "1", "Call the trainer", "--due", "fri"],
    ["add", "review", "1", "--on", "+2w", "--every", "monthly"],
    ["list", "goals"],
    ["list", "steps", "--all"],
    ["list", "reviews"],
    ["review"],
    ["review", "--json"],
    ["review", "hold", "2", "--progress", "60", "--went-well", "ok"],
    ["feedback", "--all", "--json"],
    ["feedback", "ask", "Kim", "-q", "How", "did", "it", "go", "--by", "+2w"],
    ["feedback", "answer", "1", "Fine"],
    ["edit", "goal", "4", "--target", "90"],
    ["edit", "action", "1", "--result", "Better talks"],
    ["edit", "step", "13", "--due", "fri"],
    ["edit", "review", "3", "--every", "monthly"],
    ["status"],
    ["status", "--json"],
    ["list", "goals", "--json"],
    ["conflicts"],
    ["conflicts", "--json"],
    ["completion", "bash"],
    ["sync", "--status"],
    ["sync", "--status", "--json"],
    ["__complete", "bash", "2", "pop", "done", ""],
]


@pytest.mark.parametrize("words", COMMANDS, ids=[" ".join(w) for w in COMMANDS])
def test_shell_command_imports_no_textual_module(
    demo_store: PlanStore, tmp_path: Path, words: list[str]
) -> None:
    # One change first, so that `pop undo` has something to undo.
    demo_store.apply("Add a trend", lambda edit: edit.add(Trend, text="Remote work"))
    path = tmp_path / "copy.json"
    copy_plan(demo_store.path, path)
    if words == ["redo"]:
        PlanStore.open(path).undo()
    done = subprocess.run(
        [sys.executable, "-c", CHECK, *words, "--db", str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "POP_TODAY": TODAY.isoformat()},
        timeout=60,
        check=True,
    )
    *_, code, modules = done.stdout.splitlines()
    assert code == "0", done.stderr
    assert json.loads(modules.replace("'", '"')) == []


def test_the_check_would_see_textual_if_it_were_loaded(tmp_path: Path) -> None:
    # Guards the test above: `pop tui` does load Textual, and the check must notice.
    code = CHECK.replace("code = main(sys.argv[1:])", "import pop_tui.ui.app; code = 0")
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert "'textual'" in done.stdout.splitlines()[-1]


READ_ONLY = [["agenda"], ["agenda", "--json"], ["list", "goals"], ["list", "steps", "--all"]]


# What a command that only reads does without: TinyDB is for writing, pathlib and
# platformdirs (with tempfile and shutil) cost a few milliseconds each to import.
HEAVY = "('tinydb', 'pathlib', 'platformdirs', 'tempfile', 'shutil')"


@pytest.mark.parametrize("where", ["--db", "POP_DB", "default"])
@pytest.mark.parametrize("words", READ_ONLY, ids=[" ".join(w) for w in READ_ONLY])
def test_a_command_that_only_reads_loads_no_heavy_module(
    demo_store: PlanStore, words: list[str], where: str
) -> None:
    check = CHECK.replace("m.startswith('textual')", f"m.split('.')[0] in {HEAVY}")
    env = {**os.environ, "POP_TODAY": TODAY.isoformat()}
    if where == "--db":
        words = [*words, "--db", str(demo_store.path)]
    elif where == "POP_DB":
        env["POP_DB"] = str(demo_store.path)
    else:  # plan.json in the data folder (conftest points XDG_DATA_HOME at a scratch folder)
        folder = Path(env["XDG_DATA_HOME"]) / "pop-tui"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(demo_store.path, folder / "plan.json")
    done = subprocess.run(
        [sys.executable, "-c", check, *words],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    *_, code, modules = done.stdout.splitlines()
    assert code == "0", done.stderr
    # The plan was found and read: its goals are named.
    assert any(goal.title in done.stdout for goal in demo_store.plan.goals.values())
    assert json.loads(modules.replace("'", '"')) == []
