"""Drafts in the app: kept when pop is closed from outside, offered again at the next start.

A form records how it was opened (its origin: the section, the screen, the
record under the cursor, the action). Restoring a draft replays that: the same
section, the cursor on the same record, the same action, so the very same form
opens, and the typing goes back into its fields. The form keeps the record as
it was when the draft's form first opened, so a change saved elsewhere in
between is merged or asked about at saving, like any other.

Everything saved before was on disk already; a draft only holds typing.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from textual.css.query import NoMatches

from pop_tui.core.model import TABLES, ModelError, Record
from pop_tui.core.texts import t
from pop_tui.store.drafts import Draft, remove_draft, write_draft
from pop_tui.ui.context import pop_context
from pop_tui.ui.dialogs.draft import DraftDialog
from pop_tui.ui.dialogs.form import FormDialog

if TYPE_CHECKING:
    from textual.app import App

# The actions of a section screen that only open a form, and so may be replayed.
REOPENABLE = frozenset({"add", "edit", "reschedule", "edit_action", "ask", "answer", "reflect"})


@runtime_checkable
class KeepsDraft(Protocol):
    """A screen that can hand out its unsaved typing (a form, the review wizard)."""

    def draft_document(self) -> dict[str, Any] | None: ...


def keep_drafts(app: App[Any]) -> list[Path]:
    """Write a draft for every open form that holds unsaved typing; where they went."""
    kept: list[Path] = []
    for screen in app.screen_stack:
        if not isinstance(screen, KeepsDraft):
            continue
        # Called while pop is being closed from outside: a form that cannot be read,
        # or a draft that cannot be written, must not stop the others or the exit.
        with contextlib.suppress(NoMatches, OSError, TypeError, ValueError):
            document = screen.draft_document()
            if document is not None:
                kept.append(write_draft(pop_context(app).store.path, document))
    return kept


def offer_drafts(app: App[Any], drafts: list[Draft], unreadable: list[Path]) -> None:
    """Offer the drafts kept for this plan (see store.drafts.list_drafts), one after another."""
    for path in unreadable:
        pop_context(app).say(t("draft.msg.unreadable", path=path), severity="warning")
    if drafts:
        _offer(app, drafts[0], drafts[1:])


def _offer(app: App[Any], draft: Draft, rest: list[Draft], reason: str = "") -> None:
    reason = reason or why_not(app, draft)

    def answered(answer: str | None) -> None:
        if answer == "restore":
            app.call_later(_restore, app, draft, rest)
            return
        if answer == "discard":
            remove_draft(draft)
            pop_context(app).say(t("draft.msg.discarded"))
        if rest:
            _offer(app, rest[0], rest[1:])

    app.push_screen(DraftDialog(draft, reason), answered)


async def _restore(app: App[Any], draft: Draft, rest: list[Draft]) -> None:
    reason = await reopen(app, draft)
    if reason:
        _offer(app, draft, rest, reason)
        return
    remove_draft(draft)
    pop_context(app).say(t("draft.msg.restored"))
    # Any other drafts wait for the next start: one form at a time.


def _record(data: Any) -> Record | None:
    """The record a draft's form was opened on, as it was then."""
    if not isinstance(data, dict):
        return None
    cls = TABLES.get(str(data.get("table")))
    id, fields = data.get("id"), data.get("fields")
    if cls is None or not isinstance(id, int) or not isinstance(fields, dict):
        return None
    try:
        return cls.from_dict(id, fields)
    except ModelError:
        return None


def _origin(draft: Draft) -> tuple[dict[str, Any], dict[str, Any]]:
    """The draft's origin and, within it, its place (empty when missing or malformed)."""
    origin = draft.document.get("origin")
    origin = origin if isinstance(origin, dict) else {}
    place = origin.get("place")
    return origin, place if isinstance(place, dict) else {}


def _steps_of(place: dict[str, Any]) -> tuple[int, int | None] | None:
    steps = place.get("steps")
    if isinstance(steps, list) and len(steps) == 2:
        goal_id, action_id = steps
        if isinstance(goal_id, int) and (action_id is None or isinstance(action_id, int)):
            return goal_id, action_id
    return None


def why_not(app: App[Any], draft: Draft) -> str:
    """Why the draft's form cannot be opened again; "" when it can (as far as can be seen)."""
    origin, place = _origin(draft)
    if "guide" in origin or "wizard" in origin:  # opened again by the guide, the wizard
        return ""
    if origin.get("action") not in REOPENABLE or origin.get("mode") not in app.MODES:
        return t("draft.reason.unknown")
    plan = pop_context(app).store.plan
    base = _record(draft.document.get("record"))
    # The profile is there even before it was first saved (blank): it cannot go.
    if base is not None and base.TABLE != "profile" and plan.get(base.TABLE, base.id) is None:
        return t("draft.reason.gone")
    steps = _steps_of(place)
    if steps is not None:
        goal_id, action_id = steps
        if goal_id not in plan.goals or (action_id is not None and action_id not in plan.actions):
            return t("draft.reason.gone")
    return ""


Place = tuple[str, dict[str, Any], str | None]


def place_of(app: App[Any]) -> Place | None:
    """Where the app is: the section on show, the screen's place in it (see
    SectionScreen.place) and the record under the cursor; None when not on a section."""
    from pop_tui.ui.screens.dashboard import DashboardScreen
    from pop_tui.ui.screens.section import SectionScreen

    for screen in reversed(app.screen_stack):  # under a dialog (the palette), its screen
        if isinstance(screen, SectionScreen | DashboardScreen):
            place = screen.place() if isinstance(screen, SectionScreen) else {}
            return app.current_mode, place, screen.cursor_id()
    return None


async def show_place(app: App[Any], mode: str, place: dict[str, Any], cursor: str | None) -> None:
    """Show the section ``mode`` with the screen at ``place`` and the cursor on ``cursor``."""
    from pop_tui.ui.screens.dashboard import DashboardScreen
    from pop_tui.ui.screens.section import SectionScreen
    from pop_tui.ui.screens.steps import StepsScreen

    await app.switch_mode(mode)
    while len(app.screen_stack) > 1:
        await app.pop_screen()
    steps = _steps_of(place)
    if steps is not None:
        await app.push_screen(StepsScreen(*steps))
    screen = app.screen
    if isinstance(screen, SectionScreen):
        screen.come_back(place, cursor)
    elif isinstance(screen, DashboardScreen) and cursor is not None:
        screen.reveal(cursor)


async def reopen(app: App[Any], draft: Draft) -> str:
    """Open the draft's form again with its typing; "" when done, else why it cannot be."""
    from pop_tui.ui.screens.section import SectionScreen

    reason = why_not(app, draft)
    if reason:
        return reason
    origin, place = _origin(draft)
    base = _record(draft.document.get("record"))
    typed = {
        str(f.get("name")): f.get("value")
        for f in draft.document.get("fields", [])
        if isinstance(f, dict)
    }

    if "guide" in origin:
        from pop_tui.ui.screens.guide import reopen_step

        return await reopen_step(app, origin["guide"], typed)
    if "wizard" in origin:
        from pop_tui.ui.wizard_drafts import reopen_wizard

        return await reopen_wizard(app, origin["wizard"], typed)
    cursor = origin.get("cursor")
    await show_place(app, str(origin["mode"]), place, cursor if isinstance(cursor, str) else None)
    screen = app.screen
    if not isinstance(screen, SectionScreen):
        return t("draft.reason.unknown")
    await app.run_action(str(origin["action"]), screen)

    form = app.screen
    if not isinstance(form, FormDialog):
        return t("draft.reason.gone")
    opened_on = (form.record.TABLE, form.record.id) if form.record is not None else None
    expected = (base.TABLE, base.id) if base is not None else None
    same_form = form.form_title == draft.title and typed.keys() <= form.fields.keys()
    if opened_on != expected or not same_form:
        # The cursor found another record (that one is gone), or the action now opens
        # another form (the title is in the language of the day): not the same form.
        form.dismiss(False)
        return t("draft.reason.gone")
    form.restore(typed, base)
    return ""
