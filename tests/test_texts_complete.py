"""Every text exists in English and Dutch, and no user-visible text bypasses the catalogue.

The catalogue test compares the two languages key by key. The source test reads
the UI modules' syntax trees and looks at every argument that reaches the
screen (a binding's description, a label, a button, a notification, a form
field's label...): a string literal with words in it there is a text that a
Dutch user would see in English.
"""

from __future__ import annotations

import ast
import importlib
import os
import pkgutil
import re
import string
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import pop_tui.core.texts as texts
from pop_tui.core.texts import SOURCES, catalogues

UI = Path(__file__).resolve().parent.parent / "pop_tui" / "ui"
WORD = re.compile(r"[^\W\d_]{2,}")

# Words that Dutch borrowed from English and uses as they are, and key names.
SHARED_WORDS = frozenset(
    {
        "check",
        "in",
        "ins",
        "deadline",
        "status",
        "feedback",
        "start",
        "pop",
        "esc",
        # Dutch words spelled as in English.
        "trend",
        "trends",
        "conflict",
    }
)


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def catalogue_modules() -> list[str]:
    return [
        m.name
        for m in pkgutil.iter_modules(texts.__path__)
        if hasattr(importlib.import_module(f"{texts.__name__}.{m.name}"), "EN")
    ]


def test_every_catalogue_module_is_loaded() -> None:
    for name in catalogue_modules():
        module = importlib.import_module(f"{texts.__name__}.{name}")
        assert module.EN.items() <= catalogues()["en"].items(), name


def test_the_source_map_names_exactly_the_catalogues_that_hold_each_word() -> None:
    # t() imports a catalogue when one of its keys is first asked for, looking
    # only in the catalogues SOURCES names for the key's first word.
    held: dict[str, set[str]] = {}
    for name in catalogue_modules():
        module = importlib.import_module(f"{texts.__name__}.{name}")
        for key in module.EN:
            held.setdefault(key.partition(".")[0], set()).add(name)
    assert {word: set(names) for word, names in SOURCES.items()} == held


def test_a_text_is_found_with_only_its_own_catalogue_loaded() -> None:
    # In a fresh process, as a shell command starts: each key of every catalogue.
    code = (
        "import sys\n"
        "from pop_tui.core import texts\n"
        "names = sys.argv[1:]\n"
        "for name in names:\n"
        "    module = __import__(f'pop_tui.core.texts.{name}', fromlist=['EN'])\n"
        "    for key, text in module.EN.items():\n"
        "        assert texts.t(key, 'en') == text, key\n"
        "        assert texts.t(key, 'nl') == module.NL[key], key\n"
        "try:\n"
        "    texts.t('cli.no_such_key')\n"
        "except KeyError:\n"
        "    pass\n"
        "else:\n"
        "    raise AssertionError('a missing key must raise KeyError')\n"
    )
    subprocess.run([sys.executable, "-c", code, *catalogue_modules()], check=True)


def test_the_agenda_loads_only_the_catalogues_it_needs(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from pop_tui.cli import main\n"
        "main(['agenda', '--db', sys.argv[1]])\n"
        "print(sorted(m.rsplit('.', 1)[1] for m in sys.modules if m.startswith('pop_tui.core.texts.')))\n"
    )
    env = {**os.environ, "POP_TODAY": "2026-11-29", "POP_LANG": "en"}
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "plan.json")],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    loaded = ast.literal_eval(done.stdout.splitlines()[-1])
    assert set(loaded) <= {"checkin", "cli", "commands", "dates"}, loaded


@pytest.mark.parametrize("name", catalogue_modules())
def test_every_key_has_both_languages_with_the_same_placeholders(name: str) -> None:
    module = importlib.import_module(f"{texts.__name__}.{name}")
    en: dict[str, str] = module.EN
    nl: dict[str, str] = module.NL
    assert set(en) ^ set(nl) == set(), "keys in one language only"
    for key in en:
        assert placeholders(en[key]) == placeholders(nl[key]), key
        assert en[key].strip() and nl[key].strip(), key


def test_a_dutch_text_equal_to_the_english_one_is_no_sentence_left_untranslated() -> None:
    en, nl = catalogues()["en"], catalogues()["nl"]
    for key, text in en.items():
        if nl[key] != text:
            continue
        bare = string.Formatter().parse(text)
        words = {w.lower() for literal, *_ in bare for w in WORD.findall(literal)}
        assert words <= SHARED_WORDS, f"{key}: {text!r} is the same in Dutch"


# --- the source: user-visible arguments -------------------------------------------

# Call name -> the positions and keywords whose value reaches the screen.
SHOWN: dict[str, tuple[tuple[int, ...], tuple[str, ...]]] = {
    "Binding": ((2,), ("description", "tooltip")),
    "Group": ((0,), ("description",)),
    "Label": ((0,), ()),
    "Static": ((0,), ()),
    "Button": ((0,), ()),
    "Content": ((0,), ()),
    "styled": ((0,), ()),
    "from_markup": ((0,), ()),
    "assemble": ((0, 1, 2, 3, 4, 5, 6, 7), ()),
    "Text": ((0,), ()),
    "Option": ((0,), ()),
    "notify": ((0,), ("message", "title")),
    "say": ((0,), ("message",)),
    "Input": ((0,), ("placeholder", "value")),
    "FormField": ((1,), ("label", "placeholder")),
    "FormDialog": ((0,), ("title", "intro", "save_label", "cancel_label")),
    "ConfirmDialog": ((0, 1, 2, 3), ("question", "detail", "yes")),
    "ChoiceDialog": ((0,), ("title",)),
    "Palette": ((0,), ("placeholder",)),
    "Hit": ((1,), ("help",)),
    "DiscoveryHit": ((0,), ("help",)),
}
SHOWN_ATTRIBUTES = frozenset({"title", "sub_title", "border_title", "border_subtitle", "tooltip"})


def _literals(node: ast.expr) -> Iterator[ast.Constant]:
    """The string literals an expression shows as they are (a t() call shows none)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node
    elif isinstance(node, ast.JoinedStr):
        for part in node.values:
            if isinstance(part, ast.Constant):
                yield part
    elif isinstance(node, ast.BinOp):
        yield from _literals(node.left)
        yield from _literals(node.right)
    elif isinstance(node, ast.IfExp):
        yield from _literals(node.body)
        yield from _literals(node.orelse)
    elif isinstance(node, ast.Tuple) and node.elts:
        yield from _literals(node.elts[0])  # (text, style) in Content.assemble


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def shown_literals(tree: ast.AST) -> Iterator[ast.Constant]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _call_name(node) in SHOWN:
            positions, keywords = SHOWN[_call_name(node)]
            for index, arg in enumerate(node.args):
                if index in positions:
                    yield from _literals(arg)
            for keyword in node.keywords:
                if keyword.arg in keywords:
                    yield from _literals(keyword.value)
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Attribute) and target.attr in SHOWN_ATTRIBUTES:
                    yield from _literals(node.value)


def ui_sources() -> list[Path]:
    return sorted(UI.rglob("*.py"))


@pytest.mark.parametrize("path", ui_sources(), ids=lambda p: str(p.relative_to(UI)))
def test_no_user_visible_text_bypasses_the_catalogue(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [
        f"line {literal.lineno}: {literal.value!r}"
        for literal in shown_literals(tree)
        if WORD.search(str(literal.value))
    ]
    assert found == []


def test_the_scan_finds_a_literal_text() -> None:
    tree = ast.parse(
        'Binding("q", "quit", "Quit")\n'
        'self.title = f"Goals of {name}"\n'
        'Content.assemble(("Late: ", "bold"), x)\n'
        'app.notify(t("ok") + " done")\n'
    )
    assert sorted(str(c.value) for c in shown_literals(tree)) == [
        " done",
        "Goals of ",
        "Late: ",
        "Quit",
    ]


def _calls_outside_functions(node: ast.AST, name: str) -> Iterator[int]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        if isinstance(child, ast.Call) and _call_name(child) == name:
            yield child.lineno
        yield from _calls_outside_functions(child, name)


@pytest.mark.parametrize("path", ui_sources(), ids=lambda p: str(p.relative_to(UI)))
def test_no_text_is_looked_up_when_a_ui_module_is_imported(path: Path) -> None:
    # A text looked up at import stays in the language of that moment; bindings use
    # described(), which the app says again in the language of the day.
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert list(_calls_outside_functions(tree, "t")) == []
