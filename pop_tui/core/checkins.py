"""The daily check-in: what it offers, how it is recorded, and the streak it keeps.

A check-in is a short daily look at the plan: the steps due today or overdue,
the ones just finished, a note and a mood or energy score from 1 to 5. The
streak counts the days in a row with at least one check-in.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from pop_tui.core import agenda

# Re-exported: they live in a light module that the fast shell commands use alone.
from pop_tui.core.checkin_line import NOTE_SHOWN as NOTE_SHOWN
from pop_tui.core.checkin_line import summary_line as summary_line
from pop_tui.core.dates import format_date
from pop_tui.core.model import MOODS as MOODS  # the check-in's scores, known here too
from pop_tui.core.model import CheckIn, Plan, Step
from pop_tui.core.printable import printable
from pop_tui.core.texts import t

if TYPE_CHECKING:  # recording a check-in needs these; reading one (pop agenda) does not
    from pop_tui.core.edit import Edit


def steps_to_check(plan: Plan, today: date) -> list[agenda.DueStep]:
    """Open steps due today or earlier, oldest first: what a check-in asks about."""
    return agenda.overdue_steps(plan, today) + agenda.steps_due_soon(plan, today, 0)


def mark_done(edit: Edit, step_ids: Iterable[int], on: date) -> list[Step]:
    """Mark each step done on ``on``; all of them or (raising) none.

    Raises:
        OpError: a step that does not exist or is done already; the message names it.
    """
    from pop_tui.core.ops import OpError, complete_step

    finished: list[Step] = []
    for step_id in dict.fromkeys(step_ids):
        step = edit.plan.steps.get(step_id)
        if step is None:
            raise OpError(t("checkin.error.no_step", id=step_id))
        if step.done_on is not None:
            raise OpError(
                t(
                    "checkin.error.already_done",
                    id=step_id,
                    title=printable(step.title),
                    on=format_date(step.done_on),
                )
            )
        finished.append(complete_step(edit, step_id, on))
    return finished


def check_in(
    edit: Edit,
    on: date,
    note: str = "",
    mood: int | None = None,
    done: Iterable[int] = (),
) -> CheckIn:
    """Record a check-in on ``on`` and mark the steps ``done`` as done on that day.

    One mutation, so a single undo takes back the check-in and the steps with it.

    Raises:
        OpError: a mood outside 1..5, a step that does not exist or is done already,
            or nothing at all (no note, no mood, no step).
    """
    from pop_tui.core.ops import OpError

    if mood is not None and mood not in MOODS:
        raise OpError(t("checkin.error.mood", mood=mood))
    done = tuple(done)
    if not note.strip() and mood is None and not done:
        # The same rule in the app and the shell: a check-in says something.
        raise OpError(t("checkin.error.empty"))
    finished = mark_done(edit, done, on)
    return edit.add(
        CheckIn, on=on, note=note.strip(), mood=mood, step_ids=tuple(s.id for s in finished)
    )


def last_checkin(plan: Plan, today: date) -> CheckIn | None:
    """The newest check-in on or before ``today`` (a later one in the same day wins)."""
    dated = [c for c in plan.checkins.values() if c.on is not None and c.on <= today]
    return max(dated, key=lambda c: (c.on, c.id), default=None)


def streak(plan: Plan, today: date) -> int:
    """How many days in a row, up to today, have a check-in.

    A streak that reached yesterday is still alive today until the day is over:
    not having checked in yet this morning does not break it. Check-ins dated
    after ``today`` (entered with another clock) do not count.
    """
    return streak_of_days({c.on for c in plan.checkins.values()}, today)


def streak_of_days(days: Collection[date | None], today: date) -> int:
    """:func:`streak` from the days of the check-ins."""
    days = set(days)
    day = today if today in days or today == date.min else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        if day == date.min:  # the calendar's first day: nothing before it
            break
        day -= timedelta(days=1)
    return count


def checked_in_today(plan: Plan, today: date) -> bool:
    """Whether there is a check-in dated ``today``."""
    return any(c.on == today for c in plan.checkins.values())


def title(plan: Plan, today: date) -> str:
    """The check-in's heading; a check-in made today already (maybe elsewhere) says so.

    The app shows it over the dialog, the shell before saving: the same words.
    """
    heading = t("checkin.title", day=format_date(today))
    if checked_in_today(plan, today):
        return f"{heading} · {t('checkin.again')}"
    return heading


def checkin_summary(plan: Plan, today: date) -> str:
    """One line: when the last check-in was, its mood, the streak, and the start of its note.

    The note comes last, so that a narrow screen cuts it rather than the streak.
    """
    return summary_line(last_checkin(plan, today), streak(plan, today), today)
