"""Reading a plan that pop wrote itself: the checksum, and the quick way of making records.

A file whose checksum matches is read without checking every field again
(``Plan.from_dict(..., stored=True)``); anything else is read the careful way.
Both must give the same plan, and a file changed by hand must never be
trusted.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import ClassVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pop_tui.cli.agenda import read_agenda, view_of
from pop_tui.cli.listing import LISTERS
from pop_tui.cli.listing import TABLES_READ as LISTING_TABLES
from pop_tui.cli.terminal import Paint
from pop_tui.core import model
from pop_tui.core.demo import populate_demo
from pop_tui.core.edit import Edit
from pop_tui.core.model import (
    RECORD_TYPES,
    CheckIn,
    Feedback,
    Goal,
    HeldReview,
    Plan,
    Record,
    Review,
    Step,
    scannable_date_fields,
)
from pop_tui.store.plan_file import (
    CHECKSUM,
    META,
    META_ID,
    DamagedPlanError,
    file_checksum,
    serialize,
    table_spans,
    written_by_pop,
)
from pop_tui.store.plan_reader import PlanReader, Where, read_plan
from pop_tui.store.plan_store import PlanStore, write_new_plan
from pop_tui.store.storage import AtomicJSONStorage
from tests.conftest import NOW, TODAY
from tests.plan_strategies import plans

_META = {"app": "pop-tui", "schema": 1, "revision": 1}


def demo_plan() -> Plan:
    plan = Plan()
    populate_demo(Edit(plan), TODAY, "en")
    return plan


def stored_tables(plan: Plan) -> dict[str, dict[str, object]]:
    """The tables as the file holds them: JSON-able dicts, read back from the bytes."""
    meta = {META_ID: {"app": "pop-tui", "schema": 1, "revision": 1}}
    loaded: dict[str, dict[str, object]] = json.loads(serialize({META: meta, **plan.to_dict()}))
    return loaded


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_the_quick_way_gives_the_same_plan_as_the_careful_way(plan: Plan) -> None:
    tables = stored_tables(plan)
    quick = Plan.from_dict(tables, stored=True)
    careful = Plan.from_dict(tables)
    assert quick == careful == plan
    # Equal is not enough: 3 == 3.0, and a list is not a tuple.
    for name, records in careful.tables.items():
        for id, record in records.items():
            assert repr(quick.tables[name][id]) == repr(record)


def test_every_field_of_every_record_has_a_quick_conversion(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A field type the quick way does not know falls back to the careful loaders,
    # which is correct but slow; a new field type must be taught to _stored_form.
    def no_careful_loaders(cls: type) -> dict[str, object]:
        raise AssertionError(f"{cls.__name__} has a field the quick way does not know")

    monkeypatch.setattr(model, "_STORED", {})
    monkeypatch.setattr(model, "_loaders", no_careful_loaders)
    for cls in RECORD_TYPES:
        model._stored_form(cls)
    Plan.from_dict(stored_tables(demo_plan()), stored=True)


def test_a_file_pop_wrote_carries_the_checksum_of_its_tables(tmp_path: Path) -> None:
    store = write_new_plan(tmp_path / "plan.json", demo_plan())
    found = AtomicJSONStorage(store.path).read_checked()
    assert found is not None
    tables, trusted = found
    assert trusted
    assert isinstance(tables[META][META_ID][CHECKSUM], int)
    store.apply("add", lambda e: e.add(Goal, title="Another goal"))
    found = AtomicJSONStorage(store.path).read_checked()
    assert found is not None and found[1]


def _edit_line(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_file_changed_by_hand_is_read_the_careful_way(tmp_path: Path) -> None:
    store = write_new_plan(tmp_path / "plan.json", demo_plan())
    goal = store.plan.goals[1]
    _edit_line(store.path, json.dumps(goal.title), json.dumps("Renamed by hand"))
    found = AtomicJSONStorage(store.path).read_checked()
    assert found is not None and not found[1]
    assert PlanStore.open(store.path).plan.goals[1].title == "Renamed by hand"


def test_a_wrong_value_typed_by_hand_is_refused_not_trusted(tmp_path: Path) -> None:
    store = write_new_plan(tmp_path / "plan.json", demo_plan())
    step = next(s for s in store.plan.steps.values() if s.due is not None)
    assert step.due is not None
    _edit_line(store.path, f'"due": "{step.due.isoformat()}"', '"due": 5')
    with pytest.raises(DamagedPlanError, match="damaged"):
        PlanStore.open(store.path)


def test_a_record_with_fields_of_a_newer_pop_is_read_field_by_field(tmp_path: Path) -> None:
    # A newer pop of the same schema may add a field; this version ignores it
    # (and keeps the line as it was), trusted file or not.
    store = write_new_plan(tmp_path / "plan.json", demo_plan())
    tables = json.loads(store.path.read_text())
    tables["steps"]["1"]["colour"] = "blue"
    del tables[META][META_ID][CHECKSUM]
    store.path.write_bytes(serialize(tables))
    found = AtomicJSONStorage(store.path).read_checked()
    assert found is not None and found[1]
    step = PlanStore.open(store.path).plan.steps[1]
    assert isinstance(step, Step) and not hasattr(step, "colour")


def test_held_reviews_and_tuples_come_back_as_values(tmp_path: Path) -> None:
    plan = demo_plan()
    Edit(plan).add(Review, title="Monthly", held=(HeldReview(on=TODAY, notes="went well"),))
    store = write_new_plan(tmp_path / "plan.json", plan)
    plan = PlanStore.open(store.path, now=lambda: NOW).plan
    held = [r for r in plan.table(Review).values() if r.held]
    assert held
    assert held[0].held == (HeldReview(on=TODAY, notes="went well"),)
    assert all(isinstance(r.held, tuple) for r in held)
    assert all(type(h).__name__ == "HeldReview" for r in held for h in r.held)
    assert all(isinstance(g.swot_ids, tuple) for g in plan.goals.values())


# --- reading only some tables (the shell commands that only read) -----------------


def _copy_with(plan: Plan, path: Path) -> Path:
    write_new_plan(path, plan)
    return path


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_reading_some_tables_gives_those_tables_whole_and_the_rest_empty(plan: Plan) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = _copy_with(plan, Path(folder) / "plan.json")
        wanted = (Goal, Step, Review)
        some = read_plan(path, wanted)
        full = PlanStore.open(path).plan
        for cls in RECORD_TYPES:
            expected = full.table(cls) if cls in wanted else {}
            assert some.table(cls) == expected, cls.TABLE


def test_a_file_changed_by_hand_is_read_whole_for_some_tables_too(tmp_path: Path) -> None:
    path = _copy_with(demo_plan(), tmp_path / "plan.json")
    goal = PlanStore.open(path).plan.goals[1]
    _edit_line(path, json.dumps(goal.title), json.dumps("Renamed by hand"))
    assert read_plan(path, (Goal,)).goals[1].title == "Renamed by hand"
    _edit_line(path, '"Renamed by hand"', "5")
    with pytest.raises(DamagedPlanError):
        read_plan(path, (Goal,))


def test_reading_some_tables_of_a_damaged_or_missing_file(tmp_path: Path) -> None:
    assert read_plan(tmp_path / "none.json", (Goal,)).is_empty()
    path = _copy_with(demo_plan(), tmp_path / "plan.json")
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) // 2])
    with pytest.raises(DamagedPlanError, match="truncated"):
        read_plan(path, (Goal,))


DAYS = st.dates(min_value=TODAY - timedelta(days=400), max_value=TODAY + timedelta(days=400))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), DAYS, st.sampled_from([0, 1, 7, 14, 400]), st.booleans())
def test_the_agenda_read_in_part_is_the_agenda_of_the_whole_plan(
    plan: Plan, today: date, days: int, by_hand: bool
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = _copy_with(plan, Path(folder) / "plan.json")
        if by_hand:  # the careful way: the checksum no longer matches
            path.write_bytes(path.read_bytes().replace(b'\n "goals"', b'\n\n "goals"'))
        full = PlanStore.open(path).plan
        assert read_agenda(path, today, days).as_tuple() == view_of(full, today, days).as_tuple()
        # Again, from the index the first read wrote.
        assert read_agenda(path, today, days).as_tuple() == view_of(full, today, days).as_tuple()


# --- the reader: records picked by a date, without decoding the rest -----------------

WHERES = {
    Step: ["done_on", "due"],
    Feedback: ["answered_on", "wanted_by", "asked_on"],
    Review: ["next_on", "start"],
    CheckIn: ["on"],
    Goal: ["deadline", "created"],
}


def _passes(record: Record, tests: list[Where]) -> bool:
    for test in tests:
        value = getattr(record, test.field)
        if test.last is None and value is not None:
            return False
        if test.last is not None and (value is None or value > test.last):
            return False
    return True


@st.composite
def wheres(draw: st.DrawFn) -> tuple[type[Record], list[Where]]:
    cls = draw(st.sampled_from(list(WHERES)))
    fields = draw(st.lists(st.sampled_from(WHERES[cls]), max_size=3))
    tests = [
        Where.empty(field) if draw(st.booleans()) else Where.by(field, draw(DAYS))
        for field in fields
    ]
    return cls, tests


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), wheres(), st.booleans())
def test_the_reader_gives_what_the_whole_plan_holds(
    plan: Plan, where: tuple[type[Record], list[Where]], by_hand: bool
) -> None:
    cls, tests = where
    with tempfile.TemporaryDirectory() as folder:
        path = _copy_with(plan, Path(folder) / "plan.json")
        if by_hand:
            path.write_bytes(path.read_bytes().replace(b'\n "goals"', b'\n\n "goals"'))
        full = PlanStore.open(path).plan.table(cls)
        reader = PlanReader.open(path)
        picked = reader.where(cls, *tests)
        assert picked == {id: r for id, r in full.items() if _passes(r, tests)}
        assert all(repr(r) == repr(full[id]) for id, r in picked.items())
        for field in WHERES[cls]:
            values = [getattr(r, field) for r in full.values()]
            assert reader.days(cls, field) == {day for day in values if day is not None}
            for last in [*(t.last for t in tests if t.last is not None), *values[:3]]:
                if last is None:
                    continue
                dated = [(getattr(r, field), id) for id, r in full.items()]
                latest = max(
                    ((d, id) for d, id in dated if d is not None and d <= last), default=None
                )
                found = reader.latest(cls, field, last)
                assert found == (None if latest is None else full[latest[1]])
        assert reader.count(cls) == len(full)
        assert reader.table(cls) == full


def test_a_date_on_the_last_day_passes_and_one_a_day_later_does_not(tmp_path: Path) -> None:
    path = _copy_with(demo_plan(), tmp_path / "plan.json")
    reader = PlanReader.open(path)
    steps = PlanStore.open(path).plan.steps
    dated = [s for s in steps.values() if s.due is not None]
    assert dated
    for step in dated:
        assert step.due is not None
        assert step.id in reader.where(Step, Where.by("due", step.due))
        assert step.id not in reader.where(Step, Where.by("due", step.due - timedelta(days=1)))


def test_the_latest_check_in_is_the_later_of_two_on_its_day_and_not_one_after(
    tmp_path: Path,
) -> None:
    plan = Plan()
    edit = Edit(plan)
    for on in (TODAY - timedelta(days=1), TODAY, TODAY, TODAY + timedelta(days=1)):
        edit.add(CheckIn, on=on, note=f"on {on}")
    edit.add(CheckIn, on=None, note="no day")
    reader = PlanReader.open(_copy_with(plan, tmp_path / "plan.json"))
    assert reader.latest(CheckIn, "on", TODAY) == plan.checkins[3]
    assert reader.latest(CheckIn, "on", TODAY - timedelta(days=1)) == plan.checkins[1]
    assert reader.latest(CheckIn, "on", TODAY - timedelta(days=2)) is None
    assert reader.days(CheckIn, "on") == {TODAY + timedelta(days=d) for d in (-1, 0, 1)}


def test_text_that_looks_like_a_field_does_not_fool_the_reader(tmp_path: Path) -> None:
    plan = Plan()
    edit = Edit(plan)
    goal = edit.add(Goal, title='x", "done_on": null, "due": "2000-01-01')
    edit.add(Step, goal_id=goal.id, title='"done_on": null, "due": "2000-01-01"', done_on=TODAY)
    edit.add(Step, goal_id=goal.id, title="open", due=TODAY + timedelta(days=30))
    edit.add(CheckIn, on=TODAY - timedelta(days=9), note='", "on": "2026-11-29", "x": "')
    path = _copy_with(plan, tmp_path / "plan.json")
    reader = PlanReader.open(path)
    assert reader.where(Step, Where.empty("done_on"), Where.by("due", TODAY)) == {}
    assert reader.days(CheckIn, "on") == {TODAY - timedelta(days=9)}
    assert reader.latest(CheckIn, "on", TODAY) == plan.checkins[1]


def test_a_record_without_the_field_is_read_with_its_default(tmp_path: Path) -> None:
    # A file an older pop wrote (its checksum matches) may lack a field added since.
    plan = Plan()
    edit = Edit(plan)
    goal = edit.add(Goal, title="g")
    edit.add(Step, goal_id=goal.id, title="no dates")
    edit.add(CheckIn, on=TODAY, note="n")
    tables = json.loads(serialize({META: {META_ID: _META}, **plan.to_dict()}))
    del tables["steps"]["1"]["done_on"], tables["steps"]["1"]["due"], tables["checkins"]["1"]["on"]
    path = tmp_path / "plan.json"
    path.write_bytes(serialize(tables))
    reader = PlanReader.open(path)
    assert table_spans(path.read_bytes()) is not None  # read the quick way
    assert list(reader.where(Step, Where.empty("done_on"), Where.empty("due"))) == [1]
    assert reader.where(Step, Where.by("due", TODAY)) == {}
    assert reader.days(CheckIn, "on") == set()
    assert reader.latest(CheckIn, "on", TODAY) is None


def _signed_again(raw: bytes) -> bytes:
    """``raw`` with the checksum that makes it pass as written by pop."""
    start = raw.index(b'\n "_meta": {\n') + len(b'\n "_meta": {\n')
    end = raw.index(b"\n", start)
    meta = json.loads(b"{" + raw[start:end] + b"}")[META_ID]
    meta[CHECKSUM] = file_checksum(raw)
    return raw[:start] + f'  "{META_ID}": {json.dumps(meta)}'.encode() + raw[end:]


def _overdue_plan() -> Plan:
    plan = Plan()
    edit = Edit(plan)
    goal = edit.add(Goal, title="g")
    edit.add(Step, goal_id=goal.id, title="overdue", due=TODAY - timedelta(days=2))
    edit.add(Step, goal_id=goal.id, title="done", due=TODAY - timedelta(days=3), done_on=TODAY)
    edit.add(CheckIn, on=TODAY - timedelta(days=1), note="yesterday")
    edit.add(CheckIn, on=TODAY - timedelta(days=2), note="the day before")
    return plan


def _agendas_agree(path: Path) -> None:
    whole = PlanStore.open(path).plan
    for days in (0, 7):
        assert read_agenda(path, TODAY, days).as_tuple() == view_of(whole, TODAY, days).as_tuple()


def test_a_field_of_a_newer_pop_nesting_the_same_name_does_not_fool_the_reader(
    tmp_path: Path,
) -> None:
    # A newer pop may add fields, which this one keeps as they are; one holding a
    # value with a "done_on" or "on" of its own must not be read as the record's.
    path = _copy_with(_overdue_plan(), tmp_path / "plan.json")
    tables = json.loads(path.read_bytes())
    tables["steps"]["1"]["checklist"] = [{"done_on": "2026-11-01", "title": "part"}]
    tables["checkins"]["1"]["alarms"] = [{"on": TODAY.isoformat()}]
    path.write_bytes(serialize(tables))
    assert AtomicJSONStorage(path).read_checked() is not None
    report = read_agenda(path, TODAY, 7)
    assert [item.title for item in report.overdue] == ["overdue"]
    assert not report.checked_in_today and report.streak == 2
    _agendas_agree(path)
    # And with a step of an older pop that lacks the field: the count of keys is
    # right again, but not line by line.
    del tables["steps"]["2"]["done_on"]
    path.write_bytes(serialize(tables))
    report = read_agenda(path, TODAY, 7)
    assert [item.title for item in report.overdue] == ["done", "overdue"]
    _agendas_agree(path)


@pytest.mark.parametrize(
    ("name", "change"),
    [
        ("indented records", lambda raw: raw.replace(b'\n  "', b'\n   "')),
        ("a record over lines", lambda raw: raw.replace(b'"due": "', b'"due":\n "')),
        (
            "a date with an escape",
            lambda raw: raw.replace(b'"on": "2026-11-28"', b'"on": "2026\\u002d11-28"'),
        ),
        (
            "a space before a colon",
            lambda raw: raw.replace(b'"on": "2026-11-28"', b'"on" : "2026-11-28"'),
        ),
        (
            "a key twice",
            lambda raw: raw.replace(
                b'"on": "2026-11-28"', b'"on": "2026-11-20", "on": "2026-11-28"'
            ),
        ),
        ("tables pretty-printed", lambda raw: _pretty_after_meta(raw)),
    ],
)
def test_a_file_with_a_right_checksum_but_another_layout_is_read_the_careful_way(
    tmp_path: Path, name: str, change: Callable[[bytes], bytes]
) -> None:
    # A checksum recomputed by hand (or by chance): answers still right, no traceback.
    path = _copy_with(_overdue_plan(), tmp_path / "plan.json")
    raw = _signed_again(change(path.read_bytes()))
    assert raw != path.read_bytes(), name
    path.write_bytes(raw)
    _agendas_agree(path)
    whole, some = PlanStore.open(path).plan, read_plan(path, (Step, CheckIn))
    assert (some.steps, some.checkins) == (whole.steps, whole.checkins)


def _pretty_after_meta(raw: bytes) -> bytes:
    tables = json.loads(raw)
    start = raw.index(b'\n "_meta": {\n')
    end = raw.index(b"\n },\n", start) + len(b"\n },\n")
    rest = {name: table for name, table in tables.items() if name > META}
    return raw[:end] + json.dumps(rest, indent=1, sort_keys=True).encode()[1:].lstrip(b"\n")


def test_a_change_anywhere_but_the_checksum_line_is_noticed(tmp_path: Path) -> None:
    path = _copy_with(_overdue_plan(), tmp_path / "plan.json")
    raw = path.read_bytes()
    meta = json.loads(raw)[META][META_ID]
    assert written_by_pop(raw, meta)
    # Before the _meta record (the first table, "_" sorting before letters) as well as after it.
    before = raw.replace(b'{\n "_meta": {\n', b'{ \n "_meta": {\n')
    assert before != raw and not written_by_pop(before, meta)
    assert not written_by_pop(raw.replace(b'"overdue"', b'"Overdue"'), meta)
    assert not written_by_pop(raw, {**meta, CHECKSUM: meta[CHECKSUM] + 1})


def test_only_a_date_field_no_nested_value_shares_can_be_picked_by() -> None:
    assert scannable_date_fields(Review) == {"start", "next_on"}  # not HeldReview's "on"

    class Meeting(Record):  # a nested value alone and optional hides its names as well
        TABLE: ClassVar[str] = "meetings"
        on: date | None = None
        held: date | None = None
        last: HeldReview | None = None

    assert scannable_date_fields(Meeting) == {"held"}
    assert "title" not in scannable_date_fields(Step)
    with pytest.raises(ValueError, match="title"):
        PlanReader(Path("plan.json"), None).where(Step, Where.empty("title"))


def test_a_file_not_laid_out_as_pop_writes_it_has_no_table_spans() -> None:
    assert table_spans(b'{"_meta": {"1": {}}, "steps": {}}') is None
    assert table_spans(b'{\n "steps": {\n  "1": {}\n') is None
    raw = b'{\n "a": {},\n "b": {\n  "1": {"x": 1}\n }\n}\n'
    spans = table_spans(raw)
    assert spans is not None
    assert {name: raw[start:end] for name, (start, end) in spans.items()} == {
        "a": b"{}",
        "b": b'{\n  "1": {"x": 1}\n }',
    }


@pytest.mark.parametrize("what", ["goals", "steps", "reviews"])
def test_each_listing_from_its_tables_is_the_listing_of_the_whole_plan(
    tmp_path: Path, what: str
) -> None:
    path = _copy_with(demo_plan(), tmp_path / "plan.json")
    full = PlanStore.open(path).plan
    some = read_plan(path, LISTING_TABLES[what])
    for every in (False, True):
        assert LISTERS[what](some, TODAY, every, Paint(False)) == LISTERS[what](
            full, TODAY, every, Paint(False)
        )
