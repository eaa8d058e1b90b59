"""Drafts of the review wizard: its typing kept when pop is closed from outside.

The wizard is no form (it is pages of fields, one page per goal), so it is read
here from outside, as the fields show on screen: what each text field of each
goal's page holds when it differs from what the page opened with, and the notes
on the summary. At the next start the same wizard opens again (the same review,
the same goals) with that typing put back; what was typed for a goal no longer
in the review is shown in the offer instead and not put anywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.css.query import NoMatches
from textual.widgets import Input

from pop_tui.core.texts import t
from pop_tui.ui.context import pop_context
from pop_tui.ui.screens.review_pages import GoalPage
from pop_tui.ui.screens.review_wizard import ReviewWizard

if TYPE_CHECKING:
    from textual.app import App

NOTES = "notes"
MODE = "evaluation"


def _name(widget: Input) -> str | None:
    """``goal id:field`` for a goal's field, ``notes`` for the summary's notes."""
    if widget.id == "wizard-notes":
        return NOTES
    field = next((c.removeprefix("wiz-") for c in widget.classes if c.startswith("wiz-")), None)
    try:
        page = widget.query_ancestor(GoalPage)
    except NoMatches:
        return None
    return f"{page.goal.id}:{field}" if field is not None else None


def wizard_draft(wizard: ReviewWizard) -> dict[str, Any] | None:
    """What was typed into ``wizard`` and not saved, as a draft document; None: nothing."""
    fields: list[dict[str, Any]] = []
    for widget, opened in zip(wizard.query(Input), wizard.opened_inputs, strict=False):
        name = _name(widget)
        if name is None or widget.value == opened:
            continue
        label = t("wiz.field.notes")
        if name != NOTES:
            page = widget.query_ancestor(GoalPage)
            field = page.fields.get(name.split(":", 1)[1])
            label = f"{page.goal.title} · {field.label if field is not None else name}"
        fields.append(
            {
                "name": name,
                "label": label,
                "kind": "text",
                "value": widget.value,
                "shown": widget.value,
            }
        )
    if not fields:
        return None
    return {
        "title": t("wiz.draft.title", title=wizard.review_title),
        "origin": {
            "mode": MODE,
            "wizard": {
                "review_id": wizard.review_id,
                "title": wizard.review_title,
                "goal_id": wizard.goal_id,
            },
        },
        "record": None,
        "fields": fields,
    }


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
        name = _name(widget)
        value = typed.get(name) if name is not None else None
        if isinstance(value, str):
            widget.value = value
    return ""
