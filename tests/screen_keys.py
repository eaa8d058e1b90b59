"""The keys that lead from the dashboard (demo plan) to each screen and dialog of pop."""

from __future__ import annotations

SCREENS: dict[str, tuple[str, ...]] = {
    "dashboard": (),
    "help": ("question_mark",),
    "checkin": ("c",),
    "export": ("x",),
    "palette": ("slash",),
    "analysis": ("2",),
    "swot_form": ("2", "n"),
    "quadrant_choice": ("2", "m"),
    "confirm_delete": ("2", "d"),
    "goals": ("3",),
    "goal_form": ("3", "j", "e"),
    "dream_form": ("3", "e"),
    "employer": ("4",),
    "employer_form": ("4", "e"),
    "actions": ("5",),
    "action_form": ("5", "e"),
    "steps": ("5", "enter"),
    "step_form": ("5", "enter", "n"),
    "reschedule": ("5", "enter", "r"),
    "evaluation": ("6",),
}
