"""A toast never covers a dialog's buttons: over a dialog, toasts show at the top (a dialog's
buttons are at its bottom), and a pile of them stays in the upper half."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Button, Input
from textual.widgets._toast import Toast

from pop_tui.store.plan_store import PlanStore
from pop_tui.ui.app import PopApp
from pop_tui.ui.dialogs.base import Dialog
from pop_tui.ui.keys import import_every_ui_module
from pop_tui.ui.toasts import ToastsRestUnderDialogs
from tests.conftest import TODAY
from tests.screen_keys import SCREENS
from tests.screen_text import screen_text

Snap = Callable[..., bool]
DIALOGS = {
    name: keys
    for name, keys in SCREENS.items()
    if name.endswith(("_form", "_choice", "_delete")) or name in ("checkin", "export", "reschedule")
}
DIALOGS["review_wizard"] = ("6", "r")
MESSAGES = (
    "Could not save: the disk is full. Nothing was lost; try again when there is room.",
    "Reloaded: another session changed the plan.",
    "Nothing to undo.",
)


async def open_dialog(pilot: Pilot[None], keys: tuple[str, ...]) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()
    assert isinstance(pilot.app.screen, Dialog)


async def notify(pilot: Pilot[None], messages: tuple[str, ...]) -> None:
    for message in messages:
        pilot.app.notify(message, severity="error" if "save" in message else "information")
    await pilot.pause()
    await pilot.pause()


async def toasts_over(pilot: Pilot[None], keys: tuple[str, ...], messages: int) -> None:
    await open_dialog(pilot, keys)
    await notify(pilot, MESSAGES[:messages])


def assert_no_button_covered(app: PopApp) -> None:
    toasts = [toast.region for toast in app.screen.query(Toast) if toast.region]
    buttons = {button.id: button.region for button in app.screen.query(Button)}
    assert toasts, "no toast showed"
    covered = [id for id, region in buttons.items() if any(region.overlaps(t) for t in toasts)]
    assert covered == [], (len(toasts), toasts, buttons)
    shown = screen_text(app)
    assert all(str(button.label) in shown for button in app.screen.query(Button))


@pytest.mark.parametrize("size", [(60, 20), (80, 24)], ids=["60x20", "80x24"])
@pytest.mark.parametrize("name", sorted(DIALOGS))
async def test_no_toast_covers_a_button(
    demo_store: PlanStore, name: str, size: tuple[int, int]
) -> None:
    """One toast, then a pile of three: neither covers a button of the dialog."""
    app = PopApp(demo_store, today=lambda: TODAY, guide_empty_plan=False)
    async with app.run_test(size=size, notifications=True) as pilot:
        await open_dialog(pilot, DIALOGS[name])
        await notify(pilot, MESSAGES[:1])
        assert_no_button_covered(app)
        await notify(pilot, MESSAGES[1:])
        assert len(app.screen.query(Toast)) == len(MESSAGES)
        assert_no_button_covered(app)


def test_a_toast_over_the_goal_form_at_60x20_snapshot(
    snap_compare: Snap, demo_store: PlanStore
) -> None:
    # Before: the toast sat in the bottom right corner, over the form's Cancel button.
    app = PopApp(demo_store, today=lambda: TODAY, guide_empty_plan=False)

    async def run_before(pilot: Pilot[None]) -> None:
        await toasts_over(pilot, SCREENS["goal_form"], 1)
        # The same picture at every run, however long the run took: no blinking cursor.
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False

    assert snap_compare(app, terminal_size=(60, 20), run_before=run_before)


def visible_toasts(screen: Screen[object]) -> list[Toast]:
    return [toast for toast in screen.query(Toast) if toast.visible]


@pytest.mark.parametrize("name", ["goal_form", "help", "palette"])
async def test_the_toasts_of_a_covered_screen_rest_until_it_is_uncovered(
    demo_store: PlanStore, name: str
) -> None:
    """The screen under a dialog, the help or the palette shows through it: its toasts
    do not, as the screen on top shows them already."""
    keys = {"goal_form": SCREENS["goal_form"], "help": ("question_mark",), "palette": ("slash",)}
    app = PopApp(demo_store, today=lambda: TODAY, guide_empty_plan=False)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press(*keys[name][:-1])
        await pilot.pause()
        under = app.screen
        await notify(pilot, MESSAGES[1:2])
        assert len(visible_toasts(under)) == 1
        await pilot.press(keys[name][-1])
        await pilot.pause()
        assert app.screen is not under
        assert under.query(Toast) and visible_toasts(under) == []
        # The screen on top has the toast (the palette's list, open, may cover it).
        assert len(visible_toasts(app.screen)) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is under
        assert len(visible_toasts(under)) == 1


def test_every_screen_of_pop_rests_its_toasts_when_covered() -> None:
    import_every_ui_module()
    screens = [
        cls
        for cls in all_subclasses(Screen)
        if cls.__module__.startswith("pop_tui.") and not cls.__name__.startswith("_")
    ]
    assert len(screens) > 10
    assert [cls for cls in screens if not issubclass(cls, ToastsRestUnderDialogs)] == []


def all_subclasses(cls: type[object]) -> set[type[object]]:
    found = set(cls.__subclasses__())
    for sub in list(found):
        found |= all_subclasses(sub)
    return found
