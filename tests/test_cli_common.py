"""What every daily shell command shares: where the plan is, exit codes, the error stream."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pop_tui.cli import main
from pop_tui.core.model import Step, Trend
from pop_tui.store.plan_store import PlanStore
from tests.conftest import TODAY
from tests.pop_shell import copy_plan, pop, pop_process

# Each command with arguments that succeed on the demo plan; "write" ones change it.
COMMANDS: list[tuple[list[str], bool]] = [
    (["agenda"], False),
    (["agenda", "--brief"], False),
    (["agenda", "--json"], False),
    (["list", "goals"], False),
    (["list", "steps", "--all"], False),
    (["list", "reviews"], False),
    (["checkin", "-m", "ok", "--mood", "3", "--done", "5"], True),
    (["done", "5"], True),
    (["undo"], True),
    (["add", "goal", "New goal"], True),
    (["add", "step", "1", "New step", "--due", "tomorrow"], True),
    (["add", "review", "--on", "friday"], True),
]
IDS = [" ".join(words) for words, _ in COMMANDS]


@pytest.fixture
def demo_copies(demo_store: PlanStore, tmp_path: Path) -> tuple[Path, Path]:
    """Two copies of the demo plan: the one a command should use, and a decoy."""
    # One change first, so that `pop undo` has something to undo.
    demo_store.apply("Add a trend", lambda edit: edit.add(Trend, text="Remote work"))
    used, decoy = tmp_path / "used" / "plan.json", tmp_path / "decoy" / "plan.json"
    for path in (used, decoy):
        path.parent.mkdir()
        copy_plan(demo_store.path, path)
    return used, decoy


def revision(path: Path) -> int:
    return PlanStore.open(path).revision


@pytest.mark.parametrize("where", ["before", "after", "env", "both"])
@pytest.mark.parametrize(("words", "writes"), COMMANDS, ids=IDS)
def test_db_before_or_after_the_command_or_pop_db(
    demo_copies: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    words: list[str],
    writes: bool,
    where: str,
) -> None:
    used, decoy = demo_copies
    first, *rest = words
    if where == "before":
        args = ["--db", str(used), *words]
    elif where == "after":
        # After the command's name, and before any of its own arguments.
        args = [first, "--db", str(used), *rest]
    elif where == "env":
        monkeypatch.setenv("POP_DB", str(used))
        args = words
    else:  # --db wins over POP_DB
        monkeypatch.setenv("POP_DB", str(decoy))
        args = [*words, "--db", str(used)]
    before_used, before_decoy = revision(used), decoy.read_bytes()
    ran = pop(capsys, *args)
    assert ran.code == 0, ran.err
    assert ran.err == ""
    assert revision(used) == before_used + (1 if writes else 0)
    assert decoy.read_bytes() == before_decoy


@pytest.mark.parametrize(
    ("words", "writes"),
    [c for c in COMMANDS if c[1]],
    ids=[i for i, c in zip(IDS, COMMANDS, strict=True) if c[1]],
)
def test_a_write_command_prints_one_short_line(
    demo_copies: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
    words: list[str],
    writes: bool,
) -> None:
    ran = pop(capsys, *words, "--db", demo_copies[0])
    assert ran.code == 0
    assert len(ran.out.splitlines()) == 1
    assert len(ran.out) < 120


def test_exit_codes_as_a_script_sees_them(demo_store: PlanStore, tmp_path: Path) -> None:
    path = str(demo_store.path)
    assert pop_process("agenda", "--brief", "--db", path).code == 0
    unknown = pop_process("done", "no such step", "--db", path)
    assert (unknown.code, unknown.out) == (1, "")
    assert unknown.err.startswith("pop: ")
    bad_date = pop_process("add", "goal", "X", "--deadline", "32 dec", "--db", path)
    assert bad_date.code == 1
    assert "Traceback" not in bad_date.err
    assert pop_process("done", "--db", path).code == 2
    assert pop_process("agenda", "--frobnicate", "--db", path).code == 2
    assert pop_process("checkin", "--mood", "9", "--db", path).code == 2


def test_a_damaged_plan_is_explained_by_every_command(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_text("{ not a plan")
    for words in (["agenda"], ["done", "1"], ["checkin"], ["list", "goals"], ["undo"]):
        ran = pop_process(*words, "--db", str(path))
        assert ran.code == 1, words
        assert "cannot open" in ran.err
        assert path.read_text() == "{ not a plan"


@pytest.mark.parametrize("columns", [50, 120])
def test_help_fits_the_width_of_the_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], columns: int
) -> None:

    monkeypatch.setenv("COLUMNS", str(columns))
    with pytest.raises(SystemExit):
        main(["agenda", "--help"])
    lines = capsys.readouterr().out.splitlines()
    assert max(len(line) for line in lines) <= columns
    # Wide enough, the usage is one line; narrow, it is wrapped.
    assert (lines[0].rstrip().endswith("[--json | --brief]")) == (columns == 120)


def test_a_reader_that_stops_early_gets_no_error(demo_store: PlanStore) -> None:
    # `pop list steps --all | head -1`: the pipe closes while pop still writes.

    demo_store.apply(
        "Many steps",
        lambda edit: [
            edit.add(Step, goal_id=1, title=f"step {n} " + "x" * 80) for n in range(3000)
        ],
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "pop_tui", "list", "steps", "--all", "--db", str(demo_store.path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "POP_TODAY": TODAY.isoformat()},
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline()
    process.stdout.close()
    code = process.wait(timeout=60)
    assert process.stderr.read() == b""
    assert code == 141


def test_step_numbers_keep_their_column_past_four_digits(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    demo_store.apply(
        "Many steps",
        lambda edit: [edit.add(Step, goal_id=1, title=f"step {n}") for n in range(10_000)],
    )
    ran = pop(capsys, "list", "steps", "--db", demo_store.path)
    lines = [line for line in ran.out.splitlines() if "#" in line]
    starts = {line.index("  ", line.index("#")) for line in lines}
    assert len(starts) == 1, "the date column starts at the same place on every line"
    assert any("#10" in line and len(line.split()[0]) == 6 for line in lines)
