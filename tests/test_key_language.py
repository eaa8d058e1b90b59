"""The key bar speaks the language of the moment, whichever language was active when
the UI modules were first imported.

A section screen's module is imported only when its section is first opened, after
the app started (and relabelled the bindings it knew of). Its bindings must not
carry anything said in the language of an earlier import. The order of imports can
only be set in a fresh interpreter, so the app runs in a subprocess.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.screen_text import words

ROOT = Path(__file__).resolve().parent.parent

# The app's modules imported in English, the app started in Dutch, then section 2 opened:
# its screen's module is imported only then. Prints whether that order held, then the key bar.
SCRIPT = """
import asyncio, sys
from datetime import date

from pop_tui.core.texts import set_language
from pop_tui.store.plan_store import PlanStore
from pop_tui.ui.app import PopApp
from tests.screen_text import screen_text

async def main() -> None:
    set_language("nl")
    app = PopApp(PlanStore.open(sys.argv[1]), today=lambda: date(2026, 11, 29),
                 guide_empty_plan=False)
    async with app.run_test(size=(100, 30)) as pilot:
        print("pop_tui.ui.screens.section" in sys.modules)
        await pilot.press("2")
        await pilot.pause()
        print(screen_text(app).rstrip().splitlines()[-1])

asyncio.run(main())
"""


def test_a_section_imported_after_the_start_shows_its_keys_in_the_apps_language(
    tmp_path: Path,
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "plan.json")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    imported_before, key_bar = done.stdout.splitlines()[-2:]
    assert imported_before == "False", "the section module is imported at start: no test"
    assert "1-6 Onderdelen" in key_bar
    assert "Sections" not in words(key_bar)
