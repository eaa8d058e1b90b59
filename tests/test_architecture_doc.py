"""docs/ARCHITECTURE.md stays true: every module and folder it names exists, and so
do the names it says are in them."""

from __future__ import annotations

import re
from pathlib import Path

from pop_tui.store import agenda_index, drafts, files

ROOT = Path(__file__).resolve().parent.parent
PAGE = (ROOT / "docs" / "ARCHITECTURE.md").read_text()
# A path as the page writes it: `core/ops.py`, `pop_tui/cli/`, `docs/cli.md`, `styles/`.
PATH = re.compile(r"(?<![\w<>/.])((?:[a-z_]+/)+(?:[a-z_]+\.(?:py|md))?)(?![\w<>])")


def named_paths() -> set[str]:
    return set(PATH.findall(PAGE))


def where(name: str) -> Path:
    for base in (ROOT, ROOT / "pop_tui"):
        if (base / name).exists():
            return base / name
    raise AssertionError(f"docs/ARCHITECTURE.md names {name}, which does not exist")


def test_every_module_and_folder_the_page_names_exists() -> None:
    names = named_paths()
    assert {"core/", "store/plan_store.py", "ui/plan_work.py", "cli/parser.py"} <= names
    for name in names:
        if name in ("backups/", "drafts/", "cache/"):
            continue  # folders beside the plan, checked below
        where(name)


def test_the_folders_beside_the_plan_are_the_ones_pop_makes(tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    assert files.backup_folder(plan).name == "backups"
    assert drafts.drafts_folder(plan).name == "drafts"
    assert agenda_index.CACHE_FOLDER == "cache"
    for folder in ("backups/", "drafts/", "cache/", "plan.json.lock"):
        assert folder in PAGE


def test_the_names_the_page_gives_are_in_the_modules_it_names() -> None:
    said = {
        "ui/plan_work.py": ("PlanReady", "LockTaken", "PlanFileApp"),
        "ui/context.py": ("PopContext", "def save"),
        "store/plan_store.py": ("def apply", "def subscribe", "def read_fresh", "def install"),
        "cli/parser.py": ("COMMANDS",),
        "core/export/__init__.py": ("FORMATS", "def export"),
        "ui/modes.py": ("SECTION_MODES",),
    }
    for module, names in said.items():
        text = where(module).read_text()
        for name in names:
            assert name in text, f"{module} has no {name}"
