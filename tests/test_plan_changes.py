"""What changed between two versions of a plan, in short lines (core/plan_changes.py)."""

from __future__ import annotations

from datetime import date

import pytest

from pop_tui.core.checkins import check_in
from pop_tui.core.edit import Edit
from pop_tui.core.merge import MergeError, merge_documents
from pop_tui.core.model import Goal, Period, Plan, Step, SwotItem
from pop_tui.core.periods import start_period
from pop_tui.core.plan_changes import describe_changes, short_title
from pop_tui.core.removal import delete_goal, delete_step
from pop_tui.core.texts import set_language
from tests.merge_docs import Replica, document
from tests.test_merge import LAPTOP, ancestor, replicas

DAY = date(2026, 12, 7)


def changes_on(base: dict[str, object], *mutations: object) -> list[str]:
    replica = Replica(base, *LAPTOP)  # type: ignore[arg-type]
    for mutation in mutations:
        replica.edit(mutation)  # type: ignore[arg-type]
    return describe_changes(base, replica.document())  # type: ignore[arg-type]


def test_the_commit_message_of_a_day() -> None:
    base = ancestor()
    lines = changes_on(
        base,
        lambda e: check_in(e, DAY, note="x", done=[1, 2]),
        lambda e: e.add(Goal, title="Learn Rust"),
    )
    assert ", ".join(lines) == "goal added: Learn Rust, 2 steps done, 1 check-in added"


def test_nothing_changed_says_nothing() -> None:
    base = ancestor()
    assert describe_changes(base, base) == []


def test_goals_are_named_and_other_records_counted() -> None:
    base = ancestor()
    lines = changes_on(
        base,
        lambda e: e.update(e.plan.goals[1], status="done"),
        lambda e: delete_step(e, 3),
        lambda e: e.update(e.plan.steps[2], title="Lesson two"),
        lambda e: e.add(SwotItem, text="patient"),
        lambda e: e.update(e.plan.profile, owner="Ann B."),
    )
    assert lines == [
        "goal reached: Learn Dutch",
        "1 step changed",
        "1 step removed",
        "1 SWOT item added",
        "profile changed",
    ]


def test_many_goals_are_counted() -> None:
    base = ancestor()

    def four(edit: Edit) -> None:
        for n in range(4):
            edit.add(Goal, title=f"Goal {n}")

    assert changes_on(base, four, lambda e: delete_goal(e, 1)) == [
        "4 goals added",
        "goal removed: Learn Dutch",
        "3 steps removed",
    ]


def test_a_started_period_is_named() -> None:
    base = ancestor()
    lines = changes_on(base, lambda e: start_period(e, "2027", DAY))
    assert "period started: 2027" in lines
    assert "1 period added" in lines  # the one the plan until now is kept in


def test_titles_are_one_printable_line_cut_short() -> None:
    base = ancestor()
    title = "Learn\nto <b>speak</b> \x1b[31m" + "Dutch " * 20
    (line,) = changes_on(base, lambda e: e.add(Goal, title=title))
    assert "\n" not in line and "\x1b" not in line
    assert line.startswith("goal added: Learn to <b>speak</b>")
    assert line.endswith("…") and len(line) <= len("goal added: ") + 40
    assert short_title("short") == "short"


def test_in_dutch() -> None:
    base = ancestor()
    set_language("nl")
    lines = changes_on(
        base,
        lambda e: check_in(e, DAY, note="x", done=[1]),
        lambda e: e.add(Goal, title="Rust leren"),
    )
    assert lines == ["doel toegevoegd: Rust leren", "1 stap afgerond", "1 check-in toegevoegd"]


def test_a_record_with_a_new_number_is_not_new() -> None:
    base = ancestor()
    a, b = replicas(base)

    def goal_with_a_step(title: str) -> object:
        def add(edit: Edit) -> None:
            goal = edit.add(Goal, title=title)
            edit.add(Step, goal_id=goal.id, title="first")

        return add

    a.edit(goal_with_a_step("Learn Rust"))
    b.edit(goal_with_a_step("Run 10 km"))
    x = a.document()
    merged = merge_documents(base, x, b.document())
    assert {r.table for r in merged.renumbered} == {"goals", "steps"}
    # Whichever of the two goals got the new number: one goal and one step came in.
    lines = describe_changes(x, merged.tables)
    assert lines == ["goal added: Run 10 km", "1 step added"]


def test_what_the_other_side_brought_is_the_incoming_of_a_merge() -> None:
    base = ancestor()
    a, b = replicas(base)
    b.edit(lambda e: e.add(Period, name="2027", started=DAY))
    result = merge_documents(base, a.document(), b.document())
    assert result.incoming == ("period started: 2027",)


def test_two_plans_made_apart() -> None:
    plan = Plan()
    Edit(plan).add(Goal, title="Learn Rust")
    assert describe_changes(None, document(plan)) == ["goal added: Learn Rust"]


def test_not_a_plan_is_refused() -> None:
    with pytest.raises(MergeError):
        describe_changes({}, {"goals": {}})
