"""Shared fixtures: a fixed today, scratch plan files, no contact with real user folders."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from pop_tui.core.demo import populate_demo
from pop_tui.core.edit import Edit
from pop_tui.core.model import Plan
from pop_tui.core.texts import set_language
from pop_tui.store.plan_store import PlanStore, write_new_plan
from tests.css_once import parse_each_css_once
from tests.gc_between import CollectBetween
from tests.unseen_frames import paint_only_when_read

if TYPE_CHECKING:
    from textual.pilot import Pilot

    from pop_tui.ui.app import PopApp

# Every test that needs "today" uses this day: a Sunday at the end of November.
TODAY = date(2026, 11, 29)
NOW = datetime(2026, 11, 29, 9, 30)

# Each piece of Textual CSS is parsed once a test process (see tests/css_once.py).
parse_each_css_once()
# A headless app paints only what a test reads (see tests/unseen_frames.py).
paint_only_when_read()


def pytest_configure(config: pytest.Config) -> None:
    # Garbage is collected between tests, not during them (see tests/gc_between.py).
    config.pluginmanager.register(CollectBetween(), "gc-between")


@pytest.hookimpl(optionalhook=True)  # pytest-xdist's hook: without xdist, unused
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """What ``pytest -n auto`` means here: three workers a core.

    A test of the TUI spends part of its time waiting: Textual's pilot sleeps
    until the app is idle after every key, and the shell tests wait for their
    processes. On a 2-core machine the whole suite took 319 s with two workers a
    core and 260 s with three (the cores were busy 173% and 175% of the time:
    the waiting of one worker is filled by another); with four, 276 s.
    """
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return 3 * cores


@pytest.fixture(autouse=True)
def steady_text_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    """The text cursor does not blink in tests: on a busy machine (tests in parallel)
    a snapshot taken half a second late would catch it hidden, and differ."""
    from textual.widgets import Input

    made = Input.__init__

    def steady(self: Input, *args: Any, **kwargs: Any) -> None:
        made(self, *args, **kwargs)
        self.cursor_blink = False

    monkeypatch.setattr(Input, "__init__", steady)


@pytest.fixture(autouse=True)
def isolated_environment(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Point every user folder at a scratch folder and clear pop's own variables."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    for var in ("POP_DB", "POP_LANG", "POP_TODAY", "LC_ALL", "LC_MESSAGES", "NO_COLOR"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    return tmp_path / "pop" / "plan.json"


@pytest.fixture
def store(plan_path: Path) -> PlanStore:
    """An empty plan in a scratch file."""
    return PlanStore.open(plan_path, now=lambda: NOW)


@pytest.fixture
def demo_store(plan_path: Path) -> PlanStore:
    """The example plan, dated around TODAY, in a scratch file."""
    plan = Plan()
    populate_demo(Edit(plan), TODAY, "en")
    return write_new_plan(plan_path, plan, now=lambda: NOW)


@pytest.fixture
def make_app() -> Callable[[PlanStore], PopApp]:
    """Build the TUI on a store, with today fixed to TODAY (an empty plan gets no guided start)."""
    from pop_tui.ui.app import PopApp

    def build(store: PlanStore) -> PopApp:
        return PopApp(store, today=lambda: TODAY, guide_empty_plan=False)

    return build


async def notice_other_session(pilot: Pilot[None], app: PopApp) -> None:
    """Let the app look at the file, as its timer does every second, and show what it read
    (the file is read in a worker; this waits for it, not for a time)."""
    worker = app._reload_if_changed()
    if worker is not None:
        await worker.wait()
    await pilot.pause()
