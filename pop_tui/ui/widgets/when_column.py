"""The "when" column of the agenda lists (the dashboard, the evaluation screen).

Its width follows the language: Dutch "over 10 dagen" is longer than English
"in 10 days", and a column sized for one language runs into the titles in the
other.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from pop_tui.core.dates import relative_day
from pop_tui.core.texts import language, t

# The furthest ahead a "when" looks (the dashboard's reviews), and the latest it counts.
DAYS_AHEAD = 14
DAYS_LATE = 99


def late_label(days: int, lang: str | None = None) -> str:
    """How late a step or a review is: "3 d late"."""
    if days == 1:
        return t("ui.when.overdue_one", lang)
    return t("ui.when.overdue", lang, days=days)


@cache
def _width(lang: str) -> int:
    day = date(2000, 1, 1)
    labels = [late_label(DAYS_LATE, lang)]
    labels += [relative_day(day + timedelta(days=n), day, lang) for n in range(DAYS_AHEAD + 1)]
    return max(len(label) for label in labels) + 1


def when_width() -> int:
    """Room for the longest "when" in the current language (up to 99 days late or 14
    days ahead), and a space before the title."""
    return _width(language())
