"""What the evaluation section reads and writes: held reviews with their notes, history,
feedback asked and answered, and reflections with or without a step."""

from __future__ import annotations

import string
from datetime import date, timedelta

import pytest

from pop_tui.core import agenda, evaluation
from pop_tui.core.dates import DateError
from pop_tui.core.edit import Edit
from pop_tui.core.model import (
    Feedback,
    Goal,
    GoalChange,
    HeldReview,
    Plan,
    ProgressEntry,
    Reflection,
    Review,
)
from pop_tui.core.ops import OpError
from pop_tui.core.texts import evaluation as texts_evaluation
from tests.conftest import TODAY


def plan_with(*records: object) -> Plan:
    plan = Plan()
    for record in records:
        plan.put(record)  # type: ignore[arg-type]
    return plan


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


def test_next_reviews_are_those_with_a_date_soonest_first() -> None:
    plan = plan_with(
        Review(1, title="later", next_on=days(30)),
        Review(2, title="held one-off", next_on=None, held=(HeldReview(days(-2)),)),
        Review(3, title="overdue", next_on=days(-1)),
    )
    assert [r.title for r in evaluation.next_reviews(plan)] == ["overdue", "later"]


def test_held_reviews_come_newest_first_with_the_notes_written_on_their_goals() -> None:
    plan = plan_with(
        Goal(1, title="a"),
        Goal(2, title="b"),
        Review(1, title="monthly", held=(HeldReview(days(-30), "first"), HeldReview(days(-1)))),
        Review(2, title="about b", goal_id=2, held=(HeldReview(days(-1)),)),
        Reflection(1, on=days(-1), goal_id=1, learned="a went well"),
        Reflection(2, on=days(-1), goal_id=2, differently="b: plan better"),
        Reflection(3, on=days(-1), goal_id=1, step_id=4, learned="after a step"),
    )
    found = [
        (v.review.title, v.held.on, [r.id for r in v.goal_notes])
        for v in evaluation.held_reviews(plan)
    ]
    assert found == [
        ("about b", days(-1), [2]),  # a review of one goal shows only that goal's notes
        ("monthly", days(-1), [1, 2]),  # a reflection after a step is no review note
        ("monthly", days(-30), []),
    ]


def test_a_review_held_twice_on_one_day_is_listed_twice() -> None:
    plan = plan_with(Review(1, title="r", held=(HeldReview(TODAY), HeldReview(TODAY))))
    assert [v.index for v in evaluation.held_reviews(plan)] == [1, 0]


@pytest.mark.parametrize("module", [texts_evaluation])
def test_every_text_has_both_languages_with_the_same_placeholders(module: object) -> None:
    en: dict[str, str] = module.EN  # type: ignore[attr-defined]
    nl: dict[str, str] = module.NL  # type: ignore[attr-defined]
    assert set(en) == set(nl)
    for key in en:
        assert fields(en[key]) == fields(nl[key]), key
        assert en[key].strip() and nl[key].strip(), key


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_history_points_run_from_baseline_to_target_even_downwards() -> None:
    goal = Goal(1, baseline=20.0, target=10.0)
    entries = [
        ProgressEntry(2, goal_id=1, on=days(-1), value=12.0),
        ProgressEntry(1, goal_id=1, on=days(-9), value=20.0),
        ProgressEntry(3, goal_id=2, on=days(-5), value=1.0),
    ]
    plan = plan_with(goal, *entries)
    history = evaluation.progress_history(plan, 1)
    assert [e.id for e in history] == [1, 2]
    assert evaluation.history_points(goal, history) == pytest.approx([0.0, 0.8])
    assert evaluation.history_points(Goal(1), history) == []  # no measure: no chart


def test_goal_changes_come_newest_first() -> None:
    plan = plan_with(
        GoalChange(1, goal_id=1, on=days(-40), field="deadline"),
        GoalChange(2, goal_id=1, on=days(-2), field="target"),
    )
    assert [c.id for c in evaluation.goal_changes(plan)] == [2, 1]


def test_feedback_is_asked_answered_and_late_until_answered() -> None:
    plan = plan_with(Goal(1, title="talk"))
    edit = Edit(plan)
    asked = evaluation.ask_feedback(edit, "Kim", 1, "How was my talk?", days(-10), days(-2))
    loose = evaluation.ask_feedback(edit, "Jo", None, "", days(-1), None)
    assert [f.id for f in evaluation.open_feedback(plan)] == [asked.id, loose.id]
    assert [late.feedback.id for late in agenda.overdue_feedback(plan, TODAY)] == [asked.id]

    answered = evaluation.answer_feedback(edit, asked.id, "  Clear, but too fast.  ", days(-1))
    assert (answered.answer, answered.answered_on) == ("Clear, but too fast.", days(-1))
    assert agenda.overdue_feedback(plan, TODAY) == []
    assert [f.id for f in evaluation.answered_feedback(plan)] == [asked.id]

    reopened = evaluation.answer_feedback(edit, asked.id, " ", TODAY)
    assert (reopened.answer, reopened.answered_on) == ("", None)
    with pytest.raises(OpError):
        evaluation.answer_feedback(edit, 99, "x", TODAY)


def test_feedback_about_a_goal_deleted_meanwhile_keeps_its_text() -> None:
    plan = Plan()
    made = evaluation.ask_feedback(Edit(plan), "Kim", 5, "?", TODAY, None)
    assert (made.goal_id, made.from_whom) == (None, "Kim")


def test_a_reflection_can_be_written_without_a_step_and_is_listed_per_goal() -> None:
    plan = plan_with(Goal(1, title="a", order=1), Goal(2, title="b", order=0))
    edit = Edit(plan)
    first = evaluation.write_reflection(edit, days(-5), 1, "plan ahead", "")
    second = evaluation.write_reflection(edit, days(-1), 1, "", "ask earlier")
    other = evaluation.write_reflection(edit, days(-3), 2, "b", "")
    loose = evaluation.write_reflection(edit, TODAY, None, "in general", "", step_id=77)
    assert first.step_id is None and loose.step_id is None  # step 77 does not exist
    grouped = [
        (goal.title if goal else None, [r.id for r in group])
        for goal, group in evaluation.reflections_by_goal(plan)
    ]
    assert grouped == [("b", [other.id]), ("a", [second.id, first.id]), (None, [loose.id])]


def test_unanswered_feedback_without_a_date_is_listed_last() -> None:
    plan = plan_with(
        Feedback(1, from_whom="x", wanted_by=None),
        Feedback(2, from_whom="y", wanted_by=days(3)),
        Feedback(3, from_whom="z", answer="done", answered_on=days(-1)),
    )
    assert [f.id for f in evaluation.open_feedback(plan)] == [2, 1]


# --- the evaluation screen's forms, as plain functions ------------------------------------


def test_plan_review_reads_the_repeat_and_drops_a_goal_deleted_meanwhile() -> None:
    plan = plan_with(Goal(1, title="speak"))
    edit = Edit(plan)
    monthly = evaluation.plan_review(edit, "Monthly", 1, days(3), "monthly")
    assert (monthly.goal_id, monthly.rule, monthly.start, monthly.next_on) == (
        1,
        "FREQ=MONTHLY",
        days(3),
        days(3),
    )
    once = evaluation.plan_review(edit, "Once", 7, days(5), "")
    assert (once.goal_id, once.rule, once.next_on) == (None, "", days(5))
    with pytest.raises(DateError):
        evaluation.plan_review(edit, "Bad", None, days(1), "now and then")


def test_edit_review_keeps_a_rule_its_text_still_describes_and_restarts_a_moved_series() -> None:
    # A rule typed elsewhere that the field shows as "monthly" stays as it was typed.
    kept_rule = "FREQ=MONTHLY;INTERVAL=1"
    plan = plan_with(
        Goal(1, title="speak"),
        Review(1, title="r", rule=kept_rule, start=days(-30), next_on=days(1)),
    )
    edit = Edit(plan)
    same = evaluation.edit_review(edit, 1, "renamed", 1, days(1), "monthly")
    assert (same.title, same.goal_id, same.rule, same.start) == ("renamed", 1, kept_rule, days(-30))
    moved = evaluation.edit_review(edit, 1, "", None, days(4), "monthly")
    assert (moved.rule, moved.start, moved.next_on) == (kept_rule, days(4), days(4))
    # Left without a title: named after its goal, else after the whole plan.
    assert moved.title == "Review of my plan"
    assert evaluation.edit_review(edit, 1, "", 1, days(4), "monthly").title == "Review: speak"
    weekly = evaluation.edit_review(edit, 1, "w", 1, days(4), "weekly")
    assert (weekly.rule, weekly.start) == ("FREQ=WEEKLY", days(4))
    with pytest.raises(OpError):
        evaluation.edit_review(edit, 99, "x", None, days(1), "")


def test_edit_feedback_dates_an_undated_answer_today_and_clears_the_date_without_one() -> None:
    plan = plan_with(Goal(1, title="speak"), Feedback(1, from_whom="Ann", asked_on=days(-9)))
    edit = Edit(plan)
    answered = evaluation.edit_feedback(
        edit, 1, TODAY, "Ann B.", 1, "How did I do?", days(-9), days(2), "Well.", None
    )
    assert (answered.from_whom, answered.goal_id, answered.answer, answered.answered_on) == (
        "Ann B.",
        1,
        "Well.",
        TODAY,
    )
    dated = evaluation.edit_feedback(
        edit, 1, TODAY, "Ann", 1, "", days(-9), None, "Well.", days(-2)
    )
    assert dated.answered_on == days(-2)
    reopened = evaluation.edit_feedback(edit, 1, TODAY, "Ann", 5, "", days(-9), None, "", days(-2))
    assert (reopened.answer, reopened.answered_on, reopened.goal_id) == ("", None, None)
    with pytest.raises(OpError):
        evaluation.edit_feedback(edit, 2, TODAY, "x", None, "", TODAY, None, "", None)


def test_edit_reflection_changes_the_texts_and_keeps_its_step() -> None:
    plan = plan_with(
        Goal(1, title="speak"),
        Reflection(1, on=days(-3), goal_id=1, step_id=4, learned="a"),
    )
    edit = Edit(plan)
    changed = evaluation.edit_reflection(edit, 1, 9, "b", "c", days(-1))
    assert (changed.goal_id, changed.step_id, changed.learned, changed.differently, changed.on) == (
        None,
        4,
        "b",
        "c",
        days(-1),
    )
    with pytest.raises(OpError):
        evaluation.edit_reflection(edit, 2, None, "b", "", TODAY)


def test_delete_takes_the_record_and_refuses_one_gone_meanwhile() -> None:
    plan = plan_with(Review(1, title="r"), Feedback(1, from_whom="Ann"))
    edit = Edit(plan)
    evaluation.delete(edit, Review, 1)
    assert plan.reviews == {}
    with pytest.raises(OpError):
        evaluation.delete(edit, Review, 1)
    evaluation.delete(edit, Feedback, 1)
    assert plan.table(Feedback) == {}


def test_a_reflection_line_holds_both_halves() -> None:
    from pop_tui.core.evaluation import reflection_line

    both = Reflection(1, learned="Asked early", differently="Ask sooner")
    assert reflection_line(both) == "Asked early · to change: Ask sooner"
    assert reflection_line(both.replace(learned="")) == "to change: Ask sooner"
    assert reflection_line(both.replace(differently="")) == "Asked early"
