"""Plan periods in the app: the list (evaluation `p`, palette), an earlier period read-only,
and starting a new period with a preview, undone with `u`."""

from __future__ import annotations

import string
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from pop_tui.core.edit import Edit
from pop_tui.core.model import Goal, Period, Reflection, Step
from pop_tui.core.period_preview import preview_period
from pop_tui.core.periods import archived_periods, current_period, start_period
from pop_tui.store.plan_store import PlanStore
from pop_tui.ui.app import PopApp
from pop_tui.ui.dialogs.confirm import ConfirmDialog
from pop_tui.ui.dialogs.export import ExportDialog
from pop_tui.ui.dialogs.new_period import NewPeriodDialog
from pop_tui.ui.screens.archive import ArchiveScreen
from pop_tui.ui.screens.periods import PeriodsScreen
from pop_tui.ui.widgets.pack_view import Hanging, PackView
from tests.conftest import TODAY
from tests.keyboard import type_text
from tests.screen_text import screen_text

MakeApp = Callable[[PlanStore], PopApp]
Snap = Callable[..., bool]

OLD_GOAL = "Present the quarterly figures"
OLD_STEP = "Rehearse with a colleague"
OLD_LEARNED = "Practising aloud twice took the nerves away"
NEW_GOAL = "A goal of the new period"
HOSTILE = "[bold]x[/bold] [@click=app.quit]boom\x1b[31mred"


def archive_a_period(store: PlanStore, title: str = OLD_GOAL) -> None:
    """A reached goal with a done step and a reflection, then period 2027 started; the
    current plan then gets a goal of its own."""

    def reached(edit: Edit) -> None:
        goal = edit.add(
            Goal,
            title=title,
            status="done",
            specific="Present the figures in the team meeting without notes",
            metric="presentations given",
            unit="times",
            baseline=0,
            current=3,
            target=3,
            why_me="I want to speak up more",
            means="Two hours a month with my manager",
            deadline=date(2026, 10, 31),
            created=date(2026, 2, 1),
        )
        step = edit.add(Step, goal_id=goal.id, title=OLD_STEP, done_on=date(2026, 9, 1))
        edit.add(
            Reflection, goal_id=goal.id, step_id=step.id, on=date(2026, 9, 2), learned=OLD_LEARNED
        )

    store.apply("reached", reached)
    store.apply("period", lambda edit: start_period(edit, "2027", TODAY))
    store.apply("new goal", lambda edit: edit.add(Goal, title=NEW_GOAL, created=TODAY))


async def open_periods(pilot: Pilot[None]) -> PeriodsScreen:
    await pilot.press("6")
    await pilot.pause()
    await pilot.press("p")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, PeriodsScreen)
    return screen


async def open_archive(pilot: Pilot[None]) -> ArchiveScreen:
    await open_periods(pilot)
    await pilot.press("enter")  # the cursor starts on the oldest period
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ArchiveScreen)
    return screen


def pack_text(screen: ArchiveScreen) -> str:
    def plain(shown: object) -> str:
        if isinstance(shown, Hanging):
            shown = shown.content
        return shown.plain if isinstance(shown, Content) else str(shown)

    return "\n".join(plain(static.content) for static in screen.query_one(PackView).query(Static))


# --- the list ------------------------------------------------------------------------


async def test_without_periods_the_screen_says_so_and_how_to_start_one(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_periods(pilot)
        shown = screen_text(app)
    assert "No earlier periods yet. Press n" in shown
    assert "pop period new NAME" in shown


async def test_the_list_shows_each_period_with_dates_goals_and_the_current_one_marked(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    archive_a_period(demo_store)
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_periods(pilot)
        shown = screen_text(app)
    assert "No earlier periods" not in shown
    old = next(line for line in shown.splitlines() if "2026 " in line and "–" in line)
    assert "1 Feb 2026 – 29 Nov 2026" in old and "7 goals, 1 reached" in old
    current = next(line for line in shown.splitlines() if "2027" in line and "current" in line)
    assert "●" in current and "since 29 Nov 2026" in current and "7 goals, 0 reached" in current


async def test_the_palette_opens_the_periods(demo_store: PlanStore, make_app: MakeApp) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        await type_text(pilot, "plan periods")
        await pilot.pause(0.3)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PeriodsScreen)
        assert app.current_mode == "evaluation"


# --- an earlier period, read-only ------------------------------------------------------


async def test_an_earlier_period_shows_its_plan_as_it_was_and_not_the_current_one(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    archive_a_period(demo_store)
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_archive(pilot)
        text = pack_text(screen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PeriodsScreen)
    assert OLD_GOAL in text
    assert "Specific: Present the figures in the team meeting without notes" in text
    assert "presentations given (in times): start 0 → now 3 → target 3" in text
    assert "Realistic: Two hours a month with my manager" in text
    assert "Time-bound: deadline Sat 31 Oct 2026" in text
    assert f"✓ {OLD_STEP}" in text
    assert f"What I learned: {OLD_LEARNED}" in text
    assert NEW_GOAL not in text


def test_wrapped_lines_of_a_bullet_or_a_field_continue_under_its_text() -> None:
    bullet = Hanging(Content("• one two three\nfour"), 2)
    assert [line.plain for line in bullet.lines(9)] == ["• one two", "  three", "  four"]
    field = Hanging(Content("Label: a long value"), 2)
    assert [line.plain for line in field.lines(12)] == ["Label: a", "  long value"]


async def test_the_archive_shows_the_period_s_dates_under_a_short_title(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    archive_a_period(demo_store)
    app = make_app(demo_store)
    async with app.run_test(size=(60, 20)) as pilot:
        await open_archive(pilot)
        shown = screen_text(app)
    assert "Period 2026 (read-only)" in shown
    assert "1 Feb 2026 – 29 Nov 2026: the plan as it was" in shown


async def test_markup_and_escape_characters_in_an_archived_goal_show_as_typed(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    archive_a_period(demo_store, title=HOSTILE)
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_archive(pilot)
        heading = next(
            s
            for s in screen.query_one(PackView).query(Static)
            if isinstance(s.content, Content) and "boom" in s.content.plain
        )
        screen.query_one(PackView).scroll_to_widget(heading, animate=False, top=True)
        await pilot.pause()
        shown = screen_text(app)
        assert app.is_running  # the [@click=app.quit] did nothing
    assert "[bold]x[/bold] [@click=app.quit]boom␛[31mred" in shown


async def test_no_key_in_the_archive_view_changes_the_plan_file(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    archive_a_period(demo_store)
    path = demo_store.path
    before = path.read_bytes()
    app = make_app(demo_store)
    # The app's own keys work as everywhere, on the current plan: quit, undo, check in.
    app_keys = {"q", "u", "c"}
    keys = [k for k in string.ascii_letters if k not in app_keys]
    keys += ["space", "enter", "delete", "backspace", "f2", "ctrl+s", "ctrl+d", "insert"]
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_archive(pilot)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
            # x opens the export form over the view: close whatever opened.
            while app.screen is not view:
                app.pop_screen()
                await pilot.pause()
    assert path.read_bytes() == before


def test_the_archive_view_binds_only_reading_scrolling_exporting_and_going_back() -> None:
    actions = {
        b.action for cls in (ArchiveScreen, PackView) for b in cls.BINDINGS if hasattr(b, "action")
    }
    assert actions == {
        "export",
        "back",
        "scroll_down",
        "scroll_up",
        "page_down",
        "page_up",
        "scroll_home",
        "scroll_end",
    }


async def test_the_view_scrolls_with_the_keyboard(demo_store: PlanStore, make_app: MakeApp) -> None:
    archive_a_period(demo_store)
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_archive(pilot)
        pack = screen.query_one(PackView)
        await pilot.press("j", "j")
        assert pack.scroll_target_y == 2
        await pilot.press("k")
        assert pack.scroll_target_y == 1
        await pilot.press("end")
        await pilot.pause()
        assert pack.scroll_y == pack.max_scroll_y > 0
        await pilot.press("pageup")
        await pilot.pause()
        assert pack.scroll_y < pack.max_scroll_y
        await pilot.press("home")
        await pilot.pause()
        assert pack.scroll_y == 0


async def test_undoing_the_start_of_the_period_closes_its_view(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    demo_store.apply("period", lambda edit: start_period(edit, "2027", TODAY))
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_archive(pilot)
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, PeriodsScreen)
        assert "No earlier periods yet" in screen_text(app)


async def test_x_in_the_view_exports_that_period(
    demo_store: PlanStore, make_app: MakeApp, tmp_path: Path
) -> None:
    archive_a_period(demo_store)
    out = tmp_path / "old.md"
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_archive(pilot)
        await pilot.press("x")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.raw("period") == "2026"
        dialog.query_one("#field-format", Select).value = "md"
        dialog.query_one("#field-file", Input).value = str(out)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, ArchiveScreen)
    text = out.read_text(encoding="utf-8")
    assert "Period 2026" in text and OLD_GOAL in text and NEW_GOAL not in text


# --- starting a new period -------------------------------------------------------------


async def test_n_starts_a_new_period_after_showing_what_happens_and_u_takes_it_back(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    before = demo_store.plan
    active = {g.id for g in before.goals.values() if g.status == "active"}
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_periods(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NewPeriodDialog)
        await pilot.press("enter")  # the suggested name, 2027, is filled in
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        shown = screen_text(app)
        assert "2026 is kept read-only, 2027 starts on Sun 29 Nov 2026." in shown
        assert "Start 2027 (y)" in shown and "Don't start (n)" in shown
        assert f"{len(active)} active goals" in shown
        assert demo_store.plan == before  # nothing changed before the yes
        await pilot.press("y")
        await pilot.pause()
        plan = demo_store.plan
        assert [p.name for p in archived_periods(plan)] == ["2026"]
        current = current_period(plan)
        assert current is not None and current.name == "2027"
        assert set(plan.goals) == active
        assert all(s.goal_id in active for s in plan.steps.values())
        assert "2026" in screen_text(app)
        await pilot.press("u")
        await pilot.pause()
        assert demo_store.plan == before
        assert "No earlier periods yet" in screen_text(app)


async def test_a_name_already_taken_is_refused_at_its_field(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    archive_a_period(demo_store)
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_periods(pilot)
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#field-name", Input).value = "2026"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NewPeriodDialog)
        assert "There is already a period called '2026'; choose another" in screen_text(app)
        assert "name." in screen_text(app)
    assert len(demo_store.plan.table(Period)) == 2


async def test_the_new_period_form_fills_in_the_name_after_the_current_one(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    archive_a_period(demo_store)  # now in 2027
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_periods(pilot)
        await pilot.press("n")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, NewPeriodDialog)
        assert dialog.query_one("#field-name", Input).value == "2028"
        assert "f2 Next" in screen_text(app)  # the key bar names the save key as the button
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "2028 starts on" in screen_text(app)


async def test_naming_the_first_new_period_after_this_year_keeps_the_plan_under_its_months(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_periods(pilot)
        await pilot.press("n")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, NewPeriodDialog)
        old = dialog.query_one("#field-archive_as", Input)
        assert old.value == "" and old.placeholder == "2026"
        await pilot.press("ctrl+u", *"2026")  # the suggested 2027 replaced by this year
        await pilot.pause()
        # The empty field says the name the current plan will be kept under.
        assert old.placeholder == "Aug-Nov 2026"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Aug-Nov 2026 is kept read-only, 2026 starts on" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        assert [p.name for p in archived_periods(demo_store.plan)] == ["Aug-Nov 2026"]
        shown = screen_text(app)
        assert "Aug-Nov 2026  1 Aug 2026 – 29 Nov 2026" in shown and "2026 (2)" not in shown


def test_the_preview_says_what_starting_the_period_then_does(demo_store: PlanStore) -> None:
    archive_a_period(demo_store)
    plan = demo_store.plan
    preview = preview_period(plan, "2028", TODAY)
    assert demo_store.plan == plan  # the preview changes nothing
    demo_store.apply("next", lambda edit: start_period(edit, "2028", TODAY))
    after = demo_store.plan
    assert preview.old_name == "2027" and preview.new_name == "2028"
    assert preview.goals_carried == len(after.goals)
    assert preview.steps_carried == sum(1 for s in after.steps.values() if not s.done)
    assert preview.goals_left == len(plan.goals) - len(after.goals)


# --- snapshots ---------------------------------------------------------------------------

SIZES = pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=["80x24", "60x20"])


def _keys(*keys: str) -> Callable[[Pilot[None]], object]:
    async def run_before(pilot: Pilot[None]) -> None:
        for key in keys:
            await pilot.press(key)
            await pilot.pause()

    return run_before


@SIZES
def test_periods_snapshot(snap_compare: Snap, demo_store: PlanStore, size: tuple[int, int]) -> None:
    archive_a_period(demo_store)
    app = PopApp(demo_store, today=lambda: TODAY, guide_empty_plan=False)
    assert snap_compare(app, terminal_size=size, run_before=_keys("6", "p"))


@SIZES
def test_archive_view_snapshot(
    snap_compare: Snap, demo_store: PlanStore, size: tuple[int, int]
) -> None:
    archive_a_period(demo_store)
    app = PopApp(demo_store, today=lambda: TODAY, guide_empty_plan=False)
    assert snap_compare(app, terminal_size=size, run_before=_keys("6", "p", "enter"))
