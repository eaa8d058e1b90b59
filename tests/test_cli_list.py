"""``pop list goals|steps|reviews [--all]``: the records with the numbers a REF can use."""

from __future__ import annotations

from pathlib import Path

import pytest

from pop_tui.core.edit import Edit
from pop_tui.store.plan_store import PlanStore
from tests.pop_shell import pop


def test_list_goals_shows_number_deadline_title_and_kind(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = pop(capsys, "list", "goals", "--db", demo_store.path)
    assert ran.code == 0
    lines = ran.out.splitlines()
    # Every column is named, the deadline's too.
    assert lines[0] == "   #  deadline         goal · term, kind, status"
    assert lines[1] == (
        "  #1  Wed 28 Apr 2027  Get better at leading people · short term, professional"
    )
    assert lines[-1] == "  #6  Sun 29 Oct 2028  Speak Spanish at B1 level · long term, broad"
    assert len(lines) == 7
    dutch = pop(capsys, "--lang", "nl", "list", "goals", "--db", demo_store.path).out
    assert dutch.splitlines()[0] == "   #  deadline         doel · termijn, soort, status"


def test_list_steps_shows_open_steps_soonest_first_and_counts_the_rest(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = pop(capsys, "list", "steps", "--db", demo_store.path).out.splitlines()
    assert lines[0].startswith(" #13  Fri 20 Nov 2026  Module 2: pivot tables · Spreadsheet")
    assert not any("done" in line for line in lines[:-1])
    assert lines[-1] == (
        f"4 more (finished or dropped): pop list steps --all --db {demo_store.path}"
    )


def test_list_steps_all_includes_done_steps_with_their_date(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    out = pop(capsys, "list", "steps", "--all", "--db", demo_store.path).out
    assert (
        "  #1  Fri 30 Oct 2026  Find a suitable course · Get better at leading people"
        " · done Tue 27 Oct 2026"
    ) in out.splitlines()
    assert "more (finished" not in out


def test_list_goals_all_shows_reached_and_dropped_goals(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    def drop(edit: Edit) -> None:
        edit.update(edit.plan.goals[6], status="dropped")

    demo_store.apply("drop", drop)
    assert "Speak Spanish" not in pop(capsys, "list", "goals", "--db", demo_store.path).out
    out = pop(capsys, "list", "goals", "--all", "--db", demo_store.path).out
    assert "Speak Spanish at B1 level · long term, broad, dropped" in out
    # The steps of a dropped goal leave the default list too.
    assert "spring class" not in pop(capsys, "list", "steps", "--db", demo_store.path).out


def test_list_reviews_shows_next_date_subject_and_repeat(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = pop(capsys, "list", "reviews", "--db", demo_store.path).out.splitlines()
    assert lines == [
        "  #1  Fri 4 Dec 2026   Monthly look at my plan · whole plan · monthly",
        "  #2  Wed 9 Dec 2026   Quarterly check of the spreadsheet goal"
        " · Spreadsheet skills from basic to advanced · quarterly",
        "  #3  Fri 8 Jan 2027   Performance conversation with my manager · whole plan",
    ]


@pytest.mark.parametrize(
    ("what", "hint"),
    [
        ("goals", "No goals yet. Add one with: pop add goal TITLE --db "),
        ("steps", "No steps yet. Add one with: pop add step GOAL TITLE --db "),
        ("reviews", "No reviews planned. Plan one with: pop add review --on DATE --db "),
    ],
)
def test_lists_of_an_empty_plan_say_how_to_add_one(
    plan_path: Path, capsys: pytest.CaptureFixture[str], what: str, hint: str
) -> None:
    ran = pop(capsys, "list", what, "--db", plan_path)
    assert ran.code == 0
    assert ran.out == f"{hint}{plan_path}\n"
    assert not plan_path.exists()


def test_list_of_something_else_is_a_usage_error(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = pop(capsys, "list", "actions", "--db", demo_store.path)
    assert ran.code == 2
    assert "invalid choice" in ran.err


def test_titles_with_control_characters_are_shown_harmlessly(
    plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pop(capsys, "add", "goal", "Evil\x1b]0;owned\x07title", "--db", plan_path)
    out = pop(capsys, "list", "goals", "--db", plan_path).out
    assert "\x1b" not in out and "\x07" not in out
    assert "Evil␛]0;owned␇title" in out
