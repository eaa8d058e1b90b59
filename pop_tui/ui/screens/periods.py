"""The plan's periods (such as years): read an earlier one, or start the next.

Reached from the evaluation section (``p``) and the command palette. The list
shows every period, oldest first, the current one last and marked. Enter reads
an earlier period as it was (:mod:`pop_tui.ui.screens.archive`); ``n`` starts a
new period: it asks for the names, shows what comes along and what stays
behind, and after a yes saves it as one change that ``u`` undoes.
"""

from __future__ import annotations

from datetime import date
from pathlib import PurePath
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from pop_tui.core.dates import format_date
from pop_tui.core.model import Period
from pop_tui.core.period_preview import PeriodPreview
from pop_tui.core.periods import (
    PeriodError,
    PeriodSummary,
    archived_plan,
    current_period,
    start_period,
    summaries,
)
from pop_tui.core.printable import printable
from pop_tui.core.texts import t
from pop_tui.ui.dialogs.confirm import StartPeriodDialog
from pop_tui.ui.dialogs.new_period import NewPeriodDialog
from pop_tui.ui.keys import described
from pop_tui.ui.screens.archive import ArchiveScreen, period_date, period_span
from pop_tui.ui.styles import stylesheet
from pop_tui.ui.toasts import ToastsRestUnderDialogs
from pop_tui.ui.widgets.key_bar import KeyBar
from pop_tui.ui.widgets.record_list import RecordList, record_id

if TYPE_CHECKING:
    from pop_tui.ui.context import PopContext

# A long name still leaves room for the dates and the counts.
NAME_WIDTH = 16


def _when(summary: PeriodSummary) -> str:
    period = summary.period
    if summary.current:
        return t("periodsui.row.since", started=period_date(period.started))
    return period_span(period)


def period_rows(found: list[PeriodSummary]) -> list[Option]:
    """One row per period: name, dates, goals and goals reached; the current one marked."""
    names = [printable(s.period.name) for s in found]
    name_width = min(NAME_WIDTH, max((len(n) for n in names), default=0))
    whens = [_when(s) for s in found]
    when_width = max((len(w) for w in whens), default=0)
    rows = []
    for summary, name, when in zip(found, names, whens, strict=True):
        goals = t("periodsui.row.goals", goals=summary.goals, done=summary.goals_done)
        parts: list[str | tuple[str, str]] = [
            ("● " if summary.current else "  ", "bold"),
            (name.ljust(name_width), "bold"),
            "  ",
            when.ljust(when_width),
            "  ",
            goals,
        ]
        rows.append(Option(Content.assemble(*parts), id=f"period:{summary.period.id}"))
    return rows


class PeriodsScreen(ToastsRestUnderDialogs, Screen[None]):
    """Every period of the plan; Enter reads an earlier one, ``n`` starts the next."""

    CSS_PATH: ClassVar[list[str | PurePath]] = [stylesheet("periods")]

    BINDINGS: ClassVar[list[BindingType]] = [
        # Before the list's own Enter, so that the footer says what Enter does here.
        Binding("enter", "open", described("periodsui.key.open"), id="periods.open", priority=True),
        Binding("n", "new", described("periodsui.key.new"), id="periods.new"),
        Binding("escape", "back", described("sec.key.back"), id="periods.back"),
    ]

    @property
    def pop(self) -> PopContext:
        return cast("PopContext", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Content(t("periodsui.intro")), id="periods-intro")
        yield RecordList(id="periods-list")
        yield Static("", id="periods-empty")
        yield KeyBar()

    @property
    def listing(self) -> RecordList:
        return self.query_one("#periods-list", RecordList)

    def on_mount(self) -> None:
        self.title = t("periodsui.title")
        self.watch(self.app, "revision", self.refresh_view, init=False)
        self.refresh_view()

    def refresh_view(self, keep: str | None = None) -> None:
        plan = self.pop.store.plan
        found = summaries(plan)
        self.listing.rebuild(period_rows(found), keep=keep)
        self.listing.display = bool(found)
        if found and self.focused is None:
            self.listing.focus()
        self.refresh_bindings()
        empty = self.query_one("#periods-empty", Static)
        empty.display = not any(not s.current for s in found)
        empty.update(Content(t("periodsui.empty", cmd=t("periodsui.empty.cmd"))))
        current = current_period(plan)
        self.sub_title = (
            t("periodsui.subtitle.current", name=printable(current.name))
            if current is not None
            else t("periodsui.subtitle.none")
        )

    def _period(self) -> Period | None:
        id = record_id(self.listing.highlighted_id, "period")
        return self.pop.store.plan.table(Period).get(id) if id is not None else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Without periods there is nothing to read: Enter is not offered.
        if action != "open":
            return True
        found = self.query("#periods-list").results(RecordList)
        return any(listing.option_count for listing in found)

    # --- reading an earlier period -------------------------------------------------

    def action_open(self) -> None:
        period = self._period()
        if period is None:
            return
        if not period.archive:
            self.pop.say(t("periodsui.msg.current"))
            return
        try:
            plan = archived_plan(period)
        except PeriodError as exc:
            self.pop.say(printable(str(exc)), severity="error")
            return
        self.app.push_screen(ArchiveScreen(period, plan))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    def action_back(self) -> None:
        self.dismiss(None)

    # --- starting the next period --------------------------------------------------

    def action_new(self) -> None:
        today = self.pop.today()
        dialog = NewPeriodDialog(self.pop.store.plan, today)

        def named(saved: bool | None) -> None:
            if saved and dialog.preview is not None:
                self._confirm(dialog.preview, dialog.archive_as, today)

        self.app.push_screen(dialog, named)

    def _confirm(self, preview: PeriodPreview, archive_as: str | None, today: date) -> None:
        old, new = printable(preview.old_name), printable(preview.new_name)
        detail = t(
            "periodsui.confirm.detail",
            old=old,
            new=new,
            goals=preview.goals_carried,
            steps=preview.steps_carried,
            ended=preview.goals_left,
            done=preview.steps_done_left,
            history=preview.history_left,
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._start(preview, archive_as, today)

        self.app.push_screen(
            StartPeriodDialog(
                t("periodsui.confirm.question"),
                t("periodsui.confirm.subject", old=old, new=new, date=format_date(today)),
                detail,
                yes=t("periodsui.confirm.yes", name=new),
                no=t("periodsui.confirm.no"),
            ),
            answered,
        )

    def _start(self, preview: PeriodPreview, archive_as: str | None, today: date) -> None:
        name = preview.new_name
        try:
            saved = self.pop.save(
                t("label.period.new", name=printable(name)),
                lambda edit: start_period(edit, name, today, archive_as),
            )
        except PeriodError as exc:
            # Another session took one of the names meanwhile.
            self.pop.say(printable(str(exc)), severity="error")
            return
        if not saved:
            return
        old = next(
            (p for p in self.pop.store.plan.table(Period).values() if p.name == preview.old_name),
            None,
        )
        self.refresh_view(keep=f"period:{old.id}" if old is not None else None)
        self.pop.say(
            t(
                "periodsui.msg.started",
                name=printable(name),
                old=printable(preview.old_name),
            )
        )
