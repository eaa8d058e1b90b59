"""The guided start: an empty plan gets a first entry in each of the four parts.

A welcome, then five forms one after another, the same forms the sections use:
the SWOT (one item per quadrant), one goal with the live SMART check, an
employer goal, an action with its first dated step, and a review moment. Each
form saves through the store at once (so ``u`` undoes it like any change);
Escape skips it and the next one comes. At the end the dashboard shows the plan.

Interrupted anywhere, the guide is found again: the dashboard offers the first
step the plan still lacks (see :mod:`pop_tui.core.guide`), and a form of the
guide left with typing in it (a closed terminal) is kept as a draft that opens
the same step again, typing and all, and goes on from there.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, ClassVar

from dateutil.relativedelta import relativedelta
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from pop_tui.core import arrange, ops
from pop_tui.core.dates import parse_recurrence
from pop_tui.core.edit import Edit
from pop_tui.core.guide import STEPS, GuideStep, as_step, steps_left, unanswered_gaps
from pop_tui.core.model import QUADRANTS, Action, EmployerGoal, Goal, Step, SwotItem
from pop_tui.core.printable import printable
from pop_tui.core.texts import t
from pop_tui.ui.context import ShowSection, pop_context
from pop_tui.ui.dialogs.base import Dialog
from pop_tui.ui.dialogs.form import FormDialog, FormField, Values
from pop_tui.ui.dialogs.goal_form import GoalForm
from pop_tui.ui.keys import described
from pop_tui.ui.navigation import HOME
from pop_tui.ui.screens.goals import existing_links
from pop_tui.ui.styles import DIALOG_STYLES, stylesheet

if TYPE_CHECKING:
    from textual.app import App

FormSubmit = Callable[[Values], bool]
Next = Callable[[], object]

# How often the review comes back: the choice's value, and the rule's words for it.
REPEATS: tuple[tuple[str, str], ...] = (
    ("monthly", "guide.repeat.monthly"),
    ("quarterly", "guide.repeat.quarterly"),
    ("", "guide.repeat.none"),
)


class GuideWelcome(Dialog[bool]):
    """What the guided start does; Enter starts it, Escape leaves the plan empty for now."""

    CSS_PATH: ClassVar[list[str | PurePath]] = [*DIALOG_STYLES, stylesheet("terminal")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "skip", described("guide.key.skip"), id="guide.skip"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="guide-body"):
            yield Static(Content.styled(t("guide.welcome.title"), "bold"), id="guide-title")
            yield Static(Content(t("guide.welcome")), id="guide-text")
            with Horizontal(id="guide-buttons"):
                yield Button(Content(t("guide.start")), id="guide-start", compact=True)
                yield Button(Content(t("guide.skip_all")), id="guide-skip", compact=True)

    def on_mount(self) -> None:
        self.query_one("#guide-start", Button).focus()

    def action_skip(self) -> None:
        self.dismiss(False)

    @on(Button.Pressed, "#guide-start")
    def _start(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#guide-skip")
    def _skip(self) -> None:
        self.dismiss(False)


class GuidedStart:
    """Runs the guided start in ``app``: each step opens when the one before closes."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.pop = pop_context(app)
        self.goal_id: int | None = None

    @property
    def today(self) -> date:
        return self.pop.today()

    def begin(self) -> None:
        self.app.push_screen(GuideWelcome(), self._welcomed)

    def _welcomed(self, start: bool | None) -> None:
        if start:
            self._swot()
        else:
            self.pop.say(t("guide.skipped"))

    def open_step(self, step: GuideStep) -> FormDialog | None:
        """Go on from ``step`` (the welcome is left out); its form, or None when it has none."""
        return {
            "swot": self._swot,
            "goal": self._goal,
            "employer": self._employer,
            "action": self._action,
            "review": self._review,
        }[step]()

    def _after(self, step: GuideStep) -> Callable[[], FormDialog | None]:
        """What comes after ``step``: the next step whose part the plan still lacks.

        On a first run that is simply the next step; a guide taken up again later
        passes over the parts made meanwhile (or in the steps before).
        """

        def go() -> FormDialog | None:
            left = steps_left(self.pop.store.plan)
            later = [s for s in STEPS[STEPS.index(step) + 1 :] if s in left]
            if later:
                return self.open_step(later[0])
            self._done()
            return None

        return go

    def _push(self, step: GuideStep, dialog: FormDialog, after: Next) -> FormDialog:
        # How to open this step again, for a draft kept when the terminal closes.
        dialog.origin = {"guide": step}
        # Escape does not cancel the guide, it skips a step: the buttons and keys say so.
        dialog.save_label, dialog.save_key = t("guide.button.next"), t("guide.key.next")
        dialog.cancel_label, dialog.cancel_key = t("guide.button.skip"), t("guide.key.skip_step")

        def closed(_saved: bool | None) -> None:
            after()

        self.app.push_screen(dialog, closed)
        return dialog

    def _form(
        self,
        step: GuideStep,
        title: str,
        intro: str,
        fields: list[FormField],
        submit: FormSubmit,
        after: Next,
    ) -> FormDialog:
        dialog = FormDialog(title, fields, submit, self.today, intro=intro)
        return self._push(step, dialog, after)

    # --- 1. analysis --------------------------------------------------------------

    def _swot(self) -> FormDialog:
        fields = [FormField(q, t(f"sec.swot.{q}")) for q in QUADRANTS]
        has_owner = bool(self.pop.store.plan.profile.owner)
        if not has_owner:
            # The pack and the dashboard carry the owner's name; nothing else asks for it.
            fields.insert(0, FormField("owner", t("guide.field.owner")))

        def submit(values: Values) -> bool:
            texts = {q: values[q] for q in QUADRANTS if values[q]}
            owner = values.get("owner", "")
            if not texts and not owner:
                return True  # nothing typed: the same as skipping

            def mutation(edit: Edit) -> None:
                if owner and not edit.plan.profile.owner:
                    edit.put(edit.plan.profile.replace(owner=owner))
                for quadrant, text in texts.items():
                    group = [i for i in edit.plan.swot.values() if i.quadrant == quadrant]
                    edit.add(
                        SwotItem, quadrant=quadrant, text=text, order=arrange.next_order(group)
                    )

            return self.pop.save(t("label.guide.swot"), mutation)

        intro = t("guide.swot.intro") if has_owner else t("guide.swot.intro_owner")
        return self._form("swot", t("guide.swot.title"), intro, fields, submit, self._after("swot"))

    # --- 2. a goal ----------------------------------------------------------------

    def _goal(self) -> FormDialog:
        # The goal starts linked to the weaknesses and threats no goal answers yet (the
        # ones just written down): the analysis would flag them otherwise.
        gaps = unanswered_gaps(self.pop.store.plan)
        draft = Goal(id=0, horizon="short", kind="professional", swot_ids=gaps)
        today = self.today

        def submit(values: Values) -> bool:
            def mutation(edit: Edit) -> Goal:
                group = [
                    g
                    for g in edit.plan.goals.values()
                    if (g.horizon, g.kind) == (values["horizon"], values["kind"])
                ]
                fields = existing_links(edit, values)
                made = edit.add(Goal, **fields, created=today, order=arrange.next_order(group))
                self.goal_id = made.id
                return made

            label = t("label.goal_add", title=printable(values["title"]))
            return self.pop.save(label, mutation)

        form = GoalForm(t("guide.goal.title"), draft, self.pop.store.plan, submit, today)
        form.intro = t("guide.goal.intro")
        if gaps:
            form.intro += " " + t("guide.goal.linked")
        return self._push("goal", form, self._after("goal"))

    # --- 3. employer --------------------------------------------------------------

    def _employer(self) -> FormDialog:
        fields = [
            FormField("title", t("sec.field.employer_goal"), required=True),
            FormField("department_contribution", t("sec.employer.department_contribution")),
            FormField("my_contribution", t("sec.employer.my_contribution")),
        ]
        goal_id = self.goal_id

        def submit(values: Values) -> bool:
            def mutation(edit: Edit) -> None:
                made = edit.add(
                    EmployerGoal,
                    **values,
                    order=arrange.next_order(edit.plan.employer_goals.values()),
                )
                goal = edit.plan.goals.get(goal_id) if goal_id is not None else None
                if goal is not None:
                    # The goal just made supports it: that is what step 3 asks about.
                    edit.update(goal, employer_goal_ids=(*goal.employer_goal_ids, made.id))

            label = t("label.guide.employer", title=printable(values["title"]))
            return self.pop.save(label, mutation)

        return self._form(
            "employer",
            t("guide.employer.title"),
            t("guide.employer.intro"),
            fields,
            submit,
            self._after("employer"),
        )

    # --- 4. action plan -----------------------------------------------------------

    def _action(self) -> FormDialog | None:
        plan = self.pop.store.plan
        goal = plan.goals.get(self.goal_id) if self.goal_id is not None else None
        if goal is None:
            goal = next(iter(arrange.ordered(plan.goals.values())), None)
        if goal is None:
            return self._after("action")()  # no goal to act on: the action plan has to wait
        goal_id = goal.id
        fields = [
            FormField("action", t("sec.field.action"), required=True),
            FormField("result", t("sec.field.result")),
            FormField("step", t("guide.field.first_step"), required=True),
            FormField(
                "due",
                t("sec.field.due"),
                "date",
                required=True,
                placeholder=t("sec.hint.date"),
                warn_past=True,
            ),
        ]

        def submit(values: Values) -> bool:
            def mutation(edit: Edit) -> None:
                if goal_id not in edit.plan.goals:
                    raise ops.OpError(f"there is no goal {goal_id}")
                siblings = [a for a in edit.plan.actions.values() if a.goal_id == goal_id]
                action = edit.add(
                    Action,
                    goal_id=goal_id,
                    action=values["action"],
                    result=values["result"],
                    order=arrange.next_order(siblings),
                )
                edit.add(
                    Step,
                    goal_id=goal_id,
                    action_id=action.id,
                    title=values["step"],
                    due=values["due"],
                    order=0,
                )

            label = t("label.guide.action", title=printable(values["action"]))
            try:
                return self.pop.save(label, mutation)
            except ops.OpError:
                self.pop.say(t("sec.msg.gone"), severity="warning")
                return False

        intro = t("guide.action.intro", goal=printable(goal.title))
        after = self._after("action")
        return self._form("action", t("guide.action.title"), intro, fields, submit, after)

    # --- 5. a review moment -------------------------------------------------------

    def _review(self) -> FormDialog:
        first = self.today + relativedelta(months=1)
        fields = [
            FormField(
                "title",
                t("guide.field.review_title"),
                value=t("guide.review.default_title"),
                required=True,
            ),
            FormField(
                "start",
                t("guide.field.review_on"),
                "date",
                first,
                required=True,
                placeholder=t("sec.hint.date"),
            ),
            FormField(
                "repeat",
                t("guide.field.repeat"),
                "choice",
                REPEATS[0][0],
                choices=tuple((t(key), value) for value, key in REPEATS),
            ),
        ]

        def submit(values: Values) -> bool:
            start: date = values["start"]
            rule = parse_recurrence(values["repeat"], start) if values["repeat"] else ""

            def mutation(edit: Edit) -> None:
                ops.schedule_review(edit, values["title"], start, rule)

            label = t("label.guide.review", title=printable(values["title"]))
            return self.pop.save(label, mutation)

        return self._form(
            "review",
            t("guide.review.title"),
            t("guide.review.intro"),
            fields,
            submit,
            self._after("review"),
        )

    def _done(self) -> None:
        self.app.post_message(ShowSection("dashboard"))
        if not self.pop.store.plan.is_empty():
            self.pop.say(t("guide.done"))


async def reopen_step(app: App[Any], step: object, typed: dict[str, object]) -> str:
    """Open the guide's ``step`` again with a draft's typing; "" when done, else why not."""
    found = as_step(step)
    if found is None:
        return t("draft.reason.unknown")
    await app.switch_mode(HOME)
    while len(app.screen_stack) > 1:
        await app.pop_screen()
    form = GuidedStart(app).open_step(found)
    if form is None:
        return t("draft.reason.gone")
    form.restore(typed, None)
    return ""
