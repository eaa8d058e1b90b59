"""Plan periods: close this period's plan (say, a year) and start the next from it.

Starting a new period keeps the whole plan as it is now in a
:class:`~pop_tui.core.model.Period` record (its tables as JSON text), so the
earlier period stays readable exactly as it was and nothing can change it.
The plan itself then becomes the new period's:

* kept: the profile, the analysis (SWOT and trends) and the employer goals,
  which are reviewed rather than started over;
* carried over: every active goal with its actions, its steps (the done ones
  too, and its measurements: a goal's progress and pace must not drop to zero
  because a year ended), its reviews that still have a next date (their held
  history stays behind) and the feedback it still waits for;
* left in the archive: goals that were reached or dropped and all that
  belonged to them, check-ins, reflections, goal changes, answered feedback
  and reviews without a next date.

Carried records keep their ids, so links between them stay as they were and
calendar events exported before and after keep the same UIDs.
"""

from __future__ import annotations

import json
from datetime import date

from pop_tui.core.edit import Edit
from pop_tui.core.model import (
    Action,
    CheckIn,
    Feedback,
    GoalChange,
    ModelError,
    Period,
    Plan,
    ProgressEntry,
    Reflection,
    Review,
    Step,
)
from pop_tui.core.texts import t
from pop_tui.core.value import Value

NAME_MAX = 60


class PeriodError(ValueError):
    """A period that cannot be started or found; the message is in the current language."""


class PeriodSummary(Value):
    """What ``pop period list`` shows of a period."""

    period: Period
    current: bool
    goals: int
    goals_done: int


def current_period(plan: Plan) -> Period | None:
    """The period the plan is in now, if periods were ever started."""
    found = [p for p in plan.table(Period).values() if p.ended is None and not p.archive]
    return min(found, key=lambda p: p.id) if found else None


def archived_periods(plan: Plan) -> list[Period]:
    """The earlier periods, oldest first."""
    found = [p for p in plan.table(Period).values() if p.archive]
    return sorted(found, key=lambda p: (p.ended or date.min, p.id))


def find_period(plan: Plan, name: str) -> Period:
    """The earlier period called ``name`` (case does not matter)."""
    wanted = name.strip().casefold()
    for period in archived_periods(plan):
        if period.name.casefold() == wanted:
            return period
    names = ", ".join(p.name for p in archived_periods(plan))
    if not names:
        raise PeriodError(t("period.error.none_archived", name=name))
    raise PeriodError(t("period.error.unknown", name=name, names=names))


def snapshot(plan: Plan) -> str:
    """The plan's tables (without its periods) as compact, stable JSON text."""
    tables = {name: rows for name, rows in plan.to_dict().items() if name != Period.TABLE}
    return json.dumps(tables, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def archived_plan(period: Period) -> Plan:
    """The plan as it was when ``period`` ended."""
    try:
        data = json.loads(period.archive)
        if not isinstance(data, dict):
            raise ModelError("expected an object of tables")
        data.pop(Period.TABLE, None)
        return Plan.from_dict(data)
    except (ValueError, TypeError) as exc:
        raise PeriodError(t("period.error.damaged", name=period.name, problem=exc)) from None


def summaries(plan: Plan) -> list[PeriodSummary]:
    """Every period, oldest first, the current one last."""
    found = []
    for period in archived_periods(plan):
        try:
            old = archived_plan(period)
        except PeriodError:
            found.append(PeriodSummary(period, False, 0, 0))
            continue
        done = sum(1 for g in old.goals.values() if g.status == "done")
        found.append(PeriodSummary(period, False, len(old.goals), done))
    current = current_period(plan)
    if current is not None:
        done = sum(1 for g in plan.goals.values() if g.status == "done")
        found.append(PeriodSummary(current, True, len(plan.goals), done))
    return found


def check_name(plan: Plan, name: str) -> str:
    """``name`` stripped, if it can name a new period."""
    name = name.strip()
    if not name:
        raise PeriodError(t("period.error.empty"))
    if len(name) > NAME_MAX or not name.isprintable():
        raise PeriodError(t("period.error.bad_name", max=NAME_MAX))
    if any(p.name.casefold() == name.casefold() for p in plan.table(Period).values()):
        raise PeriodError(t("period.error.taken", name=name))
    return name


def _day(day: date) -> dict[str, object]:
    return {"day": day.day, "month": t(f"date.month.{day.month}"), "year": day.year}


def _names_by_date(started: date | None, ended: date) -> list[str]:
    """Names for a period without one, from what it covers, best first.

    First the year it ends in: closing 2026 and starting 2027 is the usual turn.
    Then its span, for when the new period was given this year's name: a plan
    begun in 2025 is kept as "2025-2026", one begun this August as "Aug-Nov 2026"
    (rather than as "2026 (2)", which says nothing about which is which). A plain
    hyphen, not a dash: the name is typed in ``pop export --period NAME``.
    """
    names = [str(ended.year)]
    if started is not None and started <= ended:
        if started.year < ended.year:
            names.append(t("period.name.years", first=started.year, last=ended.year))
        elif started.month < ended.month:
            first = t(f"date.month.{started.month}")
            names.append(t("period.name.months", first=first, **_day(ended)))
        else:
            names.append(t("period.name.month", **_day(ended)))
    names.append(t("period.name.until", **_day(ended)))
    return names


def archive_name(plan: Plan, new_name: str, today: date) -> str:
    """The name :func:`start_period` keeps the current plan under when none is chosen.

    The current period's own name; else the first name from its dates that no
    period has and that is not ``new_name`` (see :func:`_names_by_date`); a
    number is added only when all of those are taken.
    """
    current = current_period(plan)
    taken = {p.name.casefold() for p in plan.table(Period).values() if p is not current}
    taken.add(new_name.strip().casefold())
    if current is not None and current.name:
        names = [current.name]
    else:
        names = _names_by_date(_started(plan, current), today)
    for name in names:
        if name.casefold() not in taken:
            return name
    base, n = names[0], 1
    name = base
    while name.casefold() in taken:
        n += 1
        name = f"{base} ({n})"
    return name


def _started(plan: Plan, current: Period | None) -> date | None:
    if current is not None and current.started is not None:
        return current.started
    created = [g.created for g in plan.goals.values() if g.created is not None]
    return min(created, default=None)


def start_period(edit: Edit, name: str, today: date, archive_as: str | None = None) -> Period:
    """Archive the plan as it is and start the period ``name`` on ``today`` (see the module)."""
    plan = edit.plan
    name = check_name(plan, name)
    current = current_period(plan)
    if archive_as is not None:
        old_name = archive_as.strip()
        if current is None or old_name.casefold() != current.name.casefold():
            old_name = check_name(plan, old_name)
        if old_name.casefold() == name.casefold():
            raise PeriodError(t("period.error.taken", name=name))
    else:
        old_name = archive_name(plan, name, today)
    archive = snapshot(plan)
    started = _started(plan, current)
    if current is not None:
        edit.update(current, name=old_name, started=started, ended=today, archive=archive)
    else:
        edit.add(Period, name=old_name, started=started, ended=today, archive=archive)

    carried = {g.id for g in plan.goals.values() if g.status == "active"}

    def stays(goal_id: int | None) -> bool:
        return goal_id is None or goal_id in carried

    for goal in list(plan.goals.values()):
        if goal.id not in carried:
            edit.delete(goal)
    for action in list(plan.table(Action).values()):
        if action.goal_id not in carried:
            edit.delete(action)
    for step in list(plan.table(Step).values()):
        if step.goal_id not in carried:
            edit.delete(step)
    for review in list(plan.table(Review).values()):
        if review.next_on is None or not stays(review.goal_id):
            edit.delete(review)
        elif review.held:
            edit.update(review, held=())
    for feedback in list(plan.table(Feedback).values()):
        if feedback.answer.strip() or not stays(feedback.goal_id):
            edit.delete(feedback)
    for entry in list(plan.table(ProgressEntry).values()):
        if entry.goal_id not in carried:
            edit.delete(entry)
    for cls in (CheckIn, Reflection, GoalChange):
        for record in list(plan.table(cls).values()):
            edit.delete(record)
    return edit.add(Period, name=name, started=today)
