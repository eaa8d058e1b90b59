"""The first screen of each section (a Textual mode); only the app imports this.

Each screen module is imported when its section is first shown, not at start.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen


def _dashboard() -> Screen[None]:
    from pop_tui.ui.screens.dashboard import DashboardScreen

    return DashboardScreen()


def _analysis() -> Screen[None]:
    from pop_tui.ui.screens.analysis import AnalysisScreen

    return AnalysisScreen()


def _goals() -> Screen[None]:
    from pop_tui.ui.screens.goals import GoalsScreen

    return GoalsScreen()


def _employer() -> Screen[None]:
    from pop_tui.ui.screens.employer import EmployerScreen

    return EmployerScreen()


def _actions() -> Screen[None]:
    from pop_tui.ui.screens.actions import ActionPlanScreen

    return ActionPlanScreen()


def _evaluation() -> Screen[None]:
    from pop_tui.ui.screens.evaluation import EvaluationScreen

    return EvaluationScreen()


SECTION_MODES: dict[str, str | Callable[[], Screen[None]]] = {
    "dashboard": _dashboard,
    "analysis": _analysis,
    "goals": _goals,
    "employer": _employer,
    "actions": _actions,
    "evaluation": _evaluation,
}
