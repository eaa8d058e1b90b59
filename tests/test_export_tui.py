"""Exporting from the app: `x` opens the export form; saving writes a private file."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input, Select

from pop_tui.core.export import with_extension
from pop_tui.core.periods import start_period
from pop_tui.store.plan_store import PlanStore
from pop_tui.ui.app import PopApp
from pop_tui.ui.dialogs.export import CURRENT, ExportDialog, default_path
from tests.conftest import TODAY
from tests.screen_text import screen_text


async def test_x_exports_the_plan_to_a_private_file(
    demo_store: PlanStore, make_app: Callable[[PlanStore], PopApp], tmp_path: Path
) -> None:
    app = make_app(demo_store)
    out = tmp_path / "pack.html"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        app.screen.query_one("#field-file", Input).value = str(out)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
    assert out.read_text().startswith("<!DOCTYPE html>")
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600


async def test_an_existing_file_is_kept_unless_overwrite_is_chosen(
    demo_store: PlanStore, make_app: Callable[[PlanStore], PopApp], tmp_path: Path
) -> None:
    app = make_app(demo_store)
    out = tmp_path / "pack.md"
    out.write_text("mine")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#field-format", Select).value = "md"
        dialog.query_one("#field-file", Input).value = str(out)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog  # refused: the dialog stays, with the reason
        assert out.read_text() == "mine"
        dialog.query_one("#field-overwrite", Select).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is not dialog
    assert out.read_text().startswith("# Personal development plan of Sam")


async def test_choosing_a_format_follows_in_the_file_name(
    demo_store: PlanStore, make_app: Callable[[PlanStore], PopApp]
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        app.screen.query_one("#field-format", Select).value = "ics"
        await pilot.pause()
        assert app.screen.query_one("#field-file", Input).value.endswith(".ics")


async def test_an_earlier_period_can_be_exported(
    demo_store: PlanStore, make_app: Callable[[PlanStore], PopApp], tmp_path: Path
) -> None:
    demo_store.apply("done", lambda e: e.update(demo_store.plan.goals[1], status="done"))
    demo_store.apply("period", lambda e: start_period(e, "2027", TODAY))
    app = make_app(demo_store)
    out = tmp_path / "old.md"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#field-format", Select).value = "md"
        dialog.query_one("#field-period", Select).value = "2026"
        dialog.query_one("#field-file", Input).value = str(out)
        await pilot.press("ctrl+s")
        await pilot.pause()
    text = out.read_text()
    assert "Period 2026" in text and "Get better at leading people" in text


async def test_an_earlier_period_s_file_is_named_after_the_period(
    demo_store: PlanStore, make_app: Callable[[PlanStore], PopApp]
) -> None:
    demo_store.apply("period", lambda e: start_period(e, "2027", TODAY, "2026 (spring)"))
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ExportDialog(app, period="2026 (spring)"))
        await pilot.pause()
        dialog = app.screen
        file = dialog.query_one("#field-file", Input)
        assert Path(file.value).name == "pop-2026-spring.html"
        dialog.query_one("#field-format", Select).value = "md"
        await pilot.pause()
        assert Path(file.value).name == "pop-2026-spring.md"
        # The current plan, chosen instead, is named by the day as before.
        dialog.query_one("#field-period", Select).value = CURRENT
        await pilot.pause()
        assert Path(file.value).name == f"pop-{TODAY.isoformat()}.md"
        assert "f2 Export" in screen_text(app)


def test_a_period_s_name_gives_only_safe_characters_to_the_file_name(tmp_path: Path) -> None:
    assert default_path(tmp_path, "md", TODAY, "../../etc/x y").name == "pop-etc-x-y.md"
    assert default_path(tmp_path, "md", TODAY, "...").name == f"pop-{TODAY.isoformat()}.md"


async def test_the_export_goes_to_the_working_folder_with_its_extension_on_purpose_only(
    demo_store: PlanStore,
    make_app: Callable[[PlanStore], PopApp],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Keys typed by accident (a word, then Enter) write nothing; F2 writes the file,
    # beside where pop was started, with the format's extension added to a bare name.
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        file = dialog.query_one("#field-file", Input)
        assert file.value == f"pop-{TODAY.isoformat()}.html"
        assert dialog.focused is file
        await pilot.press("ctrl+u", *"Procrastinate", "enter")
        await pilot.pause()
        assert app.screen is dialog
        assert list(work.iterdir()) == []
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen is not dialog
    assert [p.name for p in work.iterdir()] == ["Procrastinate.html"]


def test_a_bare_name_gets_the_formats_extension() -> None:
    assert with_extension("pack", "md") == "pack.md"
    assert with_extension("out/pack ", "html") == "out/pack.html"
    assert with_extension("pack.html", "md") == "pack.html"
    assert with_extension("notes.v2", "json") == "notes.v2"
    assert with_extension("a.b/pack", "ics") == "a.b/pack.ics"
