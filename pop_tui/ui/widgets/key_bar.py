"""The footer: the keys that matter on this screen, as many as the window's width holds.

Textual's footer shows every key in a row and lets the end run off a narrow
window. This one ranks them (help and undo first, then the screen's own keys,
the palette, redo, the sections, the rest) and leaves out the least useful ones that
do not fit, so ``? Help`` and ``u Undo`` stay in view at 60 columns. Help (``?``)
lists every key, shown here or not. Number keys of the sections show as one
item, ``1-6 Sections``. While a dialog is open over the screen, the dialog's keys
show instead (its own keys are all that work then).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from pop_tui.ui.dialogs.base import Dialog

# Lower shows sooner; a binding id not named here ranks by whether it is the app's.
RANKS: dict[str, int] = {
    "app.help": 0,
    "app.undo": 0,
    "app.palette": 2,
    "app.redo": 3,
    "app.checkin": 3,
    "app.quit": 4,
    "app.export": 5,
    "evaluation.periods": 3,
}
SCREEN_RANK = 1
SECTIONS_RANK = 3
APP_RANK = 4


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
    """``items`` in their order, without the least useful ones that do not fit ``width``."""
    kept = list(items)
    by_use = sorted(range(len(items)), key=lambda i: (items[i].rank, i), reverse=True)
    total = sum(item.width for item in kept)
    for index in by_use:
        if total <= width or len(kept) == 1:
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


class KeyBar(Footer):
    """A compact footer that keeps the most useful keys when the window is narrow."""

    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=False)
        # What the footer shows now; a recompose that would show the same is skipped.
        # Textual asks for one on every change of bindings, focus, screen and size,
        # several times while the app starts, and each remounts every key.
        self._shown: list[KeyItem] | None = None

    def _fitting(self) -> list[KeyItem] | None:
        if not self._bindings_ready:
            return None
        return fitting(self.items(), self.app.size.width)

    async def recompose(self) -> None:
        if self.is_attached and self._shown is not None and self._fitting() == self._shown:
            return
        await super().recompose()

    def on_mount(self) -> None:
        self.app.screen_change_signal.subscribe(self, self._screen_changed)

    def on_unmount(self) -> None:
        self.app.screen_change_signal.unsubscribe(self)

    def _screen_changed(self, screen: Screen[Any]) -> None:
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
        per_action: dict[str, tuple[Binding, bool]] = {}
        for active in self.keys_of.active_bindings.values():
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
                description = first.description
            items.append(KeyItem(first.key, shown, description, first.action, enabled, rank(first)))
        return items

    def compose(self) -> ComposeResult:
        self._shown = self._fitting()
        for item in self._shown or []:
            yield FooterKey(
                item.key,
                item.shown,
                item.description,
                item.action,
                disabled=not item.enabled,
            ).data_bind(compact=Footer.compact)

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self.recompose)
