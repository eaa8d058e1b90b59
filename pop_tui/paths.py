"""Where pop keeps its files. Imported by the shell commands, so it stays light.

The folders follow the XDG base directory rules (``$XDG_DATA_HOME``, else
``~/.local/share``; ``$XDG_CONFIG_HOME``, else ``~/.config``), which is what
platformdirs gives on Linux and the BSDs. They are worked out here with
``os.path``: importing platformdirs (with pathlib and tempfile) cost each
``pop agenda`` about 10 ms. On other systems platformdirs knows the convention
and is used. tests/test_paths.py compares the two.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # (typing itself is not imported: it costs a shell command's start)
if TYPE_CHECKING:
    from pathlib import Path

APP_NAME = "pop-tui"
PLAN_FILE = "plan.json"


def default_plan_file() -> str:
    """``$POP_DB`` if set, else ``plan.json`` in the user's data folder."""
    env = os.environ.get("POP_DB")
    if env:
        return os.path.expanduser(env)
    return os.path.join(_folder("XDG_DATA_HOME", "~/.local/share", "user_data_dir"), PLAN_FILE)


def user_config_folder() -> Path:
    """Where the user's own settings for pop live (``keymap.toml``, ``settings.toml``)."""
    from pathlib import Path

    return Path(_folder("XDG_CONFIG_HOME", "~/.config", "user_config_dir"))


def follows_xdg() -> bool:
    """Whether this system keeps user files by the XDG rules (as platformdirs sees it)."""
    android = (
        os.environ.get("ANDROID_DATA") == "/data" and os.environ.get("ANDROID_ROOT") == "/system"
    )
    return sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")) and not android


def _folder(variable: str, fallback: str, platform_dirs_name: str) -> str:
    home = os.environ.get("HOME")
    # An empty or relative $HOME is no home folder: platformdirs knows what to do then.
    if follows_xdg() and (home is None or os.path.isabs(home)):
        base = os.environ.get(variable, "")
        if not os.path.isabs(base):  # unset, empty or relative: the rules say ignore it
            base = os.path.expanduser(fallback)
        if os.path.isabs(base):
            return os.path.join(base, APP_NAME)
    import platformdirs

    found: str = getattr(platformdirs, platform_dirs_name)(APP_NAME, appauthor=False)
    return found
