"""The agenda index: what ``pop agenda`` and ``pop status`` need, kept beside the plan.

Every save writes, next to the plan, a small file derived from it (in the
``cache`` folder beside the plan file: ``cache/plan.json.agenda``), holding what
the agenda can show on any day: the open steps with a due date (of active goals,
or of none), the reviews still planned, the unanswered feedback requests with a
date, the runs of days with a check-in and the newest check-in. Each part is
sorted by its date, one record a line, so the agenda for a day and a window is
found by binary search and only its lines are decoded: the cost does not grow
with the plan.

**Never stale.** The index names the plan file it was made from: its device,
inode, size, modification and change times (``st_ctime_ns``, which no program
can set: every write or rename of the file moves it), and the plan's ``_meta``
line (revision, save time and the checksum of the whole file) with where it
stands in the file. The index is used only when all of that matches the plan
file as it is now; a plan replaced by any other means (git, a copy, a restore,
another device's file of the same size) fails the check, and the index is made
again from the plan (and written again, when the folder allows it). The
contents are found by reading the plan the careful way where needed (see
:class:`~pop_tui.store.plan_reader.PlanReader`); tests compare every answer with
the agenda of the whole plan.

The ``cache`` folder belongs to this device (like ``backups``, ``drafts``, ``local`` and the
lock file, see :data:`NOT_SYNCED`): a sync of the plan must leave it out.

This module imports neither TinyDB nor Textual nor ``json`` nor ``re``: it is
all ``pop agenda`` imports to read a plan.

Long on purpose: the index's format is written and read here, side by side, so
that the two halves cannot drift apart; and it is the one module the quick way of
``pop agenda`` and ``pop status`` imports, where every further module costs start time.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date as date
    from datetime import timedelta as timedelta
else:
    try:  # the C module itself: datetime.py defines it all in Python first, then replaces it
        from _datetime import date, timedelta
    except ImportError:  # another Python than CPython
        from datetime import date, timedelta
if TYPE_CHECKING:
    from collections.abc import Iterable

    from pop_tui.core.model import CheckIn, Feedback, Plan, Step
    from pop_tui.store.plan_reader import PlanReader

FORMAT = b"pop-agenda-index 1"
CACHE_FOLDER = "cache"
SUFFIX = ".agenda"
# What lives beside the plan file and belongs to this device only: never synced.
NOT_SYNCED = ("backups/", "drafts/", "cache/", "local/", "*.lock", ".*.tmp", "*.replaced-*")
SECTIONS = ("steps", "reviews", "feedback", "runs", "last")
_META_START = b'\n "_meta": {\n'


def index_path(plan_path: str | os.PathLike[str]) -> str:
    """Where the index of the plan at ``plan_path`` lives."""
    path = os.fspath(plan_path)
    folder, name = os.path.split(path)
    return os.path.join(folder, CACHE_FOLDER, name + SUFFIX)


# --- the lines ----------------------------------------------------------------------


def _esc(text: str) -> str:
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        return (
            text.replace("\\", "\\\\")
            .replace("\t", "\\t")
            .replace("\n", "\\n")
            .replace("\r", "\\r")
        )
    return text


_UNESC = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}


def _unesc(text: str) -> str:
    if "\\" not in text:
        return text
    out = []
    chars = iter(text)
    for char in chars:
        out.append(_UNESC.get(next(chars, ""), "") if char == "\\" else char)
    return "".join(out)


def _id(value: int | None) -> str:
    return "" if value is None else str(value)


def _iso(day: date | None) -> str:
    return "" if day is None else day.isoformat()


def build(plan: Plan) -> bytes:
    """The index's body for ``plan`` (a whole plan, or at least its goals and reviews,
    its open steps, its unanswered feedback and its check-ins' days and newest one)."""
    from pop_tui.core.model import CheckIn, Feedback

    return _body(
        plan,
        plan.steps.values(),
        plan.table(Feedback).values(),
        {c.on for c in plan.checkins.values()},
        max(
            (c for c in plan.table(CheckIn).values() if c.on is not None),
            key=lambda c: (c.on, c.id),
            default=None,
        ),
        any_steps=bool(plan.steps),
    )


def build_from_reader(reader: PlanReader) -> bytes:
    """:func:`build` from a plan file being read, decoding only what the index holds."""
    from pop_tui.core.model import CheckIn, Feedback, Goal, Plan, Review, Step
    from pop_tui.store.plan_reader import Where

    plan = Plan()
    plan.tables[Goal.TABLE] = dict(reader.table(Goal))
    plan.tables[Review.TABLE] = dict(reader.table(Review))
    steps = reader.where(Step, Where.empty("done_on"))
    feedback = reader.where(Feedback, Where.empty("answered_on"))
    return _body(
        plan,
        steps.values(),
        feedback.values(),
        reader.days(CheckIn, "on"),
        reader.latest(CheckIn, "on", date.max),
        any_steps=reader.count(Step) > 0,
    )


def _body(
    plan: Plan,
    steps: Iterable[Step],
    feedback: Iterable[Feedback],
    checkin_days: Iterable[date | None],
    newest: CheckIn | None,
    *,
    any_steps: bool,
) -> bytes:
    goals = plan.goals

    def goal_of(goal_id: int | None) -> tuple[str, str]:
        goal = goals.get(goal_id) if goal_id is not None else None
        return ("", "") if goal is None else (str(goal.id), _esc(goal.title))

    step_rows = []
    for step in steps:
        due = step.due
        if due is None or step.done_on is not None:
            continue
        goal = goals.get(step.goal_id)
        if goal is not None and goal.status != "active":
            continue
        step_line = (due.isoformat(), str(step.id), _esc(step.title), *goal_of(step.goal_id))
        step_rows.append((due, step.id, "\t".join(step_line)))
    review_rows = [
        (
            r.next_on,
            r.id,
            "\t".join(
                (r.next_on.isoformat(), str(r.id), _esc(r.title), _esc(r.rule), *goal_of(r.goal_id))
            ),
        )
        for r in plan.reviews.values()
        if r.next_on is not None
    ]
    feedback_rows = []
    for item in feedback:
        wanted = item.wanted_by
        if wanted is None or item.answered_on is not None or item.answer.strip():
            continue
        fields = (
            wanted.isoformat(),
            str(item.id),
            _esc(item.from_whom),
            _esc(item.question),
            _iso(item.asked_on),
            *goal_of(item.goal_id),
        )
        feedback_rows.append((wanted, item.id, "\t".join(fields)))
    runs = []
    days = sorted(d for d in set(checkin_days) if d is not None)
    if days:
        start = previous = days[0]
        for day in days[1:]:
            if (day - previous).days != 1:
                runs.append(f"{start.isoformat()}\t{previous.isoformat()}")
                start = day
            previous = day
        runs.append(f"{start.isoformat()}\t{previous.isoformat()}")
    last = []
    if newest is not None and newest.on is not None:
        newest_line = (
            newest.on.isoformat(),
            str(newest.id),
            _id(newest.mood),
            _esc(newest.note),
            ",".join(str(i) for i in newest.step_ids),
        )
        last.append("\t".join(newest_line))
    sections = {
        "steps": [row[2] for row in sorted(step_rows, key=lambda row: (row[0], row[1]))],
        "reviews": [row[2] for row in sorted(review_rows, key=lambda row: (row[0], row[1]))],
        "feedback": [row[2] for row in sorted(feedback_rows, key=lambda row: (row[0], row[1]))],
        "runs": runs,
        "last": last,
    }
    empty = not goals and not any_steps and not plan.reviews
    parts = [b"empty\t" + (b"1" if empty else b"0") + b"\n"]
    for name in SECTIONS:
        lines = sections[name]
        block = ("\n".join(lines) + "\n").encode() if lines else b""
        # The section's length in bytes: a reader finds the next one without reading this one.
        parts.append(f"@{name}\t{len(block)}\n".encode())
        parts.append(block)
    return b"".join(parts)


# --- naming the plan file ----------------------------------------------------------


def _identity(st: os.stat_result) -> bytes:
    return b"\t".join(
        str(v).encode() for v in (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
    )


def _meta_line(raw: bytes) -> tuple[int, bytes]:
    """Where the ``_meta`` line starts in a plan file, and the line (-1, b"" if none)."""
    start = raw.find(_META_START)
    if start < 0:
        return -1, b""
    start += len(_META_START)
    end = raw.find(b"\n", start)
    if end < 0:
        return -1, b""
    return start, raw[start:end]


def _header(st: os.stat_result, raw: bytes) -> bytes:
    at, line = _meta_line(raw)
    return b"%s\t%s\t%d\n%s\n" % (FORMAT, _identity(st), at, line)


def write(plan_path: str | os.PathLike[str], st: os.stat_result, raw: bytes, body: bytes) -> None:
    """Write the index of the plan file whose status is ``st`` and bytes ``raw``.

    Written whole (a temp file renamed over the old one), so a reader never
    sees half of it; it is only a cache, so it is not flushed to disk, and a
    folder that cannot be written to is no error.
    """
    target = index_path(plan_path)
    folder = os.path.dirname(target)
    tmp = os.path.join(folder, f".{os.path.basename(target)}.{os.getpid()}.tmp")
    try:
        try:  # noqa: SIM105  (contextlib costs the start of `pop agenda`)
            os.mkdir(folder, 0o700)
        except FileExistsError:
            pass
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, _header(st, raw) + body)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except OSError:
        try:  # noqa: SIM105
            os.unlink(tmp)
        except OSError:
            pass


def saved(plan_path: str | os.PathLike[str], raw: bytes, plan: Plan) -> None:
    """After a save of ``raw`` as the plan file: write the index of ``plan``."""
    try:
        st = os.stat(plan_path)
    except OSError:
        return
    if st.st_size != len(raw):  # replaced already by someone else: the next reader makes it
        return
    write(plan_path, st, raw, build(plan))


def _current(plan_path: str, index: bytes) -> bool:
    """Whether ``index`` was made from the plan file as it is now."""
    first = index.find(b"\n")
    second = index.find(b"\n", first + 1)
    if first < 0 or second < 0:
        return False
    fields = index[:first].split(b"\t")
    if len(fields) != 7 or fields[0] != FORMAT:
        return False
    try:
        st = os.stat(plan_path)
    except OSError:
        return False
    if b"\t".join(fields[1:6]) != _identity(st):
        return False
    at = int(fields[6])
    line = index[first + 1 : second]
    if at < 0:
        return not line
    try:
        with open(plan_path, "rb") as file:
            file.seek(at)
            found = file.read(len(line) + 1)
    except OSError:
        return False
    return found == line + b"\n"


def _body_of(index: bytes) -> bytes:
    return index[index.find(b"\n", index.find(b"\n") + 1) + 1 :]


# --- reading it -------------------------------------------------------------------


class Entry:
    """One line of the agenda: a step, a review or a feedback request (``due`` is the
    step's due date, the review's next date, the date the feedback was wanted by)."""

    __slots__ = ("asked_on", "due", "from_whom", "goal", "id", "question", "rule", "title")

    def __init__(self, id: int, title: str, due: date, goal: GoalName | None = None) -> None:
        self.id, self.title, self.due, self.goal = id, title, due, goal
        self.asked_on: date | None = None
        self.rule = self.from_whom = self.question = ""

    def __repr__(self) -> str:
        return f"Entry({self.id}, {self.title!r}, {self.due})"


def _entry(fields: list[str]) -> Entry:
    return Entry(int(fields[1]), _unesc(fields[2]), date.fromisoformat(fields[0]))


class GoalName:
    """The goal an entry belongs to: its number and title."""

    __slots__ = ("id", "title")

    def __init__(self, id: int, title: str) -> None:
        self.id, self.title = id, title


def _goal(id: str, title: str) -> GoalName | None:
    return GoalName(int(id), _unesc(title)) if id else None


def _step(line: str) -> Entry:
    fields = line.split("\t")
    entry = _entry(fields)
    entry.goal = _goal(fields[3], fields[4])
    return entry


def _review(line: str) -> Entry:
    fields = line.split("\t")
    entry = _entry(fields)
    entry.rule = _unesc(fields[3])
    entry.goal = _goal(fields[4], fields[5])
    return entry


def _feedback(line: str) -> Entry:
    fields = line.split("\t")
    entry = _entry(fields)
    entry.from_whom, entry.question = entry.title, _unesc(fields[3])
    entry.asked_on = date.fromisoformat(fields[4]) if fields[4] else None
    entry.goal = _goal(fields[5], fields[6])
    return entry


class LastCheckIn:
    """The newest check-in, as the agenda shows it."""

    __slots__ = ("id", "mood", "note", "on", "step_ids")

    def __init__(self, id: int, on: date, mood: int | None, note: str, step_ids: list[int]):
        self.id, self.on, self.mood, self.note, self.step_ids = id, on, mood, note, step_ids


class View:
    """What the agenda of one day shows (see :func:`agenda`)."""

    __slots__ = (
        "checked_in_today",
        "days",
        "empty_plan",
        "feedback",
        "last_checkin",
        "overdue",
        "reviews",
        "soon",
        "streak",
        "today",
    )

    def __init__(self, today: date, days: int) -> None:
        self.today, self.days = today, days
        self.overdue: list[Entry] = []
        self.soon: list[Entry] = []
        self.reviews: list[Entry] = []
        self.feedback: list[Entry] = []
        self.last_checkin: LastCheckIn | None = None
        self.streak = 0
        self.checked_in_today = False
        self.empty_plan = True

    def as_tuple(self) -> tuple[object, ...]:
        """Everything the view holds, as plain values (for comparing two views)."""

        def entries(items: list[Entry]) -> list[tuple[object, ...]]:
            return [
                (
                    e.id,
                    e.title,
                    e.due,
                    e.rule,
                    e.from_whom,
                    e.question,
                    e.asked_on,
                    None if e.goal is None else (e.goal.id, e.goal.title),
                )
                for e in items
            ]

        last = self.last_checkin
        return (
            self.today,
            self.days,
            entries(self.overdue),
            entries(self.soon),
            entries(self.reviews),
            entries(self.feedback),
            None if last is None else (last.id, last.on, last.mood, last.note, last.step_ids),
            self.streak,
            self.checked_in_today,
            self.empty_plan,
        )


class _Sections:
    def __init__(self, body: bytes) -> None:
        self.body = body
        self.spans: dict[str, tuple[int, int]] = {}
        newline = body.find(b"\n")
        self.empty = body[:newline] == b"empty\t1"
        at = newline + 1
        for name in SECTIONS:
            end_of_head = body.find(b"\n", at)
            head = body[at:end_of_head].split(b"\t")
            if head[0] != b"@" + name.encode():
                raise ValueError(f"agenda index: section {name} missing")
            start = end_of_head + 1
            end = start + int(head[1])
            if end > len(body) or (end > start and body[end - 1 : end] != b"\n"):
                raise ValueError(f"agenda index: section {name} cut short")
            self.spans[name] = (start, end)
            at = end

    def first_after(self, name: str, key: bytes, *, equal: bool) -> int:
        """Where the first line of ``name`` starts whose date is above ``key`` (or
        equal to it, with ``equal``): binary search over the bytes."""
        body = self.body
        lo, hi = self.spans[name]
        # Invariant: every line starting before lo is below the key; lines at hi or after are not.
        while lo < hi:
            start = _line_start(body, lo, (lo + hi) // 2)
            day = body[start : start + 10]
            below = day < key or (not equal and day == key)
            if below:
                lo = body.index(b"\n", start) + 1
            else:
                hi = start
        return lo

    def lines(self, start: int, end: int) -> list[str]:
        if start >= end:
            return []
        return self.body[start : end - 1].decode("utf-8").split("\n")


def _line_start(body: bytes, first: int, at: int) -> int:
    """Where the line that holds byte ``at`` starts (lines start at ``first`` or later)."""
    return max(body.rfind(b"\n", first, at) + 1, first)


def agenda(body: bytes, today: date, days: int) -> View | None:
    """The agenda of ``today`` and the ``days`` after it, from an index's body; None when
    the index cannot answer (the newest check-in is dated after ``today``)."""
    sections = _Sections(body)
    view = View(today, days)
    view.empty_plan = sections.empty
    try:
        last_day = today + timedelta(days=days)
    except OverflowError:
        last_day = date.max
    today_key = today.isoformat().encode()
    last_key = last_day.isoformat().encode()
    steps_start, _ = sections.spans["steps"]
    split = sections.first_after("steps", today_key, equal=True)
    window_end = sections.first_after("steps", last_key, equal=False)
    view.overdue = [_step(line) for line in sections.lines(steps_start, split)]
    view.soon = [_step(line) for line in sections.lines(split, window_end)]
    reviews_start, _ = sections.spans["reviews"]
    view.reviews = [
        _review(line)
        for line in sections.lines(
            reviews_start, sections.first_after("reviews", last_key, equal=False)
        )
    ]
    feedback_start, _ = sections.spans["feedback"]
    view.feedback = [
        _feedback(line)
        for line in sections.lines(
            feedback_start, sections.first_after("feedback", today_key, equal=True)
        )
    ]
    last_start, last_end = sections.spans["last"]
    for line in sections.lines(last_start, last_end):
        fields = line.split("\t")
        on = date.fromisoformat(fields[0])
        if on > today:
            return None
        view.last_checkin = LastCheckIn(
            int(fields[1]),
            on,
            int(fields[2]) if fields[2] else None,
            _unesc(fields[3]),
            [int(i) for i in fields[4].split(",")] if fields[4] else [],
        )
    view.checked_in_today, view.streak = _streak(sections, today)
    return view


def _run_around(sections: _Sections, day: date) -> tuple[date, date] | None:
    """The run of check-in days that holds ``day``, if one does."""
    start, _ = sections.spans["runs"]
    after = sections.first_after("runs", day.isoformat().encode(), equal=False)
    if after <= start:
        return None
    line = sections.body[_line_start(sections.body, start, after - 1) : after - 1]
    first, last = (date.fromisoformat(part) for part in line.decode("ascii").split("\t"))
    return (first, last) if first <= day <= last else None


def _streak(sections: _Sections, today: date) -> tuple[bool, int]:
    """Whether there is a check-in today, and the streak (see core.checkins.streak_of_days)."""
    run = _run_around(sections, today)
    if run is not None:
        return True, (today - run[0]).days + 1
    if today == date.min:
        return False, 0
    yesterday = today - timedelta(days=1)
    run = _run_around(sections, yesterday)
    return False, (yesterday - run[0]).days + 1 if run is not None else 0


def _current_body(path: str) -> bytes | None:
    """The body of the index beside ``path`` if it was made from the plan as it is now."""
    try:
        with open(index_path(path), "rb") as file:
            index = file.read()
    except OSError:
        return None
    return _body_of(index) if index and _current(path, index) else None


def _made_again(path: str) -> tuple[bytes, PlanReader] | None:
    """Make the index from the plan file (and write it); None when there is no plan."""
    from pop_tui.store.plan_reader import PlanReader

    try:
        file = open(path, "rb")  # noqa: SIM115  (closed below; its status is needed first)
    except FileNotFoundError:
        if os.path.islink(path):  # a link into a folder that is not there: not an empty plan
            from pathlib import Path

            from pop_tui.store.files import link_target

            link_target(Path(path))  # says so (LinkTargetMissing)
        return None
    with file:
        st = os.fstat(file.fileno())  # before reading: a change while reading shows later
        raw = file.read()
    reader = PlanReader(path, raw)
    body = build_from_reader(reader)
    write(path, st, raw, body)
    return body, reader


def read(plan_path: str | os.PathLike[str], today: date, days: int) -> View:
    """The agenda of the plan at ``plan_path``: from its index when that is current,
    else from the plan itself (and the index made again). No plan is an empty plan.

    Raises:
        PlanFileError: for a damaged plan file (nothing is written then).
    """
    path = os.fspath(plan_path)
    body = _current_body(path)
    if body is not None:
        try:
            view = agenda(body, today, days)
        except (ValueError, IndexError):  # not as written: made again below
            view = None
        if view is not None:
            return view
    made = _made_again(path)
    if made is None:
        return View(today, days)
    body, reader = made
    view = agenda(body, today, days)
    if view is None:  # a check-in dated after today: the one before it, read from the plan
        from pop_tui.core.model import CheckIn

        view = agenda(_without_last(body), today, days)
        assert view is not None
        found = reader.latest(CheckIn, "on", today)
        if found is not None and found.on is not None:
            view.last_checkin = LastCheckIn(
                found.id, found.on, found.mood, found.note, list(found.step_ids)
            )
    return view


class Status:
    """What ``pop status`` says: counts, and the next review if one is due within
    ``days`` (overdue ones included)."""

    __slots__ = ("due_today", "late", "late_feedback", "review", "today")

    def __init__(self, today: date) -> None:
        self.today = today
        self.late = self.due_today = self.late_feedback = 0
        self.review: Entry | None = None

    def as_tuple(self) -> tuple[object, ...]:
        review = self.review
        return (
            self.today,
            self.late,
            self.due_today,
            None if review is None else (review.id, review.title, review.due),
            self.late_feedback,
        )


def status_of(body: bytes, today: date, days: int) -> Status:
    """:class:`Status` from an index's body: the counts are found by binary search alone."""
    sections = _Sections(body)
    found = Status(today)
    key = today.isoformat().encode()
    start, _ = sections.spans["steps"]
    split = sections.first_after("steps", key, equal=True)
    found.late = body.count(b"\n", start, split)
    found.due_today = body.count(b"\n", split, sections.first_after("steps", key, equal=False))
    start, _ = sections.spans["feedback"]
    found.late_feedback = body.count(
        b"\n", start, sections.first_after("feedback", key, equal=True)
    )
    start, end = sections.spans["reviews"]
    if start < end:
        review = _review(body[start : body.index(b"\n", start)].decode("utf-8"))
        try:
            last_day = today + timedelta(days=days)
        except OverflowError:
            last_day = date.max
        if review.due <= last_day:
            found.review = review
    return found


def read_status(plan_path: str | os.PathLike[str], today: date, days: int) -> Status:
    """:class:`Status` of the plan at ``plan_path`` (as :func:`read` finds it)."""
    path = os.fspath(plan_path)
    body = _current_body(path)
    if body is not None:
        try:
            return status_of(body, today, days)
        except (ValueError, IndexError):
            pass
    made = _made_again(path)
    return Status(today) if made is None else status_of(made[0], today, days)


def _without_last(body: bytes) -> bytes:
    at = body.rindex(b"@last\t")
    return body[:at] + b"@last\t0\n"
