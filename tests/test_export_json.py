"""The full JSON export: its document, and text kept exactly yet safe in a terminal."""

from __future__ import annotations

import json

from pop_tui import __version__
from pop_tui.core.export.json_doc import FORMAT, SCHEMA, export_json, read_document
from pop_tui.core.model import TABLES
from tests.hostile import NASTY, TODAY, hostile_plan


def test_document_has_format_schema_uid_and_every_table() -> None:
    document = json.loads(export_json(hostile_plan(), "uid-1", TODAY))
    assert document["format"] == FORMAT
    assert document["schema"] == SCHEMA
    assert document["plan_uid"] == "uid-1"
    assert document["exported_on"] == "2026-11-29"
    assert document["app_version"] == __version__
    assert set(document["tables"]) == set(TABLES)
    assert "_history" not in document and "_meta" not in document["tables"]


def test_user_text_is_kept_exactly() -> None:
    plan = hostile_plan()
    document = json.loads(export_json(plan, "uid-1", TODAY))
    assert document["tables"]["goals"]["1"]["title"] == plan.goals[1].title
    assert NASTY in plan.goals[1].title


def test_characters_that_act_on_a_terminal_are_escaped() -> None:
    text = export_json(hostile_plan(), "uid-1", TODAY)
    assert not [c for c in text if (ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) <= 0x9F]
    assert "\u202e" not in text
    assert "\\u009b" in text and "\\u001b" in text and "\\u202e" in text


def test_export_is_stable() -> None:
    plan = hostile_plan()
    assert export_json(plan, "u", TODAY) == export_json(plan, "u", TODAY)


def test_export_reads_back_to_the_same_plan() -> None:
    plan = hostile_plan()
    document = read_document(export_json(plan, "uid-1", TODAY))
    assert document.plan.to_dict() == plan.to_dict()
    assert document.plan_uid == "uid-1"
    assert document.exported_on == TODAY
