"""``pop done REF ...``, ``pop undo`` and ``pop redo``."""

from __future__ import annotations

from pathlib import Path

import pytest

from pop_tui.store.plan_store import PlanStore
from tests.conftest import TODAY
from tests.pop_shell import pop


def done_on(path: Path, step_id: int) -> object:
    return PlanStore.open(path).plan.steps[step_id].done_on


def test_done_by_number_marks_the_step_done_today(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = pop(capsys, "done", "2", "--db", demo_store.path)
    assert (ran.code, ran.out, ran.err) == (0, "Done: #2 Sign up for the course\n", "")
    assert done_on(demo_store.path, 2) == TODAY


def test_done_by_unique_title_start(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = pop(capsys, "done", "block READING", "--db", demo_store.path)
    assert ran.out == "Done: #5 Block reading time in my calendar\n"


def test_several_steps_are_one_change_that_one_undo_reverts(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    path = demo_store.path
    ran = pop(capsys, "done", "2", "module 2", "--db", path)
    assert ran.out == "Done: #2 Sign up for the course, #13 Module 2: pivot tables\n"
    assert pop(capsys, "undo", "--db", path).out == "Undone: Mark 2 steps done\n"
    assert done_on(path, 2) is None and done_on(path, 13) is None
    assert pop(capsys, "redo", "--db", path).out == "Redone: Mark 2 steps done\n"
    assert done_on(path, 2) == TODAY and done_on(path, 13) == TODAY


@pytest.mark.parametrize(
    ("refs", "message"),
    [
        (["42"], "there is no step number 42"),
        (["zzz"], 'no step title starts with "zzz"'),
        (["sign"], '"sign" fits 3 steps; use the number or more of the title:'),
        (["2", "zzz"], 'no step title starts with "zzz"'),
        (["find a suitable c"], "step #1 Find a suitable course was already done on"),
    ],
)
def test_unknown_ambiguous_or_finished_refs_change_nothing(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str], refs: list[str], message: str
) -> None:
    before = demo_store.path.read_bytes()
    ran = pop(capsys, "done", *refs, "--db", demo_store.path)
    assert ran.code == 1
    assert ran.out == ""
    assert message in ran.err
    assert demo_store.path.read_bytes() == before


def test_done_without_a_ref_is_a_usage_error(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = pop(capsys, "done", "--db", demo_store.path)
    assert ran.code == 2
    assert "REF" in ran.err


def test_done_on_an_empty_plan_is_refused_and_creates_no_file(
    plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = pop(capsys, "done", "1", "--db", plan_path)
    assert ran.code == 1
    assert "there is no step number 1" in ran.err
    assert not plan_path.exists()


def test_undo_and_redo_with_nothing_to_do_fail_cleanly(
    plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = pop(capsys, "undo", "--db", plan_path)
    assert (ran.code, ran.out, ran.err) == (1, "", "pop: there is nothing to undo\n")
    ran = pop(capsys, "redo", "--db", plan_path)
    assert (ran.code, ran.err) == (1, "pop: there is nothing to redo\n")


def test_undo_takes_back_a_change_made_by_another_session(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    from pop_tui.core.ops import complete_step

    demo_store.apply("Mark step done: Sign up", lambda e: complete_step(e, 2, TODAY))
    ran = pop(capsys, "undo", "--db", demo_store.path)
    assert ran.out == "Undone: Mark step done: Sign up\n"
    assert done_on(demo_store.path, 2) is None
