"""The conversation pack: what the Markdown and HTML exports show, gathered once.

Both documents follow the same outline (profile, analysis, employer goals,
goals with everything that belongs to them, reviews, the two questions), so
the gathering and ordering lives here and the two renderers only lay it out.
All text is still raw user text here; each renderer cleans and escapes it.
"""

from __future__ import annotations

from datetime import date

from pop_tui.core.model import (
    QUADRANTS,
    Action,
    EmployerGoal,
    Feedback,
    Goal,
    GoalChange,
    Plan,
    Profile,
    ProgressEntry,
    Quadrant,
    Reflection,
    Review,
    Step,
    SwotItem,
    Trend,
)
from pop_tui.core.progress import Pace, Progress, goal_pace, goal_progress, goal_steps
from pop_tui.core.texts import LANGUAGES
from pop_tui.core.value import Value

_STATUS_ORDER = {"active": 0, "done": 1, "dropped": 2}


class GoalSheet(Value):
    """One goal and everything the conversation needs about it."""

    goal: Goal
    progress: Progress | None
    pace: Pace | None
    swot: list[SwotItem]
    employer_goals: list[EmployerGoal]
    actions: list[Action]
    steps_done: list[Step]
    steps_open: list[Step]
    reflections: list[Reflection]
    feedback: list[Feedback]
    changes: list[GoalChange]
    reviews: list[Review]
    measurements: list[ProgressEntry]


class Pack(Value):
    """The whole conversation pack of a plan on a day, in a language."""

    lang: str
    today: date
    profile: Profile
    period: str
    swot: dict[Quadrant, list[SwotItem]]
    trends: list[Trend]
    employer_goals: list[EmployerGoal]
    short_goals: list[GoalSheet]
    long_goals: list[GoalSheet]
    plan_reviews: list[Review]
    loose_reflections: list[Reflection]
    loose_feedback: list[Feedback]


def plan_language(plan: Plan) -> str:
    """The plan's own language, English when it names one pop does not have."""
    lang = plan.profile.language
    return lang if lang in LANGUAGES else "en"


def _by_date(on: date | None, id: int) -> tuple[date, int]:
    return (on or date.min, id)


def _sheet(plan: Plan, goal: Goal, today: date) -> GoalSheet:
    steps = goal_steps(plan, goal.id)
    done = sorted((s for s in steps if s.done), key=lambda s: _by_date(s.done_on, s.id))
    open_ = sorted(
        (s for s in steps if not s.done),
        key=lambda s: (s.due is None, s.due or date.min, s.order, s.id),
    )
    swot = [plan.swot[i] for i in goal.swot_ids if i in plan.swot]
    employer = [plan.employer_goals[i] for i in goal.employer_goal_ids if i in plan.employer_goals]
    actions = sorted(
        (a for a in plan.actions.values() if a.goal_id == goal.id), key=lambda a: (a.order, a.id)
    )
    reflections = sorted(
        (r for r in plan.table(Reflection).values() if r.goal_id == goal.id),
        key=lambda r: _by_date(r.on, r.id),
    )
    feedback = sorted(
        (f for f in plan.table(Feedback).values() if f.goal_id == goal.id),
        key=lambda f: _by_date(f.asked_on, f.id),
    )
    changes = sorted(
        (c for c in plan.table(GoalChange).values() if c.goal_id == goal.id),
        key=lambda c: _by_date(c.on, c.id),
    )
    reviews = sorted(
        (r for r in plan.reviews.values() if r.goal_id == goal.id),
        key=lambda r: _by_date(r.next_on or r.start, r.id),
    )
    measurements = sorted(
        (p for p in plan.table(ProgressEntry).values() if p.goal_id == goal.id),
        key=lambda p: _by_date(p.on, p.id),
    )
    return GoalSheet(
        goal=goal,
        progress=goal_progress(plan, goal),
        pace=goal_pace(plan, goal, today),
        swot=swot,
        employer_goals=employer,
        actions=actions,
        steps_done=done,
        steps_open=open_,
        reflections=reflections,
        feedback=feedback,
        changes=changes,
        reviews=reviews,
        measurements=measurements,
    )


def build_pack(plan: Plan, today: date, lang: str | None = None, period: str = "") -> Pack:
    """Gather the conversation pack of ``plan`` on ``today`` (language: the plan's own)."""
    goals = sorted(plan.goals.values(), key=lambda g: (_STATUS_ORDER[g.status], g.order, g.id))
    sheets = [_sheet(plan, g, today) for g in goals]
    swot: dict[Quadrant, list[SwotItem]] = {q: [] for q in QUADRANTS}
    for item in sorted(plan.swot.values(), key=lambda s: (s.order, s.id)):
        swot[item.quadrant].append(item)
    return Pack(
        lang=lang or plan_language(plan),
        today=today,
        profile=plan.profile,
        period=period,
        swot=swot,
        trends=sorted(plan.table(Trend).values(), key=lambda t: (t.order, t.id)),
        employer_goals=sorted(plan.employer_goals.values(), key=lambda e: (e.order, e.id)),
        short_goals=[s for s in sheets if s.goal.horizon == "short"],
        long_goals=[s for s in sheets if s.goal.horizon == "long"],
        plan_reviews=sorted(
            (r for r in plan.reviews.values() if r.goal_id is None or r.goal_id not in plan.goals),
            key=lambda r: _by_date(r.next_on or r.start, r.id),
        ),
        loose_reflections=sorted(
            (
                r
                for r in plan.table(Reflection).values()
                if r.goal_id is None or r.goal_id not in plan.goals
            ),
            key=lambda r: _by_date(r.on, r.id),
        ),
        loose_feedback=sorted(
            (
                f
                for f in plan.table(Feedback).values()
                if f.goal_id is None or f.goal_id not in plan.goals
            ),
            key=lambda f: _by_date(f.asked_on, f.id),
        ),
    )


def format_number(value: float, lang: str) -> str:
    """A measured value for reading: no needless ``.0``; a decimal comma in Dutch."""
    value = float(value)  # records built in code may hold an int
    text = str(int(value)) if value.is_integer() and abs(value) < 1e15 else f"{value:.10g}"
    return text.replace(".", ",") if lang == "nl" else text
