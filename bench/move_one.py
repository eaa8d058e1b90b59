"""One run of the move benchmark, in a process of its own: prints the CPU ms of the moves.

    python bench/move_one.py PLAN.json pop|bare MOVES

``pop``: the app on the plan, started as ``pop`` starts it (the loaded plan
frozen out of the garbage collector, see pop_tui/cli/tui.py), the action plan
opened, then MOVES cursor moves down and up its table. ``bare``: a bare
``DataTable`` holding the same rows (taken from pop's table first, then pop's
app and plan let go), the same moves.

Each run has a process of its own, so that no run pays for the garbage or the
memory of another.
"""

from __future__ import annotations

import asyncio
import gc
import sys
import time
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.widgets import DataTable

TODAY = date(2026, 11, 29)


async def time_moves(app: App[Any], prepare: Callable[[Any], Awaitable[None]], moves: int) -> float:
    async with app.run_test(size=(80, 24)) as pilot:
        await prepare(pilot)
        await pilot.pause()
        # CPU time, not wall time: the pilot waits for the screen after each key,
        # and that waiting (the same for both apps) would hide the work.
        started = time.process_time()
        for n in range(moves):
            await pilot.press("down" if (n // 100) % 2 == 0 else "up")
        await pilot.pause()
        return (time.process_time() - started) * 1000


async def open_action_plan(pilot: Any) -> None:
    await pilot.press("5")
    await pilot.pause()
    pilot.app.screen.query_one(DataTable).focus()


def pop_app(plan: Path) -> App[Any]:
    from pop_tui.store.plan_store import PlanStore
    from pop_tui.ui.app import PopApp

    store = PlanStore.open(plan)
    gc.freeze()  # as pop_tui/cli/tui.py does once the plan is loaded
    return PopApp(store, today=lambda: TODAY)


async def pop_rows(plan: Path) -> tuple[list[str], list[list[object]]]:
    """The action plan table's columns and rows, as pop shows them."""
    app = pop_app(plan)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_action_plan(pilot)
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        columns = [str(c.label) for c in table.columns.values()]
        return columns, [list(table.get_row_at(i)) for i in range(table.row_count)]


class BareTable(App[None]):
    def __init__(self, columns: list[str], rows: list[list[object]]) -> None:
        super().__init__()
        self.columns, self.rows = columns, rows

    def compose(self) -> ComposeResult:
        yield DataTable(cursor_type="row")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*self.columns)
        table.add_rows(self.rows)
        table.focus()


async def nothing(pilot: Any) -> None:
    return None


async def main(plan: Path, which: str, moves: int) -> float:
    if which == "pop":
        return await time_moves(pop_app(plan), open_action_plan, moves)
    columns, rows = await pop_rows(plan)
    gc.unfreeze()
    gc.collect()  # pop's app and plan, let go
    return await time_moves(BareTable(columns, rows), nothing, moves)


if __name__ == "__main__":
    print(f"{asyncio.run(main(Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]))):.1f}")
