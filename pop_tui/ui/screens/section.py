"""What the four POP section screens share: the same keys mean the same thing on each.

``n`` adds, ``e`` edits, ``d`` deletes (after a confirmation), Enter opens,
``J``/``K`` move a record down or up its list. Every change goes through
:meth:`commit`, so it is saved at once and can be undone with ``u``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Header, OptionList

from pop_tui.core import arrange
from pop_tui.core.edit import Edit
from pop_tui.core.model import Record
from pop_tui.core.ops import OpError
from pop_tui.core.texts import t
from pop_tui.ui.dialogs.confirm import ConfirmDialog
from pop_tui.ui.dialogs.form import FormDialog, FormField, Values
from pop_tui.ui.keys import described
from pop_tui.ui.navigation import section_bindings
from pop_tui.ui.toasts import ToastsRestUnderDialogs
from pop_tui.ui.widgets.key_bar import KeyBar
from pop_tui.ui.widgets.record_list import RecordList

if TYPE_CHECKING:
    from pop_tui.ui.context import PopContext

Mutation = Callable[[Edit], object]


class SectionScreen(ToastsRestUnderDialogs, Screen[None]):
    """Base of a section screen; subclasses fill in :meth:`refresh_view` and the actions."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *section_bindings("app."),
        Binding("n", "add", described("sec.key.add"), id="section.add"),
        Binding("e", "edit", described("sec.key.edit"), id="section.edit"),
        Binding("d", "delete", described("sec.key.delete"), id="section.delete"),
        Binding("enter", "open", described("sec.key.open"), show=False, id="section.open"),
        Binding(
            "K,shift+up", "move(-1)", described("sec.key.move_up"), show=False, id="section.move_up"
        ),
        Binding(
            "J,shift+down",
            "move(1)",
            described("sec.key.move_down"),
            show=False,
            id="section.move_down",
        ),
    ]

    TITLE_KEY: ClassVar[str] = ""

    def __init__(self) -> None:
        super().__init__()
        # The option to put the cursor on at the next redraw (a record just added or moved).
        self.select_next: str | None = None

    @property
    def pop(self) -> PopContext:
        return cast("PopContext", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield from self.compose_body()
        # The keys that matter here, as many as the width holds.
        yield KeyBar()

    def compose_body(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self.title = t(self.TITLE_KEY)
        self.watch(self.app, "revision", self.refresh_view, init=False)
        self.refresh_view()

    def refresh_view(self) -> None:
        """Rebuild what the screen shows from the store's plan."""

    def reveal(self, option_id: str) -> bool:
        """Put the cursor on the record ``option_id`` (chosen in the palette)."""
        self.select_next = option_id
        self.refresh_view()
        return True

    # --- the shared keys ------------------------------------------------------

    def action_add(self) -> None:
        """Add a record where the cursor is."""

    def action_edit(self) -> None:
        """Edit the record under the cursor."""

    def action_delete(self) -> None:
        """Delete the record under the cursor, after asking."""

    def action_open(self) -> None:
        """Open the record under the cursor (by default: edit it)."""
        self.action_edit()

    def action_move(self, delta: int) -> None:
        """Move the record under the cursor up or down its list."""

    @on(OptionList.OptionSelected)
    def _option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    # --- saving ---------------------------------------------------------------

    def commit(self, label: str, mutation: Mutation) -> bool:
        """Save a change through the store; say so when the record has gone meanwhile."""
        try:
            return self.pop.save(label, mutation)
        except OpError:
            # Another session deleted or changed the record since this screen showed it.
            self.pop.say(t("sec.msg.gone"), severity="warning")
            return False

    def form(
        self,
        title: str,
        fields: Sequence[FormField],
        label: Callable[[Values], str],
        mutation: Callable[[Values], Mutation],
        *,
        intro: str = "",
        record: Record | None = None,
        reopen: str = "",
    ) -> None:
        """Open a form; on save, commit ``mutation(values)`` under ``label(values)``.

        ``record`` is the record the form edits (so a change saved elsewhere
        meanwhile is merged, or asked about); ``reopen`` the action of this
        screen that opens the same form again (default: edit for a record, else
        add), for a draft kept when the connection drops.
        """
        today = self.pop.today()
        self.open_form(
            lambda submit, origin: FormDialog(
                title, fields, submit, today, intro=intro, record=record, origin=origin
            ),
            label,
            mutation,
            reopen=reopen or ("edit" if record is not None else "add"),
        )

    def open_form(
        self,
        build: Callable[[Callable[[Values], bool], dict[str, object]], FormDialog],
        label: Callable[[Values], str],
        mutation: Callable[[Values], Mutation],
        *,
        reopen: str,
    ) -> None:
        """Open the form ``build(submit, origin)`` makes; its saves go through :meth:`commit`."""

        def submit(values: Values) -> bool:
            return self.commit(label(values), dialog.guard(mutation, values))

        dialog = build(submit, self.origin(reopen))
        self.app.push_screen(dialog)

    # --- coming back here -----------------------------------------------------

    def place(self) -> dict[str, object]:
        """What, besides the section, it takes to show this screen again (nothing here)."""
        return {}

    def come_back(self, place: Mapping[str, object], cursor: str | None) -> None:
        """Show this screen as it was when a form was opened here (see :meth:`origin`)."""
        if cursor is not None:
            self.reveal(cursor)

    def cursor_id(self) -> str | None:
        """The option id (``kind:id``) of the record under the cursor, if any."""
        focused = self.focused
        if isinstance(focused, RecordList):
            return focused.highlighted_id
        if isinstance(focused, DataTable) and focused.row_count:
            row_key = focused.coordinate_to_cell_key(focused.cursor_coordinate).row_key
            return str(row_key.value) if row_key.value is not None else None
        return None

    def origin(self, action: str) -> dict[str, object]:
        """How to open a form again: this section and screen, the cursor, the action."""
        return {
            "mode": self.app.current_mode,
            "place": self.place(),
            "cursor": self.cursor_id(),
            "action": action,
        }

    def confirm_delete(
        self,
        question: str,
        subject: str,
        label: str,
        mutation: Mutation,
        detail: str = "",
        dialog: type[ConfirmDialog] = ConfirmDialog,
    ) -> None:
        """Ask about deleting ``subject`` (or clearing it: ``dialog``); on yes commit ``mutation``."""

        def answered(yes: bool | None) -> None:
            if yes and self.commit(label, mutation):
                self.pop.say(t("sec.msg.deleted", label=label))

        self.app.push_screen(dialog(question, subject, detail), answered)

    def move_record(self, record: Record, delta: int, option_id: str) -> None:
        """Move a record ``delta`` places in its list, keeping the cursor on it."""
        row = [r.id for r in arrange.siblings(self.pop.store.plan, record)]
        if not 0 <= row.index(record.id) + delta < len(row):
            return
        self.select_next = option_id
        table, id = record.TABLE, record.id
        self.commit(t("label.reorder"), lambda edit: arrange.move(edit, table, id, delta))

    def nothing_here(self) -> None:
        self.pop.say(t("sec.msg.nothing_selected"), severity="warning")
