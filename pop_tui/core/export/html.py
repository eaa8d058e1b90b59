"""The conversation pack as one self-contained, printable HTML file.

Inline CSS only: no scripts, no fonts, images or style sheets fetched from
anywhere, so the file opens the same offline and prints tidily. Each goal
starts on a new page and its blocks are kept whole, so a goal takes one or two
printed pages. Every piece of user text goes through :func:`html.escape`
after control characters are removed; multi-line text keeps its lines with
``white-space: pre-line``.
"""

from __future__ import annotations

import html
from datetime import date

from pop_tui.core.export import wording as w
from pop_tui.core.export.clean import clean
from pop_tui.core.export.pack import GoalSheet, Pack, build_pack, format_number
from pop_tui.core.model import QUADRANTS, Feedback, Plan, Reflection, Review
from pop_tui.core.texts import t

STYLE = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  color: #1d2329; background: #fff; line-height: 1.45; margin: 2rem auto; max-width: 46rem;
  padding: 0 1rem; }
h1 { font-size: 1.7rem; margin: 0 0 .2rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #2d6a8f; padding-bottom: .2rem;
  margin-top: 2rem; }
h3 { font-size: 1.1rem; margin: 1.2rem 0 .3rem; }
h4 { font-size: .95rem; margin: .9rem 0 .2rem; color: #2d6a8f; }
.sub, .tags, .muted { color: #5b6670; }
.tags { font-style: italic; margin: 0 0 .5rem; }
.text { white-space: pre-line; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .4rem 0; }
dt { font-weight: 600; }
dd { margin: 0; }
ul { margin: .2rem 0 .5rem; padding-left: 1.3rem; }
li { margin: .1rem 0; }
ul.steps { list-style: none; padding-left: .2rem; }
.box { font-family: ui-monospace, Menlo, Consolas, monospace; margin-right: .35rem; }
.swot { display: grid; grid-template-columns: 1fr 1fr; gap: .6rem; }
.swot section { border: 1px solid #c9d3db; border-radius: 4px; padding: .3rem .7rem; }
.swot h3 { margin-top: .2rem; }
.bar { display: inline-block; width: 8rem; height: .7rem; border: 1px solid #5b6670;
  vertical-align: middle; margin-right: .4rem; }
.bar span { display: block; height: 100%; background: #2d6a8f; }
.pace-on_track { color: #1e6b34; font-weight: 600; }
.pace-behind { color: #8a5a00; font-weight: 600; }
.pace-at_risk { color: #a12020; font-weight: 600; }
.goal { border-top: 1px solid #c9d3db; margin-top: 1.5rem; }
.answer { border-left: 3px solid #2d6a8f; padding-left: .8rem; }
footer { margin-top: 2.5rem; font-size: .85rem; color: #5b6670; }
@page { margin: 16mm 15mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3, h4 { break-after: avoid; page-break-after: avoid; }
  .goal { break-before: page; page-break-before: always; border-top: none; margin-top: 0; }
  /* A group's heading opens the page of its first goal instead of ending the page before. */
  .goals > h2 { break-before: page; page-break-before: always; }
  .goals > h2 + .goal { break-before: auto; page-break-before: auto; }
  .keep, dl, li, .swot section { break-inside: avoid; page-break-inside: avoid; }
  .bar, .bar span { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
"""


def esc(text: str) -> str:
    """User text on one line, cleaned and escaped for HTML (quotes too)."""
    return html.escape(clean(text), quote=True)


def esc_block(text: str) -> str:
    """Multi-line user text, cleaned and escaped; shown with its lines (pre-line)."""
    return html.escape(clean(text, multiline=True), quote=True)


class _Writer:
    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.lang = pack.lang
        self.out: list[str] = []

    def t(self, key: str, **values: object) -> str:
        """A catalogue text, escaped (it may hold cleaned user text)."""
        return html.escape(t(key, self.lang, **values), quote=True)

    def add(self, markup: str) -> None:
        self.out.append(markup)

    def none(self) -> None:
        self.add(f'<p class="muted">{self.t("export.none")}</p>')

    def fields(self, rows: list[tuple[str, str]]) -> None:
        """A definition list of (escaped label, markup value); empty values are left out."""
        shown = [(label, value) for label, value in rows if value]
        if not shown:
            return
        self.add("<dl>")
        for label, value in shown:
            self.add(f"<dt>{label}</dt><dd>{value}</dd>")
        self.add("</dl>")


def _text(text: str) -> str:
    body = esc_block(text)
    return f'<span class="text">{body}</span>' if body else ""


def _profile(h: _Writer) -> None:
    pack = h.pack
    h.add(f"<header><h1>{html.escape(w.title(pack))}</h1>")
    h.add(f'<p class="sub">{html.escape(w.subtitle(pack))}</p></header>')
    profile = pack.profile
    qualities = [q for q in profile.dream_job_qualities if clean(q)]
    if clean(profile.dream_job) or qualities:
        h.add(f'<section class="keep"><h2>{h.t("export.section.dream_job")}</h2>')
        if clean(profile.dream_job):
            h.add(f'<p class="text">{esc_block(profile.dream_job)}</p>')
        if qualities:
            h.add(f"<p>{h.t('export.dream_job.qualities')}:</p><ul>")
            h.add("".join(f"<li>{esc(q)}</li>" for q in qualities))
            h.add("</ul>")
        h.add("</section>")


def _analysis(h: _Writer) -> None:
    pack = h.pack
    h.add(f'<section><h2>{h.t("export.section.analysis")}</h2><div class="swot">')
    for quadrant in QUADRANTS:
        h.add(f"<section><h3>{h.t(f'export.quadrant.{quadrant}')}</h3>")
        items = [i for i in pack.swot[quadrant] if clean(i.text)]
        if items:
            h.add("<ul>" + "".join(f"<li>{_text(i.text)}</li>" for i in items) + "</ul>")
        else:
            h.none()
        h.add("</section>")
    h.add(f'</div><section class="keep"><h3>{h.t("export.section.trends")}</h3>')
    trends = [tr for tr in pack.trends if clean(tr.text)]
    if trends:
        h.add("<ul>" + "".join(f"<li>{_text(tr.text)}</li>" for tr in trends) + "</ul>")
    else:
        h.none()
    h.add("</section></section>")


def _employer(h: _Writer) -> None:
    h.add(f"<section><h2>{h.t('export.section.employer')}</h2>")
    if not h.pack.employer_goals:
        h.none()
    for goal in h.pack.employer_goals:
        h.add(f'<section class="keep"><h3>{esc(goal.title) or "—"}</h3>')
        h.fields(
            [
                (h.t("export.employer.department"), _text(goal.department_contribution)),
                (h.t("export.employer.mine"), _text(goal.my_contribution)),
                (h.t("export.employer.competencies"), _text(goal.competencies_to_develop)),
                (h.t("export.employer.talents"), _text(goal.unused_talents)),
            ]
        )
        h.add("</section>")
    h.add("</section>")


def _reflection(h: _Writer, item: Reflection, step_title: str | None) -> str:
    parts = []
    if item.on:
        parts.append(f"<em>{html.escape(w.day(item.on, h.lang))}</em>")
    if step_title:
        parts.append(h.t("export.reflection.on_step", step=clean(step_title)))
    rows = []
    if clean(item.learned):
        rows.append(f"<dt>{h.t('export.reflection.learned')}</dt><dd>{_text(item.learned)}</dd>")
    if clean(item.differently):
        label = h.t("export.reflection.differently")
        rows.append(f"<dt>{label}</dt><dd>{_text(item.differently)}</dd>")
    details = f"<dl>{''.join(rows)}</dl>" if rows else ""
    return f"<li>{' · '.join(parts) or '—'}{details}</li>"


def _feedback(h: _Writer, item: Feedback) -> str:
    rows = []
    if clean(item.question):
        rows.append(f"<dt>{h.t('export.feedback.question')}</dt><dd>{_text(item.question)}</dd>")
    if clean(item.answer):
        rows.append(f"<dt>{h.t('export.feedback.answer')}</dt><dd>{_text(item.answer)}</dd>")
    details = f"<dl>{''.join(rows)}</dl>" if rows else ""
    return f"<li>{html.escape(w.feedback_heading(item, h.lang))}{details}</li>"


def _review(h: _Writer, review: Review) -> str:
    held = "".join(
        f"<li>{h.t('export.review.held', date=w.day(x.on, h.lang))}"
        f"{': ' + _text(x.notes) if clean(x.notes) else ''}</li>"
        for x in review.held
    )
    when = html.escape(w.review_when(review, h.lang))
    return (
        f"<li><strong>{esc(review.title) or '—'}</strong>: {when}"
        f"{'<ul>' + held + '</ul>' if held else ''}</li>"
    )


def _progress(h: _Writer, sheet: GoalSheet) -> str:
    text = html.escape(w.progress(sheet, h.lang))
    if sheet.progress is None:
        return text
    width = round(sheet.progress.fraction * 100)
    return f'<span class="bar"><span style="width: {width}%"></span></span>{text}'


def _goal(h: _Writer, sheet: GoalSheet, number: int, today: date) -> None:
    goal = sheet.goal
    lang = h.lang
    h.add(f'<article class="goal" id="goal-{goal.id}">')
    h.add(f"<h3>{number}. {esc(goal.title) or '—'}</h3>")
    h.add(f'<p class="tags">{html.escape(w.goal_tags(goal, lang))}</p>')
    pace = (
        f'<span class="pace-{sheet.pace}">{html.escape(w.pace(sheet, lang))}</span>'
        if sheet.pace
        else ""
    )
    h.fields(
        [
            (h.t("export.progress"), _progress(h, sheet)),
            (h.t("export.pace"), pace),
            (h.t("export.smart.specific"), _text(goal.specific)),
            (h.t("export.smart.measurable"), html.escape(w.measurable(goal, lang))),
            (
                h.t("export.smart.acceptable"),
                "<br>".join(html.escape(x) for x in w.acceptable(goal, lang)),
            ),
            (h.t("export.smart.realistic"), _text(goal.means)),
            (h.t("export.smart.time_bound"), html.escape(w.time_bound(goal, today, lang))),
            (h.t("export.links.swot"), "; ".join(esc(s.text) for s in sheet.swot)),
            (h.t("export.links.employer"), "; ".join(esc(e.title) for e in sheet.employer_goals)),
        ]
    )

    if sheet.measurements:
        h.add(f'<section class="keep"><h4>{h.t("export.section.measurements")}</h4><ul>')
        for entry in sheet.measurements:
            when = html.escape(w.day(entry.on, lang)) if entry.on else "—"
            note = f" — {esc(entry.note)}" if clean(entry.note) else ""
            h.add(f"<li>{when}: {html.escape(format_number(entry.value, lang))}{note}</li>")
        h.add("</ul></section>")

    h.add(f'<section class="keep"><h4>{h.t("export.section.actions")}</h4>')
    if not sheet.actions:
        h.none()
    else:
        h.add("<ul>")
        for action in sheet.actions:
            rows = []
            if clean(action.result):
                rows.append(
                    f"<dt>{h.t('export.action.result')}</dt><dd>{_text(action.result)}</dd>"
                )
            if clean(action.obstacles):
                rows.append(
                    f"<dt>{h.t('export.action.obstacles')}</dt><dd>{_text(action.obstacles)}</dd>"
                )
            details = f"<dl>{''.join(rows)}</dl>" if rows else ""
            h.add(f"<li>{_text(action.action) or '—'}{details}</li>")
        h.add("</ul>")
    h.add("</section>")

    for key, steps, done in (
        ("export.section.steps_done", sheet.steps_done, True),
        ("export.section.steps_open", sheet.steps_open, False),
    ):
        h.add(f'<section class="keep"><h4>{h.t(key)}</h4>')
        if not steps:
            h.none()
            h.add("</section>")
            continue
        h.add('<ul class="steps">')
        for step in steps:
            box = "☑" if done else "☐"
            when = w.step_done(step, lang) if done else w.step_open(step, today, lang)
            h.add(
                f'<li><span class="box">{box}</span>{esc(step.title) or "—"} '
                f'<span class="muted">({html.escape(when)})</span></li>'
            )
        h.add("</ul></section>")

    titles = {s.id: s.title for s in (*sheet.steps_done, *sheet.steps_open)}
    if sheet.reflections:
        h.add(f'<section class="keep"><h4>{h.t("export.section.reflections")}</h4><ul>')
        for reflection in sheet.reflections:
            title = titles.get(reflection.step_id) if reflection.step_id is not None else None
            h.add(_reflection(h, reflection, title))
        h.add("</ul></section>")
    if sheet.feedback:
        h.add(f'<section class="keep"><h4>{h.t("export.section.feedback")}</h4><ul>')
        h.add("".join(_feedback(h, item) for item in sheet.feedback))
        h.add("</ul></section>")
    if sheet.changes:
        h.add(f'<section class="keep"><h4>{h.t("export.section.changes")}</h4><ul>')
        for change in sheet.changes:
            reason = (
                f"<br>{h.t('export.change.reason')}: {_text(change.reason)}"
                if clean(change.reason)
                else ""
            )
            h.add(f"<li>{html.escape(w.change_line(change, lang))}{reason}</li>")
        h.add("</ul></section>")
    if sheet.reviews:
        h.add(f'<section class="keep"><h4>{h.t("export.section.reviews")}</h4><ul>')
        h.add("".join(_review(h, r) for r in sheet.reviews))
        h.add("</ul></section>")
    h.add("</article>")


def _goals(h: _Writer) -> None:
    number = 0
    for key, sheets in (
        ("export.section.short_goals", h.pack.short_goals),
        ("export.section.long_goals", h.pack.long_goals),
    ):
        h.add(f'<section class="goals"><h2>{h.t(key)}</h2>')
        if not sheets:
            h.none()
        for sheet in sheets:
            number += 1
            _goal(h, sheet, number, h.pack.today)
        h.add("</section>")


def _rest(h: _Writer) -> None:
    pack = h.pack
    h.add(f'<section class="keep"><h2>{h.t("export.section.plan_reviews")}</h2>')
    if pack.plan_reviews:
        h.add("<ul>" + "".join(_review(h, r) for r in pack.plan_reviews) + "</ul>")
    else:
        h.none()
    h.add("</section>")
    if pack.loose_reflections or pack.loose_feedback:
        h.add(f"<section><h2>{h.t('export.section.loose')}</h2><ul>")
        h.add("".join(_reflection(h, r, None) for r in pack.loose_reflections))
        h.add("".join(_feedback(h, f) for f in pack.loose_feedback))
        h.add("</ul></section>")
    h.add(f'<section class="keep"><h2>{h.t("export.section.questions")}</h2>')
    for key, answer in (
        ("export.question.goals_help", pack.profile.answer_goals_help),
        ("export.question.employer_can_do", pack.profile.answer_employer_can_do),
    ):
        h.add(f"<h3>{h.t(key)}</h3>")
        if clean(answer):
            h.add(f'<p class="answer text">{esc_block(answer)}</p>')
        else:
            h.add(f'<p class="answer muted"><em>{h.t("export.not_answered")}</em></p>')
    h.add("</section>")


def render_pack(pack: Pack) -> str:
    """The conversation pack as a complete HTML document."""
    h = _Writer(pack)
    _profile(h)
    _analysis(h)
    _employer(h)
    _goals(h)
    _rest(h)
    footer = h.t("export.footer", date=w.day(pack.today, pack.lang))
    body = "\n".join(h.out)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(pack.lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        # No network at all: a strict policy also stops anything a later edit might add.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">\n"
        f"<title>{html.escape(w.title(pack))}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n{body}\n<footer>{footer}</footer>\n</body>\n</html>\n"
    )


def export_html(plan: Plan, today: date, lang: str | None = None, period: str = "") -> str:
    """The plan's conversation pack as one printable HTML file, in ``lang`` (default: the plan's)."""
    return render_pack(build_pack(plan, today, lang, period))
