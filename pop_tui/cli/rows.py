"""How records look in the shell commands' output: one line each, user text made harmless."""

from __future__ import annotations

from pop_tui.core.printable import printable
from pop_tui.core.texts import t

TYPE_CHECKING = False
if TYPE_CHECKING:  # the shell commands start without these
    from collections.abc import Iterable
    from datetime import date
    from typing import Protocol

    from pop_tui.cli.terminal import Paint

    class Titled(Protocol):
        """A goal, or what the agenda index keeps of one."""

        @property
        def title(self) -> str: ...


NUMBER_WIDTH = 4
WHEN_WIDTH = 13


def number(id: int | None, width: int = NUMBER_WIDTH) -> str:
    """The short number a REF can use (``#5``), right-aligned; blank for records without one."""
    return (f"#{id}" if id is not None else "").rjust(width)


def number_width(ids: Iterable[int | None]) -> int:
    """How wide the number column must be for ``ids``, so that a list of
    thousands of steps keeps its columns straight."""
    return max([NUMBER_WIDTH, *(len(f"#{id}") for id in ids if id is not None)])


def when_late(due: date, today: date) -> str:
    """ "today", "1 d late", "9 d late": how late something is."""
    days = (today - due).days
    if days <= 0:
        return t("cli.when.today")
    return t("cli.when.late", days=days)


def goal_name(goal: Titled | None) -> str:
    return printable(goal.title) if goal is not None else t("cli.no_goal")


def row(
    paint: Paint,
    id: int | None,
    when: str,
    title: str,
    about: str = "",
    when_style: tuple[str, ...] = (),
    width: int = WHEN_WIDTH,
    numbers: int = NUMBER_WIDTH,
) -> str:
    """``  #12  in 3 days   Title · about``: the number, a date column, the title, its context.

    ``numbers``: the width of the number column (see :func:`number_width`).
    """
    line = f"{number(id, numbers)}  {paint(when.ljust(width), *when_style)} {printable(title)}"
    if about:
        line += paint(" · " + printable(about), "dim")
    return line.rstrip()
