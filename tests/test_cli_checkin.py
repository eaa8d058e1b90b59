"""``pop checkin``: the daily check-in from a shell, as one change that one undo reverts."""

from __future__ import annotations

from pathlib import Path

import pytest

from pop_tui.core.model import CheckIn
from pop_tui.store.plan_store import PlanStore
from tests.conftest import TODAY
from tests.pop_shell import pop


def checkins_on(path: Path) -> list[CheckIn]:
    return [c for c in PlanStore.open(path).plan.checkins.values() if c.on == TODAY]


def test_checkin_saves_note_mood_and_steps_and_confirms_in_one_line(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    path = demo_store.path
    ran = pop(
        capsys, "checkin", "-m", "Good talk with Kim", "--mood", "4", "--done", "5", "--db", path
    )
    assert ran.code == 0, ran.err
    assert ran.out == ("Checked in for Sun 29 Nov 2026 · 1 step done · mood 4/5 · streak 4 days\n")
    [record] = checkins_on(path)
    assert (record.note, record.mood, record.step_ids) == ("Good talk with Kim", 4, (5,))
    assert PlanStore.open(path).plan.steps[5].done_on == TODAY


def test_one_undo_takes_back_the_whole_checkin(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    path = demo_store.path
    assert pop(capsys, "checkin", "-m", "x", "--done", "5", "13", "--db", path).code == 0
    ran = pop(capsys, "undo", "--db", path)
    assert ran.out == "Undone: Check-in of Sun 29 Nov 2026\n"
    plan = PlanStore.open(path).plan
    assert checkins_on(path) == []
    assert plan.steps[5].done_on is None and plan.steps[13].done_on is None


def test_a_bare_checkin_is_refused_and_changes_nothing(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    before = demo_store.path.read_bytes()
    ran = pop(capsys, "checkin", "--db", demo_store.path)
    assert ran.code == 1
    assert ran.out == ""
    assert "Nothing to check in: a note, a mood or a step done is needed" in ran.err
    assert demo_store.path.read_bytes() == before
    assert pop(capsys, "checkin", "-m", "  ", "--db", demo_store.path).code == 1


def test_a_second_checkin_the_same_day_says_so_as_the_app_does(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    first = pop(capsys, "checkin", "--mood", "3", "--db", demo_store.path)
    assert "already" not in first.out
    ran = pop(capsys, "checkin", "-m", "later on", "--db", demo_store.path)
    assert ran.out == (
        "Checked in for Sun 29 Nov 2026 · already checked in today, this adds one · streak 4 days\n"
    )
    assert len(checkins_on(demo_store.path)) == 2
    nl = pop(capsys, "--lang", "nl", "checkin", "--mood", "2", "--db", demo_store.path)
    assert "vandaag al ingecheckt, dit voegt er een toe" in nl.out


def test_done_may_be_repeated_and_take_title_starts(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = pop(capsys, "checkin", "--done", "module 2", "--done", "#5", "--db", demo_store.path)
    assert ran.code == 0, ran.err
    assert "2 steps done" in ran.out
    [record] = checkins_on(demo_store.path)
    assert record.step_ids == (13, 5)


@pytest.mark.parametrize("mood", ["0", "6", "high"])
def test_mood_outside_one_to_five_is_a_usage_error_and_changes_nothing(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str], mood: str
) -> None:
    before = demo_store.path.read_bytes()
    ran = pop(capsys, "checkin", "--mood", mood, "--db", demo_store.path)
    assert ran.code == 2
    assert "--mood" in ran.err
    assert demo_store.path.read_bytes() == before


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("99", "there is no step number 99"),
        ("nothing like this", 'no step title starts with "nothing like this"'),
        ("sign up", '"sign up" fits 3 steps'),
        ("1", "step #1 Find a suitable course was already done"),
    ],
)
def test_a_bad_step_ref_refuses_the_whole_checkin(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str], ref: str, message: str
) -> None:
    before = demo_store.path.read_bytes()
    ran = pop(capsys, "checkin", "-m", "note", "--done", "5", ref, "--db", demo_store.path)
    assert ran.code == 1
    assert ran.out == ""
    assert ran.err.startswith("pop: ")
    assert message in ran.err
    assert demo_store.path.read_bytes() == before


def test_ambiguous_ref_lists_the_matches(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    err = pop(capsys, "checkin", "--done", "sign", "--db", demo_store.path).err
    assert "  #2  Sign up for the course" in err
    assert "  #9  Sign up for the training" in err
    assert "  #16  Sign up for the spring class" in err


def test_checkin_on_an_empty_plan_starts_the_file(
    plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = pop(capsys, "checkin", "-m", "First day", "--mood", "3", "--db", plan_path)
    assert ran.code == 0
    assert ran.out.endswith("streak 1 day\n")
    assert len(checkins_on(plan_path)) == 1


def test_checkin_in_dutch(demo_store: PlanStore, capsys: pytest.CaptureFixture[str]) -> None:
    ran = pop(
        capsys, "--lang", "nl", "checkin", "--mood", "5", "--done", "5", "--db", demo_store.path
    )
    assert ran.out == (
        "Ingecheckt voor zo 29 nov 2026 · 1 stap afgevinkt · stemming 5/5 · 4 dagen op rij\n"
    )


def test_a_note_of_several_words_needs_no_quotes(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = pop(
        capsys, "checkin", "-m", "Read", "a", "chapter", "--done", "5", "--db", demo_store.path
    )
    assert ran.code == 0, ran.err
    [record] = checkins_on(demo_store.path)
    assert (record.note, record.step_ids) == ("Read a chapter", (5,))


def test_one_line_ssh_checkin_survives_the_remote_shell(demo_store: PlanStore) -> None:
    """`ssh host pop checkin -m "..." --done 3` joins its words and the remote shell splits
    them again, so the quotes typed on the phone are gone by the time pop runs."""
    import os
    import shlex
    import subprocess
    import sys

    typed_on_the_phone = ["checkin", "-m", "Read a chapter", "--done", "5"]
    remote_line = " ".join(
        [
            shlex.quote(sys.executable),
            "-m",
            "pop_tui",
            *typed_on_the_phone,
            "--db",
            str(demo_store.path),
        ]
    )
    done = subprocess.run(
        ["sh", "-c", remote_line],
        capture_output=True,
        text=True,
        env={**os.environ, "POP_TODAY": TODAY.isoformat()},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Checked in for Sun 29 Nov 2026 · 1 step done")
    [record] = checkins_on(demo_store.path)
    assert record.note == "Read a chapter"
