"""``pop review``, ``pop feedback`` and ``pop edit``: every part of the plan from a shell."""

from __future__ import annotations

import json
from datetime import date

import pytest

from pop_tui.core.model import Feedback, GoalChange, ProgressEntry, Reflection
from pop_tui.store.plan_store import PlanStore
from tests.conftest import TODAY
from tests.pop_shell import pop

Capsys = pytest.CaptureFixture[str]


def _bytes(store: PlanStore) -> bytes:
    return store.path.read_bytes()


# --- pop review ------------------------------------------------------------------------


def test_review_lists_the_reviews_due_with_their_numbers(
    demo_store: PlanStore, capsys: Capsys
) -> None:
    ran = pop(capsys, "review", "--db", demo_store.path)
    assert ran.code == 0, ran.err
    lines = ran.out.splitlines()
    assert lines[0] == "  #1  in 5 days     Monthly look at my plan · whole plan · monthly"
    assert lines[-1].startswith("Hold one with: pop review hold N")
    wider = pop(capsys, "review", "list", "--days", "14", "--db", demo_store.path).out
    assert "#2" in wider and "Quarterly check" in wider


def test_review_json_has_version_ids_and_iso_dates(demo_store: PlanStore, capsys: Capsys) -> None:
    document = json.loads(pop(capsys, "review", "--json", "--db", demo_store.path).out)
    assert document["version"] == 1
    assert document["today"] == TODAY.isoformat()
    review = document["reviews"][0]
    assert (review["id"], review["due"], review["in_days"], review["rule"]) == (
        1,
        "2026-12-04",
        5,
        "FREQ=MONTHLY",
    )


def test_holding_a_review_records_progress_notes_and_moves_it_on(
    demo_store: PlanStore, capsys: Capsys
) -> None:
    ran = pop(
        capsys,
        "review", "hold", "2", "--progress", "60", "--went-well", "pivot tables",
        "--what-next", "macros", "--notes", "good", "quarter", "--db", demo_store.path,
    )  # fmt: skip
    assert ran.code == 0, ran.err
    assert ran.out == (
        "Review held: #2 Quarterly check of the spreadsheet goal · goals measured: 1"
        " · notes: 1 · next Tue 9 Mar 2027\n"
    )
    plan = PlanStore.open(demo_store.path).plan
    review = plan.reviews[2]
    assert review.held[-1].on == TODAY and review.held[-1].notes == "good quarter"
    assert plan.goals[4].current == 60
    assert any(p.goal_id == 4 and p.value == 60 for p in plan.table(ProgressEntry).values())
    note = max(plan.table(Reflection).values(), key=lambda r: r.id)
    assert (note.goal_id, note.learned, note.differently) == (4, "pivot tables", "macros")
    # One change: one undo takes all of it back.
    assert pop(capsys, "undo", "--db", demo_store.path).code == 0
    assert PlanStore.open(demo_store.path).plan == demo_store.plan


def test_hold_with_next_sets_the_next_date_and_stays_undoable(
    demo_store: PlanStore, capsys: Capsys
) -> None:
    ran = pop(
        capsys, "review", "hold", "1", "--goal", "4", "--progress", "70", "--next", "+3w",
        "--db", demo_store.path,
    )  # fmt: skip
    assert ran.code == 0, ran.err
    assert ran.out.endswith("next Sun 20 Dec 2026\n")
    review = PlanStore.open(demo_store.path).plan.reviews[1]
    assert (review.next_on, review.start) == (date(2026, 12, 20), date(2026, 12, 20))
    assert pop(capsys, "undo", "--db", demo_store.path).code == 0
    assert PlanStore.open(demo_store.path).plan == demo_store.plan


@pytest.mark.parametrize(
    ("args", "message"),
    [
        # A review of the whole plan: which goal the value is about must be said.
        (["1", "--progress", "3"], "covers several goals"),
        # The wizard's rule: an adjustment needs its reason.
        (["2", "--deadline", "+1y"], "say why the goal changes with --reason"),
        (["2", "--title", " "], "The goal needs a wording."),
        (["2", "--progress", "lots"], "--progress"),
        (["2", "--goal", "1"], "is not part of this review"),
        (["1", "--goal", "1", "--progress", "3"], "has no measure"),
        (["2", "--next", "today"], "must come after today"),
        (["9"], "there is no review number 9"),
    ],
)
def test_a_hold_that_breaks_the_wizards_rules_changes_nothing(
    demo_store: PlanStore, capsys: Capsys, args: list[str], message: str
) -> None:
    before = _bytes(demo_store)
    ran = pop(capsys, "review", "hold", *args, "--db", demo_store.path)
    assert ran.code == 1
    assert message in ran.err and ran.out == ""
    assert _bytes(demo_store) == before


def test_an_adjustment_with_its_reason_keeps_a_goal_change(
    demo_store: PlanStore, capsys: Capsys
) -> None:
    ran = pop(
        capsys, "review", "hold", "2", "--deadline", "2027-06-30", "--reason", "more time",
        "--db", demo_store.path,
    )  # fmt: skip
    assert ran.code == 0, ran.err
    plan = PlanStore.open(demo_store.path).plan
    change = max(plan.table(GoalChange).values(), key=lambda c: c.id)
    assert (change.goal_id, change.field, change.after, change.reason) == (
        4,
        "deadline",
        "2027-06-30",
        "more time",
    )


def test_review_texts_in_dutch(demo_store: PlanStore, capsys: Capsys) -> None:
    ran = pop(
        capsys, "--lang", "nl", "review", "hold", "1", "--progress", "3", "--db", demo_store.path
    )
    assert ran.code == 1 and "deze evaluatie gaat over meer doelen" in ran.err


# --- pop feedback ----------------------------------------------------------------------


def test_feedback_ask_answer_and_list(demo_store: PlanStore, capsys: Capsys) -> None:
    db = ("--db", demo_store.path)
    ran = pop(capsys, "feedback", "ask", "my", "coach", "-q", "How", "was", "my", "talk",
              "--by", "+2w", "--goal", "3", *db)  # fmt: skip
    assert ran.code == 0, ran.err
    assert ran.out == "Asked #2: my coach · wanted by Sun 13 Dec 2026\n"
    made = PlanStore.open(demo_store.path).plan.table(Feedback)[2]
    assert (made.from_whom, made.question, made.asked_on, made.wanted_by, made.goal_id) == (
        "my coach",
        "How was my talk",
        TODAY,
        date(2026, 12, 13),
        3,
    )
    listed = pop(capsys, "feedback", *db).out.splitlines()
    assert listed[0].startswith("  #1  3 d late      my manager:")
    assert listed[1].startswith("  #2  in 14 days    my coach: How was my talk")
    ran = pop(capsys, "feedback", "answer", "2", "Very", "clear", *db)
    assert ran.code == 0, ran.err
    answered = PlanStore.open(demo_store.path).plan.table(Feedback)[2]
    assert (answered.answer, answered.answered_on) == ("Very clear", TODAY)
    document = json.loads(pop(capsys, "feedback", "--all", "--json", *db).out)
    assert document["version"] == 1
    assert [f["id"] for f in document["open"]] == [1]
    assert document["answered"][0]["id"] == 2
    assert document["answered"][0]["answered_on"] == TODAY.isoformat()
    assert pop(capsys, "undo", *db).out == "Undone: Feedback from my coach\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ask", " ", "-q", "x"], "--from-whom may not be empty"),
        (["ask", "Kim", "--by", "someday"], "is not a date I understand"),
        (["ask", "Kim", "--goal", "99"], "there is no goal number 99"),
        (["ask", "Kim", "--asked", "2026-11-20", "--by", "2026-11-10"], "before it was asked"),
        (["answer", "1", " "], "--answer may not be empty"),
        (["answer", "7", "fine"], "there is no feedback request number 7"),
    ],
)
def test_feedback_refusals_change_nothing(
    demo_store: PlanStore, capsys: Capsys, args: list[str], message: str
) -> None:
    before = _bytes(demo_store)
    ran = pop(capsys, "feedback", *args, "--db", demo_store.path)
    assert ran.code == 1, ran.out
    assert message in ran.err
    assert _bytes(demo_store) == before


# --- pop edit --------------------------------------------------------------------------


def test_edit_goal_changes_only_the_named_fields_and_warns_the_smart_hints(
    demo_store: PlanStore, capsys: Capsys
) -> None:
    before = demo_store.plan.goals[4]
    ran = pop(
        capsys, "edit", "goal", "4", "--target", "100", "--means", "", "--db", demo_store.path
    )
    assert ran.code == 0, ran.err
    assert ran.out == "Changed goal #4: Spreadsheet skills from basic to advanced · means, target\n"
    # The SMART check is advice on stderr: emptying the means makes R weak.
    assert "pop: SMART, Realistic:" in ran.err
    after = PlanStore.open(demo_store.path).plan.goals[4]
    assert after == before.replace(target=100.0, means="")
    assert pop(capsys, "undo", "--db", demo_store.path).out.startswith("Undone: Edit goal:")


def test_edit_goal_moved_to_another_horizon_goes_last_there(
    demo_store: PlanStore, capsys: Capsys
) -> None:
    assert pop(capsys, "edit", "goal", "1", "--horizon", "long", "--db", demo_store.path).code == 0
    goals = PlanStore.open(demo_store.path).plan.goals
    longs = [g for g in goals.values() if g.horizon == "long" and g.kind == "professional"]
    assert max(longs, key=lambda g: g.order).id == 1


def test_edit_action_to_another_goal_takes_its_steps(demo_store: PlanStore, capsys: Capsys) -> None:
    steps = [s.id for s in demo_store.plan.steps.values() if s.action_id == 1]
    assert steps
    ran = pop(capsys, "edit", "action", "1", "--goal", "2", "--db", demo_store.path)
    assert ran.code == 0, ran.err
    plan = PlanStore.open(demo_store.path).plan
    assert plan.actions[1].goal_id == 2
    assert {plan.steps[s].goal_id for s in steps} == {2}
    pop(capsys, "undo", "--db", demo_store.path)
    assert PlanStore.open(demo_store.path).plan == demo_store.plan


def test_edit_step_and_review(demo_store: PlanStore, capsys: Capsys) -> None:
    db = ("--db", demo_store.path)
    assert pop(capsys, "edit", "step", "13", "--due", "+2d", "--title", "Pivots", *db).code == 0
    step = PlanStore.open(demo_store.path).plan.steps[13]
    assert (step.title, step.due) == ("Pivots", date(2026, 12, 1))
    ran = pop(capsys, "edit", "review", "3", "--every", "monthly", "--on", "15", *db)
    assert ran.code == 0, ran.err
    assert ran.out.endswith("· on, every\n")
    review = PlanStore.open(demo_store.path).plan.reviews[3]
    assert (review.rule, review.next_on, review.start) == (
        "FREQ=MONTHLY",
        date(2026, 12, 15),
        date(2026, 12, 15),
    )
    assert pop(capsys, "edit", "review", "3", "--goal", "plan", "--title", "", *db).code == 0
    review = PlanStore.open(demo_store.path).plan.reviews[3]
    assert (review.goal_id, review.title) == (None, "Review of my plan")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["goal", "4"], "say what to change in the goal"),
        (["goal", "4", "--title", ""], "--title may not be empty"),
        (["goal", "4", "--baseline", "lots"], "--baseline:"),
        (["goal", "4", "--baseline", "80"], "--target: The target equals the starting value"),
        (["goal", "4", "--deadline", "31-02-2027"], "does not exist"),
        (["goal", "4", "--title", "x" * 201], "--title:"),
        (["step", "99", "--due", "fri"], "there is no step number 99"),
        (["action", "1", "--action", " "], "--action may not be empty"),
        (["review", "3", "--on", ""], "--on may not be empty"),
        (["review", "3", "--every", "now and then"], "not a repetition"),
    ],
)
def test_edit_refusals_change_nothing(
    demo_store: PlanStore, capsys: Capsys, args: list[str], message: str
) -> None:
    before = _bytes(demo_store)
    ran = pop(capsys, "edit", *args, "--db", demo_store.path)
    assert ran.code == 1, ran.out
    assert message in ran.err
    assert _bytes(demo_store) == before


def test_edit_in_dutch(demo_store: PlanStore, capsys: Capsys) -> None:
    ran = pop(
        capsys, "--lang", "nl", "edit", "step", "13", "--due", "overmorgen", "--db", demo_store.path
    )
    assert ran.code == 0, ran.err
    assert ran.out.startswith("stap #13 gewijzigd: ")


def test_unknown_kind_is_a_usage_error(demo_store: PlanStore, capsys: Capsys) -> None:
    ran = pop(capsys, "edit", "swot", "1", "--db", demo_store.path)
    assert ran.code == 2
    assert "usage:" in ran.err


def test_usage_errors_are_in_the_users_language(demo_store: PlanStore, capsys: Capsys) -> None:
    dutch = pop(capsys, "--lang", "nl", "checkin", "--mood", "7", "--db", demo_store.path)
    assert dutch.code == 2 and dutch.out == ""
    assert dutch.err.startswith("gebruik: pop checkin")
    assert "pop checkin: fout: bij --mood: ongeldige keuze: 7" in dutch.err
    english = pop(capsys, "--lang", "en", "edit", "--db", demo_store.path)
    assert english.code == 2
    assert english.err.startswith("usage: pop edit")
    assert "the following arguments are required: KIND" in english.err


def test_json_never_holds_a_terminal_escape(demo_store: PlanStore, capsys: Capsys) -> None:
    db = ("--db", demo_store.path)
    hostile = "\x1b[31mred\x1b[0m\x07"
    assert pop(capsys, "edit", "step", "13", "--title", hostile, *db).code == 0
    assert pop(capsys, "edit", "review", "1", "--title", hostile, *db).code == 0
    assert pop(capsys, "feedback", "ask", hostile, "--by", "today", *db).code == 0
    for words in (
        ["agenda", "--json"],
        ["list", "steps", "--json"],
        ["list", "reviews", "--all", "--json"],
        ["review", "--json"],
        ["feedback", "--all", "--json"],
        ["status", "--json"],
    ):
        out = pop(capsys, *words, *db).out
        assert out.isascii() and "\x1b" not in out and "\x07" not in out, words
        document = json.loads(out)
        assert document["version"] == 1 and document["today"] == TODAY.isoformat()
    steps = json.loads(pop(capsys, "list", "steps", "--json", *db).out)["steps"]
    assert hostile in [s["title"] for s in steps]  # the data itself is kept as it is
    # And the text forms show it harmlessly.
    text = pop(capsys, "agenda", *db).out + pop(capsys, "feedback", *db).out
    assert "\x1b" not in text and "␛[31mred" in text
