"""Key bindings that speak the language of the moment.

Textual reads a binding's description whenever it draws the footer or the help,
but a description made with ``t()`` when a module is imported would stay in the
language of that moment. :func:`described` makes a description that remembers
its catalogue key, and :func:`relabel` says every binding of pop again in the
current language: in the classes (for screens still to be opened) and in the
nodes that live now. The app calls it when it starts and when the language
changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from textual.binding import Binding, BindingsMap, BindingType
from textual.dom import DOMNode

from pop_tui.core.texts import t

PACKAGE = "pop_tui."


class Described(str):
    """A binding description: the text of catalogue key ``key`` in the current language."""

    key: str

    def __new__(cls, key: str) -> Described:
        text = super().__new__(cls, t(key))
        text.key = key
        return text


def described(key: str) -> str:
    """The description for a binding (or a binding group), from catalogue key ``key``."""
    return Described(key)


def _again(text: str) -> str:
    return Described(text.key) if isinstance(text, Described) else text


def relabelled(binding: Binding) -> Binding:
    """``binding`` with its description (and its group's) in the current language."""
    group = binding.group
    if group is not None:
        group = replace(group, description=_again(group.description))
    return replace(binding, description=_again(binding.description), group=group)


def _relabel_list(bindings: list[BindingType]) -> list[BindingType]:
    return [relabelled(b) if isinstance(b, Binding) else b for b in bindings]


def _relabel_map(bindings: BindingsMap) -> None:
    for key, found in bindings.key_to_bindings.items():
        bindings.key_to_bindings[key] = [relabelled(b) for b in found]


def node_classes(base: type[DOMNode] = DOMNode) -> Iterator[type[DOMNode]]:
    """Every class of pop's own below ``base`` that is imported now."""
    seen: set[type[DOMNode]] = set()
    stack = [base]
    while stack:
        for sub in stack.pop().__subclasses__():
            if sub not in seen:
                seen.add(sub)
                stack.append(sub)
                if sub.__module__.startswith(PACKAGE):
                    yield sub


def import_every_ui_module() -> None:
    """Import all of pop's UI, so that :func:`pop_bindings` sees every class."""
    import importlib
    import pkgutil

    import pop_tui.ui

    for found in pkgutil.walk_packages(pop_tui.ui.__path__, "pop_tui.ui."):
        importlib.import_module(found.name)


def pop_bindings() -> Iterator[tuple[type[DOMNode], Binding]]:
    """(class, binding) for every binding that a class of pop declares itself.

    Only classes imported so far; :func:`import_every_ui_module` imports the rest.
    """
    for cls in node_classes():
        for binding in cls.__dict__.get("BINDINGS", []):
            if isinstance(binding, Binding):
                yield cls, binding


def relabel(*nodes: DOMNode) -> None:
    """Put every binding description of pop in the current language.

    The classes first (their ``BINDINGS`` and the map Textual merges from them),
    then ``nodes`` and everything below them, whose maps were copied earlier.
    """
    classes = list(node_classes())
    for cls in classes:
        own = cls.__dict__.get("BINDINGS")
        if own:
            cls.BINDINGS = _relabel_list(own)
    for cls in classes:
        cls._merged_bindings = cls._merge_bindings()
    for node in nodes:
        _relabel_map(node._bindings)
        for child in node.walk_children(with_self=False):
            _relabel_map(child._bindings)


# How a key is shown: Textual's own names, a few of them said in the language.
KEY_WORDS: dict[str, str] = {
    "space": "key.space",
}


def shown_key(display: str) -> str:
    """A key as Textual shows it (``space``, ``^r``, ``shift+↑``) in the current language."""
    return "+".join(
        t(KEY_WORDS[part]) if part in KEY_WORDS else part for part in display.split("+")
    )
