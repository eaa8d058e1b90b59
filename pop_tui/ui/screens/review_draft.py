"""What the review wizard holds that was not saved, read as a draft document.

The wizard is no form (it is pages of fields, one page per goal), so its typing
is read as the fields show on screen: what each text field of each goal's page
holds when it differs from what the page opened with, and the notes on the
summary. ``pop_tui.ui.wizard_drafts`` opens the wizard again with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.css.query import NoMatches
from textual.widgets import Input

from pop_tui.core.texts import t
from pop_tui.ui.screens.review_pages import GoalPage

if TYPE_CHECKING:
    from pop_tui.ui.screens.review_wizard import ReviewWizard

NOTES = "notes"
MODE = "evaluation"


def field_name(widget: Input) -> str | None:
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
        name = field_name(widget)
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
