"""A session closed from outside mid-form (SIGHUP: a dropped SSH line or a closed terminal)
keeps the typing as a draft, offered at the next start: restore it into the same form, or
discard it. What was saved before is on disk regardless."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Input, Static

from pop_tui.core.model import Plan
from pop_tui.store.drafts import list_drafts, write_draft
from pop_tui.store.plan_store import PlanStore, write_new_plan
from pop_tui.ui.app import PopApp
from pop_tui.ui.dialogs.draft import DraftDialog
from pop_tui.ui.dialogs.form import FormDialog
from pop_tui.ui.dialogs.goal_form import GoalForm
from pop_tui.ui.screens.guide import GuideWelcome
from pop_tui.ui.screens.steps import StepsScreen
from tests.conftest import NOW, TODAY
from tests.keyboard import type_text

MakeApp = Callable[[PlanStore], PopApp]
ROOT = Path(__file__).resolve().parent.parent


def run_until_hangup(plan: Path, tmp_path: Path, *keys: str) -> str:
    """Run pop in a process of its own, press ``keys``, then hang up on it (SIGHUP)."""
    ready = tmp_path / "ready"
    worker = subprocess.Popen(
        [sys.executable, "-m", "tests.draft_worker", str(plan), str(ready), *keys],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while not ready.exists():
            assert worker.poll() is None, worker.communicate()
            assert time.monotonic() < deadline, "the worker never got to the form"
            time.sleep(0.05)
        screen = ready.read_text()
        worker.send_signal(signal.SIGHUP)
        _out, err = worker.communicate(timeout=60)
    finally:
        if worker.poll() is None:
            worker.kill()
    assert b"Traceback" not in err, err.decode()
    assert worker.returncode == 129  # what a shell shows for an end by SIGHUP
    return screen


def goal_form_keys(title: str) -> tuple[str, ...]:
    return ("3", "down", "e", "ctrl+u", f"text:{title}")


def other_session(path: Path) -> PlanStore:
    return PlanStore.open(path, now=lambda: NOW)


async def started(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.pause()


# --- keeping ----------------------------------------------------------------------------------


def test_sighup_mid_form_keeps_the_typing_as_a_private_draft(
    demo_store: PlanStore, tmp_path: Path
) -> None:
    before = demo_store.path.read_bytes()
    screen = run_until_hangup(demo_store.path, tmp_path, *goal_form_keys("Lead people well"))
    assert screen == "GoalForm"
    drafts, unreadable = list_drafts(demo_store.path)
    assert unreadable == []
    [draft] = drafts
    document = draft.document
    assert [(f["name"], f["value"]) for f in document["fields"]] == [("title", "Lead people well")]
    assert document["origin"]["mode"] == "goals"
    assert document["origin"]["action"] == "edit"
    assert document["origin"]["cursor"] == "goal:1"
    assert document["record"]["id"] == 1
    assert document["record"]["fields"]["title"] == "Get better at leading people"
    assert stat.S_IMODE(draft.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(draft.path.parent.stat().st_mode) == 0o700
    # The plan itself is as it was: a draft is typing, not a change.
    assert demo_store.path.read_bytes() == before


def test_sighup_without_a_form_open_keeps_nothing(demo_store: PlanStore, tmp_path: Path) -> None:
    assert run_until_hangup(demo_store.path, tmp_path, "3") == "GoalsScreen"
    assert list_drafts(demo_store.path) == ([], [])


def test_sighup_on_a_form_left_as_it_was_keeps_nothing(
    demo_store: PlanStore, tmp_path: Path
) -> None:
    assert run_until_hangup(demo_store.path, tmp_path, "3", "down", "e") == "GoalForm"
    assert list_drafts(demo_store.path) == ([], [])


async def test_a_closed_terminal_keeps_the_draft_too(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    # When the terminal goes away under it, Textual's input thread panics the app.
    app = make_app(demo_store)
    async with app.run_test(size=(100, 40)) as pilot:
        for key in goal_form_keys("Lead people well")[:-1]:
            await pilot.press(key)
            await pilot.pause()
        await type_text(pilot, "Lead people")
        app.panic(Text("input/output error"))
    [draft] = list_drafts(demo_store.path)[0]
    assert draft.document["fields"][0]["value"] == "Lead people"


# --- offering ---------------------------------------------------------------------------------


async def test_restore_opens_the_same_form_with_the_typing_back(
    demo_store: PlanStore, make_app: MakeApp, tmp_path: Path
) -> None:
    run_until_hangup(demo_store.path, tmp_path, *goal_form_keys("Lead people well"))
    app = make_app(other_session(demo_store.path))
    async with app.run_test(size=(100, 40)) as pilot:
        await started(pilot)
        assert isinstance(app.screen, DraftDialog)
        await pilot.press("r")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, GoalForm)
        assert form.record is not None and form.record.id == 1
        assert form.query_one("#field-title", Input).value == "Lead people well"
        # The draft is back in its form; if pop drops again, a new one is written.
        assert list_drafts(demo_store.path) == ([], [])
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
    assert other_session(demo_store.path).plan.goals[1].title == "Lead people well"


async def test_discard_forgets_the_draft(
    demo_store: PlanStore, make_app: MakeApp, tmp_path: Path
) -> None:
    run_until_hangup(demo_store.path, tmp_path, *goal_form_keys("Lead people well"))
    app = make_app(other_session(demo_store.path))
    async with app.run_test(size=(100, 40)) as pilot:
        await started(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert not isinstance(app.screen, DraftDialog | FormDialog)
    assert list_drafts(demo_store.path) == ([], [])
    assert other_session(demo_store.path).plan.goals[1].title == "Get better at leading people"


async def test_escape_keeps_the_draft_for_the_next_start(
    demo_store: PlanStore, make_app: MakeApp, tmp_path: Path
) -> None:
    run_until_hangup(demo_store.path, tmp_path, *goal_form_keys("Lead people well"))
    app = make_app(other_session(demo_store.path))
    async with app.run_test(size=(100, 40)) as pilot:
        await started(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, DraftDialog)
    assert len(list_drafts(demo_store.path)[0]) == 1


async def test_a_change_saved_elsewhere_since_the_draft_is_still_asked_about(
    demo_store: PlanStore, make_app: MakeApp, tmp_path: Path
) -> None:
    from pop_tui.ui.dialogs.conflict import ConflictDialog

    run_until_hangup(demo_store.path, tmp_path, *goal_form_keys("Mine"))
    other_session(demo_store.path).apply(
        "t", lambda e: e.update(e.plan.goals[1], title="Theirs") and None
    )
    app = make_app(other_session(demo_store.path))
    async with app.run_test(size=(100, 40)) as pilot:
        await started(pilot)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)


async def test_a_draft_of_a_record_deleted_since_is_shown_to_copy(
    demo_store: PlanStore, make_app: MakeApp, tmp_path: Path
) -> None:
    from pop_tui.core import removal

    run_until_hangup(demo_store.path, tmp_path, *goal_form_keys("Lead people well"))
    other_session(demo_store.path).apply("gone", lambda e: removal.delete_goal(e, 1))
    app = make_app(other_session(demo_store.path))
    async with app.run_test(size=(100, 40)) as pilot:
        await started(pilot)
        dialog = app.screen
        assert isinstance(dialog, DraftDialog)
        await pilot.press("r")
        await pilot.pause()
        # Restoring is not offered: the text is shown instead, and stays until discarded.
        assert app.screen is dialog
        texts = " ".join(str(s.render()) for s in dialog.query(".draft-field").results(Static))
    assert "Lead people well" in texts
    assert len(list_drafts(demo_store.path)[0]) == 1


@pytest.mark.parametrize(
    ("keys", "form_class", "field", "typed"),
    [
        # A step's reschedule form, on the steps screen of an action.
        (("5", "enter", "down", "r"), FormDialog, "due", "eom"),
        # The reflection offered when a step is ticked done (w opens it again).
        (("5", "enter", "down", "space"), FormDialog, "learned", "Ask for help sooner"),
        # A new SWOT threat, with the threats list (empty of a cursor) in use.
        (("2", "down", "down", "down", "right", "n"), FormDialog, "text", "Budget cuts"),
    ],
)
async def test_forms_of_other_screens_come_back_on_their_own_screen(
    keys: tuple[str, ...],
    form_class: type[FormDialog],
    field: str,
    typed: str,
    demo_store: PlanStore,
    make_app: MakeApp,
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(100, 40)) as pilot:
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        form = app.screen
        assert isinstance(form, form_class)
        title, origin = form.form_title, form.origin
        form.query_one(f"#field-{field}", Input).value = typed
        app._keep_drafts()
        await pilot.pause()
    app = make_app(other_session(demo_store.path))
    async with app.run_test(size=(100, 40)) as pilot:
        await started(pilot)
        await pilot.press("r")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, form_class)
        assert (form.form_title, form.origin) == (title, origin)
        assert form.query_one(f"#field-{field}", Input).value == typed
        if origin and "steps" in str(origin.get("place")):
            assert isinstance(app.screen_stack[-2], StepsScreen)


def test_an_unreadable_draft_is_reported_and_left_alone(demo_store: PlanStore) -> None:
    path = write_draft(demo_store.path, {"title": "x"})
    other = path.with_name(demo_store.path.name + ".1.json")
    other.write_text("{not json")
    drafts, unreadable = list_drafts(demo_store.path)
    assert [d.path for d in drafts] == [path]
    assert unreadable == [other]
    assert json.loads(path.read_text())["format"] == "pop-tui draft"
    assert os.path.exists(other)


async def test_on_an_empty_plan_a_kept_draft_comes_before_the_guided_start(
    tmp_path: Path,
) -> None:
    # Dropped while typing the first goal: the next start offers the typing back,
    # and the guided start (which would open under the offer) waits for the palette.
    empty = write_new_plan(tmp_path / "plan.json", Plan())
    run_until_hangup(empty.path, tmp_path, "3", "n", "text:Lead people well")
    app = PopApp(other_session(empty.path), today=lambda: TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await started(pilot)
        assert isinstance(app.screen, DraftDialog)
        assert not any(isinstance(screen, GuideWelcome) for screen in app.screen_stack)
        await pilot.press("r")
        await pilot.pause()
        assert app.screen.query_one("#field-title", Input).value == "Lead people well"


async def test_on_an_empty_plan_without_drafts_the_guided_start_opens(tmp_path: Path) -> None:
    empty = write_new_plan(tmp_path / "plan.json", Plan())
    app = PopApp(other_session(empty.path), today=lambda: TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await started(pilot)
        assert isinstance(app.screen, GuideWelcome)
