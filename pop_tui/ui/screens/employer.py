"""Employer: what the organisation wants, and how my department and I contribute.

Each employer goal shows the department's contribution, mine, the competencies
I still have to develop, the talents I do not use yet, and the personal goals
that support it; one that no personal goal supports is marked. The last entry
holds the two questions of the yearly conversation: how my goals help me and
the organisation, and what the organisation can do for me.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import ClassVar

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets.option_list import Option

from pop_tui.core import arrange, coverage, removal
from pop_tui.core.edit import Edit
from pop_tui.core.model import EmployerGoal, Profile
from pop_tui.core.ops import OpError
from pop_tui.core.printable import printable
from pop_tui.core.texts import t
from pop_tui.ui.dialogs.form import FormField, Values
from pop_tui.ui.screens.section import Mutation, SectionScreen
from pop_tui.ui.styles import stylesheet
from pop_tui.ui.widgets.record_list import RecordList, hint, record_id

CONVERSATION = "conversation:1"
# The parts of an employer goal, in the order they are shown and asked.
PARTS = ("department_contribution", "my_contribution", "competencies_to_develop", "unused_talents")


def _line(label: str, text: str) -> Content:
    shown = printable(text) if text.strip() else "—"
    return Content.assemble("   ", (label + ": ", "dim"), shown)


def _employer_option(goal: EmployerGoal, supporters: list[str]) -> Option:
    gap = not supporters
    lines = [Content.assemble(("! " if gap else "  ", "bold red"), (printable(goal.title), "bold"))]
    lines.extend(_line(t(f"sec.employer.{part}"), getattr(goal, part)) for part in PARTS)
    if gap:
        lines.append(Content.styled("   " + t("sec.employer.unsupported"), "italic red"))
    else:
        lines.append(
            Content.assemble(
                "   ",
                (t("sec.employer.supported_by") + ": ", "dim"),
                " · ".join(printable(s) for s in supporters),
            )
        )
    return Option(Content("\n").join(lines), id=f"employer:{goal.id}")


def _conversation_option(profile: Profile) -> Option:
    lines = [
        Content.styled("  " + t("sec.employer.conversation"), "bold"),
        _line(t("sec.employer.goals_help"), profile.answer_goals_help),
        _line(t("sec.employer.employer_can_do"), profile.answer_employer_can_do),
    ]
    return Option(Content("\n").join(lines), id=CONVERSATION)


class EmployerScreen(SectionScreen):
    """The employer's goals and how my goals support them."""

    CSS_PATH: ClassVar[list[str | PurePath]] = [stylesheet("employer")]

    TITLE_KEY = "sec.employer"

    def compose_body(self) -> ComposeResult:
        yield RecordList(id="employer-list")

    @property
    def listing(self) -> RecordList:
        return self.query_one("#employer-list", RecordList)

    def refresh_view(self) -> None:
        plan = self.pop.store.plan
        options: list[Option] = []
        for goal in arrange.ordered(plan.employer_goals.values()):
            supporters = [g.title for g in coverage.goals_supporting(plan, goal.id)]
            options.append(_employer_option(goal, supporters))
        if not options:
            options.append(hint(t("sec.employer.empty")))
        options.append(_conversation_option(plan.profile))
        keep, self.select_next = self.select_next, None
        self.listing.rebuild(options, keep=keep)
        gaps = len(coverage.unsupported_employer_goals(plan))
        self.sub_title = t("sec.employer.gaps", n=gaps) if gaps else t("sec.employer.no_gaps")

    def _selected(self) -> EmployerGoal | None:
        id = record_id(self.listing.highlighted_id, "employer")
        return self.pop.store.plan.employer_goals.get(id) if id is not None else None

    def _fields(self, goal: EmployerGoal) -> list[FormField]:
        return [
            FormField("title", t("sec.field.employer_goal"), value=goal.title, required=True),
            *(
                FormField(part, t(f"sec.employer.{part}"), value=getattr(goal, part))
                for part in PARTS
            ),
        ]

    def _edit_conversation(self) -> None:
        profile = self.pop.store.plan.profile
        fields = [
            FormField(
                "answer_goals_help", t("sec.employer.goals_help"), value=profile.answer_goals_help
            ),
            FormField(
                "answer_employer_can_do",
                t("sec.employer.employer_can_do"),
                value=profile.answer_employer_can_do,
            ),
        ]

        def save(values: Values) -> Mutation:
            def mutation(edit: Edit) -> None:
                edit.put(edit.plan.profile.replace(**values))

            return mutation

        self.form(
            t("sec.employer.conversation"),
            fields,
            lambda v: t("label.conversation"),
            save,
            record=profile,
        )

    def action_add(self) -> None:
        def save(values: Values) -> Mutation:
            def mutation(edit: Edit) -> None:
                order = arrange.next_order(edit.plan.employer_goals.values())
                made = edit.add(EmployerGoal, **values, order=order)
                self.select_next = f"employer:{made.id}"

            return mutation

        self.form(
            t("sec.employer.add"),
            self._fields(EmployerGoal(id=0)),
            lambda v: t("label.employer_add", title=printable(v["title"])),
            save,
        )

    def action_edit(self) -> None:
        if self.listing.highlighted_id == CONVERSATION:
            self._edit_conversation()
            return
        goal = self._selected()
        if goal is None:
            self.nothing_here()
            return
        id = goal.id

        def save(values: Values) -> Mutation:
            def mutation(edit: Edit) -> None:
                current = edit.plan.employer_goals.get(id)
                if current is None:
                    raise OpError(f"there is no employer goal {id}")
                edit.update(current, **values)
                self.select_next = f"employer:{id}"

            return mutation

        self.form(
            t("sec.employer.edit"),
            self._fields(goal),
            lambda v: t("label.employer_edit", title=printable(v["title"])),
            save,
            record=goal,
        )

    def action_delete(self) -> None:
        goal = self._selected()
        if goal is None:
            self.nothing_here()
            return
        linked = coverage.goals_supporting(self.pop.store.plan, goal.id)
        id = goal.id
        self.confirm_delete(
            t("sec.employer.delete"),
            goal.title,
            t("label.employer_delete", title=printable(goal.title)),
            lambda edit: removal.delete_employer_goal(edit, id),
            t("sec.employer.delete_detail", n=len(linked)) if linked else "",
        )

    def action_move(self, delta: int) -> None:
        record = self._selected()
        if record is not None:
            self.move_record(record, delta, f"employer:{record.id}")
