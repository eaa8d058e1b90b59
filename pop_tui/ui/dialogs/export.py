"""Export the plan from the app: pick a format (and an earlier period), name the file.

The same exports as ``pop export``, written the same way: atomically, private
to the user (0600), and an existing file only when overwriting is chosen.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual.widgets import Input

from pop_tui.core.export import FORMATS, ExportSource, Format, export, with_extension
from pop_tui.core.periods import PeriodError, archived_periods, archived_plan, current_period
from pop_tui.core.printable import printable
from pop_tui.core.texts import t
from pop_tui.store.files import atomic_write
from pop_tui.ui.dialogs.form import FormDialog, FormField, Values

if TYPE_CHECKING:
    from pop_tui.ui.context import PopContext

# Not a possible period name (those are printable), so it cannot clash with one.
CURRENT = "\x00current"
# Where an export goes unless another folder is typed: the folder pop was started in,
# as with `pop export -o FILE` (a name without a folder, so the field stays short).
HERE = Path()


def file_part(name: str) -> str:
    """A period's name as it can stand in a file name anywhere: "2026 (2)" -> "2026-2"."""
    return re.sub(r"\W+", "-", name).strip("-_")


def default_path(folder: Path, fmt: str, today: date, period: str | None = None) -> Path:
    """Where an export goes unless the user says otherwise: the given folder, dated.

    An earlier period is named by its name instead, so that it does not take the
    name of the current plan's export of the same day.
    """
    named = file_part(period) if period is not None else ""
    return folder / f"pop-{named or today.isoformat()}.{fmt}"


class ExportDialog(FormDialog):
    """The export form; saving writes the file and closes the dialog."""

    # A file name and a format are quickly chosen again: not worth a draft.
    KEEPS_DRAFTS = False
    # A file is written on purpose only: typing that ends in Enter (keys meant for
    # another screen) must not write one.
    ENTER_SAVES = False

    def __init__(self, pop: PopContext, period: str | None = None) -> None:
        """``period``: the name of an earlier period to offer first (default: the current plan)."""
        today = pop.today()
        plan = pop.store.plan
        current = current_period(plan)
        periods = [(t("exportui.period_current"), CURRENT)]
        periods += [(printable(p.name), p.name) for p in reversed(archived_periods(plan))]
        chosen = period if period in {value for _, value in periods} else CURRENT
        suggested = default_path(HERE, "html", today, chosen if chosen != CURRENT else None)
        fields = [
            FormField(
                "format",
                t("exportui.format"),
                "choice",
                "html",
                choices=tuple((t(f"exportui.format.{f}"), f) for f in FORMATS),
            ),
            FormField(
                "file",
                t("exportui.file"),
                value=str(suggested),
                required=True,
            ),
            FormField(
                "overwrite",
                t("exportui.overwrite"),
                "choice",
                False,
                choices=((t("exportui.no"), False), (t("exportui.yes"), True)),
            ),
        ]
        if len(periods) > 1:
            fields.insert(
                1,
                FormField(
                    "period",
                    t("exportui.period"),
                    "choice",
                    chosen,
                    choices=tuple(periods),
                ),
            )
        super().__init__(
            t("exportui.title"),
            fields,
            self._export,
            today,
            intro=t("exportui.intro"),
            save_label=t("exportui.save"),
        )
        self.pop = pop
        self.save_key = t("exportui.key")  # the button says "Export (F2)", the key bar "Export"
        self.period_name = current.name if current is not None else ""
        self._suggested = suggested

    def _suggest(self, fmt: str, period: object) -> Path:
        # Remembered, so that the name can follow the choices until the user types another.
        self._suggested = default_path(
            HERE, fmt, self.today, str(period) if period != CURRENT else None
        )
        return self._suggested

    def on_draft(self, values: Values) -> None:
        fmt = values.get("format")
        if fmt not in FORMATS or "file" not in self.fields:
            return
        path = Path(str(self.raw("file")))
        if path == self._suggested:
            # Still the suggested name: it follows the chosen format and period.
            suggested = self._suggest(str(fmt), values.get("period", CURRENT))
            if suggested != path:
                self.query_one("#field-file", Input).value = str(suggested)
            return
        # Follow the chosen format in the file's name while it still ends in another one.
        if path.suffix.lstrip(".") in FORMATS and path.suffix != f".{fmt}":
            self.query_one("#field-file", Input).value = str(path.with_suffix(f".{fmt}"))

    def _export(self, values: Values) -> bool:
        fmt = cast(Format, values["format"])
        out = Path(with_extension(str(values["file"]).strip(), fmt)).expanduser().absolute()
        if out.exists() and not values["overwrite"]:
            self.show_error("file", t("exportui.exists"))
            return False
        store = self.pop.store
        plan = store.plan
        name = self.period_name
        chosen = values.get("period", CURRENT)
        if chosen != CURRENT:
            try:
                found = next(p for p in archived_periods(plan) if p.name == chosen)
                plan = archived_plan(found)
            except (StopIteration, PeriodError) as exc:
                self.show_error("period", str(exc))
                return False
            name = found.name
        source = ExportSource(store.plan_uid, store.revision, name)
        text = export(fmt, plan, source, self.today)
        try:
            atomic_write(out, text.encode("utf-8"))
        except OSError as exc:
            self.show_error("file", printable(str(exc.strerror or exc)))
            return False
        self.pop.say(printable(t("exportui.written", path=out)))
        return True
