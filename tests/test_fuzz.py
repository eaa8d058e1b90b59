"""Generated input for the parts that take text from outside: no traceback ever reaches the
user, and every refusal is a message that changes nothing.

The date and recurrence parsers are fuzzed in ``test_dates.py`` (any text gives a date, a
rule or a DateError); here: number entry, the command line, and JSON import.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from pop_tui.cli import main
from pop_tui.core.export.json_doc import DocumentError, export_document, read_document
from pop_tui.core.numbers import LARGEST, NumberError, format_number, parse_number
from pop_tui.store.plan_store import PlanStore
from tests.conftest import TODAY
from tests.hostile import hostile_plan

FUZZ = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


# --- numbers -----------------------------------------------------------------------------------


@given(st.text(max_size=40))
@settings(max_examples=400, deadline=None)
def test_any_typed_number_is_a_finite_number_nothing_or_a_message(text: str) -> None:
    try:
        value = parse_number(text)
    except NumberError as error:
        assert error.message
    else:
        assert value is None or math.isfinite(value)


@given(st.integers(min_value=17, max_value=2000))
def test_a_number_too_large_to_work_with_is_refused(digits: int) -> None:
    with pytest.raises(NumberError):
        parse_number("9" * digits)


@given(
    st.floats(min_value=-LARGEST, max_value=LARGEST, allow_nan=False),
    st.sampled_from(["en", "nl"]),
)
@settings(max_examples=400, deadline=None)
def test_a_number_reads_back_as_it_is_shown(value: float, lang: str) -> None:
    # A form shows a stored measure with format_number and reads it with parse_number.
    assert parse_number(format_number(value, lang)) == value


# --- the command line --------------------------------------------------------------------------

# Values as people type them, and anything at all.
values = st.sampled_from(
    [
        "1",
        "3",
        "5",
        "0",
        "-1",
        "99",
        "g1",
        "s2",
        "tomorrow",
        "+3d",
        "31-02",
        "eom",
        "weekly",
        "sometimes",
        "Learn Spanish",
        "2027",
        "999999999999999999999",
        "\x1b[2J",
        "[@click=app.quit]",
        "",
        "-",
    ]
) | st.text(max_size=12)
words = st.lists(values, min_size=0, max_size=3)


def option(name: str, value: st.SearchStrategy[str] = values) -> st.SearchStrategy[list[str]]:
    return st.lists(value, min_size=1, max_size=1).map(lambda v: [name, *v])


def maybe(*parts: st.SearchStrategy[list[str]]) -> st.SearchStrategy[list[str]]:
    """Some of the options, in any order (each may be left out)."""
    chosen = st.lists(st.one_of(*parts), max_size=len(parts))
    return chosen.map(lambda lists: [word for part in lists for word in part])


def command(*fixed: str) -> st.SearchStrategy[list[str]]:
    return st.just(list(fixed))


def joined(*parts: st.SearchStrategy[list[str]]) -> st.SearchStrategy[list[str]]:
    return st.tuples(*parts).map(lambda lists: [word for part in lists for word in part])


# Every command but the two that open the terminal app, with its own words and options
# (and sometimes words that belong elsewhere), so most runs get past the parser.
argvs = st.one_of(
    joined(command("agenda"), maybe(option("--days"), command("--json"), command("--brief"))),
    joined(
        command("checkin"),
        maybe(option("-m"), option("--mood"), option("--done"), option("--message")),
    ),
    joined(command("done"), words),
    command("undo"),
    command("redo"),
    joined(
        command("add", "goal"),
        words,
        maybe(option("--deadline"), option("--horizon"), option("--kind")),
    ),
    joined(command("add", "step"), words, maybe(option("--due"))),
    joined(
        command("add", "review"),
        words,
        maybe(option("--on"), option("--every"), option("--title")),
    ),
    joined(
        command("list"),
        st.lists(st.sampled_from(["goals", "steps", "reviews", "other"]), max_size=1),
        maybe(command("--all")),
    ),
    joined(
        command("export"),
        maybe(
            option("--format", st.sampled_from(["md", "html", "ics", "json", "pdf"])),
            option("-o", st.sampled_from(["out.md", "out.ics", "x/y.html"])),
            command("--force"),
            option("--period"),
        ),
    ),
    joined(command("import"), words, maybe(command("--merge"))),
    joined(command("period"), st.sampled_from([["list"], ["new"], ["other"]]), words),
    joined(command("backup"), st.sampled_from([["list"], ["restore"], []]), words),
    joined(st.sampled_from([["agenda"], ["list"], ["done"]]), maybe(option("--lang"))),
)


@pytest.fixture
def shell_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A demo plan, and the folder the commands run in (for files they write)."""
    monkeypatch.setenv("POP_TODAY", TODAY.isoformat())
    monkeypatch.chdir(tmp_path)
    assert main(["demo", "--out", str(tmp_path / "plan.json")]) == 0
    yield tmp_path


def run_pop(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return exc.code if isinstance(exc.code, int) else 2


@FUZZ
@given(argv=argvs)
# Found by this test: a NUL in a file name (no shell can pass one, main() can).
@example(argv=["import", "\x00"])
@example(argv=["--db", "\x00", "agenda"])
@example(argv=["export", "-o", "a\x00"])
def test_any_command_line_ends_in_0_1_or_2_and_a_refusal_changes_nothing(
    argv: list[str], shell_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = shell_dir / "plan.json"
    before = plan.read_bytes()
    capsys.readouterr()
    code = run_pop([*argv, "--db", str(plan)])
    out, err = capsys.readouterr()
    event(f"{argv[0]} exit {code}")
    assert code in (0, 1, 2), (argv, code, err)
    assert "Traceback" not in out + err
    if code != 0:
        assert err.strip(), argv  # a refusal always says why
        assert plan.read_bytes() == before, argv


# --- JSON import -------------------------------------------------------------------------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def paths_in(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place inside a JSON value, as a path of keys and indexes."""
    yield prefix
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from paths_in(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from paths_in(inner, (*prefix, index))


def replaced(document: Any, path: tuple[Any, ...], value: Any, delete: bool) -> Any:
    if not path:
        return value
    copy = document.copy()
    head, rest = path[0], path[1:]
    if delete and not rest and isinstance(copy, dict):
        del copy[head]
        return copy
    copy[head] = replaced(document[head], rest, value, delete)
    return copy


GOOD = export_document(hostile_plan(), "uid-1", TODAY)
GOOD_PATHS = list(paths_in(GOOD))


@st.composite
def broken_documents(draw: st.DrawFn) -> str:
    """A good export with one part replaced or removed, or its text cut or spoiled."""
    how = draw(st.sampled_from(["replace", "delete", "cut", "spoil"]))
    text = json.dumps(GOOD)
    if how in ("replace", "delete"):
        path = draw(st.sampled_from(GOOD_PATHS))
        value = draw(json_values)
        return json.dumps(replaced(GOOD, path, value, how == "delete"))
    at = draw(st.integers(min_value=0, max_value=len(text) - 1))
    if how == "cut":
        return text[:at]
    return text[:at] + draw(st.text(min_size=1, max_size=5)) + text[at:]


@FUZZ
@given(text=broken_documents())
def test_a_broken_export_is_refused_with_a_message_or_read_whole(text: str) -> None:
    try:
        document = read_document(text)
    except DocumentError as error:
        assert error.problems and all(str(p) for p in error.problems)
    else:
        # What was read is a plan that can be written and read back.
        with tempfile.TemporaryDirectory() as folder:
            store = PlanStore.open(Path(folder) / "plan.json")
            store.apply("import", lambda e: None)
            assert document.plan is not None


# The reading itself gets 300 broken documents above; this is the command around it
# (a plan written for each one that gets in), and a third as many find what it misses.
@settings(FUZZ, max_examples=100)
@given(text=broken_documents())
def test_pop_import_of_a_broken_file_changes_nothing(
    text: str, shell_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = shell_dir / "plan.json"
    before = plan.read_bytes()
    source = shell_dir / "broken.json"
    source.write_text(text, encoding="utf-8", errors="surrogatepass")
    capsys.readouterr()
    code = run_pop(["import", str(source), "--db", str(plan)])
    out, err = capsys.readouterr()
    event(f"exit {code}")
    assert code in (0, 1), (code, err)
    assert "Traceback" not in out + err
    if code == 1:
        assert "nothing was changed" in err
        assert plan.read_bytes() == before
    else:
        # Only a document that is still whole gets in; put the plan back for the next one.
        read_document(text)
        os.replace(plan, shell_dir / "imported.json")
        plan.write_bytes(before)
