"""Typing into the app in tests: every character a key press, without the wait after each.

``pilot.press(*"some text")`` waits for the app to be idle twice after every key,
which made typing most of the time of a form test. :func:`type_text` sends the
same key events, in order, through the same path (the bindings, then the focused
field) and waits once at the end. Use ``pilot.press`` where a key opens or closes
something that later keys depend on.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from textual import events
from textual.pilot import Pilot


def key_of(character: str) -> str:
    """The name Textual gives the key of ``character`` ("a", "space", "comma")."""
    if character.isalnum():
        return character
    return unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Press the key of every character of ``text`` in turn, then let the app settle."""
    for character in text:
        pilot.app.post_message(events.Key(key_of(character), character))
    await pilot.pause()


async def press_keys(pilot: Pilot[None], keys: Iterable[str]) -> None:
    """``pilot.press(*keys)``, but each run of characters typed at once (:func:`type_text`):
    for a field filled in between named keys such as "tab" and "enter"."""
    run: list[str] = []
    for key in keys:
        if len(key) == 1:
            run.append(key)
            continue
        if run:
            await type_text(pilot, "".join(run))
            run = []
        await pilot.press(key)
    if run:
        await type_text(pilot, "".join(run))
