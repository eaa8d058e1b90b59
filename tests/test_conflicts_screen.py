"""The conflicts a sync leaves, as the person sees and resolves them in the TUI.

The plans are made with Edit and Conflict records (tests/conflict_plans.py); the
git side is tested with the sync. Each resolution is one change that ``u`` undoes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot

from pop_tui.core import conflict_entry, conflicts
from pop_tui.core.edit import Edit
from pop_tui.core.model import Conflict
from pop_tui.core.rules import RuleError
from pop_tui.core.texts import set_language, t
from pop_tui.store.plan_store import PlanStore
from pop_tui.ui.app import PopApp
from pop_tui.ui.dialogs.form import FormDialog
from pop_tui.ui.screens.conflicts import ConflictsScreen
from pop_tui.ui.screens.dashboard import DashboardScreen
from pop_tui.ui.widgets.record_list import RecordList
from tests.conflict_plans import (
    DATED_STEP,
    DELETED_STEP,
    GOAL,
    HERE,
    MARKUP,
    THERE,
    conflict_store,
)
from tests.conftest import TODAY
from tests.screen_text import screen_text

MakeApp = Callable[[PlanStore], PopApp]
Snap = Callable[..., bool]


@pytest.fixture
def conflicted(plan_path: Path) -> PlanStore:
    return conflict_store(plan_path, synced="2026-11-29T08:05:00")


def on_disk(store: PlanStore) -> PlanStore:
    return PlanStore.open(store.path)


def open_ids(store: PlanStore) -> list[int]:
    return sorted(on_disk(store).plan.table(Conflict))


async def open_conflicts(pilot: Pilot[None], at: int | None = None) -> ConflictsScreen:
    await pilot.press("r")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ConflictsScreen)
    if at is not None:
        listing = screen.query_one(RecordList)
        ids = [listing.get_option_at_index(i).id for i in range(listing.option_count)]
        listing.highlighted = ids.index(f"conflict:{at}")
        await pilot.pause()
    return screen


# --- the core ----------------------------------------------------------------------


def view_of(store: PlanStore, id: int) -> conflicts.ConflictView:
    return next(c for c in conflicts.open_conflicts(store.plan) if c.id == id)


def about(table: str, field: str) -> conflicts.ConflictView:
    """A conflict about ``field`` of a record of ``table`` (for reading typed values)."""
    return conflicts.ConflictView(0, table, 1, "", field, field, ())


def test_mine_is_the_side_of_this_device(conflicted: PlanStore) -> None:
    found = view_of(conflicted, 1)
    assert conflict_entry.mine_side(found, HERE) == 1
    assert conflict_entry.theirs_side(found, HERE) == 0
    assert conflict_entry.mine_side(found, "phone") is None


def test_a_typed_value_is_read_as_its_field_is() -> None:
    read = conflict_entry.read_typed
    assert read(about("steps", "due"), "+2d", TODAY) == "2026-12-01"
    assert read(about("goals", "target"), "2,5", TODAY) == 2.5
    assert read(about("goals", "kind"), "personal", TODAY) == "personal"
    assert read(about("profile", "dream_job_qualities"), "a; b", TODAY) == ["a", "b"]
    with pytest.raises(ValueError, match="Choose one of"):
        read(about("goals", "kind"), "hobby", TODAY)
    with pytest.raises(ValueError, match="not typed"):
        read(about("steps", "goal_id"), "3", TODAY)


def test_a_value_the_rules_refuse_changes_nothing(conflicted: PlanStore) -> None:
    before = conflicted.path.read_bytes()
    with pytest.raises(RuleError):
        conflicted.apply("x", lambda edit: conflicts.set_value(edit, 1, ""))
    assert conflicted.path.read_bytes() == before
    assert sorted(conflicted.plan.table(Conflict)) == [1, 2, 3]


def test_deleting_a_record_takes_the_conflicts_about_what_went_with_it() -> None:
    from pop_tui.core.model import Plan
    from tests.conflict_plans import add_conflicts

    plan = Plan()
    edit = Edit(plan)
    from pop_tui.core.demo import populate_demo

    populate_demo(edit, TODAY, "en")
    add_conflicts(edit)
    goal_edit = Edit(plan)
    goal_edit.add(
        Conflict, table="goals", record_id=GOAL, field="", record_key="g1x", sides=(), shown=0
    )
    conflicts.delete_record(goal_edit, 4)
    assert GOAL not in plan.goals and DATED_STEP not in plan.steps
    # Every conflict was about the goal or one of its steps: none is left.
    assert not plan.table(Conflict)


# --- the dashboard -------------------------------------------------------------------


async def test_dashboard_lists_each_conflict_with_both_values_devices_and_times(
    conflicted: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(conflicted)
    async with app.run_test(size=(100, 40)):
        text = screen_text(app)
    assert "Conflicts from syncing: 3 to resolve (r)" in text
    assert "goal 1: Get better at leading people · title" in text
    assert "Get better at leading people  (desktop · Sat 28 Nov 2026 18:12)" in text
    # User text is data: the brackets are shown as typed, not read as markup.
    assert f"{MARKUP}  (laptop, this device · Sun 29 Nov 2026 08:05)" in text
    assert "step 1: Find a suitable course · deleted on one device, changed on the other" in text
    assert "synced today 08:05" in text
    assert "r Conflicts" in text


async def test_a_plan_that_never_synced_and_has_no_conflicts_shows_nothing_of_it(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(100, 40)):
        text = screen_text(app)
    assert "onflict" not in text and "synced" not in text


async def test_enter_on_a_conflict_opens_the_conflicts_screen_on_it(
    conflicted: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(conflicted)
    async with app.run_test(size=(80, 24)) as pilot:
        dashboard = app.screen
        assert isinstance(dashboard, DashboardScreen)
        assert dashboard.reveal("conflict:2")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConflictsScreen)
        assert app.screen.query_one(RecordList).highlighted_id == "conflict:2"


# --- resolving ---------------------------------------------------------------------


async def test_mine_keeps_this_devices_value_and_undo_brings_the_conflict_back(
    conflicted: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(conflicted)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_conflicts(pilot, at=1)
        await pilot.press("m")
        await pilot.pause()
        assert on_disk(conflicted).plan.goals[GOAL].title == MARKUP
        assert open_ids(conflicted) == [2, 3]
        await pilot.press("u")
        await pilot.pause()
        assert on_disk(conflicted).plan.goals[GOAL].title == "Get better at leading people"
        assert open_ids(conflicted) == [1, 2, 3]
        assert app.screen.query_one(RecordList).option_count == 3


async def test_theirs_keeps_the_other_devices_date(
    conflicted: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(conflicted)
    conflicted.apply("mine first", lambda edit: conflicts.choose_side(edit, 2, 1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("u")  # the date back to what the plan showed, the conflict back
        await pilot.pause()
        await open_conflicts(pilot, at=2)
        await pilot.press("t")
        await pilot.pause()
    plan = on_disk(conflicted).plan
    assert plan.steps[DATED_STEP].due == date(2026, 11, 23)
    assert 2 not in plan.table(Conflict)


async def test_edit_gives_a_new_value_and_a_bad_one_is_refused_at_the_field(
    conflicted: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(conflicted)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_conflicts(pilot, at=2)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        before = conflicted.path.read_bytes()
        await pilot.press("ctrl+u", *"not a day", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)  # still open, saying why
        assert "not a day" in screen_text(app)
        assert conflicted.path.read_bytes() == before
        await pilot.press("ctrl+u", *"2026-12-24", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConflictsScreen)
    plan = on_disk(conflicted).plan
    assert plan.steps[DATED_STEP].due == date(2026, 12, 24)
    assert sorted(plan.table(Conflict)) == [1, 3]


async def test_an_empty_title_is_refused_and_nothing_changes(
    conflicted: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(conflicted)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_conflicts(pilot, at=1)
        await pilot.press("e")
        await pilot.pause()
        before = conflicted.path.read_bytes()
        await pilot.press("ctrl+u", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert "This cannot be empty." in screen_text(app)
        assert conflicted.path.read_bytes() == before


async def test_keep_and_delete_for_a_record_deleted_on_the_other_device(
    conflicted: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(conflicted)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_conflicts(pilot, at=3)
        assert screen.check_action("edit", ()) is False
        assert screen.check_action("keep", ()) is True
        await pilot.press("K")
        await pilot.pause()
        plan = on_disk(conflicted).plan
        assert DELETED_STEP in plan.steps and 3 not in plan.table(Conflict)
        await pilot.press("u")
        await pilot.pause()
        assert open_ids(conflicted) == [1, 2, 3]
        listing = screen.query_one(RecordList)
        listing.highlighted = 2
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
    plan = on_disk(conflicted).plan
    assert DELETED_STEP not in plan.steps and 3 not in plan.table(Conflict)


async def test_with_no_side_from_this_device_mine_says_how_to_choose(
    plan_path: Path, make_app: MakeApp
) -> None:
    from pop_tui.store.local import name_device

    store = conflict_store(plan_path)
    name_device(store.path, "phone")
    store = PlanStore.open(plan_path)
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_conflicts(pilot, at=1)
        before = store.path.read_bytes()
        await pilot.press("m")
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert any("Neither value is from this device (phone)" in m for m in said), said
        assert store.path.read_bytes() == before
        assert THERE in screen_text(app)


async def test_with_no_conflict_left_the_bar_shows_no_key_that_resolves_one(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(ConflictsScreen())
        await pilot.pause()
        shown = screen_text(app)
    bar = shown.splitlines()[-1]
    assert t("conflicts.none") in shown
    assert t("conflicts.key.back") in bar
    for key in ("mine", "theirs", "edit", "keep", "delete"):
        assert t(f"conflicts.key.{key}") not in bar


async def test_the_palette_opens_the_conflicts(conflicted: PlanStore, make_app: MakeApp) -> None:
    app = make_app(conflicted)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"resolve conf", "enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ConflictsScreen)


# --- how it looks ------------------------------------------------------------------------

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((60, 20), id="60x20")]


@pytest.mark.parametrize("size", SIZES)
def test_dashboard_with_conflicts_snapshot(
    snap_compare: Snap, plan_path: Path, size: tuple[int, int]
) -> None:
    store = conflict_store(plan_path, synced="2026-11-29T08:05:00")
    app = PopApp(store, today=lambda: TODAY, guide_empty_plan=False)
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_conflicts_screen_snapshot(
    snap_compare: Snap, plan_path: Path, size: tuple[int, int]
) -> None:
    store = conflict_store(plan_path, synced="2026-11-29T08:05:00")
    app = PopApp(store, today=lambda: TODAY, guide_empty_plan=False)
    assert snap_compare(app, terminal_size=size, press=["r"])


def test_dutch_conflicts_screen_snapshot(snap_compare: Snap, plan_path: Path) -> None:
    set_language("nl")
    store = conflict_store(plan_path, "nl", synced="2026-11-28T21:40:00")
    app = PopApp(store, today=lambda: TODAY, guide_empty_plan=False)
    assert snap_compare(app, terminal_size=(80, 24), press=["r"])


# --- a conflict as the merge makes it ---------------------------------------------------


def test_a_conflict_from_the_merge_is_shown_resolved_and_undone(tmp_path: Path) -> None:
    from pop_tui.store.local import name_device
    from pop_tui.store.plan_file import parse
    from tests.pop_shell import copy_plan

    laptop_path = tmp_path / "laptop" / "plan.json"
    desktop_path = tmp_path / "desktop" / "plan.json"
    laptop = conflict_store(laptop_path)
    laptop.apply("clear", lambda edit: [edit.delete(c) for c in open_conflicts_of(edit)])
    desktop_path.parent.mkdir()
    copy_plan(laptop_path, desktop_path)
    name_device(desktop_path, THERE)
    base = parse("base", laptop_path.read_bytes())
    desktop = PlanStore.open(desktop_path)
    for store, title in ((laptop, "Lead a team"), (desktop, "Coach a team")):
        store.apply("rename", lambda edit, t=title: edit.update(edit.plan.goals[GOAL], title=t))
    laptop.merge_in(parse("desktop", desktop_path.read_bytes()), base)
    (found,) = conflicts.open_conflicts(laptop.plan)
    assert (found.title, found.label) == (f"goal {GOAL}: {laptop.plan.goals[GOAL].title}", "title")
    mine = conflict_entry.mine_side(found, HERE)
    assert mine is not None
    assert sorted((s.device, s.value, n == mine) for n, s in enumerate(found.sides)) == [
        (THERE, "Coach a team", False),
        (HERE, "Lead a team", True),
    ]
    laptop.apply(
        conflict_entry.side_label(found, mine), lambda e: conflicts.choose_side(e, found.id, mine)
    )
    assert laptop.plan.goals[GOAL].title == "Lead a team" and not laptop.plan.table(Conflict)
    laptop.undo()
    assert laptop.plan.table(Conflict)


def open_conflicts_of(edit: Edit) -> list[Conflict]:
    return list(edit.plan.table(Conflict).values())
