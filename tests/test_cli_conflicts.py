"""``pop conflicts`` and ``pop resolve``: the conflicts a sync left, from the shell."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from pop_tui.core.model import Conflict
from pop_tui.store.plan_store import PlanStore
from tests.conflict_plans import DATED_STEP, DELETED_STEP, GOAL, MARKUP, conflict_store
from tests.conftest import TODAY
from tests.pop_shell import pop, pop_process

Capsys = pytest.CaptureFixture[str]


@pytest.fixture
def conflicted(plan_path: Path) -> PlanStore:
    return conflict_store(plan_path)


def plan(store: PlanStore) -> PlanStore:
    return PlanStore.open(store.path)


def test_conflicts_lists_each_side_with_its_device_and_time(
    conflicted: PlanStore, capsys: Capsys
) -> None:
    ran = pop(capsys, "conflicts", "--db", conflicted.path)
    assert ran.code == 0, ran.err
    assert ran.out.splitlines()[:3] == [
        "#1  goal 1: Get better at leading people · title",
        "    1. Get better at leading people  (desktop · Sat 28 Nov 2026 18:12)",
        f"    2. {MARKUP}  (laptop, this device · Sun 29 Nov 2026 08:05)",
    ]
    assert "#3  step 1: Find a suitable course · deleted on one device" in ran.out


def test_conflicts_json_gives_the_values_as_the_plan_holds_them(
    conflicted: PlanStore, capsys: Capsys
) -> None:
    document = json.loads(pop(capsys, "conflicts", "--json", "--db", conflicted.path).out)
    assert document["version"] == 1 and document["device"] == "laptop"
    due = document["conflicts"][1]
    assert (due["table"], due["record_id"], due["field"]) == ("steps", DATED_STEP, "due")
    assert [(s["n"], s["value"], s["mine"]) for s in due["sides"]] == [
        (1, "2026-11-23", False),
        (2, "2026-12-10", True),
    ]
    deleted = document["conflicts"][2]["sides"][0]
    assert deleted["deleted"] is True and deleted["value"] is None


def test_resolve_mine_then_undo(conflicted: PlanStore, capsys: Capsys) -> None:
    ran = pop(capsys, "resolve", "1", "mine", "--db", conflicted.path)
    assert ran.code == 0, ran.err
    assert ran.out == f"Resolved #1: goal 1: {MARKUP}. pop undo takes it back.\n"
    assert plan(conflicted).plan.goals[GOAL].title == MARKUP
    assert pop(capsys, "undo", "--db", conflicted.path).code == 0
    after = plan(conflicted).plan
    assert after.goals[GOAL].title == "Get better at leading people"
    assert 1 in after.table(Conflict)


def test_resolve_theirs_and_a_side_by_number(conflicted: PlanStore, capsys: Capsys) -> None:
    assert pop(capsys, "resolve", "2", "theirs", "--db", conflicted.path).code == 0
    assert plan(conflicted).plan.steps[DATED_STEP].due == date(2026, 11, 23)
    assert pop(capsys, "resolve", "#1", "2", "--db", conflicted.path).code == 0
    assert plan(conflicted).plan.goals[GOAL].title == MARKUP


def test_resolve_with_a_new_value_read_as_the_field_is(
    conflicted: PlanStore, capsys: Capsys
) -> None:
    ran = pop(capsys, "resolve", "2", "--value", "+1w", "--db", conflicted.path)
    assert ran.code == 0, ran.err
    assert plan(conflicted).plan.steps[DATED_STEP].due == date(2026, 12, 6)


def test_a_bad_value_is_refused_and_changes_nothing(conflicted: PlanStore, capsys: Capsys) -> None:
    before = conflicted.path.read_bytes()
    ran = pop(capsys, "resolve", "2", "--value", "someday", "--db", conflicted.path)
    assert ran.code == 1 and "someday" in ran.err
    empty = pop(capsys, "resolve", "1", "--value", " ", "--db", conflicted.path)
    assert empty.code == 1 and "cannot be empty" in empty.err
    assert conflicted.path.read_bytes() == before


def test_keep_or_delete_a_record_deleted_elsewhere(conflicted: PlanStore, capsys: Capsys) -> None:
    refused = pop(capsys, "resolve", "3", "--value", "x", "--db", conflicted.path)
    assert refused.code == 1 and "keep|delete" in refused.err
    assert pop(capsys, "resolve", "3", "delete", "--db", conflicted.path).code == 0
    assert DELETED_STEP not in plan(conflicted).plan.steps
    assert pop(capsys, "undo", "--db", conflicted.path).code == 0
    assert pop(capsys, "resolve", "3", "keep", "--db", conflicted.path).code == 0
    kept = plan(conflicted).plan
    assert DELETED_STEP in kept.steps and 3 not in kept.table(Conflict)


def test_resolve_says_how_when_no_choice_is_given(conflicted: PlanStore, capsys: Capsys) -> None:
    ran = pop(capsys, "resolve", "1", "--db", conflicted.path)
    assert ran.code == 1 and "mine|theirs|1|2" in ran.err
    missing = pop(capsys, "resolve", "9", "mine", "--db", conflicted.path)
    assert missing.code == 1 and "No conflict 9" in missing.err


def test_no_conflicts_is_one_short_line(demo_store: PlanStore, capsys: Capsys) -> None:
    assert pop(capsys, "conflicts", "--db", demo_store.path).out == "No conflicts.\n"


def test_in_dutch(conflicted: PlanStore) -> None:
    ran = pop_process("--lang", "nl", "conflicts", "--db", conflicted.path)
    assert ran.code == 0, ran.err
    assert "doel 1: Get better at leading people · titel" in ran.out
    assert "laptop, dit apparaat" in ran.out


def test_resolve_imports_no_textual(conflicted: PlanStore) -> None:
    from tests.test_cli_no_textual import CHECK

    done = subprocess.run(
        [
            sys.executable,
            "-c",
            CHECK,
            "resolve",
            "2",
            "--value",
            "fri",
            "--db",
            str(conflicted.path),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "POP_TODAY": TODAY.isoformat()},
        timeout=60,
        check=True,
    )
    *_, code, modules = done.stdout.splitlines()
    assert code == "0", done.stderr
    assert modules == "[]"
