"""The POP model: every part of the method as plain, immutable records.

Each record type lives in one table of the plan and has a stable integer id
that is never reused. Records convert to and from plain JSON-able dicts
(dates as ISO text), which is also how the store keeps them on disk.

Long on purpose: the whole schema of a plan, every record type with its fields
and checks, read in one place; split, no one file would say what a plan holds.
"""

from __future__ import annotations

import types
import typing
from datetime import date
from typing import Any, ClassVar, Literal, TypeVar, get_args, get_origin

from pop_tui.core.value import Value

Quadrant = Literal["S", "W", "O", "T"]
GoalKind = Literal["professional", "personal", "broad"]
Horizon = Literal["short", "long"]
GoalStatus = Literal["active", "done", "dropped"]

QUADRANTS: tuple[Quadrant, ...] = ("S", "W", "O", "T")
GOAL_KINDS: tuple[GoalKind, ...] = ("professional", "personal", "broad")
HORIZONS: tuple[Horizon, ...] = ("short", "long")
GOAL_STATUSES: tuple[GoalStatus, ...] = ("active", "done", "dropped")


class ModelError(ValueError):
    """A dict that does not describe a valid record."""


class Record(Value):
    """Base of every stored record: a table name and an id."""

    TABLE: ClassVar[str] = ""
    id: int

    def to_dict(self) -> dict[str, Any]:
        """The record as a JSON-able dict (without its id, which is the key)."""
        state = self.__dict__
        return {name: _dump(state[name]) for name in self._field_names if name != "id"}

    @classmethod
    def from_dict(cls, id: int, data: dict[str, Any]) -> typing.Self:
        """Build the record from its dict; unknown keys are ignored, missing ones default."""
        if not isinstance(data, dict):
            raise ModelError(f"{cls.TABLE} {id}: expected an object, got {type(data).__name__}")
        loaders = _loaders(cls)
        values: dict[str, Any] = {"id": id}
        for name, value in data.items():
            load = loaders.get(name)
            if load is None:
                continue
            try:
                values[name] = load(value)
            except (TypeError, ValueError) as exc:
                raise ModelError(f"{cls.TABLE} {id}, field {name!r}: {exc}") from None
        # Every field but the id has a default and the loaders above took only
        # known fields, so the checks of __init__ can be skipped: a plan is
        # thousands of records, read at every start.
        record = object.__new__(cls)
        state = record.__dict__
        state.update(cls._field_defaults)
        state.update(values)
        return record

    @classmethod
    def loaded_table(cls, raw: dict[str, Any]) -> dict[int, typing.Self]:
        """Build the records of a table from JSON-able dicts, checking every field."""
        return {
            (id := _record_id(cls.TABLE, key)): cls.from_dict(id, data) for key, data in raw.items()
        }

    @classmethod
    def stored_table(cls, raw: dict[str, Any]) -> dict[int, typing.Self]:
        """Build the records of a table that this version of pop wrote itself.

        The store calls this only for a file whose checksum shows it is exactly
        as pop wrote it (see :mod:`pop_tui.store.storage`), so every value was
        checked when its record was made: only what JSON cannot hold (dates,
        tuples, nested values) is converted, which makes reading a large plan
        several times faster. Anything unexpected goes through :meth:`from_dict`,
        which checks every field.
        """
        names, converters = _stored_form(cls)
        defaults = cls._field_defaults
        new = object.__new__
        records: dict[int, typing.Self] = {}
        for key, data in raw.items():
            id = _record_id(cls.TABLE, key)
            if type(data) is not dict or not data.keys() <= names:
                records[id] = cls.from_dict(id, data)
                continue
            record = new(cls)
            state = record.__dict__
            state.update(defaults)
            state.update(data)
            state.pop(STORED_KEY, None)
            state["id"] = id
            try:
                for name, convert in converters:
                    value = state[name]
                    if value is not None:
                        state[name] = convert(value)
            except (TypeError, ValueError):
                record = cls.from_dict(id, data)
            records[id] = record
        return records


def _record_id(table: str, key: str) -> int:
    try:
        return int(key)
    except ValueError:
        raise ModelError(f"table {table!r}: id {key!r} is not a number") from None


class SwotItem(Record):
    """One strength, weakness, opportunity or threat of the self-analysis."""

    TABLE: ClassVar[str] = "swot"
    quadrant: Quadrant = "S"
    text: str = ""
    order: int = 0


class Trend(Record):
    """A trend in one's field or in the labour market."""

    TABLE: ClassVar[str] = "trends"
    text: str = ""
    order: int = 0


class Profile(Record):
    """The one record of things the plan has once: owner, language, dream job, answers."""

    TABLE: ClassVar[str] = "profile"
    owner: str = ""
    language: str = "en"
    dream_job: str = ""
    dream_job_qualities: tuple[str, ...] = ()
    # The two questions often asked in the yearly conversation with a manager.
    answer_goals_help: str = ""
    answer_employer_can_do: str = ""


class Goal(Record):
    """A development goal, with every SMART field."""

    TABLE: ClassVar[str] = "goals"
    title: str = ""
    kind: GoalKind = "professional"
    horizon: Horizon = "short"
    status: GoalStatus = "active"
    # S: what exactly, M: how it is measured, A: why it matters, R: time and means, T: when.
    specific: str = ""
    metric: str = ""
    unit: str = ""
    baseline: float | None = None
    target: float | None = None
    current: float | None = None
    why_me: str = ""
    why_employer: str = ""
    means: str = ""
    deadline: date | None = None
    swot_ids: tuple[int, ...] = ()
    employer_goal_ids: tuple[int, ...] = ()
    created: date | None = None
    order: int = 0


class EmployerGoal(Record):
    """What the organisation wants, and how the department and I contribute."""

    TABLE: ClassVar[str] = "employer_goals"
    title: str = ""
    department_contribution: str = ""
    my_contribution: str = ""
    competencies_to_develop: str = ""
    unused_talents: str = ""
    order: int = 0


class Action(Record):
    """A row of the action plan: for a goal, what I do and what it should give."""

    TABLE: ClassVar[str] = "actions"
    goal_id: int = 0
    action: str = ""
    result: str = ""
    obstacles: str = ""
    order: int = 0


class Step(Record):
    """A concrete, dated step towards a goal, usually part of an action."""

    TABLE: ClassVar[str] = "steps"
    goal_id: int = 0
    action_id: int | None = None
    title: str = ""
    due: date | None = None
    done_on: date | None = None
    order: int = 0

    @property
    def done(self) -> bool:
        return self.done_on is not None


class HeldReview(Value):
    """One time a review was held, with what was noted."""

    on: date
    notes: str = ""


class Review(Record):
    """A review moment for the whole plan (goal_id None) or one goal.

    One-off when ``rule`` is empty; otherwise ``rule`` is RRULE text counted
    from ``start``. ``next_on`` is the date it is due next (None once a one-off
    review has been held or a rule has run out).
    """

    TABLE: ClassVar[str] = "reviews"
    title: str = ""
    goal_id: int | None = None
    start: date | None = None
    rule: str = ""
    next_on: date | None = None
    held: tuple[HeldReview, ...] = ()


# The mood or energy scores a check-in takes.
MOODS: tuple[int, ...] = (1, 2, 3, 4, 5)


class CheckIn(Record):
    """A daily check-in: a note, a mood or energy score, steps marked done."""

    TABLE: ClassVar[str] = "checkins"
    on: date | None = None
    note: str = ""
    mood: int | None = None
    step_ids: tuple[int, ...] = ()


class Reflection(Record):
    """Self-feedback: what I learned and what I would do differently."""

    TABLE: ClassVar[str] = "reflections"
    on: date | None = None
    goal_id: int | None = None
    step_id: int | None = None
    learned: str = ""
    differently: str = ""


class Feedback(Record):
    """Feedback asked from someone else, and what came back."""

    TABLE: ClassVar[str] = "feedback"
    from_whom: str = ""
    goal_id: int | None = None
    question: str = ""
    asked_on: date | None = None
    wanted_by: date | None = None
    answer: str = ""
    answered_on: date | None = None


class ProgressEntry(Record):
    """A measured value of a goal's metric on a day."""

    TABLE: ClassVar[str] = "progress"
    goal_id: int = 0
    on: date | None = None
    value: float = 0.0
    note: str = ""


class GoalChange(Record):
    """An adjustment of a goal, with the reason kept."""

    TABLE: ClassVar[str] = "goal_changes"
    goal_id: int = 0
    on: date | None = None
    field: str = ""
    before: str = ""
    after: str = ""
    reason: str = ""


class Period(Record):
    """A period of the plan, such as a year.

    The current period has no ``ended`` date and no ``archive``. An earlier
    period keeps the whole plan as it was when the next one started, as JSON
    text of its tables (see :mod:`pop_tui.core.periods`), so it stays readable
    exactly as it was.
    """

    TABLE: ClassVar[str] = "periods"
    name: str = ""
    started: date | None = None
    ended: date | None = None
    archive: str = ""


class ConflictSide(Value):
    """What one device holds for a field in conflict: its value, or that it deleted the record."""

    device: str = ""
    # When that device saved the plan that holds this value (ISO date and time).
    at: str = ""
    # The field's value as JSON text (a date as "2026-12-07" in quotes); "" when deleted.
    value: str = ""
    deleted: bool = False


class Conflict(Record):
    """Two devices changed one field of a record differently, or one deleted what the other changed.

    Made by the merge of two plans (:mod:`pop_tui.core.merge`) and kept in the
    plan until the person chooses. The record itself stays usable meanwhile: it
    holds one of the values (``shown``, an index into ``sides``). ``field`` is
    empty when one side deleted the record and the other changed it; the record
    is then kept until the person decides.
    """

    TABLE: ClassVar[str] = "conflicts"
    table: str = ""
    record_id: int = 0
    # The record's stable key (see :mod:`pop_tui.core.keys`): the id is the short number,
    # which a later merge may change; the key never does.
    record_key: str = ""
    field: str = ""
    sides: tuple[ConflictSide, ...] = ()
    shown: int = 0


RECORD_TYPES: tuple[type[Record], ...] = (
    Profile,
    SwotItem,
    Trend,
    Goal,
    EmployerGoal,
    Action,
    Step,
    Review,
    CheckIn,
    Reflection,
    Feedback,
    ProgressEntry,
    GoalChange,
    Period,
    Conflict,
)
TABLES: dict[str, type[Record]] = {cls.TABLE: cls for cls in RECORD_TYPES}
PROFILE_ID = 1
# The field of a stored record's line that holds its stable key (not a field of the model).
STORED_KEY = "key"

R = TypeVar("R", bound=Record)


class Plan:
    """A whole POP: one dict of records per table, keyed by id."""

    def __init__(self, tables: dict[str, dict[int, Record]] | None = None) -> None:
        self.tables: dict[str, dict[int, Record]] = (
            tables if tables is not None else {name: {} for name in TABLES}
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Plan) and self.tables == other.tables

    __hash__ = None  # type: ignore[assignment]  # a plan changes: it has no hash

    def __repr__(self) -> str:
        return f"Plan(tables={self.tables!r})"

    def table(self, cls: type[R]) -> dict[int, R]:
        """The records of one type, keyed by id."""
        return typing.cast(dict[int, R], self.tables[cls.TABLE])

    @property
    def profile(self) -> Profile:
        found = self.tables[Profile.TABLE].get(PROFILE_ID)
        return found if isinstance(found, Profile) else Profile(id=PROFILE_ID)

    @property
    def goals(self) -> dict[int, Goal]:
        return self.table(Goal)

    @property
    def steps(self) -> dict[int, Step]:
        return self.table(Step)

    @property
    def actions(self) -> dict[int, Action]:
        return self.table(Action)

    @property
    def reviews(self) -> dict[int, Review]:
        return self.table(Review)

    @property
    def swot(self) -> dict[int, SwotItem]:
        return self.table(SwotItem)

    @property
    def employer_goals(self) -> dict[int, EmployerGoal]:
        return self.table(EmployerGoal)

    @property
    def checkins(self) -> dict[int, CheckIn]:
        return self.table(CheckIn)

    def get(self, table: str, id: int) -> Record | None:
        return self.tables[table].get(id)

    def put(self, record: Record) -> None:
        self.tables[record.TABLE][record.id] = record

    def remove(self, table: str, id: int) -> None:
        self.tables[table].pop(id, None)

    def is_empty(self) -> bool:
        """True for a plan without a single record: the first start."""
        return not any(self.tables.values())

    def to_dict(self) -> dict[str, dict[str, dict[str, Any]]]:
        """The plan as JSON-able tables: ``{table: {"id": record-dict}}``."""
        return {
            name: {str(id): rec.to_dict() for id, rec in sorted(records.items())}
            for name, records in self.tables.items()
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, stored: bool = False) -> Plan:
        """Build a plan from JSON-able tables; tables this version does not know are ignored.

        ``stored``: the tables are exactly as this version of pop wrote them
        (see :meth:`Record.stored_table`), which makes reading a large plan
        several times faster.
        """
        plan = cls()
        for name, record_type in TABLES.items():
            raw = data.get(name, {})
            if not isinstance(raw, dict):
                raise ModelError(f"table {name!r}: expected an object")
            make = record_type.stored_table if stored else record_type.loaded_table
            plan.tables[name] = make(raw)
        return plan


# --- conversion between records and JSON-able values -------------------------

_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _dump(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_dump(v) for v in value]
    if isinstance(value, Value):
        state = value.__dict__
        return {name: _dump(state[name]) for name in value._field_names}
    return value


Loader = typing.Callable[[Any], Any]
_LOADERS: dict[type, dict[str, Loader]] = {}


def _loaders(cls: type) -> dict[str, Loader]:
    """One checking converter per field of ``cls`` (except ``id``), made once per class.

    Reading a plan converts thousands of records; working out each field's type
    for every record would dominate the start of every command.
    """
    if cls not in _LOADERS:
        hints = _hints(cls)
        names = typing.cast(type[Value], cls)._field_names
        _LOADERS[cls] = {name: _loader(hints[name]) for name in names if name != "id"}
    return _LOADERS[cls]


_STORED: dict[type, tuple[frozenset[str], tuple[tuple[str, Loader], ...]]] = {}


def _stored_form(cls: type) -> tuple[frozenset[str], tuple[tuple[str, Loader], ...]]:
    """The stored field names of ``cls`` and a converter for each field whose
    value JSON cannot hold as it is (dates, tuples, nested values; floats written
    as whole numbers).

    Worked out from the annotations' text: evaluating them (``get_type_hints``)
    would cost every command's start more than reading a small plan.
    """
    if cls not in _STORED:
        names = [n for n in typing.cast(type[Value], cls)._field_names if n != "id"]
        written: dict[str, str] = {}
        for base in reversed(cls.__mro__):
            written.update(base.__dict__.get("__annotations__", {}))  # noqa: RUF063  (inspect costs an import)
        converters: list[tuple[str, Loader]] = []
        for name in names:
            convert = _stored_converter(cls, name, str(written.get(name, "")))
            if convert is not None:
                converters.append((name, convert))
        # ``key`` is written in each record's line by the store (the record's
        # identity across devices, see pop_tui.core.keys); the model does not hold it.
        _STORED[cls] = (frozenset([*names, STORED_KEY]), tuple(converters))
    return _STORED[cls]


def scannable_date_fields(cls: type[Record]) -> frozenset[str]:
    """The date fields of ``cls`` that no value nested in it (at any depth) has a
    field of the same name: in a record's line as pop writes it, ``"name": `` is
    surely that field. (:mod:`pop_tui.store.plan_reader` reads such fields without
    decoding the line.)"""
    if cls not in _SCANNABLE:
        converters = _stored_form(cls)[1]
        dates = {name for name, convert in converters if convert == date.fromisoformat}
        nested = {name for value in _nested_values(cls) for name in value._field_names}
        _SCANNABLE[cls] = frozenset(dates - nested)
    return _SCANNABLE[cls]


def _nested_values(cls: type, found: set[type[Value]] | None = None) -> set[type[Value]]:
    """The value classes that fields of ``cls`` hold (alone or in a tuple, optional or
    not), and those they hold in turn."""
    found = set() if found is None else found
    for base in cls.__mro__:
        for hint in base.__dict__.get("__annotations__", {}).values():  # noqa: RUF063  (inspect costs an import)
            inner = _value_in(str(hint))
            if inner is not None and inner not in found:
                found.add(inner)
                _nested_values(inner, found)
    return found


def _value_in(annotation: str) -> type[Value] | None:
    """The value class an annotation names, alone or in a tuple, optional or not
    (``HeldReview | None``, ``tuple[HeldReview, ...]``); None for anything else."""
    name = annotation.removesuffix(" | None").removeprefix("tuple[").removesuffix(", ...]")
    found = globals().get(name)
    return found if isinstance(found, type) and issubclass(found, Value) else None


_SCANNABLE: dict[type, frozenset[str]] = {}

# Annotations whose stored JSON value is already the record's value.
_AS_STORED = frozenset({"str", "int", "bool", "Quadrant", "GoalKind", "Horizon", "GoalStatus"})


def _stored_converter(cls: type, name: str, annotation: str) -> Loader | None:
    hint = annotation.removesuffix(" | None")
    if hint in _AS_STORED:
        return None
    if hint == "date":
        return date.fromisoformat
    if hint == "float":
        return float
    if hint in ("tuple[int, ...]", "tuple[str, ...]"):
        return tuple
    nested = _value_in(hint)
    if hint.startswith("tuple[") and nested is not None:
        item_names, item_converters = _stored_form(nested)
        item_defaults = nested._field_defaults

        def values(items: list[dict[str, Any]]) -> tuple[Value, ...]:
            made = []
            for data in items:
                if type(data) is not dict or not data.keys() <= item_names:
                    raise ValueError("not a stored value")
                value = object.__new__(nested)
                state = value.__dict__
                state.update(item_defaults)
                state.update(data)
                for field, convert in item_converters:
                    if state[field] is not None:
                        state[field] = convert(state[field])
                made.append(value)
            return tuple(made)

        return values
    # Anything else is checked and converted the careful way.
    return _loaders(cls)[name]


def _type_error(expected: str, value: Any) -> TypeError:
    return TypeError(f"expected {expected}, got {type(value).__name__}")


def _loader(hint: Any) -> Loader:
    origin = get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        inner = _loader(next(a for a in get_args(hint) if a is not type(None)))
        return lambda value: None if value is None else inner(value)
    if origin is Literal:
        allowed = get_args(hint)
        choices = ", ".join(map(str, allowed))

        def literal(value: Any) -> Any:
            if value not in allowed:
                raise ValueError(f"{value!r} is not one of {choices}")
            return value

        return literal
    if origin is tuple:
        item = _loader(get_args(hint)[0])

        def sequence(value: Any) -> tuple[Any, ...]:
            if not isinstance(value, list):
                raise _type_error("a list", value)
            return tuple(item(v) for v in value)

        return sequence
    if hint is date:

        def day(value: Any) -> date:
            if not isinstance(value, str):
                raise _type_error("a date as text", value)
            return date.fromisoformat(value)

        return day
    if hint is float:

        def number(value: Any) -> float:
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise _type_error("a number", value)
            return float(value)

        return number
    if hint is int:

        def whole(value: Any) -> int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise _type_error("a whole number", value)
            return value

        return whole
    if hint is bool:

        def flag(value: Any) -> bool:
            if not isinstance(value, bool):
                raise _type_error("true or false", value)
            return value

        return flag
    if hint is str:

        def text(value: Any) -> str:
            if not isinstance(value, str):
                raise _type_error("text", value)
            return value

        return text
    if isinstance(hint, type) and issubclass(hint, Value):
        record = hint
        fields = {name: _loader(_hints(record)[name]) for name in record._field_names}

        def nested(value: Any) -> Any:
            if not isinstance(value, dict):
                raise _type_error("an object", value)
            return record(**{k: fields[k](v) for k, v in value.items() if k in fields})

        return nested
    raise TypeError(f"cannot read a value of type {hint!r}")
