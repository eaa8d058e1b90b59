"""Texts of the date and recurrence parser."""

EN: dict[str, str] = {
    # Shown after every refusal, so the user always sees what does work.
    "date.forms": (
        "2026-12-01, 1-12-2026, 1 dec, today, tomorrow, friday, +3d, +2w, eom, in 3 weeks"
    ),
    "date.try": "Try: {forms}.",
    "date.error.empty": "No date was typed.",
    "date.error.unknown": '"{text}" is not a date I understand.',
    "date.error.no_such_day": '"{text}" does not exist: {month} {year} has {days} days.',
    "date.error.never": '"{text}" does not exist: {month} never has more than {days} days.',
    "date.error.day_number": '"{text}" has day {day}, but days of the month run from 1 to 31.',
    "date.error.no_such_month": (
        '"{text}" is not a date: there is no month {month}. '
        "Numeric dates are day first: 1-12-2026 is 1 December 2026."
    ),
    "date.error.short_year": '"{text}": write the year in full, with four digits.',
    "date.error.offset_too_far": (
        '"{text}" is too far away: a step forward or back reaches at most {years} years.'
    ),
    "date.error.out_of_range": (
        '"{text}" is too far away: pop takes dates from 1 January 1900 to 31 December 9998.'
    ),
    "date.format": "{weekday} {day} {month} {year}",
    "date.weekday.0": "Mon",
    "date.weekday.1": "Tue",
    "date.weekday.2": "Wed",
    "date.weekday.3": "Thu",
    "date.weekday.4": "Fri",
    "date.weekday.5": "Sat",
    "date.weekday.6": "Sun",
    "date.month.1": "Jan",
    "date.month.2": "Feb",
    "date.month.3": "Mar",
    "date.month.4": "Apr",
    "date.month.5": "May",
    "date.month.6": "Jun",
    "date.month.7": "Jul",
    "date.month.8": "Aug",
    "date.month.9": "Sep",
    "date.month.10": "Oct",
    "date.month.11": "Nov",
    "date.month.12": "Dec",
    "date.month_name.1": "January",
    "date.month_name.2": "February",
    "date.month_name.3": "March",
    "date.month_name.4": "April",
    "date.month_name.5": "May",
    "date.month_name.6": "June",
    "date.month_name.7": "July",
    "date.month_name.8": "August",
    "date.month_name.9": "September",
    "date.month_name.10": "October",
    "date.month_name.11": "November",
    "date.month_name.12": "December",
    "date.relative.today": "today",
    "date.relative.tomorrow": "tomorrow",
    "date.relative.yesterday": "yesterday",
    "date.relative.future": "in {n} days",
    "date.relative.past": "{n} days ago",
    "recur.forms": (
        "daily, weekly, every 2 weeks, monthly, quarterly, yearly, every 3 days, "
        "FREQ=WEEKLY;BYDAY=MO"
    ),
    "recur.try": "Try: {forms}.",
    "recur.error.empty": "No repetition was typed.",
    "recur.error.unknown": '"{text}" is not a repetition I understand.',
    "recur.error.zero": '"{text}": the number of days, weeks, months or years must be at least 1.',
    "recur.error.invalid": '"{text}" is not a valid repeat rule (RRULE).',
    "recur.error.dtstart": (
        '"{text}" contains a start date (DTSTART). Leave it out: the start date is set separately.'
    ),
    "recur.error.too_often": (
        '"{text}" repeats more often than daily or at set times of day; only whole days count.'
    ),
    "recur.error.never": '"{text}" never falls on or after the start date, {start}.',
    "recur.daily": "daily",
    "recur.weekly": "weekly",
    "recur.monthly": "monthly",
    "recur.quarterly": "quarterly",
    "recur.yearly": "yearly",
    "recur.every_days": "every {n} days",
    "recur.every_weeks": "every {n} weeks",
    "recur.every_months": "every {n} months",
    "recur.every_years": "every {n} years",
    "recur.last_day_of_month": "{base}, on the last day of the month",
    "recur.day_or_last": "{base}, on the {day}th or the last day of a shorter month",
    "recur.last_day_of_february": "{base}, on the last day of February",
}

NL: dict[str, str] = {
    "date.forms": (
        "2026-12-01, 1-12-2026, 1 dec, vandaag, morgen, vrijdag, +3d, +2w, eind maand, over 3 weken"
    ),
    "date.try": "Probeer bijvoorbeeld: {forms}.",
    "date.error.empty": "Er is geen datum ingevuld.",
    "date.error.unknown": '"{text}" herken ik niet als datum.',
    "date.error.no_such_day": '"{text}" bestaat niet: {month} {year} heeft {days} dagen.',
    "date.error.never": '"{text}" bestaat niet: {month} heeft nooit meer dan {days} dagen.',
    "date.error.day_number": (
        '"{text}" noemt dag {day}, maar de dagen van een maand lopen van 1 tot en met 31.'
    ),
    "date.error.no_such_month": (
        '"{text}" is geen datum: er is geen maand {month}. '
        "Bij cijfers komt de dag eerst: 1-12-2026 is 1 december 2026."
    ),
    "date.error.short_year": '"{text}": schrijf het jaar voluit, in vier cijfers.',
    "date.error.offset_too_far": (
        '"{text}" ligt te ver weg: een stap vooruit of terug reikt hoogstens {years} jaar.'
    ),
    "date.error.out_of_range": (
        '"{text}" ligt te ver weg: pop neemt datums van 1 januari 1900 tot en met 31 december 9998.'
    ),
    "date.format": "{weekday} {day} {month} {year}",
    "date.weekday.0": "ma",
    "date.weekday.1": "di",
    "date.weekday.2": "wo",
    "date.weekday.3": "do",
    "date.weekday.4": "vr",
    "date.weekday.5": "za",
    "date.weekday.6": "zo",
    "date.month.1": "jan",
    "date.month.2": "feb",
    "date.month.3": "mrt",
    "date.month.4": "apr",
    "date.month.5": "mei",
    "date.month.6": "jun",
    "date.month.7": "jul",
    "date.month.8": "aug",
    "date.month.9": "sep",
    "date.month.10": "okt",
    "date.month.11": "nov",
    "date.month.12": "dec",
    "date.month_name.1": "januari",
    "date.month_name.2": "februari",
    "date.month_name.3": "maart",
    "date.month_name.4": "april",
    "date.month_name.5": "mei",
    "date.month_name.6": "juni",
    "date.month_name.7": "juli",
    "date.month_name.8": "augustus",
    "date.month_name.9": "september",
    "date.month_name.10": "oktober",
    "date.month_name.11": "november",
    "date.month_name.12": "december",
    "date.relative.today": "vandaag",
    "date.relative.tomorrow": "morgen",
    "date.relative.yesterday": "gisteren",
    "date.relative.future": "over {n} dagen",
    "date.relative.past": "{n} dagen geleden",
    "recur.forms": (
        "dagelijks, wekelijks, elke 2 weken, maandelijks, per kwartaal, jaarlijks, "
        "elke 3 dagen, FREQ=WEEKLY;BYDAY=MO"
    ),
    "recur.try": "Probeer bijvoorbeeld: {forms}.",
    "recur.error.empty": "Er is geen herhaling ingevuld.",
    "recur.error.unknown": '"{text}" herken ik niet als herhaling.',
    "recur.error.zero": '"{text}": het aantal dagen, weken, maanden of jaren moet minstens 1 zijn.',
    "recur.error.invalid": '"{text}" is geen geldige herhaalregel (RRULE).',
    "recur.error.dtstart": (
        '"{text}" bevat een startdatum (DTSTART). Laat die weg: de startdatum stel je apart in.'
    ),
    "recur.error.too_often": (
        '"{text}" herhaalt vaker dan dagelijks of op vaste tijdstippen; alleen hele dagen tellen.'
    ),
    "recur.error.never": '"{text}" valt nooit op of na de startdatum, {start}.',
    "recur.daily": "dagelijks",
    "recur.weekly": "wekelijks",
    "recur.monthly": "maandelijks",
    "recur.quarterly": "elk kwartaal",
    "recur.yearly": "jaarlijks",
    "recur.every_days": "elke {n} dagen",
    "recur.every_weeks": "elke {n} weken",
    "recur.every_months": "elke {n} maanden",
    "recur.every_years": "elke {n} jaar",
    "recur.last_day_of_month": "{base}, op de laatste dag van de maand",
    "recur.day_or_last": "{base}, op de {day}e of de laatste dag van een kortere maand",
    "recur.last_day_of_february": "{base}, op de laatste dag van februari",
}
