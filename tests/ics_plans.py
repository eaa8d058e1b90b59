"""Plans for checking the calendar export in calendar programs, and the dates each item should get.

``calendar_hostile_plan()`` is the hostile plan of :mod:`tests.hostile` plus
what trips calendar importers: separators and backslashes (also where they look
like escapes), many scripts and emoji (joined sequences, flags, skin tones,
combining accents), titles so long that the 75-octet fold lands at every offset
inside 2-, 3- and 4-byte characters and inside a run of spaces, and recurring
reviews (weekly, every 2 weeks until a date, monthly from the 31st and the
30th, quarterly from the 31st, yearly, yearly from 29 February).

Run as a script to write it as a plan file, for a manual check in a calendar
program (docs/export.md, "Checked in calendar programs")::

    python -m tests.ics_plans hostile.json
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

from pop_tui.core.dates import next_occurrence, parse_recurrence
from pop_tui.core.export.clean import clean
from pop_tui.core.model import Goal, HeldReview, Plan, Review, Step
from tests.hostile import TODAY, hostile_plan

SEPARATORS = "Commas, semicolons; back\\slash, a \\n that is no newline, \\; and \\, end\\"
SCRIPTS = "Ünïcødé 日本語 עברית Ελληνικά русский العربية हिन्दी 한국어"
EMOJI = "🎯 aim 👩\u200d👩\u200d👧\u200d👦 family 🇳🇱 flag 👍🏽 thumb e\u0301 accent"
NOTES = "first line, with; separators\n\n\nafter blank lines \\ and a backslash\\"


def _long_titles() -> list[str]:
    # SUMMARY: is 8 octets; padding 0..3 moves the fold through every byte of the character.
    titles = [pad * "x" + char * 60 for char in ("é", "日", "😀") for pad in range(4)]
    titles += [f"{'x' * pad}{' ' * 12}spaces across the fold" for pad in range(60, 68)]
    titles.append("🎯" * 30 + " ,;\\ " * 10 + "日本" * 30)
    return titles


def calendar_hostile_plan() -> Plan:
    """The hostile plan with the texts and rules above; every item dated."""
    plan = hostile_plan()
    plan.put(
        Goal(
            3,
            title=f"{SEPARATORS} {EMOJI}",
            specific=f"{NOTES}\n{SCRIPTS}",
            deadline=date(2027, 6, 30),
            created=TODAY,
        )
    )
    titles = [SEPARATORS, SCRIPTS, EMOJI, "\\;,", *_long_titles()]
    for offset, title in enumerate(titles, start=1):
        due = TODAY + timedelta(days=offset)
        done = due if offset % 7 == 0 else None
        plan.put(Step(100 + offset, 3, None, title, due, done))
    reviews = [
        ("Weekly; check, " + EMOJI, date(2026, 12, 1), "weekly"),
        ("Monthly from the 31st \\ " + SCRIPTS, date(2026, 12, 31), "monthly"),
        ("Quarterly from the 31st", date(2027, 1, 31), "quarterly"),
        (
            "Monthly from the 30th, 6 times",
            date(2027, 1, 30),
            "FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1;COUNT=6",
        ),
        (
            "Every 2 weeks, until 25 March",
            date(2026, 12, 3),
            "FREQ=WEEKLY;INTERVAL=2;UNTIL=20270325",
        ),
        ("Yearly, 15 January", date(2027, 1, 15), "yearly"),
        ("Yearly from 29 February", date(2028, 2, 29), "yearly"),
        ("One-off; with\\backslash", date(2027, 2, 2), ""),
    ]
    for id, (title, start, repeat) in enumerate(reviews, start=10):
        rule = parse_recurrence(repeat, start) if repeat else ""
        held = (HeldReview(TODAY - timedelta(days=3), NOTES),)
        plan.put(Review(id, title, 3 if id % 2 else None, start, rule, start, held))
    return plan


def _review_dates(review: Review, until: date) -> Iterator[date]:
    start = review.start or review.next_on
    if start is None:
        return
    if not review.rule:
        yield start
        return
    found = next_occurrence(review.rule, start, start)
    while found is not None and found <= until:
        yield found
        found = next_occurrence(review.rule, start, found + timedelta(days=1))


def expected_dates(plan: Plan, until: date) -> dict[str, list[date]]:
    """Each calendar item's dates up to ``until``, by the UID's kind and id (``step-3``).

    Recurring reviews are expanded with pop's own rule (before the export
    rewrites month-end rules), so a calendar that shows other dates fails.
    """
    found: dict[str, list[date]] = {}
    for step in plan.steps.values():
        if step.due is not None:
            found[f"step-{step.id}"] = [step.due]
    for review in plan.reviews.values():
        dates = list(_review_dates(review, until))
        if review.start or review.next_on:
            found[f"review-{review.id}"] = dates
    for goal in plan.goals.values():
        if goal.deadline is not None and goal.status == "active":
            found[f"goal-{goal.id}"] = [goal.deadline]
    return found


def expected_titles(plan: Plan) -> dict[str, str]:
    """Each calendar item's title (English), by the UID's kind and id."""
    titles = {}
    for step in plan.steps.values():
        title = clean(step.title) or "—"
        titles[f"step-{step.id}"] = f"✓ {title}" if step.done else title
    for review in plan.reviews.values():
        goal = plan.goals.get(review.goal_id) if review.goal_id is not None else None
        about = clean(goal.title) if goal is not None else "the whole plan"
        titles[f"review-{review.id}"] = f"Review: {clean(review.title) or about}"
    for goal in plan.goals.values():
        titles[f"goal-{goal.id}"] = f"Deadline: {clean(goal.title) or '—'}"
    return titles


def main(argv: list[str]) -> int:
    from pop_tui.store.plan_store import write_new_plan

    if len(argv) != 1:
        print("usage: python -m tests.ics_plans PLAN.json", file=sys.stderr)
        return 2
    write_new_plan(Path(argv[0]), calendar_hostile_plan(), now=lambda: datetime(2026, 11, 29, 12))
    print(f"Wrote {argv[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
