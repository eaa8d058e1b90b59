"""Evaluation: how each goal is doing, reviews to come and held, feedback, reflections, changes.

One list in six groups; the panel under it shows the whole of the record under
the cursor (a review's notes, a feedback answer, a change's reason). ``r`` holds
a review: the one under the cursor, or else the next one due; Enter on a goal
reviews that goal on its own. ``n`` adds to the group the cursor is in: a review, a
feedback request or a reflection; ``f`` and ``w`` ask for feedback and write a
reflection from anywhere. Enter on a feedback request records the answer.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import cache
from pathlib import PurePath
from typing import ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from pop_tui.core import evaluation, ops
from pop_tui.core.arrange import goals_in_order
from pop_tui.core.dates import (
    DateError,
    describe_recurrence,
    format_date,
    parse_recurrence,
    relative_day,
)
from pop_tui.core.edit import Edit
from pop_tui.core.model import Feedback, Goal, GoalChange, Plan, Record, Reflection, Review
from pop_tui.core.numbers import format_number
from pop_tui.core.ops import OpError
from pop_tui.core.printable import printable
from pop_tui.core.progress import goal_pace, goal_progress, time_used
from pop_tui.core.texts import language, t
from pop_tui.ui.dialogs.form import FormDialog, FormField, Values
from pop_tui.ui.keys import described
from pop_tui.ui.screens.actions import short_date
from pop_tui.ui.screens.section import Mutation, SectionScreen
from pop_tui.ui.styles import stylesheet
from pop_tui.ui.widgets.progress_bar import history_chart, pace_label, pace_text, progress_bar
from pop_tui.ui.widgets.record_list import RecordList, heading, record_id

PACE_WIDTH = 9
ROW_CHART_WIDTH = 6
# The groups of the list, in order; an empty group shows a row the cursor can still reach,
# so that n adds there.
GROUPS = ("goal", "review", "feedback", "reflection", "held", "change")
NO_GOAL = 0

R = TypeVar("R", bound=Record)


@cache
def when_width(lang: str) -> int:
    """Room for the usual "when" of a row in ``lang`` (a date this year, "in 99 days",
    "99 d late"), and a space before what follows."""
    day = date(2000, 1, 1)
    labels = [
        relative_day(day + timedelta(days=99), day, lang),
        t("eval.feedback.late", lang, days=99),
        t("eval.feedback.by", lang, date=short_date(date(2000, 12, 31), day)),
        "✓ " + short_date(date(2000, 12, 31), day),
    ]
    return max(len(label) for label in labels) + 1


def _when(text: str, style: str = "") -> tuple[str, str]:
    # A longer one (a date in another year) still keeps a space before the title.
    return ("  " + text.ljust(when_width(language()) - 1) + " ", style)


def _empty(group: str) -> Option:
    return Option(Content.styled("  " + t(f"eval.empty.{group}"), "italic dim"), id=f"{group}:0")


def _goal_title(plan: Plan, goal_id: int | None) -> str:
    goal = plan.goals.get(goal_id) if goal_id is not None else None
    return goal.title if goal is not None else ""


def _goal_rows(plan: Plan, today: date) -> list[Option]:
    """Bar, pace, history chart and title of each active goal.

    The chart column is as wide as the longest history (at most ROW_CHART_WIDTH
    measurements), and left out while no goal has one: on a narrow screen the
    titles need the room.
    """
    goals = [g for g in goals_in_order(plan) if g.status == "active"]
    histories = {
        g.id: evaluation.history_points(g, evaluation.progress_history(plan, g.id)) for g in goals
    }
    width = min(ROW_CHART_WIDTH, max((len(p) for p in histories.values()), default=0))
    rows = []
    for goal in goals:
        parts: list[Content | str] = [
            "  ",
            progress_bar(goal_progress(plan, goal)),
            " ",
            pace_label(goal_pace(plan, goal, today), PACE_WIDTH),
            " ",
        ]
        if width:
            parts += [history_chart(histories[goal.id], width), " "]
        parts.append(printable(goal.title))
        rows.append(Option(Content.assemble(*parts), id=f"goal:{goal.id}"))
    return rows


def _subject(plan: Plan, review: Review) -> str:
    goal = evaluation.review_goal(plan, review)
    return goal.title if goal is not None else t("eval.review.whole_plan")


def _review_row(plan: Plan, review: Review, today: date) -> Option:
    due = review.next_on or today
    parts: list[tuple[str, str] | str | Content] = [
        _when(
            t("eval.feedback.late", days=(today - due).days)
            if due < today
            else relative_day(due, today),
            "bold red" if due < today else "",
        ),
        printable(review.title),
        (" · " + printable(_subject(plan, review)), "dim"),
    ]
    if review.rule:
        parts.append((" · " + printable(describe_recurrence(review.rule)), "dim"))
    return Option(Content.assemble(*parts), id=f"review:{review.id}")


def _feedback_row(plan: Plan, item: Feedback, today: date) -> Option:
    who = printable(item.from_whom) or "?"
    if evaluation.is_answered(item):
        when = _when("✓ " + short_date(item.answered_on, today) if item.answered_on else "✓", "")
        text = item.answer or item.question
        return Option(
            Content.assemble(when, who, (": " + printable(text), "dim")), id=f"feedback:{item.id}"
        )
    if item.wanted_by is not None and item.wanted_by < today:
        days = (today - item.wanted_by).days
        when = _when(t("eval.feedback.late", days=days), "bold red")
    elif item.wanted_by is not None:
        when = _when(t("eval.feedback.by", date=short_date(item.wanted_by, today)))
    else:
        when = _when(t("eval.feedback.waiting"), "dim")
    about = item.question or _goal_title(plan, item.goal_id)
    parts: list[tuple[str, str] | str] = [when, who]
    if about:
        parts.append((" · " + printable(about), "dim"))
    return Option(Content.assemble(*parts), id=f"feedback:{item.id}")


def _reflection_row(plan: Plan, item: Reflection, today: date) -> Option:
    when = short_date(item.on, today) if item.on else "—"
    text = evaluation.reflection_line(item)
    parts: list[tuple[str, str] | str] = [_when(when), printable(text)]
    goal = _goal_title(plan, item.goal_id)
    if goal:
        parts.append((" · " + printable(goal), "dim"))
    return Option(Content.assemble(*parts), id=f"reflection:{item.id}")


def _held_row(view: evaluation.HeldView, today: date) -> Option:
    parts: list[tuple[str, str] | str] = [
        _when(short_date(view.held.on, today)),
        printable(view.review.title),
    ]
    if view.goal_notes:
        parts.append((" · " + t("eval.held.notes", n=len(view.goal_notes)), "dim"))
    if view.held.notes:
        parts.append((" · " + printable(view.held.notes), "dim"))
    return Option(Content.assemble(*parts), id=f"held:{view.review.id}.{view.index}")


def change_text(change: GoalChange) -> str:
    """``deadline: 28 Jan 2027 → 4 Mar 2027``: a stored date is shown as a date."""
    field = t(f"eval.changed.{change.field}") if change.field in FIELD_NAMES else change.field
    return t(
        "eval.change",
        field=printable(field),
        before=_changed_value(change.before),
        after=_changed_value(change.after),
    )


FIELD_NAMES = frozenset(("title", "deadline", "target", "status", "current", "baseline"))


def _changed_value(value: str) -> str:
    if len(value) == 10:
        try:
            return format_date(date.fromisoformat(value))
        except ValueError:
            pass
    if value in ("active", "done", "dropped"):
        return t(f"sec.goal.status.{value}")
    return printable(value) or "—"


def _change_row(plan: Plan, change: GoalChange, today: date) -> Option:
    when = short_date(change.on, today) if change.on else "—"
    parts: list[tuple[str, str] | str] = [_when(when), change_text(change)]
    goal = _goal_title(plan, change.goal_id)
    if goal:
        parts.append((" · " + printable(goal), "dim"))
    return Option(Content.assemble(*parts), id=f"change:{change.id}")


def _line(label: str, text: str) -> Content:
    return Content.assemble((label + ": ", "bold"), printable(text) if text.strip() else "—")


def _with_goals(plan: Plan, whole: str) -> tuple[tuple[str, int], ...]:
    """The choices of a goal field: "none" first, then every goal in the goals screen's order."""
    return ((whole, NO_GOAL), *((g.title, g.id) for g in goals_in_order(plan)))


def _as_choice(goal_id: int | None) -> int:
    """A record's goal as the goal field holds it (no goal: the choice that says so)."""
    return goal_id if goal_id is not None else NO_GOAL


def _goal_field(plan: Plan, label: str, none: str, goal_id: int | None) -> FormField:
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


def _goal_choice(values: Values) -> int | None:
    chosen = values["goal_id"]
    return None if chosen in (None, NO_GOAL) else int(chosen)


def _rule_text(rule: str) -> str:
    """A review's rule as the repeat field shows it."""
    return describe_recurrence(rule) if rule else ""


def _rule(text: str, kept: str, start: date) -> str:
    """The rule for the repeat field's ``text``: ``kept`` while the text still describes it
    (a rule typed elsewhere may not read back the same), else the rule the text says.

    Raises:
        DateError: when the text is not a repeat, or never falls on or after ``start``.
    """
    if text == _rule_text(kept):
        return kept
    return parse_recurrence(text, start) if text else ""


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


class EvaluationScreen(SectionScreen):
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

    @property
    def listing(self) -> RecordList:
        return self.query_one("#evaluation-list", RecordList)

    def refresh_view(self) -> None:
        plan = self.pop.store.plan
        today = self.pop.today()
        rows: dict[str, list[Option]] = {
            "goal": _goal_rows(plan, today),
            "review": [_review_row(plan, r, today) for r in evaluation.next_reviews(plan)],
            "feedback": [
                _feedback_row(plan, f, today)
                for f in [*evaluation.open_feedback(plan), *evaluation.answered_feedback(plan)]
            ],
            "reflection": [
                _reflection_row(plan, r, today)
                for _, group in evaluation.reflections_by_goal(plan)
                for r in group
            ],
            "held": [_held_row(view, today) for view in evaluation.held_reviews(plan)],
            "change": [_change_row(plan, c, today) for c in evaluation.goal_changes(plan)],
        }
        options: list[Option] = []
        for group in GROUPS:
            options.append(heading(t(f"eval.group.{group}")))
            options.extend(rows[group] or [_empty(group)])
        keep, self.select_next = self.select_next, None
        self.listing.rebuild(options, keep=keep)
        upcoming = evaluation.next_reviews(plan)
        self.sub_title = (
            t("eval.subtitle.next", date=format_date(upcoming[0].next_on))
            if upcoming and upcoming[0].next_on is not None
            else t("eval.subtitle.none")
        )
        self.show_detail()

    # --- what is under the cursor ---------------------------------------------------

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

    @on(OptionList.OptionHighlighted, "#evaluation-list")
    def _highlighted(self) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        """Show the whole of the record under the cursor in the panel below the list."""
        self.query_one("#evaluation-detail", Static).update(Content("\n").join(self._detail()))

    def _detail(self) -> list[Content]:
        plan = self.pop.store.plan
        today = self.pop.today()
        group, rest = self._under_cursor()
        if group == "goal" and (goal := self._goal()) is not None:
            return self._goal_detail(plan, goal, today)
        if group == "review" and (review := self._review()) is not None:
            lines = [_line(t("eval.detail.about"), _subject(plan, review))]
            if review.rule:
                lines.append(_line(t("eval.detail.repeat"), describe_recurrence(review.rule)))
            if review.held:
                last = format_date(review.held[-1].on)
                lines.append(_line(t("eval.detail.last_held"), last))
            lines.append(Content.styled(t("eval.detail.hold_hint"), "dim italic"))
            return lines
        if group == "feedback" and (item := self._feedback()) is not None:
            lines = [_line(t("eval.detail.question"), item.question)]
            asked = format_date(item.asked_on) if item.asked_on else ""
            wanted = format_date(item.wanted_by) if item.wanted_by else ""
            lines.append(
                Content.styled(
                    t("eval.detail.asked", asked=asked or "—", wanted=wanted or "—"), "dim"
                )
            )
            if evaluation.is_answered(item):
                when = format_date(item.answered_on) if item.answered_on else "—"
                lines.append(_line(t("eval.detail.answer", date=when), item.answer))
            else:
                lines.append(Content.styled(t("eval.detail.answer_hint"), "dim italic"))
            return lines
        if group == "reflection" and (reflection := self._reflection()) is not None:
            return [
                _line(t("eval.detail.learned"), reflection.learned),
                _line(t("eval.detail.differently"), reflection.differently),
            ]
        if group == "held" and rest:
            return self._held_detail(plan, rest)
        if group == "change":
            change = plan.table(GoalChange).get(
                record_id(self.listing.highlighted_id, "change") or 0
            )
            if change is not None:
                return [
                    _line(_goal_title(plan, change.goal_id) or "—", change_text(change)),
                    _line(t("eval.detail.reason"), change.reason),
                ]
        if group in GROUPS:
            return [Content.styled(t(f"eval.hint.{group}"), "dim italic")]
        return []

    def _goal_detail(self, plan: Plan, goal: Goal, today: date) -> list[Content]:
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
                f"{short_date(e.on, today) if e.on else '—'}: {format_number(e.value)}"
                for e in history
            )
            lines.append(_line(t("eval.detail.history"), shown))
        lines.append(Content.styled(t("eval.detail.review_goal_hint"), "dim italic"))
        return lines

    def _held_detail(self, plan: Plan, rest: str) -> list[Content]:
        for view in evaluation.held_reviews(plan):
            if f"{view.review.id}.{view.index}" == rest:
                lines = [_line(t("eval.detail.notes"), view.held.notes)]
                for note in view.goal_notes:
                    text = " / ".join(x for x in (note.learned, note.differently) if x)
                    lines.append(_line(_goal_title(plan, note.goal_id) or "—", text))
                return lines
        return []

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
                lambda edit: edit.delete(_existing(edit, Review, id)),
                t("eval.review.delete_detail") if review.held else "",
            )
        elif (item := self._feedback()) is not None:
            id = item.id
            self.confirm_delete(
                t("eval.feedback.delete"),
                item.question or item.from_whom,
                t("label.feedback_delete", who=printable(item.from_whom)),
                lambda edit: edit.delete(_existing(edit, Feedback, id)),
            )
        elif (reflection := self._reflection()) is not None:
            id = reflection.id
            self.confirm_delete(
                t("eval.reflection.delete"),
                reflection.learned or reflection.differently,
                t("label.reflection_delete"),
                lambda edit: edit.delete(_existing(edit, Reflection, id)),
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

    # --- reviews ----------------------------------------------------------------------

    def _review_fields(self, review: Review) -> list[FormField]:
        plan = self.pop.store.plan
        return [
            FormField("title", t("eval.field.review_title"), value=review.title),
            _goal_field(plan, t("eval.field.about"), t("eval.review.whole_plan"), review.goal_id),
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
                value=_rule_text(review.rule),
                placeholder=t("eval.hint.repeat"),
                shows=_rule_text,
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
        shown = _rule_text(review.rule)

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
            goal_id = _goal_choice(values)
            title = values["title"] or _default_title(self.pop.store.plan, goal_id)

            def mutation(edit: Edit) -> None:
                about = goal_id if goal_id in edit.plan.goals else None
                rule = _rule(values["rule"], "", values["next_on"])
                made = ops.schedule_review(edit, title, values["next_on"], rule, about)
                self.select_next = f"review:{made.id}"

            return mutation

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
            goal_id = _goal_choice(values)

            def mutation(edit: Edit) -> None:
                current = _existing(edit, Review, id)
                about = goal_id if goal_id in edit.plan.goals else None
                title = values["title"] or _default_title(edit.plan, about)
                # The rule as it is now: another session may have changed it meanwhile.
                rule = _rule(values["rule"], current.rule, values["next_on"])
                moved = values["next_on"] != current.next_on or rule != current.rule
                edit.update(
                    current,
                    title=title,
                    goal_id=about,
                    rule=rule,
                    # A new date or rule starts the series again from that date.
                    start=values["next_on"] if moved else current.start,
                    next_on=values["next_on"],
                )

            return mutation

        self._review_form(
            t("eval.review.edit"),
            review,
            lambda v: t("label.review_edit", title=printable(v["title"] or review.title)),
            save,
            record=review,
            reopen="edit",
        )

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

    # --- feedback ---------------------------------------------------------------------

    def action_ask(self) -> None:
        today = self.pop.today()
        near = self._goal()
        fields = [
            FormField("from_whom", t("eval.field.from_whom"), required=True),
            _goal_field(
                self.pop.store.plan,
                t("eval.field.about_goal"),
                t("eval.feedback.no_goal"),
                near.id if near is not None else None,
            ),
            FormField("question", t("eval.field.question")),
            FormField("asked_on", t("eval.field.asked_on"), "date", today, required=True),
            FormField(
                "wanted_by", t("eval.field.wanted_by"), "date", placeholder=t("eval.hint.wanted_by")
            ),
        ]

        def save(values: Values) -> Mutation:
            def mutation(edit: Edit) -> None:
                made = evaluation.ask_feedback(
                    edit,
                    values["from_whom"],
                    _goal_choice(values),
                    values["question"],
                    values["asked_on"],
                    values["wanted_by"],
                )
                self.select_next = f"feedback:{made.id}"

            return mutation

        self.form(
            t("eval.feedback.ask"),
            fields,
            lambda v: t("label.feedback_ask", who=printable(v["from_whom"])),
            save,
            reopen="ask",
        )

    def action_answer(self) -> None:
        """Record the answer to the feedback request under the cursor (Enter on it; a kept
        draft of the answer form opens it again by this name)."""
        item = self._feedback()
        if item is None:
            self.nothing_here()
            return
        self._answer(item)

    def _answer(self, item: Feedback) -> None:
        id = item.id
        fields = [
            FormField("answer", t("eval.field.answer"), value=item.answer, required=True),
            FormField(
                "answered_on",
                t("eval.field.answered_on"),
                "date",
                item.answered_on or self.pop.today(),
                required=True,
            ),
        ]

        def save(values: Values) -> Mutation:
            return lambda edit: evaluation.answer_feedback(
                edit, id, values["answer"], values["answered_on"]
            )

        self.form(
            t("eval.feedback.answer"),
            fields,
            lambda v: t("label.feedback_answer", who=printable(item.from_whom)),
            save,
            intro=_feedback_intro(item),
            record=item,
            reopen="answer",
        )

    def _edit_feedback(self, item: Feedback) -> None:
        id = item.id
        fields = [
            FormField("from_whom", t("eval.field.from_whom"), value=item.from_whom, required=True),
            _goal_field(
                self.pop.store.plan,
                t("eval.field.about_goal"),
                t("eval.feedback.no_goal"),
                item.goal_id,
            ),
            FormField("question", t("eval.field.question"), value=item.question),
            FormField("asked_on", t("eval.field.asked_on"), "date", item.asked_on, required=True),
            FormField("wanted_by", t("eval.field.wanted_by"), "date", item.wanted_by),
            FormField("answer", t("eval.field.answer"), value=item.answer),
            FormField("answered_on", t("eval.field.answered_on"), "date", item.answered_on),
        ]
        today = self.pop.today()

        def save(values: Values) -> Mutation:
            def mutation(edit: Edit) -> None:
                current = _existing(edit, Feedback, id)
                goal_id = _goal_choice(values)
                answered = values["answered_on"] or (today if values["answer"] else None)
                edit.update(
                    current,
                    from_whom=values["from_whom"],
                    goal_id=goal_id if goal_id in edit.plan.goals else None,
                    question=values["question"],
                    asked_on=values["asked_on"],
                    wanted_by=values["wanted_by"],
                    answer=values["answer"],
                    answered_on=answered if values["answer"] else None,
                )

            return mutation

        self.form(
            t("eval.feedback.edit"),
            fields,
            lambda v: t("label.feedback_edit", who=printable(v["from_whom"])),
            save,
            record=item,
            reopen="edit",
        )

    # --- reflections ------------------------------------------------------------------

    def _reflection_fields(self, reflection: Reflection) -> list[FormField]:
        # The texts first: the form opens with the cursor in the first field, and what
        # one types straight away is the reflection, not the choice of a goal.
        return [
            FormField("learned", t("eval.field.learned"), value=reflection.learned),
            FormField("differently", t("eval.field.differently"), value=reflection.differently),
            _goal_field(
                self.pop.store.plan,
                t("eval.field.about_goal"),
                t("eval.reflection.no_goal"),
                reflection.goal_id,
            ),
            FormField("on", t("eval.field.written_on"), "date", reflection.on, required=True),
        ]

    def action_periods(self) -> None:
        """The plan's periods: read an earlier one, or start the next."""
        from pop_tui.ui.screens.periods import PeriodsScreen

        self.app.push_screen(PeriodsScreen())

    def action_reflect(self) -> None:
        near = self._goal()
        today = self.pop.today()
        draft = Reflection(id=0, on=today, goal_id=near.id if near is not None else None)

        def save(values: Values) -> Mutation:
            def mutation(edit: Edit) -> None:
                made = evaluation.write_reflection(
                    edit,
                    values["on"],
                    _goal_choice(values),
                    values["learned"],
                    values["differently"],
                )
                self.select_next = f"reflection:{made.id}"

            return mutation

        self._reflection_form(
            t("eval.reflection.add"),
            draft,
            save,
            t("label.reflection_add"),
            record=None,
            reopen="reflect",
        )

    def _edit_reflection(self, reflection: Reflection) -> None:
        id = reflection.id

        def save(values: Values) -> Mutation:
            def mutation(edit: Edit) -> None:
                current = _existing(edit, Reflection, id)
                goal_id = _goal_choice(values)
                edit.update(
                    current,
                    goal_id=goal_id if goal_id in edit.plan.goals else None,
                    learned=values["learned"],
                    differently=values["differently"],
                    on=values["on"],
                )

            return mutation

        self._reflection_form(
            t("eval.reflection.edit"),
            reflection,
            save,
            t("label.reflection_edit"),
            record=reflection,
            reopen="edit",
        )

    def _reflection_form(
        self,
        title: str,
        reflection: Reflection,
        save: Callable[[Values], Mutation],
        label: str,
        *,
        record: Reflection | None,
        reopen: str,
    ) -> None:
        def check(values: Values) -> dict[str, str]:
            if not values["learned"] and not values["differently"]:
                return {"learned": t("eval.error.reflection_empty")}
            return {}

        self._checked_form(
            title,
            self._reflection_fields(reflection),
            lambda _values: label,
            save,
            check,
            record=record,
            reopen=reopen,
        )


def _feedback_intro(item: Feedback) -> str:
    who = item.from_whom or "?"
    return (
        t("eval.feedback.answer_intro", who=who, question=item.question)
        if item.question
        else t("eval.feedback.answer_intro_plain", who=who)
    )


def _default_title(plan: Plan, goal_id: int | None) -> str:
    goal = plan.goals.get(goal_id) if goal_id is not None else None
    return (
        t("eval.review.goal_title", goal=goal.title)
        if goal is not None
        else t("eval.review.plan_title")
    )


def _existing(edit: Edit, cls: type[R], id: int) -> R:
    """The record as it is now, in the plan being edited (another session may have deleted it)."""
    found = edit.plan.table(cls).get(id)
    if found is None:
        raise OpError(f"there is no {cls.TABLE} {id}")
    return found
