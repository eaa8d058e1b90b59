"""Hypothesis strategies for whole plans whose references all hold.

Text includes markup, quotes, separators, newlines, control characters and
non-Latin letters; numbers are finite; every reference points at a record
that exists (history references too), as a plan made by pop always does.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import strategies as st

from pop_tui.core.model import (
    GOAL_KINDS,
    GOAL_STATUSES,
    HORIZONS,
    PROFILE_ID,
    QUADRANTS,
    Action,
    CheckIn,
    EmployerGoal,
    Feedback,
    Goal,
    GoalChange,
    HeldReview,
    Period,
    Plan,
    Profile,
    ProgressEntry,
    Reflection,
    Review,
    Step,
    SwotItem,
    Trend,
)
from pop_tui.core.periods import snapshot

# Lone surrogates cannot be stored as UTF-8, so no plan can hold them.
_ALPHABET = st.characters(exclude_categories=("Cs",))
_NASTY = st.sampled_from(
    (
        "<b>x</b>",
        "a & b",
        '"q"',
        "'s'",
        "a,b",
        "a;b",
        "a\\b",
        "\n",
        "\r\n",
        "\x1b[31m",
        "\x9b",
        "日本語",
        "עברית",
        "\u202e",
        "# h",
        "*e*",
        "|",
        "`c`",
        "[l](u)",
    )
)
TEXT = st.lists(st.one_of(st.text(_ALPHABET, max_size=8), _NASTY), max_size=3).map("".join)
DAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))
MAYBE_DAY = st.none() | DAYS
# What pop takes as a measure (core.numbers.LARGEST), and a name (never blank).
NUMBER = st.floats(min_value=-1e15, max_value=1e15, allow_nan=False, width=64)
NAME = st.tuples(st.text("abcXYZ0129é", min_size=1, max_size=4), TEXT).map("".join)
MAYBE_NUMBER = st.none() | NUMBER
RULES = st.sampled_from(("", "FREQ=MONTHLY", "FREQ=WEEKLY;INTERVAL=2", "FREQ=YEARLY;COUNT=3"))


def _ids(draw: Any, count_max: int) -> list[int]:
    """Distinct ids, with gaps, as a plan that had deletions has them."""
    return sorted(draw(st.sets(st.integers(1, 500), max_size=count_max)))


def _some(draw: Any, ids: list[int]) -> tuple[int, ...]:
    if not ids:
        return ()
    return tuple(draw(st.lists(st.sampled_from(ids), max_size=3, unique=True)))


def _one(draw: Any, ids: list[int]) -> int | None:
    return draw(st.none() | st.sampled_from(ids)) if ids else None


@st.composite
def plans(draw: Any, *, with_periods: bool = True) -> Plan:
    """A plan of every table, with valid references."""
    plan = Plan()
    if draw(st.booleans()):
        plan.put(
            Profile(
                id=PROFILE_ID,
                owner=draw(TEXT),
                language=draw(st.sampled_from(("en", "nl"))),
                dream_job=draw(TEXT),
                dream_job_qualities=tuple(draw(st.lists(TEXT, max_size=2))),
                answer_goals_help=draw(TEXT),
                answer_employer_can_do=draw(TEXT),
            )
        )
    swot = _ids(draw, 4)
    for id in swot:
        plan.put(
            SwotItem(id, draw(st.sampled_from(QUADRANTS)), draw(NAME), draw(st.integers(0, 9)))
        )
    for id in _ids(draw, 2):
        plan.put(Trend(id, draw(NAME), draw(st.integers(0, 9))))
    employer = _ids(draw, 2)
    for id in employer:
        plan.put(EmployerGoal(id, draw(NAME), draw(TEXT), draw(TEXT), draw(TEXT), draw(TEXT)))
    goals = _ids(draw, 4)
    for id in goals:
        plan.put(
            Goal(
                id,
                title=draw(NAME),
                kind=draw(st.sampled_from(GOAL_KINDS)),
                horizon=draw(st.sampled_from(HORIZONS)),
                status=draw(st.sampled_from(GOAL_STATUSES)),
                specific=draw(TEXT),
                metric=draw(TEXT),
                unit=draw(TEXT),
                baseline=draw(MAYBE_NUMBER),
                target=draw(MAYBE_NUMBER),
                current=draw(MAYBE_NUMBER),
                why_me=draw(TEXT),
                means=draw(TEXT),
                deadline=draw(MAYBE_DAY),
                swot_ids=_some(draw, swot),
                employer_goal_ids=_some(draw, employer),
                created=draw(MAYBE_DAY),
                order=draw(st.integers(-3, 9)),
            )
        )
    if not goals:
        return plan
    actions: dict[int, int] = {}
    for id in _ids(draw, 4):
        goal_id = draw(st.sampled_from(goals))
        actions[id] = goal_id
        plan.put(Action(id, goal_id, draw(NAME), draw(TEXT), draw(TEXT)))
    steps = _ids(draw, 6)
    for id in steps:
        goal_id = draw(st.sampled_from(goals))
        own = [a for a, g in actions.items() if g == goal_id]
        plan.put(
            Step(
                id,
                goal_id=goal_id,
                action_id=_one(draw, own),
                title=draw(NAME),
                due=draw(MAYBE_DAY),
                done_on=draw(MAYBE_DAY),
                order=draw(st.integers(0, 9)),
            )
        )
    for id in _ids(draw, 3):
        held = tuple(HeldReview(draw(DAYS), draw(TEXT)) for _ in range(draw(st.integers(0, 2))))
        plan.put(
            Review(
                id,
                title=draw(TEXT),
                goal_id=_one(draw, goals),
                start=draw(MAYBE_DAY),
                rule=draw(RULES),
                next_on=draw(MAYBE_DAY),
                held=held,
            )
        )
    for id in _ids(draw, 2):
        mood = draw(st.none() | st.integers(1, 5))
        plan.put(CheckIn(id, draw(MAYBE_DAY), draw(TEXT), mood, _some(draw, steps)))
    for id in _ids(draw, 2):
        plan.put(
            Reflection(
                id, draw(MAYBE_DAY), _one(draw, goals), _one(draw, steps), draw(TEXT), draw(TEXT)
            )
        )
    for id in _ids(draw, 2):
        plan.put(
            Feedback(
                id,
                draw(NAME),
                _one(draw, goals),
                draw(TEXT),
                draw(MAYBE_DAY),
                draw(MAYBE_DAY),
                draw(TEXT),
                draw(MAYBE_DAY),
            )
        )
    for id in _ids(draw, 3):
        plan.put(
            ProgressEntry(
                id, draw(st.sampled_from(goals)), draw(MAYBE_DAY), draw(NUMBER), draw(TEXT)
            )
        )
    for id in _ids(draw, 2):
        plan.put(
            GoalChange(
                id,
                draw(st.sampled_from(goals)),
                draw(MAYBE_DAY),
                draw(TEXT),
                draw(TEXT),
                draw(TEXT),
                draw(TEXT),
            )
        )
    if with_periods and draw(st.booleans()):
        earlier = draw(plans(with_periods=False))
        plan.put(
            Period(
                1,
                name="2025 " + draw(TEXT).replace("\n", " "),
                ended=draw(DAYS),
                archive=snapshot(earlier),
            )
        )
        plan.put(Period(2, name="2026", started=draw(MAYBE_DAY)))
    return plan
