"""A conflict as the dashboard and the conflicts screen list it: the record, the field,
each device's value with its time. Every text is the person's data, never markup."""

from __future__ import annotations

from textual.content import Content
from textual.widgets.option_list import Option

from pop_tui.core.conflict_entry import mine_side
from pop_tui.core.conflicts import ConflictView, SideView
from pop_tui.core.texts import t


def side_line(side: SideView, mine: bool, indent: str = "  ") -> Content:
    """``Learn Rust  (laptop, this device · Mon 7 Dec 2026 10:00)``: the value first, so that
    a narrow window cuts off the time rather than what the choice is about."""
    who = t("conflicts.side.mine", device=side.device) if mine else side.device
    return Content.assemble(
        indent,
        (side.value, "italic" if side.deleted else ""),
        ("  (", "dim"),
        (who, "bold" if mine else "dim"),
        (" · " + side.at + ")", "dim"),
    )


def conflict_content(found: ConflictView, device: str, indent: str = "") -> Content:
    """The conflict on several lines: what it is about, then each side."""
    about = found.label if found.field else t("conflicts.deleted_field")
    head = Content.assemble(indent, (found.title, "bold"), (" · " + about, "dim"))
    mine = mine_side(found, device)
    lines = [
        head,
        *(side_line(side, n == mine, indent + "  ") for n, side in enumerate(found.sides)),
    ]
    return Content("\n").join(lines)


def conflict_option(found: ConflictView, device: str, indent: str = "") -> Option:
    return Option(conflict_content(found, device, indent), id=f"conflict:{found.id}")
