"""The conversation pack as Markdown (CommonMark with GitHub's task lists).

User text is data: every character that Markdown would read as markup
(emphasis, links, code, raw HTML, table pipes) is escaped with a backslash,
and so is a block marker (``#``, ``>``, ``-``, ``1.``) at the start of a line.
Multi-line text keeps its lines as hard line breaks inside its list item.
"""

from __future__ import annotations

import re
from datetime import date

from pop_tui.core.export import wording as w
from pop_tui.core.export.clean import clean, lines
from pop_tui.core.export.pack import GoalSheet, Pack, build_pack, format_number
from pop_tui.core.model import QUADRANTS, Feedback, Plan, Reflection, Review
from pop_tui.core.texts import t

_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_BLOCK_START = re.compile(r"^([#>+=-]|\d{1,9}(?=[.)]))")


def escape(text: str) -> str:
    """One line of user text (already cleaned), safe anywhere in a Markdown line."""
    text = _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", text))
    # A digit run is kept and the "." or ")" after it escaped: "1\." is not a list.
    match = _BLOCK_START.match(text)
    if match is None:
        return text
    marker = match.group(1)
    if marker[0].isdigit():
        return f"{marker}\\{text[len(marker) :]}"
    return f"\\{text}"


def inline(text: str) -> str:
    """User text on one line, cleaned and escaped."""
    return escape(clean(text))


def block(text: str, indent: int = 2) -> str:
    """Multi-line user text: its lines joined with hard breaks, continuation lines indented."""
    return ("\\\n" + " " * indent).join(escape(line) for line in lines(text))


def heading(text: str) -> str:
    # A trailing "#" would close an ATX heading; escaping every "#" keeps it text.
    return inline(text).replace("#", "\\#")


class _Writer:
    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.lang = pack.lang
        self.out: list[str] = []

    def t(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    def line(self, text: str = "") -> None:
        self.out.append(text)

    def head(self, level: int, text: str) -> None:
        if self.out and self.out[-1] != "":
            self.line()
        self.line(f"{'#' * level} {text}")
        self.line()

    def field(self, label: str, value: str) -> None:
        """A labelled list item; ``value`` is already Markdown."""
        if value:
            self.line(f"- **{label}:** {value}")

    def end_block(self) -> None:
        if self.out and self.out[-1] != "":
            self.line()

    def none(self) -> None:
        self.line(f"*{self.t('export.none')}*")
        self.line()


def _profile(m: _Writer) -> None:
    pack = m.pack
    m.line(f"# {heading(w.title(pack))}")
    m.line()
    m.line(escape(w.subtitle(pack)))
    m.line()
    profile = pack.profile
    qualities = [inline(q) for q in profile.dream_job_qualities if clean(q)]
    if clean(profile.dream_job) or qualities:
        m.head(2, m.t("export.section.dream_job"))
        if clean(profile.dream_job):
            m.line(block(profile.dream_job, 0))
            m.line()
        if qualities:
            m.line(f"{m.t('export.dream_job.qualities')}:")
            m.line()
            for quality in qualities:
                m.line(f"- {quality}")
            m.line()


def _analysis(m: _Writer) -> None:
    pack = m.pack
    m.head(2, m.t("export.section.analysis"))
    for quadrant in QUADRANTS:
        m.head(3, m.t(f"export.quadrant.{quadrant}"))
        items = [i for i in pack.swot[quadrant] if clean(i.text)]
        if not items:
            m.none()
            continue
        for item in items:
            m.line(f"- {block(item.text)}")
        m.line()
    m.head(3, m.t("export.section.trends"))
    trends = [tr for tr in pack.trends if clean(tr.text)]
    if not trends:
        m.none()
    for trend in trends:
        m.line(f"- {block(trend.text)}")
    m.end_block()


def _employer(m: _Writer) -> None:
    m.head(2, m.t("export.section.employer"))
    if not m.pack.employer_goals:
        m.none()
    for goal in m.pack.employer_goals:
        m.head(3, heading(goal.title) or "—")
        m.field(m.t("export.employer.department"), block(goal.department_contribution))
        m.field(m.t("export.employer.mine"), block(goal.my_contribution))
        m.field(m.t("export.employer.competencies"), block(goal.competencies_to_develop))
        m.field(m.t("export.employer.talents"), block(goal.unused_talents))
        m.end_block()


def _reflection(m: _Writer, item: Reflection, step_title: str | None) -> None:
    parts = []
    if item.on:
        parts.append(f"*{escape(w.day(item.on, m.lang))}*")
    if step_title:
        parts.append(escape(m.t("export.reflection.on_step", step=clean(step_title))))
    m.line(f"- {' · '.join(parts) or '—'}")
    if clean(item.learned):
        m.line(f"  - **{m.t('export.reflection.learned')}:** {block(item.learned, 4)}")
    if clean(item.differently):
        m.line(f"  - **{m.t('export.reflection.differently')}:** {block(item.differently, 4)}")


def _feedback(m: _Writer, item: Feedback) -> None:
    m.line(f"- {escape(w.feedback_heading(item, m.lang))}")
    if clean(item.question):
        m.line(f"  - **{m.t('export.feedback.question')}:** {block(item.question, 4)}")
    if clean(item.answer):
        m.line(f"  - **{m.t('export.feedback.answer')}:** {block(item.answer, 4)}")


def _review(m: _Writer, review: Review) -> None:
    name = inline(review.title) or "—"
    m.line(f"- **{name}:** {escape(w.review_when(review, m.lang))}")
    for held in review.held:
        notes = block(held.notes, 4)
        when = escape(m.t("export.review.held", date=w.day(held.on, m.lang)))
        m.line(f"  - {when}{': ' + notes if notes else ''}")


def _goal(m: _Writer, sheet: GoalSheet, number: int, today: date) -> None:
    goal = sheet.goal
    lang = m.lang
    m.head(3, f"{number}. {heading(goal.title) or '—'}")
    m.line(f"*{w.goal_tags(goal, lang)}*")
    m.line()
    m.field(m.t("export.progress"), escape(w.progress(sheet, lang)))
    m.field(m.t("export.pace"), escape(w.pace(sheet, lang)))
    m.field(m.t("export.smart.specific"), block(goal.specific))
    m.field(m.t("export.smart.measurable"), escape(w.measurable(goal, lang)))
    m.field(m.t("export.smart.acceptable"), escape("; ".join(w.acceptable(goal, lang))))
    m.field(m.t("export.smart.realistic"), block(goal.means))
    m.field(m.t("export.smart.time_bound"), escape(w.time_bound(goal, today, lang)))
    m.field(m.t("export.links.swot"), "; ".join(inline(s.text) for s in sheet.swot))
    m.field(m.t("export.links.employer"), "; ".join(inline(e.title) for e in sheet.employer_goals))
    m.end_block()

    if sheet.measurements:
        m.head(4, m.t("export.section.measurements"))
        for entry in sheet.measurements:
            when = escape(w.day(entry.on, lang)) if entry.on else "—"
            note = f" — {inline(entry.note)}" if clean(entry.note) else ""
            m.line(f"- {when}: {escape(format_number(entry.value, lang))}{note}")
        m.line()

    m.head(4, m.t("export.section.actions"))
    if not sheet.actions:
        m.none()
    for action in sheet.actions:
        m.line(f"- {block(action.action) or '—'}")
        if clean(action.result):
            m.line(f"  - **{m.t('export.action.result')}:** {block(action.result, 4)}")
        if clean(action.obstacles):
            m.line(f"  - **{m.t('export.action.obstacles')}:** {block(action.obstacles, 4)}")
    m.end_block()

    m.head(4, m.t("export.section.steps_done"))
    if not sheet.steps_done:
        m.none()
    for step in sheet.steps_done:
        m.line(f"- [x] {inline(step.title) or '—'} ({escape(w.step_done(step, lang))})")
    m.end_block()
    m.head(4, m.t("export.section.steps_open"))
    if not sheet.steps_open:
        m.none()
    for step in sheet.steps_open:
        m.line(f"- [ ] {inline(step.title) or '—'} ({escape(w.step_open(step, today, lang))})")
    m.end_block()

    steps = {s.id: s.title for s in (*sheet.steps_done, *sheet.steps_open)}
    if sheet.reflections:
        m.head(4, m.t("export.section.reflections"))
        for reflection in sheet.reflections:
            title = steps.get(reflection.step_id) if reflection.step_id is not None else None
            _reflection(m, reflection, title)
        m.line()
    if sheet.feedback:
        m.head(4, m.t("export.section.feedback"))
        for item in sheet.feedback:
            _feedback(m, item)
        m.line()
    if sheet.changes:
        m.head(4, m.t("export.section.changes"))
        for change in sheet.changes:
            m.line(f"- {escape(w.change_line(change, lang))}")
            if clean(change.reason):
                m.line(f"  - **{m.t('export.change.reason')}:** {block(change.reason, 4)}")
        m.line()
    if sheet.reviews:
        m.head(4, m.t("export.section.reviews"))
        for review in sheet.reviews:
            _review(m, review)
        m.line()


def _goals(m: _Writer) -> None:
    number = 0
    for key, sheets in (
        ("export.section.short_goals", m.pack.short_goals),
        ("export.section.long_goals", m.pack.long_goals),
    ):
        m.head(2, m.t(key))
        if not sheets:
            m.none()
        for sheet in sheets:
            number += 1
            _goal(m, sheet, number, m.pack.today)


def _rest(m: _Writer) -> None:
    pack = m.pack
    m.head(2, m.t("export.section.plan_reviews"))
    if not pack.plan_reviews:
        m.none()
    for review in pack.plan_reviews:
        _review(m, review)
    m.end_block()
    if pack.loose_reflections or pack.loose_feedback:
        m.head(2, m.t("export.section.loose"))
        for reflection in pack.loose_reflections:
            _reflection(m, reflection, None)
        for item in pack.loose_feedback:
            _feedback(m, item)
        m.end_block()
    m.head(2, m.t("export.section.questions"))
    for key, answer in (
        ("export.question.goals_help", pack.profile.answer_goals_help),
        ("export.question.employer_can_do", pack.profile.answer_employer_can_do),
    ):
        m.head(3, m.t(key))
        m.line(block(answer, 0) if clean(answer) else f"*{m.t('export.not_answered')}*")
        m.line()


def render_pack(pack: Pack) -> str:
    """The conversation pack as Markdown text (ends with a newline)."""
    m = _Writer(pack)
    _profile(m)
    _analysis(m)
    _employer(m)
    _goals(m)
    _rest(m)
    while m.out and m.out[-1] == "":
        m.out.pop()
    return "\n".join(m.out) + "\n"


def export_markdown(plan: Plan, today: date, lang: str | None = None, period: str = "") -> str:
    """The plan's conversation pack as Markdown, in ``lang`` (default: the plan's language)."""
    return render_pack(build_pack(plan, today, lang, period))
