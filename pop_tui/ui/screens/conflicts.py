"""The conflicts that syncing left, resolved one by one.

Reached from the dashboard (``r``, or Enter on a conflict) and the command
palette. Each conflict shows the record, the field and the value of each device
with its time; this device's side is named so. ``m`` keeps this device's value,
``t`` the other device's, ``e`` types a new one (a form, checked like every
other edit: a wrong value is said at the field and nothing changes). A record
deleted on one device and changed on the other is kept with ``K`` or deleted
with ``d``. Every choice is one change of the plan, which ``u`` undoes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static

from pop_tui.core import conflict_entry, conflicts
from pop_tui.core.conflict_entry import FieldKind
from pop_tui.core.conflicts import ConflictView
from pop_tui.core.edit import Edit
from pop_tui.core.op_error import OpError
from pop_tui.core.printable import printable
from pop_tui.core.rules import REQUIRED
from pop_tui.core.texts import t
from pop_tui.ui.dialogs.fields import FormField, Values
from pop_tui.ui.dialogs.form import FormDialog
from pop_tui.ui.keys import described
from pop_tui.ui.screens.conflict_rows import conflict_option
from pop_tui.ui.styles import stylesheet
from pop_tui.ui.sync_state import synced_text
from pop_tui.ui.toasts import ToastsRestUnderDialogs
from pop_tui.ui.widgets.key_bar import KeyBar
from pop_tui.ui.widgets.record_list import RecordList, record_id

if TYPE_CHECKING:
    from pop_tui.ui.context import PopContext

# What needs a conflict about one field, and what one about a deleted record.
FIELD_ACTIONS = frozenset({"edit"})
RECORD_ACTIONS = frozenset({"keep", "delete"})


class ConflictValueForm(FormDialog):
    """One field's new value, typed as the field is typed everywhere else."""

    KEEPS_DRAFTS: ClassVar[bool] = False

    def __init__(
        self, found: ConflictView, current: Any, submit: Callable[[Any], bool], today: date
    ) -> None:
        self.found = found
        self.kind: FieldKind | None = conflict_entry.field_kind(found.table, found.field)
        kind = self.kind
        name = found.field
        if kind == "choice":
            choices = conflict_entry.field_choices(found.table, name)
            field = FormField(
                name,
                t("conflicts.form.value", field=found.label),
                "choice",
                value=current if current in choices else choices[0],
                choices=tuple((choice, choice) for choice in choices),
            )
        else:
            field = FormField(
                name,
                t("conflicts.form.value", field=found.label),
                "date" if kind == "date" else "number" if kind in ("number", "integer") else "text",
                value=current,
                required=(found.table, name) in REQUIRED,
            )
        sides = " / ".join(side.value for side in found.sides)
        super().__init__(
            t("conflicts.form.title", record=found.title),
            [field],
            lambda values: submit(self.stored(values)),
            today,
            intro=t("conflicts.form.intro", field=found.label, sides=sides),
        )

    def stored(self, values: Values) -> Any:
        """The form's value as the record's dict holds it."""
        value = values[self.found.field]
        kind = self.kind
        if kind == "date":
            return value.isoformat() if isinstance(value, date) else None
        if kind == "integer":
            return int(value) if value is not None else None
        if kind == "list":
            return conflict_entry.read_typed(self.found, value, self.today)
        return value

    def check(self, values: Values) -> dict[str, str]:
        value = values[self.found.field]
        if self.kind == "integer" and value is not None and not float(value).is_integer():
            return {self.found.field: t("conflicts.not_whole", value=printable(str(value)))}
        return {}


class ConflictsScreen(ToastsRestUnderDialogs, Screen[None]):
    """Every open conflict; m, t, e resolve one about a field, K and d one about a record."""

    CSS_PATH: ClassVar[list[str | PurePath]] = [stylesheet("conflicts")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "mine", described("conflicts.key.mine"), id="conflicts.mine"),
        Binding("t", "theirs", described("conflicts.key.theirs"), id="conflicts.theirs"),
        Binding("e", "edit", described("conflicts.key.edit"), id="conflicts.edit"),
        Binding("K", "keep", described("conflicts.key.keep"), id="conflicts.keep"),
        Binding("d", "delete", described("conflicts.key.delete"), id="conflicts.delete"),
        Binding("escape", "back", described("conflicts.key.back"), id="conflicts.back"),
    ]

    def __init__(self, select: int | None = None) -> None:
        super().__init__()
        self.select = select

    @property
    def pop(self) -> PopContext:
        return cast("PopContext", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Content(t("conflicts.intro")), id="conflicts-intro")
        yield RecordList(id="conflicts-list")
        yield Static(Content(t("conflicts.none")), id="conflicts-empty")
        yield KeyBar()

    @property
    def listing(self) -> RecordList:
        return self.query_one("#conflicts-list", RecordList)

    def on_mount(self) -> None:
        self.title = t("conflicts.title")
        self.watch(self.app, "revision", self.refresh_view, init=False)
        keep = f"conflict:{self.select}" if self.select is not None else None
        self.refresh_view(keep=keep)
        self.listing.focus()

    def device(self) -> str:
        return self.pop.store.device.name

    def refresh_view(self, keep: str | None = None) -> None:
        found = conflicts.open_conflicts(self.pop.store.plan)
        device = self.device()
        self.listing.rebuild([conflict_option(view, device) for view in found], keep=keep)
        self.listing.display = bool(found)
        self.query_one("#conflicts-empty", Static).display = not found
        self.sub_title = t(
            "conflicts.subtitle",
            count=len(found),
            synced=synced_text(self.pop.store.path, self.pop.today()),
        )
        self.refresh_bindings()

    def current(self) -> ConflictView | None:
        id = record_id(self.listing.highlighted_id, "conflict")
        if id is None:
            return None
        return next((c for c in conflicts.open_conflicts(self.pop.store.plan) if c.id == id), None)

    @staticmethod
    def typed(found: ConflictView) -> bool:
        return bool(found.field) and conflict_entry.field_kind(found.table, found.field) is not None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action not in FIELD_ACTIONS | RECORD_ACTIONS | {"mine", "theirs"}:
            return True
        if not self.is_mounted or not self.query("#conflicts-list"):
            return None
        found = self.current()
        if found is None:  # with no conflict left, the keys that resolve one leave the bar
            return None if self.listing.option_count else False
        if action in FIELD_ACTIONS:
            return self.typed(found)
        if action in RECORD_ACTIONS:
            return not found.field
        return True

    @on(OptionList.OptionHighlighted)
    def _moved(self) -> None:
        self.refresh_bindings()

    # --- resolving ------------------------------------------------------------------

    def _resolve(self, found: ConflictView, label: str, mutation: Callable[[Edit], object]) -> bool:
        try:
            saved = self.pop.save(label, mutation)
        except OpError as exc:  # resolved or changed by another session meanwhile
            self.pop.say(printable(str(exc)), severity="warning")
            return False
        if saved:
            self.pop.say(t("conflicts.msg.resolved", record=found.title))
        return saved

    def _side(self, found: ConflictView, side: int) -> None:
        label = conflict_entry.side_label(found, side)
        self._resolve(found, label, lambda edit: conflicts.choose_side(edit, found.id, side))

    def _pick(self, theirs: bool) -> None:
        found = self.current()
        if found is None:
            return
        mine = conflict_entry.mine_side(found, self.device())
        if mine is None or (theirs and len(found.sides) != 2):
            self.pop.say(
                t("conflicts.msg.no_mine", device=printable(self.device()), id=found.id),
                severity="warning",
            )
            return
        self._side(found, 1 - mine if theirs else mine)

    def action_mine(self) -> None:
        self._pick(theirs=False)

    def action_theirs(self) -> None:
        self._pick(theirs=True)

    def _record_choice(self, keep: bool) -> None:
        found = self.current()
        if found is None:
            return
        if found.field:
            self.pop.say(t("conflicts.msg.only_field"), severity="warning")
            return
        if keep:
            label = t("conflicts.label.keep", record=found.title)
            self._resolve(found, label, lambda edit: conflicts.keep_record(edit, found.id))
        else:
            label = t("conflicts.label.delete", record=found.title)
            self._resolve(found, label, lambda edit: conflicts.delete_record(edit, found.id))

    def action_keep(self) -> None:
        self._record_choice(keep=True)

    def action_delete(self) -> None:
        self._record_choice(keep=False)

    def action_edit(self) -> None:
        found = self.current()
        if found is None:
            return
        if not found.field:
            self.pop.say(t("conflicts.msg.only_record"), severity="warning")
            return
        if not self.typed(found):
            self.pop.say(t("conflicts.not_typed", field=found.label), severity="warning")
            return
        record = self.pop.store.plan.get(found.table, found.record_id)
        current = getattr(record, found.field, None) if record is not None else None
        if isinstance(current, tuple):
            current = conflict_entry.LIST_SEPARATOR.join(str(item) for item in current)
        elif isinstance(current, int) and not isinstance(current, bool):
            current = float(current)
        label = t("conflicts.label.value", record=found.title, field=found.label)

        def submit(value: Any) -> bool:
            return self._resolve(
                found, label, lambda edit: conflicts.set_value(edit, found.id, value)
            )

        self.app.push_screen(ConflictValueForm(found, current, submit, self.pop.today()))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        found = self.current()
        if found is not None and self.typed(found):
            self.action_edit()

    def action_back(self) -> None:
        self.dismiss(None)
