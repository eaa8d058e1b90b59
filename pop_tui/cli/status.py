"""``pop status``: one line for a shell prompt or a status bar, or nothing at all.

``2 late · 1 due today · review in 3 d``: the late steps, the steps due today,
the next review when it is due within a week (or late), and late feedback
requests. Nothing needs attention: no output. A prompt must never break, so
``pop status`` never fails for what is in the plan: no plan yet is an empty
plan, and a plan that cannot be read prints ``pop: plan unreadable`` (exit code
0; ``pop agenda`` says what is wrong). Only a command line that does not fit
the grammar is an error (exit code 2), as for every command.
"""

from __future__ import annotations

import os
import sys

from pop_tui.core.texts import t
from pop_tui.store import agenda_index

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from datetime import date
    from typing import Any

    from pop_tui.cli.context import Context
    from pop_tui.cli.parser import Common
    from pop_tui.cli.terminal import Paint
    from pop_tui.store.agenda_index import Status

JSON_VERSION = 1
# How far ahead `pop status` mentions the next review.
STATUS_DAYS = 7


def status_parts(found: Status) -> list[tuple[str, str]]:
    """What ``pop status`` says, as (text, colour) pairs; empty when nothing needs attention."""
    parts: list[tuple[str, str]] = []
    if found.late:
        parts.append((t("status.late", count=found.late), "red"))
    if found.due_today:
        parts.append((t("status.today", count=found.due_today), "yellow"))
    if found.review is not None:
        days = (found.review.due - found.today).days
        if days < 0:
            parts.append((t("status.review_late", days=-days), "red"))
        elif days == 0:
            parts.append((t("status.review_today"), "yellow"))
        else:
            parts.append((t("status.review_in", days=days), ""))
    if found.late_feedback:
        parts.append((t("status.feedback", count=found.late_feedback), "red"))
    return parts


def status_line(found: Status, paint: Paint) -> str:
    """``2 late · 1 due today · review in 3 d``, or nothing."""
    return " · ".join(
        paint(text, colour) if colour else text for text, colour in status_parts(found)
    )


def status_document(found: Status) -> dict[str, Any]:
    """``pop status --json`` (schema version 1, see docs/cli.md)."""
    review = found.review
    return {
        "version": JSON_VERSION,
        "today": found.today.isoformat(),
        "late_steps": found.late,
        "due_today": found.due_today,
        "next_review": None
        if review is None
        else {
            "id": review.id,
            "title": review.title,
            "due": review.due.isoformat(),
            "in_days": (review.due - found.today).days,
        },
        "late_feedback": found.late_feedback,
        "line": " · ".join(text for text, _ in status_parts(found)),
        "error": None,
    }


def status_text(db_file: str, today: date, as_json: bool) -> str:
    """What ``pop status`` prints (without the final newline; empty: print nothing)."""
    try:
        found = agenda_index.read_status(db_file, today, STATUS_DAYS)
    except Exception:
        if not as_json:
            return t("status.unreadable")
        import json

        document = {
            "version": JSON_VERSION,
            "today": today.isoformat(),
            "error": "unreadable",
        }
        return json.dumps(document, indent=2, ensure_ascii=True)
    if as_json:
        import json

        return json.dumps(status_document(found), indent=2, ensure_ascii=True)
    from pop_tui.cli.terminal import Paint, colour_wanted

    return status_line(found, Paint(colour_wanted(sys.stdout, os.environ)))


def print_status(db_file: str, today: date, as_json: bool) -> int:
    text = status_text(db_file, today, as_json)
    if text:
        print(text)
    return 0


def run(args: argparse.Namespace, context: Context) -> int:
    return print_status(context.db_file, context.today, args.json)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: Common) -> None:
    parser = commands.add_parser(
        "status", help=t("cli.help.status"), description=t("cli.help.status")
    )
    common(parser)
    parser.add_argument("--json", action="store_true", help=t("cli.help.json"))
    parser.set_defaults(run=run)
