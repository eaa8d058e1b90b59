"""What every form does with a draft: the typing taken out when pop is closed from
outside, and put back into the same form at the next start (see :mod:`pop_tui.ui.drafts`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from textual.widgets import Input, Select

from pop_tui.core.model import Record
from pop_tui.core.printable import printable
from pop_tui.ui.dialogs.base import Dialog
from pop_tui.ui.dialogs.fields import FormField
from pop_tui.ui.widgets.link_list import LinkList


class FormDrafts(Dialog[bool]):
    """The draft side of :class:`~pop_tui.ui.dialogs.form.FormDialog`."""

    # Whether typing left in this form is kept as a draft when pop is closed from outside.
    KEEPS_DRAFTS: ClassVar[bool] = True

    # Set by the form (see FormDialog.__init__ and on_mount).
    form_title: str
    fields: dict[str, FormField]
    record: Record | None
    origin: dict[str, Any] | None
    _opened: dict[str, Any]
    _restoring: Mapping[str, Any] | None

    def widget_state(self, name: str) -> Any:
        """What the widget of a field shows, as plain data (kept in a draft)."""
        widget = self.query_one(f"#field-{name}")
        if isinstance(widget, Input):
            return widget.value
        if isinstance(widget, Select):
            return widget.value
        if isinstance(widget, LinkList):
            return list(widget.selected)
        raise TypeError(name)

    def typed(self) -> dict[str, Any]:
        """The fields changed since the form opened, as their widgets show them."""
        changed: dict[str, Any] = {}
        for name in self.fields:
            state = self.widget_state(name)
            opened = self._opened.get(name)
            if isinstance(state, list) and isinstance(opened, list):
                if set(state) != set(opened):
                    changed[name] = state
            elif state != opened:
                changed[name] = state
        return changed

    def draft_document(self) -> dict[str, Any] | None:
        """What was typed and not saved, with what is needed to open this form again.

        None when nothing was changed: then nothing would be lost.
        """
        typed = self.typed() if self.KEEPS_DRAFTS else {}
        if not typed:
            return None
        record = self.record
        return {
            "title": self.form_title,
            "origin": self.origin,
            "record": (
                {"table": record.TABLE, "id": record.id, "fields": record.to_dict()}
                if record is not None
                else None
            ),
            "fields": [
                {
                    "name": name,
                    "label": field.label,
                    "kind": field.kind,
                    "value": typed[name],
                    "shown": _shown(field, typed[name]),
                }
                for name, field in self.fields.items()
                if name in typed
            ],
        }

    def restore(self, typed: Mapping[str, Any], base: Record | None) -> None:
        """Put a draft's typing back into the fields.

        ``base`` is the record as it was when the draft's form first opened, so
        that a change saved elsewhere since then is still noticed at saving.
        """
        if base is not None:
            self.record = base
        if self.is_mounted:
            self._fill(typed)
        else:
            self._restoring = typed

    def _fill(self, typed: Mapping[str, Any]) -> None:
        for name, value in typed.items():
            if name not in self.fields:
                continue
            widget = self.query_one(f"#field-{name}")
            if isinstance(widget, Input) and isinstance(value, str):
                widget.value = printable(value)
            elif isinstance(widget, Select):
                if any(v == value for _, v in self.fields[name].choices):
                    widget.value = value
            elif isinstance(widget, LinkList) and isinstance(value, list):
                widget.select(value)


def _shown(field: FormField, value: Any) -> str:
    """A draft value as a person reads it, for when the form cannot be opened again."""
    if field.kind in ("choice", "links"):
        chosen = set(value) if isinstance(value, list) else {value}
        return ", ".join(label for label, v in field.choices if v in chosen)
    return str(value)
