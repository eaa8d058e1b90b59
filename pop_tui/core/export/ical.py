"""The plan's dates as an iCalendar file (RFC 5545), written by hand.

Every dated step, every review and every active goal's deadline becomes an
all-day ``VEVENT``. Steps are events rather than to-dos (``VTODO``) because
Google Calendar and Outlook skip to-dos when they import a file; events arrive
everywhere. Events are marked free time (``TRANSP:TRANSPARENT``) so they do not
block an agenda.

A recurring review carries its rule (``RRULE``) counted from its start date.
A month-end rule (pop writes "the 31st, or the last day of a shorter month"
with ``BYSETPOS``) is written as the same dates with ``BYMONTHDAY=-1``:
calcurse ignores ``BYSETPOS`` and would show such a review on the 28th, 29th,
30th and 31st, and ``BYMONTHDAY=-1`` is the form Microsoft's iCalendar mapping
(MS-OXCICAL) gives for "the last day of every month".
UIDs are built from the plan's own uid and the record's id, so importing a
newer export updates the events instead of adding them twice; ``SEQUENCE`` is
the plan's revision, which only grows, so the newer version wins. A done step
keeps its event, marked with a check mark, and a step of a dropped goal is
cancelled, so that re-importing also brings those changes across.

Text values are escaped as the standard asks (backslash, semicolon, comma,
newline), control characters are dropped, and lines are folded at 75 octets
without splitting a UTF-8 character. Lines end with CRLF.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from pop_tui import __version__
from pop_tui.core.dates import describe_recurrence, format_date
from pop_tui.core.export.clean import clean
from pop_tui.core.model import Goal, Plan, Review, Step
from pop_tui.core.texts import t

LINE_OCTETS = 75
_RULE_TEXT = re.compile(r"[A-Z0-9=;,+-]+")
_FOLD_UNIT = re.compile(r"\\.|.", re.S)


def escape_text(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): cleaned, with ``\\ ; ,`` and newlines escaped."""
    cleaned = clean(text, multiline=True)
    return (
        cleaned.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets, each continuation led by a space.

    Cuts fall between characters, never inside a character's UTF-8 bytes, and
    never inside an escape such as ``\\,`` (the standard allows that, but some
    importers trip over it).
    """
    out: list[str] = []
    current: list[str] = []
    size = 0
    limit = LINE_OCTETS
    for unit in _FOLD_UNIT.findall(line):
        width = len(unit.encode("utf-8"))
        if size + width > limit:
            out.append("".join(current))
            current, size = [], 0
            limit = LINE_OCTETS - 1  # the leading space counts
        current.append(unit)
        size += width
    out.append("".join(current))
    return "\r\n ".join(out)


def _date(d: date) -> str:
    # Not strftime: it does not pad years before 1000 to four digits on every platform.
    return f"{d.year:04d}{d.month:02d}{d.day:02d}"


def _rule(rule: str) -> str | None:
    """The review's rule as an RRULE value for an all-day start, or None if it is not one.

    UNTIL must have the same value type as DTSTART (a date), so a time part is dropped.
    """
    body = "".join(rule.split()).upper().removeprefix("RRULE:")
    if not _RULE_TEXT.fullmatch(body):
        return None
    parts = []
    for part in body.split(";"):
        name, _, value = part.partition("=")
        if not name or not value:
            return None
        if name == "UNTIL":
            value = value[:8]
        parts.append(f"{name}={value}")
    if not any(p.startswith("FREQ=") for p in parts):
        return None
    return ";".join(parts)


# The lengths each month can have (February: in a common and in a leap year).
_MONTH_LENGTHS = {
    m: {28, 29} if m == 2 else {30} if m in (4, 6, 9, 11) else {31} for m in range(1, 13)
}


def _calendar_rule(rule: str) -> str:
    """``rule`` with a "last of these days" month-end set written as ``BYMONTHDAY=-1``.

    ``BYMONTHDAY=28,29,30,31;BYSETPOS=-1`` takes, in each month, the last of
    those days that the month has: its last day, which is what
    ``BYMONTHDAY=-1`` says. That holds whenever every length the months can
    have is in the set (``BYMONTH=2;BYMONTHDAY=28,29`` in a yearly rule too);
    any other rule is returned as it is.
    """
    pairs = [part.partition("=")[::2] for part in rule.split(";")]
    parts = dict(pairs)
    by_parts = {name for name in parts if name.startswith("BY")}
    if (
        len(parts) != len(pairs)
        or parts.get("BYSETPOS") != "-1"
        or by_parts != {"BYSETPOS", "BYMONTHDAY"} | ({"BYMONTH"} & by_parts)
    ):
        return rule
    months = parts.get("BYMONTH", "1,2,3,4,5,6,7,8,9,10,11,12").split(",")
    # A yearly rule picks the last day of the whole year's set: only right for one month.
    if not (parts["FREQ"] == "MONTHLY" or (parts["FREQ"] == "YEARLY" and len(months) == 1)):
        return rule
    days = parts["BYMONTHDAY"].split(",")
    if not all(m.isdigit() and int(m) in _MONTH_LENGTHS for m in months):
        return rule
    if not all(d.isdigit() for d in days):
        return rule
    lengths = set().union(*(_MONTH_LENGTHS[int(m)] for m in months))
    if not lengths <= {int(d) for d in days}:
        return rule
    del parts["BYSETPOS"]
    parts["BYMONTHDAY"] = "-1"
    return ";".join(f"{name}={value}" for name, value in parts.items())


class _Calendar:
    def __init__(self, plan_uid: str, today: date, sequence: int, lang: str) -> None:
        self.uid = escape_text(plan_uid) or "plan"
        self.stamp = f"{_date(today)}T000000Z"
        self.sequence = max(0, sequence)
        self.lang = lang
        self.lines: list[str] = []

    def t(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    def event(
        self,
        kind: str,
        id: int,
        on: date,
        summary: str,
        description: list[str],
        *,
        rule: str | None = None,
        cancelled: bool = False,
    ) -> None:
        self.lines += [
            "BEGIN:VEVENT",
            f"UID:{kind}-{id}-{self.uid}@pop-tui",
            f"DTSTAMP:{self.stamp}",
            f"SEQUENCE:{self.sequence}",
            f"DTSTART;VALUE=DATE:{_date(on)}",
        ]
        # pop takes no date past dates.LAST_DAY, but a plan from before that rule may hold
        # 9999-12-31: without DTEND an all-day event is that one day (RFC 5545, 3.6.1).
        if on < date.max:
            self.lines.append(f"DTEND;VALUE=DATE:{_date(on + timedelta(days=1))}")
        if rule:
            self.lines.append(f"RRULE:{rule}")
        self.lines += [
            f"SUMMARY:{escape_text(summary)}",
            "TRANSP:TRANSPARENT",
            "CLASS:PRIVATE",
            f"CATEGORIES:{escape_text(self.t('export.ics.category'))}",
        ]
        text = "\n".join(d for d in description if d)
        if text:
            self.lines.append(f"DESCRIPTION:{escape_text(text)}")
        if cancelled:
            self.lines.append("STATUS:CANCELLED")
        self.lines.append("END:VEVENT")

    def step(self, step: Step, goals: dict[int, Goal], actions: dict[int, str]) -> None:
        if step.due is None:
            return
        goal = goals.get(step.goal_id)
        title = clean(step.title) or "—"
        summary = f"✓ {title}" if step.done else title
        description = []
        if goal is not None:
            description.append(self.t("export.ics.goal", title=clean(goal.title)))
        if step.action_id is not None and clean(actions.get(step.action_id, "")):
            description.append(self.t("export.ics.action", text=clean(actions[step.action_id])))
        if step.done_on is not None:
            description.append(self.t("export.ics.done", date=format_date(step.done_on, self.lang)))
        cancelled = goal is not None and goal.status == "dropped" and not step.done
        self.event("step", step.id, step.due, summary, description, cancelled=cancelled)

    def review(self, review: Review, goals: dict[int, Goal]) -> None:
        start = review.start or review.next_on
        if start is None:
            return
        rule = _rule(review.rule) if review.rule else None
        goal = goals.get(review.goal_id) if review.goal_id is not None else None
        about = clean(goal.title) if goal is not None else self.t("export.ics.whole_plan")
        description = [self.t("export.ics.review_of", what=about)]
        if rule:
            # Described as pop knows it, before the rewrite for calendars.
            description.append(clean(describe_recurrence(rule, self.lang)))
            rule = _calendar_rule(rule)
        for held in review.held[-3:]:
            notes = clean(held.notes, multiline=True)
            when = self.t("export.review.held", date=format_date(held.on, self.lang))
            description.append(f"{when}: {notes}" if notes else when)
        summary = self.t("export.ics.review", title=clean(review.title) or about)
        self.event("review", review.id, start, summary, description, rule=rule)

    def deadline(self, goal: Goal) -> None:
        if goal.deadline is None or goal.status != "active":
            return
        summary = self.t("export.ics.deadline", title=clean(goal.title) or "—")
        specific = clean(goal.specific, multiline=True)
        self.event("goal", goal.id, goal.deadline, summary, [specific])


def _events(plan: Plan, cal: _Calendar) -> None:
    goals = plan.goals
    actions = {a.id: a.action for a in plan.actions.values()}
    for step in sorted(plan.steps.values(), key=lambda s: (s.due or date.min, s.id)):
        cal.step(step, goals, actions)
    for review in sorted(plan.reviews.values(), key=lambda r: r.id):
        cal.review(review, goals)
    for goal in sorted(goals.values(), key=lambda g: (g.order, g.id)):
        cal.deadline(goal)


def export_ical(plan: Plan, plan_uid: str, today: date, sequence: int = 0, lang: str = "en") -> str:
    """The plan's steps, reviews and deadlines as an iCalendar file (CRLF line ends).

    ``plan_uid`` makes the event UIDs stable; ``sequence`` (the plan's revision)
    must grow between exports so calendars accept the newer events.
    """
    cal = _Calendar(plan_uid, today, sequence, lang)
    owner = clean(plan.profile.owner)
    name = t("export.ics.calendar_owner", lang, owner=owner) if owner else "POP"
    cal.lines += [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//pop-tui//pop {__version__}//{lang.upper()}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
        f"NAME:{escape_text(name)}",
    ]
    _events(plan, cal)
    cal.lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in cal.lines)
