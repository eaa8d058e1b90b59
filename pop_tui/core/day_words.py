"""How far a day is from today, in words: light, for the shell commands that start fast.

(:mod:`pop_tui.core.dates`, which re-exports it, imports ``re`` and more for reading dates.)
"""

from __future__ import annotations

from pop_tui.core.texts import t

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date

__all__ = ["relative_day"]


def relative_day(d: date, today: date, lang: str | None = None) -> str:
    """How far ``d`` is from ``today`` in words: "today", "tomorrow", "yesterday",
    "in 3 days", "3 days ago" (Dutch "vandaag", "morgen", "gisteren", "over 3 dagen",
    "3 dagen geleden"), in ``lang`` (default: the current language)."""
    days = (d - today).days
    if days == 0:
        return t("date.relative.today", lang)
    if days == 1:
        return t("date.relative.tomorrow", lang)
    if days == -1:
        return t("date.relative.yesterday", lang)
    if days > 0:
        return t("date.relative.future", lang, n=days)
    return t("date.relative.past", lang, n=-days)
