"""Where the ``.tcss`` files are, and which of them each kind of screen loads.

The app loads only ``app.tcss`` (what every screen shares) at start; each
screen names its own file in ``CSS_PATH``, which Textual reads the first time
that screen is shown. Parsing every file at start cost the first paint about
a quarter of its time, and Textual parses the whole stylesheet more than once
while starting.
"""

from __future__ import annotations

from pathlib import Path, PurePath


def styles_folder() -> Path:
    """The ``.tcss`` files: inside the installed package, or beside it in a source tree."""
    here = Path(__file__).resolve().parent.parent
    installed = here / "styles"
    return installed if installed.is_dir() else here.parent / "styles"


def stylesheet(name: str) -> PurePath:
    """The path of ``styles/<name>.tcss``."""
    return styles_folder() / f"{name}.tcss"


# What every dialog uses: forms, confirmations, choices, and the two-sessions dialogs.
DIALOG_STYLES: list[str | PurePath] = [stylesheet("dialogs"), stylesheet("sessions")]
