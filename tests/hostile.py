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
    "<script>x</script> <b>bold</b> & &amp; \"double\" 's', a;b back\\slash *s* `t` "
    "[l](http://e.example) |p| ~t~\n# h\n1. l\n> q\r\n"
    "\x1b[31mred\x1b[0m \x07 \x9b2J \x00 \x7f \t \u202eevil\u202c Ünï 日本語 עברית Ελλ"
)
"""Text that would break or attack every format if it were not escaped; short enough that
"LABEL " + NASTY fits a title (pop takes 200 characters there)."""

CLEAN_LINE = clean(NASTY)
CLEAN_BLOCK = clean(NASTY, multiline=True)
CONTROL_CHARS = [chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))]


def label(name: str, text: str = NASTY) -> str:
    """A hostile text that also says which field it fills, to find it back."""
    return f"{name.upper()} {text}"


def hostile_plan(lang: str = "en", text: str = NASTY) -> Plan:
    """One record of every kind, every text field hostile (``text``, after the field's name)."""
    plan = Plan()
    plan.put(
        Profile(
            id=PROFILE_ID,
            owner=label("owner", text),
            language=lang,
            dream_job=label("dream", text),
            dream_job_qualities=(label("quality", text),),
            answer_goals_help=label("helpanswer", text),
            answer_employer_can_do=label("cando", text),
        )
    )
    plan.put(SwotItem(1, "S", label("strength", text)))
    plan.put(SwotItem(2, "T", label("threat", text)))
    plan.put(Trend(1, label("trend", text)))
    plan.put(
        EmployerGoal(
            1,
            label("orggoal", text),
            label("department", text),
            label("mine", text),
            label("competency", text),
            label("talent", text),
        )
    )
    plan.put(
        Goal(
            1,
            title=label("goaltitle", text),
            specific=label("specific", text),
            metric=label("metric", text),
            unit="€",
            baseline=20.0,
            target=5.0,
            current=11.0,
            why_me=label("whyme", text),
            why_employer=label("whyemployer", text),
            means=label("means", text),
            deadline=TODAY + timedelta(days=100),
            created=TODAY - timedelta(days=100),
            swot_ids=(1, 2),
            employer_goal_ids=(1,),
        )
    )
    plan.put(Goal(2, title=label("longgoal", text), horizon="long", status="dropped"))
    plan.put(Action(1, 1, label("action", text), label("result", text), label("obstacle", text)))
    plan.put(
        Step(
            1, 1, 1, label("donestep", text), TODAY - timedelta(days=10), TODAY - timedelta(days=9)
        )
    )
    plan.put(Step(2, 1, 1, label("openstep", text), TODAY + timedelta(days=3)))
    plan.put(Step(3, 1, None, label("latestep", text), TODAY - timedelta(days=2)))
    plan.put(Step(4, 2, None, label("droppedstep", text), TODAY + timedelta(days=5)))
    plan.put(
        Review(
            1,
            label("monthlyreview", text),
            None,
            TODAY + timedelta(days=4),
            "FREQ=MONTHLY;UNTIL=20271231T000000Z",
            TODAY + timedelta(days=4),
            (HeldReview(TODAY - timedelta(days=27), label("heldnotes", text)),),
        )
    )
    plan.put(
        Review(
            2,
            label("goalreview", text),
            1,
            TODAY + timedelta(days=9),
            "",
            TODAY + timedelta(days=9),
        )
    )
    plan.put(
        Reflection(
            1, TODAY - timedelta(days=9), 1, 1, label("learned", text), label("differently", text)
        )
    )
    plan.put(
        Feedback(
            1,
            label("fromwhom", text),
            1,
            label("question", text),
            TODAY - timedelta(days=20),
            TODAY - timedelta(days=5),
            label("answer", text),
            TODAY - timedelta(days=6),
        )
    )
    plan.put(ProgressEntry(1, 1, TODAY - timedelta(days=30), 11.0, label("measurenote", text)))
    plan.put(
        GoalChange(1, 1, TODAY - timedelta(days=40), "target", "3", "5", label("reason", text))
    )
    return plan
