"""The footer: the keys that matter on this screen, as many as the window's width holds.

Textual's footer shows every key in a row and lets the end run off a narrow
window. This one ranks them (help, the sections, quit and undo first, then the
screen's own keys, the palette, redo, the rest) and leaves out the least useful
ones that do not fit, so a newcomer in a small window (60 columns, or a Dutch
80) always sees how to move (``1-6 Sections``), how to get help (``?``, which
lists every key, shown here or not) and how to leave (``q``). Number keys of the
sections show as one item. While a dialog is open over the screen, the dialog's
keys show instead (its own keys are all that work then).

Only Textual's public API is used: the screen's ``active_bindings`` and its
``bindings_updated_signal``, the app's ``screen_change_signal``; the keys are
drawn by :class:`BarKey`, styled in ``styles/app.tcss`` like Textual's own.
A screen may name a key differently from its binding (a form's save key says
"Next" or "Export" as its button does): see :class:`NamesKeys`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Protocol, runtime_checkable

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from pop_tui.ui.dialogs.base import Dialog

# Lower shows sooner; a binding id not named here ranks by whether it is the app's.
# Rank 0 is never left out: how to get help, move between sections, undo and leave.
RANKS: dict[str, int] = {
    "app.help": 0,
    "app.quit": 0,
    "app.undo": 0,
    "app.palette": 2,
    "app.redo": 3,
    "app.checkin": 3,
    "app.export": 5,
    "evaluation.periods": 3,
}
SCREEN_RANK = 1
SECTIONS_RANK = 0
APP_RANK = 4


@runtime_checkable
class NamesKeys(Protocol):
    """A screen that names some of its keys otherwise than their bindings do."""

    def key_description(self, binding_id: str) -> str | None:
        """What the key bar calls the key of ``binding_id`` here; None: the binding's own."""


@dataclass(frozen=True)
class KeyItem:
    """One entry of the footer: a key (or a run of number keys) and what it does."""

    key: str
    shown: str
    description: str
    action: str
    enabled: bool
    rank: int

    @property
    def width(self) -> int:
        # The key, a space, the description, and the space before the next one.
        return len(self.shown) + 1 + len(self.description) + 1


def rank(binding: Binding) -> int:
    if binding.id in RANKS:
        return RANKS[binding.id]
    if binding.group is not None:
        return SECTIONS_RANK
    return APP_RANK if (binding.id or "").startswith("app.") else SCREEN_RANK


def fitting(items: list[KeyItem], width: int) -> list[KeyItem]:
    """``items`` in their order, without the least useful ones that do not fit ``width``.

    Items of rank 0 stay whatever the width: without them a person cannot find the rest.
    """
    kept = list(items)
    by_use = sorted(range(len(items)), key=lambda i: (items[i].rank, i), reverse=True)
    total = sum(item.width for item in kept)
    for index in by_use:
        if total <= width or len(kept) == 1 or items[index].rank == 0:
            break
        kept.remove(items[index])
        total -= items[index].width
    return kept


def _run(shown: list[str]) -> str:
    """``1-6`` for consecutive number keys, else the keys side by side."""
    if all(s.isdigit() and len(s) == 1 for s in shown) and shown == [
        str(n) for n in range(int(shown[0]), int(shown[0]) + len(shown))
    ]:
        return f"{shown[0]}-{shown[-1]}" if len(shown) > 1 else shown[0]
    return " ".join(shown)


class BarKey(Widget):
    """One key of the bar: the key, then what it does; a click presses it."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {"bar-key--key", "bar-key--description"}

    def __init__(self, item: KeyItem) -> None:
        super().__init__(classes="" if item.enabled else "-disabled")
        self.item = item

    def render(self) -> Text:
        key_style = self.get_component_rich_style("bar-key--key")
        description_style = self.get_component_rich_style("bar-key--description")
        key_padding = self.get_component_styles("bar-key--key").padding
        description_padding = self.get_component_styles("bar-key--description").padding
        label = Text.assemble(
            (" " * key_padding.left + self.item.shown + " " * key_padding.right, key_style),
            (
                " " * description_padding.left
                + self.item.description
                + " " * description_padding.right,
                description_style,
            ),
        )
        label.stylize_before(self.rich_style)
        return label

    def on_mouse_down(self) -> None:
        if self.item.enabled:
            self.app.simulate_key(self.item.key)
        else:
            self.app.bell()


class KeyBar(Footer):
    """A compact footer that keeps the most useful keys when the window is narrow."""

    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=False)
        # What the footer shows now; a recompose that would show the same is skipped.
        # Textual asks for one on every change of bindings, focus, screen and size,
        # several times while the app starts, and each remounts every key.
        self.shown_items: list[KeyItem] | None = None
        # Whether the screen has told its bindings once (before, they are not all there).
        self.bindings_known = False

    def current(self) -> list[KeyItem] | None:
        if not self.bindings_known:
            return None
        return fitting(self.items(), self.app.size.width)

    async def recompose(self) -> None:
        if self.is_attached and self.shown_items is not None and self.current() == self.shown_items:
            return
        await super().recompose()

    def on_mount(self) -> None:
        self.app.screen_change_signal.subscribe(self, self.screen_changed)
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_updated)

    def on_unmount(self) -> None:
        self.app.screen_change_signal.unsubscribe(self)
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_updated(self, screen: Screen[Any]) -> None:
        if not self.bindings_known:
            self.bindings_known = True
            if self.is_attached:
                self.call_after_refresh(self.recompose)

    def screen_changed(self, screen: Screen[Any]) -> None:
        if self.is_attached and self.screen in self.app.screen_stack:
            self.call_after_refresh(self.recompose)

    @property
    def keys_of(self) -> Screen[Any]:
        """The screen whose keys are shown: a dialog open over this one, else this one."""
        top = self.app.screen
        if top is not self.screen and isinstance(top, Dialog):
            return top
        return self.screen

    def items(self) -> list[KeyItem]:
        """One item per action (a group of keys counts as one), in the screen's order."""
        screen = self.keys_of
        names = screen if isinstance(screen, NamesKeys) else None
        per_action: dict[str, tuple[Binding, bool]] = {}
        for active in screen.active_bindings.values():
            binding = active.binding
            # Only pop's own keys (they have ids and descriptions in the user's language).
            if binding.id is None or not binding.show or not binding.description:
                continue
            if binding.action not in per_action:
                per_action[binding.action] = (binding, active.enabled)
        entries: list[tuple[Binding, bool] | Binding.Group] = []
        members: dict[Binding.Group, list[tuple[Binding, bool]]] = {}
        for binding, enabled in per_action.values():
            if binding.group is None:
                entries.append((binding, enabled))
                continue
            if binding.group not in members:
                members[binding.group] = []
                entries.append(binding.group)
            members[binding.group].append((binding, enabled))
        items: list[KeyItem] = []
        for entry in entries:
            if isinstance(entry, Binding.Group):
                first, enabled = members[entry][0]
                shown = _run([self.app.get_key_display(b) for b, _ in members[entry]])
                description = entry.description
            else:
                first, enabled = entry
                shown = self.app.get_key_display(first)
                named = names.key_description(first.id or "") if names is not None else None
                description = named or first.description
            items.append(KeyItem(first.key, shown, description, first.action, enabled, rank(first)))
        return items

    def compose(self) -> ComposeResult:
        self.shown_items = self.current()
        for item in self.shown_items or []:
            yield BarKey(item)

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self.recompose)
