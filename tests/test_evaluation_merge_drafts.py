"""The evaluation screen's forms with two sessions on one plan, and after a hang-up.

Every form there (plan or edit a review, ask for feedback, record or edit an
answer, write or edit a reflection) behaves like the other sections' forms: a
change saved elsewhere to a field the form left alone is kept without asking, a
change to the same field asks (keep mine / keep theirs), and the typing of an
open form is kept as a draft on a hang-up and put back into the same form at
the next start.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from pop_tui.core.edit import Edit
from pop_tui.core.model import Feedback, Record, Reflection, Review
from pop_tui.store.drafts import list_drafts
from pop_tui.store.plan_store import PlanStore
from pop_tui.ui.app import PopApp
from pop_tui.ui.dialogs.conflict import ConflictDialog
from pop_tui.ui.dialogs.draft import DraftDialog
from pop_tui.ui.dialogs.form import FormDialog
from pop_tui.ui.screens.evaluation import EvaluationScreen
from pop_tui.ui.screens.evaluation_forms import NO_GOAL
from pop_tui.ui.widgets.record_list import RecordList
from tests.conftest import NOW, TODAY, notice_other_session
from tests.keyboard import type_text

MakeApp = Callable[[PlanStore], PopApp]

# In the demo plan: review 1 "Monthly look at my plan" (FREQ=MONTHLY, the whole plan),
# feedback 1 from "my manager" (about goal 3, not answered), reflection 1 (about goal 1).
REVIEW, FEEDBACK, REFLECTION = 1, 1, 1


def other_session(path: Path) -> PlanStore:
    """A second pop on the same file (another SSH login)."""
    return PlanStore.open(path, now=lambda: NOW)


def change(cls: type[Record], id: int, **fields: Any) -> Callable[[Edit], None]:
    return lambda edit: edit.update(edit.plan.table(cls)[id], **fields) and None


async def open_form(pilot: Pilot[None], app: PopApp, cursor: str, key: str) -> FormDialog:
    """Section 6, the cursor on ``cursor``, then ``key``: the form it opens."""
    await pilot.press("6")
    await pilot.pause()
    listing = app.screen.query_one("#evaluation-list", RecordList)
    ids = [listing.get_option_at_index(i).id for i in range(listing.option_count)]
    listing.highlighted = ids.index(cursor)
    await pilot.pause()
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(app.screen, FormDialog)
    return app.screen


async def type_into(pilot: Pilot[None], app: PopApp, name: str, text: str) -> None:
    field = app.screen.query_one(f"#field-{name}", Input)
    field.focus()
    field.value = ""
    await type_text(pilot, text)


async def save_after_reload(pilot: Pilot[None], app: PopApp) -> None:
    """The live refresh notices the other session's save (as its timer would), then Enter."""
    await notice_other_session(pilot, app)
    await pilot.press("enter")
    await pilot.pause()


def conflict_text(app: PopApp) -> str:
    return " ".join(str(s.render()) for s in app.screen.query(".conflict-field").results(Static))


def saved(path: Path, cls: type[Record], id: int) -> Any:
    return other_session(path).plan.table(cls)[id]


class EditCase:
    """One of the forms that edit a record: how to open it, what I type, what they change."""

    def __init__(
        self,
        cls: type[Record],
        id: int,
        keys: tuple[str, str],
        mine: tuple[str, str],
        theirs_elsewhere: dict[str, Any],
        theirs_here: str,
    ) -> None:
        self.cls, self.id, self.keys = cls, id, keys
        self.field, self.mine = mine
        self.theirs_elsewhere = theirs_elsewhere
        self.theirs_here = theirs_here


EDIT_FORMS = {
    # The repeat left alone while the other session makes the review weekly.
    "edit review": EditCase(
        Review,
        REVIEW,
        (f"review:{REVIEW}", "e"),
        ("title", "Mine"),
        {"rule": "FREQ=WEEKLY"},
        "Theirs",
    ),
    # Enter on a feedback request: the answer form. The other session dated the answer.
    "answer": EditCase(
        Feedback,
        FEEDBACK,
        (f"feedback:{FEEDBACK}", "enter"),
        ("answer", "Mine"),
        {"answered_on": date(2026, 11, 20)},
        "Theirs",
    ),
    "edit feedback": EditCase(
        Feedback,
        FEEDBACK,
        (f"feedback:{FEEDBACK}", "e"),
        ("question", "Mine"),
        {"wanted_by": date(2026, 12, 20)},
        "Theirs",
    ),
    # The goal left alone while the other session makes the reflection about no goal.
    "edit reflection": EditCase(
        Reflection,
        REFLECTION,
        (f"reflection:{REFLECTION}", "e"),
        ("learned", "Mine"),
        {"goal_id": None},
        "Theirs",
    ),
}
edit_forms = pytest.mark.parametrize("case", EDIT_FORMS.values(), ids=EDIT_FORMS.keys())


@edit_forms
async def test_a_change_elsewhere_to_another_field_is_kept_without_asking(
    case: EditCase, demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_form(pilot, app, *case.keys)
        await type_into(pilot, app, case.field, case.mine)
        other_session(demo_store.path).apply(
            "t", change(case.cls, case.id, **case.theirs_elsewhere)
        )
        await save_after_reload(pilot, app)
        assert isinstance(app.screen, EvaluationScreen)
    record = saved(demo_store.path, case.cls, case.id)
    assert getattr(record, case.field) == case.mine
    for name, value in case.theirs_elsewhere.items():
        assert getattr(record, name) == value


@edit_forms
async def test_the_same_field_changed_elsewhere_asks_and_keep_mine_saves_mine(
    case: EditCase, demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_form(pilot, app, *case.keys)
        await type_into(pilot, app, case.field, case.mine)
        other_session(demo_store.path).apply(
            "t", change(case.cls, case.id, **{case.field: case.theirs_here})
        )
        await save_after_reload(pilot, app)
        assert isinstance(app.screen, ConflictDialog)
        shown = conflict_text(app)
        assert f"Yours: {case.mine}" in shown
        assert f"Saved elsewhere: {case.theirs_here}" in shown
        # Nothing is saved while the question is open.
        assert getattr(saved(demo_store.path, case.cls, case.id), case.field) == case.theirs_here
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, EvaluationScreen)
    assert getattr(saved(demo_store.path, case.cls, case.id), case.field) == case.mine


@edit_forms
async def test_the_same_field_changed_elsewhere_and_keep_theirs_drops_mine(
    case: EditCase, demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_form(pilot, app, *case.keys)
        await type_into(pilot, app, case.field, case.mine)
        other_session(demo_store.path).apply(
            "t", change(case.cls, case.id, **{case.field: case.theirs_here})
        )
        revision = other_session(demo_store.path).revision
        await save_after_reload(pilot, app)
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, EvaluationScreen)
    assert getattr(saved(demo_store.path, case.cls, case.id), case.field) == case.theirs_here
    assert other_session(demo_store.path).revision == revision


async def test_no_goal_chosen_here_and_elsewhere_is_no_clash(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(100, 40)) as pilot:
        form = await open_form(pilot, app, f"reflection:{REFLECTION}", "e")
        form.query_one("#field-goal_id", Select).value = NO_GOAL
        await type_into(pilot, app, "learned", "Mine")
        other_session(demo_store.path).apply("t", change(Reflection, REFLECTION, goal_id=None))
        await save_after_reload(pilot, app)
        assert isinstance(app.screen, EvaluationScreen)
    reflection = saved(demo_store.path, Reflection, REFLECTION)
    assert (reflection.goal_id, reflection.learned) == (None, "Mine")


async def test_a_goal_chosen_differently_elsewhere_is_asked_about_by_its_title(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(100, 40)) as pilot:
        form = await open_form(pilot, app, f"review:{REVIEW}", "e")
        form.query_one("#field-goal_id", Select).value = 4  # Spreadsheet skills
        await pilot.pause()
        other_session(demo_store.path).apply("t", change(Review, REVIEW, goal_id=1))
        await save_after_reload(pilot, app)
        assert isinstance(app.screen, ConflictDialog)
        shown = conflict_text(app)
    assert "Yours: Spreadsheet skills" in shown
    assert "Saved elsewhere: Get better at leading people" in shown


async def test_a_repeat_changed_here_and_elsewhere_is_asked_about_in_words(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_form(pilot, app, f"review:{REVIEW}", "e")
        await type_into(pilot, app, "rule", "weekly")
        other_session(demo_store.path).apply(
            "t", change(Review, REVIEW, rule="FREQ=MONTHLY;INTERVAL=2")
        )
        await save_after_reload(pilot, app)
        assert isinstance(app.screen, ConflictDialog)
        shown = conflict_text(app)
        assert "FREQ" not in shown
        assert "Saved elsewhere: every 2 months" in shown
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, EvaluationScreen)
    review = saved(demo_store.path, Review, REVIEW)
    assert review.rule.startswith("FREQ=WEEKLY")


# --- drafts -----------------------------------------------------------------------------------

DRAFT_FORMS = {
    "plan review": ((f"review:{REVIEW}", "n"), "title", "Halfway look", None),
    "edit review": ((f"review:{REVIEW}", "e"), "title", "Look at the plan", ("reviews", REVIEW)),
    "ask feedback": (("goal:1", "f"), "from_whom", "Kim", None),
    "answer": ((f"feedback:{FEEDBACK}", "enter"), "answer", "Speak up", ("feedback", FEEDBACK)),
    "edit feedback": ((f"feedback:{FEEDBACK}", "e"), "question", "Too quiet?", ("feedback", 1)),
    "write reflection": (("goal:1", "w"), "learned", "Ask early", None),
    "edit reflection": (
        (f"reflection:{REFLECTION}", "e"),
        "differently",
        "Start sooner",
        ("reflections", REFLECTION),
    ),
}


@pytest.mark.parametrize(
    ("keys", "field", "typed", "record"), DRAFT_FORMS.values(), ids=DRAFT_FORMS.keys()
)
async def test_a_draft_is_kept_on_hang_up_and_reopens_the_same_form(
    keys: tuple[str, str],
    field: str,
    typed: str,
    record: tuple[str, int] | None,
    demo_store: PlanStore,
    make_app: MakeApp,
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(100, 40)) as pilot:
        form = await open_form(pilot, app, *keys)
        title = form.form_title
        await type_into(pilot, app, field, typed)
        app._keep_drafts()
        await pilot.pause()
    [draft] = list_drafts(demo_store.path)[0]
    assert draft.document["origin"]["mode"] == "evaluation"
    app = make_app(other_session(demo_store.path))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, DraftDialog)
        await pilot.press("r")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormDialog)
        assert form.form_title == title
        assert form.query_one(f"#field-{field}", Input).value == typed
        opened_on = (form.record.TABLE, form.record.id) if form.record is not None else None
        assert opened_on == record
        assert list_drafts(demo_store.path) == ([], [])


async def test_a_restored_answer_is_saved_on_the_same_request(
    demo_store: PlanStore, make_app: MakeApp
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_form(pilot, app, f"feedback:{FEEDBACK}", "enter")
        await type_into(pilot, app, "answer", "Speak up sooner")
        app._keep_drafts()
        await pilot.pause()
    app = make_app(other_session(demo_store.path))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EvaluationScreen)
    answered = saved(demo_store.path, Feedback, FEEDBACK)
    assert (answered.answer, answered.answered_on) == ("Speak up sooner", TODAY)
