"""A form in a dialog that validates every field before anything is saved.

The form knows five kinds of field (see :mod:`pop_tui.ui.dialogs.fields`). On
save it reads every field; if any is wrong, the message appears under that
field, the cursor goes there, and nothing is saved. When all are right it hands
the values to ``submit``, which saves them through the store and answers
whether that worked; only then does the dialog close. Escape closes it without
saving anything.

A form opened on a record remembers that record. When another session changed
it meanwhile, :meth:`FormDialog.guard` merges the two inside the store's lock
(see :mod:`pop_tui.ui.dialogs.merge`) and asks only when both changed the same
field: keep mine, keep theirs, or back to the form.

What was typed and not yet saved can be taken out as a draft
(:meth:`FormDialog.draft_document`) when the connection drops, and put back
into the same form at the next start (:meth:`FormDialog.restore`); see
:mod:`pop_tui.ui.dialogs.form_drafts`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from typing import Any, ClassVar, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static

from pop_tui.core.date_preview import preview_date
from pop_tui.core.edit import Edit
from pop_tui.core.model import Record
from pop_tui.core.printable import printable
from pop_tui.core.texts import t
from pop_tui.ui.context import QueuedChangeSettled, pop_context
from pop_tui.ui.dialogs.fields import (
    FieldError,
    FieldKind,
    FormField,
    Values,
    initial_text,
    read_field,
)
from pop_tui.ui.dialogs.form_drafts import FormDrafts
from pop_tui.ui.dialogs.merge import Conflict, merge_values
from pop_tui.ui.keys import described
from pop_tui.ui.widgets.entry_input import EntryInput
from pop_tui.ui.widgets.link_list import LinkList

__all__ = [
    "EntryInput",
    "FieldError",
    "FieldKind",
    "FormDialog",
    "FormField",
    "Values",
    "read_field",
]

T = TypeVar("T")
Mutation = Callable[[Edit], T]


class FormDialog(FormDrafts):
    """A titled form; ``submit(values)`` saves and answers True to close it.

    ``record`` is the record the form edits, as it was when the form opened;
    ``origin`` says how to open the same form again (kept with a draft).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", described("form.key.cancel"), id="form.cancel"),
        # Enter in a text field saves too. F2 comes first (the footer shows it): it works on
        # a choice or a list as well, and in every terminal, where flow control may take ctrl+s.
        Binding("f2,ctrl+s", "save", described("form.key.save"), id="form.save"),
    ]
    # Whether Enter in a text field saves; where not, only F2 or the save button do.
    ENTER_SAVES: ClassVar[bool] = True

    def __init__(
        self,
        title: str,
        fields: Sequence[FormField],
        submit: Callable[[Values], bool],
        today: date,
        *,
        intro: str = "",
        save_label: str | None = None,
        cancel_label: str | None = None,
        record: Record | None = None,
        origin: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__()
        self.form_title = title
        self.fields = {f.name: f for f in fields}
        self.submit = submit
        self.today = today
        self.intro = intro
        self.save_label = save_label or t("form.save")
        # The key bar names the save key as the button does ("Next", "Export").
        self.save_key = save_label
        self.cancel_key: str | None = None
        self.cancel_label = cancel_label or t("form.cancel")
        self.record = record
        self.origin = dict(origin) if origin is not None else None
        # Values saved elsewhere that the person chose to overwrite ("keep mine").
        self.overridden: Values = {}
        self._originals: dict[str, tuple[str, str]] = {}
        # What each field held and read when the form opened.
        self._opened: dict[str, Any] = {}
        self._initial: Values = {}
        self._conflict: Conflict | None = None
        # A save waits for another pop to let the plan go: the form closes once it is saved.
        self._saving = False
        self._restoring: Mapping[str, Any] | None = None

    def key_description(self, binding_id: str) -> str | None:
        """The save key is named as the button is (see ui.widgets.key_bar.NamesKeys)."""
        if binding_id == "form.cancel":
            return self.cancel_key
        return self.save_key if binding_id == "form.save" else None

    # --- layout ---------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(id="form-dialog"):
            yield Static(Content.styled(self.form_title, "bold"), id="form-title")
            if self.intro:
                yield Static(Content(printable(self.intro)), id="form-intro")
            with Horizontal(id="form-body"):
                with VerticalScroll(id="form-fields", can_focus=False):
                    for field in self.fields.values():
                        yield from self.compose_field(field)
                yield from self.compose_side()
            with Horizontal(id="form-buttons"):
                yield Button(Content(self.save_label), id="form-save", compact=True)
                yield Button(Content(self.cancel_label), id="form-cancel", compact=True)

    def compose_side(self) -> Iterator[Widget]:
        """Widgets beside the fields (none here; the goal form shows its SMART check)."""
        yield from ()

    def compose_field(self, field: FormField) -> Iterator[Widget]:
        with Horizontal(classes=f"field-row field-{field.kind}"):
            yield Label(Content(field.label), classes="field-label")
            yield self._widget(field)
        yield Static("", id=f"error-{field.name}", classes="field-error")
        if field.kind == "date":
            yield Static("", id=f"hint-{field.name}", classes="field-hint")

    def _widget(self, field: FormField) -> Widget:
        id = f"field-{field.name}"
        if field.kind == "choice":
            return Select(
                [(Text(printable(label)), value) for label, value in field.choices],
                value=field.value,
                allow_blank=False,
                compact=True,
                id=id,
            )
        if field.kind == "links":
            return LinkList(field.choices, field.value or (), id=id)
        # Control characters from elsewhere (a shell command, an import) would reach the
        # terminal from inside an Input: it shows them as harmless pictures instead, and
        # raw() hands back the original text as long as the field is left as it was.
        original = initial_text(field.kind, field.value)
        shown = printable(original)
        self._originals[field.name] = (shown, original)
        return EntryInput(shown, placeholder=field.placeholder, compact=True, id=id)

    def on_mount(self) -> None:
        for field in self.fields.values():
            if field.kind == "date":
                self._show_date_hint(field)
            if field.kind == "links" and not field.choices:
                self.query_one(f"#field-{field.name}").display = False
                self.show_error(field.name, t("form.no_links"), error=False)
        self._opened = {name: self.widget_state(name) for name in self.fields}
        self._initial = {name: self._read(name) for name in self.fields}
        if self._restoring is not None:
            self._fill(self._restoring)
            self._restoring = None
        # The first field to type in, so that Enter saves (on a choice it would open it).
        typed = [n for n, f in self.fields.items() if f.kind in ("text", "number", "date")]
        first = next(iter(typed or self.fields), None)
        if first is not None:
            self.query_one(f"#field-{first}").focus()
        self.on_draft(self.draft())

    # --- reading --------------------------------------------------------------

    def raw(self, name: str) -> Any:
        """What the widget of a field holds now."""
        widget = self.query_one(f"#field-{name}")
        if isinstance(widget, Input):
            shown, original = self._originals.get(name, (None, ""))
            return original if widget.value == shown else widget.value
        if isinstance(widget, Select):
            return widget.value
        if isinstance(widget, LinkList):
            return widget.selected
        raise TypeError(name)

    def _read(self, name: str) -> Any:
        raw = self.raw(name)
        try:
            return read_field(self.fields[name], raw, self.today)
        except FieldError:
            return raw

    def draft(self) -> Values:
        """Every field as far as it can be read now; a wrong value counts as empty."""
        values: Values = {}
        for name, field in self.fields.items():
            try:
                values[name] = read_field(field, self.raw(name), self.today)
            except FieldError:
                values[name] = None if field.kind != "text" else ""
        return values

    def on_draft(self, values: Values) -> None:
        """Called whenever a field changes, with :meth:`draft` (for live checks)."""

    def check(self, values: Values) -> dict[str, str]:
        """Problems that need more than one field to see, as {field: message} (none here)."""
        return {}

    def show_error(self, name: str, message: str, *, error: bool = True) -> None:
        note = self.query_one(f"#error-{name}", Static)
        note.update(Content(message))
        note.set_class(bool(message), "-shown")
        note.set_class(not error, "-note")

    def _show_date_hint(self, field: FormField, *, typing: bool = False) -> None:
        # As the person types, a wrong date says so at once (not only at Enter).
        text = str(self.raw(field.name))
        preview = preview_date(text, self.today, warn_past=field.warn_past)
        if typing:
            self.show_error(field.name, preview.error)
        hint = self.query_one(f"#hint-{field.name}", Static)
        hint.update(Content.styled(preview.hint, "bold" if preview.late else "dim"))
        hint.set_class(bool(preview.hint), "-shown")
        hint.set_class(preview.late, "-late")

    @on(Input.Changed)
    @on(Select.Changed)
    @on(LinkList.Changed)
    def _changed(self, event: Input.Changed | Select.Changed | LinkList.Changed) -> None:
        name = (event.control.id or "").removeprefix("field-")
        field = self.fields.get(name)
        if field is None:
            return
        if field.kind == "date":
            self._show_date_hint(field, typing=True)
        self.on_draft(self.draft())

    # --- saving ---------------------------------------------------------------

    def validate(self) -> Values | None:
        """Read every field; show each problem at its field. None when any is wrong."""
        values: Values = {}
        problems: dict[str, str] = {}
        for name, field in self.fields.items():
            try:
                values[name] = read_field(field, self.raw(name), self.today)
            except FieldError as exc:
                problems[name] = exc.message
        if not problems:
            problems = self.check(values)
        for name, field in self.fields.items():
            if name in problems:
                self.show_error(name, problems[name])
            elif field.kind != "links" or field.choices:
                self.show_error(name, "")
        if problems:
            first_wrong = next(name for name in self.fields if name in problems)
            self.query_one(f"#field-{first_wrong}").focus()
            return None
        return values

    def guard(self, make: Callable[[Values], Mutation[T]], values: Values) -> Mutation[T]:
        """The mutation ``make(values)``, run on the values merged with changes saved elsewhere.

        The merge happens inside the store's lock, on the freshest plan; when both
        sides changed the same field it raises :class:`Conflict` and nothing is saved.
        """

        def guarded(edit: Edit) -> T:
            merged = merge_values(
                self.fields,
                self.record,
                edit.plan,
                values,
                self._initial,
                self.overridden,
                self.today,
            )
            return make(merged)(edit)

        return guarded

    def action_save(self) -> None:
        if self._saving:
            return  # saved already, waiting for its turn
        values = self.validate()
        if values is None:
            return
        try:
            saved = self.submit(values)
        except Conflict as conflict:
            self._ask(conflict)
            return
        if saved and pop_context(self).saves_waiting:
            self._saving = True  # the app says it waits; the answer comes as a message
        elif saved:
            self.dismiss(True)

    @on(QueuedChangeSettled)
    def _queued_change_settled(self, message: QueuedChangeSettled) -> None:
        if not self._saving:
            return
        self._saving = False
        if isinstance(message.error, Conflict):
            message.stop()
            self._ask(message.error)
        elif message.saved:
            message.stop()
            self.dismiss(True)
        # Refused otherwise: the app says why, and the form stays open with its typing.

    def _ask(self, conflict: Conflict) -> None:
        from pop_tui.ui.dialogs.conflict import ConflictDialog

        self._conflict = conflict
        self.app.push_screen(ConflictDialog(conflict, self.fields), self._answered)

    def _answered(self, answer: str | None) -> None:
        conflict, self._conflict = self._conflict, None
        if conflict is None or answer is None:
            return  # back to the form, every field as it was
        if answer == "theirs":
            self.app.notify(t("conflict.msg.kept_theirs"), markup=False)
            self.dismiss(False)
            return
        # Keep mine: save again over exactly what was shown; a newer change asks again.
        self.overridden.update(conflict.their_values)
        self.action_save()

    def action_cancel(self) -> None:
        self.dismiss(False)

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        event.stop()
        if self.ENTER_SAVES:
            self.action_save()
        else:
            self.app.notify(t("form.msg.enter_does_not_save"), markup=False)

    @on(Button.Pressed, "#form-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#form-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
