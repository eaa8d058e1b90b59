"""`pop import`: a whole file checked before anything is written; replace or merge; round trip."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from pop_tui.cli import main
from pop_tui.core.demo import populate_demo
from pop_tui.core.export.json_doc import DocumentError, export_document, export_json, read_document
from pop_tui.core.model import Action, Goal, Plan, Step
from pop_tui.core.plan_import import merge_plan, replace_plan
from pop_tui.store.plan_file import list_backups
from pop_tui.store.plan_store import PlanStore
from tests.conftest import NOW
from tests.hostile import TODAY, hostile_plan
from tests.plan_strategies import plans


def document(plan: Plan | None = None) -> dict[str, Any]:
    return export_document(plan or hostile_plan(), "uid-1", TODAY)


def problems_of(doc: Any) -> str:
    text = doc if isinstance(doc, str) else json.dumps(doc)
    with pytest.raises(DocumentError) as caught:
        read_document(text)
    return str(caught.value)


# --- checks -----------------------------------------------------------------------------------


def test_not_json_says_where() -> None:
    message = problems_of('{"format": "pop-tui plan",\n "schema": 1,, }')
    assert "line 2" in message and "column" in message


def test_other_json_is_not_an_export() -> None:
    assert "not a pop export" in problems_of({"goals": {}})


def test_newer_schema_is_refused() -> None:
    doc = document()
    doc["schema"] = 99
    assert "newer pop" in problems_of(doc)


def test_unknown_table_and_field_are_named() -> None:
    doc = document()
    doc["tables"]["wishes"] = {}
    doc["tables"]["goals"]["1"]["titel"] = "typo"
    message = problems_of(doc)
    assert "table wishes: there is no such table" in message
    assert "table goals, record 1, field titel: there is no such field" in message


def test_wrong_value_names_table_record_and_field() -> None:
    doc = document()
    doc["tables"]["steps"]["2"]["due"] = "next tuesday"
    doc["tables"]["goals"]["1"]["status"] = "finished"
    doc["tables"]["goals"]["1"]["target"] = "many"
    message = problems_of(doc)
    assert "table steps, record 2, field due:" in message
    assert "table goals, record 1, field status: 'finished' is not one of" in message
    assert "table goals, record 1, field target: expected a number" in message


def test_bad_ids_are_refused() -> None:
    doc = document()
    doc["tables"]["trends"]["x1"] = {"text": "a"}
    doc["tables"]["trends"]["0"] = {"text": "b"}
    doc["tables"]["profile"]["2"] = doc["tables"]["profile"].pop("1")
    message = problems_of(doc)
    assert "table trends, record x1: the id must be a whole number" in message
    assert "table trends, record 0: the id must be a whole number" in message
    assert "table profile, record 2: the profile must have id 1" in message


def test_references_must_point_at_records_in_the_file() -> None:
    doc = document()
    doc["tables"]["steps"]["2"]["goal_id"] = 77
    doc["tables"]["goals"]["1"]["swot_ids"] = [1, 55]
    doc["tables"]["actions"]["1"]["goal_id"] = 2  # now step 1's action belongs to another goal
    message = problems_of(doc)
    assert "table steps, record 2, field goal_id: points at goals 77" in message
    assert "table goals, record 1, field swot_ids: points at swot 55" in message
    assert (
        "table steps, record 1, field action_id: points at actions 1, which belongs to" in message
    )


def test_a_refused_record_is_not_reported_again_by_what_points_at_it() -> None:
    doc = document()
    doc["tables"]["goals"]["1"]["deadline"] = "31-02-2027"
    with pytest.raises(DocumentError) as caught:
        read_document(json.dumps(doc))
    assert [p.where for p in caught.value.problems] == ["table goals, record 1, field deadline"]


def test_numbers_must_be_finite_and_names_appear_once() -> None:
    text = export_json(hostile_plan(), "uid-1", TODAY)
    assert "not a finite number" in problems_of(text.replace('"target": 5.0', '"target": NaN'))
    assert "not a finite number" in problems_of(text.replace('"target": 5.0', '"target": 1e999'))
    doubled = text.replace('"target": 5.0', '"target": 5.0, "target": 6.0')
    assert "appears twice" in problems_of(doubled)


def test_lone_surrogates_are_refused() -> None:
    text = export_json(hostile_plan(), "uid-1", TODAY)
    broken = text.replace('"unit": "€"', '"unit": "\\ud800"')
    assert "table goals, record 1, field unit: the text holds characters" in problems_of(broken)


def test_every_problem_is_listed_not_only_the_first() -> None:
    doc = document()
    for key in ("1", "2", "3"):
        doc["tables"]["steps"][key]["due"] = 5
    with pytest.raises(DocumentError) as caught:
        read_document(json.dumps(doc))
    assert len(caught.value.problems) == 3


def test_damaged_period_archive_is_found() -> None:
    doc = document()
    inner = document()["tables"]
    inner["steps"]["2"]["goal_id"] = 99
    doc["tables"]["periods"] = {
        "1": {"name": "2025", "ended": "2025-12-31", "archive": json.dumps(inner)}
    }
    message = problems_of(doc)
    assert (
        "table periods, record 1, field archive › table steps, record 2, field goal_id" in message
    )


def test_missing_tables_are_empty() -> None:
    doc = document()
    del doc["tables"]["periods"], doc["tables"]["checkins"]
    plan = read_document(json.dumps(doc)).plan
    assert plan.tables["periods"] == {} and plan.tables["checkins"] == {}


# --- replace and merge ------------------------------------------------------------------------


def test_replace_makes_the_plan_equal_and_is_undoable(demo_store: PlanStore) -> None:
    before = demo_store.plan.to_dict()
    imported = hostile_plan()
    demo_store.apply("import", lambda e: replace_plan(e, imported))
    assert demo_store.plan.to_dict() == imported.to_dict()
    demo_store.undo()
    assert demo_store.plan.to_dict() == before


def test_merge_adds_records_with_fresh_ids_and_remapped_references(demo_store: PlanStore) -> None:
    before = demo_store.plan.to_dict()
    imported = hostile_plan()
    demo_store.apply("merge", lambda e: merge_plan(e, imported))
    plan = demo_store.plan
    # Everything that was there is still there.
    for table, rows in before.items():
        if table == "profile":
            continue
        for key, row in rows.items():
            assert plan.tables[table][int(key)].to_dict() == row
    new_goal = next(g for g in plan.goals.values() if g.title.startswith("GOALTITLE"))
    assert new_goal.id not in {int(k) for k in before["goals"]}
    new_steps = [s for s in plan.steps.values() if s.goal_id == new_goal.id]
    assert len(new_steps) == 3
    action = next(a for a in plan.table(Action).values() if a.goal_id == new_goal.id)
    assert all(s.action_id in (None, action.id) for s in new_steps)
    linked = {plan.swot[i].text.split()[0] for i in new_goal.swot_ids}
    assert linked == {"STRENGTH", "THREAT"}
    assert demo_store.plan.profile.owner == "Sam"  # the plan's own profile stays


def test_merging_twice_keeps_both_copies(store: PlanStore) -> None:
    imported = hostile_plan()
    store.apply("merge", lambda e: merge_plan(e, imported))
    store.apply("merge", lambda e: merge_plan(e, imported))
    assert len(store.plan.goals) == 2 * len(imported.goals)
    assert len(store.plan.table(Step)) == 2 * len(imported.steps)


# --- round trip -------------------------------------------------------------------------------


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=plans())
def test_export_import_export_gives_the_same_document(plan: Plan) -> None:
    first = export_json(plan, "round-trip-uid", TODAY)
    checked = read_document(first)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.json"
        target = PlanStore.open(path, now=lambda: NOW)
        target.apply("import", lambda e: replace_plan(e, checked.plan), plan_uid=checked.plan_uid)
        assert export_json(target.plan, target.plan_uid, TODAY) == first
        reopened = PlanStore.open(path)
        assert export_json(reopened.plan, reopened.plan_uid, TODAY) == first


# --- the command --------------------------------------------------------------------------------


@pytest.fixture
def shell(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POP_TODAY", TODAY.isoformat())


def demo_file(path: Path) -> PlanStore:
    made = PlanStore.open(path)
    made.apply("demo", lambda e: populate_demo(e, TODAY, "en"))
    return made


@pytest.mark.usefixtures("shell")
def test_cli_round_trip_into_an_empty_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = demo_file(tmp_path / "a" / "plan.json")
    out = tmp_path / "backup.json"
    assert main(["export", "--format", "json", "-o", str(out), "--db", str(source.path)]) == 0
    empty = tmp_path / "b" / "plan.json"
    assert main(["import", str(out), "--db", str(empty)]) == 0
    assert "Replaced the plan" in capsys.readouterr().out
    again = tmp_path / "again.json"
    assert main(["export", "-o", str(again), "--db", str(empty)]) == 0
    assert again.read_bytes() == out.read_bytes()


@pytest.mark.usefixtures("shell")
def test_cli_bad_file_changes_nothing_and_says_where(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = demo_file(tmp_path / "plan.json")
    before = target.path.read_bytes()
    doc = document()
    doc["tables"]["goals"]["1"]["deadline"] = "31-02-2027"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    assert main(["import", str(bad), "--db", str(target.path)]) == 1
    err = capsys.readouterr().err
    assert "nothing was changed" in err
    assert "table goals, record 1, field deadline" in err
    assert target.path.read_bytes() == before


@pytest.mark.usefixtures("shell")
def test_cli_replace_keeps_a_backup_of_the_previous_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = demo_file(tmp_path / "plan.json")
    before = target.path.read_bytes()
    file = tmp_path / "other.json"
    file.write_text(export_json(hostile_plan(), "uid-2", TODAY))
    assert main(["import", str(file), "--db", str(target.path)]) == 0
    assert "backup 1" in capsys.readouterr().out
    newest = list_backups(target.path)[0]
    assert newest.path.read_bytes() == before
    reopened = PlanStore.open(target.path)
    assert reopened.plan.to_dict() == hostile_plan().to_dict()
    assert reopened.plan_uid == "uid-2"
    reopened.undo()
    assert any(g.title.startswith("Get better at leading") for g in reopened.plan.goals.values())


@pytest.mark.usefixtures("shell")
def test_cli_merge_adds_to_the_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = demo_file(tmp_path / "plan.json")
    goals_before = len(target.plan.goals)
    file = tmp_path / "other.json"
    file.write_text(export_json(hostile_plan(), "uid-2", TODAY))
    assert main(["import", str(file), "--merge", "--db", str(target.path)]) == 0
    assert "Added from" in capsys.readouterr().out
    reopened = PlanStore.open(target.path)
    assert len(reopened.plan.table(Goal)) == goals_before + 2
    assert reopened.plan_uid == target.plan_uid


@pytest.mark.usefixtures("shell")
def test_cli_messages_keep_control_characters_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = document()
    doc["tables"]["goals"]["1"]["ti\x1b[2Jtle"] = 1
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    assert main(["import", str(bad), "--db", str(tmp_path / "plan.json")]) == 1
    assert "\x1b" not in capsys.readouterr().err
