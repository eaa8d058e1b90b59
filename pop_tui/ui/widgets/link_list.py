"""A list of records to link to, each with a box that space or Enter ticks.

The state is written out as ``[x]`` or ``[ ]``, not only shown in colour, so it
reads the same with NO_COLOR and on a monochrome terminal.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets.option_list import Option

from pop_tui.core.printable import printable
from pop_tui.ui.keys import described
from pop_tui.ui.widgets.record_list import RecordList


class LinkList(RecordList):
    """Choices given as (label, value); ``selected`` holds the ticked values in list order."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "space,enter", "tick", described("sec.key.toggle_link"), show=False, id="links.toggle"
        ),
    ]

    class Changed(Message):
        """A box was ticked or cleared."""

        def __init__(self, link_list: LinkList) -> None:
            super().__init__()
            self.link_list = link_list

        @property
        def control(self) -> LinkList:
            return self.link_list

    def __init__(
        self,
        choices: Sequence[tuple[str, Any]],
        selected: Iterable[Any] = (),
        id: str | None = None,
    ) -> None:
        self.choices = list(choices)
        self._ticked = set(selected) & {value for _, value in self.choices}
        super().__init__(*self._link_options(), id=id)

    @property
    def selected(self) -> list[Any]:
        return [value for _, value in self.choices if value in self._ticked]

    def _link_options(self) -> list[Option]:
        return [
            Option(
                Content.assemble(
                    ("[x] " if value in self._ticked else "[ ] ", "bold"), printable(label)
                ),
                id=str(index),
            )
            for index, (label, value) in enumerate(self.choices)
        ]

    def select(self, values: Iterable[Any]) -> None:
        """Tick exactly ``values`` (those still among the choices)."""
        self._ticked = set(values) & {value for _, value in self.choices}
        self.rebuild(self._link_options())
        self.post_message(self.Changed(self))

    def action_tick(self) -> None:
        if self.highlighted is None:
            return
        value = self.choices[self.highlighted][1]
        self._ticked ^= {value}
        self.rebuild(self._link_options())
        self.post_message(self.Changed(self))
