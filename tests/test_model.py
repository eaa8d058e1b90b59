"""The POP model: records round-trip through plain JSON-able dicts and refuse bad data."""

from __future__ import annotations

import json
from datetime import date

import pytest

from pop_tui.core.demo import populate_demo
from pop_tui.core.edit import Edit
from pop_tui.core.model import (
    RECORD_TYPES,
    TABLES,
    Goal,
    HeldReview,
    ModelError,
    Plan,
    Review,
    Step,
)

TODAY = date(2026, 11, 29)


def demo_plan(lang: str = "en") -> Plan:
    plan = Plan()
    populate_demo(Edit(plan), TODAY, lang)
    return plan


def test_every_part_of_the_method_has_a_table() -> None:
    expected = {
        "profile", "swot", "trends", "goals", "employer_goals", "actions", "steps",
        "reviews", "checkins", "reflections", "feedback", "progress", "goal_changes",
    }  # fmt: skip
    assert expected <= set(TABLES)
    assert len(RECORD_TYPES) == len(TABLES)


def test_plan_round_trips_through_json_text() -> None:
    plan = demo_plan()
    text = json.dumps(plan.to_dict())
    again = Plan.from_dict(json.loads(text))
    assert again == plan
    assert again.to_dict() == plan.to_dict()


def test_demo_fills_every_table() -> None:
    plan = demo_plan()
    # earlier plan periods and sync conflicts: none in a fresh plan
    method = set(TABLES) - {"periods", "conflicts"}
    empty = [name for name, records in plan.tables.items() if not records and name in method]
    assert empty == []


def test_goal_keeps_smart_fields_dates_and_links() -> None:
    goal = Goal(
        id=7, title="Spreadsheets", metric="test score", unit="%", baseline=40, target=80,
        current=55.5, deadline=date(2027, 3, 1), swot_ids=(1, 2), employer_goal_ids=(3,),
    )  # fmt: skip
    data = goal.to_dict()
    assert data["deadline"] == "2027-03-01"
    assert data["swot_ids"] == [1, 2]
    assert "id" not in data
    assert Goal.from_dict(7, data) == goal


def test_nested_records_round_trip() -> None:
    review = Review(id=1, title="Monthly", start=TODAY, rule="FREQ=MONTHLY",
                    held=(HeldReview(on=TODAY, notes="fine"),))  # fmt: skip
    assert Review.from_dict(1, review.to_dict()) == review


def test_missing_fields_take_defaults_and_unknown_ones_are_ignored() -> None:
    step = Step.from_dict(3, {"title": "Read", "goal_id": 1, "colour": "red"})
    assert step == Step(id=3, goal_id=1, title="Read")


@pytest.mark.parametrize(
    ("data", "word"),
    [
        ({"deadline": 5}, "deadline"),
        ({"deadline": "31-02-2026"}, "deadline"),
        ({"status": "maybe"}, "status"),
        ({"baseline": "ten"}, "baseline"),
        ({"baseline": True}, "baseline"),
        ({"swot_ids": "1,2"}, "swot_ids"),
        ({"title": 12}, "title"),
    ],
)
def test_wrong_types_are_refused_with_the_field_named(data: dict[str, object], word: str) -> None:
    with pytest.raises(ModelError, match=word):
        Goal.from_dict(1, data)


def test_plan_refuses_ids_that_are_not_numbers() -> None:
    with pytest.raises(ModelError, match="not a number"):
        Plan.from_dict({"goals": {"abc": {"title": "x"}}})


def test_tables_this_version_does_not_know_are_ignored() -> None:
    assert Plan.from_dict({"future_table": {"1": {}}}) == Plan()


def test_demo_plan_equals_itself_read_back_from_json() -> None:
    # Numbers in float fields must be floats, or a reopened plan differs from the one written.
    plan = demo_plan()
    again = Plan.from_dict(json.loads(json.dumps(plan.to_dict())))
    assert [type(g.baseline) for g in again.goals.values()] == [
        type(g.baseline) for g in plan.goals.values()
    ]
    assert repr(again) == repr(plan)
