"""Tests of quick date entry, repeat rules and date texts (pop_tui.core.dates)."""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pop_tui.core import dates
from pop_tui.core.dates import (
    DATE_FORMS_HELP,
    FIRST_DAY,
    LAST_DAY,
    RECURRENCE_FORMS_HELP,
    DateError,
    describe_recurrence,
    format_date,
    next_occurrence,
    parse_date,
    parse_recurrence,
    relative_day,
)
from pop_tui.core.texts import dates as dates_texts
from pop_tui.core.texts import language, set_language, t

# Fixed "todays": the code under test never reads the clock, so neither do the tests.
SUN = date(2026, 11, 29)  # a Sunday
JAN31 = date(2026, 1, 31)  # a Saturday at a month end
LEAP_EVE = date(2028, 2, 28)  # a Monday, the day before 29 February
LEAP = date(2028, 2, 29)  # a Tuesday
AFTER_LEAP = date(2028, 3, 1)
MID = date(2026, 11, 15)  # a start day every month has
YEAR_END = date(2026, 12, 31)  # a Thursday
DST_SPRING = date(2026, 3, 28)  # Saturday before EU summer time starts
DST_AUTUMN = date(2026, 10, 24)  # Saturday before EU summer time ends


def d(text: str) -> date:
    return date.fromisoformat(text)


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    previous = language()
    set_language("en")
    yield
    set_language(previous)


@pytest.fixture
def dutch() -> None:
    # The autouse fixture above puts the previous language back afterwards.
    set_language("nl")


def test_fixed_todays_are_the_weekdays_the_cases_assume() -> None:
    assert [x.strftime("%a") for x in (SUN, JAN31, LEAP_EVE, LEAP, YEAR_END)] == [
        "Sun",
        "Sat",
        "Mon",
        "Tue",
        "Thu",
    ]
    assert DST_SPRING.strftime("%a") == DST_AUTUMN.strftime("%a") == "Sat"


PARSE_CASES: list[tuple[str, date, str]] = [
    # ISO and day-first numeric dates
    ("2026-12-01", SUN, "2026-12-01"),
    ("2028-02-29", SUN, "2028-02-29"),
    ("2026-1-5", SUN, "2026-01-05"),
    ("1-12-2026", SUN, "2026-12-01"),
    ("1/12/2026", SUN, "2026-12-01"),
    ("1.12.2026", SUN, "2026-12-01"),
    ("01-12-2026", SUN, "2026-12-01"),
    ("  1-12-2026  ", SUN, "2026-12-01"),
    ("29-02-2028", JAN31, "2028-02-29"),
    ("31-12-2026", YEAR_END, "2026-12-31"),
    # numeric without a year: the next such date on or after today
    ("1-12", SUN, "2026-12-01"),
    ("29-11", SUN, "2026-11-29"),
    ("28-11", SUN, "2027-11-28"),
    ("1/1", YEAR_END, "2027-01-01"),
    ("31.12", YEAR_END, "2026-12-31"),
    ("29-2", SUN, "2028-02-29"),
    ("29-02", LEAP, "2028-02-29"),
    ("29-2", AFTER_LEAP, "2032-02-29"),
    # named days, English and Dutch
    ("today", SUN, "2026-11-29"),
    ("TODAY", SUN, "2026-11-29"),
    ("vandaag", YEAR_END, "2026-12-31"),
    ("tomorrow", YEAR_END, "2027-01-01"),
    ("morgen", LEAP_EVE, "2028-02-29"),
    ("Morgen", JAN31, "2026-02-01"),
    ("overmorgen", LEAP_EVE, "2028-03-01"),
    ("day after tomorrow", YEAR_END, "2027-01-02"),
    ("yesterday", DST_SPRING, "2026-03-27"),
    ("gisteren", AFTER_LEAP, "2028-02-29"),
    ("eergisteren", SUN, "2026-11-27"),
    # weekdays: strictly after today
    ("monday", SUN, "2026-11-30"),
    ("ma", SUN, "2026-11-30"),
    ("tue", SUN, "2026-12-01"),
    ("dinsdag", SUN, "2026-12-01"),
    ("wo", SUN, "2026-12-02"),
    ("wednesday", SUN, "2026-12-02"),
    ("thursday", SUN, "2026-12-03"),
    ("do", SUN, "2026-12-03"),
    ("fri", SUN, "2026-12-04"),
    ("vrijdag", SUN, "2026-12-04"),
    ("Saturday", SUN, "2026-12-05"),
    ("za", SUN, "2026-12-05"),
    ("sunday", SUN, "2026-12-06"),
    ("zo", SUN, "2026-12-06"),
    ("Monday", LEAP_EVE, "2028-03-06"),
    ("fri", YEAR_END, "2027-01-01"),
    ("woensdag", DST_SPRING, "2026-04-01"),
    ("sun", DST_SPRING, "2026-03-29"),
    ("zondag", DST_AUTUMN, "2026-10-25"),
    # offsets; months and years clamp to the month end
    ("+3d", SUN, "2026-12-02"),
    ("+2w", SUN, "2026-12-13"),
    ("+1m", JAN31, "2026-02-28"),
    ("+1m", date(2028, 1, 31), "2028-02-29"),
    ("+1y", LEAP, "2029-02-28"),
    ("+4j", LEAP, "2032-02-29"),
    ("-1y", LEAP, "2027-02-28"),
    ("-3d", JAN31, "2026-01-28"),
    ("-1w", YEAR_END, "2026-12-24"),
    ("-1m", DST_SPRING, "2026-02-28"),
    ("+1d", DST_SPRING, "2026-03-29"),
    ("+1d", DST_AUTUMN, "2026-10-25"),
    ("+1D", YEAR_END, "2027-01-01"),
    ("+ 3 days", SUN, "2026-12-02"),
    ("+2 weken", SUN, "2026-12-13"),
    ("+0d", SUN, "2026-11-29"),
    # ends of week, month, quarter, year
    ("eow", SUN, "2026-11-29"),
    ("eow", LEAP_EVE, "2028-03-05"),
    ("eind week", DST_SPRING, "2026-03-29"),
    ("eom", LEAP_EVE, "2028-02-29"),
    ("eom", date(2027, 2, 10), "2027-02-28"),
    ("eind maand", JAN31, "2026-01-31"),
    ("end of month", SUN, "2026-11-30"),
    ("einde van de maand", SUN, "2026-11-30"),
    ("eoq", SUN, "2026-12-31"),
    ("eoq", JAN31, "2026-03-31"),
    ("eind kwartaal", DST_AUTUMN, "2026-12-31"),
    ("einde kwartaal", DST_SPRING, "2026-03-31"),
    ("eoy", JAN31, "2026-12-31"),
    ("eind jaar", YEAR_END, "2026-12-31"),
    ("end of the year", LEAP, "2028-12-31"),
    # in / over N units, next ...
    ("in 3 weeks", SUN, "2026-12-20"),
    ("over 3 weken", SUN, "2026-12-20"),
    ("in 1 week", YEAR_END, "2027-01-07"),
    ("in 1 day", YEAR_END, "2027-01-01"),
    ("over 2 dagen", LEAP_EVE, "2028-03-01"),
    ("in 1 month", JAN31, "2026-02-28"),
    ("over een maand", date(2028, 1, 31), "2028-02-29"),
    ("in 2 months", SUN, "2027-01-29"),
    ("over 2 maanden", YEAR_END, "2027-02-28"),
    ("in 1 year", LEAP, "2029-02-28"),
    ("over 1 jaar", SUN, "2027-11-29"),
    ("over 2 jaren", SUN, "2028-11-29"),
    ("in a week", SUN, "2026-12-06"),
    ("next week", SUN, "2026-12-06"),
    ("volgende week", YEAR_END, "2027-01-07"),
    ("next month", JAN31, "2026-02-28"),
    ("volgende maand", SUN, "2026-12-29"),
    ("volgend jaar", LEAP, "2029-02-28"),
    ("next friday", SUN, "2026-12-04"),
    ("volgende vrijdag", SUN, "2026-12-04"),
    ("next fri", YEAR_END, "2027-01-01"),
    ("volgende donderdag", YEAR_END, "2027-01-07"),  # on a Thursday: a week later
    ("next sunday", SUN, "2026-12-06"),
    # day and month name, with or without year
    ("1 dec", SUN, "2026-12-01"),
    ("1 december", SUN, "2026-12-01"),
    ("dec 1", SUN, "2026-12-01"),
    ("1 dec 2026", JAN31, "2026-12-01"),
    ("December 1, 2027", SUN, "2027-12-01"),
    ("29 nov", SUN, "2026-11-29"),
    ("28 nov", SUN, "2027-11-28"),
    ("1 jan", YEAR_END, "2027-01-01"),
    ("1st jan", YEAR_END, "2027-01-01"),
    ("31 dec", YEAR_END, "2026-12-31"),
    ("29 feb", SUN, "2028-02-29"),
    ("29 februari", AFTER_LEAP, "2032-02-29"),
    ("1 mrt", SUN, "2027-03-01"),
    ("1 maart", SUN, "2027-03-01"),
    ("15 mei", SUN, "2027-05-15"),
    ("3 okt", DST_AUTUMN, "2027-10-03"),
    ("25 oktober", DST_AUTUMN, "2026-10-25"),
    ("mar 29", DST_SPRING, "2026-03-29"),
    ("1 sept", SUN, "2027-09-01"),
    ("2 aug.", SUN, "2027-08-02"),
    ("1 juni 2027", SUN, "2027-06-01"),
    # a bare day number: strictly after today, skipping months without that day
    ("15", SUN, "2026-12-15"),
    ("29", SUN, "2026-12-29"),
    ("30", JAN31, "2026-03-30"),
    ("31", JAN31, "2026-03-31"),
    ("1", YEAR_END, "2027-01-01"),
    ("29", LEAP_EVE, "2028-02-29"),
    ("29", LEAP, "2028-03-29"),
    ("31", DST_AUTUMN, "2026-10-31"),
]


@pytest.mark.parametrize(("text", "today", "expected"), PARSE_CASES)
def test_parse_date(text: str, today: date, expected: str) -> None:
    assert parse_date(text, today) == d(expected)


def test_parse_date_has_enough_cases() -> None:
    assert len(PARSE_CASES) >= 70


REFUSED_DATES = [
    "blah",
    "31-02-2026",
    "2027-02-29",
    "29-02-2026",
    "30-2",
    "31 apr",
    "31 april 2026",
    "1-13-2026",
    "12/31/2026",
    "2026-13-01",
    "1-12-26",
    "1/12/26",
    "1 december 26",
    "0",
    "32",
    "0-12-2026",
    "+3x",
    "+3",
    "3d",
    "3 weeks",
    "in 3 parsecs",
    "next tuesday week",
    "1-12-2026-1",
    "1-12/2026",
    "+99999y",
    "-9999y",
    "٣",
    "morgen morgen",
]


@pytest.mark.parametrize("text", REFUSED_DATES)
def test_refusal_names_the_text_and_the_forms_in_english(text: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text, SUN)
    message = str(caught.value)
    assert caught.value.text == text
    assert f'"{text}"' in message
    assert "Try: 2026-12-01, 1-12-2026, 1 dec, today, tomorrow, friday" in message
    assert "in 3 weeks" in message


@pytest.mark.parametrize("text", REFUSED_DATES)
def test_refusal_names_the_text_and_the_forms_in_dutch(dutch: None, text: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text, SUN)
    message = str(caught.value)
    assert f'"{text}"' in message
    assert "Probeer bijvoorbeeld: 2026-12-01, 1-12-2026, 1 dec, vandaag, morgen" in message
    assert "over 3 weken" in message
    assert "Try:" not in message


def test_refusal_of_unknown_text_reads_as_specified() -> None:
    with pytest.raises(DateError, match=re.escape('"blah" is not a date I understand. Try: ')):
        parse_date("blah", SUN)


def test_refusal_shows_the_text_without_surrounding_spaces() -> None:
    with pytest.raises(DateError) as caught:
        parse_date("  blah  ", SUN)
    assert caught.value.text == "  blah  "
    assert '"blah"' in str(caught.value)


def test_refusal_shortens_a_pasted_paragraph() -> None:
    with pytest.raises(DateError) as caught:
        parse_date("word " * 100, SUN)
    assert len(str(caught.value)) < 250
    assert '"word word' in str(caught.value)


@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_empty_text_is_refused(text: str) -> None:
    with pytest.raises(DateError, match=re.escape("No date was typed. Try: 2026-12-01")):
        parse_date(text, SUN)


@pytest.mark.parametrize(
    ("text", "english", "dutch_text"),
    [
        ("2027-02-29", "February 2027 has 28 days", "februari 2027 heeft 28 dagen"),
        ("31-04-2026", "April 2026 has 30 days", "april 2026 heeft 30 dagen"),
        ("30-2", "February never has more than 29 days", "februari heeft nooit meer dan 29"),
        ("1-13-2026", "there is no month 13", "er is geen maand 13"),
        ("1-12-26", "four digits", "vier cijfers"),
        ("1 dec 26", "four digits", "vier cijfers"),
        ("32", "has day 32", "noemt dag 32"),
        ("+99999y", "at most 100 years", "hoogstens 100 jaar"),
        ("9999-12-31", "1 January 1900 to 31 December 9998", "1 januari 1900 tot en met 31"),
        ("1-1-1899", "1 January 1900 to 31 December 9998", "1 januari 1900 tot en met 31"),
    ],
)
def test_refusal_says_what_is_wrong(text: str, english: str, dutch_text: str) -> None:
    with pytest.raises(DateError, match=re.escape(english)):
        parse_date(text, SUN)
    set_language("nl")
    with pytest.raises(DateError, match=re.escape(dutch_text)):
        parse_date(text, SUN)


def test_date_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        parse_date("blah", SUN)


def test_offsets_at_the_ends_of_the_calendar_are_refused_not_crashed() -> None:
    with pytest.raises(DateError, match="to 31 December 9998"):
        parse_date("tomorrow", LAST_DAY)
    with pytest.raises(DateError, match="from 1 January 1900"):
        parse_date("-1d", FIRST_DAY)
    with pytest.raises(DateError, match="to 31 December 9998"):
        parse_date("1-1", LAST_DAY)
    with pytest.raises(DateError, match="to 31 December 9998"):
        parse_date("tomorrow", date.max)
    assert parse_date("eoy", date(9998, 6, 1)) == LAST_DAY


@pytest.mark.parametrize(
    "text",
    [
        "+1000000d",
        "-1000000d",
        "+36700d",
        "+101y",
        "in 1300 months",
        "-5300w",
        "+99999999999999999999d",
    ],
)
def test_an_offset_of_more_than_a_hundred_years_is_too_far_away(text: str) -> None:
    with pytest.raises(DateError, match="too far away: a step forward or back reaches at most 100"):
        parse_date(text, SUN)


def test_an_offset_of_a_hundred_years_is_taken() -> None:
    assert parse_date("+100y", SUN) == date(2126, 11, 29)
    assert parse_date("-100y", SUN) == date(1926, 11, 29)


def test_every_date_typed_is_one_every_export_can_write() -> None:
    for text in ("9999-12-31", "31-12-9999", "31 dec 9999", "1-1-0001", "1 jan 1899"):
        with pytest.raises(DateError, match="too far away"):
            parse_date(text, SUN)
    assert parse_date("9998-12-31", SUN) == LAST_DAY
    assert parse_date("1900-01-01", SUN) == FIRST_DAY


@given(st.text())
@settings(max_examples=300, deadline=None)
def test_any_text_gives_a_date_or_a_date_error(text: str) -> None:
    try:
        result = parse_date(text, SUN)
    except DateError as error:
        assert error.text == text
    else:
        assert isinstance(result, date)


@given(
    st.text(alphabet="0123456789-+/., abcdefjklmnoprstuvwyzéDMWJ", max_size=16),
    st.dates(),
)
@settings(max_examples=500, deadline=None)
def test_date_like_text_on_any_day_gives_a_date_or_a_date_error(text: str, today: date) -> None:
    try:
        result = parse_date(text, today)
    except DateError:
        return
    assert isinstance(result, date)


@given(
    st.sampled_from(["+", "-", "in ", "over "]),
    st.integers(min_value=0, max_value=999_999),
    st.sampled_from(["d", "w", "m", "y", "j", " days", " weken", " maanden", " jaar"]),
    st.dates(),
)
@settings(max_examples=300, deadline=None)
def test_large_offsets_give_a_date_or_a_date_error(
    prefix: str, count: int, unit: str, today: date
) -> None:
    text = f"{prefix}{count}{unit}"
    if prefix in ("in ", "over ") and unit in ("d", "w", "m", "y", "j"):
        text = f"{prefix}{count} {unit}"
    try:
        result = parse_date(text, today)
    except DateError as error:
        assert "too far away" in str(error)
    else:
        assert result <= today if prefix == "-" else result >= today


@given(st.dates(FIRST_DAY, date(9998, 12, 24)), st.integers(min_value=0, max_value=6))
def test_a_weekday_is_always_the_next_one_strictly_after_today(today: date, weekday: int) -> None:
    names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    result = parse_date(names[weekday], today)
    assert result.weekday() == weekday
    assert 1 <= (result - today).days <= 7


@given(st.dates(FIRST_DAY, date(9998, 9, 1)), st.integers(min_value=1, max_value=31))
def test_a_bare_day_number_is_the_first_such_day_after_today(today: date, day: int) -> None:
    result = parse_date(str(day), today)
    assert result.day == day
    assert result > today
    between = [today + timedelta(days=n) for n in range(1, (result - today).days)]
    assert all(x.day != day for x in between)


RECURRENCE_CASES: list[tuple[str, date, str]] = [
    ("daily", SUN, "FREQ=DAILY"),
    ("dagelijks", SUN, "FREQ=DAILY"),
    ("every day", SUN, "FREQ=DAILY"),
    ("weekly", SUN, "FREQ=WEEKLY"),
    ("Wekelijks", SUN, "FREQ=WEEKLY"),
    ("every week", SUN, "FREQ=WEEKLY"),
    ("elke week", SUN, "FREQ=WEEKLY"),
    ("every 1 weeks", SUN, "FREQ=WEEKLY"),
    ("biweekly", SUN, "FREQ=WEEKLY;INTERVAL=2"),
    ("fortnightly", SUN, "FREQ=WEEKLY;INTERVAL=2"),
    ("tweewekelijks", SUN, "FREQ=WEEKLY;INTERVAL=2"),
    ("every 2 weeks", SUN, "FREQ=WEEKLY;INTERVAL=2"),
    ("elke 2 weken", SUN, "FREQ=WEEKLY;INTERVAL=2"),
    ("every 2nd week", SUN, "FREQ=WEEKLY;INTERVAL=2"),
    ("every other week", SUN, "FREQ=WEEKLY;INTERVAL=2"),
    ("om de week", SUN, "FREQ=WEEKLY;INTERVAL=2"),
    ("om de 3 dagen", SUN, "FREQ=DAILY;INTERVAL=3"),
    ("  Every  10  Days ", SUN, "FREQ=DAILY;INTERVAL=10"),
    ("monthly", MID, "FREQ=MONTHLY"),
    ("maandelijks", date(2026, 2, 28), "FREQ=MONTHLY"),
    ("monthly", date(2026, 1, 29), "FREQ=MONTHLY;BYMONTHDAY=28,29;BYSETPOS=-1"),
    ("monthly", date(2026, 4, 30), "FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1"),
    ("elke maand", JAN31, "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1"),
    ("quarterly", MID, "FREQ=MONTHLY;INTERVAL=3"),
    ("per kwartaal", MID, "FREQ=MONTHLY;INTERVAL=3"),
    ("elk kwartaal", MID, "FREQ=MONTHLY;INTERVAL=3"),
    ("driemaandelijks", MID, "FREQ=MONTHLY;INTERVAL=3"),
    ("every quarter", MID, "FREQ=MONTHLY;INTERVAL=3"),
    ("quarterly", JAN31, "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=28,29,30,31;BYSETPOS=-1"),
    (
        "every 2 months",
        date(2026, 11, 30),
        "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=28,29,30;BYSETPOS=-1",
    ),
    ("elke 6 maanden", MID, "FREQ=MONTHLY;INTERVAL=6"),
    ("halfjaarlijks", MID, "FREQ=MONTHLY;INTERVAL=6"),
    ("yearly", SUN, "FREQ=YEARLY"),
    ("annually", SUN, "FREQ=YEARLY"),
    ("jaarlijks", JAN31, "FREQ=YEARLY"),
    ("elk jaar", SUN, "FREQ=YEARLY"),
    ("elke 2 jaar", SUN, "FREQ=YEARLY;INTERVAL=2"),
    ("yearly", LEAP, "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1"),
    ("every 4 years", LEAP, "FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1"),
    # raw rules: validated and normalised
    ("FREQ=WEEKLY;BYDAY=MO", SUN, "FREQ=WEEKLY;BYDAY=MO"),
    ("RRULE:FREQ=WEEKLY;BYDAY=MO,WE", SUN, "FREQ=WEEKLY;BYDAY=MO,WE"),
    ("rrule:freq=monthly;byday=-1fr", SUN, "FREQ=MONTHLY;BYDAY=-1FR"),
    ("FREQ=DAILY;COUNT=5;", SUN, "FREQ=DAILY;COUNT=5"),
    (" FREQ=WEEKLY; INTERVAL=3 ", SUN, "FREQ=WEEKLY;INTERVAL=3"),
    ("FREQ=WEEKLY;UNTIL=20271231T000000Z", SUN, "FREQ=WEEKLY;UNTIL=20271231T000000"),
    ("FREQ=MONTHLY", JAN31, "FREQ=MONTHLY"),
]


@pytest.mark.parametrize(("text", "start", "expected"), RECURRENCE_CASES)
def test_parse_recurrence(text: str, start: date, expected: str) -> None:
    assert parse_recurrence(text, start) == expected


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("", "No repetition was typed"),
        ("sometimes", "is not a repetition I understand"),
        ("every 3 fortnights", "is not a repetition I understand"),
        ("every 0 weeks", "must be at least 1"),
        ("FREQ=HOURLY", "more often than daily"),
        ("FREQ=DAILY;BYHOUR=9", "more often than daily"),
        ("FREQ=SOMETIMES", "is not a valid repeat rule"),
        ("INTERVAL=2", "is not a valid repeat rule"),
        ("FREQ=WEEKLY;INTERVAL=0", "is not a valid repeat rule"),
        ("FREQ=WEEKLY;BYDAY=XX", "is not a valid repeat rule"),
        ("FREQ=WEEKLY;FOO=1", "is not a valid repeat rule"),
        ("FREQ=WEEKLY;FREQ=DAILY", "is not a valid repeat rule"),
        ("FREQ=WEEKLY;UNTIL=tomorrow", "is not a valid repeat rule"),
        ("FREQ=WEEKLY;COUNT=2;UNTIL=20271231", "is not a valid repeat rule"),
        ("FREQ=WEEKLY;BYDAY=MO;;=", "is not a valid repeat rule"),
        ("DTSTART:20260101T000000\nRRULE:FREQ=DAILY", "contains a start date (DTSTART)"),
        ("FREQ=DAILY;DTSTART=20260101", "contains a start date (DTSTART)"),
        ("FREQ=WEEKLY;UNTIL=20251231", "never falls on or after the start date, Sun 29 Nov 2026"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "never falls on or after the start date"),
    ],
)
def test_parse_recurrence_refuses(text: str, english: str) -> None:
    with pytest.raises(DateError, match=re.escape(english)) as caught:
        parse_recurrence(text, SUN)
    assert caught.value.text == text
    assert "Try: daily, weekly, every 2 weeks, monthly" in str(caught.value)
    if text.strip():
        assert f'"{" ".join(text.split())}"' in str(caught.value)


def test_parse_recurrence_refuses_in_dutch(dutch: None) -> None:
    with pytest.raises(DateError) as caught:
        parse_recurrence("soms", SUN)
    message = str(caught.value)
    assert message.startswith('"soms" herken ik niet als herhaling.')
    assert "Probeer bijvoorbeeld: dagelijks, wekelijks, elke 2 weken" in message


@given(st.text())
@settings(max_examples=200, deadline=None)
def test_any_text_gives_a_rule_or_a_date_error(text: str) -> None:
    try:
        rule = parse_recurrence(text, SUN)
    except DateError:
        return
    assert next_occurrence(rule, SUN, SUN) is not None


@pytest.mark.parametrize(
    ("text", "start", "on_or_after", "expected"),
    [
        # month ends: the 31st, or the last day of a shorter month
        ("monthly", JAN31, "2026-02-01", "2026-02-28"),
        ("monthly", JAN31, "2026-03-01", "2026-03-31"),
        ("monthly", JAN31, "2026-04-01", "2026-04-30"),
        ("monthly", date(2028, 1, 31), "2028-02-01", "2028-02-29"),
        ("monthly", date(2026, 1, 30), "2026-02-01", "2026-02-28"),
        ("monthly", date(2026, 1, 30), "2026-03-01", "2026-03-30"),
        ("quarterly", date(2026, 11, 30), "2026-12-01", "2027-02-28"),
        ("quarterly", date(2026, 11, 30), "2027-03-01", "2027-05-30"),
        # year ends
        ("monthly", MID, "2026-12-16", "2027-01-15"),
        ("weekly", SUN, "2026-12-31", "2027-01-03"),
        ("yearly", YEAR_END, "2027-01-01", "2027-12-31"),
        ("daily", YEAR_END, "2027-01-01", "2027-01-01"),
        # 29 February
        ("yearly", LEAP, "2028-03-01", "2029-02-28"),
        ("yearly", LEAP, "2032-01-01", "2032-02-29"),
        # inclusive, and never before the start
        ("weekly", SUN, "2026-12-06", "2026-12-06"),
        ("weekly", SUN, "2020-01-01", "2026-11-29"),
        # daylight saving changes do not shift a date
        ("every 2 weeks", date(2026, 3, 22), "2026-03-23", "2026-04-05"),
        ("daily", DST_AUTUMN, "2026-10-25", "2026-10-25"),
        ("weekly", DST_AUTUMN, "2026-10-25", "2026-10-31"),
    ],
)
def test_next_occurrence(text: str, start: date, on_or_after: str, expected: str) -> None:
    rule = parse_recurrence(text, start)
    assert next_occurrence(rule, start, d(on_or_after)) == d(expected)


def test_plain_monthly_rule_skips_short_months_which_is_why_month_ends_are_rewritten() -> None:
    assert next_occurrence("FREQ=MONTHLY", JAN31, d("2026-02-01")) == d("2026-03-31")


def test_next_occurrence_is_none_once_a_counted_rule_has_ended() -> None:
    rule = "FREQ=DAILY;COUNT=3"
    start = date(2026, 12, 30)
    assert next_occurrence(rule, start, d("2027-01-01")) == d("2027-01-01")
    assert next_occurrence(rule, start, d("2027-01-02")) is None


def test_next_occurrence_is_none_after_until() -> None:
    rule = "FREQ=WEEKLY;UNTIL=20261231"
    start = date(2026, 12, 3)
    assert next_occurrence(rule, start, d("2026-12-25")) == d("2026-12-31")
    assert next_occurrence(rule, start, d("2027-01-01")) is None


def test_next_occurrence_reads_a_prefixed_lowercase_rule() -> None:
    assert next_occurrence("RRULE:freq=weekly;byday=fr", SUN, SUN) == d("2026-12-04")


def test_next_occurrence_refuses_a_broken_rule() -> None:
    with pytest.raises(DateError):
        next_occurrence("FREQ=WEEKLY;BYDAY=XX", SUN, SUN)


@pytest.mark.parametrize(
    ("rule", "english", "dutch_text"),
    [
        ("FREQ=DAILY", "daily", "dagelijks"),
        ("FREQ=DAILY;INTERVAL=3", "every 3 days", "elke 3 dagen"),
        ("FREQ=WEEKLY", "weekly", "wekelijks"),
        ("FREQ=WEEKLY;INTERVAL=2", "every 2 weeks", "elke 2 weken"),
        ("FREQ=MONTHLY", "monthly", "maandelijks"),
        ("FREQ=MONTHLY;INTERVAL=2", "every 2 months", "elke 2 maanden"),
        ("FREQ=MONTHLY;INTERVAL=3", "quarterly", "elk kwartaal"),
        ("FREQ=YEARLY", "yearly", "jaarlijks"),
        ("FREQ=YEARLY;INTERVAL=2", "every 2 years", "elke 2 jaar"),
        ("RRULE:freq=weekly;interval=1", "weekly", "wekelijks"),
        (
            "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1",
            "monthly, on the last day of the month",
            "maandelijks, op de laatste dag van de maand",
        ),
        (
            "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=28,29,30;BYSETPOS=-1",
            "quarterly, on the 30th or the last day of a shorter month",
            "elk kwartaal, op de 30e of de laatste dag van een kortere maand",
        ),
        (
            "FREQ=MONTHLY;BYMONTHDAY=28,29;BYSETPOS=-1",
            "monthly, on the 29th or the last day of a shorter month",
            "maandelijks, op de 29e of de laatste dag van een kortere maand",
        ),
        (
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1",
            "yearly, on the last day of February",
            "jaarlijks, op de laatste dag van februari",
        ),
        ("FREQ=WEEKLY;BYDAY=MO", "FREQ=WEEKLY;BYDAY=MO", "FREQ=WEEKLY;BYDAY=MO"),
        ("rrule:freq=daily;count=3", "FREQ=DAILY;COUNT=3", "FREQ=DAILY;COUNT=3"),
        (
            "FREQ=MONTHLY;BYMONTHDAY=28,29;BYSETPOS=1",
            "FREQ=MONTHLY;BYMONTHDAY=28,29;BYSETPOS=1",
            "FREQ=MONTHLY;BYMONTHDAY=28,29;BYSETPOS=1",
        ),
        ("nonsense", "nonsense", "nonsense"),
    ],
)
def test_describe_recurrence(rule: str, english: str, dutch_text: str) -> None:
    assert describe_recurrence(rule, "en") == english
    assert describe_recurrence(rule, "nl") == dutch_text


def test_describe_recurrence_follows_the_current_language(dutch: None) -> None:
    assert describe_recurrence("FREQ=WEEKLY;INTERVAL=2") == "elke 2 weken"


def test_describe_recurrence_names_what_parse_recurrence_made() -> None:
    assert describe_recurrence(parse_recurrence("om de week", SUN)) == "every 2 weeks"
    assert describe_recurrence(parse_recurrence("monthly", JAN31)) == (
        "monthly, on the last day of the month"
    )


@pytest.mark.parametrize(
    ("day", "today", "english", "dutch_text"),
    [
        (SUN, SUN, "today", "vandaag"),
        (d("2026-11-30"), SUN, "tomorrow", "morgen"),
        (d("2026-11-28"), SUN, "yesterday", "gisteren"),
        (d("2026-12-02"), SUN, "in 3 days", "over 3 dagen"),
        (d("2026-11-26"), SUN, "3 days ago", "3 dagen geleden"),
        (d("2026-12-01"), SUN, "in 2 days", "over 2 dagen"),
        (d("2026-11-27"), SUN, "2 days ago", "2 dagen geleden"),
        (d("2027-01-01"), YEAR_END, "tomorrow", "morgen"),
        (d("2026-12-31"), d("2027-01-01"), "yesterday", "gisteren"),
        (AFTER_LEAP, LEAP_EVE, "in 2 days", "over 2 dagen"),
        (d("2027-12-31"), YEAR_END, "in 365 days", "over 365 dagen"),
    ],
)
def test_relative_day(day: date, today: date, english: str, dutch_text: str) -> None:
    assert relative_day(day, today, "en") == english
    assert relative_day(day, today, "nl") == dutch_text


def test_relative_day_follows_the_current_language(dutch: None) -> None:
    assert relative_day(d("2026-11-30"), SUN) == "morgen"


@pytest.mark.parametrize(
    ("day", "english", "dutch_text"),
    [
        ("2026-12-01", "Tue 1 Dec 2026", "di 1 dec 2026"),
        ("2028-02-29", "Tue 29 Feb 2028", "di 29 feb 2028"),
        ("2026-11-29", "Sun 29 Nov 2026", "zo 29 nov 2026"),
        ("2026-03-28", "Sat 28 Mar 2026", "za 28 mrt 2026"),
        ("2026-10-24", "Sat 24 Oct 2026", "za 24 okt 2026"),
        ("2026-05-01", "Fri 1 May 2026", "vr 1 mei 2026"),
    ],
)
def test_format_date(day: str, english: str, dutch_text: str) -> None:
    assert format_date(d(day), "en") == english
    assert format_date(d(day), "nl") == dutch_text


def test_format_date_follows_the_current_language(dutch: None) -> None:
    assert format_date(d("2026-12-01")) == "di 1 dec 2026"


def test_catalogues_have_the_same_keys_and_placeholders() -> None:
    assert dates_texts.EN.keys() == dates_texts.NL.keys()
    assert all(key.startswith(("date.", "recur.")) for key in dates_texts.EN)
    formatter = string.Formatter()
    for key, english in dates_texts.EN.items():
        fields_en = {field for _, field, _, _ in formatter.parse(english) if field}
        fields_nl = {field for _, field, _, _ in formatter.parse(dates_texts.NL[key]) if field}
        assert fields_en == fields_nl, key


def test_forms_help_keys_are_in_the_catalogue() -> None:
    assert "eom" in t(DATE_FORMS_HELP, "en")
    assert "over 3 weken" in t(DATE_FORMS_HELP, "nl")
    assert "every 2 weeks" in t(RECURRENCE_FORMS_HELP, "en")
    assert "elke 2 weken" in t(RECURRENCE_FORMS_HELP, "nl")


def test_module_stays_pure() -> None:
    source = Path(dates.__file__).read_text(encoding="utf-8")
    tree = ast.parse(source)
    imported: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    allowed_third_party = {
        "dateutil.relativedelta",
        "dateutil.rrule",
        "pop_tui.core.texts",
        "pop_tui.core.day_words",  # relative_day, light for the fast shell commands
    }
    stdlib = {"__future__", "functools", "re", "collections.abc", "datetime", "typing"}
    assert imported <= allowed_third_party | stdlib
    assert "today()" not in source


def test_a_hundred_years_is_the_reach_in_every_unit() -> None:
    for text in ("+36525d", "+5217w", "+1200m", "+100y", "-1200m", "in 100 jaar"):
        parse_date(text, SUN)
    for text in ("+36526d", "+5218w", "+1201m", "+101y", "-101j", "over 1201 maanden"):
        with pytest.raises(DateError, match="at most 100 years"):
            parse_date(text, SUN)
