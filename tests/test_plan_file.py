"""The plan file's format: deterministic, one record per line, nothing dropped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pop_tui.core.demo import populate_demo
from pop_tui.core.edit import Edit
from pop_tui.core.model import Goal, Plan
from pop_tui.store.plan_file import PlanFileError, RecordLines, serialize
from pop_tui.store.plan_store import PlanStore, write_new_plan
from tests.conftest import NOW, TODAY


def demo_plan() -> Plan:
    plan = Plan()
    populate_demo(Edit(plan), TODAY, "en")
    return plan


def test_each_record_is_one_line_in_id_order(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    store = PlanStore.open(path, now=lambda: NOW)
    for n in range(12):
        store.apply("add", lambda e, n=n: e.add(Goal, title=f"goal {n}"))
    lines = path.read_text().splitlines()
    start = lines.index(' "goals": {')
    end = lines.index(" },", start)
    ids = [json.loads("{" + line.rstrip(",") + "}").popitem()[0] for line in lines[start + 1 : end]]
    assert ids == [str(n) for n in range(1, 13)]  # numeric order: 2 before 10


def test_remembered_lines_give_the_same_bytes_as_a_fresh_encoding() -> None:
    plan = demo_plan()
    tables = plan.to_dict()
    lines = RecordLines()
    assert serialize(tables, lines) == serialize(tables)
    goals = dict(tables["goals"])
    goals["1"] = {**goals["1"], "title": "changed"}
    changed = {**tables, "goals": goals}
    assert serialize(changed, lines) == serialize(changed)
    assert b'"title": "changed"' in serialize(changed, lines)


def test_serialized_file_is_plain_json_equal_to_the_tables() -> None:
    tables = demo_plan().to_dict()
    assert json.loads(serialize(tables)) == tables


def test_tables_unknown_to_this_version_survive_a_save(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    store = PlanStore.open(path, now=lambda: NOW)
    store.apply("add", lambda e: e.add(Goal, title="a"))
    data = json.loads(path.read_text())
    data["future_things"] = {"1": {"kept": True}}
    path.write_text(json.dumps(data))
    again = PlanStore.open(path, now=lambda: NOW)
    again.apply("add", lambda e: e.add(Goal, title="b"))
    assert json.loads(path.read_text())["future_things"] == {"1": {"kept": True}}


def test_write_new_plan_has_no_undo_history_and_refuses_to_replace(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    plan = demo_plan()
    write_new_plan(path, plan, now=lambda: NOW)
    opened = PlanStore.open(path)
    assert opened.plan == plan
    assert opened.revision == 1
    assert not opened.can_undo()
    opened.apply("add", lambda e: e.add(Goal, title="next"))
    assert max(opened.plan.goals) == max(plan.goals) + 1
    with pytest.raises(PlanFileError, match="already exists"):
        write_new_plan(path, plan)
