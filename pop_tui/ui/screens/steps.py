"""The steps of one action (or a goal's steps that belong to no action).

Above the list: the goal, the action, the result it should give and the
obstacles in the way. Space completes a step, or reopens a done one; completing
offers a short reflection (what I learned, what I would do differently) that
Escape skips. ``r`` reschedules with the quick date entry, ``a`` edits the
action with its obstacles, Escape goes back to the action plan.
"""

from __future__ import annotations

from datetime import date
from pathlib import PurePath
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static
from textual.widgets.option_list import Option

from pop_tui.core import arrange, ops, removal
from pop_tui.core.dates import format_date, relative_day
from pop_tui.core.edit import Edit
from pop_tui.core.model import Action, Goal, Reflection, Step
from pop_tui.core.ops import OpError
from pop_tui.core.printable import printable
from pop_tui.core.texts import t
from pop_tui.ui.dialogs.form import FormDialog, FormField, Values
from pop_tui.ui.keys import described
from pop_tui.ui.screens.action_form import edit_action, short_date
from pop_tui.ui.screens.section import Mutation, SectionScreen
from pop_tui.ui.styles import stylesheet
from pop_tui.ui.widgets.record_list import RecordList, hint, record_id

DATE_WIDTH = 13


class StepsScreen(SectionScreen):
    """The steps of one action, with the action's result and obstacles above them."""

    CSS_PATH: ClassVar[list[str | PurePath]] = [stylesheet("actions")]

    TITLE_KEY = "sec.steps"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_done", described("sec.key.done"), id="steps.done"),
        Binding("r", "reschedule", described("sec.key.reschedule"), id="steps.reschedule"),
        Binding("a", "edit_action", described("sec.key.edit_action"), id="steps.action"),
        Binding("w", "reflect", described("eval.key.reflect"), show=False, id="steps.reflect"),
        Binding("escape", "back", described("sec.key.back"), show=False, id="steps.back"),
    ]

    def __init__(self, goal_id: int, action_id: int | None) -> None:
        super().__init__()
        self.goal_id = goal_id
        self.action_id = action_id
        self.gone = False

    def compose_body(self) -> ComposeResult:
        yield Static("", id="steps-info")
        yield RecordList(id="steps-list")

    @property
    def listing(self) -> RecordList:
        return self.query_one("#steps-list", RecordList)

    def on_screen_resume(self) -> None:
        if self.gone:
            self.app.pop_screen()

    def place(self) -> dict[str, object]:
        return {**super().place(), "steps": [self.goal_id, self.action_id]}

    def _goal(self) -> Goal | None:
        return self.pop.store.plan.goals.get(self.goal_id)

    def _action(self) -> Action | None:
        if self.action_id is None:
            return None
        return self.pop.store.plan.actions.get(self.action_id)

    def _steps(self) -> list[Step]:
        plan = self.pop.store.plan
        return arrange.ordered(
            s
            for s in plan.steps.values()
            if s.goal_id == self.goal_id and s.action_id == self.action_id
        )

    def refresh_view(self) -> None:
        goal = self._goal()
        action = self._action()
        if goal is None or (self.action_id is not None and action is None):
            # Deleted (by an undo, in another section or in another session): nothing
            # left to show. Only the screen on top may be popped; else wait until shown.
            self.gone = True
            if self.is_current:
                self.app.pop_screen()
            return
        today = self.pop.today()
        info = [_info_line(t("sec.field.goal"), goal.title)]
        if action is not None:
            info.append(_info_line(t("sec.field.action"), action.action))
            info.append(_info_line(t("sec.field.result"), action.result))
            info.append(_info_line(t("sec.field.obstacles"), action.obstacles))
        else:
            info.append(Content.styled(t("sec.steps.loose"), "italic"))
        self.query_one("#steps-info", Static).update(Content("\n").join(info))
        steps = self._steps()
        options = [_step_option(step, today) for step in steps]
        if not options:
            options.append(hint(t("sec.steps.empty")))
        keep, self.select_next = self.select_next, None
        self.listing.rebuild(options, keep=keep)
        done = sum(1 for s in steps if s.done_on is not None)
        self.sub_title = t("sec.steps.counts", done=done, total=len(steps))

    def _step(self) -> Step | None:
        id = record_id(self.listing.highlighted_id, "step")
        return self.pop.store.plan.steps.get(id) if id is not None else None

    def _step_fields(self, step: Step) -> list[FormField]:
        return [
            FormField("title", t("sec.field.step"), value=step.title, required=True),
            FormField(
                "due",
                t("sec.field.due"),
                "date",
                step.due,
                placeholder=t("sec.hint.date"),
                warn_past=True,
            ),
        ]

    # --- the shared keys ------------------------------------------------------

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_add(self) -> None:
        goal_id, action_id = self.goal_id, self.action_id

        def save(values: Values) -> Mutation:
            def mutation(edit: Edit) -> None:
                if goal_id not in edit.plan.goals:
                    raise OpError(f"there is no goal {goal_id}")
                siblings = [
                    s
                    for s in edit.plan.steps.values()
                    if (s.goal_id, s.action_id) == (goal_id, action_id)
                ]
                made = edit.add(
                    Step,
                    goal_id=goal_id,
                    action_id=action_id,
                    title=values["title"],
                    due=values["due"],
                    order=arrange.next_order(siblings),
                )
                self.select_next = f"step:{made.id}"

            return mutation

        self.form(
            t("sec.steps.add"),
            self._step_fields(Step(id=0)),
            lambda v: t("label.step_add", title=printable(v["title"])),
            save,
        )

    def action_edit(self) -> None:
        step = self._step()
        if step is None:
            self.nothing_here()
            return
        id = step.id

        def save(values: Values) -> Mutation:
            def mutation(edit: Edit) -> None:
                current = edit.plan.steps.get(id)
                if current is None:
                    raise OpError(f"there is no step {id}")
                edit.update(current, title=values["title"], due=values["due"])

            return mutation

        self.form(
            t("sec.steps.edit"),
            self._step_fields(step),
            lambda v: t("label.step_edit", title=printable(v["title"])),
            save,
            record=step,
        )

    def action_delete(self) -> None:
        step = self._step()
        if step is None:
            self.nothing_here()
            return
        id = step.id
        self.confirm_delete(
            t("sec.steps.delete"),
            step.title,
            t("label.step_delete", title=printable(step.title)),
            lambda edit: removal.delete_step(edit, id),
        )

    def action_move(self, delta: int) -> None:
        step = self._step()
        if step is not None:
            self.move_record(step, delta, f"step:{step.id}")

    def action_edit_action(self) -> None:
        action = self._action()
        if action is None:
            self.pop.say(t("sec.steps.no_action"), severity="warning")
            return
        edit_action(self, action, reopen="edit_action")

    def action_reschedule(self) -> None:
        step = self._step()
        if step is None:
            self.nothing_here()
            return
        id = step.id
        now = format_date(step.due) if step.due else t("sec.steps.no_due")
        fields = [
            FormField(
                "due",
                t("sec.field.new_due"),
                "date",
                required=True,
                placeholder=t("sec.hint.date"),
                warn_past=True,
            )
        ]

        def save(values: Values) -> Mutation:
            def mutation(edit: Edit) -> None:
                current = edit.plan.steps.get(id)
                if current is None:
                    raise OpError(f"there is no step {id}")
                edit.update(current, due=values["due"])

            return mutation

        self.form(
            t("sec.steps.reschedule"),
            fields,
            lambda v: t("label.step_reschedule", title=printable(step.title)),
            save,
            intro=t("sec.steps.reschedule_intro", title=step.title, date=now),
            record=step,
            reopen="reschedule",
        )

    def action_toggle_done(self) -> None:
        step = self._step()
        if step is None:
            self.nothing_here()
            return
        id = step.id
        if step.done_on is not None:
            self.commit(
                t("label.step_reopen", title=printable(step.title)),
                lambda edit: ops.reopen_step(edit, id),
            )
            return
        today = self.pop.today()
        label = t("label.done_step", title=printable(step.title))
        if self.commit(label, lambda edit: ops.complete_step(edit, id, today)):
            self.pop.say(t("ui.msg.done", title=printable(step.title)))
            self._offer_reflection(step)

    def action_reflect(self) -> None:
        """Write a reflection on the step under the cursor (done or not, now or later)."""
        step = self._step()
        if step is None:
            self.nothing_here()
            return
        self._offer_reflection(step)

    def _offer_reflection(self, step: Step) -> None:
        today = self.pop.today()
        fields = [
            FormField("learned", t("sec.field.learned")),
            FormField("differently", t("sec.field.differently")),
        ]

        def submit(values: Values) -> bool:
            if not values["learned"] and not values["differently"]:
                return True  # both left empty: the same as skipping

            def mutation(edit: Edit) -> None:
                edit.add(
                    Reflection,
                    on=today,
                    goal_id=step.goal_id,
                    step_id=step.id,
                    learned=values["learned"],
                    differently=values["differently"],
                )

            return self.commit(t("label.reflection", title=printable(step.title)), mutation)

        self.app.push_screen(
            FormDialog(
                t("sec.steps.reflect"),
                fields,
                submit,
                today,
                intro=t("sec.steps.reflect_intro", title=step.title),
                cancel_label=t("sec.steps.skip"),
                # A draft of it opens again with w on the same step.
                origin=self.origin("reflect"),
            )
        )


def _info_line(label: str, text: str) -> Content:
    return Content.assemble((label + ": ", "bold"), printable(text) if text.strip() else "—")


def _step_option(step: Step, today: date) -> Option:
    if step.done_on is not None:
        box = ("[x] ", "green")
        when = (
            t("sec.steps.done_on", date=short_date(step.done_on, today)).ljust(DATE_WIDTH),
            "dim",
        )
        title = (printable(step.title), "dim")
        extra = ""
    else:
        box = ("[ ] ", "")
        title = (printable(step.title), "")
        if step.due is None:
            when = (t("sec.steps.no_due").ljust(DATE_WIDTH), "dim")
            extra = ""
        elif step.due < today:
            when = (("! " + short_date(step.due, today)).ljust(DATE_WIDTH), "bold red")
            extra = relative_day(step.due, today)
        else:
            when = (short_date(step.due, today).ljust(DATE_WIDTH), "")
            extra = relative_day(step.due, today)
    parts: list[tuple[str, str] | str] = [box, when, title]
    if extra:
        parts.append((" · " + extra, "dim"))
    return Option(Content.assemble(*parts), id=f"step:{step.id}")
