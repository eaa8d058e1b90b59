"""The live SMART check of a goal: a score per letter and what is missing or weak.

The check reads only the goal's fields and the day it is given, so the goal form
can run it on every key press over a draft that has not been saved yet. Each
finding is a catalogue key plus the values its text needs, so the same check
speaks English and Dutch. The word lists below are grammar, like the date
parser's: they are read in both languages whatever the display language is.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import Final, Literal

from pop_tui.core.dates import format_date
from pop_tui.core.model import Goal, Horizon
from pop_tui.core.numbers import format_number
from pop_tui.core.texts import t
from pop_tui.core.value import Value

Score = Literal["ok", "weak", "missing"]
Letter = Literal["S", "M", "A", "R", "T"]
LETTERS: tuple[Letter, ...] = ("S", "M", "A", "R", "T")

# "About a year" and "about five years": a deadline a little beyond is still fine.
HORIZON_MONTHS: Final[dict[Horizon, int]] = {"short": 12, "long": 60}
GRACE_MONTHS: Final[dict[Horizon, int]] = {"short": 3, "long": 6}
DAYS_PER_MONTH: Final = 30.44

# Words that name a direction rather than an end point. Matched as whole words.
VAGUE_WORDS: Final = frozenset(
    [
        "better",
        "more",
        "improve",
        "improving",
        "develop",
        "grow",
        "learn",
        "good",
        "well",
        "effective",
        "effectively",
        "beter",
        "meer",
        "verbeteren",
        "ontwikkelen",
        "groeien",
        "leren",
        "goed",
        "effectief",
        "effectiever",
    ]
)

# A plan for time names a quantity or a rhythm; any of these (or a digit) will do.
TIME_WORDS: Final = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "half",
        "minute",
        "minutes",
        "hour",
        "hours",
        "day",
        "days",
        "daily",
        "week",
        "weeks",
        "weekly",
        "month",
        "months",
        "monthly",
        "evening",
        "evenings",
        "morning",
        "mornings",
        "weekend",
        "weekends",
        "een",
        "twee",
        "drie",
        "vier",
        "vijf",
        "zes",
        "halve",
        "minuut",
        "minuten",
        "uur",
        "uren",
        "dag",
        "dagen",
        "dagelijks",
        "weken",
        "wekelijks",
        "maand",
        "maanden",
        "maandelijks",
        "avond",
        "avonden",
        "ochtend",
        "ochtenden",
        "weekenden",
    ]
)

MIN_SPECIFIC_WORDS: Final = 3

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


# Values are immutable, so a shared empty mapping is a safe default.
NO_VALUES: Mapping[str, object] = MappingProxyType({})


class Finding(Value):
    """One concrete remark about a letter: a catalogue key and the values its text needs."""

    key: str
    values: Mapping[str, object] = NO_VALUES

    def text(self, lang: str | None = None) -> str:
        """The remark in ``lang`` (default: the current language)."""
        return t(self.key, lang, **{k: _shown(v, lang) for k, v in self.values.items()})


class LetterCheck(Value):
    """The score of one SMART letter and why it is not ``ok``."""

    letter: Letter
    score: Score
    findings: tuple[Finding, ...] = ()


class SmartCheck(Value):
    """The five letters of one goal, in S-M-A-R-T order."""

    letters: tuple[LetterCheck, ...]

    def __getitem__(self, letter: Letter) -> LetterCheck:
        for check in self.letters:
            if check.letter == letter:
                return check
        raise KeyError(letter)

    @property
    def passed(self) -> bool:
        """True when every letter scores ``ok``."""
        return all(check.score == "ok" for check in self.letters)

    def scores(self) -> dict[Letter, Score]:
        return {check.letter: check.score for check in self.letters}


def check_smart(goal: Goal | Mapping[str, object], today: date) -> SmartCheck:
    """Score a goal (or a draft: a mapping of :class:`Goal` field names) on each SMART letter."""
    if not isinstance(goal, Goal):
        goal = Goal(id=0, **goal)  # type: ignore[arg-type]
    return SmartCheck(
        (
            _specific(goal),
            _measurable(goal),
            _acceptable(goal),
            _realistic(goal),
            _time_bound(goal, today),
        )
    )


# --- the letters ---------------------------------------------------------------


def _number(value: float | None) -> float | None:
    """A usable number, or None (NaN and infinities measure nothing)."""
    return value if value is not None and math.isfinite(value) else None


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _has_measure(goal: Goal) -> bool:
    return bool(goal.metric.strip()) or _number(goal.target) is not None


def _first_vague_word(text: str) -> str | None:
    return next((w for w in _words(text) if w in VAGUE_WORDS), None)


def _letter(letter: Letter, findings: list[Finding], missing: bool) -> LetterCheck:
    if missing:
        return LetterCheck(letter, "missing", tuple(findings))
    return LetterCheck(letter, "weak" if findings else "ok", tuple(findings))


def _specific(goal: Goal) -> LetterCheck:
    # A title can say a lot ("Speak Spanish at B1 level"), but Specific is only in order
    # once its own field says what exactly: the title alone is weak, never ok.
    aim = goal.specific.strip() or goal.title.strip()
    if not aim:
        return LetterCheck("S", "missing", (Finding("smart.s.no_aim"),))
    findings: list[Finding] = []
    if not goal.specific.strip():
        findings.append(Finding("smart.s.title_only"))
    if len(_words(aim)) < MIN_SPECIFIC_WORDS:
        findings.append(Finding("smart.s.short", {"text": aim}))
    if not _has_measure(goal):
        vague = _first_vague_word(aim)
        if vague is not None:
            findings.append(Finding("smart.s.vague", {"word": vague}))
    return _letter("S", findings, missing=False)


def _measurable(goal: Goal) -> LetterCheck:
    metric = goal.metric.strip()
    baseline = _number(goal.baseline)
    target = _number(goal.target)
    if not metric and target is None and baseline is None:
        return LetterCheck("M", "missing", (Finding("smart.m.no_measure"),))
    findings: list[Finding] = []
    if not metric:
        findings.append(Finding("smart.m.no_metric"))
    elif not goal.unit.strip() and not any(c.isdigit() for c in metric):
        findings.append(Finding("smart.m.no_unit", {"metric": metric}))
    if baseline is None:
        findings.append(Finding("smart.m.no_baseline"))
    if target is None:
        findings.append(Finding("smart.m.no_target"))
    if baseline is not None and target is not None and baseline == target:
        findings.append(Finding("smart.m.target_is_baseline", {"value": target}))
    return _letter("M", findings, missing=target is None and not metric)


def _acceptable(goal: Goal) -> LetterCheck:
    me = bool(goal.why_me.strip())
    employer = bool(goal.why_employer.strip())
    if not me and not employer:
        return LetterCheck("A", "missing", (Finding("smart.a.no_reason"),))
    findings: list[Finding] = []
    if not me:
        findings.append(Finding("smart.a.no_reason_me"))
    # A language or a hobby need not serve the employer; a work goal should say how it does.
    if not employer and goal.kind == "professional":
        findings.append(Finding("smart.a.no_reason_employer"))
    return _letter("A", findings, missing=False)


def _realistic(goal: Goal) -> LetterCheck:
    means = goal.means.strip()
    if not means:
        return LetterCheck("R", "missing", (Finding("smart.r.no_means"),))
    names_time = any(c.isdigit() for c in means) or any(w in TIME_WORDS for w in _words(means))
    findings = [] if names_time else [Finding("smart.r.no_time")]
    return _letter("R", findings, missing=False)


def _time_bound(goal: Goal, today: date) -> LetterCheck:
    deadline = goal.deadline
    if deadline is None:
        return LetterCheck("T", "missing", (Finding("smart.t.no_deadline"),))
    findings: list[Finding] = []
    if deadline < today:
        # A goal that is done or dropped may well have its deadline behind it.
        if goal.status == "active":
            findings.append(Finding("smart.t.past", {"deadline": deadline}))
    else:
        months = round((deadline - today).days / DAYS_PER_MONTH)
        if months > HORIZON_MONTHS[goal.horizon] + GRACE_MONTHS[goal.horizon]:
            findings.append(Finding(f"smart.t.beyond_{goal.horizon}", {"months": months}))
    return _letter("T", findings, missing=False)


def _shown(value: object, lang: str | None) -> object:
    if isinstance(value, date):
        return format_date(value, lang)
    if isinstance(value, float):
        return format_number(value, lang)
    return value
