"""A plan whose every text is hostile: markup, quotes, separators, newlines, controls, scripts."""

from __future__ import annotations

from datetime import date, timedelta

from pop_tui.core.export.clean import clean
from pop_tui.core.model import (
    PROFILE_ID,
    Action,
    EmployerGoal,
    Feedback,
    Goal,
    GoalChange,
    HeldReview,
    Plan,
    Profile,
    ProgressEntry,
    Reflection,
    Review,
    Step,
    SwotItem,
    Trend,
)

TODAY = date(2026, 11, 29)

NASTY = (
    '<script>alert("x")</script> <b>bold</b> & &amp; "double" \'single\', comma; semicolon '
    "back\\slash *star* _under_ `tick` [link](http://evil.example) |pipe| ~tilde~\n"
    "# not a heading\n1. not a list\n> not a quote\r\n"
    "\x1b[31mred\x1b[0m bell\x07 csi\x9b2J nul\x00 del\x7f tab\there \u202eevil\u202c "
    "Ünïcødé 日本語 עברית Ελληνικά"
)
"""Text that would break or attack every format if it were not escaped."""

CLEAN_LINE = clean(NASTY)
CLEAN_BLOCK = clean(NASTY, multiline=True)
CONTROL_CHARS = [chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))]


def label(name: str) -> str:
    """A hostile text that also says which field it fills, to find it back."""
    return f"{name.upper()} {NASTY}"


def hostile_plan(lang: str = "en") -> Plan:
    """One record of every kind, every text field hostile."""
    plan = Plan()
    plan.put(
        Profile(
            id=PROFILE_ID,
            owner=label("owner"),
            language=lang,
            dream_job=label("dream"),
            dream_job_qualities=(label("quality"),),
            answer_goals_help=label("helpanswer"),
            answer_employer_can_do=label("cando"),
        )
    )
    plan.put(SwotItem(1, "S", label("strength")))
    plan.put(SwotItem(2, "T", label("threat")))
    plan.put(Trend(1, label("trend")))
    plan.put(
        EmployerGoal(
            1,
            label("orggoal"),
            label("department"),
            label("mine"),
            label("competency"),
            label("talent"),
        )
    )
    plan.put(
        Goal(
            1,
            title=label("goaltitle"),
            specific=label("specific"),
            metric=label("metric"),
            unit="€",
            baseline=20.0,
            target=5.0,
            current=11.0,
            why_me=label("whyme"),
            why_employer=label("whyemployer"),
            means=label("means"),
            deadline=TODAY + timedelta(days=100),
            created=TODAY - timedelta(days=100),
            swot_ids=(1, 2),
            employer_goal_ids=(1,),
        )
    )
    plan.put(Goal(2, title=label("longgoal"), horizon="long", status="dropped"))
    plan.put(Action(1, 1, label("action"), label("result"), label("obstacle")))
    plan.put(
        Step(1, 1, 1, label("donestep"), TODAY - timedelta(days=10), TODAY - timedelta(days=9))
    )
    plan.put(Step(2, 1, 1, label("openstep"), TODAY + timedelta(days=3)))
    plan.put(Step(3, 1, None, label("latestep"), TODAY - timedelta(days=2)))
    plan.put(Step(4, 2, None, label("droppedstep"), TODAY + timedelta(days=5)))
    plan.put(
        Review(
            1,
            label("monthlyreview"),
            None,
            TODAY + timedelta(days=4),
            "FREQ=MONTHLY;UNTIL=20271231T000000Z",
            TODAY + timedelta(days=4),
            (HeldReview(TODAY - timedelta(days=27), label("heldnotes")),),
        )
    )
    plan.put(
        Review(2, label("goalreview"), 1, TODAY + timedelta(days=9), "", TODAY + timedelta(days=9))
    )
    plan.put(Reflection(1, TODAY - timedelta(days=9), 1, 1, label("learned"), label("differently")))
    plan.put(
        Feedback(
            1,
            label("fromwhom"),
            1,
            label("question"),
            TODAY - timedelta(days=20),
            TODAY - timedelta(days=5),
            label("answer"),
            TODAY - timedelta(days=6),
        )
    )
    plan.put(ProgressEntry(1, 1, TODAY - timedelta(days=30), 11.0, label("measurenote")))
    plan.put(GoalChange(1, 1, TODAY - timedelta(days=40), "target", "3", "5", label("reason")))
    return plan
