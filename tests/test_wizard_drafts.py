"""The review wizard's typing, like any form's, is kept when pop is closed from outside and
comes back into the same wizard at the next start."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from pop_tui.store.drafts import list_drafts
from pop_tui.store.plan_store import PlanStore
from pop_tui.ui.app import PopApp
from pop_tui.ui.dialogs.draft import DraftDialog
from pop_tui.ui.screens.review_wizard import ReviewWizard
from tests.conftest import NOW, TODAY
from tests.screen_text import screen_text
from tests.test_drafts import run_until_hangup


async def test_a_wizard_closed_mid_review_reopens_with_its_typing(
    demo_store: PlanStore, tmp_path: Path
) -> None:
    before = demo_store.path.read_bytes()
    keys = ("6", "r", "text:Asked for feedback early", "tab", "text:Start sooner")
    assert run_until_hangup(demo_store.path, tmp_path, *keys) == "ReviewWizard"
    [draft] = list_drafts(demo_store.path)[0]
    assert "wizard" in draft.document["origin"]
    assert [f["value"] for f in draft.document["fields"]][-2:] == [
        "Asked for feedback early",
        "Start sooner",
    ]
    assert demo_store.path.read_bytes() == before

    app = PopApp(PlanStore.open(demo_store.path, now=lambda: NOW), today=lambda: TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, DraftDialog)
        assert "does not know how" not in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        await pilot.pause()
        wizard = app.screen
        assert isinstance(wizard, ReviewWizard)
        values = [i.value for i in wizard.query(Input)]
        assert "Asked for feedback early" in values and "Start sooner" in values
        assert wizard.has_typing()
    assert list_drafts(demo_store.path) == ([], [])
