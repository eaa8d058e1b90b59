"""Baseline for the start benchmark: a bare Textual app (header, label, footer).

Exits as soon as its first screen has been painted, headless at 80x24, and
prints its peak memory (KiB) so the memory benchmark can use the same run.
"""

from __future__ import annotations

import resource

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Footer, Header, Label


async def exit_when_painted(pilot: Pilot[object]) -> None:
    """Wait until the first screen is composed and painted, then leave."""
    await pilot.pause()
    pilot.app.exit()


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("Hello")
        yield Footer()


if __name__ == "__main__":
    BareApp().run(headless=True, size=(80, 24), auto_pilot=exit_when_painted)
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
