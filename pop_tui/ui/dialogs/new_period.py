"""Ask for the new period's name (and the name the current one is kept under).

The form checks the names the way starting the period will, by working out
what it would do (:func:`pop_tui.core.period_preview.preview_period`); a name
that cannot be used is said at its field. Saving the form changes nothing yet:
it hands the preview on, to be confirmed (see :mod:`pop_tui.ui.screens.periods`).
"""

from __future__ import annotations

from datetime import date

from textual.widgets import Input

from pop_tui.core.model import Plan
from pop_tui.core.period_preview import PeriodPreview, preview_period
from pop_tui.core.periods import PeriodError, archive_name, check_name, current_period
from pop_tui.core.printable import printable
from pop_tui.core.texts import t
from pop_tui.ui.dialogs.form import FormDialog, FormField, Values


def sentence(message: str) -> str:
    """A core message ("there is already ...; choose another name") as a sentence at a field.

    The shell shows the same message after "pop: ", where it reads best as it is.
    """
    message = message.strip()
    if not message:
        return message
    end = "" if message[-1] in ".!?" else "."
    return message[0].upper() + message[1:] + end


class NewPeriodDialog(FormDialog):
    """The names of the new period and of the one it closes; the answer is :attr:`preview`."""

    # Two short names are quickly typed again: not worth a draft.
    KEEPS_DRAFTS = False

    def __init__(self, plan: Plan, today: date) -> None:
        current = current_period(plan)
        # The year after the current period's, when it is named by its year.
        after = int(current.name) + 1 if current is not None and current.name.isdecimal() else None
        # Filled in, not only suggested: Enter takes it as it is, typing replaces it.
        suggested = str(after or today.year + 1)
        fields = [
            FormField(
                "name",
                t("periodsui.new.name"),
                value=suggested,
                required=True,
                placeholder=suggested,
            ),
            FormField(
                "archive_as",
                t("periodsui.new.archive_as"),
                value=current.name if current is not None else "",
                # Left empty, the name it gets: it follows the new name (see on_draft).
                placeholder=printable(archive_name(plan, suggested, today)),
            ),
        ]
        super().__init__(
            t("periodsui.new.title"),
            fields,
            self._accept,
            today,
            intro=t("periodsui.new.intro"),
            save_label=t("periodsui.new.next"),
        )
        self.plan = plan
        self.preview: PeriodPreview | None = None
        self.archive_as: str | None = None

    def on_draft(self, values: Values) -> None:
        # Typing this year as the new name moves the default of the current one aside
        # ("2026" becomes "Aug-Nov 2026"): the field says so before the preview does.
        field = self.query_one("#field-archive_as", Input)
        field.placeholder = printable(archive_name(self.plan, str(values["name"]), self.today))

    def check(self, values: Values) -> dict[str, str]:
        name = str(values["name"])
        archive_as = str(values["archive_as"]) or None
        try:
            check_name(self.plan, name)
        except PeriodError as exc:
            return {"name": sentence(str(exc))}
        try:
            self.preview = preview_period(self.plan, name, self.today, archive_as)
        except PeriodError as exc:
            return {"archive_as" if archive_as else "name": sentence(str(exc))}
        self.archive_as = archive_as
        return {}

    def _accept(self, values: Values) -> bool:
        return self.preview is not None
