"""The goal form: every SMART field, and beside it (below it when narrow) the live check.

The check runs on every change over what the fields hold at that moment, so a
person sees which letter is weak while typing, not after saving.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import date
from typing import Any

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from pop_tui.core.arrange import ordered
from pop_tui.core.model import GOAL_KINDS, GOAL_STATUSES, HORIZONS, Goal, Plan
from pop_tui.core.numbers import format_number
from pop_tui.core.printable import printable
from pop_tui.core.smart import SmartCheck, check_smart
from pop_tui.core.texts import t
from pop_tui.core.value import field_names
from pop_tui.ui.dialogs.form import FormDialog, FormField, Values

GOAL_FIELDS = frozenset(field_names(Goal))

# How each score looks: a sign that survives NO_COLOR, and a colour where there is one.
SCORE_LOOK: dict[str, tuple[str, str]] = {
    "ok": ("✓", "green"),
    "weak": ("~", "yellow"),
    "missing": ("✗", "red"),
}


def smart_content(check: SmartCheck) -> Content:
    """The check as lines: one per letter with its score, its findings indented below."""
    lines = [Content.styled(t("sec.goal.smart_title"), "bold")]
    for letter in check.letters:
        sign, colour = SCORE_LOOK[letter.score]
        lines.append(
            Content.assemble(
                (f"{sign} {letter.letter} ", f"bold {colour}"),
                t(f"smart.letter.{letter.letter}"),
                (" · " + t(f"smart.score.{letter.score}"), colour),
            )
        )
        lines.extend(Content.styled("  " + printable(f.text()), "dim") for f in letter.findings)
    if check.passed:
        lines.append(Content.styled(t("smart.passed"), "green"))
    return Content("\n").join(lines)


def goal_fields(goal: Goal, plan: Plan) -> list[FormField]:
    """The form's fields, filled from ``goal`` (a new goal: a Goal with id 0)."""
    swot = tuple(
        (f"{item.quadrant} {item.text}", item.id)
        for q in ("W", "T", "S", "O")
        for item in ordered(i for i in plan.swot.values() if i.quadrant == q)
    )
    employer = tuple((e.title, e.id) for e in ordered(plan.employer_goals.values()))
    kinds = tuple((t(f"sec.goal.kind.{k}"), k) for k in GOAL_KINDS)
    horizons = tuple((t(f"sec.goal.term.{h}"), h) for h in HORIZONS)
    statuses = tuple((t(f"sec.goal.status.{s}"), s) for s in GOAL_STATUSES)
    return [
        FormField("title", t("sec.field.title"), value=goal.title, required=True),
        FormField("horizon", t("sec.field.horizon"), "choice", goal.horizon, choices=horizons),
        FormField("kind", t("sec.field.kind"), "choice", goal.kind, choices=kinds),
        FormField(
            "specific",
            t("sec.field.specific"),
            value=goal.specific,
            placeholder=t("sec.hint.specific"),
        ),
        FormField(
            "metric", t("sec.field.metric"), value=goal.metric, placeholder=t("sec.hint.metric")
        ),
        FormField("unit", t("sec.field.unit"), value=goal.unit, placeholder=t("sec.hint.unit")),
        FormField("baseline", t("sec.field.baseline"), "number", goal.baseline),
        FormField("target", t("sec.field.target"), "number", goal.target),
        FormField("current", t("sec.field.current"), "number", goal.current),
        FormField("why_me", t("sec.field.why_me"), value=goal.why_me),
        FormField("why_employer", t("sec.field.why_employer"), value=goal.why_employer),
        FormField("means", t("sec.field.means"), value=goal.means, placeholder=t("sec.hint.means")),
        FormField(
            "deadline",
            t("sec.field.deadline"),
            "date",
            goal.deadline,
            placeholder=t("sec.hint.date"),
        ),
        FormField("status", t("sec.field.status"), "choice", goal.status, choices=statuses),
        FormField("swot_ids", t("sec.field.swot"), "links", goal.swot_ids, choices=swot),
        FormField(
            "employer_goal_ids",
            t("sec.field.employer"),
            "links",
            goal.employer_goal_ids,
            choices=employer,
        ),
    ]


def draft_goal(values: Values) -> Goal:
    """A goal (id 0) from the form's values, for the live check."""
    return Goal(id=0, **{k: v for k, v in values.items() if k in GOAL_FIELDS and v is not None})


class GoalForm(FormDialog):
    """The form of one goal with the SMART check beside it."""

    # Textual declares this without ClassVar, so it cannot be annotated as one here.
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012
        (0, "-narrow"),
        (72, "-wide"),
    ]

    def __init__(
        self,
        title: str,
        goal: Goal,
        plan: Plan,
        submit: Callable[[Values], bool],
        today: date,
        *,
        record: Goal | None = None,
        origin: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(
            title, goal_fields(goal, plan), submit, today, record=record, origin=origin
        )
        self.goal = goal

    def compose_side(self) -> Iterator[Widget]:
        # Not a stop for Tab: the check is read, not worked in, and Tab order stays short.
        with VerticalScroll(id="smart-side", can_focus=False):
            yield Static("", id="smart-panel")

    def on_draft(self, values: dict[str, Any]) -> None:
        check = check_smart(draft_goal(values), self.today)
        self.query_one("#smart-panel", Static).update(smart_content(check))

    def check(self, values: Values) -> dict[str, str]:
        # The SMART check calls it weak; saving it would make progress meaningless (0 of 0).
        baseline, target = values.get("baseline"), values.get("target")
        if baseline is not None and target is not None and baseline == target:
            return {"target": t("form.error.target_is_baseline", value=format_number(target))}
        return {}
