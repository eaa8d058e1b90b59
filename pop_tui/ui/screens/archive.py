"""An earlier period's plan as it was, read-only.

The plan comes from the period's archive (:func:`pop_tui.core.periods.archived_plan`),
a copy that lives only on this screen: nothing here reaches the store, so no key
can change the archive. The screen has no keys of its own that edit; ``x``
exports this period, Escape goes back. The app's keys still work as everywhere
and act on the current plan (``u`` undoes its last change, ``c`` checks in on it).

The pack is worked out as on the day the period ended, so pace, days left and
overdue steps read as they did then.
"""

from __future__ import annotations

from datetime import date
from pathlib import PurePath
from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Static

from pop_tui.core.export.pack import build_pack
from pop_tui.core.model import Period, Plan
from pop_tui.core.printable import printable
from pop_tui.core.texts import language, t
from pop_tui.ui.keys import described
from pop_tui.ui.styles import stylesheet
from pop_tui.ui.toasts import ToastsRestUnderDialogs
from pop_tui.ui.widgets.key_bar import KeyBar
from pop_tui.ui.widgets.pack_view import PackView

if TYPE_CHECKING:
    from pop_tui.ui.context import PopContext


def period_date(day: date | None) -> str:
    """A period's first or last day, short: "1 Aug 2026" ("?" when not known)."""
    if day is None:
        return t("periodsui.unknown_date")
    return t("periodsui.row.date", day=day.day, month=t(f"date.month.{day.month}"), year=day.year)


def period_span(period: Period) -> str:
    """The period's dates, as "1 Aug 2026 – 29 Nov 2026"."""
    return t(
        "periodsui.row.span", started=period_date(period.started), ended=period_date(period.ended)
    )


class ArchiveScreen(ToastsRestUnderDialogs, Screen[None]):
    """One earlier period, to read and to export."""

    CSS_PATH: ClassVar[list[str | PurePath]] = [stylesheet("periods")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("x", "export", described("archive.key.export"), id="archive.export"),
        Binding("escape", "back", described("sec.key.back"), id="archive.back"),
    ]

    def __init__(self, period: Period, plan: Plan) -> None:
        super().__init__()
        self.period = period
        self.plan = plan

    @property
    def pop(self) -> PopContext:
        return cast("PopContext", self.app)

    def compose(self) -> ComposeResult:
        period = self.period
        on = period.ended or self.pop.today()
        pack = build_pack(self.plan, on, language(), period.name)
        yield Header()
        yield Static(
            Content.styled(t("archive.banner", span=period_span(period)), "italic"),
            id="archive-banner",
        )
        yield PackView(pack, id="archive-pack")
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = t("archive.title", name=printable(self.period.name))
        self.query_one(PackView).focus()
        self.watch(self.app, "revision", self._leave_if_gone, init=False)

    def on_screen_resume(self) -> None:
        self._leave_if_gone()

    def _leave_if_gone(self) -> None:
        # Undoing the start of the period (u, or in another session) takes the archive away.
        found = self.pop.store.plan.table(Period).get(self.period.id)
        if (found is None or not found.archive) and self.is_current:
            self.dismiss(None)

    def action_export(self) -> None:
        from pop_tui.ui.dialogs.export import ExportDialog

        self.app.push_screen(ExportDialog(self.pop, period=self.period.name))

    def action_back(self) -> None:
        self.dismiss(None)
