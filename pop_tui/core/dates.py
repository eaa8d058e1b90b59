"""Dates as people type them, repeat rules, and dates as people read them.

Nothing here looks at the clock: every function that needs "today" is given it,
so the app, the tests and a session that runs past midnight all agree on it.

Typed dates are read by a small fixed grammar instead of ``dateutil.parser``,
because a guessed date is worse than a refusal: ``1-12`` must never turn into
12 January. Numeric dates are therefore always day first.

Long on purpose: one grammar, in English and Dutch, for dates and repeats; its
parts share the word tables and the rules of what is refused.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from datetime import MAXYEAR, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from dateutil.rrule import rrule


from pop_tui.core.day_words import relative_day
from pop_tui.core.texts import t

__all__ = [
    "DATE_FORMS_HELP",
    "FIRST_DAY",
    "LAST_DAY",
    "RECURRENCE_FORMS_HELP",
    "DateError",
    "describe_recurrence",
    "format_date",
    "next_occurrence",
    "parse_date",
    "parse_recurrence",
    "relative_day",
]

DATE_FORMS_HELP: Final = "date.forms"
"""Catalogue key of the example date forms that every date refusal ends with."""

RECURRENCE_FORMS_HELP: Final = "recur.forms"
"""Catalogue key of the example repeat forms that every repeat refusal ends with."""


FIRST_DAY: Final = date(1900, 1, 1)
LAST_DAY: Final = date(9998, 12, 31)
"""The dates a plan may hold: every export can write them, with room to spare.

An iCalendar event ends the day after it starts, a yearly review's next date is
a year on, and Python's dates stop at 9999-12-31: a plan that held that day
could not be exported. Before 1900 no plan has steps, and calendar programs
read such dates badly. Every way in (typed dates, forms, import) keeps to this.
"""


def in_range(day: date) -> bool:
    """Whether ``day`` is one a plan may hold (see :data:`LAST_DAY`)."""
    return FIRST_DAY <= day <= LAST_DAY


class DateError(ValueError):
    """Raised with a user-facing message (in the current language) that names what was
    typed and lists the accepted forms."""

    text: str
    """What the user typed, unchanged."""

    def __init__(self, message: str, text: str) -> None:
        super().__init__(message)
        self.message = message
        self.text = text


# A pasted paragraph would drown the message; its start is enough to recognise it.
_SHOWN_MAX: Final = 60


def _shown(text: str) -> str:
    shown = " ".join(text.split())
    return shown if len(shown) <= _SHOWN_MAX else shown[: _SHOWN_MAX - 1] + "…"


def _date_error(key: str, text: str, **values: object) -> DateError:
    message = t(key, text=_shown(text), **values)
    return DateError(f"{message} {t('date.try', forms=t(DATE_FORMS_HELP))}", text)


def _recur_error(key: str, text: str, **values: object) -> DateError:
    message = t(key, text=_shown(text), **values)
    return DateError(f"{message} {t('recur.try', forms=t(RECURRENCE_FORMS_HELP))}", text)


def _normalised(text: str) -> str:
    return " ".join(text.casefold().split())


# Input words are accepted in both languages whatever the display language is, so
# they live here as grammar rather than in the text catalogue.
def _lookup(groups: tuple[tuple[str, ...], ...], first: int = 0) -> dict[str, int]:
    return {word: index for index, words in enumerate(groups, first) for word in words}


_RELATIVE_WORDS: Final = {
    "today": 0,
    "vandaag": 0,
    "tomorrow": 1,
    "morgen": 1,
    "day after tomorrow": 2,
    "overmorgen": 2,
    "yesterday": -1,
    "gisteren": -1,
    "day before yesterday": -2,
    "eergisteren": -2,
}

_WEEKDAYS: Final = _lookup(
    (
        ("monday", "mon", "maandag", "ma"),
        ("tuesday", "tue", "tues", "dinsdag", "di"),
        ("wednesday", "wed", "woensdag", "wo"),
        ("thursday", "thu", "thur", "thurs", "donderdag", "do"),
        ("friday", "fri", "vrijdag", "vr"),
        ("saturday", "sat", "zaterdag", "za"),
        ("sunday", "sun", "zondag", "zo"),
    )
)

_MONTHS: Final = _lookup(
    (
        ("january", "jan", "januari"),
        ("february", "feb", "februari"),
        ("march", "mar", "maart", "mrt"),
        ("april", "apr"),
        ("may", "mei"),
        ("june", "jun", "juni"),
        ("july", "jul", "juli"),
        ("august", "aug", "augustus"),
        ("september", "sep", "sept"),
        ("october", "oct", "oktober", "okt"),
        ("november", "nov"),
        ("december", "dec"),
    ),
    first=1,
)

_UNITS: Final = {
    **dict.fromkeys(("d", "day", "days", "dag", "dagen"), "days"),
    **dict.fromkeys(("w", "wk", "week", "weeks", "weken"), "weeks"),
    **dict.fromkeys(("m", "mo", "mnd", "month", "months", "maand", "maanden"), "months"),
    **dict.fromkeys(("y", "yr", "year", "years", "j", "jr", "jaar", "jaren"), "years"),
}

_ONE: Final = ("a", "an", "one", "een", "één")

_PERIOD_ENDS: Final = {
    **dict.fromkeys(("w", "week"), "week"),
    **dict.fromkeys(("m", "month", "maand"), "month"),
    **dict.fromkeys(("q", "quarter", "kwartaal"), "quarter"),
    **dict.fromkeys(("y", "year", "jaar"), "year"),
}

_ORDINAL: Final = r"(?:st|nd|rd|th|ste|de|e)?"


def _plus_days(today: date, days: int, text: str) -> date:
    try:
        return today + timedelta(days=days)
    except OverflowError:
        raise _date_error("date.error.out_of_range", text) from None


def _shift(today: date, count: int, unit: str, text: str) -> date:
    if unit == "days":
        return _plus_days(today, count, text)
    if unit == "weeks":
        return _plus_days(today, 7 * count, text)
    # relativedelta clamps to the month's last day: 31 Jan + 1 month is 28/29 Feb.
    # dateutil's parts are imported when needed: most commands never shift by months.
    from dateutil.relativedelta import relativedelta

    delta = relativedelta(months=count) if unit == "months" else relativedelta(years=count)
    try:
        shifted: date = today + delta
    except (ValueError, OverflowError):
        raise _date_error("date.error.out_of_range", text) from None
    return shifted


def _month_name(month: int) -> str:
    return t(f"date.month_name.{month}")


def _check_day_month(day: int, month: int, text: str) -> None:
    if not 1 <= month <= 12:
        raise _date_error("date.error.no_such_month", text, month=month)
    if not 1 <= day <= 31:
        raise _date_error("date.error.day_number", text, day=day)


def _year(digits: str, text: str) -> int:
    # Two-digit years are refused rather than guessed: is "30" 1930 or 2030?
    if len(digits) != 4:
        raise _date_error("date.error.short_year", text)
    return int(digits)


def _exact(year: int, month: int, day: int, text: str) -> date:
    _check_day_month(day, month, text)
    if not 1 <= year <= MAXYEAR:
        raise _date_error("date.error.out_of_range", text)
    days = _days_in(year, month)
    if day > days:
        raise _date_error(
            "date.error.no_such_day", text, month=_month_name(month), year=year, days=days
        )
    return date(year, month, day)


def _next_yearly(month: int, day: int, today: date, text: str) -> date:
    _check_day_month(day, month, text)
    longest = 29 if month == 2 else _days_in(2001, month)
    if day > longest:
        raise _date_error("date.error.never", text, month=_month_name(month), days=longest)
    # 29 February can be eight years away (2096 -> 2104), never more.
    for year in range(today.year, min(today.year + 8, MAXYEAR) + 1):
        if day <= _days_in(year, month):
            candidate = date(year, month, day)
            if candidate >= today:
                return candidate
    raise _date_error("date.error.out_of_range", text)


def _end_of(period: str, today: date, text: str) -> date:
    year, month = today.year, today.month
    if period == "week":
        return _plus_days(today, 6 - today.weekday(), text)
    if period == "quarter":
        month = (month - 1) // 3 * 3 + 3
    elif period == "year":
        month = 12
    return date(year, month, _days_in(year, month))


def _next_day_of_month(day: int, today: date, text: str) -> date:
    if not 1 <= day <= 31:
        raise _date_error("date.error.day_number", text, day=day)
    year, month = today.year, today.month
    # Months without that day are skipped, so at most two are passed over.
    for _ in range(4):
        if day <= _days_in(year, month):
            candidate = date(year, month, day)
            if candidate > today:
                return candidate
        year, month = (year, month + 1) if month < 12 else (year + 1, 1)
        if year > MAXYEAR:
            break
    raise _date_error("date.error.out_of_range", text)


_Form = Callable[[re.Match[str], date, str], date | None]


def _iso(m: re.Match[str], today: date, text: str) -> date:
    return _exact(int(m[1]), int(m[2]), int(m[3]), text)


def _numeric(m: re.Match[str], today: date, text: str) -> date:
    day, month = int(m[1]), int(m[3])
    if m[4] is None:
        return _next_yearly(month, day, today, text)
    return _exact(_year(m[4], text), month, day, text)


def _word(m: re.Match[str], today: date, text: str) -> date | None:
    word = m[0]
    if word in _RELATIVE_WORDS:
        return _plus_days(today, _RELATIVE_WORDS[word], text)
    if word in _WEEKDAYS:
        return _coming(_WEEKDAYS[word], today, text)
    return None


def _coming(weekday: int, today: date, text: str) -> date:
    # Strictly after today: on a Monday, "monday" means the coming one, not today.
    return _plus_days(today, (weekday - today.weekday() - 1) % 7 + 1, text)


def _offset(m: re.Match[str], today: date, text: str) -> date | None:
    unit = _UNITS.get(m[3])
    if unit is None:
        return None
    count = _count(m[2], text)
    return _reach(today, -count if m[1] == "-" else count, unit, text)


# An offset further than this (``+1000000d``, some 2700 years) is a slip of the keyboard.
OFFSET_YEARS: Final = 100


def _count(digits: str, text: str) -> int:
    if len(digits) > 6:  # a million of any unit is too far: no need to read the number
        raise _date_error("date.error.offset_too_far", text, years=OFFSET_YEARS)
    return int(digits)


# The most of each unit an offset may move: OFFSET_YEARS years, in that unit.
_MOST: Final = {
    "days": OFFSET_YEARS * 36525 // 100,
    "weeks": OFFSET_YEARS * 36525 // 700,
    "months": OFFSET_YEARS * 12,
    "years": OFFSET_YEARS,
}


def _reach(today: date, count: int, unit: str, text: str) -> date:
    """``today`` moved by ``count`` units, if that is at most :data:`OFFSET_YEARS` away."""
    if abs(count) > _MOST[unit]:
        raise _date_error("date.error.offset_too_far", text, years=OFFSET_YEARS)
    return _shift(today, count, unit, text)


def _in_count(m: re.Match[str], today: date, text: str) -> date | None:
    unit = _UNITS.get(m[2])
    if unit is None:
        return None
    return _reach(today, 1 if m[1] in _ONE else _count(m[1], text), unit, text)


def _next_period(m: re.Match[str], today: date, text: str) -> date | None:
    if m[1] in _WEEKDAYS:
        # "next friday" / "volgende vrijdag": the same as "friday", the coming one.
        return _coming(_WEEKDAYS[m[1]], today, text)
    unit = _UNITS.get(m[1])
    return None if unit is None else _shift(today, 1, unit, text)


def _period_end(m: re.Match[str], today: date, text: str) -> date | None:
    period = _PERIOD_ENDS.get(m[1])
    return None if period is None else _end_of(period, today, text)


def _day_and_month(
    day: str, month_word: str, year: str | None, today: date, text: str
) -> date | None:
    month = _MONTHS.get(month_word)
    if month is None:
        return None
    if year is None:
        return _next_yearly(month, int(day), today, text)
    return _exact(_year(year, text), month, int(day), text)


def _day_month(m: re.Match[str], today: date, text: str) -> date | None:
    return _day_and_month(m[1], m[2], m[3], today, text)


def _month_day(m: re.Match[str], today: date, text: str) -> date | None:
    return _day_and_month(m[2], m[1], m[3], today, text)


def _bare_day(m: re.Match[str], today: date, text: str) -> date:
    return _next_day_of_month(int(m[1]), today, text)


def _days_in(year: int, month: int) -> int:
    """The number of days in a month (the calendar module costs an import)."""
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _form(pattern: str) -> re.Pattern[str]:
    # ASCII digits only: int() would happily read Arabic-Indic digits as well.
    return re.compile(pattern, re.ASCII)


@functools.cache
def _date_forms() -> tuple[tuple[re.Pattern[str], _Form], ...]:
    """The forms, tried in order on the normalised text; a form that returns None passes it on.

    Compiled on first use, so that commands that only show dates do not pay for it.
    """
    return (
        (_form(r"(\d{4})-(\d{1,2})-(\d{1,2})"), _iso),
        (_form(r"(\d{1,2})([-/.])(\d{1,2})(?:\2(\d+))?"), _numeric),
        (_form(r"[a-z]+(?: [a-z]+)*"), _word),
        (_form(r"([+-]) ?(\d+) ?([a-z]+)"), _offset),
        (_form(r"(?:in|over) (\d+|" + "|".join(_ONE) + r") ([a-z]+)"), _in_count),
        (_form(r"(?:next|volgende?) ([a-z]+)"), _next_period),
        (_form(r"eo([wmqy])"), _period_end),
        (_form(r"end of (?:the )?([a-z]+)"), _period_end),
        (_form(r"einde? (?:van (?:de|het) )?([a-z]+)"), _period_end),
        (_form(rf"(\d{{1,2}}){_ORDINAL} ([a-z]+)\.?(?:,? (\d+))?"), _day_month),
        (_form(rf"([a-z]+)\.? (\d{{1,2}}){_ORDINAL}(?:,? (\d+))?"), _month_day),
        (_form(rf"(\d{{1,2}}){_ORDINAL}"), _bare_day),
    )


def parse_date(text: str, today: date) -> date:
    """Read a date typed by a person, relative to ``today``.

    Case and surrounding spaces do not matter; English and Dutch are both read,
    whatever the display language. Accepted forms:

    * ``2026-12-01`` (ISO), and day-first ``1-12-2026``, ``1/12/2026``, ``1.12.2026``;
      without a year (``1-12``) the next such date on or after today. Years must
      have four digits.
    * ``today``/``vandaag``, ``tomorrow``/``morgen``, ``overmorgen``/``day after
      tomorrow``, ``yesterday``/``gisteren``, ``eergisteren``/``day before yesterday``.
    * A weekday, full or abbreviated (``fri``, ``vrijdag``, ``vr``): the first such
      day strictly after today, so on a Monday ``monday`` is a week later.
    * Offsets ``+3d``, ``-2w``, ``+1m``, ``+1y`` (Dutch ``+1j``; unit words such as
      ``+3 days`` too). Months and years keep the day of the month where it exists
      and otherwise take the month's last day (31 Jan + 1m is 28 or 29 Feb).
    * ``in 3 weeks``/``over 3 weken`` (also ``in a week``, ``over een maand``), and
      ``next week``/``volgende week``, ``next month``/``volgende maand``, ``next
      year``/``volgend jaar``, which are the same as ``+1w``, ``+1m``, ``+1y``;
      ``next friday``/``volgende vrijdag`` is the same as ``friday``.
    * ``eow``, ``eom``, ``eoq``, ``eoy``, ``end of month``, ``eind maand``, ``einde
      van het jaar``: the last day of the current ISO week (Sunday), month, quarter
      or year; today itself when today is that last day.
    * ``1 dec``, ``1 december``, ``dec 1``, ``1 dec 2026``, ``dec 1, 2026`` with
      English or Dutch month names or abbreviations (``mrt``, ``mei``, ``okt``);
      without a year the next such date on or after today.
    * A bare day number ``15``: the first date strictly after today that falls on
      the 15th, skipping months that lack that day (on 31 January, ``30`` is
      30 March).

    Dates that do not exist (``31-02-2026``, ``2027-02-29``) are refused, and so are
    dates before :data:`FIRST_DAY` or after :data:`LAST_DAY` ("too far away").

    Raises:
        DateError: for anything else, with a message in the current language.
    """
    normalised = _normalised(text)
    if not normalised:
        raise _date_error("date.error.empty", text)
    for pattern, form in _date_forms():
        match = pattern.fullmatch(normalised)
        if match is not None:
            found = form(match, today, text)
            if found is not None:
                if not in_range(found):
                    raise _date_error("date.error.out_of_range", text)
                return found
    raise _date_error("date.error.unknown", text)


_FREQUENCIES: Final = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
# A plan is kept in days; finer rules would only add slow, meaningless occurrences.
_TOO_OFTEN: Final = ("HOURLY", "MINUTELY", "SECONDLY")
_TIME_PARTS: Final = ("BYHOUR", "BYMINUTE", "BYSECOND")

_REPEAT_WORDS: Final = {
    **dict.fromkeys(("daily", "dagelijks"), ("DAILY", 1)),
    **dict.fromkeys(("weekly", "wekelijks"), ("WEEKLY", 1)),
    **dict.fromkeys(("biweekly", "fortnightly", "tweewekelijks"), ("WEEKLY", 2)),
    **dict.fromkeys(("monthly", "maandelijks"), ("MONTHLY", 1)),
    **dict.fromkeys(("quarterly", "per kwartaal", "driemaandelijks"), ("MONTHLY", 3)),
    **dict.fromkeys(
        ("half-yearly", "semi-annually", "semiannually", "halfjaarlijks"), ("MONTHLY", 6)
    ),
    **dict.fromkeys(("yearly", "annually", "jaarlijks"), ("YEARLY", 1)),
}

_REPEAT_UNITS: Final = {
    **dict.fromkeys(("day", "days", "dag", "dagen"), ("DAILY", 1)),
    **dict.fromkeys(("week", "weeks", "weken"), ("WEEKLY", 1)),
    **dict.fromkeys(("month", "months", "maand", "maanden"), ("MONTHLY", 1)),
    **dict.fromkeys(("quarter", "quarters", "kwartaal", "kwartalen"), ("MONTHLY", 3)),
    **dict.fromkeys(("year", "years", "jaar", "jaren"), ("YEARLY", 1)),
}


@functools.cache
def _every() -> re.Pattern[str]:
    """The form of a repeat ("every 2nd week"), compiled on first use."""
    return _form(
        r"(every|each|elke?|iedere?|om de) "
        rf"(?:(\d{{1,4}}){_ORDINAL} |(other|second|andere|tweede) )?([a-z]+)"
    )


def _generated_rule(freq: str, interval: int, start: date) -> str:
    parts = [f"FREQ={freq}"]
    if interval != 1:
        parts.append(f"INTERVAL={interval}")
    # A plain monthly rule from the 31st skips every shorter month; taking the last
    # of the days 28..start day lands on the start day or on the month's last day.
    if freq == "MONTHLY" and start.day >= 29:
        days = ",".join(str(day) for day in range(28, start.day + 1))
        parts += [f"BYMONTHDAY={days}", "BYSETPOS=-1"]
    elif freq == "YEARLY" and (start.month, start.day) == (2, 29):
        parts += ["BYMONTH=2", "BYMONTHDAY=28,29", "BYSETPOS=-1"]
    return ";".join(parts)


def _rule_parts(text: str) -> dict[str, str]:
    body = "".join(text.split()).upper()
    # The start date is the task's own; a second one inside the rule would disagree.
    if "DTSTART" in body:
        raise _recur_error("recur.error.dtstart", text)
    body = body.removeprefix("RRULE:")
    parts: dict[str, str] = {}
    for part in filter(None, body.split(";")):
        name, _, value = part.partition("=")
        if (
            name in parts
            or not re.fullmatch(r"[A-Z]+", name, re.ASCII)
            or not re.fullmatch(r"[A-Z0-9,+-]+", value, re.ASCII)
        ):
            raise _recur_error("recur.error.invalid", text)
        parts[name] = value
    freq = parts.get("FREQ")
    if freq in _TOO_OFTEN or any(name in parts for name in _TIME_PARTS):
        raise _recur_error("recur.error.too_often", text)
    if freq not in _FREQUENCIES:
        raise _recur_error("recur.error.invalid", text)
    for name in ("INTERVAL", "COUNT"):
        if name in parts and not re.fullmatch(r"[1-9][0-9]{0,5}", parts[name], re.ASCII):
            raise _recur_error("recur.error.invalid", text)
    if "UNTIL" in parts:
        # Dates only: a UTC marker would make dateutil demand a zoned start.
        until = parts["UNTIL"].removesuffix("Z")
        try:
            datetime.strptime(until, "%Y%m%dT%H%M%S" if "T" in until else "%Y%m%d")
        except ValueError:
            raise _recur_error("recur.error.invalid", text) from None
        if "COUNT" in parts:
            raise _recur_error("recur.error.invalid", text)
        parts["UNTIL"] = until
    return parts


def _normalise_rule(text: str) -> str:
    return ";".join(f"{name}={value}" for name, value in _rule_parts(text).items())


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time())


def _first_on_or_after(rule: str, start: date, on_or_after: date, text: str) -> date | None:
    try:
        from dateutil.rrule import rrulestr

        compiled: rrule = rrulestr(rule, dtstart=_midnight(start))
        found: datetime | None = compiled.after(_midnight(on_or_after), inc=True)
    except (ValueError, TypeError, LookupError, OverflowError):
        raise _recur_error("recur.error.invalid", text) from None
    return None if found is None else found.date()


def parse_recurrence(text: str, start: date) -> str:
    """Read a repeat typed by a person into RRULE text without the ``RRULE:`` prefix.

    English and Dutch are both read: ``daily``/``dagelijks``, ``weekly``/``wekelijks``,
    ``biweekly``/``fortnightly``/``tweewekelijks`` (every 2 weeks), ``monthly``/
    ``maandelijks``, ``quarterly``/``per kwartaal``/``elk kwartaal``/``driemaandelijks``
    (every 3 months), ``half-yearly``/``halfjaarlijks``, ``yearly``/``annually``/
    ``jaarlijks``, ``every 3 days``/``elke 3 dagen``/``om de 3 dagen``, ``every week``,
    ``every 2nd week``, ``every other week``/``om de week`` (every 2 weeks).

    Monthly-based rules from the 29th, 30th or 31st fall on that day or on the last
    day of a shorter month (``FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1``), and
    a yearly rule from 29 February falls on 28 February in other years.

    Raw rules (``FREQ=WEEKLY;BYDAY=MO``, optionally prefixed ``RRULE:``) are checked
    with dateutil and returned uppercase without the prefix. They may not contain
    DTSTART, repeat more often than daily, or never fall on or after ``start``; a
    UTC marker on UNTIL is dropped because only dates count.

    Raises:
        DateError: for anything else, with a message in the current language.
    """
    normalised = _normalised(text)
    if not normalised:
        raise _recur_error("recur.error.empty", text)
    if "=" in normalised or "dtstart" in normalised:
        rule = _normalise_rule(text)
        if _first_on_or_after(rule, start, start, text) is None:
            raise _recur_error("recur.error.never", text, start=format_date(start))
        return rule
    if normalised in _REPEAT_WORDS:
        freq, interval = _REPEAT_WORDS[normalised]
        return _generated_rule(freq, interval, start)
    match = _every().fullmatch(normalised)
    if match is not None and match[4] in _REPEAT_UNITS:
        freq, multiple = _REPEAT_UNITS[match[4]]
        if match[2] is not None:
            count = int(match[2])
        elif match[3] is not None or match[1] == "om de":
            # Dutch "om de week" means every other week, like "every other week".
            count = 2
        else:
            count = 1
        if count == 0:
            raise _recur_error("recur.error.zero", text)
        return _generated_rule(freq, count * multiple, start)
    raise _recur_error("recur.error.unknown", text)


def next_occurrence(rule: str, start: date, on_or_after: date) -> date | None:
    """The first date of ``rule`` (counted from ``start``) on or after ``on_or_after``.

    Only dates are compared, at midnight without a time zone, so daylight saving
    changes cannot shift an occurrence. Returns None when the rule has ended (COUNT
    or UNTIL) before ``on_or_after``, or goes on only past :data:`LAST_DAY`.

    Raises:
        DateError: if ``rule`` is not a valid rule.
    """
    found = _first_on_or_after(_normalise_rule(rule), start, on_or_after, rule)
    return found if found is None or found <= LAST_DAY else None


def _base_name(freq: str, interval: int, lang: str | None) -> str:
    if freq == "MONTHLY" and interval == 3:
        return t("recur.quarterly", lang)
    single, every = {
        "DAILY": ("recur.daily", "recur.every_days"),
        "WEEKLY": ("recur.weekly", "recur.every_weeks"),
        "MONTHLY": ("recur.monthly", "recur.every_months"),
        "YEARLY": ("recur.yearly", "recur.every_years"),
    }[freq]
    return t(single, lang) if interval == 1 else t(every, lang, n=interval)


def describe_recurrence(rule: str, lang: str | None = None) -> str:
    """A short name for ``rule`` in ``lang`` (default: the current language).

    ``FREQ=WEEKLY;INTERVAL=2`` is "every 2 weeks" / "elke 2 weken", ``FREQ=MONTHLY``
    "monthly" / "maandelijks"; the month-end rules made by :func:`parse_recurrence`
    say so ("monthly, on the last day of the month"). Any other rule is shown as its
    RRULE text, uppercase and without the ``RRULE:`` prefix.
    """
    try:
        parts = _rule_parts(rule)
    except DateError:
        return rule.strip()
    plain = ";".join(f"{name}={value}" for name, value in parts.items())
    freq = parts.pop("FREQ")
    base = _base_name(freq, int(parts.pop("INTERVAL", "1")), lang)
    if not parts:
        return base
    if freq == "MONTHLY" and parts.keys() == {"BYMONTHDAY", "BYSETPOS"}:
        if parts["BYSETPOS"] == "-1" and parts["BYMONTHDAY"] == "28,29,30,31":
            return t("recur.last_day_of_month", lang, base=base)
        if parts["BYSETPOS"] == "-1" and parts["BYMONTHDAY"] in ("28,29", "28,29,30"):
            return t("recur.day_or_last", lang, base=base, day=parts["BYMONTHDAY"][-2:])
    if freq == "YEARLY" and parts == {"BYMONTH": "2", "BYMONTHDAY": "28,29", "BYSETPOS": "-1"}:
        return t("recur.last_day_of_february", lang, base=base)
    return plain


def format_date(d: date, lang: str | None = None) -> str:
    """``d`` for reading, in ``lang`` (default: the current language): "Tue 1 Dec 2026",
    Dutch "di 1 dec 2026". Independent of the system locale."""
    return t(
        "date.format",
        lang,
        weekday=t(f"date.weekday.{d.weekday()}", lang),
        day=d.day,
        month=t(f"date.month.{d.month}", lang),
        year=d.year,
    )
