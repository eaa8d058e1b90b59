"""The start benchmark's subject: ``pop --db FILE`` through its real entry point.

Exits as soon as the dashboard has been painted, headless at 80x24, and prints
its peak memory (KiB). Usage: python bench/start_pop.py PLAN.json
"""

from __future__ import annotations

import resource
import sys

from textual.app import App
from textual.pilot import Pilot


async def exit_when_painted(pilot: Pilot[object]) -> None:
    """Wait until the first screen is composed and painted, then leave."""
    await pilot.pause()
    pilot.app.exit()


if __name__ == "__main__":
    original_run = App.run

    def run_headless_once(self: App[object], *args: object, **kwargs: object) -> object:
        return original_run(self, headless=True, size=(80, 24), auto_pilot=exit_when_painted)

    App.run = run_headless_once  # type: ignore[method-assign,assignment]
    from pop_tui.cli import main

    code = main(["--db", sys.argv[1], "tui"])
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    sys.exit(code)
