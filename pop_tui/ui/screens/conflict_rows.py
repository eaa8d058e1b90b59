"""A conflict as the dashboard and the conflicts screen list it: the record, the field,
each device's value with its time. Every text is the person's data, never markup."""

from __future__ import annotations

from textual.content import Content
from textual.widgets.option_list import Option

from pop_tui.core.conflicts import ConflictView, SideView
from pop_tui.core.texts import t


def side_line(side: SideView, indent: str = "  ") -> Content:
    """``Learn Rust  (laptop, this device · Mon 7 Dec 2026 10:00)``: the value first, so that
    a narrow window cuts off the time rather than what the choice is about."""
    who = t("conflicts.side.mine", device=side.device) if side.mine else side.device
    return Content.assemble(
        indent,
        (side.text, "italic" if side.deleted else ""),
        ("  (", "dim"),
        (who, "bold" if side.mine else "dim"),
        (" · " + side.at + ")", "dim"),
    )


def conflict_content(found: ConflictView, indent: str = "") -> Content:
    """The conflict on several lines: what it is about, then each side."""
    about = found.label or t("conflicts.deleted_field")
    head = Content.assemble(indent, (found.record, "bold"), (" · " + about, "dim"))
    lines = [head, *(side_line(side, indent + "  ") for side in found.sides)]
    return Content("\n").join(lines)


def conflict_option(found: ConflictView, indent: str = "") -> Option:
    return Option(conflict_content(found, indent), id=f"conflict:{found.id}")
