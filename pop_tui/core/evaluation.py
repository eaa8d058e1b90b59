"""The evaluation section: reviews to come and held, goal history, feedback and reflections.

What the evaluation screen reads (each list in the order it is shown) and the
small mutations it makes besides holding a review (see
:mod:`pop_tui.core.review_session`): planning and changing a review, asking for
feedback, recording the answer, changing a request, and writing or changing a
reflection, with or without a step. Each mutation is a plain function of an
:class:`Edit`; the screen binds a form's values to it (``functools.partial``).
"""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from pop_tui.core import ops
from pop_tui.core.dates import describe_recurrence, parse_recurrence
from pop_tui.core.edit import Edit
from pop_tui.core.model import (
    Feedback,
    Goal,
    GoalChange,
    HeldReview,
    Plan,
    ProgressEntry,
    Record,
    Reflection,
    Review,
)
from pop_tui.core.ops import OpError
from pop_tui.core.progress import measure_fraction
from pop_tui.core.texts import t
from pop_tui.core.value import Value

R = TypeVar("R", bound=Record)


class HeldView(Value):
    """One time a review was held, with the notes written on each of its goals."""

    review: Review
    index: int
    """Where ``held`` is in ``review.held`` (the same review may be held twice in a day)."""
    held: HeldReview
    goal: Goal | None
    goal_notes: tuple[Reflection, ...]


def next_reviews(plan: Plan) -> list[Review]:
    """Reviews that still have a date to come (or overdue), soonest first."""
    found = [r for r in plan.reviews.values() if r.next_on is not None]
    return sorted(found, key=lambda r: (r.next_on or date.min, r.id))


def review_goal(plan: Plan, review: Review) -> Goal | None:
    """The goal a review is about; None for the whole plan (or a goal deleted since)."""
    return plan.goals.get(review.goal_id) if review.goal_id is not None else None


def held_reviews(plan: Plan) -> list[HeldView]:
    """Every time any review was held, newest first.

    The notes on each goal are the reflections without a step written that day
    about the goals the review covers (its one goal, or any goal for a review of
    the whole plan): the review wizard keeps them that way.
    """
    loose = [r for r in plan.table(Reflection).values() if r.step_id is None]
    found = []
    for review in plan.reviews.values():
        for index, held in enumerate(review.held):
            notes = tuple(
                sorted(
                    (
                        r
                        for r in loose
                        if r.on == held.on
                        and (review.goal_id is None or r.goal_id == review.goal_id)
                    ),
                    key=lambda r: r.id,
                )
            )
            found.append(HeldView(review, index, held, review_goal(plan, review), notes))
    return sorted(found, key=lambda v: (v.held.on, v.review.id, v.index), reverse=True)


def goal_changes(plan: Plan) -> list[GoalChange]:
    """Every adjustment of a goal, newest first."""
    return sorted(
        plan.table(GoalChange).values(), key=lambda c: (c.on or date.min, c.id), reverse=True
    )


def progress_history(plan: Plan, goal_id: int) -> list[ProgressEntry]:
    """The measured values of a goal, oldest first."""
    found = [p for p in plan.table(ProgressEntry).values() if p.goal_id == goal_id]
    return sorted(found, key=lambda p: (p.on or date.min, p.id))


def history_points(goal: Goal, entries: list[ProgressEntry]) -> list[float]:
    """The history as progress from 0 to 1, so that up is better even for a goal that
    reduces something; empty for a goal without a numeric measure."""
    points = [measure_fraction(goal, e.value) for e in entries]
    return [p for p in points if p is not None]


def open_feedback(plan: Plan) -> list[Feedback]:
    """Feedback asked and not answered yet, the soonest wanted first (undated last)."""
    found = [f for f in plan.table(Feedback).values() if not is_answered(f)]
    return sorted(found, key=lambda f: (f.wanted_by is None, f.wanted_by or date.min, f.id))


def answered_feedback(plan: Plan) -> list[Feedback]:
    """Feedback that came back, newest answer first."""
    found = [f for f in plan.table(Feedback).values() if is_answered(f)]
    return sorted(found, key=lambda f: (f.answered_on or date.min, f.id), reverse=True)


def is_answered(feedback: Feedback) -> bool:
    return bool(feedback.answer.strip()) or feedback.answered_on is not None


def reflections_by_goal(plan: Plan) -> list[tuple[Goal | None, list[Reflection]]]:
    """Reflections grouped per goal (goals in their order, then those without a goal),
    newest first within a goal."""
    groups: dict[int | None, list[Reflection]] = {}
    for reflection in plan.table(Reflection).values():
        key = reflection.goal_id if reflection.goal_id in plan.goals else None
        groups.setdefault(key, []).append(reflection)
    ordered_goals = sorted(
        (plan.goals[k] for k in groups if k is not None), key=lambda g: (g.order, g.id)
    )
    result: list[tuple[Goal | None, list[Reflection]]] = [
        (goal, _newest_first(groups[goal.id])) for goal in ordered_goals
    ]
    if None in groups:
        result.append((None, _newest_first(groups[None])))
    return result


def reflection_line(reflection: Reflection) -> str:
    """A reflection on one line: what went well and what to change, both when both are there."""
    learned, differently = reflection.learned.strip(), reflection.differently.strip()
    if learned and differently:
        return t("eval.reflection.both", learned=learned, differently=differently)
    if differently:
        return t("eval.reflection.change", differently=differently)
    return learned


def _newest_first(reflections: list[Reflection]) -> list[Reflection]:
    return sorted(reflections, key=lambda r: (r.on or date.min, r.id), reverse=True)


# --- mutations -----------------------------------------------------------------------


def _existing_goal(edit: Edit, goal_id: int | None) -> int | None:
    # A goal deleted in another session while the form was open: keep the text, drop the link.
    return goal_id if goal_id is not None and goal_id in edit.plan.goals else None


def ask_feedback(
    edit: Edit,
    from_whom: str,
    goal_id: int | None,
    question: str,
    asked_on: date,
    wanted_by: date | None,
) -> Feedback:
    """Keep a request for feedback: from whom, about which goal, asked when, wanted by when."""
    return edit.add(
        Feedback,
        from_whom=from_whom,
        goal_id=_existing_goal(edit, goal_id),
        question=question,
        asked_on=asked_on,
        wanted_by=wanted_by,
    )


def answer_feedback(edit: Edit, feedback_id: int, answer: str, on: date | None) -> Feedback:
    """Record what came back; an empty answer makes the request open again."""
    feedback = edit.plan.table(Feedback).get(feedback_id)
    if feedback is None:
        raise OpError(f"there is no feedback {feedback_id}")
    text = answer.strip()
    return edit.update(feedback, answer=text, answered_on=on if text else None)


def write_reflection(
    edit: Edit,
    on: date,
    goal_id: int | None,
    learned: str,
    differently: str,
    step_id: int | None = None,
) -> Reflection:
    """Keep self-feedback on a goal (after a step, or on its own)."""
    return edit.add(
        Reflection,
        on=on,
        goal_id=_existing_goal(edit, goal_id),
        step_id=step_id if step_id is not None and step_id in edit.plan.steps else None,
        learned=learned,
        differently=differently,
    )


def existing(edit: Edit, cls: type[R], id: int) -> R:
    """The record as it is now, in the plan being edited (another session may have deleted it)."""
    found = edit.plan.table(cls).get(id)
    if found is None:
        raise OpError(f"there is no {cls.TABLE} {id}")
    return found


def delete(edit: Edit, cls: type[Record], id: int) -> None:
    """Delete a review, a feedback request or a reflection (gone already: OpError)."""
    edit.delete(existing(edit, cls, id))


# --- reviews ---------------------------------------------------------------------------


def rule_text(rule: str) -> str:
    """A review's rule as the repeat field shows it."""
    return describe_recurrence(rule) if rule else ""


def rule_from_text(text: str, kept: str, start: date) -> str:
    """The rule for the repeat field's ``text``: ``kept`` while the text still describes it
    (a rule typed elsewhere may not read back the same), else the rule the text says.

    Raises:
        DateError: when the text is not a repeat, or never falls on or after ``start``.
    """
    if text == rule_text(kept):
        return kept
    return parse_recurrence(text, start) if text else ""


def default_review_title(plan: Plan, goal_id: int | None) -> str:
    """The title of a review left without one: after its goal, else the whole plan's."""
    goal = plan.goals.get(goal_id) if goal_id is not None else None
    return (
        t("eval.review.goal_title", goal=goal.title)
        if goal is not None
        else t("eval.review.plan_title")
    )


def plan_review(edit: Edit, title: str, goal_id: int | None, next_on: date, repeat: str) -> Review:
    """Plan a review on ``next_on``, repeating as the text ``repeat`` says (empty: once)."""
    about = _existing_goal(edit, goal_id)
    rule = rule_from_text(repeat, "", next_on)
    return ops.schedule_review(edit, title, next_on, rule, about)


def edit_review(
    edit: Edit, review_id: int, title: str, goal_id: int | None, next_on: date, repeat: str
) -> Review:
    """Change a review; a new date or rule starts its series again from that date."""
    current = existing(edit, Review, review_id)
    about = _existing_goal(edit, goal_id)
    title = title or default_review_title(edit.plan, about)
    # The rule as it is now: another session may have changed it meanwhile.
    rule = rule_from_text(repeat, current.rule, next_on)
    moved = next_on != current.next_on or rule != current.rule
    return edit.update(
        current,
        title=title,
        goal_id=about,
        rule=rule,
        start=next_on if moved else current.start,
        next_on=next_on,
    )


# --- feedback and reflections, changed ---------------------------------------------------


def edit_feedback(
    edit: Edit,
    feedback_id: int,
    today: date,
    from_whom: str,
    goal_id: int | None,
    question: str,
    asked_on: date,
    wanted_by: date | None,
    answer: str,
    answered_on: date | None,
) -> Feedback:
    """Change a request for feedback; an answer without a date was answered ``today``."""
    current = existing(edit, Feedback, feedback_id)
    answered = answered_on or (today if answer else None)
    return edit.update(
        current,
        from_whom=from_whom,
        goal_id=_existing_goal(edit, goal_id),
        question=question,
        asked_on=asked_on,
        wanted_by=wanted_by,
        answer=answer,
        answered_on=answered if answer else None,
    )


def edit_reflection(
    edit: Edit,
    reflection_id: int,
    goal_id: int | None,
    learned: str,
    differently: str,
    on: date,
) -> Reflection:
    """Change a reflection (its step, if any, stays)."""
    current = existing(edit, Reflection, reflection_id)
    return edit.update(
        current,
        goal_id=_existing_goal(edit, goal_id),
        learned=learned,
        differently=differently,
        on=on,
    )
