"""The layering rules: the core is pure, and the shell commands never load Textual."""

from __future__ import annotations

import json
import subprocess
import sys

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
    from pathlib import Path

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
