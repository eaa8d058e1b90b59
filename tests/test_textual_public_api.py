"""pop uses Textual's public API only: no private attribute of Textual is read or replaced.

A Textual release may rename or drop anything whose name starts with ``_``. The
check reads pop's source (ast) and asks Textual's own classes what is theirs:

- ``self._x``, ``super()._x`` and a method ``def _x`` in a class of pop that derives
  from a Textual class, where a Textual class in its MRO has ``_x`` (in its class
  body, or set on ``self`` in its source) — that is Textual's, read or overridden;
- ``obj._x`` on anything else, where any Textual class has ``_x`` and no class of
  pop makes ``_x`` its own;
- an import from a private Textual module (``textual.widgets._footer``) or of a
  private name.

Each file is checked on its own, so a failure names the file and the lines.
:data:`NO_PUBLIC_WAY` holds the few uses for which Textual 8.2 offers nothing
public, each with its reason; it must shrink, never grow, and an entry that is no
longer needed fails too.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import sys
from functools import cache
from pathlib import Path

import pytest

import pop_tui
from pop_tui.ui.keys import import_every_ui_module

# With pytest -n: Textual's own classes are read once a process: all of this file on one worker.
pytestmark = pytest.mark.xdist_group("test_textual_public_api")

ROOT = Path(pop_tui.__file__).parent
UI_FILES = sorted(
    str(path.relative_to(ROOT.parent))
    for path in ROOT.rglob("*.py")
    if "textual" in path.read_text(encoding="utf-8")
)

# file -> {private name: why no public API does it}
NO_PUBLIC_WAY: dict[str, dict[str, str]] = {
    "pop_tui/ui/keys.py": {
        name: "the language switch says every key again: Textual 8.2 has no public way to "
        "change a binding's description after its class (and each node's copy) was made"
        for name in ("_merge_bindings", "_merged_bindings", "_bindings")
    },
    "pop_tui/ui/terminal.py": {
        "_filters": "NO_COLOR: the terminal's own colours instead of Textual's grey "
        "(Monochrome); the filters are set only in App.__init__, with no public switch",
    },
    "pop_tui/ui/app.py": {
        "_handle_exception": "a bug that ends the app keeps the typing as drafts first: "
        "Textual 8.2 has no public hook for an unhandled exception",
    },
    "pop_tui/ui/palette.py": {
        name: "'No matches found' in the user's language: the command palette's text "
        "and its countdown have no public setting"
        for name in (
            "_start_no_matches_countdown",
            "_stop_no_matches_countdown",
            "_NO_MATCHES",
            "_NO_MATCHES_COUNTDOWN",
            "_list_visible",
            "_no_matches_timer",
        )
    },
}


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _is_textual(cls: type) -> bool:
    return cls.__module__.split(".")[0] == "textual"


@cache
def _classes_in(module_name: str) -> dict[str, ast.ClassDef]:
    """The classes that a module's source defines, by qualified name (as ``__qualname__``).

    Each module is parsed once: ``inspect.getsource(cls)`` parses the whole module
    again for every class, which made this test the slowest one of its worker.
    """
    module = sys.modules.get(module_name)
    try:
        tree = ast.parse(inspect.getsource(module))  # type: ignore[arg-type]
    except (OSError, TypeError):
        return {}
    found: dict[str, ast.ClassDef] = {}

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                found.setdefault(prefix + child.name, child)
                visit(child, f"{prefix}{child.name}.")
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                visit(child, f"{prefix}{child.name}.<locals>.")
            else:
                visit(child, prefix)

    visit(tree, "")
    return found


@cache
def _own_privates(cls: type) -> frozenset[str]:
    """The private names a Textual class defines: in its body, or on ``self`` in its code."""
    names = {name for name in vars(cls) if _private(name)}
    node = _classes_in(cls.__module__).get(cls.__qualname__)
    if node is None:
        return frozenset(names)
    return frozenset(names | _set_on_self(node))


def _set_on_self(tree: ast.AST) -> set[str]:
    """The private names that code under ``tree`` sets on ``self``."""
    return {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.ctx, ast.Store)
        and isinstance(node.value, ast.Name)
        and node.value.id == "self"
        and _private(node.attr)
    }


def textual_privates(cls: type) -> frozenset[str]:
    """What Textual's classes in the MRO of ``cls`` keep private."""
    found: set[str] = set()
    for base in cls.__mro__:
        if _is_textual(base):
            found |= _own_privates(base)
    return frozenset(found)


@cache
def every_textual_private() -> frozenset[str]:
    """The private names of every Textual class imported once all of pop's UI is."""
    import_every_ui_module()
    found: set[str] = set()
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] != "textual" or module is None:
            continue
        for value in list(vars(module).values()):
            if isinstance(value, type) and value.__module__ == name:
                found |= _own_privates(value)
    return frozenset(found)


@cache
def pops_own_privates() -> frozenset[str]:
    """Private names that pop's own classes define (they are pop's to read)."""
    found: set[str] = set()
    for path in ROOT.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                found |= _set_on_self(node)
                for item in ast.walk(node):
                    if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef) and _private(
                        item.name
                    ):
                        found.add(item.name)
    # What a Textual class of pop's ancestors also has is not pop's own.
    return frozenset(found - every_textual_private())


def _is_super_call(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "super"
    )


def private_uses(relative: str) -> list[tuple[int, str]]:
    """(line, name) for each private Textual attribute that the file reads or replaces."""
    path = ROOT.parent / relative
    tree = ast.parse(path.read_text(encoding="utf-8"))
    module = importlib.import_module(relative.removesuffix(".py").replace("/", "."))
    found: set[tuple[int, str]] = set()

    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.split(".")[0] == "textual":
                if any(_private(part) for part in node.module.split(".")):
                    found.add((node.lineno, node.module))
                found.update((node.lineno, a.name) for a in node.names if _private(a.name))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "textual" and any(_private(part) for part in parts):
                    found.add((node.lineno, alias.name))

    in_classes: set[int] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.ClassDef):
            continue
        cls = getattr(module, node.name, None)
        if not isinstance(cls, type):
            continue
        theirs = textual_privates(cls)
        for item in ast.walk(node):
            in_classes.add(id(item))
            if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef) and item.name in theirs:
                found.add((item.lineno, item.name))
            if isinstance(item, ast.Attribute) and item.attr in theirs:
                owner = item.value
                if (isinstance(owner, ast.Name) and owner.id in ("self", "cls")) or _is_super_call(
                    owner
                ):
                    found.add((item.lineno, item.attr))

    # Modules other than Textual's, by the names the file imports them as (``os._exit``
    # is the standard library's, whatever Textual has of that name).
    other_modules = {
        (alias.asname or alias.name).split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
        if alias.name.split(".")[0] != "textual"
    }
    anywhere = every_textual_private() - pops_own_privates()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and _private(node.attr)
            and node.attr in anywhere
            and not (isinstance(node.value, ast.Name) and node.value.id in other_modules)
            and not (
                id(node) in in_classes
                and isinstance(node.value, ast.Name)
                and node.value.id in ("self", "cls")
            )
        ):
            found.add((node.lineno, node.attr))
    return sorted(found)


@pytest.mark.parametrize("relative", UI_FILES)
def test_no_private_textual_attribute(relative: str) -> None:
    allowed = NO_PUBLIC_WAY.get(relative, {})
    uses = private_uses(relative)
    assert [(line, name) for line, name in uses if name not in allowed] == []
    # An exception that is no longer needed goes from the list.
    assert {name for _, name in uses} >= set(allowed)


def test_the_check_finds_what_it_looks_for(tmp_path: Path) -> None:
    # Guards the test above: it must see a private read, an override and a private import.
    from textual.widgets import Input

    assert "_bindings" in textual_privates(Input)
    assert "_on_paste" in textual_privates(Input)
    assert "_bindings" in every_textual_private()
    assert "pop_tui/ui/keys.py" in UI_FILES
    assert {name for _, name in private_uses("pop_tui/ui/keys.py")} >= {"_bindings"}
    assert all(path in UI_FILES for path in NO_PUBLIC_WAY)
    # A private name of another module is not Textual's.
    assert "_exit" in every_textual_private()
    assert private_uses("pop_tui/cli/hangup.py") == []
