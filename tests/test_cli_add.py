"""``pop add goal|step|review``: new records from a shell, every date checked first."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pop_tui.store.plan_store import PlanStore
from tests.conftest import TODAY
from tests.pop_shell import pop


def test_add_goal_with_all_its_options(plan_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ran = pop(
        capsys,
        "add", "goal", "Speak", "Spanish", "--deadline", "eoy", "--horizon", "long",
        "--kind", "broad", "--db", plan_path,
    )  # fmt: skip
    assert ran.code == 0, ran.err
    assert ran.out == "Added goal #1: Speak Spanish · deadline Thu 31 Dec 2026\n"
    goal = PlanStore.open(plan_path).plan.goals[1]
    assert (goal.title, goal.deadline, goal.horizon, goal.kind, goal.status) == (
        "Speak Spanish",
        date(2026, 12, 31),
        "long",
        "broad",
        "active",
    )
    assert goal.created == TODAY


def test_new_goals_come_after_the_existing_ones(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    assert pop(capsys, "add", "goal", "Run a 10k", "--db", demo_store.path).code == 0
    goals = PlanStore.open(demo_store.path).plan.goals
    new = max(goals.values(), key=lambda g: g.id)
    assert new.order > max(g.order for g in goals.values() if g.id != new.id)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["goal", "X", "--deadline", "31-02-2026"], '"31-02-2026" does not exist'),
        (["goal", "X", "--deadline", "someday"], '"someday" is not a date I understand'),
        (["step", "1", "X", "--due", "1-13-2026"], "there is no month 13"),
        (["review", "--on", "next blue moon"], "is not a date I understand"),
        (["review", "--on", "friday", "--every", "now and then"], "not a repetition"),
        (["goal", "  "], "the title is empty"),
        (["step", "99", "X"], "there is no goal number 99"),
        (["step", "nope", "X"], 'no goal title starts with "nope"'),
        (["step", "l", "X"], '"l" fits 2 goals'),
        (["review", "zz", "--on", "friday"], 'no goal title starts with "zz"'),
    ],
)
def test_bad_dates_refs_and_titles_are_refused_and_change_nothing(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    before = demo_store.path.read_bytes()
    ran = pop(capsys, "add", *args, "--db", demo_store.path)
    assert ran.code == 1
    assert ran.out == ""
    assert ran.err.startswith("pop: ")
    assert message in ran.err
    assert demo_store.path.read_bytes() == before


def test_a_bad_date_message_shows_the_forms_that_work(
    plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = pop(capsys, "add", "goal", "X", "--deadline", "someday", "--db", plan_path)
    assert "Try: 2026-12-01" in ran.err
    assert not plan_path.exists()


@pytest.mark.parametrize(
    "args",
    [
        ["goal"],
        ["goal", "X", "--horizon", "medium"],
        ["goal", "X", "--kind", "hobby"],
        ["step", "1"],
        ["review", "1"],
        ["task", "X"],
        [],
    ],
)
def test_malformed_add_commands_are_usage_errors(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    before = demo_store.path.read_bytes()
    ran = pop(capsys, "add", *args, "--db", demo_store.path)
    assert ran.code == 2
    assert "usage:" in ran.err
    assert demo_store.path.read_bytes() == before


def test_add_step_to_a_goal_named_by_title_start(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = pop(
        capsys,
        "add",
        "step",
        "spreadsheet",
        "Ask Kim",
        "for",
        "tips",
        "--due",
        "fri",
        "--db",
        demo_store.path,
    )
    assert ran.code == 0, ran.err
    assert ran.out == (
        "Added step #17: Ask Kim for tips · Spreadsheet skills from basic to advanced"
        " · due Fri 4 Dec 2026\n"
    )
    plan = PlanStore.open(demo_store.path).plan
    step = plan.steps[17]
    assert (step.goal_id, step.due, step.done_on) == (4, date(2026, 12, 4), None)
    assert step.order == 4  # after the goal's four steps


def test_add_step_without_due_date(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = pop(capsys, "add", "step", "#6", "Find a teacher", "--db", demo_store.path)
    assert ran.out == "Added step #17: Find a teacher · Speak Spanish at B1 level\n"


def test_add_step_due_in_the_past_says_it_is_late_at_once(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = pop(capsys, "add", "step", "#6", "Book", "--due", "yesterday", "--db", demo_store.path)
    assert ran.code == 0, ran.err
    assert ran.out.endswith("· due Sat 28 Nov 2026 · in the past: this is late at once\n")


def test_add_recurring_review_of_a_goal(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = pop(
        capsys,
        "add",
        "review",
        "Speak",
        "--on",
        "+3d",
        "--every",
        "monthly",
        "--db",
        demo_store.path,
    )
    assert ran.code == 0, ran.err
    assert (
        ran.out
        == "Planned review #4: Review: Speak Spanish at B1 level · Wed 2 Dec 2026 · monthly\n"
    )
    review = PlanStore.open(demo_store.path).plan.reviews[4]
    assert (review.goal_id, review.start, review.next_on, review.rule) == (
        6,
        date(2026, 12, 2),
        date(2026, 12, 2),
        "FREQ=MONTHLY",
    )


def test_add_one_off_review_of_the_whole_plan_with_a_title(
    plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = pop(
        capsys,
        "add",
        "review",
        "--on",
        "tomorrow",
        "--title",
        "Talk to my coach",
        "--db",
        plan_path,
    )
    assert ran.out == "Planned review #1: Talk to my coach · Mon 30 Nov 2026\n"
    review = PlanStore.open(plan_path).plan.reviews[1]
    assert (review.goal_id, review.rule, review.next_on) == (None, "", date(2026, 11, 30))
    ran = pop(capsys, "add", "review", "--on", "eom", "--db", plan_path)
    assert ran.out == "Planned review #2: Review of my plan · Mon 30 Nov 2026\n"


def test_an_added_goal_is_one_undo(plan_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pop(capsys, "add", "goal", "Learn Go", "--db", plan_path)
    assert pop(capsys, "undo", "--db", plan_path).out == "Undone: Add goal: Learn Go\n"
    assert PlanStore.open(plan_path).plan.goals == {}
