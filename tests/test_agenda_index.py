"""The agenda index beside the plan: written with every save, never used stale.

``pop agenda`` and ``pop status`` read the index when it names the plan file as
it is now, and make it again from the plan when not. These tests replace the
plan file by every other means there is and compare the output with a cold
run (no index at all) and with the agenda of the whole plan.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pop_tui import cli
from pop_tui.cli.agenda import read_agenda, view_of
from pop_tui.core.demo import populate_demo
from pop_tui.core.edit import Edit
from pop_tui.core.model import CheckIn, Goal, Plan, Step
from pop_tui.store import agenda_index
from pop_tui.store.plan_store import PlanStore, write_new_plan
from tests.conftest import TODAY
from tests.plan_strategies import plans
from tests.pop_shell import pop

Capsys = pytest.CaptureFixture[str]


def demo_plan() -> Plan:
    plan = Plan()
    populate_demo(Edit(plan), TODAY, "en")
    return plan


def cold(path: Path, capsys: Capsys, *args: str) -> str:
    """``pop ARGS`` with no index at all (and none left behind)."""
    shutil.rmtree(path.parent / "cache", ignore_errors=True)
    out = pop(capsys, *args, "--db", path).out
    shutil.rmtree(path.parent / "cache", ignore_errors=True)
    return out


def agree(path: Path, capsys: Capsys) -> None:
    """Agenda and status, as read now, are those of a cold run and of the whole plan."""
    for args in (("agenda",), ("agenda", "--days", "30"), ("status",), ("agenda", "--json")):
        warm = pop(capsys, *args, "--db", path).out
        again = pop(capsys, *args, "--db", path).out  # from the index the first run wrote
        assert warm == again == cold(path, capsys, *args), args
    whole = PlanStore.open(path).plan
    assert read_agenda(path, TODAY, 7).as_tuple() == view_of(whole, TODAY, 7).as_tuple()


def test_every_save_writes_a_current_index(demo_store: PlanStore, capsys: Capsys) -> None:
    path = demo_store.path
    assert agenda_index._current_body(str(path)) is not None
    assert pop(capsys, "done", "13", "--db", path).code == 0
    assert agenda_index._current_body(str(path)) is not None
    assert "#13" not in pop(capsys, "agenda", "--db", path).out
    assert pop(capsys, "undo", "--db", path).code == 0
    assert agenda_index._current_body(str(path)) is not None
    assert "#13" in pop(capsys, "agenda", "--db", path).out


def _same_size_other_plan(path: Path, folder: Path) -> tuple[Path, str]:
    """Another device's plan file of exactly the same size, and the one step title in it
    that differs from the plan at ``path``."""
    plan = PlanStore.open(path).plan
    step = plan.steps[13]
    title = step.title[:-1] + ("X" if step.title[-1] != "X" else "Y")
    # Each file written gets keys of its own, and so a checksum of its own: a number of
    # 1 to 10 digits. The title takes up what the checksum's length differs by.
    for attempt in range(20):
        plan.put(step.replace(title=title))
        other = folder / str(attempt) / "plan.json"
        other.parent.mkdir()
        write_new_plan(other, plan)
        longer = other.stat().st_size - path.stat().st_size
        if longer == 0:
            return other, title
        title = title[:-longer] if longer > 0 else title + "x" * -longer
    raise AssertionError("no plan of the same size in 20 tries")


def test_a_plan_replaced_by_a_copy_of_the_same_size_is_never_shown_stale(
    demo_store: PlanStore, tmp_path: Path, capsys: Capsys
) -> None:
    path = demo_store.path
    before = pop(capsys, "agenda", "--db", path).out
    elsewhere = tmp_path / "device"
    elsewhere.mkdir()
    other, title = _same_size_other_plan(path, elsewhere)
    assert other.stat().st_size == path.stat().st_size
    # Copied over it in place, keeping the other file's times (cp -p): same inode, same size.
    shutil.copy2(other, path)
    after = pop(capsys, "agenda", "--db", path).out
    assert after != before
    assert title in after
    agree(path, capsys)


def test_a_plan_renamed_over_by_another_program(
    demo_store: PlanStore, tmp_path: Path, capsys: Capsys
) -> None:
    path = demo_store.path
    pop(capsys, "agenda", "--db", path)
    elsewhere = tmp_path / "device"
    elsewhere.mkdir()
    other, _title = _same_size_other_plan(path, elsewhere)
    os.utime(other, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns))
    os.replace(other, path)  # what a sync program or an editor's save does
    agree(path, capsys)


def test_a_plan_changed_by_hand_in_place(demo_store: PlanStore, capsys: Capsys) -> None:
    path = demo_store.path
    pop(capsys, "agenda", "--db", path)
    stat = path.stat()
    raw = path.read_bytes()
    edited = raw.replace(b"Module 2: pivot tables", b"Module 3: pivot tables")
    assert edited != raw and len(edited) == len(raw)
    with open(path, "r+b") as file:  # the same inode, the same size, the old times put back
        file.write(edited)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert "Module 3: pivot tables" in pop(capsys, "agenda", "--db", path).out
    agree(path, capsys)


def test_a_backup_restored(demo_store: PlanStore, capsys: Capsys) -> None:
    path = demo_store.path
    assert pop(capsys, "done", "13", "--db", path).code == 0
    assert "#13" not in pop(capsys, "agenda", "--db", path).out
    assert pop(capsys, "backup", "restore", "1", "--db", path).code == 0
    assert "#13" in pop(capsys, "agenda", "--db", path).out
    agree(path, capsys)


def _git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=folder,
        check=True,
        capture_output=True,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_plan_checked_out_by_git(tmp_path: Path, capsys: Capsys) -> None:
    folder = tmp_path / "repo"
    folder.mkdir()
    path = folder / "plan.json"
    write_new_plan(path, demo_plan())
    _git(folder, "init", "-q")
    (folder / ".gitignore").write_text("".join(f"{p}\n" for p in agenda_index.NOT_SYNCED))
    _git(folder, "add", "plan.json", ".gitignore")
    _git(folder, "commit", "-qm", "plan")
    assert pop(capsys, "done", "13", "--db", path).code == 0
    assert "#13" not in pop(capsys, "agenda", "--db", path).out
    _git(folder, "checkout", "-q", "--", "plan.json")
    assert "#13" in pop(capsys, "agenda", "--db", path).out
    agree(path, capsys)
    # The cache folder is no part of what git sees.
    status = subprocess.run(
        ["git", "status", "--porcelain", "--ignored"], cwd=folder, capture_output=True, text=True
    ).stdout
    assert "!! cache/" in status and "!! local/" in status


def test_a_damaged_index_is_made_again(demo_store: PlanStore, capsys: Capsys) -> None:
    path = demo_store.path
    index = Path(agenda_index.index_path(path))
    raw = index.read_bytes()
    good = pop(capsys, "agenda", "--db", path).out
    for broken in (raw[: len(raw) // 2], raw.replace(b"@reviews\t", b"@reviews\t9"), b"", b"x\n"):
        index.write_bytes(broken)
        assert pop(capsys, "agenda", "--db", path).out == good
        assert pop(capsys, "status", "--db", path).code == 0


def test_an_index_that_cannot_be_written_is_no_error(demo_store: PlanStore, capsys: Capsys) -> None:
    path = demo_store.path
    shutil.rmtree(path.parent / "cache")
    (path.parent / "cache").write_text("not a folder")
    ran = pop(capsys, "agenda", "--db", path)
    assert ran.code == 0 and ran.err == "" and "#13" in ran.out
    assert pop(capsys, "done", "13", "--db", path).code == 0


def test_a_newest_check_in_after_today_is_read_from_the_plan(tmp_path: Path) -> None:
    plan = demo_plan()
    Edit(plan).add(CheckIn, on=TODAY + timedelta(days=3), note="from another clock")
    path = tmp_path / "plan.json"
    write_new_plan(path, plan)
    whole = PlanStore.open(path).plan
    for day in (TODAY, TODAY + timedelta(days=5)):
        assert read_agenda(path, day, 7).as_tuple() == view_of(whole, day, 7).as_tuple()


# --- the quick way in and the full parser give the same -----------------------------

QUICK_FORMS = [
    ["agenda"],
    ["agenda", "--brief"],
    ["agenda", "--json"],
    ["agenda", "--days", "30"],
    ["agenda", "--days=0", "--brief"],
    ["--lang", "nl", "agenda"],
    ["agenda", "--lang=nl", "--brief"],
    ["status"],
    ["status", "--json"],
    ["--lang", "nl", "status"],
]


@pytest.mark.parametrize("words", QUICK_FORMS, ids=[" ".join(w) for w in QUICK_FORMS])
def test_the_quick_way_prints_what_the_full_parser_prints(
    demo_store: PlanStore, capsys: Capsys, monkeypatch: pytest.MonkeyPatch, words: list[str]
) -> None:
    from pop_tui.cli import quick

    assert quick._parsed([*words, "--db", "x"]) is not None  # it is a quick form
    fast = pop(capsys, *words, "--db", demo_store.path)
    monkeypatch.setattr(quick, "run", lambda argv, env: None)
    full = pop(capsys, *words, "--db", demo_store.path)
    assert (fast.code, fast.out, fast.err) == (full.code, full.out, full.err)


@pytest.mark.parametrize(
    "words",
    [
        ["agenda", "--days", "-1"],
        ["agenda", "--days", "9999"],
        ["agenda", "--json", "--brief"],
        ["agenda", "--help"],
        ["status", "--days", "3"],
        ["agenda", "--lang", "fr"],
        ["agenda", "extra"],
    ],
)
def test_other_lines_are_left_to_the_full_parser(words: list[str]) -> None:
    from pop_tui.cli import quick

    assert quick._parsed(words) is None or quick.run(words, {"POP_LANG": "en"}) is None


def test_the_quick_way_imports_almost_nothing(demo_store: PlanStore) -> None:
    check = (
        "import sys; from pop_tui.cli import main; main(sys.argv[1:]); "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('argparse', 're', 'json', 'typing', 'tinydb', 'dateutil', 'textual', 'enum', "
        "'pathlib', 'collections') or m.startswith('pop_tui.core.model')); print(bad)"
    )
    for words in (["agenda"], ["status"], ["agenda", "--brief"]):
        done = subprocess.run(
            [sys_executable(), "-c", check, *words, "--db", str(demo_store.path)],
            capture_output=True,
            text=True,
            env={**os.environ, "POP_TODAY": TODAY.isoformat()},
            check=True,
        )
        assert done.stdout.splitlines()[-1] == "[]", words


def sys_executable() -> str:
    import sys

    return sys.executable


# --- pop status ------------------------------------------------------------------------


def test_status_is_one_line_and_nothing_when_nothing_needs_attention(
    tmp_path: Path, capsys: Capsys
) -> None:
    path = tmp_path / "plan.json"
    plan = Plan()
    edit = Edit(plan)
    goal = edit.add(Goal, title="g")
    edit.add(Step, goal_id=goal.id, title="later", due=TODAY + timedelta(days=30))
    write_new_plan(path, plan)
    ran = pop(capsys, "status", "--db", path)
    assert (ran.code, ran.out, ran.err) == (0, "", "")
    edit = Edit(plan)
    edit.add(Step, goal_id=goal.id, title="late", due=TODAY - timedelta(days=2))
    edit.add(Step, goal_id=goal.id, title="now", due=TODAY)
    from pop_tui.core.ops import schedule_review

    schedule_review(edit, "Look back", TODAY + timedelta(days=3))
    path.unlink()
    write_new_plan(path, plan)
    assert pop(capsys, "status", "--db", path).out == "1 late · 1 due today · review in 3 d\n"
    assert pop(capsys, "--lang", "nl", "status", "--db", path).out == (
        "1 te laat · 1 vandaag · evaluatie over 3 d\n"
    )


def test_status_never_breaks_a_prompt(tmp_path: Path, capsys: Capsys) -> None:
    missing = pop(capsys, "status", "--db", tmp_path / "none.json")
    assert (missing.code, missing.out, missing.err) == (0, "", "")
    assert not (tmp_path / "none.json").exists()
    damaged = tmp_path / "bad.json"
    damaged.write_text("{ not json")
    ran = pop(capsys, "status", "--db", damaged)
    assert (ran.code, ran.out, ran.err) == (0, "pop: plan unreadable\n", "")
    assert damaged.read_text() == "{ not json"
    import json

    document = json.loads(pop(capsys, "status", "--json", "--db", damaged).out)
    assert document["error"] == "unreadable" and document["version"] == 1


def test_status_json(demo_store: PlanStore, capsys: Capsys) -> None:
    import json

    document = json.loads(pop(capsys, "status", "--json", "--db", demo_store.path).out)
    assert document == {
        "version": 1,
        "today": TODAY.isoformat(),
        "late_steps": 3,
        "due_today": 0,
        "next_review": {
            "id": 1,
            "title": "Monthly look at my plan",
            "due": "2026-12-04",
            "in_days": 5,
        },
        "late_feedback": 1,
        "line": "3 late · review in 5 d · 1 feedback late",
        "error": None,
    }


DAYS = st.dates(min_value=TODAY - timedelta(days=400), max_value=TODAY + timedelta(days=400))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), DAYS)
def test_status_counts_are_those_of_the_whole_plan(plan: Plan, today: date) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.json"
        write_new_plan(path, plan)
        whole = view_of(PlanStore.open(path).plan, today, 7)
        found = agenda_index.read_status(path, today, 7)
        assert found.late == len(whole.overdue)
        assert found.due_today == sum(1 for e in whole.soon if e.due == today)
        first = whole.reviews[0] if whole.reviews else None
        assert (None if found.review is None else found.review.id) == (
            None if first is None else first.id
        )
        assert found.late_feedback == len(whole.feedback)
        # And made again from the plan, without the index the save wrote.
        shutil.rmtree(Path(folder) / "cache")
        assert agenda_index.read_status(path, today, 7).as_tuple() == found.as_tuple()
        assert read_agenda(path, today, 7).as_tuple() == whole.as_tuple()


def test_main_is_importable_without_the_parser() -> None:
    assert callable(cli.main)
