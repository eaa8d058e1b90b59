"""``pop agenda``: the agenda as text, as one line for a login, and as stable JSON."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from pop_tui.cli import main
from pop_tui.cli.terminal import Paint, colour_wanted
from pop_tui.store.plan_store import PlanStore
from tests.conftest import TODAY
from tests.pop_shell import pop

DEMO_BRIEF = "3 overdue · 3 due this week · review in 5 days · 1 feedback request late"


def test_agenda_lists_overdue_and_coming_steps_with_their_numbers(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = pop(capsys, "agenda", "--db", demo_store.path)
    assert ran.code == 0
    lines = ran.out.splitlines()
    assert lines[0] == "Overdue steps"
    assert lines[1] == (
        " #13  9 d late      Module 2: pivot tables · Spreadsheet skills from basic to advanced"
    )
    assert lines[4] == "Steps due this week"
    assert lines[5].startswith("  #6  in 3 days     Find an online course")
    assert "Reviews due this week" in lines
    # Reviews carry their numbers too: the REF of `pop review hold`.
    assert "  #1  in 5 days     Monthly look at my plan · whole plan" in lines
    assert ran.err == ""


def test_agenda_shows_feedback_requests_past_their_date(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    out = pop(capsys, "agenda", "--db", demo_store.path).out
    section = out.split("Feedback requests past their date\n")[1].splitlines()[0]
    # With its number, the REF of `pop feedback answer`.
    assert section.split()[:4] == ["#1", "3", "d", "late"]
    assert "my manager: How do I come across in the team meeting?" in section


def test_agenda_ends_with_the_last_checkin_and_the_streak(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    last = pop(capsys, "agenda", "--db", demo_store.path).out.splitlines()[-1]
    assert last.startswith("Last check-in: yesterday · mood 4/5 · streak 3 days")
    assert last.endswith(f"check in: pop checkin --db {demo_store.path}")


def test_days_sets_how_far_ahead_the_agenda_looks(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    out = pop(capsys, "agenda", "--days", "3", "--db", demo_store.path).out
    assert "Steps due in the next 3 days" in out
    assert "Find an online course" in out  # in 3 days: the last day counts
    assert "Sign up for the training" not in out  # in 5 days
    assert "Reviews due" not in out  # the first review is in 5 days


@pytest.mark.parametrize("days", ["-1", "soon", "1.5", "3661", "99999999999"])
def test_days_must_be_a_whole_number_from_zero(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str], days: str
) -> None:
    ran = pop(capsys, "agenda", "--days", days, "--db", demo_store.path)
    assert ran.code == 2
    assert "not a number of days" in ran.err
    assert ran.out == ""


def test_brief_is_one_summary_line(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = pop(capsys, "agenda", "--brief", "--db", demo_store.path)
    assert ran.code == 0
    assert ran.out == DEMO_BRIEF + "\n"


def test_brief_follows_days_and_language(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    out = pop(capsys, "agenda", "--brief", "--days", "14", "--db", demo_store.path).out
    assert out.startswith("3 overdue · 3 due in the next 14 days · review in 5 days")
    out = pop(capsys, "--lang", "nl", "agenda", "--brief", "--db", demo_store.path).out
    assert (
        out == "3 te laat · 3 deze week · evaluatie over 5 dagen · 1 feedbackvraag onbeantwoord\n"
    )


def test_brief_says_nothing_is_due_on_a_quiet_plan(
    plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = pop(capsys, "agenda", "--brief", "--db", plan_path)
    assert (ran.code, ran.out) == (0, "Nothing due this week.\n")


def test_agenda_of_an_empty_plan_says_how_to_start_and_writes_nothing(
    plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = pop(capsys, "agenda", "--db", plan_path)
    assert ran.code == 0
    assert "Your plan is still empty" in ran.out
    assert "pop add goal TITLE" in ran.out
    assert not plan_path.exists()


def test_json_is_versioned_and_holds_every_section(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = pop(capsys, "agenda", "--json", "--db", demo_store.path)
    assert ran.code == 0
    data = json.loads(ran.out)
    assert list(data) == [
        "version",
        "today",
        "days",
        "overdue_steps",
        "steps_due_soon",
        "reviews",
        "overdue_feedback",
        "checkin",
    ]
    assert data["version"] == 1
    assert data["today"] == TODAY.isoformat()
    assert data["days"] == 7
    first = data["overdue_steps"][0]
    assert first == {
        "id": 13,
        "title": "Module 2: pivot tables",
        "due": "2026-11-20",
        "in_days": -9,
        "goal": {"id": 4, "title": "Spreadsheet skills from basic to advanced"},
    }
    assert [s["in_days"] for s in data["steps_due_soon"]] == [3, 5, 6]
    assert data["reviews"] == [
        {
            "id": 1,
            "title": "Monthly look at my plan",
            "due": "2026-12-04",
            "in_days": 5,
            "rule": "FREQ=MONTHLY",
            "goal": None,
        }
    ]
    feedback = data["overdue_feedback"][0]
    assert list(feedback) == ["id", "from", "question", "asked_on", "wanted_by", "in_days", "goal"]
    assert (feedback["from"], feedback["in_days"]) == ("my manager", -3)
    assert data["checkin"]["streak"] == 3
    assert data["checkin"]["today"] is False
    assert data["checkin"]["last"] == {
        "id": 3,
        "on": "2026-11-28",
        "mood": 4,
        "note": "Practised pivot tables for half an hour",
        "step_ids": [],
    }


def test_json_is_ascii_so_titles_cannot_reach_the_terminal_raw(
    plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert pop(capsys, "add", "goal", "Één doel \x1b[2J", "--db", plan_path).code == 0
    assert pop(capsys, "add", "step", "1", "Stap", "--due", "today", "--db", plan_path).code == 0
    out = pop(capsys, "agenda", "--json", "--db", plan_path).out
    assert out.isascii()
    assert "\x1b" not in out
    assert json.loads(out)["steps_due_soon"][0]["goal"]["title"] == "Één doel \x1b[2J"


def test_json_of_an_empty_plan_has_the_same_shape(
    plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(pop(capsys, "agenda", "--json", "--db", plan_path).out)
    assert data["overdue_steps"] == data["reviews"] == data["overdue_feedback"] == []
    assert data["checkin"] == {"last": None, "streak": 0, "today": False}


def test_json_and_brief_together_is_a_usage_error(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = pop(capsys, "agenda", "--json", "--brief", "--db", demo_store.path)
    assert ran.code == 2
    assert "not allowed with" in ran.err


# --- colour ----------------------------------------------------------------------------


def test_no_colour_when_the_output_is_not_a_terminal(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    for form in ([], ["--brief"]):
        assert "\x1b" not in pop(capsys, "agenda", *form, "--db", demo_store.path).out


class FakeTerminal:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_colour_only_on_a_terminal_without_no_color_or_a_dumb_term() -> None:
    assert colour_wanted(FakeTerminal(True), {})  # type: ignore[arg-type]
    assert not colour_wanted(FakeTerminal(False), {})  # type: ignore[arg-type]
    assert not colour_wanted(FakeTerminal(True), {"NO_COLOR": "1"})  # type: ignore[arg-type]
    assert not colour_wanted(FakeTerminal(True), {"TERM": "dumb"})  # type: ignore[arg-type]
    # no-color.org: an empty NO_COLOR does not count.
    assert colour_wanted(FakeTerminal(True), {"NO_COLOR": ""})  # type: ignore[arg-type]


def test_paint_wraps_text_in_codes_only_when_enabled() -> None:
    assert Paint(True)("late", "red", "bold") == "\x1b[31;1mlate\x1b[0m"
    assert Paint(False)("late", "red") == "late"


def run_on_a_terminal(args: list[str], env: dict[str, str]) -> str:
    """Run pop with its standard output on a pseudo-terminal; returns what it printed."""
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "pop_tui", *args],
            stdout=follower,
            stderr=subprocess.PIPE,
            env={**os.environ, "POP_TODAY": TODAY.isoformat(), **env},
            timeout=60,
        )
        os.close(follower)
        follower = -1
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # Linux reports the closed terminal as EIO
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert done.returncode == 0, done.stderr
        return b"".join(chunks).decode()
    finally:
        if follower != -1:
            os.close(follower)
        os.close(leader)


def test_overdue_steps_are_red_on_a_terminal_and_plain_with_no_color(
    demo_store: PlanStore,
) -> None:
    args = ["agenda", "--db", str(demo_store.path)]
    coloured = run_on_a_terminal(args, {"TERM": "xterm"})
    assert "\x1b[31m9 d late" in coloured
    assert "\x1b[1mOverdue steps\x1b[0m" in coloured
    plain = run_on_a_terminal(args, {"TERM": "xterm", "NO_COLOR": "1"})
    assert "\x1b" not in plain
    assert "9 d late" in plain


@pytest.mark.parametrize(
    ("today", "days"), [("9999-12-30", "3660"), ("0001-01-01", "7"), ("0001-01-02", "0")]
)
def test_the_agenda_at_the_ends_of_the_calendar(
    demo_store: PlanStore,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    today: str,
    days: str,
) -> None:
    # POP_TODAY can be any day; the window then ends at the calendar's last day.
    monkeypatch.setenv("POP_TODAY", today)
    for form in ([], ["--brief"], ["--json"]):
        assert main(["agenda", "--days", days, *form, "--db", str(demo_store.path)]) == 0
        shown = capsys.readouterr().out
        assert shown.strip()
        if form == ["--json"]:
            assert json.loads(shown)["today"] == today
