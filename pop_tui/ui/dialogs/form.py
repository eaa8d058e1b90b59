"""A form in a dialog that validates every field before anything is saved.

The form knows five kinds of field: text, number, date (quick entry, with the
date it means shown as you type), one choice out of a few, and links (a
selection list of records). On save it reads every field; if any is wrong, the
message appears under that field, the cursor goes there, and nothing is saved.
When all are right it hands the values to ``submit``, which saves them through
the store and answers whether that worked; only then does the dialog close.
Escape closes it without saving anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar, Literal

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static

from pop_tui.core.dates import DateError, format_date, parse_date, relative_day
from pop_tui.core.numbers import NumberError, format_number, parse_number
from pop_tui.core.printable import printable
from pop_tui.core.texts import t
from pop_tui.ui.dialogs.base import Dialog
from pop_tui.ui.widgets.link_list import LinkList

FieldKind = Literal["text", "number", "date", "choice", "links"]
Values = dict[str, Any]


@dataclass(frozen=True)
class FormField:
    """One field of a form: what it holds, its label, and what it starts with.

    ``choices`` are (label, value) pairs for a choice or links field; a choice
    label is catalogue text, a links label is user text (shown as data).
    """

    name: str
    label: str
    kind: FieldKind = "text"
    value: Any = None
    required: bool = False
    choices: tuple[tuple[str, Any], ...] = ()
    placeholder: str = ""


class FieldError(ValueError):
    """A field's typed value that cannot be saved; ``message`` says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def read_field(field: FormField, raw: Any, today: date) -> Any:
    """The value of a field from what its widget holds.

    Raises:
        FieldError: with the message to show at the field.
    """
    if field.kind == "text":
        text = str(raw).strip()
        if field.required and not text:
            raise FieldError(t("form.error.required"))
        return text
    if field.kind == "number":
        try:
            return parse_number(str(raw))
        except NumberError as exc:
            raise FieldError(exc.message) from None
    if field.kind == "date":
        text = str(raw).strip()
        if not text:
            if field.required:
                raise FieldError(t("form.error.required_date", forms=t("date.forms")))
            return None
        try:
            return parse_date(text, today)
        except DateError as exc:
            raise FieldError(exc.message) from None
    if field.kind == "links":
        return tuple(raw)
    return raw


def _initial_text(field: FormField) -> str:
    if field.value is None:
        return ""
    if field.kind == "number":
        return format_number(float(field.value))
    if field.kind == "date" and isinstance(field.value, date):
        return field.value.isoformat()
    return str(field.value)


class FormDialog(Dialog[bool]):
    """A titled form; ``submit(values)`` saves and answers True to close it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", t("form.key.cancel"), id="form.cancel"),
        Binding("ctrl+s", "save", t("form.key.save"), id="form.save"),
    ]

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
    ) -> None:
        super().__init__()
        self.form_title = title
        self.fields = {f.name: f for f in fields}
        self.submit = submit
        self.today = today
        self.intro = intro
        self.save_label = save_label or t("form.save")
        self._originals: dict[str, tuple[str, str]] = {}
        self.cancel_label = cancel_label or t("form.cancel")

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
        original = _initial_text(field)
        shown = printable(original)
        self._originals[field.name] = (shown, original)
        return Input(shown, placeholder=field.placeholder, compact=True, id=id)

    def on_mount(self) -> None:
        for field in self.fields.values():
            if field.kind == "date":
                self._show_date_hint(field)
            if field.kind == "links" and not field.choices:
                self.query_one(f"#field-{field.name}").display = False
                self.show_error(field.name, t("form.no_links"), error=False)
        first = next(iter(self.fields), None)
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

    def show_error(self, name: str, message: str, *, error: bool = True) -> None:
        note = self.query_one(f"#error-{name}", Static)
        note.update(Content(message))
        note.set_class(bool(message), "-shown")
        note.set_class(not error, "-note")

    def _show_date_hint(self, field: FormField) -> None:
        hint = self.query_one(f"#hint-{field.name}", Static)
        text = str(self.raw(field.name)).strip()
        try:
            day = parse_date(text, self.today) if text else None
        except DateError:
            day = None
        shown = (
            t("form.date_hint", date=format_date(day), relative=relative_day(day, self.today))
            if day is not None
            else ""
        )
        hint.update(Content.styled(shown, "dim"))
        hint.set_class(bool(shown), "-shown")

    @on(Input.Changed)
    @on(Select.Changed)
    @on(LinkList.Changed)
    def _changed(self, event: Input.Changed | Select.Changed | LinkList.Changed) -> None:
        name = (event.control.id or "").removeprefix("field-")
        field = self.fields.get(name)
        if field is None:
            return
        if field.kind == "date":
            self._show_date_hint(field)
        self.on_draft(self.draft())

    # --- saving ---------------------------------------------------------------

    def validate(self) -> Values | None:
        """Read every field; show each problem at its field. None when any is wrong."""
        values: Values = {}
        first_wrong: str | None = None
        for name, field in self.fields.items():
            try:
                values[name] = read_field(field, self.raw(name), self.today)
            except FieldError as exc:
                self.show_error(name, exc.message)
                first_wrong = first_wrong or name
            else:
                if field.kind != "links" or field.choices:
                    self.show_error(name, "")
        if first_wrong is not None:
            self.query_one(f"#field-{first_wrong}").focus()
            return None
        return values

    def action_save(self) -> None:
        values = self.validate()
        if values is not None and self.submit(values):
            self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#form-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#form-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
