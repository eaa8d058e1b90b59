"""`pop export`: to standard output or a private file, never over an existing one unasked."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest

from pop_tui.cli import main
from pop_tui.core.export.json_doc import export_json
from pop_tui.store.plan_store import PlanStore
from tests.hostile import CONTROL_CHARS, TODAY, hostile_plan


@pytest.fixture(autouse=True)
def shell(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POP_TODAY", TODAY.isoformat())


@pytest.fixture
def hostile_store(plan_path: Path) -> PlanStore:
    from pop_tui.core.plan_import import replace_plan

    made = PlanStore.open(plan_path)
    made.apply("hostile", lambda e: replace_plan(e, hostile_plan()))
    return made


@pytest.mark.parametrize("fmt", ["md", "html", "ics", "json"])
def test_demo_plan_exports_to_every_format_on_stdout(
    demo_store: PlanStore, fmt: str, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(["export", "--format", fmt, "--db", str(demo_store.path)]) == 0
    out = capfdbinary.readouterr().out.decode("utf-8")
    assert "Spreadsheet skills from basic to advanced" in out


@pytest.mark.parametrize("fmt", ["md", "html", "ics", "json"])
def test_no_control_character_reaches_the_terminal(
    hostile_store: PlanStore, fmt: str, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(["export", "--format", fmt, "--db", str(hostile_store.path)]) == 0
    out = capfdbinary.readouterr().out.decode("utf-8").replace("\r\n", "\n")
    assert not [c for c in CONTROL_CHARS if c in out]
    assert "\u202e" not in out


def test_file_is_private_and_format_follows_its_name(
    demo_store: PlanStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "calendar.ics"
    assert main(["export", "-o", str(out), "--db", str(demo_store.path)]) == 0
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    assert icalendar.Calendar.from_ical(out.read_text()).walk("VEVENT")
    assert "Wrote" in capsys.readouterr().out


def test_existing_file_needs_force(
    demo_store: PlanStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "pack.md"
    out.write_text("mine")
    assert main(["export", "-o", str(out), "--db", str(demo_store.path)]) == 1
    assert "--force" in capsys.readouterr().err
    assert out.read_text() == "mine"
    assert main(["export", "-o", str(out), "--force", "--db", str(demo_store.path)]) == 0
    assert out.read_text().startswith("# Personal development plan of Sam")
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600


def test_unknown_extension_asks_for_a_format(
    demo_store: PlanStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "-o", str(tmp_path / "pack.txt"), "--db", str(demo_store.path)]) == 2
    assert "--format" in capsys.readouterr().err
    assert not (tmp_path / "pack.txt").exists()


def test_missing_plan_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "md", "--db", str(tmp_path / "none.json")]) == 1
    assert "no plan" in capsys.readouterr().err
    assert not (tmp_path / "none.json").exists()


def test_export_speaks_the_plans_language_unless_told(
    plan_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    from pop_tui.core.plan_import import replace_plan

    store = PlanStore.open(plan_path)
    store.apply("nl", lambda e: replace_plan(e, hostile_plan("nl")))
    assert main(["export", "--format", "md", "--db", str(plan_path)]) == 0
    assert "Doelen voor het komende jaar" in capfdbinary.readouterr().out.decode()
    assert main(["export", "--format", "md", "--lang", "en", "--db", str(plan_path)]) == 0
    assert "Goals for the coming year" in capfdbinary.readouterr().out.decode()


def test_json_export_carries_the_plans_uid(
    demo_store: PlanStore, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(["export", "--format", "json", "--db", str(demo_store.path)]) == 0
    out = capfdbinary.readouterr().out.decode()
    saved = PlanStore.open(demo_store.path)
    assert out == export_json(saved.plan, saved.plan_uid, TODAY)


def test_export_commands_do_not_import_textual(demo_store: PlanStore, tmp_path: Path) -> None:
    code = (
        "import sys\nfrom pop_tui.cli import main\n"
        f"main(['export', '--format', 'html', '-o', {str(tmp_path / 'x.html')!r}, "
        f"'--db', {str(demo_store.path)!r}])\n"
        f"main(['period', 'list', '--db', {str(demo_store.path)!r}])\n"
        "assert not [m for m in sys.modules if m.startswith('textual')], 'textual imported'\n"
    )
    env = {**os.environ, "POP_TODAY": TODAY.isoformat()}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
