"""``pop serve`` in a real headless Chromium (Debian's chromium, driven by Playwright).

textual-serve draws the terminal on a canvas, so these tests look at what the keys
do: the plan file on disk, and the processes on the machine. They fail, never
skip, when the browser is missing (``.ci/run`` installs it).
"""

from __future__ import annotations

import os
import signal
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from pop_tui.core.model import CheckIn
from pop_tui.store.drafts import list_drafts
from pop_tui.store.plan_store import PlanStore
from tests.conftest import TODAY
from tests.serve_server import Served, alive, serving, wait_until

# With pytest -n: one Chromium for the file: all of it on one worker.
pytestmark = pytest.mark.xdist_group("test_serve_browser")

# Debian's chromium; another path only to check that a missing browser fails the tests.
CHROMIUM = os.environ.get("POP_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The step the demo's check-in lists first (the most overdue one).
FIRST_DUE = "Module 2: pivot tables"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (.ci/run does)")
    with sync_playwright() as playwright:
        found = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield found
        found.close()


def open_tab(browser: Browser, served: Served, size: tuple[int, int] = (1000, 640)) -> Page:
    """A new tab on the server, once its app has drawn its first screen."""
    before = served.apps()
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    page.goto(served.url)
    # The app process starts when the page opens its websocket; the page shows the
    # terminal once the app has drawn (textual-serve marks the body then).
    wait_until(lambda: served.apps() - before, 30, "the tab's app process")
    page.wait_for_selector("body.-first-byte canvas", timeout=30_000)
    page.focus("textarea")  # the terminal's keyboard input
    settle(page)
    return page


def settle(page: Page, timeout: float = 10) -> bytes:
    """Wait until the drawing stops changing (the app has done what the last key asked)."""
    # Still for half a second: a screen switch draws in steps, and a steady cursor
    # no longer tells a drawing that has stopped from one that has not begun.
    shot = page.screenshot()
    still = 0
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        time.sleep(0.25)
        again = page.screenshot()
        still = still + 1 if again == shot else 0
        if still == 2:
            return again
        shot = again
    return shot


def type_text(page: Page, text: str) -> None:
    """Type ``text`` and wait until it shows and the screen has settled."""
    before = page.screenshot()
    page.keyboard.type(text)
    wait_until(lambda: page.screenshot() != before, 10, f"{text!r} to show", 0.1)
    settle(page)


def press(page: Page, key: str) -> None:
    """Press ``key`` and wait until the screen has changed and settled."""
    before = page.screenshot()
    page.keyboard.press(key)
    wait_until(lambda: page.screenshot() != before, 10, f"the screen to change after {key}", 0.1)
    settle(page)


def step_done(path: Path, title: str) -> bool:
    plan = PlanStore.open(path).plan
    return any(s.title == title and s.done for s in plan.steps.values())


def todays_checkins(path: Path) -> list[CheckIn]:
    return [c for c in PlanStore.open(path).plan.checkins.values() if c.on == TODAY]


def demo_plan(tmp_path: Path) -> Path:
    import subprocess
    import sys

    path = tmp_path / "plan" / "plan.json"
    subprocess.run(
        [sys.executable, "-m", "pop_tui", "demo", "--out", str(path)],
        check=True,
        capture_output=True,
        env={**os.environ, "POP_TODAY": TODAY.isoformat()},
        timeout=60,
    )
    return path


def test_a_check_in_in_the_browser_marks_the_step_done_on_disk(
    browser: Browser, tmp_path: Path
) -> None:
    plan = demo_plan(tmp_path)
    assert not step_done(plan, FIRST_DUE)
    assert todays_checkins(plan) == []
    # A careless umask in the shell that starts the server loosens nothing. The
    # secret comes in the address once; the browser brings it back as a cookie
    # (the websocket too), and the app does not inherit it.
    secret = "a-secret-for-this-test"
    with serving(plan, umask=0, env={"POP_SERVE_TOKEN": secret}) as served:
        served.url += f"?token={secret}"
        page = open_tab(browser, served)
        assert page.url == served.url.split("?")[0]  # the secret is out of the address bar
        assert page.title() == f"pop — {plan}"
        (app,) = served.apps()
        assert b"POP_SERVE_TOKEN" not in Path(f"/proc/{app}/environ").read_bytes()
        # The terminal fills the window.
        box = page.locator(".xterm-screen").bounding_box()
        assert box is not None and box["width"] > 950 and box["height"] > 600
        press(page, "c")  # the check-in
        press(page, "Space")  # the first step due: done
        page.keyboard.press("Enter")  # save
        wait_until(lambda: step_done(plan, FIRST_DUE), 20, "the step done in the plan file")
        (checkin,) = todays_checkins(plan)
        first = next(s for s in PlanStore.open(plan).plan.steps.values() if s.title == FIRST_DUE)
        assert checkin.step_ids == (first.id,)
        page.close()
    assert stat.S_IMODE(plan.stat().st_mode) == 0o600
    for path in plan.parent.rglob("*"):
        assert not stat.S_IMODE(path.stat().st_mode) & 0o077, path


def test_each_tab_is_a_session_and_closing_it_ends_its_app(
    browser: Browser, tmp_path: Path
) -> None:
    plan = demo_plan(tmp_path)
    with serving(plan) as served:
        first = open_tab(browser, served)
        one = served.apps()
        second = open_tab(browser, served)
        both = served.apps()
        assert len(one) == 1 and len(both) == 2
        # The first tab marks a step done on the dashboard; the second undoes it: the
        # same plan, and the second session sees the first one's change.
        press(first, "Space")
        wait_until(lambda: step_done(plan, FIRST_DUE), 20, "the step done in the plan file")
        press(second, "u")
        wait_until(lambda: not step_done(plan, FIRST_DUE), 20, "the undo in the plan file")
        # ctrl+r (a browser's reload) reaches the app: redo.
        press(second, "Control+r")
        wait_until(lambda: step_done(plan, FIRST_DUE), 20, "the redo in the plan file")
        first.close()
        wait_until(lambda: served.apps() == both - one, 20, "the closed tab's app to end")
        second.close()
        wait_until(lambda: served.apps() == set(), 20, "the other app to end")


def test_closing_a_tab_keeps_a_form_s_typing_as_a_draft(browser: Browser, tmp_path: Path) -> None:
    plan = demo_plan(tmp_path)
    with serving(plan) as served:
        page = open_tab(browser, served)
        (app,) = served.apps()
        press(page, "3")  # the goals
        press(page, "n")  # a new goal
        type_text(page, "Juggle with five balls")
        settle(page)
        page.close()
        wait_until(lambda: not alive(app), 20, "the closed tab's app to end")
    drafts, unreadable = list_drafts(plan)
    assert unreadable == []
    assert any("Juggle with five balls" in draft.path.read_text() for draft in drafts)


def test_a_phone_s_narrow_window_gets_the_columns_pop_needs(
    browser: Browser, tmp_path: Path
) -> None:
    plan = demo_plan(tmp_path)
    with serving(plan) as served:
        open_tab(browser, served, size=(412, 780))
        (app,) = served.apps()
        # textual-serve starts the app at the size the page asked for.
        environ = Path(f"/proc/{app}/environ").read_bytes().split(b"\0")
        columns = int(next(v for v in environ if v.startswith(b"COLUMNS=")).split(b"=")[1])
        assert 50 <= columns <= 60


@pytest.mark.parametrize(
    ("signum", "group"),
    [
        (signal.SIGTERM, False),
        (signal.SIGINT, True),
        (signal.SIGHUP, False),
        (signal.SIGKILL, False),
    ],
    ids=["SIGTERM", "Ctrl+C", "SIGHUP", "SIGKILL"],
)
def test_stopping_the_server_leaves_no_process(
    browser: Browser, tmp_path: Path, signum: signal.Signals, group: bool
) -> None:
    plan = demo_plan(tmp_path)
    with serving(plan) as served:
        pages = [open_tab(browser, served), open_tab(browser, served)]
        apps = served.apps()
        assert len(apps) == 2
        # Typing in a form of one tab, not saved.
        press(pages[0], "3")
        press(pages[0], "n")
        type_text(pages[0], "Juggle with five balls")
        # Ctrl+C in the terminal reaches the whole process group.
        out = served.stop(signum, group=group)
        assert not alive(served.process.pid)
        # Even a server killed without a word (SIGKILL) leaves no app behind.
        wait_until(lambda: not any(alive(pid) for pid in apps), 10, "every app to end")
        if signum != signal.SIGKILL:
            assert served.process.returncode == 0
            assert "2 app(s) ended" in out
        for page in pages:
            page.close()
    # Each app ended as at a hang-up: the typing is kept.
    drafts, _ = list_drafts(plan)
    assert any("Juggle with five balls" in draft.path.read_text() for draft in drafts)
