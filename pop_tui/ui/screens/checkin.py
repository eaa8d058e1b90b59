"""The daily check-in dialog: tick off today's steps, add a note and a mood, save at once.

Opened by one key from anywhere. The fastest check-in is ``c``, ``space``,
``tab``, the note, ``enter``: the cursor starts on the oldest open step. Enter
saves everything as one change (so one undo takes it all back); Escape closes
the dialog and changes nothing.
"""

from __future__ import annotations

from datetime import date
from pathlib import PurePath
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from pop_tui.core import checkins
from pop_tui.core.dates import format_date
from pop_tui.core.edit import Edit
from pop_tui.core.entry import EntryError, check_length
from pop_tui.core.model import CheckIn
from pop_tui.core.ops import OpError
from pop_tui.core.printable import printable
from pop_tui.core.texts import t
from pop_tui.ui.context import QueuedChangeSettled
from pop_tui.ui.dialogs.base import Dialog
from pop_tui.ui.keys import described
from pop_tui.ui.styles import DIALOG_STYLES, stylesheet
from pop_tui.ui.widgets.entry_input import EntryInput

if TYPE_CHECKING:
    from pop_tui.ui.context import PopContext

WHEN_WIDTH = 12


class CheckList(OptionList):
    """The steps due today or overdue; space ticks the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "tick", described("checkin.key.toggle"), id="checkin.toggle"),
        Binding("down,j", "cursor_down", described("ui.key.down"), show=False, id="checkin.down"),
        Binding("up,k", "cursor_up", described("ui.key.up"), show=False, id="checkin.up"),
    ]

    def action_tick(self) -> None:
        option = self.highlighted_option
        if option is not None and option.id is not None:
            self.screen_checkin.toggle(int(option.id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # A mouse click ticks the step too; Enter never gets here (the dialog saves on it).
        event.stop()
        self.action_tick()

    @property
    def screen_checkin(self) -> CheckInScreen:
        return cast(CheckInScreen, self.screen)


class MoodPicker(Widget, can_focus=True):
    """The mood or energy score: empty, or 1 to 5."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "left,h",
            "step(-1)",
            described("checkin.key.lower"),
            show=False,
            id="checkin.mood_lower",
        ),
        Binding(
            "right,l",
            "step(1)",
            described("checkin.key.higher"),
            show=False,
            id="checkin.mood_higher",
        ),
    ]

    def render(self) -> Content:
        mood = cast(CheckInScreen, self.screen).mood
        parts: list[tuple[str, str] | str] = [(t("checkin.mood") + "  ", "bold")]
        for score in checkins.MOODS:
            # Brackets as well as reverse: the choice stays visible without colour or styles.
            parts.append((f"[{score}]", "bold reverse") if score == mood else f" {score} ")
        parts.append(("  " + t("checkin.mood_hint"), "dim"))
        return Content.assemble(*parts)

    def action_step(self, delta: int) -> None:
        screen = cast(CheckInScreen, self.screen)
        current = screen.mood if screen.mood is not None else (0 if delta > 0 else 6)
        screen.set_mood(min(max(current + delta, checkins.MOODS[0]), checkins.MOODS[-1]))


class CheckInScreen(Dialog[bool]):
    """Today's and overdue steps, a one-line note and a mood; dismissed with True once saved."""

    CSS_PATH: ClassVar[list[str | PurePath]] = [*DIALOG_STYLES, stylesheet("checkin")]

    BINDINGS: ClassVar[list[BindingType]] = [
        # A priority binding, so Enter saves from the list and the note alike.
        Binding("enter", "save", described("checkin.key.save"), priority=True, id="checkin.save"),
        Binding("escape", "cancel", described("checkin.key.cancel"), id="checkin.cancel"),
        *(
            Binding(
                str(n),
                f"mood({n})",
                described("checkin.key.mood"),
                show=False,
                id=f"checkin.mood_{n}",
            )
            for n in checkins.MOODS
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.ticked: set[int] = set()
        self.mood: int | None = None
        # A save waits for another pop to let the plan go: the check-in closes once it is saved.
        self._saving = False

    @property
    def pop(self) -> PopContext:
        return cast("PopContext", self.app)

    def compose(self) -> ComposeResult:
        # The title and the key hint sit in the border: on a 20-line terminal every row counts.
        with Vertical(id="checkin-body") as body:
            body.border_subtitle = Content(t("checkin.hint"))
            yield Static(Content.styled(t("checkin.steps"), "bold"), classes="checkin-label")
            yield CheckList(id="checkin-steps")
            yield EntryInput(placeholder=t("checkin.note"), id="checkin-note")
            yield MoodPicker(id="checkin-mood")

    def on_mount(self) -> None:
        self.watch(self.app, "revision", self.refresh_steps, init=False)
        self.refresh_steps()
        steps = self.query_one(CheckList)
        if steps.option_count and not steps.get_option_at_index(0).disabled:
            steps.highlighted = 0
            steps.focus()
        else:
            self.query_one(Input).focus()

    def refresh_steps(self) -> None:
        """List the open steps due today or earlier; ticks of steps still open are kept."""
        today = self.pop.today()
        # A check-in made today already (maybe from the shell) is not changed by this
        # one; say so, so that nobody thinks the first was lost or is being edited.
        title = checkins.title(self.pop.store.plan, today)
        self.query_one("#checkin-body").border_title = Content.styled(title, "bold")
        due = checkins.steps_to_check(self.pop.store.plan, today)
        self.ticked &= {item.step.id for item in due}
        steps = self.query_one(CheckList)
        highlighted = steps.highlighted
        options: list[Option] = []
        for item in due:
            days = item.days_overdue(today)
            when = t("checkin.late", days=days) if days > 0 else t("checkin.today")
            mark = "[x] " if item.step.id in self.ticked else "[ ] "
            parts: list[tuple[str, str] | str] = [
                (mark, "bold"),
                (when.ljust(WHEN_WIDTH), "red" if days > 0 else "yellow"),
                " " + printable(item.step.title),
            ]
            if item.goal is not None:
                parts.append((" · " + printable(item.goal.title), "dim"))
            options.append(Option(Content.assemble(*parts), id=str(item.step.id)))
        if not options:
            options.append(
                Option(Content.styled("  " + t("checkin.no_steps"), "italic"), disabled=True)
            )
        kept = steps.highlighted_option.id if steps.highlighted_option is not None else None
        steps.set_options(options)
        ids = [option.id for option in options]
        if kept is not None and kept in ids:
            # The same step keeps the cursor when a change elsewhere reorders the list.
            steps.highlighted = ids.index(kept)
        elif highlighted is not None and not options[0].disabled:
            steps.highlighted = min(highlighted, len(options) - 1)

    def toggle(self, step_id: int) -> None:
        """Tick or untick a step; nothing is saved until Enter."""
        self.ticked ^= {step_id}
        self.refresh_steps()

    def set_mood(self, mood: int | None) -> None:
        self.mood = mood
        self.query_one(MoodPicker).refresh()

    def action_mood(self, mood: int) -> None:
        # The same key again clears it: a mood is optional.
        self.set_mood(None if self.mood == mood else mood)

    def action_cancel(self) -> None:
        self.dismiss(False)

    def action_save(self) -> None:
        today = self.pop.today()
        note = self.query_one(Input).value
        try:
            check_length("note", note)
        except EntryError as exc:
            self.pop.say(exc.message, severity="error")
            return
        mood = self.mood
        ticked = set(self.ticked)

        def record(edit: Edit) -> CheckIn:
            # A step finished in another session meanwhile is simply left as it is.
            still_open = [
                i for i in sorted(ticked) if (s := edit.plan.steps.get(i)) and s.done_on is None
            ]
            return checkins.check_in(edit, today, note, mood, still_open)

        if self._saving:
            return  # saved already, waiting for another pop to let the plan go
        try:
            saved = self.pop.save(t("label.checkin", day=format_date(today)), record)
        except OpError as exc:
            self.pop.say(str(exc), severity="error")
            return
        if saved and self.pop.saves_waiting:
            self._saving = True  # the app says it waits; the answer comes as a message
        elif saved:
            self._saved(today)

    @on(QueuedChangeSettled)
    def _queued_change_settled(self, message: QueuedChangeSettled) -> None:
        if not self._saving:
            return
        self._saving = False
        if isinstance(message.error, OpError):
            message.stop()
            self.pop.say(str(message.error), severity="error")  # the check-in stays open
        elif message.error is None and message.saved:
            message.stop()
            self._saved(self.pop.today())
        # Refused otherwise: the app says why, and the check-in stays open.

    def _saved(self, today: date) -> None:
        plan = self.pop.store.plan
        days = checkins.streak(plan, today)
        streak = t("checkin.streak.one") if days == 1 else t("checkin.streak.many", days=days)
        last = checkins.last_checkin(plan, today)
        count = len(last.step_ids) if last is not None else 0
        if count:
            self.pop.say(t("checkin.msg.saved_steps", count=count, streak=streak))
        else:
            self.pop.say(t("checkin.msg.saved", streak=streak))
        self.dismiss(True)
