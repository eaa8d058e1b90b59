"""What pop remembers about how it looks and behaves: ``settings.toml`` in the config folder.

::

    theme = "nord"        # written by pop when a theme is chosen in the palette
    sync_on_quit = true   # written by hand: sync the plan through git when quitting

The theme belongs to the terminal a person sits at, not to the plan: the same
plan is opened over SSH from a phone and on a desktop, is exported and shared,
and a colour choice has no place in it. So it lives beside ``keymap.toml``,
written by pop, read with the standard library. A file pop cannot read counts
as no file: it only holds a preference, and the next choice writes it anew.

``sync_on_quit`` (default false): when the plan's folder is set up for sync
(``pop sync init``), quitting the TUI syncs first, for at most
:data:`pop_tui.ui.app.QUIT_SYNC_SECONDS` seconds; a sync that takes longer is
left (the plan is saved on this device either way) and pop says so on standard
error after the app has ended.
"""

from __future__ import annotations

import json
from pathlib import Path

from pop_tui.paths import user_config_folder
from pop_tui.store.files import atomic_write

SETTINGS_FILE = "settings.toml"
HEADER = (
    "# Written by pop when you choose a theme (the palette: / then “colours”).\n"
    "# sync_on_quit = true syncs the plan through git when you quit (see pop sync).\n"
)
SYNC_ON_QUIT = "sync_on_quit"
Setting = str | bool


def settings_path() -> Path:
    return user_config_folder() / SETTINGS_FILE


def read_settings(path: Path) -> dict[str, Setting]:
    """The settings in ``path`` that are text or true/false; nothing when it is missing or
    unreadable."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    import tomllib  # only when there is a file: most starts have none

    try:
        found = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return {}
    return {name: value for name, value in found.items() if isinstance(value, str | bool)}


def read_flag(path: Path, name: str) -> bool:
    """Whether the true/false setting ``name`` is set to true (missing: false)."""
    return read_settings(path).get(name) is True


def _toml(value: Setting) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    # A JSON string is a valid TOML basic string (both escape with backslashes).
    return json.dumps(value, ensure_ascii=False)


def remember(path: Path, name: str, value: Setting) -> None:
    """Set one setting, keeping the others (those written by hand too); written atomically.

    Raises:
        OSError: when the file cannot be written.
    """
    settings = {**read_settings(path), name: value}
    lines = [f"{key} = {_toml(text)}\n" for key, text in settings.items()]
    atomic_write(path, (HEADER + "".join(lines)).encode("utf-8"))
