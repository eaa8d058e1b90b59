"""Evaluation: how each goal is doing, reviews to come and held, feedback, reflections, changes.

One list in six groups; the panel under it shows the whole of the record under
the cursor (a review's notes, a feedback answer, a change's reason). ``r`` holds
a review: the one under the cursor, or else the next one due; Enter on a goal
reviews that goal on its own. ``n`` adds to the group the cursor is in: a review, a
feedback request or a reflection; ``f`` and ``w`` ask for feedback and write a
reflection from anywhere. Enter on a feedback request records the answer.

The parts, each to be read (and tested) alone: the list's rows
(:mod:`~pop_tui.ui.screens.evaluation_rows`, its agenda, and
:mod:`~pop_tui.ui.screens.evaluation_history`), the panel
(:mod:`~pop_tui.ui.screens.evaluation_detail`), and the forms
(:mod:`~pop_tui.ui.screens.evaluation_forms`, reviews;
:mod:`~pop_tui.ui.screens.evaluation_notes`, feedback and reflections). This
module puts them together and answers the keys.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import PurePath
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from pop_tui.core import evaluation
from pop_tui.core.dates import format_date
from pop_tui.core.model import Feedback, Goal, Plan, Reflection, Review
from pop_tui.core.printable import printable
from pop_tui.core.texts import t
from pop_tui.ui.keys import described
from pop_tui.ui.screens.evaluation_detail import detail_lines
from pop_tui.ui.screens.evaluation_forms import ReviewForms
from pop_tui.ui.screens.evaluation_history import change_row, held_row
from pop_tui.ui.screens.evaluation_notes import FeedbackForms, ReflectionForms
from pop_tui.ui.screens.evaluation_rows import (
    GROUPS,
    empty_row,
    feedback_row,
    goal_rows,
    reflection_row,
    review_row,
)
from pop_tui.ui.styles import stylesheet
from pop_tui.ui.widgets.record_list import RecordList, heading


def list_options(plan: Plan, today: date) -> list[Option]:
    """The whole list: each group under its heading; a group without rows shows one row
    that the cursor can still reach, so that n adds there."""
    rows: dict[str, list[Option]] = {
        "goal": goal_rows(plan, today),
        "review": [review_row(plan, r, today) for r in evaluation.next_reviews(plan)],
        "feedback": [
            feedback_row(plan, f, today)
            for f in [*evaluation.open_feedback(plan), *evaluation.answered_feedback(plan)]
        ],
        "reflection": [
            reflection_row(plan, r, today)
            for _, group in evaluation.reflections_by_goal(plan)
            for r in group
        ],
        "held": [held_row(view, today) for view in evaluation.held_reviews(plan)],
        "change": [change_row(plan, c, today) for c in evaluation.goal_changes(plan)],
    }
    options: list[Option] = []
    for group in GROUPS:
        options.append(heading(t(f"eval.group.{group}")))
        options.extend(rows[group] or [empty_row(group)])
    return options


class EvaluationScreen(ReviewForms, FeedbackForms, ReflectionForms):
    """Progress and pace, reviews, feedback, reflections and goal changes."""

    CSS_PATH: ClassVar[list[str | PurePath]] = [stylesheet("evaluation")]

    TITLE_KEY = "eval.title"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "hold", described("eval.key.hold"), id="evaluation.hold"),
        Binding("f", "ask", described("eval.key.ask"), show=False, id="evaluation.ask"),
        Binding("w", "reflect", described("eval.key.reflect"), show=False, id="evaluation.reflect"),
        # In the key bar where there is room (see RANKS in the key bar): the periods are
        # found nowhere else on screen.
        Binding("p", "periods", described("periodsui.key.periods"), id="evaluation.periods"),
    ]

    def compose_body(self) -> ComposeResult:
        yield RecordList(id="evaluation-list")
        yield Static("", id="evaluation-detail")

    def refresh_view(self) -> None:
        plan = self.pop.store.plan
        today = self.pop.today()
        keep, self.select_next = self.select_next, None
        self.listing.rebuild(list_options(plan, today), keep=keep)
        upcoming = evaluation.next_reviews(plan)
        self.sub_title = (
            t("eval.subtitle.next", date=format_date(upcoming[0].next_on))
            if upcoming and upcoming[0].next_on is not None
            else t("eval.subtitle.none")
        )
        self.show_detail()

    @on(OptionList.OptionHighlighted, "#evaluation-list")
    def _highlighted(self) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        """Show the whole of the record under the cursor in the panel below the list."""
        self.query_one("#evaluation-detail", Static).update(
            Content("\n").join(
                detail_lines(
                    self.pop.store.plan, self.pop.today(), self.listing.highlighted_id or ""
                )
            )
        )

    # --- the shared keys ------------------------------------------------------------

    def action_add(self) -> None:
        group, _ = self._under_cursor()
        if group == "feedback":
            self.action_ask()
        elif group == "reflection":
            self.action_reflect()
        elif group == "change":
            self.pop.say(t("eval.msg.changes_in_review"), severity="warning")
        else:
            self._plan_review()

    def action_edit(self) -> None:
        group, _ = self._under_cursor()
        if (review := self._review()) is not None:
            self._edit_review(review)
        elif (item := self._feedback()) is not None:
            self._edit_feedback(item)
        elif (reflection := self._reflection()) is not None:
            self._edit_reflection(reflection)
        elif group == "goal" and self._goal() is not None:
            self.pop.say(t("eval.msg.edit_goal"), severity="warning")
        elif group in ("held", "change") and not self._on_empty_row():
            self.pop.say(t("eval.msg.history"), severity="warning")
        else:
            self.nothing_here()

    def action_open(self) -> None:
        group, _ = self._under_cursor()
        if (goal := self._goal()) is not None:
            self._review_goal(goal)
        elif self._review() is not None:
            self.action_hold()
        elif self._feedback() is not None:
            self.action_answer()
        elif group in GROUPS and self._on_empty_row():
            self.action_add()
        else:
            self.action_edit()

    def action_delete(self) -> None:
        if (review := self._review()) is not None:
            id = review.id
            self.confirm_delete(
                t("eval.review.delete"),
                review.title,
                t("label.review_delete", title=printable(review.title)),
                partial(evaluation.delete, cls=Review, id=id),
                t("eval.review.delete_detail") if review.held else "",
            )
        elif (item := self._feedback()) is not None:
            id = item.id
            self.confirm_delete(
                t("eval.feedback.delete"),
                item.question or item.from_whom,
                t("label.feedback_delete", who=printable(item.from_whom)),
                partial(evaluation.delete, cls=Feedback, id=id),
            )
        elif (reflection := self._reflection()) is not None:
            id = reflection.id
            self.confirm_delete(
                t("eval.reflection.delete"),
                reflection.learned or reflection.differently,
                t("label.reflection_delete"),
                partial(evaluation.delete, cls=Reflection, id=id),
            )
        else:
            group, _ = self._under_cursor()
            if group in ("held", "change") and not self._on_empty_row():
                self.pop.say(t("eval.msg.history"), severity="warning")
            else:
                self.nothing_here()

    # --- holding a review -----------------------------------------------------------

    def action_hold(self) -> None:
        """Hold the review under the cursor, else the next one due (else a review not planned)."""
        from pop_tui.ui.screens.review_wizard import ReviewWizard

        review = self._review()
        if review is None:
            upcoming = evaluation.next_reviews(self.pop.store.plan)
            review = upcoming[0] if upcoming else None
        if review is not None:
            self.app.push_screen(ReviewWizard(review.id, review.title, review.goal_id))
        else:
            self.app.push_screen(ReviewWizard(None, t("eval.review.adhoc"), None))

    def _review_goal(self, goal: Goal) -> None:
        """Review one goal on its own, now (kept as a one-off review of that goal)."""
        from pop_tui.ui.screens.review_wizard import ReviewWizard

        title = t("eval.review.goal_title", goal=goal.title)
        self.app.push_screen(ReviewWizard(None, title, goal.id))

    def action_periods(self) -> None:
        """The plan's periods: read an earlier one, or start the next."""
        from pop_tui.ui.screens.periods import PeriodsScreen

        self.app.push_screen(PeriodsScreen())
