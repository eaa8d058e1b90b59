"""The evaluation screen's forms of feedback (asked, answered, changed) and reflections."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from pop_tui.core import evaluation
from pop_tui.core.model import Feedback, Reflection
from pop_tui.core.printable import printable
from pop_tui.core.texts import t
from pop_tui.ui.dialogs.form import FormField, Values
from pop_tui.ui.screens.evaluation_forms import EvaluationBase, goal_choice, goal_field
from pop_tui.ui.screens.section import Mutation


class FeedbackForms(EvaluationBase):
    """Asking for feedback, recording the answer, changing a request."""

    def action_ask(self) -> None:
        today = self.pop.today()
        near = self._goal()
        fields = [
            FormField("from_whom", t("eval.field.from_whom"), required=True),
            goal_field(
                self.pop.store.plan,
                t("eval.field.about_goal"),
                t("eval.feedback.no_goal"),
                near.id if near is not None else None,
            ),
            FormField("question", t("eval.field.question")),
            FormField("asked_on", t("eval.field.asked_on"), "date", today, required=True),
            FormField(
                "wanted_by", t("eval.field.wanted_by"), "date", placeholder=t("eval.hint.wanted_by")
            ),
        ]

        def save(values: Values) -> Mutation:
            return self._select_made(
                "feedback",
                partial(
                    evaluation.ask_feedback,
                    from_whom=values["from_whom"],
                    goal_id=goal_choice(values),
                    question=values["question"],
                    asked_on=values["asked_on"],
                    wanted_by=values["wanted_by"],
                ),
            )

        self.form(
            t("eval.feedback.ask"),
            fields,
            lambda v: t("label.feedback_ask", who=printable(v["from_whom"])),
            save,
            reopen="ask",
        )

    def action_answer(self) -> None:
        """Record the answer to the feedback request under the cursor (Enter on it; a kept
        draft of the answer form opens it again by this name)."""
        item = self._feedback()
        if item is None:
            self.nothing_here()
            return
        self._answer(item)

    def _answer(self, item: Feedback) -> None:
        id = item.id
        fields = [
            FormField("answer", t("eval.field.answer"), value=item.answer, required=True),
            FormField(
                "answered_on",
                t("eval.field.answered_on"),
                "date",
                item.answered_on or self.pop.today(),
                required=True,
            ),
        ]

        def save(values: Values) -> Mutation:
            return partial(
                evaluation.answer_feedback,
                feedback_id=id,
                answer=values["answer"],
                on=values["answered_on"],
            )

        self.form(
            t("eval.feedback.answer"),
            fields,
            lambda v: t("label.feedback_answer", who=printable(item.from_whom)),
            save,
            intro=_feedback_intro(item),
            record=item,
            reopen="answer",
        )

    def _edit_feedback(self, item: Feedback) -> None:
        id = item.id
        fields = [
            FormField("from_whom", t("eval.field.from_whom"), value=item.from_whom, required=True),
            goal_field(
                self.pop.store.plan,
                t("eval.field.about_goal"),
                t("eval.feedback.no_goal"),
                item.goal_id,
            ),
            FormField("question", t("eval.field.question"), value=item.question),
            FormField("asked_on", t("eval.field.asked_on"), "date", item.asked_on, required=True),
            FormField("wanted_by", t("eval.field.wanted_by"), "date", item.wanted_by),
            FormField("answer", t("eval.field.answer"), value=item.answer),
            FormField("answered_on", t("eval.field.answered_on"), "date", item.answered_on),
        ]
        today = self.pop.today()

        def save(values: Values) -> Mutation:
            return partial(
                evaluation.edit_feedback,
                feedback_id=id,
                today=today,
                from_whom=values["from_whom"],
                goal_id=goal_choice(values),
                question=values["question"],
                asked_on=values["asked_on"],
                wanted_by=values["wanted_by"],
                answer=values["answer"],
                answered_on=values["answered_on"],
            )

        self.form(
            t("eval.feedback.edit"),
            fields,
            lambda v: t("label.feedback_edit", who=printable(v["from_whom"])),
            save,
            record=item,
            reopen="edit",
        )


class ReflectionForms(EvaluationBase):
    """Writing a reflection and changing one."""

    def _reflection_fields(self, reflection: Reflection) -> list[FormField]:
        # The texts first: the form opens with the cursor in the first field, and what
        # one types straight away is the reflection, not the choice of a goal.
        return [
            FormField("learned", t("eval.field.learned"), value=reflection.learned),
            FormField("differently", t("eval.field.differently"), value=reflection.differently),
            goal_field(
                self.pop.store.plan,
                t("eval.field.about_goal"),
                t("eval.reflection.no_goal"),
                reflection.goal_id,
            ),
            FormField("on", t("eval.field.written_on"), "date", reflection.on, required=True),
        ]

    def action_reflect(self) -> None:
        near = self._goal()
        today = self.pop.today()
        draft = Reflection(id=0, on=today, goal_id=near.id if near is not None else None)

        def save(values: Values) -> Mutation:
            return self._select_made(
                "reflection",
                partial(
                    evaluation.write_reflection,
                    on=values["on"],
                    goal_id=goal_choice(values),
                    learned=values["learned"],
                    differently=values["differently"],
                ),
            )

        self._reflection_form(
            t("eval.reflection.add"),
            draft,
            save,
            t("label.reflection_add"),
            record=None,
            reopen="reflect",
        )

    def _edit_reflection(self, reflection: Reflection) -> None:
        id = reflection.id

        def save(values: Values) -> Mutation:
            return partial(
                evaluation.edit_reflection,
                reflection_id=id,
                goal_id=goal_choice(values),
                learned=values["learned"],
                differently=values["differently"],
                on=values["on"],
            )

        self._reflection_form(
            t("eval.reflection.edit"),
            reflection,
            save,
            t("label.reflection_edit"),
            record=reflection,
            reopen="edit",
        )

    def _reflection_form(
        self,
        title: str,
        reflection: Reflection,
        save: Callable[[Values], Mutation],
        label: str,
        *,
        record: Reflection | None,
        reopen: str,
    ) -> None:
        def check(values: Values) -> dict[str, str]:
            if not values["learned"] and not values["differently"]:
                return {"learned": t("eval.error.reflection_empty")}
            return {}

        self._checked_form(
            title,
            self._reflection_fields(reflection),
            lambda _values: label,
            save,
            check,
            record=record,
            reopen=reopen,
        )


def _feedback_intro(item: Feedback) -> str:
    who = item.from_whom or "?"
    return (
        t("eval.feedback.answer_intro", who=who, question=item.question)
        if item.question
        else t("eval.feedback.answer_intro_plain", who=who)
    )
