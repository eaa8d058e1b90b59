"""A pop TUI in its own process, stopped mid-form by the test that starts it.

Usage: python -m tests.draft_worker PLAN READY KEY...

Opens the app (headless) on PLAN, presses the KEYs (``text:...`` types text),
writes READY, and then runs until something from outside ends it (SIGHUP), with the
hang-up handling of ``pop`` itself (see pop_tui.cli.hangup).
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from pop_tui.cli import hangup
from pop_tui.cli.tui import drafts_kept_on_hang_up
from pop_tui.store.plan_store import PlanStore
from pop_tui.ui.app import PopApp
from tests.conftest import TODAY


async def main(plan: Path, ready: Path, keys: list[str]) -> int:
    app = PopApp(PlanStore.open(plan), today=lambda: TODAY, guide_empty_plan=False)
    hangup.install()
    with drafts_kept_on_hang_up(app):
        return await run(app, ready, keys)


async def run(app: PopApp, ready: Path, keys: list[str]) -> int:
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        for key in keys:
            if key.startswith("text:"):
                await pilot.press(*key.removeprefix("text:"))
            else:
                await pilot.press(key)
            await pilot.pause()
        ready.write_text(type(app.screen).__name__)
        while app.is_running:
            await asyncio.sleep(0.05)
    return app.return_code or 0


if __name__ == "__main__":
    plan_arg, ready_arg, *key_args = sys.argv[1:]
    sys.exit(asyncio.run(main(Path(plan_arg), Path(ready_arg), key_args)))
