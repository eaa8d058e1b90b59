"""How the agenda is shown: text for a person, one line for a prompt, JSON for scripts.

Light on purpose: ``pop agenda`` and ``pop status`` import this, the agenda
index and the text catalogues, and nothing else of pop (see cli/quick.py).
The JSON form is documented in docs/cli.md; its ``version`` changes only when
a field is removed or changes meaning, never when one is added.
"""

from __future__ import annotations

from pop_tui.cli import rows
from pop_tui.core.checkin_line import summary_line
from pop_tui.core.day_words import relative_day
from pop_tui.core.texts import t

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date
    from typing import Any

    from pop_tui.cli.terminal import Paint
    from pop_tui.store.agenda_index import Entry, GoalName, View

JSON_VERSION = 1


def _window(days: int) -> str:
    return t("cli.agenda.this_week") if days == 7 else t("cli.agenda.within", days=days)


def text_lines(report: View, paint: Paint, checkin_command: str) -> list[str]:
    """The agenda for a person: sections with one line per item, the check-in at the end."""
    today = report.today
    if report.empty_plan:
        return [t("cli.agenda.empty_plan")]
    lines: list[str] = []
    numbers = rows.number_width(
        [
            *(item.id for item in (*report.overdue, *report.soon)),
            *(review.id for review in report.reviews),
            *(late.id for late in report.feedback),
        ]
    )
    if report.overdue:
        lines.append(paint(t("cli.agenda.overdue"), "bold"))
        for item in report.overdue:
            when = rows.when_late(item.due, today)
            lines.append(
                rows.row(
                    paint,
                    item.id,
                    when,
                    item.title,
                    rows.goal_name(item.goal),
                    ("red",),
                    numbers=numbers,
                )
            )
    if report.soon:
        lines.append(paint(t("cli.agenda.soon", window=_window(report.days)), "bold"))
        for item in report.soon:
            style = ("yellow",) if item.due == today else ()
            when = relative_day(item.due, today)
            lines.append(
                rows.row(
                    paint,
                    item.id,
                    when,
                    item.title,
                    rows.goal_name(item.goal),
                    style,
                    numbers=numbers,
                )
            )
    if report.reviews:
        lines.append(paint(t("cli.agenda.reviews", window=_window(report.days)), "bold"))
        for review in report.reviews:
            late = review.due < today
            when = rows.when_late(review.due, today) if late else relative_day(review.due, today)
            about = review.goal.title if review.goal is not None else t("cli.whole_plan")
            style = ("red",) if late else ("yellow",) if review.due == today else ()
            lines.append(
                rows.row(
                    paint,
                    review.id,
                    when,
                    review.title,
                    about,
                    style,
                    numbers=numbers,
                )
            )
    if report.feedback:
        lines.append(paint(t("cli.agenda.feedback"), "bold"))
        for late_feedback in report.feedback:
            request = late_feedback
            title = t("cli.agenda.feedback_item", who=request.from_whom, question=request.question)
            when = rows.when_late(late_feedback.due, today)
            about = late_feedback.goal.title if late_feedback.goal is not None else ""
            lines.append(rows.row(paint, request.id, when, title, about, ("red",), numbers=numbers))
    if not lines:
        lines.append(t("cli.agenda.nothing", window=_window(report.days)))
    lines.append(summary_line(report.last_checkin, report.streak, today))
    if not report.checked_in_today:
        lines[-1] += " · " + t("cli.agenda.checkin_hint", command=checkin_command)
    return lines


def brief_line(report: View, paint: Paint) -> str:
    """One line for a shell prompt or login: ``2 overdue · 3 due this week · review in 4 days``."""
    today = report.today
    parts: list[str] = []
    if report.overdue:
        parts.append(paint(t("cli.brief.overdue", count=len(report.overdue)), "red"))
    if report.soon:
        parts.append(t("cli.brief.soon", count=len(report.soon), window=_window(report.days)))
    if report.reviews:
        first = report.reviews[0]
        if first.due < today:
            parts.append(
                paint(t("cli.brief.review_late", when=rows.when_late(first.due, today)), "red")
            )
        else:
            parts.append(t("cli.brief.review", when=relative_day(first.due, today)))
    if report.feedback:
        count = len(report.feedback)
        key = "cli.brief.feedback_one" if count == 1 else "cli.brief.feedback_many"
        parts.append(paint(t(key, count=count), "red"))
    if not parts:
        return t("cli.agenda.nothing", window=_window(report.days))
    return " · ".join(parts)


# --- JSON ----------------------------------------------------------------------


def _goal_json(goal: GoalName | None) -> dict[str, Any] | None:
    return None if goal is None else {"id": goal.id, "title": goal.title}


def _in_days(day: date, today: date) -> int:
    return (day - today).days


def json_document(report: View) -> dict[str, Any]:
    """The agenda as the stable, documented JSON object (schema version 1)."""
    today = report.today

    def step(item: Entry) -> dict[str, Any]:
        return {
            "id": item.id,
            "title": item.title,
            "due": item.due.isoformat(),
            "in_days": _in_days(item.due, today),
            "goal": _goal_json(item.goal),
        }

    last = report.last_checkin
    return {
        "version": JSON_VERSION,
        "today": today.isoformat(),
        "days": report.days,
        "overdue_steps": [step(item) for item in report.overdue],
        "steps_due_soon": [step(item) for item in report.soon],
        "reviews": [
            {
                "id": r.id,
                "title": r.title,
                "due": r.due.isoformat(),
                "in_days": _in_days(r.due, today),
                "rule": r.rule,
                "goal": _goal_json(r.goal),
            }
            for r in report.reviews
        ],
        "overdue_feedback": [
            {
                "id": f.id,
                "from": f.from_whom,
                "question": f.question,
                "asked_on": f.asked_on.isoformat() if f.asked_on else None,
                "wanted_by": f.due.isoformat(),
                "in_days": _in_days(f.due, today),
                "goal": _goal_json(f.goal),
            }
            for f in report.feedback
        ],
        "checkin": {
            "last": None
            if last is None or last.on is None
            else {
                "id": last.id,
                "on": last.on.isoformat(),
                "mood": last.mood,
                "note": last.note,
                "step_ids": list(last.step_ids),
            },
            "streak": report.streak,
            "today": report.checked_in_today,
        },
    }


def show(report: View, form: str, checkin_command: str) -> str:
    """The agenda as ``form`` says: "text", "brief" or "json"."""
    if form == "json":
        import json

        # ASCII only: safe to print whatever the titles hold, and every JSON reader copes.
        return json.dumps(json_document(report), indent=2, ensure_ascii=True)
    import os
    import sys

    from pop_tui.cli.terminal import Paint, colour_wanted

    paint = Paint(colour_wanted(sys.stdout, os.environ))
    if form == "brief":
        return brief_line(report, paint)
    return "\n".join(text_lines(report, paint, checkin_command))
