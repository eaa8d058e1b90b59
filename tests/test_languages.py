"""Dutch and English all the way: every screen and dialog reachable by keys, read as a
person sees it, holds no word of the other language.

The words of "the other language" are the catalogue's own: a word that occurs in
the English texts and in no Dutch one (and the other way round), plus the
English of Textual's built-in screens (the command palette, the ctrl+c hint).
"""

from __future__ import annotations

import string
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from pop_tui.core.demo import populate_demo
from pop_tui.core.edit import Edit
from pop_tui.core.model import Plan
from pop_tui.core.texts import catalogues, set_language, t
from pop_tui.store.plan_store import PlanStore, write_new_plan
from pop_tui.ui.app import PopApp
from tests.conftest import NOW, TODAY
from tests.screen_text import screen_text, words

# English that Textual itself would show, were it not replaced.
TEXTUAL_ENGLISH = frozenset(
    {"palette", "Search", "commands", "matches", "found", "Exit", "Press", "quit", "space"}
)


def vocabulary(lang: str) -> set[str]:
    """Every word of the catalogue's texts in ``lang``, placeholders left out."""
    found: set[str] = set()
    for text in catalogues()[lang].values():
        for literal, *_ in string.Formatter().parse(text):
            found |= words(literal)
    return found


def foreign_words(lang: str, plan: Plan) -> set[str]:
    """Words that must not show when pop speaks ``lang``."""
    other = "en" if lang == "nl" else "nl"
    foreign = vocabulary(other) - vocabulary(lang)
    if lang == "nl":
        foreign |= TEXTUAL_ENGLISH
    # The plan is the user's own text: its words may be anything.
    plan_words = set().union(
        *(words(repr(r)) for table in plan.tables.values() for r in table.values())
    )
    return {w for w in foreign - plan_words if len(w) > 2}


def demo_store(path: Path, lang: str) -> PlanStore:
    plan = Plan()
    populate_demo(Edit(plan), TODAY, lang)
    return write_new_plan(path, plan, now=lambda: NOW)


Step = tuple[str, ...]

# Keys from the dashboard through every screen and dialog; after each line the screen is read.
WALK: tuple[Step, ...] = (
    (),
    ("question_mark",),
    ("escape", "c"),
    ("f1",),
    ("escape", "escape", "x"),
    ("escape", "slash"),
    ("z", "q", "x", "w", "v"),
    ("escape", "2"),
    ("n",),
    ("escape", "e"),
    ("escape", "m"),
    ("escape", "d"),
    ("n", "question_mark"),
    ("escape", "3"),
    ("e",),
    ("escape", "j", "e"),
    ("f1",),
    ("escape", "escape", "d"),
    ("n", "4"),
    ("e",),
    ("escape", "5"),
    ("n",),
    ("escape", "enter"),
    ("r",),
    ("escape", "a"),
    ("escape", "n"),
    ("escape", "j", "space"),
    ("escape", "u"),
    ("escape", "6"),
    ("question_mark",),
    ("escape", "1", "ctrl+c"),
)


async def walk(pilot: Pilot[None]) -> list[tuple[Step, str]]:
    """Press every step of :data:`WALK`; the screen's text after each."""
    seen: list[tuple[Step, str]] = []
    for step in WALK:
        # press waits until the app is idle after each key; one pause draws the screen.
        await pilot.press(*step)
        await pilot.pause()
        if step and step[-1] in "zqxwv":
            await pilot.pause(1.0)  # the palette says "nothing found" after half a second
        # Notifications are drawn in a layer of their own; their texts count too.
        notes = "\n".join(n.message for n in pilot.app._notifications)
        seen.append((step, screen_text(pilot.app) + "\n" + notes))
    return seen


def assert_speaks(lang: str, seen: list[tuple[Step, str]], plan: Plan) -> None:
    foreign = foreign_words(lang, plan)
    for step, text in seen:
        assert words(text) & foreign == set(), f"after {step}:\n{text}"


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_every_screen_speaks_one_language(lang: str, tmp_path: Path) -> None:
    set_language(lang)
    store = demo_store(tmp_path / "plan.json", lang)
    app = PopApp(store, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        seen = await walk(pilot)
    assert len(seen) == len(WALK)
    assert_speaks(lang, seen, store.plan)


async def test_switching_language_in_the_palette_relabels_everything(tmp_path: Path) -> None:
    store = demo_store(tmp_path / "plan.json", "nl")
    app = PopApp(store, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("5", "enter")  # a screen pushed in a section, to be rebuilt too
        await pilot.press("slash", *"dutch", "enter")
        await pilot.pause()
        assert t("palette.language") == "Taal wisselen naar Engels"
        await pilot.press("1")
        seen = await walk(pilot)
    assert_speaks("nl", seen, store.plan)


async def test_the_key_descriptions_follow_the_language_chosen_after_import(
    demo_store: PlanStore, make_app: Callable[[PlanStore], PopApp]
) -> None:
    # The UI modules were imported in English (by the fixtures); the app starts in Dutch.
    set_language("nl")
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)):
        text = screen_text(app)
    assert "spatie Klaar" in text
    assert "? Hulp" in text
    assert "Help" not in words(text)
