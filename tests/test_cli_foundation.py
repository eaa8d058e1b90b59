"""The `pop` front door: version, demo, damaged files and backups."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pop_tui import __version__
from pop_tui.cli import main
from pop_tui.cli.context import Context
from pop_tui.core.model import Goal
from pop_tui.store.plan_store import PlanStore
from tests.conftest import NOW, TODAY


def run_pop(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "POP_TODAY": TODAY.isoformat(), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "pop_tui", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=60,
    )


def test_version_from_the_module() -> None:
    result = run_pop("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"pop {__version__}"


def test_demo_out_writes_the_example_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "demo.json"
    assert main(["demo", "--out", str(out)]) == 0
    plan = PlanStore.open(out).plan
    assert any(g.title == "Get better at leading people" for g in plan.goals.values())
    assert str(out) in capsys.readouterr().out


def test_demo_out_in_dutch(tmp_path: Path) -> None:
    out = tmp_path / "demo.json"
    assert main(["--lang", "nl", "demo", "--out", str(out)]) == 0
    assert any(
        g.title == "Beter worden in leidinggeven" for g in PlanStore.open(out).plan.goals.values()
    )


def test_demo_out_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "demo.json"
    out.write_text("mine")
    assert main(["demo", "--out", str(out)]) == 1
    assert out.read_text() == "mine"
    assert "already exists" in capsys.readouterr().err


def test_demo_opens_a_scratch_plan_not_the_users(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = tmp_path / "own.json"
    monkeypatch.setenv("POP_DB", str(own))
    opened: list[Path] = []

    def fake_open(store: PlanStore, context: Context) -> int:
        opened.append(store.path)
        assert store.plan.goals
        return 0

    monkeypatch.setattr("pop_tui.cli.tui.open_app", fake_open)
    assert main(["demo"]) == 0
    assert opened and opened[0] != own
    assert not own.exists()
    assert not opened[0].exists()  # the scratch folder is gone afterwards


def test_db_option_before_or_after_the_command_and_pop_db(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second, third = tmp_path / "a.json", tmp_path / "b.json", tmp_path / "c.json"
    assert main(["--db", str(first), "demo", "--out", str(tmp_path / "x.json")]) == 0
    assert main(["backup", "list", "--db", str(second)]) == 0
    assert str(second) in capsys.readouterr().out
    assert main(["--db", str(first), "backup", "list"]) == 0
    assert str(first) in capsys.readouterr().out
    monkeypatch.setenv("POP_DB", str(third))
    assert main(["backup", "list"]) == 0
    assert str(third) in capsys.readouterr().out


def test_default_plan_lives_in_the_user_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    from pop_tui.paths import default_plan_file

    data = Path(os.environ["XDG_DATA_HOME"])
    assert default_plan_file() == str(data / "pop-tui" / "plan.json")


def make_history(path: Path, saves: int) -> PlanStore:
    store = PlanStore.open(path, now=lambda: NOW)
    for n in range(saves):
        store.apply("add", lambda e, n=n: e.add(Goal, title=f"goal {n}"))
    return store


@pytest.mark.parametrize("command", [["tui"], ["backup", "list"], []])
def test_damaged_file_is_explained_and_left_alone(tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "plan.json"
    make_history(path, 3)
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) // 2])
    damaged = path.read_bytes()
    if command == ["backup", "list"]:
        result = run_pop(*command, "--db", str(path))
        assert result.returncode == 0
        assert "revision 2" in result.stdout
        return
    result = run_pop(*command, "--db", str(path))
    assert result.returncode == 1
    assert str(path) in result.stderr
    assert "truncated" in result.stderr
    assert "Nothing was written" in result.stderr
    assert "number 1 (revision 2" in result.stderr
    assert f"pop backup restore 1 --db {path}" in result.stderr
    assert path.read_bytes() == damaged
    assert "Traceback" not in result.stderr


def test_backup_restore_brings_the_plan_back_and_keeps_the_damaged_file(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    make_history(path, 3)
    path.write_text("{ not json")
    result = run_pop("backup", "restore", "1", "--db", str(path))
    assert result.returncode == 0, result.stderr
    plan = PlanStore.open(path).plan
    assert sorted(g.title for g in plan.goals.values()) == ["goal 0", "goal 1"]
    kept = [p for p in tmp_path.iterdir() if ".replaced-" in p.name]
    assert len(kept) == 1 and kept[0].read_text() == "{ not json"


def test_backup_restore_of_a_missing_number_fails_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    make_history(path, 2)
    before = path.read_bytes()
    result = run_pop("backup", "restore", "9", "--db", str(path))
    assert result.returncode == 1
    assert "no backup number 9" in result.stderr
    assert path.read_bytes() == before


def test_unknown_language_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "fr", "backup", "list"]) == 2
    assert "unknown language" in capsys.readouterr().err


def test_bad_pop_today_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("POP_TODAY", "tomorrow")
    assert main(["backup", "list"]) == 2
    assert "POP_TODAY" in capsys.readouterr().err
