"""Hostile text, one kind at a time: markup, escape sequences, other control characters,
right-to-left and zero-width characters, emoji, a 10,000-character note.

Everywhere it is shown (every TUI screen, the shell commands, the exports) it reads as
typed, markup stays inert, no control character reaches the terminal or the file, and the
layout is the same as with plain words: one line per record.

Typed or pasted into a form, control characters are dropped as they arrive (a tab or a
line break becomes a space); what is too long is refused at the field.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, OptionList, Static

from pop_tui.core.export import ExportSource, Format, export
from pop_tui.core.model import Goal
from pop_tui.store.plan_store import PlanStore, write_new_plan
from pop_tui.ui.app import PopApp
from pop_tui.ui.dialogs.form import FormDialog
from pop_tui.ui.navigation import SECTIONS
from tests.conftest import NOW
from tests.hostile import TODAY, hostile_plan
from tests.pop_shell import pop

# With pytest -n: the plain tour (a module fixture) runs once: all of this file on one worker.
pytestmark = pytest.mark.xdist_group("test_hostile_text")

MakeApp = Callable[[PlanStore], PopApp]

# Each kind, and how its goal title must read on screen (after "GOALTITLE ").
KINDS: dict[str, tuple[str, str]] = {
    "markup": (
        "[bold]loud[/bold] [@click=app.quit]quit[/] [red]x",
        "[bold]loud[/bold] [@click=app.quit]quit[/] [red]x",
    ),
    "ansi": ("\x1b[2J\x1b[31mred\x1b[0m \x1b]0;title\x07", "␛[2J␛[31mred␛[0m ␛]0;title␇"),
    "control": (
        "nul\x00 bell\x07 back\x08 del\x7f csi\x9b2J nel\x85 tab\there",
        "nul␀ bell␇ back␈ del␡ csi\ufffd2J nel\ufffd tab here",
    ),
    # The override that would turn the text around is dropped; the letters stay.
    "rtl": ("\u202eevil\u202c עברית العربية \u200f", "evil עברית العربية \u200f"),
    "zero_width": ("zero\u200bwidth\u200djoin\ufeffbom\u2060", "zero\u200bwidth\u200djoin"),
    "emoji": ("🎯👩\u200d👩\u200d👧 🇳🇱 ✔️", "🎯👩\u200d👩\u200d👧 🇳🇱 ✔️"),
    "long": ("word " * 2000, "word word word word word"),
}
# What must never be sent to a terminal, whatever the text held.
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# The kinds' own sequences, looked for in the bytes written to the terminal.
SEQUENCES = ("\x1b[2J", "\x1b[31mred", "\x1b]0;", "\x07", "\x00", "\x08", "\x9b", "\x85")

# Every section by its number, the steps of the first action, and the check-in.
SCREENS: list[tuple[str, ...]] = [(key,) for _mode, key, _name in SECTIONS]
SCREENS += [("5", "enter"), ("c",)]


def plan_file(tmp_path: Path, text: str) -> PlanStore:
    return write_new_plan(tmp_path / "pop" / "plan.json", hostile_plan("en", text), now=lambda: NOW)


def screen_lines(app: PopApp) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def terminal_output(app: PopApp) -> str:
    """Everything Textual would write to the terminal for the screen as it is now."""
    return app.screen._compositor.render_full_update().render_segments(app.console)


def layout(app: PopApp) -> list[tuple[str | None, int]]:
    """The height of every list and table on the screen."""
    return [
        (widget.id, widget.virtual_size.height)
        for widget in app.screen.query("OptionList, DataTable")
        if isinstance(widget, OptionList | DataTable)
    ]


async def tour(
    app: PopApp,
) -> dict[tuple[str, ...], tuple[list[str], str, list[tuple[str | None, int]]]]:
    """Each screen's lines, terminal output and layout."""
    seen = {}
    async with app.run_test(size=(100, 40)) as pilot:
        for keys in SCREENS:
            # press waits until the app is idle after each key; one pause draws the screen.
            await pilot.press("1", *keys)
            await pilot.pause()
            seen[keys] = (screen_lines(app), terminal_output(app), layout(app))
            if keys == ("c",):
                await pilot.press("escape")
                await pilot.pause()
    return seen


@pytest.fixture(scope="module")
def plain_layout(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[tuple[str, ...], list[tuple[str | None, int]]]:
    import asyncio

    store = plan_file(tmp_path_factory.mktemp("plain"), "plain words")
    app = PopApp(store, today=lambda: TODAY, guide_empty_plan=False)
    return {keys: seen[2] for keys, seen in asyncio.run(tour(app)).items()}


# --- the TUI ----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(KINDS))
async def test_every_screen_shows_the_text_as_typed_and_keeps_its_layout(
    kind: str,
    tmp_path: Path,
    plain_layout: dict[tuple[str, ...], list[tuple[str | None, int]]],
) -> None:
    text, shown = KINDS[kind]
    app = PopApp(plan_file(tmp_path, text), today=lambda: TODAY, guide_empty_plan=False)
    seen = await tour(app)
    for keys, (lines, output, heights) in seen.items():
        for line in lines:
            assert not UNSAFE.search(line), (keys, line)
        assert "\x1b[2J" not in output and "\x07" not in output, keys
        # No sequence of the text reaches the terminal (one tour checks both: it was
        # a test of its own for "ansi" and "control", each with a tour of its own).
        for sequence in SEQUENCES:
            assert sequence not in output, (keys, repr(sequence))
        assert heights == plain_layout[keys], keys
    goals = seen[("3",)][0]
    assert any(f"GOALTITLE {shown}" in line for line in goals), goals


async def test_markup_in_a_title_is_inert_and_clicking_it_quits_nothing(
    tmp_path: Path, make_app: MakeApp
) -> None:
    store = plan_file(tmp_path, "x")
    store.apply("t", lambda e: e.update(e.plan.goals[1], title="[@click=app.quit]\x1b[2J"))
    app = make_app(store)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        lines = screen_lines(app)
        [row] = [i for i, line in enumerate(lines) if "[@click=app.quit]␛[2J" in line]
        column = lines[row].index("[@click")
        await pilot.click(offset=(column + 3, row))
        await pilot.pause()
        assert app.is_running
        assert app.return_code is None


async def test_a_message_about_a_hostile_title_is_harmless(
    tmp_path: Path, make_app: MakeApp
) -> None:
    store = plan_file(tmp_path, KINDS["ansi"][0])
    app = make_app(store)
    async with app.run_test(size=(100, 40)) as pilot:
        app.say("Undone: " + KINDS["ansi"][0] + " [@click=app.quit]q[/]")
        await pilot.pause()
        # A toast shows its message as it is (markup off): it must be harmless already.
        message = list(app._notifications)[-1].message
    assert not UNSAFE.search(message)
    assert "␛[2J" in message and "[@click=app.quit]q[/]" in message


# --- typed or pasted into a form -------------------------------------------------------------


async def open_new_goal_form(pilot: object, app: PopApp) -> FormDialog:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await pilot.press("3")
    await pilot.pause()
    await pilot.press("n")
    await pilot.pause()
    assert isinstance(app.screen, FormDialog)
    return app.screen


@pytest.mark.parametrize("kind", ["markup", "ansi", "control", "rtl", "zero_width", "emoji"])
async def test_pasted_text_is_kept_without_its_control_characters(
    kind: str, store: PlanStore, make_app: MakeApp
) -> None:
    text, _shown = KINDS[kind]
    app = make_app(store)
    async with app.run_test(size=(100, 40)) as pilot:
        form = await open_new_goal_form(pilot, app)
        field = form.query_one("#field-title", Input)
        field.focus()
        await pilot.pause()
        # As a terminal delivers a paste (bracketed paste), through the app.
        from textual import events

        app.post_message(events.Paste("Goal " + text + "\nsecond line"))
        await pilot.pause()
        assert not UNSAFE.search(field.value)
        assert output_is_clean(terminal_output(app))
        await pilot.press("enter")
        await pilot.pause()
    [goal] = PlanStore.open(store.path).plan.goals.values()
    assert goal.title.startswith("Goal ") and goal.title.endswith(" second line")
    assert not UNSAFE.search(goal.title)
    if kind == "markup":
        assert goal.title == "Goal " + text + " second line"


def output_is_clean(output: str) -> bool:
    return not any(sequence in output for sequence in SEQUENCES)


async def test_a_title_longer_than_fits_is_refused_at_the_field(
    store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 40)) as pilot:
        form = await open_new_goal_form(pilot, app)
        form.query_one("#field-title", Input).value = "a" * 201
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form
        error = str(form.query_one("#error-title", Static).render())
    assert error == "Too long: 201 characters, and 200 fit here."
    assert PlanStore.open(store.path).plan.goals == {}


async def test_a_note_of_ten_thousand_characters_fits_and_one_more_does_not(
    store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 40)) as pilot:
        form = await open_new_goal_form(pilot, app)
        form.query_one("#field-title", Input).value = "Long story"
        form.query_one("#field-specific", Input).value = "x" * 10_001
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form
        assert "10001 characters" in str(form.query_one("#error-specific", Static).render())
        form.query_one("#field-specific", Input).value = "x" * 10_000
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is not form
    [goal] = PlanStore.open(store.path).plan.goals.values()
    assert len(goal.specific) == 10_000


# --- the shell commands ------------------------------------------------------------------------

COMMANDS = [
    ("list", "goals", "--all"),
    ("list", "steps", "--all"),
    ("list", "reviews"),
    ("agenda",),
]


@pytest.mark.parametrize("kind", list(KINDS))
def test_shell_commands_print_the_text_safely_one_line_per_record(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text, _shown = KINDS[kind]
    hostile = plan_file(tmp_path / "hostile", text)
    plain = plan_file(tmp_path / "plain", "plain words")
    for command in COMMANDS:
        ran = pop(capsys, *command, "--db", hostile.path)
        assert ran.code == 0, ran.err
        assert not UNSAFE.search(ran.out), (command, ran.out)
        same = pop(capsys, *command, "--db", plain.path)
        assert len(ran.out.splitlines()) == len(same.out.splitlines()), command
        if kind == "markup":
            assert "[@click=app.quit]quit[/]" in ran.out


@pytest.mark.parametrize("kind", ["markup", "ansi", "control"])
def test_shell_add_keeps_the_text_as_given_and_prints_it_safely(
    kind: str, store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    # Unlike a paste into the app, a shell argument is given on purpose ($'...'): it is
    # kept, and shown harmlessly wherever it appears.
    text, _shown = KINDS[kind]
    ran = pop(capsys, "add", "goal", text, "--db", store.path)
    assert ran.code == 0, ran.err
    assert not UNSAFE.search(ran.out)
    [goal] = PlanStore.open(store.path).plan.goals.values()
    assert goal.title == " ".join(text.split())


def test_shell_add_refuses_a_title_that_is_too_long(
    store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = pop(capsys, "add", "goal", "a" * 201, "--db", store.path)
    assert ran.code == 1
    assert "Too long: 201 characters, and 200 fit here." in ran.err
    assert not store.path.exists()


def test_shell_checkin_refuses_a_note_that_is_too_long(
    store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = pop(capsys, "checkin", "-m", "n" * 10_001, "--db", store.path)
    assert ran.code == 1
    assert "Too long: 10001 characters" in ran.err
    assert not store.path.exists()


# --- the exports -------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("format", ["md", "html", "ics"])
def test_exports_hold_the_text_without_control_characters(kind: str, format: Format) -> None:
    text, _shown = KINDS[kind]
    plan = hostile_plan("en", text)
    written = export(format, plan, ExportSource("uid-1"), TODAY)
    assert not UNSAFE.search(written.replace("\r\n", "\n"))
    if kind == "long" and format != "ics":
        # Nothing is cut short in a document meant to be read in full.
        assert ("word " * 1999).strip() in written
    if kind == "markup" and format == "html":
        assert "[@click=app.quit]quit[/]" in written


def test_goal_records_hold_any_text_unchanged() -> None:
    # The model itself does not judge text: what came in through an import stays exact.
    for text, _shown in KINDS.values():
        goal = Goal(1, title=text)
        assert Goal.from_dict(1, goal.to_dict()).title == text
