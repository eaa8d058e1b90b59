"""Small and plain terminals: every screen fits 80x24 and 60x20 without sideways
scrolling, a window too small says so and recovers, NO_COLOR uses the terminal's own
colours, no animations, and the chosen theme is remembered."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.filter import Monochrome, NoColor
from textual.widget import Widget
from textual.widgets import Input

from pop_tui.core.texts import set_language
from pop_tui.store.plan_store import PlanStore
from pop_tui.ui.app import PopApp
from pop_tui.ui.screens.dashboard import DashboardScreen
from pop_tui.ui.screens.too_small import TooSmallScreen
from pop_tui.ui.settings import read_settings, remember, settings_path
from tests.screen_keys import SCREENS
from tests.screen_text import screen_text

MakeApp = Callable[[PlanStore], PopApp]


def overflowing(widget: Widget, width: int) -> bool:
    """True when ``widget`` scrolls sideways or reaches past the window's right edge
    (a text field may scroll its own text: that is how a long line is typed)."""
    if isinstance(widget, Input):
        return widget.region.right > width
    scrolls = widget.is_scrollable and widget.show_horizontal_scrollbar and widget.max_scroll_x > 0
    return scrolls or widget.region.right > width


@pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
@pytest.mark.parametrize("name", list(SCREENS))
async def test_every_screen_fits_without_sideways_scrolling(
    demo_store: PlanStore, make_app: MakeApp, name: str, size: tuple[int, int]
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=size) as pilot:
        for key in SCREENS[name]:
            await pilot.press(key)
            await pilot.pause()
        assert not isinstance(app.screen, TooSmallScreen)
        shown = [w for w in app.screen.walk_children(Widget) if w.display and w.region]
        wide = [w for w in shown if overflowing(w, size[0])]
    assert wide == []


async def test_a_window_too_small_says_so_and_pop_carries_on_when_it_grows(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    set_language("nl")
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "j", "e")  # a form open when the window shrinks
        await pilot.pause()
        form = app.screen
        await pilot.resize_terminal(40, 15)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        text = screen_text(app)
        assert "Dit venster is te klein voor pop" in text
        assert "40×15" in text and "50×16" in text
        await pilot.press("escape", "2")  # no key reaches the screens underneath
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert app.screen is form
        assert app.current_mode == "goals"


async def test_starting_in_a_small_window_shows_the_notice_first(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(40, 15)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)


async def test_no_color_uses_the_terminal_s_colours_not_grey_ones(
    demo_store: PlanStore, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(demo_store)
    assert any(isinstance(f, NoColor) for f in app._filters)
    assert not any(isinstance(f, Monochrome) for f in app._filters)


def test_there_are_no_animations_unless_textual_is_told_otherwise(
    demo_store: PlanStore, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert make_app(demo_store).animation_level == "none"
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "full")
    assert make_app(demo_store).animation_level != "none"


def test_the_theme_remembered_is_used_at_the_next_start(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    remember(settings_path(), "theme", "gruvbox")
    assert make_app(demo_store).theme == "gruvbox"


def test_a_settings_file_pop_cannot_use_counts_as_none(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text('theme = "no such theme"\n', encoding="utf-8")
    assert make_app(demo_store).theme == "textual-dark"
    path.write_text("theme = [", encoding="utf-8")
    assert read_settings(path) == {}
    assert make_app(demo_store).theme == "textual-dark"


def test_remembering_keeps_the_other_settings_and_quotes_any_text() -> None:
    path = settings_path()
    remember(path, "other", 'a "quoted" \\ value')
    remember(path, "theme", "nord")
    assert read_settings(path) == {"other": 'a "quoted" \\ value', "theme": "nord"}
