"""What every daily shell command shares: where the plan is, exit codes, the error stream."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pop_tui.core.model import Trend
from pop_tui.store.plan_store import PlanStore
from tests.pop_shell import pop, pop_process

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
        shutil.copy(demo_store.path, path)
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
