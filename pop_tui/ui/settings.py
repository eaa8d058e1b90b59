"""What pop remembers about how it looks: ``settings.toml`` in the user's config folder.

The theme belongs to the terminal a person sits at, not to the plan: the same
plan is opened over SSH from a phone and on a desktop, is exported and shared,
and a colour choice has no place in it. So it lives beside ``keymap.toml``,
written by pop, read with the standard library. A file pop cannot read counts
as no file: it only holds a preference, and the next choice writes it anew.
"""

from __future__ import annotations

import json
from pathlib import Path

from pop_tui.paths import user_config_folder
from pop_tui.store.files import atomic_write

SETTINGS_FILE = "settings.toml"
HEADER = "# Written by pop when you choose a theme (the palette: / then “colours”).\n"


def settings_path() -> Path:
    return user_config_folder() / SETTINGS_FILE


def read_settings(path: Path) -> dict[str, str]:
    """The settings in ``path`` that are text; nothing when it is missing or unreadable."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    import tomllib  # only when there is a file: most starts have none

    try:
        found = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return {}
    return {name: value for name, value in found.items() if isinstance(value, str)}


def remember(path: Path, name: str, value: str) -> None:
    """Set one setting, keeping the others; written atomically.

    Raises:
        OSError: when the file cannot be written.
    """
    settings = {**read_settings(path), name: value}
    # A JSON string is a valid TOML basic string (both escape with backslashes).
    lines = [f"{key} = {json.dumps(text, ensure_ascii=False)}\n" for key, text in settings.items()]
    atomic_write(path, (HEADER + "".join(lines)).encode("utf-8"))
