"""When this device last synced its plan, as the dashboard and the conflicts screen say it.

The sync keeps that beside the plan, on this device only (``local/sync.json``, see
:func:`pop_tui.store.sync_repo.last_sync`, written by ``pop sync`` and by "Sync now");
a plan that never synced has none.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from pop_tui.core.dates import format_date
from pop_tui.core.day_words import relative_day
from pop_tui.core.texts import t


def last_synced(plan_path: Path) -> datetime | None:
    """When the plan at ``plan_path`` last synced on this device; None: never (or unreadable)."""
    from pop_tui.store.sync_repo import last_sync  # with git's modules: only once there is a plan

    try:
        return datetime.fromisoformat(last_sync(plan_path)["at"])
    except (ValueError, KeyError, TypeError):
        return None


def when_words(at: datetime, today: date) -> str:
    """ "today 10:00", "yesterday 18:30", else the date."""
    day = at.date()
    if abs((day - today).days) <= 1:
        return f"{relative_day(day, today)} {at:%H:%M}"
    return format_date(day)


def synced_text(plan_path: Path, today: date) -> str:
    """ "synced today 10:00", or "never synced"."""
    at = last_synced(plan_path)
    if at is None:
        return t("conflicts.dash.never")
    return t("conflicts.dash.synced", when=when_words(at, today))
