"""The pages of the review wizard: one per goal (where it stands, what is entered for
it), and the summary. Each page reads the plan and the day from the app's context,
so it can be shown, and tested, on its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static

from pop_tui.core import evaluation
from pop_tui.core.dates import DateError, format_date, parse_date
from pop_tui.core.model import GOAL_STATUSES, Goal, GoalStatus, Plan
from pop_tui.core.numbers import format_number
from pop_tui.core.printable import printable
from pop_tui.core.progress import has_measure, measure_fraction
from pop_tui.core.review_session import (
    GoalEntry,
    Outlook,
    needs_reason,
    outlook,
)
from pop_tui.core.texts import t
from pop_tui.ui.context import pop_context
from pop_tui.ui.dialogs.form import FieldError, FormField, read_field
from pop_tui.ui.widgets.entry_input import EntryInput
from pop_tui.ui.widgets.progress_bar import history_chart, pace_label, progress_bar

CHART_WIDTH = 12


def _field_row(field: FormField, widget: Widget, hint: bool = False) -> Iterator[Widget]:
    with Horizontal(classes=f"field-row field-{field.kind}"):
        yield Label(Content(field.label), classes="field-label")
        yield widget
    yield Static("", classes=f"field-error error-{field.name}")
    if hint:
        yield Static("", classes=f"field-hint hint-{field.name}")


def _label(key: str) -> str:
    """A label of the goal's picture, padded so that what follows them lines up."""
    width = max(len(t("wiz.progress")), len(t("wiz.history")))
    return t(key).ljust(width + 2)


def _initial(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return format_number(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class GoalPage(Vertical):
    """One goal of the review: where it stands, and what is entered for it."""

    def __init__(self, goal: Goal) -> None:
        super().__init__(id=f"wizard-goal-{goal.id}", classes="wizard-page")
        self.goal = goal
        self.measured = has_measure(goal)
        self.fields: dict[str, FormField] = {}
        # The status follows the suggestion until the person picks one. The values the
        # page set itself are remembered until their Changed message arrives, so that
        # it is not taken for the person's choice.
        self.auto_status: GoalStatus = goal.status
        self.auto_set: list[object] = []
        self.status_chosen = False

    @property
    def plan(self) -> Plan:
        return pop_context(self).store.plan

    @property
    def today(self) -> date:
        return pop_context(self).today()

    def _add(self, field: FormField) -> FormField:
        self.fields[field.name] = field
        return field

    def compose(self) -> ComposeResult:
        goal = self.goal
        yield Static(Content.styled(printable(goal.title), "bold"), classes="wizard-goal-title")
        yield Static(self._measure_line(), classes="wizard-measure")
        yield Static("", classes="wizard-outlook")
        yield Static("", classes="wizard-history")
        yield Static("", classes="wizard-suggestion")
        with VerticalScroll(classes="wizard-fields", can_focus=False):
            if self.measured:
                field = self._add(
                    FormField(
                        "value",
                        t("wiz.field.value"),
                        "number",
                        goal.current,
                        placeholder=t("wiz.hint.value"),
                    )
                )
                yield from _field_row(field, self._input(field))
            for name in ("went_well", "to_change"):
                field = self._add(FormField(name, t(f"wiz.field.{name}")))
                yield from _field_row(field, self._input(field))
            yield Static(Content.styled(t("wiz.adjust"), "bold"), classes="wizard-adjust")
            field = self._add(FormField("title", t("wiz.field.title"), value=goal.title))
            yield from _field_row(field, self._input(field))
            field = self._add(
                FormField(
                    "deadline",
                    t("wiz.field.deadline"),
                    "date",
                    goal.deadline,
                    placeholder=t("sec.hint.date"),
                )
            )
            yield from _field_row(field, self._input(field), hint=True)
            if self.measured:
                field = self._add(FormField("target", t("wiz.field.target"), "number", goal.target))
                yield from _field_row(field, self._input(field))
            field = self._add(
                FormField(
                    "status",
                    t("wiz.field.status"),
                    "choice",
                    goal.status,
                    choices=tuple((t(f"sec.goal.status.{s}"), s) for s in GOAL_STATUSES),
                )
            )
            select: Select[str] = Select(
                [(Text(label), value) for label, value in field.choices],
                value=goal.status,
                allow_blank=False,
                compact=True,
                classes="wiz-status",
            )
            yield from _field_row(field, select)
            field = self._add(
                FormField("reason", t("wiz.field.reason"), placeholder=t("wiz.hint.reason"))
            )
            yield from _field_row(field, self._input(field))

    def _input(self, field: FormField) -> Input:
        return EntryInput(
            printable(_initial(field.value)),
            placeholder=field.placeholder,
            compact=True,
            classes=f"wiz-{field.name}",
        )

    def _measure_line(self) -> Content:
        goal = self.goal
        if not self.measured:
            return Content.styled(t("wiz.no_measure"), "dim")
        metric = goal.metric or t("wiz.measure")
        if goal.unit:
            metric = t("wiz.measure_unit", metric=metric, unit=goal.unit)
        values = t(
            "wiz.measure_values",
            baseline=format_number(goal.baseline) if goal.baseline is not None else "—",
            target=format_number(goal.target) if goal.target is not None else "—",
            current=format_number(goal.current) if goal.current is not None else "—",
        )
        return Content.assemble((printable(metric) + ": ", "bold"), values)

    def on_mount(self) -> None:
        self.refresh_outlook()

    # --- reading -------------------------------------------------------------------

    def raw(self, name: str) -> Any:
        widget = self.query_one(f".wiz-{name}")
        if isinstance(widget, Select):
            return widget.value
        original = _initial(self.fields[name].value)
        value = cast(Input, widget).value
        # A field shown as it was hands back the original text (printable() may have
        # replaced control characters for the screen).
        return original if value == printable(original) else value

    def _read(self, name: str) -> Any:
        field = self.fields.get(name)
        if field is None:
            return None
        return read_field(field, self.raw(name), self.today)

    def draft(self) -> GoalEntry:
        """The entry as far as it can be read now (a wrong value counts as not changed)."""
        values: dict[str, Any] = {}
        for name in self.fields:
            try:
                values[name] = self._read(name)
            except FieldError:
                values[name] = None
        return self._entry(values)

    def _entry(self, values: dict[str, Any]) -> GoalEntry:
        return GoalEntry(
            goal_id=self.goal.id,
            value=values.get("value"),
            went_well=values.get("went_well") or "",
            to_change=values.get("to_change") or "",
            title=values.get("title") or None,
            deadline=values.get("deadline"),
            target=values.get("target"),
            status=values.get("status"),
            reason=values.get("reason") or "",
        )

    def validate(self) -> GoalEntry | None:
        """The entry, or None after showing what is wrong at each field."""
        values: dict[str, Any] = {}
        wrong: list[str] = []
        for name in self.fields:
            try:
                values[name] = self._read(name)
                self.show_error(name, "")
            except FieldError as exc:
                self.show_error(name, exc.message)
                wrong.append(name)
        if not wrong and not (values.get("title") or "").strip():
            self.show_error("title", t("wiz.error.title"))
            wrong.append("title")
        if wrong:
            self.query_one(f".wiz-{wrong[0]}").focus()
            return None
        entry = self._entry(values)
        if needs_reason(self.plan, self.goal, entry, self.today):
            self.show_error("reason", t("wiz.error.reason"))
            self.query_one(".wiz-reason").focus()
            return None
        return entry

    def show_error(self, name: str, message: str) -> None:
        note = self.query_one(f".error-{name}", Static)
        note.update(Content(message))
        note.set_class(bool(message), "-shown")

    def first_input(self) -> Widget:
        return self.query_one(".wiz-value" if self.measured else ".wiz-went_well")

    # --- following what is typed ----------------------------------------------------

    def refresh_outlook(self) -> None:
        """Redraw progress, pace, history and the suggested status from the draft."""
        plan, today = self.plan, self.today
        entry = self.draft()
        seen = outlook(plan, self.goal, entry, today)
        parts: list[Content | str | tuple[str, str]] = [
            (_label("wiz.progress"), "bold"),
            progress_bar(seen.progress),
        ]
        if seen.pace is not None:
            parts += ["  ", pace_label(seen.pace)]
        if seen.progress is not None and seen.time_used is not None:
            parts.append(
                (
                    "  "
                    + t(
                        "wiz.pace_detail",
                        done=seen.progress.percent,
                        used=int(seen.time_used * 100 + 1e-9),
                    ),
                    "dim",
                )
            )
        self.query_one(".wizard-outlook", Static).update(Content.assemble(*parts))
        self.query_one(".wizard-history", Static).update(self._history(entry))
        self.query_one(".wizard-suggestion", Static).update(self._suggestion(seen))
        if not self.status_chosen and seen.suggested != self.auto_status:
            self.auto_status = seen.suggested
            self.auto_set.append(seen.suggested)
            self.query_one(".wiz-status", Select).value = seen.suggested

    def _history(self, entry: GoalEntry) -> Content:
        label = (_label("wiz.history"), "bold")
        if not self.measured:
            return Content.assemble(label, (t("wiz.history_steps"), "dim"))
        plan = self.plan
        entries = evaluation.progress_history(plan, self.goal.id)
        goal = self.goal.replace(target=entry.target) if entry.target is not None else self.goal
        points = evaluation.history_points(goal, entries)
        values = [format_number(e.value) for e in entries[-4:]]
        if entry.value is not None:
            # The value typed now is the newest point of the chart.
            now = measure_fraction(goal, entry.value)
            if now is not None:
                points.append(now)
            values.append(format_number(entry.value))
        if not points:
            return Content.assemble(label, (t("wiz.history_none"), "dim"))
        return Content.assemble(
            label,
            history_chart(points, min(len(points), CHART_WIDTH), align="left"),
            "  ",
            (" → ".join(values), "dim"),
        )

    def _suggestion(self, seen: Outlook) -> Content:
        if seen.suggested == "done" and self.goal.status != "done":
            return Content.styled(t("wiz.suggest.done"), "bold green")
        if seen.deadline_passed:
            return Content.styled(t("wiz.suggest.deadline_passed"), "bold red")
        return Content.styled(t(f"wiz.suggest.keep.{seen.pace or 'none'}"), "dim")

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        if event.input.has_class("wiz-deadline"):
            self._show_date_hint()
        self.refresh_outlook()

    @on(Select.Changed)
    def _status_changed(self, event: Select.Changed) -> None:
        # The Select also says so once when it starts, with the goal's own status.
        if event.value in self.auto_set:
            self.auto_set.remove(event.value)
        elif event.value != self.auto_status:
            self.status_chosen = True

    def _show_date_hint(self) -> None:
        hint = self.query_one(".hint-deadline", Static)
        text = str(self.raw("deadline")).strip()
        try:
            day = parse_date(text, self.today) if text else None
        except DateError:
            day = None
        shown = format_date(day) if day is not None and day != self.goal.deadline else ""
        hint.update(Content.styled(t("wiz.date_hint", date=shown) if shown else "", "dim"))
        hint.set_class(bool(shown), "-shown")


class SummaryPage(Vertical):
    """The last page: what will be saved, when the review comes next, notes on the whole."""

    def compose(self) -> ComposeResult:
        yield Static(Content.styled(t("wiz.summary"), "bold"), classes="wizard-goal-title")
        yield Static("", id="wizard-summary-lines")
        field = FormField("notes", t("wiz.field.notes"), placeholder=t("wiz.hint.notes"))
        notes = EntryInput(placeholder=field.placeholder, compact=True, id="wizard-notes")
        yield from _field_row(field, notes)
        yield Static(Content.styled(t("wiz.save_hint"), "dim italic"), classes="wizard-save-hint")

    def show(self, lines: list[Content]) -> None:
        self.query_one("#wizard-summary-lines", Static).update(Content("\n").join(lines))
