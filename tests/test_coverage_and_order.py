"""Coverage (which goals address what) and the order of items, on the demo plan."""

from __future__ import annotations

import pytest

from pop_tui.core import arrange, coverage, removal
from pop_tui.core.demo import populate_demo
from pop_tui.core.edit import Edit
from pop_tui.core.model import (
    CheckIn,
    EmployerGoal,
    Goal,
    Plan,
    ProgressEntry,
    Reflection,
    Step,
    SwotItem,
    Trend,
)
from pop_tui.core.ops import OpError
from tests.conftest import TODAY


@pytest.fixture
def plan() -> Plan:
    made = Plan()
    populate_demo(Edit(made), TODAY, "en")
    return made


def swot(plan: Plan, text: str) -> SwotItem:
    return next(i for i in plan.swot.values() if i.text == text)


def goal(plan: Plan, title: str) -> Goal:
    return next(g for g in plan.goals.values() if g.title == title)


def texts(items: list[SwotItem]) -> list[str]:
    return [i.text for i in items]


def test_goals_addressing_a_swot_item_come_in_goal_order(plan: Plan) -> None:
    avoid = swot(plan, "I avoid difficult conversations")
    titles = [g.title for g in coverage.goals_addressing(plan, avoid.id)]
    assert titles == ["Get better at leading people", "Communicate better with colleagues"]


def test_a_dropped_goal_no_longer_addresses_anything(plan: Plan) -> None:
    edit = Edit(plan)
    reorg = swot(plan, "A reorganisation is planned")
    assert reorg in coverage.unaddressed_swot_items(plan)
    sheets = goal(plan, "Spreadsheet skills from basic to advanced")
    edit.update(sheets, swot_ids=(*sheets.swot_ids, reorg.id))
    assert reorg not in coverage.unaddressed_swot_items(plan)
    edit.update(plan.goals[sheets.id], status="dropped")
    assert reorg in coverage.unaddressed_swot_items(plan)
    assert coverage.is_gap(plan, plan.swot[reorg.id])


def test_only_weaknesses_and_threats_count_as_gaps(plan: Plan) -> None:
    assert texts(coverage.unaddressed_swot_items(plan)) == ["A reorganisation is planned"]
    calm = swot(plan, "Calm under pressure")
    assert not coverage.goals_addressing(plan, calm.id)
    assert not coverage.is_gap(plan, calm)


def test_employer_goals_nobody_supports_are_found(plan: Plan) -> None:
    assert coverage.unsupported_employer_goals(plan) == []
    edit = Edit(plan)
    new = edit.add(EmployerGoal, title="Open an office abroad", order=2)
    assert coverage.unsupported_employer_goals(plan) == [new]
    sales = next(e for e in plan.employer_goals.values() if e.title.startswith("Grow online"))
    assert [g.title for g in coverage.goals_supporting(plan, sales.id)] == [
        "Learn more about marketing",
        "Spreadsheet skills from basic to advanced",
    ]


def test_moving_an_item_down_swaps_it_with_its_neighbour_in_the_quadrant(plan: Plan) -> None:
    edit = Edit(plan)
    data = swot(plan, "Good at analysing data")
    assert arrange.move(edit, "swot", data.id, +1)
    assert texts(coverage.swot_quadrant(plan, "S")) == [
        "Calm under pressure",
        "Good at analysing data",
    ]
    assert not arrange.move(edit, "swot", data.id, +1)  # already last
    assert arrange.move(edit, "swot", data.id, -1)
    assert texts(coverage.swot_quadrant(plan, "S"))[0] == "Good at analysing data"
    # The other quadrants did not move.
    assert texts(coverage.swot_quadrant(plan, "W"))[0] == "I avoid difficult conversations"


def test_moving_renumbers_a_list_with_duplicate_order_numbers(plan: Plan) -> None:
    edit = Edit(plan)
    for trend in list(plan.table(Trend).values()):
        edit.update(trend, order=0)
    first, second = arrange.ordered(plan.table(Trend).values())
    assert arrange.move(edit, "trends", first.id, +1)
    assert [t.id for t in arrange.ordered(plan.table(Trend).values())] == [second.id, first.id]
    assert sorted(t.order for t in plan.table(Trend).values()) == [0, 1]


def test_moving_an_item_to_another_quadrant_puts_it_last_there(plan: Plan) -> None:
    edit = Edit(plan)
    data = swot(plan, "Good at analysing data")
    arrange.move_to_quadrant(edit, data.id, "O")
    assert texts(coverage.swot_quadrant(plan, "O"))[-1] == "Good at analysing data"
    assert texts(coverage.swot_quadrant(plan, "S")) == ["Calm under pressure"]
    assert plan.swot[swot(plan, "Calm under pressure").id].order == 0


def test_goals_move_within_their_horizon_and_kind(plan: Plan) -> None:
    edit = Edit(plan)
    lead_team = goal(plan, "Lead a team within five years")
    # The only long-term professional goal: nowhere to go.
    assert not arrange.move(edit, "goals", lead_team.id, -1)
    sheets = goal(plan, "Spreadsheet skills from basic to advanced")
    assert arrange.move(edit, "goals", sheets.id, -1)
    group = [g for g in arrange.siblings(plan, plan.goals[sheets.id])]
    assert [g.title for g in group if isinstance(g, Goal)][-2:] == [
        "Spreadsheet skills from basic to advanced",
        "Communicate better with colleagues",
    ]


def test_steps_move_within_their_action(plan: Plan) -> None:
    edit = Edit(plan)
    action = next(a for a in plan.actions.values() if a.action.startswith("Take a course"))
    steps = [
        s
        for s in arrange.siblings(
            plan, next(s for s in plan.steps.values() if s.action_id == action.id)
        )
    ]
    last = steps[-1]
    assert arrange.move(edit, "steps", last.id, -2)
    titles = [s.title for s in arrange.siblings(plan, plan.steps[last.id]) if isinstance(s, Step)]
    assert titles == ["Finish the course", "Find a suitable course", "Sign up for the course"]


def test_moving_a_missing_record_is_an_op_error(plan: Plan) -> None:
    with pytest.raises(OpError):
        arrange.move(Edit(plan), "swot", 999, 1)


def test_deleting_a_swot_item_unlinks_it_from_goals_and_undo_restores_both(plan: Plan) -> None:
    edit = Edit(plan)
    avoid = swot(plan, "I avoid difficult conversations")
    removal.delete_swot_item(edit, avoid.id)
    assert avoid.id not in plan.swot
    assert all(avoid.id not in g.swot_ids for g in plan.goals.values())
    edit.rollback()
    assert plan.swot[avoid.id] == avoid
    assert avoid.id in goal(plan, "Get better at leading people").swot_ids


def test_deleting_an_employer_goal_unlinks_it(plan: Plan) -> None:
    edit = Edit(plan)
    teams = next(e for e in plan.employer_goals.values() if e.title.startswith("Better coop"))
    removal.delete_employer_goal(edit, teams.id)
    assert all(teams.id not in g.employer_goal_ids for g in plan.goals.values())


def test_deleting_a_goal_takes_what_exists_only_for_it(plan: Plan) -> None:
    sheets = goal(plan, "Spreadsheet skills from basic to advanced")
    found = removal.goal_dependents(plan, sheets.id)
    assert (found.actions, found.steps) == (1, 4)
    assert found.other == 5  # three progress entries, one adjustment, one review
    removal.delete_goal(Edit(plan), sheets.id)
    assert sheets.id not in plan.goals
    assert all(a.goal_id != sheets.id for a in plan.actions.values())
    assert all(s.goal_id != sheets.id for s in plan.steps.values())
    assert all(p.goal_id != sheets.id for p in plan.table(ProgressEntry).values())
    assert all(r.goal_id != sheets.id for r in plan.reviews.values())


def test_deleting_an_action_takes_its_steps_but_keeps_reflections_on_the_goal(plan: Plan) -> None:
    action = next(a for a in plan.actions.values() if a.action.startswith("Take a course"))
    reflection = next(iter(plan.table(Reflection).values()))
    edit = Edit(plan)
    step = next(s for s in plan.steps.values() if s.action_id == action.id and s.done_on is None)
    edit.add(CheckIn, on=TODAY, step_ids=(step.id,))
    assert removal.action_dependents(plan, action.id).steps == 3
    removal.delete_action(edit, action.id)
    assert action.id not in plan.actions
    assert all(s.action_id != action.id for s in plan.steps.values())
    kept = plan.table(Reflection)[reflection.id]
    assert kept.step_id is None and kept.goal_id == reflection.goal_id
    assert all(step.id not in c.step_ids for c in plan.checkins.values())
