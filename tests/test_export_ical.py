"""The calendar export (RFC 5545), read back with the independent `icalendar` parser."""

from __future__ import annotations

from calendar import monthrange
from datetime import date, datetime, time, timedelta
from typing import Any

import icalendar
import pytest
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st

from pop_tui.core.dates import parse_recurrence
from pop_tui.core.demo import populate_demo
from pop_tui.core.edit import Edit
from pop_tui.core.export.clean import clean
from pop_tui.core.export.ical import escape_text, export_ical, fold
from pop_tui.core.model import Plan, Review
from tests.hostile import CONTROL_CHARS, NASTY, TODAY, hostile_plan, label
from tests.plan_strategies import plans

UID = "7d4c1f0e-1111-4222-8333-944455556666"


def events(text: str) -> dict[str, Any]:
    """The calendar's events by UID, parsed by `icalendar`."""
    calendar = icalendar.Calendar.from_ical(text)
    found = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert len(found) == len(calendar.walk("VEVENT")), "UIDs must be unique"
    return found


def demo_plan() -> Plan:
    plan = Plan()
    populate_demo(Edit(plan), TODAY, "en")
    return plan


def test_every_dated_step_review_and_deadline_is_an_event() -> None:
    plan = demo_plan()
    found = events(export_ical(plan, UID, TODAY, 5))
    expected = set()
    for step in plan.steps.values():
        assert step.due is not None
        event = found[f"step-{step.id}-{UID}@pop-tui"]
        expected.add(f"step-{step.id}-{UID}@pop-tui")
        assert event.decoded("DTSTART") == step.due
        assert event.decoded("DTEND") == step.due + timedelta(days=1)
        title = f"✓ {step.title}" if step.done else step.title
        assert str(event["SUMMARY"]) == title
        goal = plan.goals[step.goal_id]
        assert f"Goal: {goal.title}" in str(event["DESCRIPTION"])
        assert str(event["TRANSP"]) == "TRANSPARENT"
    for review in plan.reviews.values():
        uid = f"review-{review.id}-{UID}@pop-tui"
        expected.add(uid)
        event = found[uid]
        assert event.decoded("DTSTART") == review.start
        assert str(event["SUMMARY"]) == f"Review: {review.title}"
        if review.rule:
            assert event["RRULE"].to_ical().decode() == review.rule
        else:
            assert "RRULE" not in event
    for goal in plan.goals.values():
        uid = f"goal-{goal.id}-{UID}@pop-tui"
        expected.add(uid)
        assert found[uid].decoded("DTSTART") == goal.deadline
        assert str(found[uid]["SUMMARY"]) == f"Deadline: {goal.title}"
    assert set(found) == expected


def test_calendar_has_the_required_properties() -> None:
    text = export_ical(demo_plan(), UID, TODAY, 5)
    calendar = icalendar.Calendar.from_ical(text)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]).startswith("-//pop-tui//")
    for event in calendar.walk("VEVENT"):
        assert event.decoded("DTSTAMP").date() == TODAY
        assert int(event["SEQUENCE"]) == 5


def test_uids_stay_and_sequence_grows_between_exports() -> None:
    plan = demo_plan()
    first = events(export_ical(plan, UID, TODAY, 5))
    second = events(export_ical(plan, UID, TODAY + timedelta(days=3), 6))
    assert set(first) == set(second)
    assert all(int(second[uid]["SEQUENCE"]) > int(first[uid]["SEQUENCE"]) for uid in first)


def test_undated_steps_and_reviews_are_left_out() -> None:
    plan = hostile_plan()
    plan.put(plan.steps[2].__class__(9, goal_id=1, title="someday"))
    found = events(export_ical(plan, UID, TODAY))
    assert f"step-9-{UID}@pop-tui" not in found


def test_hostile_text_comes_back_exactly_as_cleaned() -> None:
    found = events(export_ical(hostile_plan(), UID, TODAY))
    step = found[f"step-2-{UID}@pop-tui"]
    assert str(step["SUMMARY"]) == clean(label("openstep"))
    description = str(step["DESCRIPTION"])
    assert description.splitlines()[0] == f"Goal: {clean(label('goaltitle'))}"
    review = found[f"review-1-{UID}@pop-tui"]
    assert str(review["SUMMARY"]) == f"Review: {clean(label('monthlyreview'))}"
    # Multi-line notes keep their lines.
    assert clean(label("heldnotes"), multiline=True) in str(review["DESCRIPTION"])


def test_recurring_review_until_is_a_date_like_its_start() -> None:
    found = events(export_ical(hostile_plan(), UID, TODAY))
    rule = found[f"review-1-{UID}@pop-tui"]["RRULE"]
    assert rule["FREQ"] == ["MONTHLY"]
    assert rule["UNTIL"] == [date(2027, 12, 31)]


def test_done_and_dropped_steps_say_so() -> None:
    found = events(export_ical(hostile_plan(), UID, TODAY))
    assert str(found[f"step-1-{UID}@pop-tui"]["SUMMARY"]).startswith("✓ ")
    assert str(found[f"step-4-{UID}@pop-tui"]["STATUS"]) == "CANCELLED"
    assert "STATUS" not in found[f"step-2-{UID}@pop-tui"]


def test_lines_are_crlf_folded_at_75_octets_and_never_split_a_character() -> None:
    raw = export_ical(hostile_plan(), UID, TODAY).encode("utf-8")
    assert raw.endswith(b"\r\n")
    lines = raw.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert all(len(line) <= 75 for line in lines)
    for line in lines:
        line.decode("utf-8")  # a cut inside a character would not decode
    assert any(line.startswith(b" ") for line in lines)


def test_no_control_character_reaches_the_calendar() -> None:
    text = export_ical(hostile_plan(), UID, TODAY)
    assert not [c for c in CONTROL_CHARS if c in text.replace("\r\n", "")]
    assert "\u202e" not in text


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("a,b;c\\d", "a\\,b\\;c\\\\d"),
        ("one\ntwo\r\nthree", "one\\ntwo\\nthree"),
        ("bell\x07 esc\x1b", "bell esc"),
    ],
)
def test_text_escaping(raw: str, escaped: str) -> None:
    assert escape_text(raw) == escaped


def test_folding_counts_octets_not_characters() -> None:
    line = "SUMMARY:" + "日" * 40  # 8 + 120 octets
    folded = fold(line)
    pieces = folded.split("\r\n")
    assert [len(p.encode()) for p in pieces] == [74, 55]
    assert "".join(p.removeprefix(" ") for p in pieces) == line


def test_folding_never_splits_an_escape() -> None:
    line = "DESCRIPTION:" + "x" * 62 + "\\,rest"
    pieces = fold(line).split("\r\n")
    assert pieces[0].endswith("x") and pieces[1] == " \\,rest"


def test_plan_text_with_every_separator_survives_a_round_trip() -> None:
    plan = hostile_plan()
    plan.put(plan.steps[2].__class__(9, goal_id=1, title=NASTY, due=TODAY))
    event = events(export_ical(plan, UID, TODAY))[f"step-9-{UID}@pop-tui"]
    assert str(event["SUMMARY"]) == clean(NASTY)


@settings(max_examples=60, deadline=None)
@given(plan=plans())
def test_any_plan_gives_a_calendar_with_every_dated_item(plan: Plan) -> None:
    text = export_ical(plan, UID, TODAY, 1)
    assert not [c for c in CONTROL_CHARS if c in text.replace("\r\n", "")]
    found = events(text)
    for step in plan.steps.values():
        uid = f"step-{step.id}-{UID}@pop-tui"
        if step.due is None:
            assert uid not in found
            continue
        assert found[uid].decoded("DTSTART") == step.due
        assert str(found[uid]["SUMMARY"]).removeprefix("✓ ") == (clean(step.title) or "—")
    for review in plan.reviews.values():
        uid = f"review-{review.id}-{UID}@pop-tui"
        assert (uid in found) == (review.start is not None or review.next_on is not None)
        if uid in found and review.rule:
            assert "RRULE" in found[uid]


def _review_calendar(rule: str, start: date) -> tuple[str, Any]:
    """The RRULE as written for a review with ``rule``, and the event as `icalendar` reads it."""
    plan = Plan()
    plan.put(Review(1, "Month end", None, start, rule, start))
    text = export_ical(plan, UID, TODAY)
    written = [line for line in text.split("\r\n") if line.startswith("RRULE:")]
    return written[0].removeprefix("RRULE:"), events(text)[f"review-1-{UID}@pop-tui"]


def _dates(rule: str, start: date) -> list[date]:
    until = datetime.combine(start, time()) + timedelta(days=3660)
    expanded = rrulestr(rule, dtstart=datetime.combine(start, time()))
    return [d.date() for d in expanded.between(datetime.combine(start, time()), until, inc=True)]


@pytest.mark.parametrize(
    ("repeat", "start", "written"),
    [
        ("monthly", date(2026, 12, 31), "FREQ=MONTHLY;BYMONTHDAY=-1"),
        ("quarterly", date(2027, 1, 31), "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1"),
        ("yearly", date(2028, 2, 29), "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"),
        (
            "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1;COUNT=30",
            date(2026, 12, 31),
            "FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=30",
        ),
        (
            "FREQ=MONTHLY;BYMONTH=2,4;BYMONTHDAY=28,29,30;BYSETPOS=-1",
            date(2027, 2, 28),
            "FREQ=MONTHLY;BYMONTH=2,4;BYMONTHDAY=-1",
        ),
    ],
)
def test_month_end_reviews_are_written_without_bysetpos_on_the_same_dates(
    repeat: str, start: date, written: str
) -> None:
    # calcurse ignores BYSETPOS: "the 31st or the month's last day" became four days a month.
    rule = parse_recurrence(repeat, start)
    rrule, event = _review_calendar(rule, start)
    assert rrule == written
    assert _dates(event["RRULE"].to_ical().decode(), start) == _dates(rule, start)


@pytest.mark.parametrize(
    ("repeat", "start"),
    [
        ("monthly", date(2027, 1, 30)),  # the 30th, or February's last day: needs BYSETPOS
        ("monthly", date(2027, 1, 29)),
        ("FREQ=YEARLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1", date(2026, 12, 31)),  # the year's last
        ("FREQ=YEARLY;BYMONTH=2,4;BYMONTHDAY=28,29,30;BYSETPOS=-1", date(2027, 4, 30)),
        ("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", date(2026, 12, 31)),  # last weekday
        ("FREQ=MONTHLY;BYMONTHDAY=29,30,31;BYSETPOS=-1", date(2026, 12, 31)),  # none in February
    ],
)
def test_other_bysetpos_rules_are_written_as_they_are(repeat: str, start: date) -> None:
    rule = parse_recurrence(repeat, start)
    assert _review_calendar(rule, start)[0] == rule


def test_a_month_end_review_still_says_so_in_its_description() -> None:
    start = date(2026, 12, 31)
    _, event = _review_calendar(parse_recurrence("monthly", start), start)
    assert "monthly, on the last day of the month" in str(event["DESCRIPTION"])


@settings(max_examples=60, deadline=None)
@given(
    # The 28th to the last day of a month, made as such (a filter on any date threw away
    # nine in ten, and Hypothesis gave up on a busy machine).
    start=st.builds(
        lambda year, month, day: date(year, month, min(day, monthrange(year, month)[1])),
        st.integers(2024, 2032),
        st.integers(1, 12),
        st.integers(28, 31),
    ),
    repeat=st.sampled_from(("monthly", "quarterly", "half-yearly", "yearly", "every 2 months")),
)
def test_every_generated_month_end_rule_keeps_its_dates_in_the_calendar(
    start: date, repeat: str
) -> None:
    rule = parse_recurrence(repeat, start)
    _, event = _review_calendar(rule, start)
    assert _dates(event["RRULE"].to_ical().decode(), start) == _dates(rule, start)
