"""Plan periods: the plan kept as it was, unfinished goals carried into the next period."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from pop_tui.cli import main
from pop_tui.core.edit import Edit
from pop_tui.core.model import (
    CheckIn,
    Feedback,
    Goal,
    GoalChange,
    Period,
    ProgressEntry,
    Reflection,
    Step,
)
from pop_tui.core.ops import hold_review
from pop_tui.core.period_preview import preview_period
from pop_tui.core.periods import (
    PeriodError,
    archive_name,
    archived_periods,
    archived_plan,
    current_period,
    find_period,
    snapshot,
    start_period,
    summaries,
)
from pop_tui.core.progress import goal_progress
from pop_tui.core.texts import set_language
from pop_tui.store.plan_store import PlanStore
from tests.conftest import TODAY

LATER = TODAY + timedelta(days=365)


def new_period(
    store: PlanStore, name: str, on: date = TODAY, archive_as: str | None = None
) -> Period:
    return store.apply("period", lambda e: start_period(e, name, on, archive_as))


def test_the_earlier_period_keeps_the_whole_plan_as_it_was(demo_store: PlanStore) -> None:
    before = demo_store.plan.to_dict()
    new_period(demo_store, "2027")
    (old,) = archived_periods(demo_store.plan)
    assert old.name == "2026" and old.ended == TODAY
    kept = archived_plan(old).to_dict()
    assert kept == {**before, "periods": {}}


def test_active_goals_carry_over_with_open_steps_actions_and_links(demo_store: PlanStore) -> None:
    plan = demo_store.plan
    sheets = next(g for g in plan.goals.values() if g.title.startswith("Spreadsheet"))
    demo_store.apply("drop", lambda e: e.update(plan.goals[1], status="done"))
    before = demo_store.plan
    active = {g.id: g for g in before.goals.values() if g.status == "active"}
    steps = {s.id for s in before.steps.values() if s.goal_id in active}
    measured = {p.id for p in before.table(ProgressEntry).values() if p.goal_id in active}
    actions = {a.id for a in before.actions.values() if a.goal_id in active}
    new_period(demo_store, "2027")
    after = demo_store.plan
    assert set(after.goals) == set(active)
    assert after.goals[sheets.id] == sheets  # same id, same links, same measure
    # Done steps and measurements too: a carried goal's progress and pace stay as they were.
    assert set(after.steps) == steps
    assert set(after.table(ProgressEntry)) == measured
    for goal in active.values():
        assert goal_progress(after, goal) == goal_progress(before, goal)
    assert set(after.actions) == actions
    assert after.swot == before.swot and after.employer_goals == before.employer_goals
    assert after.profile == before.profile


def test_history_stays_in_the_earlier_period(demo_store: PlanStore) -> None:
    new_period(demo_store, "2027")
    plan = demo_store.plan
    for cls in (CheckIn, Reflection, GoalChange):
        assert plan.table(cls) == {}, cls.TABLE
    old = archived_plan(archived_periods(plan)[0])
    finished = {g.id for g in old.goals.values() if g.status != "active"}
    assert not any(s.goal_id in finished for s in plan.table(Step).values())
    old = archived_plan(archived_periods(plan)[0])
    assert old.table(Reflection) and old.table(GoalChange) and old.table(CheckIn)


def test_reviews_that_still_come_carry_over_without_their_held_history(
    demo_store: PlanStore,
) -> None:
    review = next(r for r in demo_store.plan.reviews.values() if r.rule == "FREQ=MONTHLY")
    demo_store.apply("hold", lambda e: hold_review(e, review.id, TODAY, "went fine"))
    new_period(demo_store, "2027")
    carried = demo_store.plan.reviews[review.id]
    assert carried.held == () and carried.next_on is not None


def test_unanswered_feedback_carries_over_and_answered_stays_behind(
    demo_store: PlanStore,
) -> None:
    asked = next(iter(demo_store.plan.table(Feedback).values()))
    answered = demo_store.apply(
        "fb",
        lambda e: e.add(
            Feedback, from_whom="a", goal_id=asked.goal_id, answer="good", answered_on=TODAY
        ),
    )
    new_period(demo_store, "2027")
    feedback = demo_store.plan.table(Feedback)
    assert asked.id in feedback and answered.id not in feedback


def test_periods_are_listed_in_order_and_names_are_unique(demo_store: PlanStore) -> None:
    new_period(demo_store, "2027")
    new_period(demo_store, "2028", LATER)
    found = summaries(demo_store.plan)
    assert [(s.period.name, s.current) for s in found] == [
        ("2026", False),
        ("2027", False),
        ("2028", True),
    ]
    assert current_period(demo_store.plan) is not None
    with pytest.raises(PeriodError, match="already a period"):
        new_period(demo_store, "2027", LATER)
    with pytest.raises(PeriodError, match="needs a name"):
        new_period(demo_store, "  ", LATER)
    with pytest.raises(PeriodError, match="one line"):
        new_period(demo_store, "20\n29", LATER)


def test_a_refused_period_changes_nothing(demo_store: PlanStore) -> None:
    before = demo_store.path.read_bytes()
    with pytest.raises(PeriodError):
        new_period(demo_store, "")
    assert demo_store.path.read_bytes() == before


def test_archive_name_can_be_chosen(demo_store: PlanStore) -> None:
    new_period(demo_store, "2027", archive_as="Year one")
    assert find_period(demo_store.plan, "year ONE").name == "Year one"
    with pytest.raises(PeriodError, match="no earlier period called 'nope'"):
        find_period(demo_store.plan, "nope")


def test_this_year_as_the_new_name_keeps_the_plan_under_the_months_it_covers(
    demo_store: PlanStore,
) -> None:
    # The demo plan began on 1 August; "2026 (2)" would not say which 2026 is which.
    assert archive_name(demo_store.plan, "2026", TODAY) == "Aug-Nov 2026"
    assert preview_period(demo_store.plan, "2026", TODAY).old_name == "Aug-Nov 2026"
    new_period(demo_store, "2026")
    assert [(s.period.name, s.current) for s in summaries(demo_store.plan)] == [
        ("Aug-Nov 2026", False),
        ("2026", True),
    ]
    # The usual turn still names the earlier period after this year.
    new_period(demo_store, "2027", LATER)
    assert [p.name for p in archived_periods(demo_store.plan)] == ["Aug-Nov 2026", "2026"]


@pytest.mark.parametrize(
    ("created", "lang", "expected"),
    [
        (date(2025, 12, 1), "en", "2025-2026"),
        (date(2026, 11, 2), "en", "Nov 2026"),
        (None, "en", "until 29 Nov 2026"),
        (date(2026, 3, 1), "nl", "mrt-nov 2026"),
    ],
    ids=["begun-last-year", "begun-this-month", "no-start", "dutch"],
)
def test_the_earlier_period_is_named_after_its_dates_when_the_new_one_takes_the_year(
    store: PlanStore, created: date | None, lang: str, expected: str
) -> None:
    store.apply("goal", lambda e: e.add(Goal, title="Lead the team", created=created))
    set_language(lang)
    assert archive_name(store.plan, "2026", TODAY) == expected
    assert archive_name(store.plan, "2027", TODAY) == "2026"
    new_period(store, " 2026 ")
    assert [p.name for p in archived_periods(store.plan)] == [expected]


def test_a_chosen_archive_name_still_wins_when_the_new_one_takes_the_year(
    demo_store: PlanStore,
) -> None:
    with pytest.raises(PeriodError, match="already a period called '2026'"):
        new_period(demo_store, "2026", archive_as="2026")
    new_period(demo_store, "2026", archive_as="Year one")
    assert [p.name for p in archived_periods(demo_store.plan)] == ["Year one"]


def test_a_number_is_added_only_when_every_name_from_the_dates_is_taken(
    demo_store: PlanStore,
) -> None:
    def earlier(edit: Edit) -> None:
        for name in ("Aug-Nov 2026", "until 29 Nov 2026"):
            edit.add(Period, name=name, ended=TODAY, archive=snapshot(edit.plan))

    demo_store.apply("earlier periods", earlier)
    assert archive_name(demo_store.plan, "2027", TODAY) == "2026"
    assert archive_name(demo_store.plan, "2026", TODAY) == "2026 (2)"


def test_one_undo_brings_the_plan_back(demo_store: PlanStore) -> None:
    before = demo_store.plan.to_dict()
    new_period(demo_store, "2027")
    demo_store.undo()
    assert demo_store.plan.to_dict() == before


def test_plan_files_without_periods_still_open(plan_path: Path) -> None:
    store = PlanStore.open(plan_path)
    store.apply("goal", lambda e: e.add(Goal, title="x"))
    data = json.loads(plan_path.read_text())
    del data["periods"]
    plan_path.write_text(json.dumps(data))
    assert PlanStore.open(plan_path).plan.table(Period) == {}


# --- the commands -----------------------------------------------------------------------------


@pytest.fixture
def shell(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POP_TODAY", TODAY.isoformat())


@pytest.mark.usefixtures("shell")
def test_period_commands(demo_store: PlanStore, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(demo_store.path)
    assert main(["period", "list", "--db", db]) == 0
    assert "no periods yet" in capsys.readouterr().out
    assert main(["period", "new", "2027", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "Started period 2027" in out and "kept as period 2026" in out
    assert "pop export --format html --period 2026" in out
    assert main(["period", "list", "--db", db]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("2026  ") and "6 goals" in lines[0]
    assert lines[1].startswith("2027  ") and "(current)" in lines[1]
    assert main(["period", "new", "2027", "--db", db]) == 1
    assert "already a period" in capsys.readouterr().err


@pytest.mark.usefixtures("shell")
def test_period_new_with_this_year_keeps_the_plan_under_its_months(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(demo_store.path)
    assert main(["period", "new", "2026", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "Started period 2026. The plan as it was is kept as period Aug-Nov 2026;" in out
    # Quoted, so that the hint can be copied as it is.
    assert "pop export --format html --period 'Aug-Nov 2026'" in out
    assert main(["period", "list", "--db", db]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Aug-Nov 2026  Sat 1 Aug 2026 to Sun 29 Nov 2026")
    assert lines[1].startswith("2026  since Sun 29 Nov 2026  (current)")
    assert main(["export", "--format", "md", "--period", "aug-nov 2026", "--db", db]) == 0
    assert "Period Aug-Nov 2026" in capsys.readouterr().out


@pytest.mark.usefixtures("shell")
def test_export_of_an_earlier_period(
    demo_store: PlanStore, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(demo_store.path)
    demo_store.apply("done", lambda e: e.update(demo_store.plan.goals[1], status="done"))
    main(["period", "new", "2027", "--db", db])
    capsys.readouterr()
    assert main(["export", "--format", "md", "--period", "2026", "--db", db]) == 0
    old = capsys.readouterr().out
    assert "Period 2026" in old and "Get better at leading people" in old
    assert main(["export", "--format", "md", "--db", db]) == 0
    current = capsys.readouterr().out
    assert "Period 2027" in current and "Get better at leading people" not in current
    assert main(["export", "--format", "md", "--period", "1999", "--db", db]) == 1
    assert "no earlier period called '1999'" in capsys.readouterr().err
