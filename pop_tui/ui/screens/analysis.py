"""Analysis: the personal SWOT as four quadrants, and the trends in one's field.

Each item shows the goals that address it; a weakness or threat that no goal
addresses is marked, since that is where the plan has a gap. The quadrants sit
in a 2x2 grid (stacked on a narrow terminal); the arrows move within a quadrant
and, at its edge, on to the next one, as do left/right and h/l.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePath
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid
from textual.content import Content
from textual.events import DescendantFocus
from textual.widgets.option_list import Option

from pop_tui.core import arrange, coverage, removal
from pop_tui.core.edit import Edit
from pop_tui.core.model import QUADRANTS, Quadrant, SwotItem, Trend
from pop_tui.core.ops import OpError
from pop_tui.core.printable import printable
from pop_tui.core.texts import t
from pop_tui.ui.dialogs.choice import ChoiceDialog
from pop_tui.ui.dialogs.form import FormField, Values
from pop_tui.ui.keys import described
from pop_tui.ui.screens.section import Mutation, SectionScreen
from pop_tui.ui.styles import stylesheet
from pop_tui.ui.widgets.record_list import RecordList, hint, record_id

TRENDS = "trends"
# Where the cursor goes from each list: the quadrants read S W / O T, trends below.
NEIGHBOURS: dict[str, dict[str, str]] = {
    "S": {"right": "W", "down": "O"},
    "W": {"left": "S", "down": "T"},
    "O": {"right": "T", "up": "S", "down": TRENDS},
    "T": {"left": "O", "up": "W", "down": TRENDS},
    TRENDS: {"up": "O"},
}


def quadrant_name(quadrant: Quadrant) -> str:
    return t(f"sec.swot.{quadrant}")


def _item_option(item: SwotItem, goal_titles: list[str], gap: bool) -> Option:
    marker = ("! ", "bold red") if gap else ("  ", "")
    lines = [Content.assemble(marker, printable(item.text))]
    if goal_titles:
        lines.append(Content.styled("   → " + " · ".join(map(printable, goal_titles)), "dim"))
    elif gap:
        lines.append(Content.styled("   " + t("sec.swot.no_goal"), "italic red"))
    return Option(Content("\n").join(lines), id=f"swot:{item.id}")


class AnalysisScreen(SectionScreen):
    """The SWOT quadrants and the trends, each a list of its own."""

    CSS_PATH: ClassVar[list[str | PurePath]] = [stylesheet("analysis")]

    TITLE_KEY = "sec.analysis"
    # Textual declares this without ClassVar, so it cannot be annotated as one here.
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012
        (0, "-narrow"),
        (70, "-wide"),
    ]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "to_quadrant", described("sec.key.quadrant"), id="analysis.quadrant"),
        Binding(
            "left,h", "neighbour('left')", described("sec.key.left"), show=False, id="analysis.left"
        ),
        Binding(
            "right,l",
            "neighbour('right')",
            described("sec.key.right"),
            show=False,
            id="analysis.right",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.current = "S"

    def compose_body(self) -> ComposeResult:
        with Grid(id="swot"):
            for quadrant in QUADRANTS:
                yield RecordList(id=f"list-{quadrant}", classes="quadrant")
            yield RecordList(id=f"list-{TRENDS}", classes="trends")

    def listing(self, name: str) -> RecordList:
        return self.query_one(f"#list-{name}", RecordList)

    def refresh_view(self) -> None:
        plan = self.pop.store.plan
        for quadrant in QUADRANTS:
            items = coverage.swot_quadrant(plan, quadrant)
            options: list[Option] = []
            for item in items:
                titles = [g.title for g in coverage.goals_addressing(plan, item.id)]
                gap = quadrant in coverage.GAP_QUADRANTS and not titles
                options.append(_item_option(item, titles, gap))
            if not options:
                options.append(hint(t("sec.empty_add")))
            listing = self.listing(quadrant)
            listing.border_title = Content(
                t("sec.swot.title", name=quadrant_name(quadrant), n=len(items))
            )
            self._fill(listing, options)
        trends = arrange.ordered(plan.table(Trend).values())
        listing = self.listing(TRENDS)
        listing.border_title = Content(t("sec.swot.trends", n=len(trends)))
        self._fill(
            listing,
            [Option(Content(printable(trend.text)), id=f"trend:{trend.id}") for trend in trends]
            or [hint(t("sec.swot.trends_empty"))],
        )
        gaps = len(coverage.unaddressed_swot_items(plan))
        self.sub_title = t("sec.swot.gaps", n=gaps) if gaps else t("sec.swot.no_gaps")

    def _fill(self, listing: RecordList, options: list[Option]) -> None:
        ids = [option.id for option in options]
        keep = self.select_next if self.select_next in ids else None
        listing.rebuild(options, keep=keep)
        if keep is not None:
            self.select_next = None
            listing.focus()
            # At once, not when the focus event comes: an action may follow right away.
            self.current = (listing.id or "").removeprefix("list-") or self.current

    # --- where the cursor is ----------------------------------------------------

    def place(self) -> dict[str, object]:
        return {"list": self.current}

    def cursor_id(self) -> str | None:
        return self.listing(self.current).highlighted_id

    def come_back(self, place: Mapping[str, object], cursor: str | None) -> None:
        named = place.get("list")
        if isinstance(named, str) and named in NEIGHBOURS:
            self.current = named
            self.listing(named).focus()
        super().come_back(place, cursor)

    @on(DescendantFocus)
    def _focused(self, event: DescendantFocus) -> None:
        if isinstance(event.widget, RecordList) and event.widget.id:
            self.current = event.widget.id.removeprefix("list-")

    def _selected(self) -> tuple[str, int] | None:
        """("swot" or "trends", id) of the record under the cursor in the current list."""
        option_id = self.listing(self.current).highlighted_id
        if self.current == TRENDS:
            found = record_id(option_id, "trend")
            return (Trend.TABLE, found) if found is not None else None
        found = record_id(option_id, "swot")
        return (SwotItem.TABLE, found) if found is not None else None

    def action_neighbour(self, direction: str) -> None:
        target = NEIGHBOURS[self.current].get(direction)
        if target is not None:
            self.listing(target).focus()

    @on(RecordList.EdgeReached)
    def _edge(self, event: RecordList.EdgeReached) -> None:
        target = NEIGHBOURS[self.current].get(event.edge)
        if target is None:
            return
        listing = self.listing(target)
        listing.focus()
        listing.highlight_near(listing.option_count - 1 if event.edge == "up" else 0)

    # --- the shared keys ------------------------------------------------------

    def _text_fields(self, text: str, quadrant: str | None) -> list[FormField]:
        fields = [FormField("text", t("sec.field.text"), value=text, required=True)]
        if quadrant is not None:
            choices = tuple((quadrant_name(q), q) for q in QUADRANTS)
            fields.append(
                FormField("quadrant", t("sec.field.quadrant"), "choice", quadrant, choices=choices)
            )
        return fields

    def action_add(self) -> None:
        if self.current == TRENDS:

            def add_trend(values: Values) -> Mutation:
                def mutation(edit: Edit) -> None:
                    order = arrange.next_order(edit.plan.table(Trend).values())
                    made = edit.add(Trend, text=values["text"], order=order)
                    self.select_next = f"trend:{made.id}"

                return mutation

            self.form(
                t("sec.swot.add_trend"),
                self._text_fields("", None),
                lambda v: t("label.trend_add", text=printable(v["text"])),
                add_trend,
            )
            return

        def add_item(values: Values) -> Mutation:
            def mutation(edit: Edit) -> None:
                quadrant: Quadrant = values["quadrant"]
                order = arrange.next_order(coverage.swot_quadrant(edit.plan, quadrant))
                made = edit.add(SwotItem, quadrant=quadrant, text=values["text"], order=order)
                self.select_next = f"swot:{made.id}"

            return mutation

        self.form(
            t("sec.swot.add"),
            self._text_fields("", self.current),
            lambda v: t("label.swot_add", text=printable(v["text"])),
            add_item,
        )

    def action_edit(self) -> None:
        selected = self._selected()
        if selected is None:
            self.nothing_here()
            return
        table, id = selected
        plan = self.pop.store.plan
        if table == Trend.TABLE:
            trend = plan.table(Trend)[id]

            def edit_trend(values: Values) -> Mutation:
                def mutation(edit: Edit) -> None:
                    current = edit.plan.table(Trend).get(id)
                    if current is None:
                        raise OpError(f"there is no trend {id}")
                    edit.update(current, text=values["text"])

                return mutation

            self.form(
                t("sec.swot.edit_trend"),
                self._text_fields(trend.text, None),
                lambda v: t("label.trend_edit", text=printable(v["text"])),
                edit_trend,
                record=trend,
            )
            return
        item = plan.swot[id]

        def edit_item(values: Values) -> Mutation:
            def mutation(edit: Edit) -> None:
                current = edit.plan.swot.get(id)
                if current is None:
                    raise OpError(f"there is no SWOT item {id}")
                edit.update(current, text=values["text"])
                if values["quadrant"] != current.quadrant:
                    arrange.move_to_quadrant(edit, id, values["quadrant"])
                self.select_next = f"swot:{id}"

            return mutation

        self.form(
            t("sec.swot.edit"),
            self._text_fields(item.text, item.quadrant),
            lambda v: t("label.swot_edit", text=printable(v["text"])),
            edit_item,
            record=item,
        )

    def action_delete(self) -> None:
        selected = self._selected()
        if selected is None:
            self.nothing_here()
            return
        table, id = selected
        plan = self.pop.store.plan
        if table == Trend.TABLE:
            trend = plan.table(Trend)[id]
            self.confirm_delete(
                t("sec.swot.delete_trend"),
                trend.text,
                t("label.trend_delete", text=printable(trend.text)),
                lambda edit: edit.delete(trend),
            )
            return
        item = plan.swot[id]
        linked = coverage.goals_addressing(plan, id)
        detail = t("sec.swot.delete_detail", n=len(linked)) if linked else ""
        self.confirm_delete(
            t("sec.swot.delete"),
            item.text,
            t("label.swot_delete", text=printable(item.text)),
            lambda edit: removal.delete_swot_item(edit, id),
            detail,
        )

    def action_move(self, delta: int) -> None:
        selected = self._selected()
        record = self.pop.store.plan.get(*selected) if selected is not None else None
        if record is not None:
            self.move_record(record, delta, self.listing(self.current).highlighted_id or "")

    def action_to_quadrant(self) -> None:
        selected = self._selected()
        if selected is None or selected[0] != SwotItem.TABLE:
            self.nothing_here()
            return
        id = selected[1]
        item = self.pop.store.plan.swot[id]

        def chosen(quadrant: str | None) -> None:
            if quadrant is None or quadrant not in QUADRANTS or quadrant == item.quadrant:
                return
            target: Quadrant = quadrant
            self.select_next = f"swot:{id}"
            label = t("label.swot_quadrant", text=printable(item.text), name=quadrant_name(target))
            if self.commit(label, lambda edit: arrange.move_to_quadrant(edit, id, target)):
                self.listing(target).focus()

        options = [(q, f"{q}  {quadrant_name(q)}") for q in QUADRANTS]
        self.app.push_screen(ChoiceDialog(t("sec.swot.move_to"), options, item.quadrant), chosen)
