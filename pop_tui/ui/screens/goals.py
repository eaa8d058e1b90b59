"""Goals: the dream job, and the goals grouped by horizon and kind.

Each goal shows its SMART score at a glance (a letter when it is in order, a
small letter when it is weak, a dot when it is missing), its deadline, what it
is linked to and how many of its steps are done. Enter or ``e`` opens the goal
form with the live SMART check.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath
from typing import ClassVar

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets.option_list import Option

from pop_tui.core import arrange, removal
from pop_tui.core.dates import format_date
from pop_tui.core.edit import Edit
from pop_tui.core.model import GOAL_KINDS, HORIZONS, Goal, Plan, Profile
from pop_tui.core.ops import OpError
from pop_tui.core.printable import printable
from pop_tui.core.smart import SmartCheck, check_smart
from pop_tui.core.texts import t
from pop_tui.ui.dialogs.confirm import ClearDialog
from pop_tui.ui.dialogs.form import FormField, Values
from pop_tui.ui.dialogs.goal_form import SCORE_LOOK, GoalForm
from pop_tui.ui.screens.section import Mutation, SectionScreen
from pop_tui.ui.styles import stylesheet
from pop_tui.ui.widgets.record_list import RecordList, heading, hint, record_id

DREAM = "dream:1"
QUALITY_SEPARATOR = ";"


def smart_badge(check: SmartCheck) -> Content:
    """Five characters: S M A R T as letters (ok), small letters (weak) or dots (missing)."""
    parts: list[tuple[str, str]] = []
    for letter in check.letters:
        shown = {"ok": letter.letter, "weak": letter.letter.lower(), "missing": "·"}[letter.score]
        parts.append((shown, f"bold {SCORE_LOOK[letter.score][1]}"))
    return Content.assemble(*parts)


def existing_links(edit: Edit, values: Values) -> Values:
    """The form's values with links only to records that still exist (another session
    may have deleted one while the form was open)."""
    return {
        **values,
        "swot_ids": tuple(i for i in values["swot_ids"] if i in edit.plan.swot),
        "employer_goal_ids": tuple(
            i for i in values["employer_goal_ids"] if i in edit.plan.employer_goals
        ),
    }


def _goal_option(goal: Goal, plan: Plan, check: SmartCheck) -> Option:
    title_style = "dim strike" if goal.status == "dropped" else ""
    first = Content.assemble(smart_badge(check), "  ", (printable(goal.title), title_style))
    if goal.status != "active":
        first = first + Content.styled(" · " + t(f"sec.goal.status.{goal.status}"), "italic")
    steps = [s for s in plan.steps.values() if s.goal_id == goal.id]
    done = sum(1 for s in steps if s.done_on is not None)
    when = format_date(goal.deadline) if goal.deadline else t("sec.goal.no_deadline")
    second = t(
        "sec.goal.summary",
        deadline=when,
        swot=len(goal.swot_ids),
        employer=len(goal.employer_goal_ids),
        done=done,
        total=len(steps),
    )
    return Option(
        Content("\n").join([first, Content.styled("       " + second, "dim")]), id=f"goal:{goal.id}"
    )


def _dream_option(profile: Profile) -> Option:
    job = profile.dream_job.strip()
    first = Content.assemble(
        (t("sec.goal.dream") + ": ", "bold"),
        printable(job) if job else (t("sec.goal.dream_empty"), "italic dim"),
    )
    qualities = " · ".join(printable(q) for q in profile.dream_job_qualities)
    second = Content.styled("   " + (qualities or t("sec.goal.qualities_empty")), "dim")
    return Option(Content("\n").join([first, second]), id=DREAM)


class GoalsScreen(SectionScreen):
    """The dream job and every goal, grouped by horizon and kind."""

    CSS_PATH: ClassVar[list[str | PurePath]] = [stylesheet("goals")]

    TITLE_KEY = "sec.goals"

    def compose_body(self) -> ComposeResult:
        yield RecordList(id="goals-list")

    @property
    def listing(self) -> RecordList:
        return self.query_one("#goals-list", RecordList)

    def refresh_view(self) -> None:
        plan = self.pop.store.plan
        today = self.pop.today()
        options: list[Option] = [_dream_option(plan.profile)]
        passed = 0
        for horizon in HORIZONS:
            for kind in GOAL_KINDS:
                group = arrange.ordered(
                    g for g in plan.goals.values() if (g.horizon, g.kind) == (horizon, kind)
                )
                if not group:
                    continue
                options.append(
                    heading(
                        t(
                            "sec.goal.group",
                            horizon=t(f"sec.goal.horizon.{horizon}"),
                            kind=t(f"sec.goal.kind.{kind}"),
                        )
                    )
                )
                for goal in group:
                    check = check_smart(goal, today)
                    passed += check.passed
                    options.append(_goal_option(goal, plan, check))
        if not plan.goals:
            options.append(hint(t("sec.goal.empty")))
        keep, self.select_next = self.select_next, None
        self.listing.rebuild(options, keep=keep)
        self.sub_title = t("sec.goal.counts", n=len(plan.goals), smart=passed)

    def _goal(self) -> Goal | None:
        id = record_id(self.listing.highlighted_id, "goal")
        return self.pop.store.plan.goals.get(id) if id is not None else None

    # --- dream job --------------------------------------------------------------

    def _edit_dream(self) -> None:
        profile = self.pop.store.plan.profile
        fields = [
            FormField("dream_job", t("sec.field.dream_job"), value=profile.dream_job),
            FormField(
                # Named after the record's field, so a change saved elsewhere is merged.
                "dream_job_qualities",
                t("sec.field.qualities"),
                value=f"{QUALITY_SEPARATOR} ".join(profile.dream_job_qualities),
                placeholder=t("sec.hint.qualities"),
            ),
        ]

        def save(values: Values) -> Mutation:
            qualities = tuple(
                q.strip()
                for q in values["dream_job_qualities"].split(QUALITY_SEPARATOR)
                if q.strip()
            )

            def mutation(edit: Edit) -> None:
                # The profile may not exist yet: plan.profile then gives a blank one.
                edit.put(
                    edit.plan.profile.replace(
                        dream_job=values["dream_job"], dream_job_qualities=qualities
                    )
                )

            return mutation

        self.form(
            t("sec.goal.dream_edit"), fields, lambda v: t("label.dream_job"), save, record=profile
        )

    # --- the shared keys ------------------------------------------------------

    def _open_goal_form(
        self,
        title: str,
        goal: Goal,
        save: Callable[[Values], Mutation],
        label: Callable[[Values], str],
        *,
        editing: bool = False,
    ) -> None:
        plan, today = self.pop.store.plan, self.pop.today()
        self.open_form(
            lambda submit, origin: GoalForm(
                title,
                goal,
                plan,
                submit,
                today,
                record=goal if editing else None,
                origin=origin,
            ),
            label,
            save,
            reopen="edit" if editing else "add",
        )

    def action_add(self) -> None:
        near = self._goal()
        draft = Goal(
            id=0,
            horizon=near.horizon if near else "short",
            kind=near.kind if near else "professional",
        )
        today = self.pop.today()

        def save(values: Values) -> Mutation:
            def mutation(edit: Edit) -> None:
                group = [
                    g
                    for g in edit.plan.goals.values()
                    if (g.horizon, g.kind) == (values["horizon"], values["kind"])
                ]
                fields = existing_links(edit, values)
                made = edit.add(Goal, **fields, created=today, order=arrange.next_order(group))
                self.select_next = f"goal:{made.id}"

            return mutation

        self._open_goal_form(
            t("sec.goal.add"),
            draft,
            save,
            lambda v: t("label.goal_add", title=printable(v["title"])),
        )

    def action_edit(self) -> None:
        if self.listing.highlighted_id == DREAM:
            self._edit_dream()
            return
        goal = self._goal()
        if goal is None:
            self.nothing_here()
            return
        id = goal.id

        def save(values: Values) -> Mutation:
            def mutation(edit: Edit) -> None:
                current = edit.plan.goals.get(id)
                if current is None:
                    raise OpError(f"there is no goal {id}")
                fields = existing_links(edit, values)
                moved = (values["horizon"], values["kind"]) != (current.horizon, current.kind)
                if moved:
                    group = [
                        g
                        for g in edit.plan.goals.values()
                        if (g.horizon, g.kind) == (values["horizon"], values["kind"])
                    ]
                    edit.update(current, **fields, order=arrange.next_order(group))
                else:
                    edit.update(current, **fields)
                self.select_next = f"goal:{id}"

            return mutation

        self._open_goal_form(
            t("sec.goal.edit"),
            goal,
            save,
            lambda v: t("label.goal_edit", title=printable(v["title"])),
            editing=True,
        )

    def action_delete(self) -> None:
        if self.listing.highlighted_id == DREAM:
            profile = self.pop.store.plan.profile
            if not profile.dream_job and not profile.dream_job_qualities:
                return

            def clear(edit: Edit) -> None:
                edit.put(edit.plan.profile.replace(dream_job="", dream_job_qualities=()))

            self.confirm_delete(
                t("sec.goal.dream_delete"),
                profile.dream_job,
                t("label.dream_job_delete"),
                clear,
                dialog=ClearDialog,
            )
            return
        goal = self._goal()
        if goal is None:
            self.nothing_here()
            return
        found = removal.goal_dependents(self.pop.store.plan, goal.id)
        if found.other:
            detail = t(
                "sec.goal.delete_detail",
                actions=found.actions,
                steps=found.steps,
                other=found.other,
            )
        elif found.actions or found.steps:
            detail = t("sec.goal.delete_detail_short", actions=found.actions, steps=found.steps)
        else:
            detail = ""
        id = goal.id
        self.confirm_delete(
            t("sec.goal.delete"),
            goal.title,
            t("label.goal_delete", title=printable(goal.title)),
            lambda edit: removal.delete_goal(edit, id),
            detail,
        )

    def action_move(self, delta: int) -> None:
        record = self._goal()
        if record is not None:
            self.move_record(record, delta, f"goal:{record.id}")
