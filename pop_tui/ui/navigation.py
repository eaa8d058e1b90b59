"""The sections of the app and the number keys that reach them from everywhere.

Each section is a Textual mode with a screen stack of its own, so it keeps its
cursor (and an open action's steps) while another section is shown. The screen
each section starts with is made in :mod:`pop_tui.ui.modes`, which only the app
imports: the screens import this module for the number keys.
"""

from __future__ import annotations

from textual.binding import Binding

from pop_tui.ui.keys import described

# (mode, key, catalogue key of its name), in the order of the method.
SECTIONS: tuple[tuple[str, str, str], ...] = (
    ("dashboard", "1", "ui.dashboard"),
    ("analysis", "2", "sec.analysis"),
    ("goals", "3", "sec.goals"),
    ("employer", "4", "sec.employer"),
    ("actions", "5", "sec.actions"),
    ("evaluation", "6", "eval.title"),
)
HOME = "dashboard"

# The app's keys that wait while a dialog is open (help stays: it explains the dialog).
DIALOG_BLOCKED_ACTIONS = frozenset(
    {"section", "undo", "redo", "checkin", "export", "command_palette"}
)


def section_bindings(namespace: str = "") -> list[Binding]:
    """The number keys; ``namespace`` "app." lets a screen hold them (the footer shows
    a screen's keys before the app's, so on a section screen they come first)."""
    # The footer shows the number keys together ("1-6 Sections"); help lists each by name.
    # The group is made here, not once at import: a screen module imported after the app
    # relabelled its bindings keeps the language of its own import, so its group must too.
    group = Binding.Group(described("sec.key.sections"))
    return [
        Binding(
            key,
            f"{namespace}section('{mode}')",
            described(name),
            id=f"app.section.{key}",
            group=group,
        )
        for mode, key, name in SECTIONS
    ]


SECTION_BINDINGS = section_bindings()
