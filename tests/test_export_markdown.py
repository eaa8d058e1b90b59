"""The conversation pack as Markdown: every section, in the plan's language, user text kept inert."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from markdown_it import MarkdownIt

from pop_tui.core.demo import populate_demo
from pop_tui.core.edit import Edit
from pop_tui.core.export.markdown import escape, export_markdown
from pop_tui.core.model import Plan
from pop_tui.core.texts import t
from tests.hostile import CLEAN_BLOCK, CLEAN_LINE, CONTROL_CHARS, TODAY, hostile_plan
from tests.plan_strategies import plans


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def rendered(markdown: str) -> _Tags:
    """The Markdown rendered by an independent CommonMark parser, as tags and text."""
    parser = _Tags()
    parser.feed(MarkdownIt("commonmark").render(markdown))
    return parser


def demo_plan(lang: str = "en") -> Plan:
    plan = Plan()
    populate_demo(Edit(plan), TODAY, lang)
    return plan


def test_pack_has_every_section_of_the_plan() -> None:
    text = export_markdown(demo_plan(), TODAY)
    for key in (
        "export.section.dream_job",
        "export.section.analysis",
        "export.quadrant.S",
        "export.quadrant.W",
        "export.quadrant.O",
        "export.quadrant.T",
        "export.section.trends",
        "export.section.employer",
        "export.section.short_goals",
        "export.section.long_goals",
        "export.section.plan_reviews",
        "export.section.questions",
        "export.question.goals_help",
        "export.question.employer_can_do",
    ):
        assert f"# {t(key, 'en')}" in text, key


def test_goal_shows_smart_fields_measure_pace_steps_and_history() -> None:
    text = export_markdown(demo_plan(), TODAY)
    sheet = text.split("Spreadsheet skills from basic to advanced", 1)[1].split("\n## ", 1)[0]
    assert "**Specific:** Master pivot tables" in sheet
    assert "start 40 → now 55 → target 80" in sheet
    assert "**Acceptable:** for me: Reports in half the time; for my employer:" in sheet
    assert "**Realistic:** Online course" in sheet
    assert "**Time-bound:** deadline Thu 4 Mar 2027 (95 days left)" in sheet
    assert "**Progress:** 37% of the way from start to target" in sheet
    assert "**Pace:** behind" in sheet
    assert "- [x] Module 1: formulas and lookups (done Tue 13 Oct 2026)" in sheet
    assert "- [ ] Module 2: pivot tables (due Fri 20 Nov 2026, overdue)" in sheet
    assert "deadline: Thu 28 Jan 2027 → Thu 4 Mar 2027" in sheet
    assert "**Reason:** The course has one module more than I thought" in sheet
    assert "Quarterly check of the spreadsheet goal" in sheet


def test_reflections_and_feedback_belong_to_their_goal() -> None:
    text = export_markdown(hostile_plan(), TODAY)
    goal = text.split("GOALTITLE", 1)[1].split("LONGGOAL", 1)[0]
    for name in ("LEARNED", "DIFFERENTLY", "FROMWHOM", "QUESTION", "ANSWER", "REASON"):
        assert name in goal, name


def test_answers_to_the_two_questions_are_shown() -> None:
    text = export_markdown(demo_plan(), TODAY)
    questions = text.split(t("export.section.questions", "en"), 1)[1]
    assert "Better reports and clearer talks" in questions
    assert "Pay the leadership course" in questions


def test_unanswered_questions_say_so() -> None:
    text = export_markdown(Plan(), TODAY)
    assert text.count(t("export.not_answered", "en")) == 2


def test_pack_speaks_the_plans_language() -> None:
    text = export_markdown(demo_plan("nl"), TODAY)
    assert "# Persoonlijk ontwikkelingsplan van Sam" in text
    assert "## Doelen voor het komende jaar" in text
    assert "start 40 → nu 55 → doel 80" in text
    assert "do 4 mrt 2027" in text
    assert "Goals for the coming year" not in text


def test_no_control_character_reaches_the_output() -> None:
    text = export_markdown(hostile_plan(), TODAY)
    assert not [c for c in CONTROL_CHARS if c in text]
    assert "\u202e" not in text


def test_user_markup_stays_text_under_a_commonmark_parser() -> None:
    result = rendered(export_markdown(hostile_plan(), TODAY))
    assert not result.tags & {"script", "b", "a", "code", "blockquote", "ol", "del", "table"}
    text = "".join(result.text)
    # One-line fields come through character for character...
    for name in ("OWNER", "GOALTITLE", "DONESTEP", "QUALITY", "ORGGOAL"):
        assert f"{name} {CLEAN_LINE}" in text, name
    # ...and multi-line fields keep their lines.
    for name in ("DREAM", "SPECIFIC", "LEARNED", "ANSWER", "HELPANSWER", "REASON"):
        assert f"{name} {CLEAN_BLOCK}" in text, name


@pytest.mark.parametrize(
    "raw",
    ["# h", "> q", "- l", "+ l", "1. n", "12) n", "=== x", "*e*", "<i>x</i>", "&amp;", "a|b"],
)
def test_escape_keeps_every_markdown_construct_literal(raw: str) -> None:
    out = MarkdownIt("commonmark").render(escape(raw))
    assert re.fullmatch(r"<p>(.*)</p>\n", out, re.S), out
    assert html.unescape(out[3:-5]) == raw


@settings(max_examples=60, deadline=None)
@given(plan=plans())
def test_any_plan_renders_without_control_characters(plan: Plan) -> None:
    text = export_markdown(plan, TODAY)
    assert not [c for c in CONTROL_CHARS if c in text and c != "\n"]
    numbered = re.findall(r"^### (\d+)\. ", text, re.M)
    assert numbered == [str(n) for n in range(1, len(plan.goals) + 1)]
