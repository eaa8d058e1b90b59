"""The live SMART check: a score per letter and concrete findings, in English and Dutch."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from pop_tui.core.demo import populate_demo
from pop_tui.core.edit import Edit
from pop_tui.core.model import Goal, Plan
from pop_tui.core.smart import LETTERS, check_smart
from pop_tui.core.texts import catalogues, set_language
from tests.conftest import TODAY


def demo_goal(title: str, lang: str = "en") -> Goal:
    plan = Plan()
    populate_demo(Edit(plan), TODAY, lang)
    return next(g for g in plan.goals.values() if g.title == title)


# A goal that passes all five letters; each row below breaks one thing.
GOOD: dict[str, Any] = {
    "title": "Spreadsheet skills from basic to advanced",
    "specific": "Master pivot tables and lookups for the campaign reports",
    "metric": "score on the advanced spreadsheet test",
    "unit": "%",
    "baseline": 40.0,
    "target": 80.0,
    "why_me": "Reports in half the time",
    "why_employer": "Faster figures for the sales target",
    "means": "Online course, two hours a week",
    "deadline": TODAY + timedelta(days=180),
}


def findings(check_fields: dict[str, Any], letter: str) -> list[str]:
    return [f.key for f in check_smart(check_fields, TODAY)[letter].findings]  # type: ignore[index]


def test_the_articles_spreadsheet_goal_passes_all_five_letters() -> None:
    check = check_smart(demo_goal("Spreadsheet skills from basic to advanced"), TODAY)
    assert check.scores() == dict.fromkeys(LETTERS, "ok")
    assert check.passed


def test_the_articles_spreadsheet_goal_passes_in_dutch_too() -> None:
    goal = demo_goal("Spreadsheetvaardigheden van basis naar gevorderd", "nl")
    assert check_smart(goal, TODAY).passed


def test_a_bare_vague_goal_fails_measurable_and_time_bound() -> None:
    check = check_smart({"title": "get better at leading people"}, TODAY)
    assert check["M"].score == "missing"
    assert check["T"].score == "missing"
    assert check["A"].score == "missing"
    assert check["R"].score == "missing"
    assert check["S"].score == "weak"
    assert [f.key for f in check["S"].findings] == ["smart.s.title_only", "smart.s.vague"]
    assert not check.passed


@pytest.mark.parametrize(
    ("change", "letter", "score", "keys"),
    [
        ({}, "M", "ok", []),
        ({"title": "", "specific": ""}, "S", "missing", ["smart.s.no_aim"]),
        ({"specific": "", "title": "Excel"}, "S", "weak", ["smart.s.title_only", "smart.s.short"]),
        # A filled title is not yet a filled Specific field.
        (
            {"specific": "", "title": "Speak Spanish at B1 level"},
            "S",
            "weak",
            ["smart.s.title_only"],
        ),
        (
            {"specific": "Get better at Excel", "metric": "", "target": None, "baseline": None},
            "S",
            "weak",
            ["smart.s.vague"],
        ),
        # A vague word is fine once the aim has a measure.
        ({"specific": "Get better at Excel"}, "S", "ok", []),
        (
            {"metric": "", "unit": "", "baseline": None, "target": None},
            "M",
            "missing",
            ["smart.m.no_measure"],
        ),
        ({"unit": "", "metric": "level"}, "M", "weak", ["smart.m.no_unit"]),
        ({"unit": "", "metric": "books read out of 4"}, "M", "ok", []),
        ({"baseline": None}, "M", "weak", ["smart.m.no_baseline"]),
        ({"target": None}, "M", "weak", ["smart.m.no_target"]),
        ({"target": 40.0}, "M", "weak", ["smart.m.target_is_baseline"]),
        ({"metric": ""}, "M", "weak", ["smart.m.no_metric"]),
        ({"target": float("nan")}, "M", "weak", ["smart.m.no_target"]),
        ({"baseline": float("inf")}, "M", "weak", ["smart.m.no_baseline"]),
        ({"why_me": "", "why_employer": ""}, "A", "missing", ["smart.a.no_reason"]),
        ({"why_me": ""}, "A", "weak", ["smart.a.no_reason_me"]),
        ({"why_employer": ""}, "A", "weak", ["smart.a.no_reason_employer"]),
        ({"why_employer": "", "kind": "broad"}, "A", "ok", []),
        ({"why_employer": "", "kind": "personal"}, "A", "ok", []),
        ({"means": ""}, "R", "missing", ["smart.r.no_means"]),
        ({"means": "Enough time and means"}, "R", "weak", ["smart.r.no_time"]),
        ({"means": "Voldoende tijd, twee uur per week"}, "R", "ok", []),
        ({"means": "Course on 3 evenings"}, "R", "ok", []),
        ({"deadline": None}, "T", "missing", ["smart.t.no_deadline"]),
        ({"deadline": TODAY - timedelta(days=1)}, "T", "weak", ["smart.t.past"]),
        ({"deadline": TODAY - timedelta(days=1), "status": "done"}, "T", "ok", []),
        ({"deadline": TODAY}, "T", "ok", []),
        ({"deadline": date(2028, 2, 29)}, "T", "ok", []),  # 15 months: about a year
        ({"deadline": date(2028, 4, 1)}, "T", "weak", ["smart.t.beyond_short"]),
        ({"deadline": date(2028, 4, 1), "horizon": "long"}, "T", "ok", []),
        ({"deadline": date(2032, 12, 1), "horizon": "long"}, "T", "weak", ["smart.t.beyond_long"]),
    ],
)
def test_each_letter_scores_and_names_what_is_missing_or_weak(
    change: dict[str, Any], letter: str, score: str, keys: list[str]
) -> None:
    check = check_smart({**GOOD, **change}, TODAY)
    assert check[letter].score == score  # type: ignore[index]
    assert [f.key for f in check[letter].findings] == keys  # type: ignore[index]


def test_findings_are_concrete_in_english_and_dutch() -> None:
    check = check_smart({**GOOD, "target": 40.0, "deadline": date(2029, 1, 1)}, TODAY)
    same = check["M"].findings[0]
    far = check["T"].findings[0]
    assert same.text("en") == (
        "The target equals the baseline (40): reaching it would change nothing."
    )
    assert "40" in same.text("nl") and "beginwaarde" in same.text("nl")
    assert "25 months away" in far.text("en")
    assert "25 maanden" in far.text("nl")


def test_a_past_deadline_is_shown_as_a_date_in_the_current_language() -> None:
    check = check_smart({**GOOD, "deadline": date(2026, 11, 1)}, TODAY)
    finding = check["T"].findings[0]
    assert "Sun 1 Nov 2026" in finding.text("en")
    set_language("nl")
    assert "zo 1 nov 2026" in finding.text()


def test_every_smart_text_exists_in_both_languages() -> None:
    en = {k for k in catalogues()["en"] if k.startswith("smart.")}
    nl = {k for k in catalogues()["nl"] if k.startswith("smart.")}
    assert en == nl
    assert {"smart.m.no_unit", "smart.t.beyond_short", "smart.a.no_reason"} <= en
