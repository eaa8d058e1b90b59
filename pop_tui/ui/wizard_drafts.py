"""Drafts of the review wizard opened again: the same wizard, its typing put back.

The typing was kept as ``pop_tui.ui.screens.review_draft`` reads it. At the next
start the same wizard opens again (the same review, the same goals) with that
typing put back; what was typed for a goal no longer in the review is shown in
the offer instead and not put anywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.widgets import Input

from pop_tui.core.texts import t
from pop_tui.ui.context import pop_context
from pop_tui.ui.screens.review_draft import MODE, field_name
from pop_tui.ui.screens.review_wizard import ReviewWizard

if TYPE_CHECKING:
    from textual.app import App


def _optional_id(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


async def reopen_wizard(app: App[Any], wizard: object, typed: dict[str, Any]) -> str:
    """Open the wizard a draft was kept from, with its typing; "" when done, else why not."""
    if not isinstance(wizard, dict) or MODE not in app.MODES:
        return t("draft.reason.unknown")
    review_id = _optional_id(wizard.get("review_id"))
    goal_id = _optional_id(wizard.get("goal_id"))
    title = wizard.get("title")
    if not isinstance(title, str):
        return t("draft.reason.unknown")
    if review_id is not None and review_id not in pop_context(app).store.plan.reviews:
        return t("draft.reason.gone")
    await app.switch_mode(MODE)
    while len(app.screen_stack) > 1:
        await app.pop_screen()
    opened = ReviewWizard(review_id, title, goal_id)
    await app.push_screen(opened)
    for widget in opened.query(Input):
        name = field_name(widget)
        value = typed.get(name) if name is not None else None
        if isinstance(value, str):
            widget.value = value
    return ""
