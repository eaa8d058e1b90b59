"""Two sessions change the same plan while a form is open: nothing is overwritten silently.

A change saved elsewhere to a part the form left alone is kept without asking;
a change to the same field asks: keep mine, keep theirs, or back to the form.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static

from pop_tui.core.edit import Edit
from pop_tui.core.model import PROFILE_ID
from pop_tui.store.plan_store import PlanStore
from pop_tui.ui.app import PopApp
from pop_tui.ui.dialogs.conflict import ConflictDialog
from pop_tui.ui.dialogs.form import FormDialog
from pop_tui.ui.dialogs.goal_form import GoalForm
from pop_tui.ui.widgets.record_list import RecordList
from tests.conftest import NOW, TODAY
from tests.keyboard import type_text
from tests.pop_shell import pop_process

MakeApp = Callable[[PlanStore], PopApp]
LEADING = 1  # the demo's goal "Get better at leading people"
SPREADSHEETS = 4  # the demo's goal "Spreadsheet skills from basic to advanced"


def other_session(path: Path) -> PlanStore:
    """A second pop on the same file (another SSH login)."""
    return PlanStore.open(path, now=lambda: NOW)


def retitle(goal_id: int, title: str) -> Callable[[Edit], None]:
    return lambda edit: edit.update(edit.plan.goals[goal_id], title=title) and None


async def open_goal_form(pilot: Pilot[None], app: PopApp, goal_id: int) -> GoalForm:
    await pilot.press("3")
    await pilot.pause()
    listing = app.screen.query_one("#goals-list", RecordList)
    ids = [listing.get_option_at_index(i).id for i in range(listing.option_count)]
    listing.highlighted = ids.index(f"goal:{goal_id}")
    await pilot.press("e")
    await pilot.pause()
    assert isinstance(app.screen, GoalForm)
    return app.screen


async def type_into(pilot: Pilot[None], app: PopApp, name: str, text: str) -> None:
    field = app.screen.query_one(f"#field-{name}", Input)
    field.focus()
    field.value = ""
    await type_text(pilot, text)


async def save(pilot: Pilot[None]) -> None:
    """Enter, and wait for the save (a file changed elsewhere is read again in a worker)."""
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def conflict_text(app: PopApp) -> str:
    return " ".join(str(s.render()) for s in app.screen.query(".conflict-field").results(Static))


async def test_a_change_elsewhere_to_another_field_is_kept_without_asking(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_goal_form(pilot, app, LEADING)
        await type_into(pilot, app, "title", "Lead people well")
        other_session(demo_store.path).apply(
            "deadline",
            lambda e: e.update(e.plan.goals[LEADING], deadline=date(2027, 9, 1)) and None,
        )
        await save(pilot)
        assert not isinstance(app.screen, FormDialog | ConflictDialog)
    goal = other_session(demo_store.path).plan.goals[LEADING]
    assert goal.title == "Lead people well"  # mine
    assert goal.deadline == date(2027, 9, 1)  # theirs, not the date the form showed


async def test_changes_to_different_records_are_both_kept(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_goal_form(pilot, app, LEADING)
        await type_into(pilot, app, "title", "Lead people well")
        other_session(demo_store.path).apply("t", retitle(SPREADSHEETS, "Pivot tables"))
        await save(pilot)
        assert not isinstance(app.screen, FormDialog | ConflictDialog)
    goals = other_session(demo_store.path).plan.goals
    assert (goals[LEADING].title, goals[SPREADSHEETS].title) == ("Lead people well", "Pivot tables")


async def test_the_same_field_changed_elsewhere_shows_both_versions(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_goal_form(pilot, app, LEADING)
        await type_into(pilot, app, "title", "Mine")
        other_session(demo_store.path).apply("t", retitle(LEADING, "Theirs"))
        await save(pilot)
        assert isinstance(app.screen, ConflictDialog)
        shown = conflict_text(app)
    assert "Goal\n  Yours: Mine\n  Saved elsewhere: Theirs" in shown
    # Nothing was saved while the question is open.
    assert other_session(demo_store.path).plan.goals[LEADING].title == "Theirs"


async def test_keep_mine_saves_over_theirs_as_a_change_of_its_own(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_goal_form(pilot, app, LEADING)
        await type_into(pilot, app, "title", "Mine")
        other_session(demo_store.path).apply("t", retitle(LEADING, "Theirs"))
        await save(pilot)
        await pilot.press("m")
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog | ConflictDialog)
    after = other_session(demo_store.path)
    assert after.plan.goals[LEADING].title == "Mine"
    after.undo()  # one undo takes back mine and shows theirs again
    assert after.plan.goals[LEADING].title == "Theirs"


async def test_keep_theirs_drops_my_typing(demo_store: PlanStore, make_app: MakeApp) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_goal_form(pilot, app, LEADING)
        await type_into(pilot, app, "title", "Mine")
        await type_into(pilot, app, "means", "Two hours a week")
        other_session(demo_store.path).apply("t", retitle(LEADING, "Theirs"))
        await save(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog | ConflictDialog)
    goal = other_session(demo_store.path).plan.goals[LEADING]
    assert goal.title == "Theirs"
    assert goal.means != "Two hours a week"


async def test_back_to_the_form_keeps_the_text_and_saves_nothing(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_goal_form(pilot, app, LEADING)
        await type_into(pilot, app, "title", "Mine")
        other_session(demo_store.path).apply("t", retitle(LEADING, "Theirs"))
        revision = other_session(demo_store.path).revision
        await save(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, GoalForm)
        assert app.screen.query_one("#field-title", Input).value == "Mine"
        assert other_session(demo_store.path).revision == revision
        # Saving again asks again: theirs is still there.
        await save(pilot)
        assert isinstance(app.screen, ConflictDialog)


async def test_a_newer_change_after_keep_mine_asks_again(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(100, 40)) as pilot:
        form = await open_goal_form(pilot, app, LEADING)
        await type_into(pilot, app, "title", "Mine")
        other = other_session(demo_store.path)
        other.apply("t", retitle(LEADING, "Theirs"))
        await save(pilot)
        assert isinstance(app.screen, ConflictDialog)
        # A third version lands while the question is open.
        other.apply("t", retitle(LEADING, "Newer"))
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        assert "Newer" in conflict_text(app)
        await pilot.press("m")
        await pilot.pause()
        assert not form.is_attached
    assert other_session(demo_store.path).plan.goals[LEADING].title == "Mine"


async def test_the_dream_job_form_merges_like_a_record_form(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        app.screen.query_one("#goals-list", RecordList).highlighted = 0
        await pilot.press("e")
        await pilot.pause()
        await type_into(pilot, app, "dream_job", "Head of analytics")
        other_session(demo_store.path).apply(
            "q",
            lambda e: e.put(e.plan.profile.replace(dream_job_qualities=("Coaching",))) and None,
        )
        await save(pilot)
        assert not isinstance(app.screen, FormDialog | ConflictDialog)
    profile = other_session(demo_store.path).plan.get("profile", PROFILE_ID)
    assert profile is not None
    assert (profile.dream_job, profile.dream_job_qualities) == ("Head of analytics", ("Coaching",))


# --- with a second real process ---------------------------------------------------------------

RETITLE_SCRIPT = """
import sys
from pop_tui.store.plan_store import PlanStore
store = PlanStore.open(sys.argv[1])
goal = store.plan.goals[int(sys.argv[2])]
store.apply("retitle", lambda e: e.update(goal, title=sys.argv[3]))
"""


def retitle_in_another_process(path: Path, goal_id: int, title: str) -> None:
    subprocess.run(
        [sys.executable, "-c", RETITLE_SCRIPT, str(path), str(goal_id), title],
        check=True,
        timeout=60,
    )


async def test_a_title_saved_by_another_process_is_asked_about(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_goal_form(pilot, app, LEADING)
        await type_into(pilot, app, "title", "Mine")
        await asyncio.to_thread(retitle_in_another_process, demo_store.path, LEADING, "Theirs")
        await save(pilot)
        assert isinstance(app.screen, ConflictDialog)
        assert "Theirs" in conflict_text(app)
        await pilot.press("m")
        await pilot.pause()
    assert other_session(demo_store.path).plan.goals[LEADING].title == "Mine"


async def test_a_shell_done_while_the_step_form_is_open_is_kept(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        await pilot.press("enter")  # the steps of the first action: goal 1's course
        await pilot.pause()
        listing = app.screen.query_one("#steps-list", RecordList)
        ids = [listing.get_option_at_index(i).id for i in range(listing.option_count)]
        listing.highlighted = ids.index("step:2")
        await pilot.press("e")
        await pilot.pause()
        await type_into(pilot, app, "title", "Sign up for the spring course")
        ran = await asyncio.to_thread(pop_process, "done", "2", "--db", str(demo_store.path))
        assert ran.code == 0, ran.err
        await save(pilot)
        assert not isinstance(app.screen, FormDialog | ConflictDialog)
    step = other_session(demo_store.path).plan.steps[2]
    assert step.title == "Sign up for the spring course"  # the form's change
    assert step.done_on == TODAY  # the shell's change
