"""Where pop keeps its files. Imported by the shell commands, so it stays light."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "pop-tui"
PLAN_FILE = "plan.json"


def default_plan_path() -> Path:
    """``$POP_DB`` if set, else ``plan.json`` in the user's data folder."""
    env = os.environ.get("POP_DB")
    if env:
        return Path(env).expanduser()
    return user_data_folder() / PLAN_FILE


def user_data_folder() -> Path:
    # platformdirs knows every platform's convention; it is imported only when
    # no explicit path was given, because it costs start-up time.
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_config_folder() -> Path:
    """Where the user's own settings for pop live (``keymap.toml``, ``settings.toml``)."""
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
