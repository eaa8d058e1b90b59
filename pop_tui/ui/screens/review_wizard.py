"""The review wizard: one page per goal, then a summary; saved as one change at the end.

Each goal's page shows its measure, a progress bar, its pace, a chart of its
history and the status the numbers suggest; below that, the current value
(filled in with the last one: Enter keeps it), what went well, what to change,
and an optional adjustment of the wording, deadline, target or status with
its reason. The numbers follow what is typed.

The pages are in :mod:`pop_tui.ui.screens.review_pages`; this module leads through
them and saves. Enter goes on to the next page (after checking this one) and on the summary
saves the whole review at once, so ``u`` takes all of it back. Page Up goes
back a page. Escape leaves without saving anything.
"""

from __future__ import annotations

from datetime import date
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import ContentSwitcher, Input, Static

from pop_tui.core.dates import describe_recurrence, format_date
from pop_tui.core.edit import Edit
from pop_tui.core.model import Goal, Plan
from pop_tui.core.numbers import format_number
from pop_tui.core.ops import OpError
from pop_tui.core.printable import printable
from pop_tui.core.review_session import (
    GoalEntry,
    HeldSession,
    adjustments,
    goals_to_review,
    hold_review_session,
)
from pop_tui.core.texts import t
from pop_tui.ui.dialogs.base import Dialog
from pop_tui.ui.keys import described
from pop_tui.ui.screens.review_draft import wizard_draft
from pop_tui.ui.screens.review_pages import GoalPage, SummaryPage
from pop_tui.ui.styles import DIALOG_STYLES, stylesheet
from pop_tui.ui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from pop_tui.ui.context import PopContext

SUMMARY = "wizard-summary"


class ReviewWizard(Dialog[bool]):
    """Walk through the goals of a review (``review_id`` None: a review not planned before)."""

    CSS_PATH: ClassVar[list[str | PurePath]] = [*DIALOG_STYLES, stylesheet("evaluation")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", described("wiz.key.leave"), id="wizard.leave"),
        # Enter in a field goes on as well (Input.Submitted). Priority: the scrolling
        # list of fields would otherwise take Page Up and Page Down for itself.
        Binding("pagedown", "next", described("wiz.key.next"), priority=True, id="wizard.next"),
        Binding("pageup", "back", described("wiz.key.back"), priority=True, id="wizard.back"),
        Binding("question_mark,f1", "app.help", described("ui.key.help"), id="wizard.help"),
    ]

    def __init__(self, review_id: int | None, title: str, goal_id: int | None) -> None:
        super().__init__()
        self.review_id = review_id
        self.review_title = title
        self.goal_id = goal_id
        self.page_ids: list[str] = []
        self.opened_inputs: list[str] = []

    @property
    def pop(self) -> PopContext:
        return cast("PopContext", self.app)

    @property
    def plan(self) -> Plan:
        return self.pop.store.plan

    @property
    def today(self) -> date:
        return self.pop.today()

    def _goals(self) -> list[Goal]:
        plan = self.plan
        review = plan.reviews.get(self.review_id) if self.review_id is not None else None
        if review is None and self.goal_id is not None:
            goal = plan.goals.get(self.goal_id)
            return [goal] if goal is not None else []
        return goals_to_review(plan, review)

    def compose(self) -> ComposeResult:
        goals = self._goals()
        with Vertical(id="wizard"):
            yield Static("", id="wizard-heading")
            with ContentSwitcher(id="wizard-pages"):
                for goal in goals:
                    page = GoalPage(goal)
                    self.page_ids.append(page.id or "")
                    yield page
                self.page_ids.append(SUMMARY)
                yield SummaryPage(id=SUMMARY, classes="wizard-page")
        yield KeyBar()

    def on_mount(self) -> None:
        self.show_page(0)
        # What every field held at the start, to tell whether leaving loses typing.
        self.opened_inputs = [i.value for i in self.query(Input)]

    def draft_document(self) -> dict[str, Any] | None:
        """The typing kept when pop is closed from outside (see ui.wizard_drafts)."""
        return wizard_draft(self)

    def has_typing(self) -> bool:
        """Whether anything was typed or chosen that leaving would lose."""
        typed = [i.value for i in self.query(Input)] != self.opened_inputs
        return typed or any(page.status_chosen for page in self.goal_pages())

    @property
    def page_index(self) -> int:
        current = self.query_one(ContentSwitcher).current
        return self.page_ids.index(current) if current in self.page_ids else 0

    def goal_pages(self) -> list[GoalPage]:
        return list(self.query(GoalPage))

    def show_page(self, index: int) -> None:
        switcher = self.query_one(ContentSwitcher)
        switcher.current = self.page_ids[index]
        count = len(self.page_ids) - 1
        heading = t("wiz.heading", title=printable(self.review_title), day=format_date(self.today))
        step = t("wiz.step", n=index + 1, count=count) if index < count else t("wiz.step_last")
        # Where one is comes first: a narrow window cuts the end of the line.
        self.query_one("#wizard-heading", Static).update(
            Content.assemble(
                (step, "bold"),
                ("  " + t("wiz.step_keys") if index < count else "", "dim"),
                ("  " + heading, ""),
            )
        )
        if self.page_ids[index] == SUMMARY:
            summary = self.query_one(SummaryPage)
            summary.show(self._summary_lines())
            self.query_one("#wizard-notes", Input).focus()
        else:
            self.query_one(f"#{self.page_ids[index]}", GoalPage).first_input().focus()

    # --- moving through the pages ---------------------------------------------------

    def action_next(self) -> None:
        index = self.page_index
        if self.page_ids[index] == SUMMARY:
            self.save()
            return
        page = self.query_one(f"#{self.page_ids[index]}", GoalPage)
        if page.validate() is not None:
            self.show_page(index + 1)

    def action_back(self) -> None:
        if self.page_index > 0:
            self.show_page(self.page_index - 1)

    def action_leave(self) -> None:
        if not self.has_typing():
            self.left(True)
            return
        # Escape, as in every form, never throws typing away without a word: it asks.
        from pop_tui.ui.dialogs.confirm import ConfirmDialog

        question = ConfirmDialog(
            t("wiz.leave.question"),
            printable(self.review_title),
            t("wiz.leave.detail"),
            yes=t("wiz.leave.yes"),
            no=t("wiz.leave.no"),
        )
        self.app.push_screen(question, self.left)

    def left(self, leave: bool | None) -> None:
        if leave:
            self.pop.say(t("wiz.msg.left"))
            self.dismiss(False)

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_next()

    # --- the summary and saving -----------------------------------------------------

    def _entries(self) -> list[GoalEntry] | None:
        """Every page's entry; None (showing that page) when one is not right."""
        entries = []
        for index, page in enumerate(self.goal_pages()):
            entry = page.validate()
            if entry is None:
                self.show_page(index)
                page.validate()  # show the messages again on the page now shown
                return None
            entries.append(entry)
        return entries

    def _preview(self, entries: list[GoalEntry]) -> HeldSession:
        """What saving would do, worked out on a copy of the plan."""
        copy = Plan({name: dict(records) for name, records in self.plan.tables.items()})
        return hold_review_session(
            Edit(copy), self.review_id, self.today, entries, "", self.review_title
        )

    def _summary_lines(self) -> list[Content]:
        lines: list[Content] = []
        pages = self.goal_pages()
        if not pages:
            lines.append(Content.styled(t("wiz.no_goals"), "italic"))
        entries = [page.draft() for page in pages]
        for page, entry in zip(pages, entries, strict=True):
            bits = []
            if entry.value is not None:
                key = (
                    "wiz.summary.same" if entry.value == page.goal.current else "wiz.summary.value"
                )
                bits.append(t(key, value=format_number(entry.value)))
            changed = adjustments(page.goal, entry)
            if changed:
                bits.append(t("wiz.summary.changes", n=len(changed)))
            if entry.went_well.strip() or entry.to_change.strip():
                bits.append(t("wiz.summary.noted"))
            lines.append(
                Content.assemble(
                    "  ",
                    printable(page.goal.title),
                    (": " + (", ".join(bits) or t("wiz.summary.nothing")), "dim"),
                )
            )
        held = self._preview(entries).review
        if held.next_on is not None:
            rule = f" ({describe_recurrence(held.rule)})" if held.rule else ""
            next_text = t("wiz.summary.next", date=format_date(held.next_on)) + rule
        else:
            next_text = t("wiz.summary.no_next")
        lines.append(Content.styled(next_text, "bold"))
        return lines

    def save(self) -> None:
        entries = self._entries()
        if entries is None:
            return
        notes = self.query_one("#wizard-notes", Input).value
        today, review_id, title = self.today, self.review_id, self.review_title
        held: list[HeldSession] = []

        def mutation(edit: Edit) -> None:
            held.append(hold_review_session(edit, review_id, today, entries, notes, title))

        try:
            saved = self.pop.save(t("label.review_held", title=printable(title)), mutation)
        except OpError:
            self.pop.say(t("sec.msg.gone"), severity="warning")
            return
        if not saved:
            return
        if not held:  # waiting for another pop to let the plan go: the app says so, and saves it
            self.dismiss(True)
            return
        result = held[-1]
        next_on = result.review.next_on
        message = (
            t("wiz.msg.saved_next", date=format_date(next_on))
            if next_on is not None
            else t("wiz.msg.saved")
        )
        if result.skipped:
            message += " " + t("wiz.msg.skipped", n=result.skipped)
        self.pop.say(message)
        self.dismiss(True)
