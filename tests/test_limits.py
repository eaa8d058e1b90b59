"""Limits of what a form takes: lengths per field, finite numbers of a workable size, and a
target that differs from where the goal starts. Each refusal is a message at its field."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from pop_tui.core.entry import (
    NOTE_MAX,
    TITLE_MAX,
    EntryError,
    check_length,
    clean_entry,
    max_length,
)
from pop_tui.store.plan_store import PlanStore
from pop_tui.ui.app import PopApp
from pop_tui.ui.dialogs.goal_form import GoalForm

MakeApp = Callable[[PlanStore], PopApp]


@pytest.mark.parametrize(
    ("field", "most"),
    [("title", TITLE_MAX), ("text", TITLE_MAX), ("action", TITLE_MAX), ("specific", NOTE_MAX)],
)
def test_each_field_has_its_limit(field: str, most: int) -> None:
    assert max_length(field) == most
    assert check_length(field, "x" * most) == "x" * most
    with pytest.raises(EntryError, match=f"{most + 1} characters, and {most} fit here"):
        check_length(field, "x" * (most + 1))


def test_typed_text_keeps_everything_but_control_characters() -> None:
    assert clean_entry(" a\tb\r\nc\x1b[2J\x07 \u202eévil\u202c 👩\u200d👩\u200d👧 ") == (
        "a b c[2J évil 👩\u200d👩\u200d👧"
    )


async def new_goal(pilot: Pilot[None], app: PopApp) -> GoalForm:
    await pilot.press("3")
    await pilot.pause()
    await pilot.press("n")
    await pilot.pause()
    assert isinstance(app.screen, GoalForm)
    form = app.screen
    form.query_one("#field-title", Input).value = "Run a 10 km race"
    return form


def error_at(form: GoalForm, name: str) -> str:
    return str(form.query_one(f"#error-{name}", Static).render())


async def test_a_target_equal_to_the_baseline_is_refused_with_the_reason(
    store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 40)) as pilot:
        form = await new_goal(pilot, app)
        form.query_one("#field-baseline", Input).value = "5"
        form.query_one("#field-target", Input).value = "5,0"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form
        assert error_at(form, "target") == (
            "The target equals the starting value (5): nothing to reach. Choose another target."
        )
        assert form.focused is form.query_one("#field-target", Input)
        form.query_one("#field-target", Input).value = "10"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is not form
    [goal] = PlanStore.open(store.path).plan.goals.values()
    assert (goal.baseline, goal.target) == (5.0, 10.0)


@pytest.mark.parametrize("typed", ["9" * 400, "1e400", "nan", "inf", "2" * 16])
async def test_a_number_that_cannot_be_worked_with_is_refused_at_its_field(
    typed: str, store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(store)
    async with app.run_test(size=(100, 40)) as pilot:
        form = await new_goal(pilot, app)
        form.query_one("#field-current", Input).value = typed
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form
        assert error_at(form, "current")
    assert PlanStore.open(store.path).plan.goals == {}
