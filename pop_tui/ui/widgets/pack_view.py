"""The conversation pack of a plan, laid out for reading in the terminal.

The same outline as the Markdown and HTML exports (:mod:`pop_tui.core.export.pack`
gathers it; :mod:`pop_tui.core.export.wording` words it): profile and dream job,
analysis, employer goals, each goal with its SMART fields, progress, pace,
actions, steps, reflections, feedback, changes and reviews, then the reviews of
the whole plan and the answers for the conversation.

It only shows: there is nothing to select and no key that changes anything.
User text is data, shown through :func:`printable` as plain :class:`Content`,
never read as markup; multi-line text keeps its lines.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import Static

from pop_tui.core.export import wording as w
from pop_tui.core.export.pack import GoalSheet, Pack, format_number
from pop_tui.core.model import QUADRANTS, Feedback, Reflection, Review
from pop_tui.core.printable import printable
from pop_tui.core.texts import t
from pop_tui.ui.keys import described


def text_lines(text: str) -> Content:
    """Multi-line user text with its lines kept, each line made printable."""
    found = [printable(line).rstrip() for line in text.strip().splitlines()]
    return Content("\n").join(Content(line) for line in found if line.strip())


class Hanging(Visual):
    """Text whose wrapped lines, and further lines, start ``hang`` cells in.

    A bullet's text then continues under its text, not under the bullet, and a
    field's value under its label, indented: CSS has no hanging indent.
    """

    def __init__(self, content: Content, hang: int) -> None:
        self.content = content
        self.hang = hang
        self._lines: tuple[int, list[Content]] | None = None

    def lines(self, width: int) -> list[Content]:
        """The lines as shown at ``width`` cells."""
        if self._lines is not None and self._lines[0] == width:
            return self._lines[1]
        hang = self.hang if width > self.hang * 2 else 0
        pad = Content(" " * hang)
        found: list[Content] = []
        for number, line in enumerate(self.content.split("\n", allow_blank=True)):
            if number == 0:
                first = line.wrap(width)
                if not first:
                    found.append(Content(""))
                    continue
                found.append(first[0])
                rest = line[len(first[0].plain) :]
                line = rest[len(rest.plain) - len(rest.plain.lstrip(" ")) :]
                if not line.plain:
                    continue
            found.extend(pad + piece for piece in line.wrap(width - hang))
        self._lines = (width, found)
        return found

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        if not width:
            return []
        shown = Content("\n").join(self.lines(width))
        return shown.render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self.lines(width))


def _static(content: Content | str, kind: str, hang: int = 0) -> Static:
    shown = content if isinstance(content, Content) else Content(content)
    return Static(Hanging(shown, hang) if hang else shown, classes=kind)


class _Layout:
    """Collects the widgets of the pack, in order."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.lang = pack.lang
        self.widgets: list[Static] = []

    def add(self, content: Content | str, kind: str, hang: int = 0) -> None:
        """One paragraph; ``hang``: how far its wrapped lines start in."""
        self.widgets.append(_static(content, kind, hang))

    def heading(self, text: str, level: int) -> None:
        self.add(Content.styled(text, "bold" if level > 2 else "bold underline"), f"pack-h{level}")

    def none(self) -> None:
        self.add(Content.styled(t("export.none", self.lang), "italic dim"), "pack-item")

    def field(self, label: str, value: Content | str, kind: str = "pack-field") -> None:
        """A labelled value; nothing when the value is empty."""
        content = value if isinstance(value, Content) else Content(printable(value))
        if content.plain.strip():
            self.add(Content.assemble((f"{label}: ", "bold"), content), kind, hang=2)

    def item(self, content: Content | str, kind: str = "pack-item") -> None:
        shown = content if isinstance(content, Content) else Content(printable(content))
        self.add(Content.assemble("• ", shown), kind, hang=2)

    def items(self, texts: Iterable[str]) -> None:
        found = [text for text in texts if text.strip()]
        if not found:
            self.none()
        for text in found:
            self.item(text_lines(text))


def _profile(m: _Layout) -> None:
    pack = m.pack
    m.add(Content.styled(printable(w.title(pack)), "bold"), "pack-title")
    profile = pack.profile
    qualities = [q for q in profile.dream_job_qualities if q.strip()]
    if profile.dream_job.strip() or qualities:
        m.heading(t("archive.dream_job", m.lang), 2)
        if profile.dream_job.strip():
            m.add(text_lines(profile.dream_job), "pack-field")
        if qualities:
            m.add(Content(t("export.dream_job.qualities", m.lang) + ":"), "pack-field")
            for quality in qualities:
                m.item(text_lines(quality), "pack-sub")


def _analysis(m: _Layout) -> None:
    m.heading(t("export.section.analysis", m.lang), 2)
    for quadrant in QUADRANTS:
        m.heading(t(f"export.quadrant.{quadrant}", m.lang), 3)
        m.items(item.text for item in m.pack.swot[quadrant])
    m.heading(t("export.section.trends", m.lang), 3)
    m.items(trend.text for trend in m.pack.trends)


def _employer(m: _Layout) -> None:
    m.heading(t("export.section.employer", m.lang), 2)
    if not m.pack.employer_goals:
        m.none()
    for goal in m.pack.employer_goals:
        m.heading(printable(goal.title) or "—", 3)
        for key, text in (
            ("export.employer.department", goal.department_contribution),
            ("export.employer.mine", goal.my_contribution),
            ("export.employer.competencies", goal.competencies_to_develop),
            ("export.employer.talents", goal.unused_talents),
        ):
            m.field(t(key, m.lang), text_lines(text))


def _reflection(m: _Layout, item: Reflection, step_title: str | None) -> None:
    parts = []
    if item.on:
        parts.append(w.day(item.on, m.lang))
    if step_title:
        parts.append(t("export.reflection.on_step", m.lang, step=printable(step_title)))
    m.item(" · ".join(parts) or "—")
    m.field(t("export.reflection.learned", m.lang), text_lines(item.learned), "pack-sub")
    m.field(t("export.reflection.differently", m.lang), text_lines(item.differently), "pack-sub")


def _feedback(m: _Layout, item: Feedback) -> None:
    m.item(w.feedback_heading(item, m.lang))
    m.field(t("export.feedback.question", m.lang), text_lines(item.question), "pack-sub")
    m.field(t("export.feedback.answer", m.lang), text_lines(item.answer), "pack-sub")


def _review(m: _Layout, review: Review) -> None:
    m.item(
        Content.assemble(
            (printable(review.title) or "—", "bold"),
            ": ",
            printable(w.review_when(review, m.lang)),
        )
    )
    for held in review.held:
        when = t("export.review.held", m.lang, date=w.day(held.on, m.lang))
        notes = text_lines(held.notes)
        m.add(Content.assemble(when, ": " if notes.plain else "", notes), "pack-sub", hang=2)


def _goal(m: _Layout, sheet: GoalSheet, number: int) -> None:
    goal = sheet.goal
    lang = m.lang
    today = m.pack.today
    m.heading(f"{number}. {printable(goal.title) or '—'}", 3)
    m.add(Content.styled(w.goal_tags(goal, lang), "italic"), "pack-field")
    m.field(t("export.progress", lang), w.progress(sheet, lang))
    m.field(t("export.pace", lang), w.pace(sheet, lang))
    m.field(t("export.smart.specific", lang), text_lines(goal.specific))
    m.field(t("export.smart.measurable", lang), w.measurable(goal, lang))
    m.field(t("export.smart.acceptable", lang), "; ".join(w.acceptable(goal, lang)))
    m.field(t("export.smart.realistic", lang), text_lines(goal.means))
    m.field(t("export.smart.time_bound", lang), w.time_bound(goal, today, lang))
    m.field(t("export.links.swot", lang), "; ".join(printable(s.text) for s in sheet.swot))
    m.field(
        t("export.links.employer", lang),
        "; ".join(printable(e.title) for e in sheet.employer_goals),
    )

    if sheet.measurements:
        m.heading(t("export.section.measurements", lang), 4)
        for entry in sheet.measurements:
            when = w.day(entry.on, lang) if entry.on else "—"
            note = f" — {printable(entry.note)}" if entry.note.strip() else ""
            m.item(f"{when}: {format_number(entry.value, lang)}{note}")

    m.heading(t("export.section.actions", lang), 4)
    if not sheet.actions:
        m.none()
    for action in sheet.actions:
        m.item(text_lines(action.action) if action.action.strip() else Content("—"))
        m.field(t("export.action.result", lang), text_lines(action.result), "pack-sub")
        m.field(t("export.action.obstacles", lang), text_lines(action.obstacles), "pack-sub")

    m.heading(t("export.section.steps_done", lang), 4)
    if not sheet.steps_done:
        m.none()
    for step in sheet.steps_done:
        when = w.step_done(step, lang)
        m.add(
            Content.assemble(
                "✓ ", printable(step.title) or "—", (f"  {when}" if when else "", "dim")
            ),
            "pack-item",
            hang=2,
        )
    m.heading(t("export.section.steps_open", lang), 4)
    if not sheet.steps_open:
        m.none()
    for step in sheet.steps_open:
        when = w.step_open(step, today, lang)
        m.add(
            Content.assemble("☐ ", printable(step.title) or "—", (f"  {when}", "dim")),
            "pack-item",
            hang=2,
        )

    steps = {s.id: s.title for s in (*sheet.steps_done, *sheet.steps_open)}
    if sheet.reflections:
        m.heading(t("export.section.reflections", lang), 4)
        for reflection in sheet.reflections:
            title = steps.get(reflection.step_id) if reflection.step_id is not None else None
            _reflection(m, reflection, title)
    if sheet.feedback:
        m.heading(t("export.section.feedback", lang), 4)
        for item in sheet.feedback:
            _feedback(m, item)
    if sheet.changes:
        m.heading(t("export.section.changes", lang), 4)
        for change in sheet.changes:
            m.item(w.change_line(change, lang))
            m.field(t("export.change.reason", lang), text_lines(change.reason), "pack-sub")
    if sheet.reviews:
        m.heading(t("export.section.reviews", lang), 4)
        for review in sheet.reviews:
            _review(m, review)


def _goals(m: _Layout) -> None:
    number = 0
    for key, sheets in (
        ("export.section.short_goals", m.pack.short_goals),
        ("export.section.long_goals", m.pack.long_goals),
    ):
        m.heading(t(key, m.lang), 2)
        if not sheets:
            m.none()
        for sheet in sheets:
            number += 1
            _goal(m, sheet, number)


def _rest(m: _Layout) -> None:
    pack = m.pack
    m.heading(t("export.section.plan_reviews", m.lang), 2)
    if not pack.plan_reviews:
        m.none()
    for review in pack.plan_reviews:
        _review(m, review)
    if pack.loose_reflections or pack.loose_feedback:
        m.heading(t("export.section.loose", m.lang), 2)
        for reflection in pack.loose_reflections:
            _reflection(m, reflection, None)
        for item in pack.loose_feedback:
            _feedback(m, item)
    m.heading(t("archive.answers", m.lang), 2)
    for key, answer in (
        ("export.question.goals_help", pack.profile.answer_goals_help),
        ("export.question.employer_can_do", pack.profile.answer_employer_can_do),
    ):
        m.heading(t(key, m.lang), 3)
        if answer.strip():
            m.add(text_lines(answer), "pack-field")
        else:
            m.add(Content.styled(t("export.not_answered", m.lang), "italic dim"), "pack-field")


def pack_widgets(pack: Pack) -> list[Static]:
    """The whole pack as a column of static texts."""
    m = _Layout(pack)
    for part in (_profile, _analysis, _employer, _goals, _rest):
        part(m)
    return m.widgets


class PackView(VerticalScroll):
    """The pack, scrolled with the keyboard; it holds nothing that can be chosen or changed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "scroll_down", described("ui.key.down"), show=False, id="archive.down"),
        Binding("up,k", "scroll_up", described("ui.key.up"), show=False, id="archive.up"),
        Binding(
            "pagedown",
            "page_down",
            described("archive.key.page_down"),
            show=False,
            id="archive.page_down",
        ),
        Binding(
            "pageup", "page_up", described("archive.key.page_up"), show=False, id="archive.page_up"
        ),
        Binding("home", "scroll_home", described("archive.key.top"), show=False, id="archive.top"),
        Binding("end", "scroll_end", described("archive.key.end"), show=False, id="archive.end"),
    ]

    def __init__(self, pack: Pack, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.pack = pack

    def compose(self) -> Iterator[Static]:
        yield from pack_widgets(self.pack)
