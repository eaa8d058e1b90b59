"""Regenerate the SVG screenshots in ``screenshots/`` from the demo plan.

    python tools/screenshots.py            # the SVGs of the terminal app
    python tools/screenshots.py --browser  # screenshots/browser.png: `pop serve` in Chromium

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


BROWSER_SIZE = (1100, 660)
CHROMIUM_ARGS = [
    "--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def browser_shot(day: date, folder: Path) -> Path:
    """The demo plan served by ``pop serve``, as headless Chromium shows it (needs the
    ``web`` and ``test`` extras: textual-serve and Playwright, and Debian's chromium)."""
    import re
    import signal
    import subprocess
    import time

    from playwright.sync_api import sync_playwright

    plan = folder / "demo.json"
    env = {**os.environ, "POP_TODAY": day.isoformat()}
    pop = [sys.executable, "-m", "pop_tui"]
    subprocess.run([*pop, "demo", "--out", str(plan)], check=True, env=env, capture_output=True)
    server = subprocess.Popen(
        [*pop, "serve", "--db", str(plan), "--port", "0"],
        stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT,
    )  # fmt: skip
    try:
        assert server.stdout is not None
        url = ""
        while not url:
            line = server.stdout.readline()
            if not line:
                raise SystemExit("pop serve did not start")
            if found := re.match(r"\s+(http://\S+)$", line):
                url = found.group(1)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
            )
            page = browser.new_page(viewport={"width": BROWSER_SIZE[0], "height": BROWSER_SIZE[1]})
            page.goto(url)
            page.wait_for_selector("body.-first-byte canvas", timeout=30_000)
            page.focus("textarea")  # as when a person clicks into the page
            shot = b""
            for _ in range(40):  # until the drawing stops changing
                time.sleep(0.25)
                again = page.screenshot()
                if again == shot:
                    break
                shot = again
            out = OUT / "browser.png"
            out.write_bytes(shot)
            browser.close()
    finally:
        server.send_signal(signal.SIGTERM)
        server.communicate(timeout=20)
    return out


def browser_main() -> int:
    with tempfile.TemporaryDirectory(prefix="pop-shots-") as scratch:
        os.environ["HOME"] = "/home/sam"
        os.environ["XDG_CONFIG_HOME"] = str(Path(scratch) / "config")
        os.environ.pop("NO_COLOR", None)
        print(browser_shot(today(), Path(scratch)).relative_to(ROOT))
    return 0


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
    sys.exit(browser_main() if "--browser" in sys.argv[1:] else asyncio.run(main()))
