"""The check-in dialog in the TUI: a few keys, one change, one undo; and the dashboard's line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Input, OptionList, Static

from pop_tui.core.model import CheckIn
from pop_tui.core.ops import complete_step
from pop_tui.store.plan_store import PlanStore
from pop_tui.ui.app import PopApp
from pop_tui.ui.screens.checkin import CheckInScreen, CheckList, MoodPicker
from tests.conftest import TODAY

MakeApp = Callable[[PlanStore], PopApp]
NOTE = "Asked Kim for feedback"


def typed(text: str) -> list[str]:
    """The key presses that type ``text``."""
    return ["space" if c == " " else c for c in text]


def todays(store_path: Path) -> list[CheckIn]:
    return [c for c in PlanStore.open(store_path).plan.checkins.values() if c.on == TODAY]


def listed(app: PopApp) -> list[str]:
    steps = app.screen.query_one(CheckList)
    return [str(steps.get_option_at_index(i).prompt) for i in range(steps.option_count)]


async def test_checkin_with_one_step_done_and_a_note_takes_at_most_six_keys(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    # Open, move to the second step, tick it, go to the note, (the note), save.
    keys = ["c", "down", "space", "tab", NOTE, "enter"]
    counted = [k for k in keys if k != NOTE]
    assert len(counted) <= 6
    async with app.run_test(size=(80, 24)) as pilot:
        for key in keys:
            await pilot.press(*(typed(key) if key == NOTE else [key]))
            await pilot.pause()
        assert not isinstance(app.screen, CheckInScreen)
    [record] = todays(demo_store.path)
    assert (record.note, record.step_ids, record.mood) == (NOTE, (2,), None)
    assert PlanStore.open(demo_store.path).plan.steps[2].done_on == TODAY
    # The shortest way, ticking the first (oldest) step, takes four.
    assert len(["c", "space", "tab", "enter"]) == 4


async def test_the_oldest_step_is_ticked_with_four_keys(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("space", "tab", *typed("done"), "enter")
        await pilot.pause()
    [record] = todays(demo_store.path)
    assert (record.note, record.step_ids) == ("done", (13,))


async def test_dialog_lists_overdue_and_todays_open_steps_only(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        rows = listed(app)
        assert [r.split("  ")[0] for r in rows] == ["[ ] 9 d late", "[ ] 6 d late", "[ ] 2 d late"]
        assert "Module 2: pivot tables · Spreadsheet skills" in rows[0]
        assert not any("Find an online course" in r for r in rows)  # due in 3 days
        await pilot.press("space")
        await pilot.pause()
        assert listed(app)[0].startswith("[x] ")
        await pilot.press("space")
        await pilot.pause()
        assert listed(app)[0].startswith("[ ] ")


async def test_escape_cancels_and_changes_nothing(demo_store: PlanStore, make_app: MakeApp) -> None:
    before = demo_store.path.read_bytes()
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("space", "3", "tab", *typed("never mind"), "escape")
        await pilot.pause()
        assert not isinstance(app.screen, CheckInScreen)
    assert demo_store.path.read_bytes() == before


async def test_mood_keys_set_it_the_same_key_clears_it_and_arrows_move_it(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CheckInScreen)
        await pilot.press("4")
        assert screen.mood == 4
        await pilot.press("4")
        assert screen.mood is None
        await pilot.press("2")
        # Digits typed in the note are text, not a mood.
        await pilot.press("tab", "5")
        assert screen.query_one(Input).value == "5"
        assert screen.mood == 2
        await pilot.press("tab")
        assert isinstance(app.focused, MoodPicker)
        await pilot.press("right", "right", "left")
        assert screen.mood == 3
        await pilot.pause()
        assert "[3]" in str(screen.query_one(MoodPicker).render())
        await pilot.press("enter")
        await pilot.pause()
    [record] = todays(demo_store.path)
    assert (record.mood, record.note, record.step_ids) == (3, "5", ())


async def test_one_undo_reverts_the_whole_checkin(demo_store: PlanStore, make_app: MakeApp) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("space", "down", "space", "5", "tab", *typed("two done"), "enter")
        await pilot.pause()
        plan = app.store.plan
        assert plan.steps[13].done_on == TODAY and plan.steps[2].done_on == TODAY
        await pilot.press("u")
        await pilot.pause()
    plan = PlanStore.open(demo_store.path).plan
    assert todays(demo_store.path) == []
    assert plan.steps[13].done_on is None and plan.steps[2].done_on is None


async def test_checkin_on_an_empty_plan_starts_in_the_note(
    store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert listed(app) == ["  Nothing due today or overdue."]
        assert isinstance(app.focused, Input)
        await pilot.press(*typed("first day"), "enter")
        await pilot.pause()
    [record] = todays(store.path)
    assert record.note == "first day"


async def test_a_step_finished_elsewhere_meanwhile_does_not_spoil_the_checkin(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("space")
        # Another session (same file, other store) finishes the ticked step first.
        other = PlanStore.open(demo_store.path)
        other.apply("elsewhere", lambda e: complete_step(e, 13, TODAY))
        await pilot.press("enter")
        await app.workers.wait_for_complete()  # the changed file is read again in a worker
        await pilot.pause()
        # Nothing is left to record: refused as an empty check-in, the dialog stays.
        assert isinstance(app.screen, CheckInScreen)
    assert todays(demo_store.path) == []


async def test_an_empty_checkin_is_refused_with_the_shells_words(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    before = demo_store.path.read_bytes()
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        shown = [str(n.message) for n in app._notifications]
        assert any("Nothing to check in: a note, a mood" in m for m in shown)
    assert demo_store.path.read_bytes() == before


async def test_checkin_key_is_an_app_binding_with_an_id(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)):
        ids = {b.binding.id: key for key, b in app.screen.active_bindings.items()}
        assert ids.get("app.checkin") == "c"


async def test_dashboard_shows_last_checkin_and_streak_and_follows_a_new_one(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(100, 24)) as pilot:
        line = app.screen.query_one("#checkin-summary", Static)
        assert str(line.render()).startswith("Last check-in: yesterday · mood 4/5 · streak 3 days")
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("2", "enter")
        await pilot.pause()
        assert str(line.render()) == "Last check-in: today · mood 2/5 · streak 4 days"
        assert app.screen.query_one(OptionList).has_focus


async def test_dashboard_of_an_empty_plan_says_there_is_no_checkin_yet(
    store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)):
        assert str(app.screen.query_one("#checkin-summary", Static).render()) == "No check-in yet."


def test_checkin_dialog_snapshot_80x24(
    snap_compare: Callable[..., bool], demo_store: PlanStore
) -> None:
    app = PopApp(demo_store, today=lambda: TODAY)
    assert snap_compare(app, terminal_size=(80, 24), press=["c", "down", "space", "4"])


def test_checkin_dialog_snapshot_60x20(
    snap_compare: Callable[..., bool], demo_store: PlanStore
) -> None:
    app = PopApp(demo_store, today=lambda: TODAY)
    assert snap_compare(app, terminal_size=(60, 20), press=["c", "space", "tab", *typed("Good")])


async def test_a_second_checkin_today_says_the_first_is_kept(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    demo_store.apply("shell", lambda e: e.add(CheckIn, on=TODAY, note="from the shell"))
    app = make_app(demo_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        title = str(app.screen.query_one("#checkin-body").border_title)
        assert "already checked in today" in title


async def test_the_first_checkin_of_the_day_has_a_plain_title(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        title = str(app.screen.query_one("#checkin-body").border_title)
        assert "Check-in · Sun 29 Nov 2026" in title and "already" not in title
