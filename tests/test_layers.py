"""The layering rules: the core is pure, and the shell commands never load Textual."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Collection, Mapping
from pathlib import Path

CHECK = """
import importlib, json, pkgutil, sys
import pop_tui.core
for module in pkgutil.walk_packages(pop_tui.core.__path__, "pop_tui.core."):
    importlib.import_module(module.name)
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "tinydb", "rich"))))
"""


def test_core_imports_neither_textual_nor_tinydb() -> None:
    out = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(out) == []


def test_core_package_walk_finds_the_modules() -> None:
    # Guards the test above: an empty walk would pass it without checking anything.
    import importlib
    import pkgutil

    import pop_tui.core

    names = {m.name for m in pkgutil.walk_packages(pop_tui.core.__path__, "pop_tui.core.")}
    assert {"pop_tui.core.model", "pop_tui.core.dates", "pop_tui.core.agenda"} <= names
    importlib.import_module("pop_tui.core.model")


def test_store_is_the_only_code_that_imports_tinydb() -> None:
    import pop_tui

    root = Path(pop_tui.__file__).parent
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "tinydb" in path.read_text(encoding="utf-8") and path.parent.name != "store"
    ]
    assert offenders == []


def test_backup_list_does_not_import_textual(tmp_path: object) -> None:
    code = (
        "import sys; from pop_tui.cli import main; main(['backup', 'list', '--db', sys.argv[1]]);"
        "print('TEXTUAL' if any(m.startswith('textual') for m in sys.modules) else 'CLEAN')"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, f"{tmp_path}/plan.json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.strip().endswith("CLEAN")


# --- no import circle ------------------------------------------------------------
# The module import graph of pop_tui, read from the source with ast: every import,
# at the top of a module or inside a function, except those under ``if TYPE_CHECKING:``
# (they never run). A circle is a strongly connected component of more than one module.


def _modules() -> dict[str, Path]:
    import pop_tui

    root = Path(pop_tui.__file__).parent.parent
    found: dict[str, Path] = {}
    for path in sorted((root / "pop_tui").rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imported(tree: ast.AST, known: Collection[str]) -> set[str]:
    """The modules of ``known`` that ``tree`` imports when it runs."""
    out: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child.test):
                for other in child.orelse:
                    visit_node(other)
            else:
                visit_node(child)

    def visit_node(node: ast.AST) -> None:
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                name = f"{node.module}.{alias.name}"
                out.add(name if name in known else node.module)
        visit(node)

    visit(tree)
    return out & set(known)


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    return {
        name: _imported(ast.parse(path.read_text(encoding="utf-8")), modules) - {name}
        for name, path in modules.items()
    }


def circles(graph: Mapping[str, Collection[str]]) -> list[list[str]]:
    """The strongly connected components of more than one node (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, targets = work[-1]
            target = next(targets, None)
            if target is not None:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph.get(target, ())))))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_import_circle_in_pop_tui() -> None:
    graph = import_graph()
    described = [
        [f"{a} -> {b}" for a in circle for b in sorted(graph[a] & set(circle))]
        for circle in circles(graph)
    ]
    assert described == []


def test_the_import_graph_sees_imports_at_the_top_and_inside_functions() -> None:
    # Guards the test above: a graph without edges has no circle either.
    graph = import_graph()
    assert "pop_tui.ui.screens.section" in graph["pop_tui.ui.screens.goals"]
    # Imported inside a function (each section's screen is made when first shown).
    assert "pop_tui.ui.screens.evaluation" in graph["pop_tui.ui.modes"]
    # Under TYPE_CHECKING only: never run, so no edge.
    assert "pop_tui.cli.context" not in graph["pop_tui.cli.parser"]
    assert sum(len(targets) for targets in graph.values()) > 300


def test_circles_finds_a_loop_and_only_loops() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e"}, "f": set()}
    assert circles(graph) == [["a", "b", "c"]]
    assert circles({"x": {"y"}, "y": {"x"}, "z": {"x"}}) == [["x", "y"]]
    assert circles({"x": {"y"}, "y": set()}) == []


def test_no_screen_dialog_or_widget_imports_the_app() -> None:
    # Not even for type hints: they see the app through pop_tui.ui.context.
    import pop_tui

    root = Path(pop_tui.__file__).parent / "ui"
    offenders = [
        str(path.relative_to(root))
        for folder in ("screens", "dialogs", "widgets")
        for path in sorted((root / folder).glob("*.py"))
        if "pop_tui.ui.app" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


# --- no module too long to hold in one's head -----------------------------------------
LONGEST = 400
REASON = "Long on purpose:"


def too_long(paths: Collection[Path]) -> list[str]:
    """The modules above LONGEST lines whose docstring does not say why they are long."""
    found = []
    for path in sorted(paths):
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) > LONGEST and REASON not in (
            ast.get_docstring(ast.parse(text)) or ""
        ):
            found.append(f"{path.name}: {len(text.splitlines())} lines")
    return found


def test_no_module_above_400_lines_without_a_reason_at_its_top() -> None:
    assert too_long(list(_modules().values())) == []


def test_too_long_sees_a_long_module_and_its_reason(tmp_path: Path) -> None:
    body = "x = 1\n" * (LONGEST + 1)
    bare = tmp_path / "bare.py"
    bare.write_text('"""A module."""\n' + body, encoding="utf-8")
    said = tmp_path / "said.py"
    said.write_text(f'"""A module.\n\n{REASON} a table.\n"""\n' + body, encoding="utf-8")
    short = tmp_path / "short.py"
    short.write_text("x = 1\n", encoding="utf-8")
    assert too_long([bare, said, short]) == [f"bare.py: {LONGEST + 2} lines"]
