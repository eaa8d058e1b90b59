"""The calendar export imported into a real calendar program: khal (issue #6).

khal (in the test extra) runs as a subprocess, as ``python -m khal`` of this
environment, with a configuration, a calendar folder and a database in
tmp_path; HOME is the conftest's scratch one. Every check reads what khal
shows (``khal list --json``), not the file: every step, review and deadline on
its dates, recurring reviews expanded as pop expands them, text exactly as
typed (cleaned of control characters), no import warnings, and importing again
updates instead of duplicating. docs/export.md has the manual check in
calcurse, which CI cannot install.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import defaultdict
from datetime import date, timedelta
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import icalendar
import pytest

from pop_tui.core.demo import populate_demo
from pop_tui.core.edit import Edit
from pop_tui.core.export.ical import export_ical
from pop_tui.core.model import Plan
from tests.hostile import TODAY
from tests.ics_plans import calendar_hostile_plan, expected_dates, expected_titles

pytestmark = pytest.mark.skipif(
    find_spec("khal") is None, reason="khal is missing: pip install -e '.[test]'"
)

UID = "7d4c1f0e-1111-4222-8333-944455556666"
FROM, UNTIL = date(2026, 1, 1), date(2031, 12, 31)
FIELDS = ("uid", "start-date", "end-date", "all-day", "title", "description", "status")

CONFIG = """\
[calendars]
[[pop]]
path = {folder}
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = Europe/Amsterdam
default_timezone = Europe/Amsterdam
[sqlite]
path = {database}
"""


class Khal:
    """khal with its own configuration and calendar folder."""

    def __init__(self, root: Path) -> None:
        self.folder = root / "calendar"
        self.folder.mkdir(parents=True)
        self.config = root / "khal.conf"
        self.config.write_text(CONFIG.format(folder=self.folder, database=root / "khal.db"))
        self.root = root

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONUTF8": "1", "TZ": "Europe/Amsterdam"}
        command = [sys.executable, "-m", "khal", "-c", str(self.config), *args]
        return subprocess.run(
            command, capture_output=True, text=True, encoding="utf-8", env=env, timeout=120
        )

    def import_calendar(self, text: str, name: str = "plan.ics") -> None:
        path = self.root / name
        path.write_bytes(text.encode("utf-8"))  # CRLF kept as written
        done = self.run("import", "--batch", "-a", "pop", str(path))
        # No warning, no skipped event: khal says nothing when every event goes in.
        assert (done.returncode, done.stdout, done.stderr) == (0, "", "")

    def shown(self) -> dict[str, list[dict[str, Any]]]:
        """Every occurrence khal lists from FROM to UNTIL, by UID."""
        fields = [arg for field in FIELDS for arg in ("--json", field)]
        done = self.run("list", *fields, FROM.isoformat(), UNTIL.isoformat())
        assert (done.returncode, done.stderr) == (0, "")
        found: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for line in done.stdout.splitlines():  # one JSON list per day
            for row in json.loads(line):
                found[row["uid"]].append(row)
        return found

    def stored(self) -> int:
        return len(list(self.folder.glob("*.ics")))


@pytest.fixture
def khal(tmp_path: Path) -> Khal:
    return Khal(tmp_path / "khal")


def demo_plan() -> Plan:
    plan = Plan()
    populate_demo(Edit(plan), TODAY, "en")
    return plan


def uid(key: str) -> str:
    return f"{key}-{UID}@pop-tui"


def assert_calendar_shows(khal: Khal, plan: Plan, text: str) -> dict[str, list[dict[str, Any]]]:
    """khal shows each item of ``plan`` on exactly its dates, with its text; returns what it shows."""
    dates = expected_dates(plan, UNTIL)
    titles = expected_titles(plan)
    written = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(text).walk("VEVENT")}
    cancelled = {
        f"step-{s.id}"
        for s in plan.steps.values()
        if plan.goals[s.goal_id].status == "dropped" and not s.done
    }
    shown = khal.shown()
    assert set(shown) == {uid(key) for key in dates}, "an item is missing or extra"
    assert khal.stored() == len(dates)
    for key, expected in dates.items():
        rows = shown[uid(key)]
        assert sorted(date.fromisoformat(r["start-date"]) for r in rows) == expected, key
        description = str(written[uid(key)].get("DESCRIPTION", ""))
        for row in rows:
            assert row["title"] == titles[key]
            assert row["description"] == description
            assert row["end-date"] == row["start-date"] and row["all-day"] == "True"
            assert row["status"] == ("CANCELLED" if key in cancelled else "")
    return shown


def test_khal_imports_the_demo_calendar_with_every_item_on_its_dates(khal: Khal) -> None:
    plan = demo_plan()
    text = export_ical(plan, UID, TODAY, 5)
    khal.import_calendar(text)
    shown = assert_calendar_shows(khal, plan, text)
    # 16 steps, 3 reviews (monthly, quarterly, once), 6 deadlines: 25 events, 105 occurrences.
    assert (len(plan.steps), len(plan.reviews), len(plan.goals)) == (16, 3, 6)
    assert (khal.stored(), sum(len(rows) for rows in shown.values())) == (25, 105)


def test_khal_shows_hostile_text_exactly_and_month_end_reviews_on_the_last_day(
    khal: Khal,
) -> None:
    plan = calendar_hostile_plan()
    text = export_ical(plan, UID, TODAY, 5)
    khal.import_calendar(text)
    shown = assert_calendar_shows(khal, plan, text)
    assert (khal.stored(), sum(len(rows) for rows in shown.values())) == (41, 417)

    def on(key: str) -> list[str]:
        return sorted(r["start-date"] for r in shown[uid(key)])

    # The descriptions keep their lines, separators and backslashes.
    step = shown[uid("step-101")][0]
    assert (
        step["title"]
        == "Commas, semicolons; back\\slash, a \\n that is no newline, \\; and \\, end\\"
    )
    assert step["description"].startswith("Goal: Commas, semicolons; back\\slash")
    notes = shown[uid("review-10")][0]["description"].splitlines()
    assert notes[-2:] == [
        "Held Thu 26 Nov 2026: first line, with; separators",
        "after blank lines \\ and a backslash\\",
    ]
    assert on("review-11")[:5] == [
        "2026-12-31",
        "2027-01-31",
        "2027-02-28",
        "2027-03-31",
        "2027-04-30",
    ]
    assert on("review-12")[:4] == ["2027-01-31", "2027-04-30", "2027-07-31", "2027-10-31"]
    assert on("review-13") == [
        "2027-01-30",
        "2027-02-28",
        "2027-03-30",
        "2027-04-30",
        "2027-05-30",
        "2027-06-30",
    ]
    assert on("review-16") == ["2028-02-29", "2029-02-28", "2030-02-28", "2031-02-28"]
    assert (len(on("review-14")), on("review-14")[-1]) == (9, "2027-03-25")  # UNTIL counts


def test_importing_again_or_a_newer_export_updates_instead_of_duplicating(khal: Khal) -> None:
    plan = demo_plan()
    text = export_ical(plan, UID, TODAY, 5)
    khal.import_calendar(text)
    khal.import_calendar(text)
    assert_calendar_shows(khal, plan, text)

    edit = Edit(plan)
    open_steps = sorted((s for s in plan.steps.values() if not s.done), key=lambda s: s.id)
    edit.update(
        open_steps[0], title="Renamed, after; the first import", due=TODAY + timedelta(days=40)
    )
    edit.update(open_steps[1], done_on=TODAY)
    monthly = next(r for r in plan.reviews.values() if r.rule == "FREQ=MONTHLY")
    edit.update(monthly, rule="FREQ=WEEKLY;INTERVAL=2")
    newer = export_ical(plan, UID, TODAY + timedelta(days=1), 6)
    khal.import_calendar(newer, "newer.ics")
    assert_calendar_shows(khal, plan, newer)
