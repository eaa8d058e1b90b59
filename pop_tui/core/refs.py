"""Finding a record from what a person types in a shell: a number or the start of a title.

A reference (REF) is either the short number that ``pop list`` and ``pop agenda``
show (the record's id, optionally written ``#5``), or the start of a title,
compared without regard to case or repeated spaces. A title typed in full wins
over titles that merely start with it, so "Sign up" still finds "Sign up" when
"Sign up for the course" exists too. Anything that fits more than one record is
refused with the candidates listed, never guessed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pop_tui.core.printable import printable
from pop_tui.core.texts import t
from pop_tui.core.value import Value

# Enough candidates to recognise the right one; a longer list would scroll the message away.
SHOWN_MATCHES = 8


class RefError(LookupError):
    """A reference that fits no record, or more than one; the message says which."""

    def __init__(self, message: str, ref: str, matches: Sequence[tuple[int, str]] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.ref = ref
        self.matches = tuple(matches)


class Pool(Value):
    """The records a reference may name, by id and title, in the order they are listed.

    ``preferred`` narrows title matches first (open steps, active goals): a title
    start that fits one open step is not made ambiguous by done steps.
    """

    kind: str
    titles: Mapping[int, str]
    preferred: frozenset[int] | None = None


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


def _as_number(ref: str) -> int | None:
    text = ref.strip().removeprefix("#")
    return int(text) if text.isascii() and text.isdigit() else None


def _title_matches(ids: Sequence[int], titles: Mapping[int, str], wanted: str) -> list[int]:
    exact = [i for i in ids if _folded(titles[i]) == wanted]
    if exact:
        return exact
    return [i for i in ids if _folded(titles[i]).startswith(wanted)]


def resolve_ref(ref: str, pool: Pool) -> int:
    """The id of the one record in ``pool`` that ``ref`` names.

    Raises:
        RefError: when nothing fits (``ref`` empty, an unknown number, no title
            starts with it) or more than one title fits; the message lists them.
    """
    kind = t(f"ref.kind.{pool.kind}")
    number = _as_number(ref)
    if number is not None and number in pool.titles:
        return number
    wanted = _folded(ref.removeprefix("#") if number is not None else ref)
    if not wanted:
        raise RefError(t("ref.error.empty", kind=kind), ref)
    everything = list(pool.titles)
    matches: list[int] = []
    if pool.preferred is not None:
        matches = _title_matches(
            [i for i in everything if i in pool.preferred], pool.titles, wanted
        )
    if not matches:
        matches = _title_matches(everything, pool.titles, wanted)
    if len(matches) == 1:
        return matches[0]
    shown_ref = printable(ref)
    if not matches:
        key = "ref.error.no_number" if number is not None else "ref.error.none"
        raise RefError(t(key, kind=kind, ref=shown_ref), ref)
    listed = [(i, pool.titles[i]) for i in matches]
    kinds = t(f"ref.kinds.{pool.kind}")
    lines = [t("ref.error.ambiguous", kinds=kinds, ref=shown_ref, count=len(listed))]
    lines += [t("ref.match", id=i, title=printable(title)) for i, title in listed[:SHOWN_MATCHES]]
    if len(listed) > SHOWN_MATCHES:
        lines.append(t("ref.more", count=len(listed) - SHOWN_MATCHES))
    raise RefError("\n".join(lines), ref, listed)
