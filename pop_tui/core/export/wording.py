"""The phrases that the Markdown and HTML packs share, as plain (unescaped) text.

Every function takes the language explicitly: an export speaks the plan's
language, whatever language the interface happens to use.
"""

from __future__ import annotations

from datetime import date

from pop_tui.core.dates import describe_recurrence, format_date
from pop_tui.core.export.clean import clean
from pop_tui.core.export.pack import GoalSheet, Pack, format_number
from pop_tui.core.model import Feedback, Goal, GoalChange, Review, Step
from pop_tui.core.texts import t

# Goal fields whose name a goal change can carry; others are shown as stored.
_GOAL_FIELDS = frozenset(
    (
        "title",
        "kind",
        "horizon",
        "status",
        "specific",
        "metric",
        "unit",
        "baseline",
        "target",
        "current",
        "why_me",
        "why_employer",
        "means",
        "deadline",
    )
)


def day(d: date, lang: str) -> str:
    return format_date(d, lang)


def title(pack: Pack) -> str:
    owner = clean(pack.profile.owner)
    return (
        t("export.title_owner", pack.lang, owner=owner) if owner else t("export.title", pack.lang)
    )


def subtitle(pack: Pack) -> str:
    parts = []
    if pack.period:
        parts.append(t("export.period", pack.lang, name=clean(pack.period)))
    parts.append(t("export.as_of", pack.lang, date=day(pack.today, pack.lang)))
    return " · ".join(parts)


def goal_tags(goal: Goal, lang: str) -> str:
    return " · ".join(
        (
            t(f"export.kind.{goal.kind}", lang),
            t(f"export.horizon.{goal.horizon}", lang),
            t(f"export.status.{goal.status}", lang),
        )
    )


def measurable(goal: Goal, lang: str) -> str:
    """What is measured and where it stands: metric (unit): start -> now -> target."""
    metric = clean(goal.metric)
    unit = clean(goal.unit)
    if unit:
        metric = t("export.measure.in_unit", lang, metric=metric, unit=unit) if metric else unit
    if goal.baseline is None and goal.target is None and goal.current is None:
        return metric

    def value(v: float | None) -> str:
        return "?" if v is None else format_number(v, lang)

    values = t(
        "export.measure.values",
        lang,
        baseline=value(goal.baseline),
        current=value(goal.current),
        target=value(goal.target),
    )
    return f"{metric}: {values}" if metric else values


def acceptable(goal: Goal, lang: str) -> list[str]:
    found = []
    if clean(goal.why_me):
        found.append(t("export.why_me", lang, text=clean(goal.why_me)))
    if clean(goal.why_employer):
        found.append(t("export.why_employer", lang, text=clean(goal.why_employer)))
    return found


def time_bound(goal: Goal, today: date, lang: str) -> str:
    if goal.deadline is None:
        return ""
    text = t("export.deadline", lang, date=day(goal.deadline, lang))
    days = (goal.deadline - today).days
    if goal.status == "active":
        if days >= 0:
            text += f" ({t('export.days_left', lang, n=days)})"
        else:
            text += f" ({t('export.days_past', lang, n=-days)})"
    return text


def progress(sheet: GoalSheet, lang: str) -> str:
    found = sheet.progress
    if found is None:
        return t("export.progress.none", lang)
    if found.source == "status":
        return t("export.progress.status", lang)
    if found.source == "steps":
        return t(
            "export.progress.steps",
            lang,
            percent=found.percent,
            done=found.steps_done,
            total=found.steps_total,
        )
    return t("export.progress.measure", lang, percent=found.percent)


def pace(sheet: GoalSheet, lang: str) -> str:
    return "" if sheet.pace is None else t(f"export.pace.{sheet.pace}", lang)


def step_done(step: Step, lang: str) -> str:
    return t("export.step.done_on", lang, date=day(step.done_on, lang)) if step.done_on else ""


def step_open(step: Step, today: date, lang: str) -> str:
    if step.due is None:
        return t("export.step.no_date", lang)
    text = t("export.step.due", lang, date=day(step.due, lang))
    if step.due < today:
        text += ", " + t("export.step.overdue", lang)
    return text


def feedback_heading(item: Feedback, lang: str) -> str:
    parts = [t("export.feedback.from", lang, who=clean(item.from_whom) or "?")]
    if item.asked_on:
        parts.append(t("export.feedback.asked", lang, date=day(item.asked_on, lang)))
    if item.answer.strip() and item.answered_on:
        parts.append(t("export.feedback.answered", lang, date=day(item.answered_on, lang)))
    elif not item.answer.strip():
        if item.wanted_by:
            parts.append(t("export.feedback.wanted_by", lang, date=day(item.wanted_by, lang)))
        parts.append(t("export.feedback.pending", lang))
    return ", ".join(parts)


def change_line(change: GoalChange, lang: str) -> str:
    name = change.field
    shown = t(f"export.field.{name}", lang) if name in _GOAL_FIELDS else clean(name)
    before = _change_value(change.before, lang)
    after = _change_value(change.after, lang)
    text = t("export.change", lang, field=shown, before=before, after=after)
    return f"{day(change.on, lang)}: {text}" if change.on else text


def _change_value(value: str, lang: str) -> str:
    """A goal change's before or after value; a date kept as ISO text is shown as a date."""
    text = clean(value)
    if len(text) == 10:
        try:
            return day(date.fromisoformat(text), lang)
        except ValueError:
            pass
    return text or "—"


def review_when(review: Review, lang: str) -> str:
    first = review.start or review.next_on
    if review.rule:
        rule = clean(describe_recurrence(review.rule, lang))
        text = (
            t("export.review.recurring", lang, rule=rule, date=day(first, lang)) if first else rule
        )
        if review.next_on:
            text += "; " + t("export.review.next", lang, date=day(review.next_on, lang))
        else:
            text += "; " + t("export.review.ended", lang)
        return text
    if first is None:
        return t("export.step.no_date", lang)
    return t("export.review.once", lang, date=day(first, lang))
