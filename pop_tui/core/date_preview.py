"""What a date field says as the person types: the date it reads, or why it cannot.

A form shows this under a date field on every key, so a wrong date is seen
before Enter, and a due date in the past says at once that the step will be
late (it is still allowed: some steps are entered after the fact).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pop_tui.core.dates import DateError, format_date, parse_date, relative_day
from pop_tui.core.texts import t


@dataclass(frozen=True)
class DatePreview:
    """``hint``: the date as read (empty when none); ``error``: why the text is no date."""

    hint: str = ""
    error: str = ""
    late: bool = False


def preview_date(text: str, today: date, *, warn_past: bool = False) -> DatePreview:
    """The preview of ``text`` typed into a date field (nothing typed: nothing to say).

    ``warn_past``: a date before ``today`` adds that it is late at once (a due date).
    """
    if not text.strip():
        return DatePreview()
    try:
        day = parse_date(text, today)
    except DateError as exc:
        return DatePreview(error=exc.message)
    hint = t("form.date_hint", date=format_date(day), relative=relative_day(day, today))
    late = warn_past and day < today
    if late:
        hint = f"{hint} · {t('form.date_late')}"
    return DatePreview(hint=hint, late=late)
