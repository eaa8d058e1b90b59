"""The action form, opened from the action plan and from an action's steps; short dates."""

from __future__ import annotations

from datetime import date

from pop_tui.core import arrange
from pop_tui.core.arrange import goals_in_order
from pop_tui.core.edit import Edit
from pop_tui.core.model import Action
from pop_tui.core.ops import OpError
from pop_tui.core.printable import printable
from pop_tui.core.texts import t
from pop_tui.ui.dialogs.form import FormField, Values
from pop_tui.ui.screens.section import Mutation, SectionScreen


def short_date(day: date, today: date) -> str:
    """``20 Nov``, or ``20 Nov 2027`` when it is not this year."""
    month = t(f"date.month.{day.month}")
    if day.year == today.year:
        return t("sec.actions.date", day=day.day, month=month)
    return t("sec.actions.date_year", day=day.day, month=month, year=day.year)


def action_fields(screen: SectionScreen, action: Action) -> list[FormField] | None:
    """The fields of the action form; None (after saying why) when there is no goal yet."""
    goals = [g for g in goals_in_order(screen.pop.store.plan) if g.status != "dropped"]
    if not goals:
        screen.pop.say(t("sec.actions.no_goals"), severity="warning")
        return None
    goal_id = action.goal_id if any(g.id == action.goal_id for g in goals) else goals[0].id
    return [
        FormField(
            "goal_id",
            t("sec.field.goal"),
            "choice",
            goal_id,
            choices=tuple((g.title, g.id) for g in goals),
        ),
        FormField("action", t("sec.field.action"), value=action.action, required=True),
        FormField("result", t("sec.field.result"), value=action.result),
        FormField("obstacles", t("sec.field.obstacles"), value=action.obstacles),
    ]


def edit_action(screen: SectionScreen, action: Action, reopen: str = "edit") -> None:
    """Open the form of an action (goal, action, result, obstacles) and save it.

    ``reopen`` is the action of ``screen`` that opens this form (for a kept draft).
    """
    fields = action_fields(screen, action)
    if fields is None:
        return
    id = action.id

    def save(values: Values) -> Mutation:
        def mutation(edit: Edit) -> None:
            current = edit.plan.actions.get(id)
            if current is None or values["goal_id"] not in edit.plan.goals:
                raise OpError(f"there is no action {id}")
            if values["goal_id"] != current.goal_id:
                siblings = [a for a in edit.plan.actions.values() if a.goal_id == values["goal_id"]]
                edit.update(current, **values, order=arrange.next_order(siblings))
                # The steps follow their action to its new goal.
                for step in list(edit.plan.steps.values()):
                    if step.action_id == id:
                        edit.update(step, goal_id=values["goal_id"])
            else:
                edit.update(current, **values)

        return mutation

    screen.form(
        t("sec.actions.edit"),
        fields,
        lambda v: t("label.action_edit", title=printable(v["action"])),
        save,
        record=action,
        reopen=reopen,
    )
