"""The conversation pack as HTML: self-contained, printable, and every user text escaped."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import given, settings

from pop_tui.core.demo import populate_demo
from pop_tui.core.edit import Edit
from pop_tui.core.export.html import export_html
from pop_tui.core.model import Plan
from pop_tui.core.texts import t
from tests.hostile import CLEAN_BLOCK, CLEAN_LINE, CONTROL_CHARS, TODAY, hostile_plan
from tests.plan_strategies import plans


class Page(HTMLParser):
    """The tags, attributes and text of a page, and whether it is well nested."""

    VOID = frozenset(("meta", "br", "link", "img", "input", "hr"))

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.open: list[str] = []
        self.misnested: list[str] = []
        self.classes: list[str] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs
        self.classes += [v or "" for k, v in attrs if k == "class"]
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            self.misnested.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    @property
    def body_text(self) -> str:
        return "".join(self.text)


def demo_plan(lang: str = "en") -> Plan:
    plan = Plan()
    populate_demo(Edit(plan), TODAY, lang)
    return plan


def test_page_is_one_well_formed_document() -> None:
    page = Page(export_html(demo_plan(), TODAY))
    assert page.tags[0] == "html"
    assert not page.misnested and not page.open


def test_page_is_self_contained_without_scripts_or_fetches() -> None:
    markup = export_html(hostile_plan(), TODAY)
    page = Page(markup)
    assert "script" not in page.tags
    assert not {"link", "img", "iframe", "object", "embed"} & set(page.tags)
    names = {name for name, _ in page.attrs}
    assert not {"src", "href", "action"} & names
    assert not any(name.startswith("on") for name in names)
    assert "@import" not in markup and "url(" not in markup
    assert "default-src 'none'" in markup


def test_every_user_text_is_escaped_text() -> None:
    markup = export_html(hostile_plan(), TODAY)
    page = Page(markup)
    assert "<script>" not in markup and "<b>bold" not in markup
    assert "b" not in page.tags
    text = page.body_text
    for name in ("OWNER", "GOALTITLE", "DONESTEP", "OPENSTEP", "QUALITY", "ORGGOAL"):
        assert f"{name} {CLEAN_LINE}" in text, name
    for name in ("DREAM", "SPECIFIC", "LEARNED", "ANSWER", "HELPANSWER", "CANDO", "REASON"):
        assert f"{name} {CLEAN_BLOCK}" in text, name


def test_quotes_in_user_text_cannot_leave_an_attribute() -> None:
    markup = export_html(hostile_plan(), TODAY)
    assert '"double"' not in markup
    assert "&quot;double&quot;" in markup


def test_no_control_character_reaches_the_page() -> None:
    markup = export_html(hostile_plan(), TODAY)
    assert not [c for c in CONTROL_CHARS if c in markup and c != "\n"]
    assert "\u202e" not in markup


def test_each_goal_starts_a_printed_page_and_its_blocks_stay_whole() -> None:
    markup = export_html(demo_plan(), TODAY)
    page = Page(markup)
    assert page.classes.count("goal") == len(demo_plan().goals)
    style = re.search(r"@media print \{(.*?)\n\}", markup, re.S)
    assert style is not None
    assert re.search(r"\.goal \{[^}]*break-before: page", style.group(1))
    assert re.search(r"\.keep[^{]*\{[^}]*break-inside: avoid", style.group(1))


def test_page_has_the_conversation_pack_content() -> None:
    text = Page(export_html(demo_plan(), TODAY)).body_text
    for expected in (
        t("export.section.analysis", "en"),
        t("export.section.employer", "en"),
        t("export.question.goals_help", "en"),
        t("export.question.employer_can_do", "en"),
        "start 40 → now 55 → target 80",
        "37% of the way from start to target",
        "behind",
        "Module 1: formulas and lookups",
        "The course has one module more than I thought",
        "Courses differ a lot",
        "How do I come across in the team meeting?",
        "Pay the leadership course",
    ):
        assert expected in text, expected


def test_page_speaks_the_plans_language() -> None:
    markup = export_html(demo_plan("nl"), TODAY)
    assert '<html lang="nl">' in markup
    text = Page(markup).body_text
    assert "Doelen voor het komende jaar" in text
    assert "Wat kan mijn organisatie voor mij doen?" in text


@settings(max_examples=60, deadline=None)
@given(plan=plans())
def test_any_plan_renders_without_control_characters(plan: Plan) -> None:
    text = export_html(plan, TODAY)
    assert not [c for c in CONTROL_CHARS if c in text and c != "\n"]
    page = Page(text)
    assert not page.misnested and not page.open
    assert page.classes.count("goal") == len(plan.goals)
