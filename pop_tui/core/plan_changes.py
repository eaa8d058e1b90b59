"""What changed between two versions of a plan, in a few short lines a person reads.

``pop sync`` writes it as its commit message ("2 steps done, goal added: Learn
Rust") and prints it for what came in from elsewhere; the merge gives it as
:attr:`pop_tui.core.merge.MergeResult.incoming`. Records are matched by their
stable key (:mod:`pop_tui.core.keys`), so a record that got a new short number
is not taken for a new one. Goals are named (a few at most); other records are
counted. The lines are in the current language (:func:`pop_tui.core.texts.t`);
titles are user text made printable on one line and cut short.
"""

from __future__ import annotations

from typing import Any, Final

from pop_tui.core.merge_doc import EMPTY, Keyed, Tables, keyed, record_title
from pop_tui.core.merge_fields import canon
from pop_tui.core.model import Goal, Period, Profile, Step
from pop_tui.core.printable import printable
from pop_tui.core.references import REFERENCES
from pop_tui.core.texts import t

# Goals named one by one up to this many of a kind; more are counted.
NAMED_MOST: Final = 3
TITLE_MOST: Final = 40
# The order of the lines; tables not named here come after, by name.
ORDER: Final = (
    "goals",
    "steps",
    "actions",
    "checkins",
    "progress",
    "reviews",
    "feedback",
    "reflections",
    "goal_changes",
    "swot",
    "trends",
    "employer_goals",
    "profile",
    "periods",
    "conflicts",
)
_NOUNS: Final = frozenset(ORDER)


def describe_changes(before: Tables | None, after: Tables) -> list[str]:
    """Short lines saying what ``after`` holds that ``before`` did not (None: nothing before).

    Raises :class:`~pop_tui.core.merge_doc.MergeError` when either is not a pop plan."""
    return describe_keyed(keyed(before, "base") if before else EMPTY, keyed(after, "theirs"))


def describe_keyed(before: Keyed, after: Keyed) -> list[str]:
    """:func:`describe_changes` of two documents already read."""
    names = sorted(before.records.keys() | after.records.keys())
    old, new = _by_reference_keys(before), _by_reference_keys(after)
    lines: list[str] = []
    for name in [*(n for n in ORDER if n in names), *(n for n in names if n not in ORDER)]:
        lines.extend(_table_lines(name, old.get(name, {}), new.get(name, {})))
    return lines


def _by_reference_keys(doc: Keyed) -> dict[str, dict[str, dict[str, Any]]]:
    """The records by key, each reference as the key it points at: a step of a goal that
    got a new number is not changed."""
    keys = {
        name: {id: key for key, (id, _) in table.items()} for name, table in doc.records.items()
    }

    def key_of(target: str, value: Any) -> Any:
        return keys.get(target, {}).get(value, value) if isinstance(value, int) else value

    found = {
        name: {k: dict(f) for k, (_, f) in table.items()} for name, table in doc.records.items()
    }
    for ref in REFERENCES:
        for fields in found.get(ref.table, {}).values():
            value = fields.get(ref.field)
            if isinstance(value, list):
                fields[ref.field] = [key_of(ref.target, v) for v in value]
            else:
                fields[ref.field] = key_of(ref.target, value)
    return found


def short_title(text: str) -> str:
    """User text as one printable line, at most :data:`TITLE_MOST` characters."""
    line = " ".join(printable(text).split())
    return line if len(line) <= TITLE_MOST else line[: TITLE_MOST - 1].rstrip() + "…"


def _table_lines(
    name: str, before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]]
) -> list[str]:
    added = [after[k] for k in sorted(after.keys() - before.keys())]
    removed = [before[k] for k in sorted(before.keys() - after.keys())]
    changed = [
        (before[k], after[k])
        for k in sorted(before.keys() & after.keys())
        if canon(before[k]) != canon(after[k])
    ]
    if name == Goal.TABLE:
        return _goal_lines(added, removed, changed)
    if name == Profile.TABLE:
        return [t("merge.profile.changed")] if added or removed or changed else []
    lines: list[str] = []
    if name == Period.TABLE:
        started = [p for p in added if not p.get("archive") and not p.get("ended")]
        lines += [t("merge.period.started", name=_title(name, p)) for p in started]
        added = [p for p in added if p not in started]
    if name == Step.TABLE:
        done = [a for b, a in changed if b.get("done_on") is None and a.get("done_on") is not None]
        changed = [(b, a) for b, a in changed if a not in done]
        lines += _count("merge.done", name, len(done))
    lines += _count("merge.added", name, len(added))
    lines += _count("merge.changed", name, len(changed))
    lines += _count("merge.removed", name, len(removed))
    return lines


def _goal_lines(
    added: list[dict[str, Any]],
    removed: list[dict[str, Any]],
    changed: list[tuple[dict[str, Any], dict[str, Any]]],
) -> list[str]:
    def became(status: str) -> list[dict[str, Any]]:
        return [a for b, a in changed if a.get("status") == status and b.get("status") != status]

    reached, dropped = became("done"), became("dropped")
    other = [a for _, a in changed if a not in reached and a not in dropped]
    lines: list[str] = []
    for kind, goals in (
        ("added", added),
        ("reached", reached),
        ("dropped", dropped),
        ("changed", other),
        ("removed", removed),
    ):
        if len(goals) > NAMED_MOST:
            lines += _count(f"merge.{kind}", Goal.TABLE, len(goals))
        else:
            lines += [t(f"merge.goal.{kind}", title=_title(Goal.TABLE, g)) for g in goals]
    return lines


def _title(table: str, fields: dict[str, Any]) -> str:
    return short_title(record_title(table, fields))


def _count(template: str, table: str, count: int) -> list[str]:
    if not count:
        return []
    if table in _NOUNS:
        noun = t(f"merge.noun.{table}.{'one' if count == 1 else 'many'}")
    else:
        noun = short_title(table)
    return [t(template, count=count, noun=noun)]
