"""The evaluation screen's panel: the whole of the record under the cursor (a goal's pace
and history, a review's repeat, a feedback answer, a held review's notes, a change's reason).

A pure function of the plan, the day and the row: it can be tested without a screen.
"""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from textual.content import Content

from pop_tui.core import evaluation
from pop_tui.core.dates import describe_recurrence, format_date
from pop_tui.core.model import Feedback, Goal, GoalChange, Plan, Record, Reflection, Review
from pop_tui.core.numbers import format_number
from pop_tui.core.printable import printable
from pop_tui.core.progress import goal_pace, goal_progress, time_used
from pop_tui.core.texts import t
from pop_tui.ui.screens.action_form import short_date
from pop_tui.ui.screens.evaluation_history import change_text
from pop_tui.ui.screens.evaluation_rows import GROUPS, goal_title, review_subject
from pop_tui.ui.widgets.progress_bar import pace_text
from pop_tui.ui.widgets.record_list import record_id

R = TypeVar("R", bound=Record)


def detail_lines(plan: Plan, today: date, option_id: str) -> list[Content]:
    """The whole of the record of the row ``option_id`` (``group:id``), for the panel."""
    group, _, rest = option_id.partition(":")
    if group == "goal" and (goal := _get(plan, Goal, option_id, group)) is not None:
        return _goal_detail(plan, goal, today)
    if group == "review" and (review := _get(plan, Review, option_id, group)) is not None:
        lines = [detail_line(t("eval.detail.about"), review_subject(plan, review))]
        if review.rule:
            lines.append(detail_line(t("eval.detail.repeat"), describe_recurrence(review.rule)))
        if review.held:
            last = format_date(review.held[-1].on)
            lines.append(detail_line(t("eval.detail.last_held"), last))
        lines.append(Content.styled(t("eval.detail.hold_hint"), "dim italic"))
        return lines
    if group == "feedback" and (item := _get(plan, Feedback, option_id, group)) is not None:
        lines = [detail_line(t("eval.detail.question"), item.question)]
        asked = format_date(item.asked_on) if item.asked_on else ""
        wanted = format_date(item.wanted_by) if item.wanted_by else ""
        lines.append(
            Content.styled(t("eval.detail.asked", asked=asked or "—", wanted=wanted or "—"), "dim")
        )
        if evaluation.is_answered(item):
            when = format_date(item.answered_on) if item.answered_on else "—"
            lines.append(detail_line(t("eval.detail.answer", date=when), item.answer))
        else:
            lines.append(Content.styled(t("eval.detail.answer_hint"), "dim italic"))
        return lines
    if (
        group == "reflection"
        and (reflection := _get(plan, Reflection, option_id, group)) is not None
    ):
        return [
            detail_line(t("eval.detail.learned"), reflection.learned),
            detail_line(t("eval.detail.differently"), reflection.differently),
        ]
    if group == "held" and rest:
        return _held_detail(plan, rest)
    if group == "change":
        change = plan.table(GoalChange).get(record_id(option_id, "change") or 0)
        if change is not None:
            return [
                detail_line(goal_title(plan, change.goal_id) or "—", change_text(change)),
                detail_line(t("eval.detail.reason"), change.reason),
            ]
    if group in GROUPS:
        return [Content.styled(t(f"eval.hint.{group}"), "dim italic")]
    return []


def _goal_detail(plan: Plan, goal: Goal, today: date) -> list[Content]:
    progress = goal_progress(plan, goal)
    used = time_used(goal, today)
    lines = [Content.styled(printable(goal.title), "bold")]
    if progress is not None and used is not None:
        lines.append(
            Content(
                t(
                    "eval.detail.pace",
                    pace=pace_text(goal_pace(plan, goal, today)) or "—",
                    done=progress.percent,
                    used=int(used * 100 + 1e-9),
                )
            )
        )
    history = evaluation.progress_history(plan, goal.id)[-4:]
    if history:
        shown = " · ".join(
            f"{short_date(e.on, today) if e.on else '—'}: {format_number(e.value)}" for e in history
        )
        lines.append(detail_line(t("eval.detail.history"), shown))
    lines.append(Content.styled(t("eval.detail.review_goal_hint"), "dim italic"))
    return lines


def _held_detail(plan: Plan, rest: str) -> list[Content]:
    for view in evaluation.held_reviews(plan):
        if f"{view.review.id}.{view.index}" == rest:
            lines = [detail_line(t("eval.detail.notes"), view.held.notes)]
            for note in view.goal_notes:
                text = " / ".join(x for x in (note.learned, note.differently) if x)
                lines.append(detail_line(goal_title(plan, note.goal_id) or "—", text))
            return lines
    return []


def detail_line(label: str, text: str) -> Content:
    return Content.assemble((label + ": ", "bold"), printable(text) if text.strip() else "—")


def _get(plan: Plan, cls: type[R], option_id: str, group: str) -> R | None:
    """The record of the row ``option_id`` when it is of ``group`` (else None)."""
    id = record_id(option_id, group)
    return plan.table(cls).get(id) if id else None
