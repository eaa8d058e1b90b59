"""Regenerate the SVG screenshots in ``screenshots/`` from the demo plan.

    python tools/screenshots.py

Each screenshot is the real app, run headless on a fresh demo plan with "today"
fixed (``$POP_TODAY``, else 2026-11-29) and the user's own settings and keymap
kept out (a scratch config folder), so the same code gives the same pictures.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "screenshots"

# (file name, language, terminal size, keys pressed from the dashboard)
SHOTS: tuple[tuple[str, str, tuple[int, int], tuple[str, ...]], ...] = (
    ("dashboard", "en", (80, 24), ()),
    ("dashboard-nl", "nl", (80, 24), ()),
    ("dashboard-60x20", "en", (60, 20), ()),
    ("analysis", "en", (80, 24), ("2",)),
    ("goals", "en", (80, 24), ("3",)),
    ("goal-form", "en", (80, 24), ("3", "j", "e")),
    ("employer", "en", (80, 24), ("4",)),
    ("action-plan", "en", (80, 24), ("5",)),
    ("steps", "en", (80, 24), ("5", "enter")),
    ("evaluation", "en", (80, 24), ("6",)),
    ("checkin", "en", (80, 24), ("c", "down", "space")),
    ("palette", "en", (80, 24), ("slash", "p", "i", "v", "o", "t")),
    ("help-nl", "nl", (80, 24), ("question_mark",)),
)


def today() -> date:
    value = os.environ.get("POP_TODAY")
    return date.fromisoformat(value) if value else date(2026, 11, 29)


async def shoot(
    name: str, lang: str, size: tuple[int, int], keys: tuple[str, ...], day: date, folder: Path
) -> Path:
    from pop_tui.core.demo import populate_demo
    from pop_tui.core.edit import Edit
    from pop_tui.core.model import Plan
    from pop_tui.core.texts import set_language
    from pop_tui.store.plan_store import write_new_plan
    from pop_tui.ui.app import PopApp

    set_language(lang)
    plan = Plan()
    populate_demo(Edit(plan), day, lang)
    store = write_new_plan(folder / f"{name}.json", plan)
    app = PopApp(store, today=lambda: day, guide_empty_plan=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause(0.3)  # the palette searches in the background
        app.save_screenshot(filename=f"{name}.svg", path=str(OUT))
    return OUT / f"{name}.svg"


async def main() -> int:
    day = today()
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pop-shots-") as scratch:
        # The same pictures for everyone: no user theme or keymap, paths that say little.
        os.environ["HOME"] = "/home/sam"
        os.environ["XDG_CONFIG_HOME"] = str(Path(scratch) / "config")
        os.environ.pop("NO_COLOR", None)
        for name, lang, size, keys in SHOTS:
            path = await shoot(name, lang, size, keys, day, Path(scratch))
            print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(asyncio.run(main()))
