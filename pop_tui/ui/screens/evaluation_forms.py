"""The evaluation screen's forms: what they share, and those of the reviews.

:class:`EvaluationBase` is what every part of the screen knows of it (the list and
the record under the cursor); the forms of each kind of record are mixed into the
screen from here and from :mod:`pop_tui.ui.screens.evaluation_notes`. What a form
saves is a plain function of :mod:`pop_tui.core.evaluation`, bound to the form's
values with ``functools.partial``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import TypeVar

from pop_tui.core import evaluation
from pop_tui.core.arrange import goals_in_order
from pop_tui.core.dates import DateError, parse_recurrence
from pop_tui.core.edit import Edit
from pop_tui.core.model import Feedback, Goal, Plan, Record, Reflection, Review
from pop_tui.core.printable import printable
from pop_tui.core.texts import t
from pop_tui.ui.dialogs.form import FormDialog, FormField, Values
from pop_tui.ui.screens.section import Mutation, SectionScreen
from pop_tui.ui.widgets.record_list import RecordList, record_id

NO_GOAL = 0

R = TypeVar("R", bound=Record)


def _with_goals(plan: Plan, whole: str) -> tuple[tuple[str, int], ...]:
    """The choices of a goal field: "none" first, then every goal in the goals screen's order."""
    return ((whole, NO_GOAL), *((g.title, g.id) for g in goals_in_order(plan)))


def _as_choice(goal_id: int | None) -> int:
    """A record's goal as the goal field holds it (no goal: the choice that says so)."""
    return goal_id if goal_id is not None else NO_GOAL


def goal_field(plan: Plan, label: str, none: str, goal_id: int | None) -> FormField:
    """The goal a record is about; named like the record's field, so a change saved
    elsewhere meanwhile is merged with the form's (see :mod:`pop_tui.ui.dialogs.merge`)."""
    return FormField(
        "goal_id",
        label,
        "choice",
        _as_choice(goal_id),
        choices=_with_goals(plan, none),
        shows=_as_choice,
    )


def goal_choice(values: Values) -> int | None:
    chosen = values["goal_id"]
    return None if chosen in (None, NO_GOAL) else int(chosen)


class CheckedForm(FormDialog):
    """A form of this screen with a check across its fields (a repeat needs its date,
    a reflection one of its two texts)."""

    def __init__(
        self,
        title: str,
        fields: list[FormField],
        submit: Callable[[Values], bool],
        today: date,
        checks: Callable[[Values], dict[str, str]],
        *,
        record: Record | None,
        origin: dict[str, object],
    ) -> None:
        super().__init__(title, fields, self._save_checked, today, record=record, origin=origin)
        self._checks = checks
        self._submit_checked = submit

    def check(self, values: Values) -> dict[str, str]:
        return self._checks(values)

    def _save_checked(self, values: Values) -> bool:
        try:
            return self._submit_checked(values)
        except DateError as exc:
            # The repeat fits the date in the form, but not one saved elsewhere meanwhile.
            if "rule" not in self.fields:
                raise
            self.show_error("rule", exc.message)
            return False


class EvaluationBase(SectionScreen):
    """The evaluation screen as its parts know it: its list and the record under the cursor."""

    @property
    def listing(self) -> RecordList:
        return self.query_one("#evaluation-list", RecordList)

    def _under_cursor(self) -> tuple[str, str]:
        """The group and the id text of the row under the cursor ("" when none)."""
        option_id = self.listing.highlighted_id or ""
        group, _, rest = option_id.partition(":")
        return group, rest

    def _on_empty_row(self) -> bool:
        """Whether the cursor is on the row that stands in for an empty group."""
        return self._under_cursor()[1] == "0"

    def _record(self, group: str, cls: type[R]) -> R | None:
        id = record_id(self.listing.highlighted_id, group)
        return self.pop.store.plan.table(cls).get(id) if id else None

    def _review(self) -> Review | None:
        return self._record("review", Review)

    def _goal(self) -> Goal | None:
        return self._record("goal", Goal)

    def _feedback(self) -> Feedback | None:
        return self._record("feedback", Feedback)

    def _reflection(self) -> Reflection | None:
        return self._record("reflection", Reflection)

    def _checked_form(
        self,
        title: str,
        fields: list[FormField],
        label: Callable[[Values], str],
        save: Callable[[Values], Mutation],
        checks: Callable[[Values], dict[str, str]],
        *,
        record: Record | None,
        reopen: str,
    ) -> None:
        """Open a :class:`CheckedForm`; saved like every form (merged, kept as a draft)."""
        today = self.pop.today()
        self.open_form(
            lambda submit, origin: CheckedForm(
                title, fields, submit, today, checks, record=record, origin=origin
            ),
            label,
            save,
            reopen=reopen,
        )

    def _select_made(self, kind: str, mutation: Callable[[Edit], Record]) -> Mutation:
        """``mutation``, with the cursor put on the record it makes at the next redraw."""

        def run(edit: Edit) -> Record:
            made = mutation(edit)
            self.select_next = f"{kind}:{made.id}"
            return made

        return run


class ReviewForms(EvaluationBase):
    """Planning a review and changing one."""

    def _review_fields(self, review: Review) -> list[FormField]:
        plan = self.pop.store.plan
        return [
            FormField("title", t("eval.field.review_title"), value=review.title),
            goal_field(plan, t("eval.field.about"), t("eval.review.whole_plan"), review.goal_id),
            FormField(
                "next_on",
                t("eval.field.review_on"),
                "date",
                review.next_on,
                required=True,
                placeholder=t("sec.hint.date"),
            ),
            FormField(
                "rule",
                t("eval.field.repeat"),
                value=evaluation.rule_text(review.rule),
                placeholder=t("eval.hint.repeat"),
                shows=evaluation.rule_text,
            ),
        ]

    def _review_form(
        self,
        title: str,
        review: Review,
        label: Callable[[Values], str],
        save: Callable[[Values], Mutation],
        *,
        record: Review | None,
        reopen: str,
    ) -> None:
        shown = evaluation.rule_text(review.rule)

        def check(values: Values) -> dict[str, str]:
            text = values["rule"]
            if text and text != shown:  # left as shown: the rule stays as it is
                try:
                    parse_recurrence(text, values["next_on"])
                except DateError as exc:
                    return {"rule": exc.message}
            return {}

        self._checked_form(
            title, self._review_fields(review), label, save, check, record=record, reopen=reopen
        )

    def _plan_review(self) -> None:
        near = self._goal()
        draft = Review(id=0, goal_id=near.id if near is not None else None)

        def save(values: Values) -> Mutation:
            goal_id = goal_choice(values)
            title = values["title"] or evaluation.default_review_title(self.pop.store.plan, goal_id)
            return self._select_made(
                "review",
                partial(
                    evaluation.plan_review,
                    title=title,
                    goal_id=goal_id,
                    next_on=values["next_on"],
                    repeat=values["rule"],
                ),
            )

        self._review_form(
            t("eval.review.add"),
            draft,
            lambda v: t("label.add_review", title=printable(v["title"] or "…")),
            save,
            record=None,
            reopen="add",
        )

    def _edit_review(self, review: Review) -> None:
        id = review.id

        def save(values: Values) -> Mutation:
            return partial(
                evaluation.edit_review,
                review_id=id,
                title=values["title"],
                goal_id=goal_choice(values),
                next_on=values["next_on"],
                repeat=values["rule"],
            )

        self._review_form(
            t("eval.review.edit"),
            review,
            lambda v: t("label.review_edit", title=printable(v["title"] or review.title)),
            save,
            record=review,
            reopen="edit",
        )
