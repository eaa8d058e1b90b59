"""The plan in other formats, each a pure function of the plan.

* ``md`` and ``html``: the conversation pack for the yearly talk with a manager
  (:mod:`.markdown`, :mod:`.html`, both laid out from :mod:`.pack`);
* ``ics``: steps, reviews and deadlines for a calendar (:mod:`.ical`);
* ``json``: the full plan, which ``pop import`` reads back (:mod:`.json_doc`).

:func:`export` picks one by name, for the shell command and the TUI alike.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pop_tui.core.export.html import export_html
from pop_tui.core.export.ical import export_ical
from pop_tui.core.export.json_doc import export_json
from pop_tui.core.export.markdown import export_markdown
from pop_tui.core.export.pack import plan_language
from pop_tui.core.model import Plan
from pop_tui.core.value import Value

Format = Literal["md", "html", "ics", "json"]
FORMATS: tuple[Format, ...] = ("md", "html", "ics", "json")
# The usual file name endings of each format, for guessing it from ``-o FILE``.
EXTENSIONS: dict[str, Format] = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".ics": "ics",
    ".ical": "ics",
    ".json": "json",
}


def with_extension(name: str, fmt: Format) -> str:
    """``name`` as the file to write: a name with no extension at all gets the format's.

    "pack" becomes "pack.html"; "pack.md" and "notes.v2" stay as they are.
    """
    stem = name.rstrip()
    last = stem.rsplit("/", 1)[-1]
    if not last or "." in last.lstrip("."):
        return stem
    return f"{stem}.{fmt}"


class ExportSource(Value):
    """What an export needs besides the plan: who the plan is, and its state."""

    plan_uid: str
    revision: int = 0
    period: str = ""


def export(
    fmt: Format, plan: Plan, source: ExportSource, today: date, lang: str | None = None
) -> str:
    """``plan`` in format ``fmt`` on ``today``; texts in ``lang`` (default: the plan's language)."""
    lang = lang or plan_language(plan)
    if fmt == "md":
        return export_markdown(plan, today, lang, source.period)
    if fmt == "html":
        return export_html(plan, today, lang, source.period)
    if fmt == "ics":
        return export_ical(plan, source.plan_uid, today, source.revision, lang)
    return export_json(plan, source.plan_uid, today)


__all__ = ["EXTENSIONS", "FORMATS", "ExportSource", "Format", "export", "with_extension"]
