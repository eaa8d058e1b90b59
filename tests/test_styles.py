"""The stylesheets: the app loads only what every screen shares; each screen names its own."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path, PurePath

from textual.screen import Screen
from textual.widgets import Select
from textual.widgets._select import SelectOverlay

from pop_tui.core.model import Goal
from pop_tui.store.plan_store import PlanStore
from pop_tui.ui.app import PopApp
from pop_tui.ui.keys import import_every_ui_module
from pop_tui.ui.styles import styles_folder, stylesheet


def _subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found.append(sub)
        found.extend(_subclasses(sub))
    return found


def _screen_styles() -> set[PurePath]:
    import_every_ui_module()
    named: set[PurePath] = set()
    for cls in _subclasses(Screen):
        if cls.__module__.startswith("pop_tui.") and cls.CSS_PATH:
            paths = cls.CSS_PATH if isinstance(cls.CSS_PATH, list) else [cls.CSS_PATH]
            named.update(PurePath(p) for p in paths)
    return named


def test_every_stylesheet_is_loaded_by_the_app_or_a_screen() -> None:
    on_disk = {PurePath(p) for p in Path(styles_folder()).glob("*.tcss")}
    app_styles = {PurePath(p) for p in PopApp.CSS_PATH}
    assert app_styles == {stylesheet("app")}
    assert on_disk == app_styles | _screen_styles()


def test_named_stylesheets_exist() -> None:
    for path in _screen_styles():
        assert Path(path).is_file(), path


async def test_a_screen_gets_its_styles_when_first_shown(
    store: PlanStore, make_app: Callable[[PlanStore], PopApp]
) -> None:
    store.apply("add", lambda e: e.add(Goal, title="Learn to lead"))
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        sources = {Path(read_from).name for read_from, _ in app.stylesheet.source}
        assert "app.tcss" in sources and "analysis.tcss" not in sources
        await pilot.press("2")
        await pilot.pause()
        sources = {Path(read_from).name for read_from, _ in app.stylesheet.source}
        assert "analysis.tcss" in sources
        # The SWOT grid's rules apply: two columns at 80 columns.
        assert app.screen.query_one("#swot").styles.grid_size_columns == 2


async def test_a_choice_opens_with_every_option_in_view(
    demo_store: PlanStore, make_app: Callable[[PlanStore], PopApp]
) -> None:
    # Select's drop-down is an OptionList: app.tcss's list rules must not stretch it.
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6")
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        app.screen.query_one(Select).focus()
        await pilot.press("enter")
        await pilot.pause()
        overlay = app.screen.query_one(SelectOverlay)
        assert overlay.display
        choices = overlay.option_count
        assert choices >= 5
        # Every option has a row of its own inside the frame (top and bottom borders).
        assert overlay.region.height == choices + 2
        assert overlay.region.width > 30
