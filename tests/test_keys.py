"""Keys: every binding has an id and a translated description, defaults leave alone what
tmux and terminals take, ``keymap.toml`` remaps them, help lists them, and the footer
keeps the ones that matter when the window is narrow."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.widgets import Static

from pop_tui.core.texts import set_language
from pop_tui.store.plan_store import PlanStore
from pop_tui.ui.app import PopApp
from pop_tui.ui.dialogs.form import FormDialog
from pop_tui.ui.keymap import KeymapError, is_key_name, keymap_path, parse_keymap
from pop_tui.ui.keys import Described, import_every_ui_module, pop_bindings
from pop_tui.ui.screens.help import HelpScreen
from pop_tui.ui.widgets.key_bar import KeyBar, KeyItem, fitting
from tests.screen_text import screen_text

MakeApp = Callable[[PlanStore], PopApp]
README = Path(__file__).resolve().parent.parent / "README.md"

# Keys a terminal or a multiplexer may keep for itself: flow control (ctrl+s, ctrl+q),
# suspend and interrupt, the prefixes of tmux and screen, and F-keys that desktop
# terminals use (help, menu, full screen).
TAKEN = frozenset(
    {
        "ctrl+s",
        "ctrl+q",
        "ctrl+z",
        "ctrl+c",
        "ctrl+backslash",
        "ctrl+b",
        "ctrl+a",
        "f1",
        "f10",
        "f11",
    }
)


def all_bindings() -> list[tuple[str, Binding]]:
    import_every_ui_module()
    return [(cls.__qualname__, binding) for cls, binding in pop_bindings()]


def test_every_binding_has_an_id_and_a_description_from_the_catalogue() -> None:
    found = all_bindings()
    assert len(found) > 40
    for owner, binding in found:
        assert binding.id is not None, (owner, binding.key)
        assert re.fullmatch(r"[a-z_]+(\.[a-z0-9_]+)+", binding.id), binding.id
        assert isinstance(binding.description, Described), binding.id


def test_the_key_shown_for_a_binding_is_never_one_a_terminal_may_take() -> None:
    for _owner, binding in all_bindings():
        first = binding.key.split(",")[0].strip()
        assert first not in TAKEN, binding.id


def test_one_id_means_one_thing_wherever_it_is_bound() -> None:
    # A keymap entry for "list.down" moves every list: it must mean the same in each.
    meaning: dict[str, str] = {}
    for _owner, binding in all_bindings():
        assert binding.id is not None
        assert meaning.setdefault(binding.id, binding.description) == binding.description


def test_the_readme_lists_every_binding_id() -> None:
    readme = README.read_text(encoding="utf-8")
    missing = {b.id for _owner, b in all_bindings() if f"`{b.id}`" not in readme}
    assert missing == set()


# --- keymap.toml ---------------------------------------------------------------------

KNOWN = {"app.quit", "app.section.1", "form.save", "section.add"}


def test_a_keymap_maps_ids_bare_or_quoted_to_keys_or_lists_of_keys() -> None:
    text = 'app.quit = "ctrl+x"\n"section.add" = ["a", "insert"]\napp.section.1 = "?"\n'
    assert parse_keymap(text, Path("k.toml"), KNOWN) == {
        "app.quit": "ctrl+x",
        "section.add": "a,insert",
        "app.section.1": "?",
    }


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ('app.quit = "ctrl+x', "not valid TOML"),
        ('app.leave = "x"', "no key with the id “app.leave”"),
        ("app.quit = 3", "must be a key or a list of keys"),
        ("app.quit = []", "must be a key or a list of keys"),
        ('app.quit = "ctrl+nonsense"', "“ctrl+nonsense” (for “app.quit”) is not a key name"),
    ],
)
def test_a_keymap_with_a_mistake_is_refused_with_the_reason(text: str, says: str) -> None:
    with pytest.raises(KeymapError) as caught:
        parse_keymap(text, Path("/home/me/keymap.toml"), KNOWN)
    assert caught.value.message.startswith("/home/me/keymap.toml was not used: ")
    assert says in caught.value.message


def test_key_names_are_those_textual_binds() -> None:
    for good in ("a", "A", "?", "f2", "ctrl+n", "shift+up", "question_mark", "slash", "space"):
        assert is_key_name(good), good
    for bad in ("", "ctrl+", "hyper+", "bananas", "ctrl+bananas", "cmd+s"):
        assert not is_key_name(bad), bad


async def test_the_keymap_file_remaps_keys_in_the_app(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    path = keymap_path()
    path.parent.mkdir(parents=True)
    path.write_text('app.section.3 = "g"\n"app.help" = "f5"\n', encoding="utf-8")
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        assert app.current_mode == "dashboard"
        await pilot.press("g")
        assert app.current_mode == "goals"
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "g          Goals" in screen_text(app)


async def test_a_bad_keymap_file_is_reported_and_the_default_keys_stay(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    path = keymap_path()
    path.parent.mkdir(parents=True)
    path.write_text("app.quit = [", encoding="utf-8")
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()  # the message is shown once the app has handled it
        messages = [n.message for n in app._notifications]
        assert any("keymap.toml was not used: it is not valid TOML" in m for m in messages)
        await pilot.press("3")
        assert app.current_mode == "goals"


# --- help ----------------------------------------------------------------------------


def help_text(screen: object) -> str:
    """All the help says, scrolled into view or not."""
    assert isinstance(screen, HelpScreen)
    return "\n".join(str(static.content) for static in screen.query(Static))


@pytest.mark.parametrize("keys", [(), ("2",), ("3", "e"), ("5", "enter"), ("c",), ("x",)])
async def test_help_lists_the_keys_of_the_screen_it_was_opened_on(
    demo_store: PlanStore, make_app: MakeApp, keys: tuple[str, ...]
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        underneath = app.screen
        expected = {
            a.binding.description
            for a in underneath.active_bindings.values()
            if a.binding.id is not None and a.binding.description
        }
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = help_text(app.screen)
    assert expected and all(description in text for description in expected)
    assert "keymap.toml" in text


async def test_help_says_how_to_move_through_a_form_and_save_it(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("2", "n")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        text = help_text(app.screen)
    assert "Enter in a text field saves the form" in text
    assert "f2 ^s" in text


async def test_help_is_in_dutch_when_pop_is(demo_store: PlanStore, make_app: MakeApp) -> None:
    set_language("nl")
    app = make_app(demo_store)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(app)
    assert "Toetsen op dit scherm" in text
    assert "/ ^p    Zoeken" in text


# --- saving a form -------------------------------------------------------------------


async def test_f2_saves_a_form_from_a_choice_where_enter_opens_the_list(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "n", *"Patient", "tab")
        assert isinstance(app.screen, FormDialog)
        await pilot.press("f2")
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
    assert any(i.text == "Patient" for i in demo_store.plan.swot.values())


# --- the footer ----------------------------------------------------------------------


def _item(shown: str, rank: int) -> KeyItem:
    return KeyItem(shown, shown, "Thing", shown, True, rank)


def test_the_footer_leaves_out_the_least_useful_keys_that_do_not_fit() -> None:
    items = [_item("a", 1), _item("b", 4), _item("c", 0), _item("d", 4), _item("e", 1)]
    # Each takes 1 + 1 + 5 + 1 = 8 columns.
    assert [i.shown for i in fitting(items, 40)] == ["a", "b", "c", "d", "e"]
    assert [i.shown for i in fitting(items, 39)] == ["a", "b", "c", "e"]
    assert [i.shown for i in fitting(items, 24)] == ["a", "c", "e"]
    assert [i.shown for i in fitting(items, 1)] == ["c"]


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("width", [80, 60])
@pytest.mark.parametrize("keys", [(), ("2",), ("3",), ("4",), ("5",), ("5", "enter"), ("6",)])
async def test_help_and_undo_stay_in_the_footer_of_every_screen(
    demo_store: PlanStore, make_app: MakeApp, lang: str, width: int, keys: tuple[str, ...]
) -> None:
    set_language(lang)
    app = make_app(demo_store)
    async with app.run_test(size=(width, 20)) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        shown = app.screen.query_one(KeyBar).items()
        modal = app.screen.is_modal
    help_, undo = ("? Help", "u Undo") if lang == "en" else ("? Hulp", "u Ongedaan")
    assert help_ in footer and undo in footer
    assert len(footer.rstrip()) <= width
    assert shown  # the footer draws from the screen's own keys
    if not modal:
        # How to move and how to leave are always in view, in a small window too.
        sections, quit_ = (
            ("1-6 Sections", "q Quit") if lang == "en" else ("1-6 Onderdelen", "q Stoppen")
        )
        assert sections in footer and quit_ in footer


def test_the_key_bar_uses_no_private_part_of_textual() -> None:
    # Textual's private names (an underscore) change without notice between versions.
    source = (Path(__file__).parent.parent / "pop_tui/ui/widgets/key_bar.py").read_text()
    tree = ast.parse(source)
    private = [
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr.startswith("_")
        and not node.attr.startswith("__")
    ]
    modules = [
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        and node.module
        and any(p.startswith("_") and not p.startswith("__") for p in node.module.split("."))
    ]
    assert private == [] and modules == []


def test_items_of_rank_zero_stay_however_narrow() -> None:
    items = [_item("a", 0), _item("b", 1), _item("c", 0)]
    assert [i.shown for i in fitting(items, 10)] == ["a", "c"]
