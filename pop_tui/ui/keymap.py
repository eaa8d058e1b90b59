"""The user's own keys: ``keymap.toml`` in the config folder, binding id = key(s).

::

    # pop's keys, remapped. Ids: see the README ("Keys and keymaps").
    app.quit = "ctrl+q"
    form.save = ["f2", "ctrl+o"]
    "section.add" = "a"

A dotted id may be written bare (TOML then makes nested tables of it) or quoted;
both mean the same. The file is read with the standard library's ``tomllib``.
A file with any mistake in it is not used at all, and :class:`KeymapError` says
what is wrong, so a typo never leaves half the keys changed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path

from textual.keys import KEY_NAME_REPLACEMENTS, Keys

from pop_tui.core.texts import t
from pop_tui.paths import user_config_folder

KEYMAP_FILE = "keymap.toml"
MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
NAMED_KEYS = frozenset(k.value for k in Keys if not k.value.startswith("<"))
_UNICODE_NAMES = {textual: name for name, textual in KEY_NAME_REPLACEMENTS.items()}


class KeymapError(Exception):
    """The keymap file cannot be used; the message says why, in the user's language."""

    def __init__(self, path: Path, problem: str) -> None:
        self.message = t("keymap.unused", path=path, problem=problem)
        super().__init__(self.message)


def keymap_path() -> Path:
    return user_config_folder() / KEYMAP_FILE


def is_key_name(name: str) -> bool:
    """True for a key Textual can bind: ``a``, ``?``, ``f2``, ``ctrl+n``, ``question_mark``."""
    *modifiers, base = name.split("+")
    if not base or any(m not in MODIFIERS for m in modifiers):
        return False
    if len(base) == 1:
        return base.isprintable() and not base.isspace()
    if base in NAMED_KEYS:
        return True
    unicode_name = _UNICODE_NAMES.get(base, base).replace("_", " ").upper()
    try:
        unicodedata.lookup(unicode_name)
    except KeyError:
        return False
    return True


def _flatten(table: Mapping[str, object], prefix: str = "") -> Iterator[tuple[str, object]]:
    for name, value in table.items():
        if isinstance(value, dict):
            yield from _flatten(value, f"{prefix}{name}.")
        else:
            yield prefix + name, value


def parse_keymap(text: str, path: Path, known_ids: Collection[str]) -> dict[str, str]:
    """The keymap in ``text``: binding id -> comma-separated keys.

    Raises:
        KeymapError: for anything that is not a known id mapped to key names.
    """
    import tomllib  # here, not at the top: most starts have no keymap to read

    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise KeymapError(path, t("keymap.bad_toml", error=exc)) from None
    keymap: dict[str, str] = {}
    for id, value in _flatten(table):
        if id not in known_ids:
            raise KeymapError(path, t("keymap.unknown_id", id=id))
        keys = [value] if isinstance(value, str) else value
        if (
            not isinstance(keys, list)
            or not keys
            or not all(isinstance(k, str) and k.strip() for k in keys)
        ):
            raise KeymapError(path, t("keymap.bad_value", id=id))
        names = [part.strip() for k in keys for part in k.split(",")]
        for name in names:
            if not is_key_name(name):
                raise KeymapError(path, t("keymap.bad_key", key=name, id=id))
        keymap[id] = ",".join(names)
    return keymap


def read_keymap(path: Path, known_ids: Collection[str]) -> dict[str, str]:
    """The keymap in the file at ``path``; empty when there is no such file.

    Raises:
        KeymapError: when the file exists but cannot be read or used.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        error = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise KeymapError(path, t("keymap.unreadable", error=error)) from None
    return parse_keymap(text, path, known_ids)
