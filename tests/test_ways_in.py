"""One set of rules for every way into a plan: the shell, the forms, ``pop import``, any Edit.

Also what the shell hands over that is no text (bytes that are not UTF-8),
dates no export could write (9999-12-31) and negative date offsets
(``--due -1d``). The shell is run for real where it matters: a subprocess with
bytes in its argv.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import icalendar
import pytest

from pop_tui.cli.parser import DATE_OPTIONS, Parser, negative_dates_joined
from pop_tui.core.edit import Edit
from pop_tui.core.export import FORMATS, ExportSource, export
from pop_tui.core.export.json_doc import DocumentError, export_document, read_document
from pop_tui.core.model import CheckIn, Goal, HeldReview, Plan, ProgressEntry, Review, Step
from pop_tui.core.rules import RuleError, plan_problems, record_problems
from pop_tui.core.texts import set_language
from pop_tui.store.plan_store import PlanStore
from tests.conftest import TODAY
from tests.pop_shell import pop

# --- the rules, in the core -------------------------------------------------------------------


def test_an_edit_refuses_what_the_forms_and_the_shell_refuse() -> None:
    plan = Plan()
    edit = Edit(plan)
    goal = edit.add(Goal, title="Learn")
    for cls, values, field in [
        (Goal, {"title": "x" * 1_000_000}, "title"),
        (Goal, {"title": "   "}, "title"),
        (Step, {"goal_id": goal.id, "title": ""}, "title"),
        (Step, {"goal_id": goal.id, "title": "A\udcffB"}, "title"),
        (CheckIn, {"on": TODAY, "mood": 99}, "mood"),
        (CheckIn, {"on": TODAY, "note": "n" * 10_001}, "note"),
        (Step, {"goal_id": goal.id, "title": "far", "due": date.max}, "due"),
        (Goal, {"title": "old", "deadline": date(1899, 12, 31)}, "deadline"),
        (ProgressEntry, {"goal_id": goal.id, "value": 1e300}, "value"),
        (Review, {"title": "r", "held": (HeldReview(date(9999, 12, 31)),)}, "held"),
    ]:
        with pytest.raises(RuleError) as caught:
            edit.add(cls, **values)
        [problem] = caught.value.problems
        assert (problem.table, problem.field) == (cls.TABLE, field)
        message = str(caught.value)
        assert f"table {cls.TABLE}, record " in message and f"field {field}" in message
        assert "Nothing was saved" in message
    assert list(plan.goals) == [goal.id] and not plan.steps and not plan.checkins


def test_only_what_a_change_touches_is_checked() -> None:
    # A record kept from before a rule existed can still be changed in its other fields.
    old = Step(7, goal_id=1, title="t" * 500)
    plan = Plan()
    plan.put(Goal(1, title="Learn"))
    plan.put(old)
    edit = Edit(plan)
    edit.update(old, done_on=TODAY)
    assert plan.steps[7].done_on == TODAY
    with pytest.raises(RuleError):
        edit.update(plan.steps[7], title="u" * 500)


def test_the_rules_are_one_core_function_of_a_plan() -> None:
    plan = Plan()
    plan.put(Goal(1, title=""))
    plan.put(CheckIn(1, on=TODAY, mood=0))
    found = {(p.table, p.id, p.field) for p in plan_problems(plan)}
    assert found == {("goals", 1, "title"), ("checkins", 1, "mood")}
    assert record_problems(Goal(2, title="fine")) == []


def test_the_messages_are_dutch_in_dutch() -> None:
    set_language("nl")
    with pytest.raises(RuleError) as caught:
        Edit(Plan()).add(Goal, title="")
    assert "tabel goals, record 1, veld title" in str(caught.value)
    assert "Er is niets opgeslagen" in str(caught.value)


# --- pop import -------------------------------------------------------------------------------


def exported(store: PlanStore) -> dict[str, Any]:
    return export_document(store.plan, store.plan_uid, TODAY)


@pytest.fixture
def small_store(plan_path: Path) -> PlanStore:
    store = PlanStore.open(plan_path)

    def fill(edit: Edit) -> None:
        goal = edit.add(Goal, title="Learn")
        edit.add(Step, goal_id=goal.id, title="Read")
        edit.add(CheckIn, on=TODAY, note="ok", mood=3)

    store.apply("fill", fill)
    return store


@pytest.mark.parametrize(
    ("table", "id", "field", "value", "said"),
    [
        ("goals", "1", "title", "x" * 1_000_000, "Too long: 1000000 characters, and 200 fit"),
        ("checkins", "1", "mood", 99, "A mood is a whole number from 1 to 5, not 99"),
        ("steps", "1", "title", "", "This cannot be empty"),
        ("steps", "1", "due", "9999-12-31", "9999-12-31 is too far away"),
        ("goals", "1", "target", 1e300, "1e+300 is too large for a measure"),
    ],
    ids=["megabyte-title", "mood-99", "step-without-title", "date-9999", "huge-target"],
)
def test_import_refuses_what_the_shell_refuses_naming_record_and_field(
    small_store: PlanStore,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    table: str,
    id: str,
    field: str,
    value: object,
    said: str,
) -> None:
    doc = exported(small_store)
    doc["tables"][table][id][field] = value
    file = tmp_path / "in.json"
    file.write_text(json.dumps(doc))
    before = small_store.path.read_bytes()
    for merge in ([], ["--merge"]):
        ran = pop(capsys, "--db", small_store.path, "import", file, *merge)
        assert ran.code == 1
        assert f"table {table}, record {id}, field {field}: {said}" in ran.err
        assert "Traceback" not in ran.err
    assert small_store.path.read_bytes() == before


def test_a_step_without_a_title_is_refused_as_the_forms_refuse_it(small_store: PlanStore) -> None:
    doc = exported(small_store)
    del doc["tables"]["steps"]["1"]["title"]
    with pytest.raises(DocumentError, match="table steps, record 1, field title"):
        read_document(json.dumps(doc))


def test_a_deeply_nested_file_is_refused_not_a_traceback(
    small_store: PlanStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = '{"format": "pop-tui plan", "schema": 1, "tables": ' + "[" * 100_000 + "]" * 100_000
    for text in (deep + "}", '{"format": "pop-tui plan", "schema": 1, "x": ' + "{" * 50_000):
        file = tmp_path / "deep.json"
        file.write_text(text)
        before = small_store.path.read_bytes()
        ran = pop(capsys, "--db", small_store.path, "import", file)
        assert ran.code == 1 and "Traceback" not in ran.err
        assert small_store.path.read_bytes() == before
    file.write_text(deep + "}")
    assert "nested too deeply" in pop(capsys, "--db", small_store.path, "import", file).err


def test_a_deeply_nested_archive_is_refused(small_store: PlanStore) -> None:
    doc = exported(small_store)
    doc["tables"]["periods"] = {"1": {"name": "2025", "archive": "[" * 100_000 + "]" * 100_000}}
    with pytest.raises(DocumentError, match="nested too deeply"):
        read_document(json.dumps(doc))


def test_a_deeply_nested_plan_file_is_damaged_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.json"
    plan.write_text('{"_meta": ' + "[" * 100_000 + "]" * 100_000 + "}")
    ran = pop(capsys, "--db", plan, "add", "goal", "x")
    assert ran.code == 1 and "nested too deeply" in ran.err and "Traceback" not in ran.err


# --- bytes that are not UTF-8, through the real command ---------------------------------------


def run_pop(*args: bytes, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "POP_TODAY": TODAY.isoformat(), "LANG": "C.UTF-8"}
    return subprocess.run(
        [sys.executable.encode(), b"-m", b"pop_tui", *args],
        capture_output=True,
        env=env,
        cwd=cwd,
        timeout=60,
    )


@pytest.mark.parametrize(
    "args",
    [
        [b"add", b"goal", b"A\xffB"],
        [b"add", b"step", b"1", b"caf\xe9"],
        [b"checkin", b"-m", b"caf\xe9", b"au", b"lait"],
        [b"add", b"review", b"--on", b"tomorrow", b"--title", b"\xff"],
        [b"done", b"\xfe"],
    ],
)
def test_a_byte_that_is_not_utf8_is_refused_and_nothing_is_written(
    tmp_path: Path, args: list[bytes]
) -> None:
    plan = tmp_path / "plan.json"
    assert run_pop(b"--db", bytes(plan), b"add", b"goal", b"Learn", cwd=tmp_path).returncode == 0
    before = plan.read_bytes()
    done = run_pop(b"--db", bytes(plan), *args, cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    err = done.stderr.decode()
    assert "not UTF-8" in err and "nothing was written" in err and "Traceback" not in err
    assert "\\x" in err  # the byte is shown, not hidden
    assert plan.read_bytes() == before


def test_a_file_name_that_is_not_utf8_still_names_its_file(tmp_path: Path) -> None:
    plan = bytes(tmp_path) + b"/pl\xe4n.json"
    done = run_pop(b"--db", plan, b"add", b"goal", b"Learn", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert os.path.exists(plan)


# --- dates every export can write -------------------------------------------------------------


def test_a_date_no_export_could_write_is_refused_by_pop_add(
    plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert pop(capsys, "--db", plan_path, "add", "goal", "G").code == 0
    for option in (["--due", "9999-12-31"], ["--due", "31-12-9999"], ["--due", "1-1-1899"]):
        ran = pop(capsys, "--db", plan_path, "add", "step", "1", "far", *option)
        assert ran.code == 1 and "too far away" in ran.err and "Traceback" not in ran.err
    ran = pop(capsys, "--db", plan_path, "add", "step", "1", "far", "--due", "+1000000d")
    assert ran.code == 1 and "too far away" in ran.err
    assert not PlanStore.open(plan_path).plan.steps


@pytest.mark.parametrize("day", [date(1900, 1, 1), date(9998, 12, 31), date.max])
def test_every_export_writes_the_extreme_dates(day: date) -> None:
    """The ends of the range pop takes, and 9999-12-31 as an older plan may hold it."""
    plan = Plan()
    plan.put(Goal(1, title="G", deadline=day))
    plan.put(Step(1, goal_id=1, title="S", due=day))
    plan.put(Review(1, title="R", start=day, rule="FREQ=YEARLY", next_on=day))
    plan.put(CheckIn(1, on=day, note="n", mood=3))
    source = ExportSource("uid", 1)
    for name in FORMATS:
        text = export(name, plan, source, TODAY, "en")
        assert str(day.year) in text, name
    calendar = icalendar.Calendar.from_ical(export("ics", plan, source, TODAY, "en"))
    assert len(calendar.walk("VEVENT")) == 3


def test_the_ics_export_of_a_plan_holding_9999_12_31_works_from_the_shell(
    plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = PlanStore.open(plan_path)
    store.apply("g", lambda edit: edit.add(Goal, title="G"))
    # As a plan from before the rule holds it: put in the file, not through an Edit.
    document = json.loads(plan_path.read_text())
    document["steps"] = {"1": {"goal_id": 1, "title": "far", "due": "9999-12-31"}}
    plan_path.write_text(json.dumps(document))
    ran = pop(capsys, "--db", plan_path, "export", "--format", "ics")
    assert ran.code == 0, ran.err
    assert "DTSTART;VALUE=DATE:99991231" in ran.out


# --- negative offsets in every date option ----------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["add", "goal", "G2", "--deadline", "-1d"], "Sat 28 Nov 2026"),
        (["add", "step", "1", "S", "--due", "-2w"], "Sun 15 Nov 2026"),
        (["add", "step", "1", "S", "--due", "-3 days"], "Thu 26 Nov 2026"),
        (["add", "review", "--on", "-1m"], "Thu 29 Oct 2026"),
        (["add", "step", "1", "S", "--due=-1d"], "Sat 28 Nov 2026"),
    ],
)
def test_a_negative_offset_is_a_date_not_an_option(
    plan_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], expected: str
) -> None:
    assert pop(capsys, "--db", plan_path, "add", "goal", "G").code == 0
    ran = pop(capsys, "--db", plan_path, *args)
    assert ran.code == 0, ran.err
    assert expected in ran.out


def test_every_date_option_takes_a_negative_offset_even_a_new_one() -> None:
    assert {"--due", "--deadline", "--on"} <= DATE_OPTIONS
    parser = Parser(prog="pop")
    parser.add_argument("--since", metavar="DATE")
    parser.add_argument("--count", type=int)
    parser.add_argument("words", nargs="*")
    found = parser.parse_args(["--since", "-3d", "--count", "-2", "x"])
    assert (found.since, found.count, found.words) == ("-3d", -2, ["x"])
    # Only a date option's value is joined, and nothing after "--".
    assert negative_dates_joined(["--due", "-1d", "--", "--due", "-1d"]) == [
        "--due=-1d",
        "--",
        "--due",
        "-1d",
    ]
    assert negative_dates_joined(["--due", "--help"]) == ["--due", "--help"]


# --- the forms keep the same rules ------------------------------------------------------------


def test_the_guides_first_step_is_a_title_as_a_steps_title_is() -> None:
    from pop_tui.core.entry import TITLE_MAX, max_length

    assert max_length("step") == max_length("title") == TITLE_MAX


async def test_the_tui_says_what_rule_a_save_breaks_and_keeps_running(
    plan_path: Path, make_app: Any
) -> None:
    store = PlanStore.open(plan_path)
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        assert not app.save("add", lambda edit: edit.add(Goal, title="x" * 300))
        await pilot.pause()
        message = list(app._notifications)[-1].message
        assert app.is_running
    assert "table goals, record 1, field title: Too long: 300 characters" in message
    assert not plan_path.exists()


def test_a_review_held_at_the_end_of_the_range_ends_its_rule_instead_of_breaking_one() -> None:
    from pop_tui.core.ops import hold_review

    plan = Plan()
    plan.put(
        Review(1, title="R", start=date(9998, 1, 1), rule="FREQ=YEARLY", next_on=date(9998, 1, 1))
    )
    held = hold_review(Edit(plan), 1, date(9998, 1, 1))
    assert held.next_on is None and len(held.held) == 1
