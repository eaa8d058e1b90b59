"""The preview under a date field: the date as read, why it is no date, or that it is late."""

from __future__ import annotations

from pop_tui.core.date_preview import DatePreview, preview_date
from pop_tui.core.texts import set_language
from tests.conftest import TODAY


def test_nothing_typed_says_nothing() -> None:
    assert preview_date("  ", TODAY) == DatePreview()


def test_a_date_previews_and_a_wrong_one_says_why() -> None:
    assert preview_date("next friday", TODAY).hint == "→ Fri 4 Dec 2026, in 5 days"
    wrong = preview_date("31-02-2027", TODAY)
    assert wrong.hint == ""
    assert wrong.error.startswith('"31-02-2027" does not exist')


def test_a_past_due_date_is_late_at_once_only_where_asked() -> None:
    assert not preview_date("yesterday", TODAY).late
    late = preview_date("yesterday", TODAY, warn_past=True)
    assert late.late
    assert late.hint.endswith("in the past: this is late at once")
    assert not preview_date("today", TODAY, warn_past=True).late


def test_the_preview_speaks_dutch() -> None:
    set_language("nl")
    assert "meteen te laat" in preview_date("gisteren", TODAY, warn_past=True).hint
    assert "herken ik niet" in preview_date("xyz", TODAY).error
