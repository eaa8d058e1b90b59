"""The action plan: per goal the action, the expected result, the steps and what is next.

One row per action, as in the method's example table: goal, action, expected
result, steps done/total and the next due date. A row whose next step is late
is marked. Enter opens the row's steps. A goal without an action gets a row of
its own so that ``n`` can give it one, and steps that belong to no action (as
``pop add step`` makes them) get a row too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import PurePath
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.events import Resize
from textual.widgets import DataTable

from pop_tui.core import arrange, removal
from pop_tui.core.arrange import goals_in_order
from pop_tui.core.edit import Edit
from pop_tui.core.model import Action, Goal, Plan, Step
from pop_tui.core.ops import OpError
from pop_tui.core.printable import printable
from pop_tui.core.texts import t
from pop_tui.ui.dialogs.form import Values
from pop_tui.ui.keys import described
from pop_tui.ui.screens.action_form import action_fields, edit_action, short_date
from pop_tui.ui.screens.section import Mutation, SectionScreen
from pop_tui.ui.styles import stylesheet

STEPS_WIDTH = 5
NEXT_WIDTH = 11
# Share of the room left for the three text columns: goal, action, result.
SHARES = (0.3, 0.4, 0.3)


@dataclass(frozen=True)
class Row:
    """One row of the action plan: an action, a goal without one, or loose steps."""

    key: str
    goal: Goal
    action: Action | None
    steps: tuple[Step, ...]

    def next_due(self) -> date | None:
        open_dates = [s.due for s in self.steps if s.done_on is None and s.due is not None]
        return min(open_dates, default=None)


def plan_rows(plan: Plan) -> list[Row]:
    """The rows of the action plan, goal by goal (dropped goals left out)."""
    rows: list[Row] = []
    for goal in goals_in_order(plan):
        if goal.status == "dropped":
            continue
        steps = arrange.ordered(s for s in plan.steps.values() if s.goal_id == goal.id)
        actions = arrange.ordered(a for a in plan.actions.values() if a.goal_id == goal.id)
        for action in actions:
            mine = tuple(s for s in steps if s.action_id == action.id)
            rows.append(Row(f"action:{action.id}", goal, action, mine))
        loose = tuple(s for s in steps if s.action_id is None or s.action_id not in plan.actions)
        if loose:
            rows.append(Row(f"loose:{goal.id}", goal, None, loose))
        elif not actions and goal.status == "active":
            rows.append(Row(f"goal:{goal.id}", goal, None, ()))
    return rows


class ActionTable(DataTable[Text]):
    """The action plan's table, moved through with the arrows or j/k."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", described("ui.key.down"), show=False, id="list.down"),
        Binding("up,k", "cursor_up", described("ui.key.up"), show=False, id="list.up"),
        Binding("enter", "select_cursor", described("sec.key.open"), show=False, id="list.open"),
    ]


def _cell(text: str, style: str = "") -> Text:
    return Text(printable(text), style=style, no_wrap=True, overflow="ellipsis")


class ActionPlanScreen(SectionScreen):
    """The action plan table."""

    CSS_PATH: ClassVar[list[str | PurePath]] = [stylesheet("actions")]

    TITLE_KEY = "sec.actions"

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Row] = []

    def compose_body(self) -> ComposeResult:
        yield ActionTable(id="action-table", cursor_type="row", zebra_stripes=False)

    @property
    def table(self) -> ActionTable:
        return self.query_one("#action-table", ActionTable)

    def _widths(self) -> list[int]:
        room = max(30, self.size.width - 2 - 2 * 5 - STEPS_WIDTH - NEXT_WIDTH)
        return [max(8, int(room * share)) for share in SHARES]

    def on_resize(self, event: Resize) -> None:
        self.refresh_view()

    def refresh_view(self) -> None:
        plan = self.pop.store.plan
        today = self.pop.today()
        table = self.table
        keep = self.select_next or self._current_key()
        self.select_next = None
        self.rows = plan_rows(plan)
        table.clear(columns=True)
        goal_w, action_w, result_w = self._widths()
        for label, width in (
            (t("sec.actions.col.goal"), goal_w),
            (t("sec.actions.col.action"), action_w),
            (t("sec.actions.col.result"), result_w),
            (t("sec.actions.col.steps"), STEPS_WIDTH),
            (t("sec.actions.col.next"), NEXT_WIDTH),
        ):
            table.add_column(Text(label, style="bold"), width=width)
        late_rows = 0
        previous_goal: int | None = None
        for row in self.rows:
            done = sum(1 for s in row.steps if s.done_on is not None)
            due = row.next_due()
            late = due is not None and due < today
            late_rows += late
            goal_cell = _cell(row.goal.title if row.goal.id != previous_goal else "", "bold")
            previous_goal = row.goal.id
            if row.action is not None:
                action_cell = _cell(row.action.action)
                result_cell = _cell(row.action.result)
            elif row.steps:
                action_cell = _cell(t("sec.actions.loose"), "italic")
                result_cell = _cell("")
            else:
                action_cell = _cell(t("sec.actions.no_action"), "italic dim")
                result_cell = _cell("")
            if due is None:
                next_cell = _cell("—" if row.steps else "", "dim")
            elif late:
                next_cell = _cell("! " + short_date(due, today), "bold red")
            else:
                next_cell = _cell(short_date(due, today))
            steps_cell = _cell(f"{done}/{len(row.steps)}")
            table.add_row(goal_cell, action_cell, result_cell, steps_cell, next_cell, key=row.key)
        keys = [row.key for row in self.rows]
        if keep in keys:
            table.move_cursor(row=keys.index(keep), animate=False)
        self.sub_title = (
            t("sec.actions.late", n=late_rows) if late_rows else t("sec.actions.none_late")
        )

    def _current_key(self) -> str | None:
        index = self.table.cursor_row
        if not self.rows or not 0 <= index < len(self.rows):
            return None
        return self.rows[index].key

    def _row(self) -> Row | None:
        key = self._current_key()
        return next((row for row in self.rows if row.key == key), None)

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    # --- the shared keys ------------------------------------------------------

    def action_open(self) -> None:
        row = self._row()
        if row is None:
            self.nothing_here()
            return
        if row.action is None and not row.steps:
            self.action_add()
            return
        from pop_tui.ui.screens.steps import StepsScreen

        self.app.push_screen(StepsScreen(row.goal.id, row.action.id if row.action else None))

    def action_add(self) -> None:
        row = self._row()
        fields = action_fields(self, Action(id=0, goal_id=row.goal.id if row else 0))
        if fields is None:
            return

        def save(values: Values) -> Mutation:
            def mutation(edit: Edit) -> None:
                if values["goal_id"] not in edit.plan.goals:
                    raise OpError(f"there is no goal {values['goal_id']}")
                siblings = [a for a in edit.plan.actions.values() if a.goal_id == values["goal_id"]]
                made = edit.add(Action, **values, order=arrange.next_order(siblings))
                self.select_next = f"action:{made.id}"

            return mutation

        self.form(
            t("sec.actions.add"),
            fields,
            lambda v: t("label.action_add", title=printable(v["action"])),
            save,
            intro=t("sec.actions.add_intro"),
        )

    def action_edit(self) -> None:
        row = self._row()
        if row is None:
            self.nothing_here()
            return
        if row.action is None:
            self.action_add()
            return
        edit_action(self, row.action)

    def action_delete(self) -> None:
        row = self._row()
        if row is None or row.action is None:
            self.nothing_here()
            return
        action = row.action
        steps = removal.action_dependents(self.pop.store.plan, action.id).steps
        self.confirm_delete(
            t("sec.actions.delete"),
            action.action,
            t("label.action_delete", title=printable(action.action)),
            lambda edit: removal.delete_action(edit, action.id),
            t("sec.actions.delete_detail", n=steps) if steps else "",
        )

    def action_move(self, delta: int) -> None:
        row = self._row()
        if row is None or row.action is None:
            return
        self.move_record(row.action, delta, row.key)
