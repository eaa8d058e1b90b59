"""Tests only: each piece of Textual CSS is parsed once a test process, not once an app.

Textual parses the whole stylesheet again (every widget's default CSS, the app's
and every screen's file) each time a screen with CSS of its own is first shown,
and it does so in a new ``Stylesheet`` whose cache starts empty. The real pop
starts one app and pays that a few times; the tests start about 1,500 apps, and
the parsing was about 40% of what a typical TUI test cost (measured with
``time.process_time`` over a start, two section switches and a form: 1.39 s
without this, 0.81 s with it).

:func:`parse_each_css_once` keeps what ``Stylesheet._parse_rules`` returns for
the same CSS text, location, flags and variables (the theme) for the rest of the
process. Textual already reuses those rule sets within one stylesheet, so it
does not change them once made. CSS with an error is not kept: it raises, every
time, as before. pop's own code never does this (see
``tests/test_textual_public_api.py``); only the test run does, and
``tests/test_css_once.py`` fails if Textual's method no longer looks as this
expects, so a Textual upgrade cannot make it silently wrong.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from textual.css.stylesheet import Stylesheet

# The parameters of Textual 8.2's Stylesheet._parse_rules, which the key is made of.
PARAMETERS = ("self", "css", "read_from", "is_default_rules", "tie_breaker", "scope")

_parsed: dict[tuple[Any, ...], Any] = {}


def textual_matches() -> bool:
    """Whether Textual's method takes what this memo's key is made of."""
    parse = getattr(Stylesheet, "_parse_rules", None)
    if parse is None:
        return False
    parse = getattr(parse, "parsed_once", parse)  # Textual's own, when the memo is in front
    return tuple(inspect.signature(parse).parameters) == PARAMETERS


def parse_each_css_once() -> None:
    """Put the memo in front of ``Stylesheet._parse_rules`` (once; again does nothing)."""
    original: Callable[..., Any] = Stylesheet._parse_rules
    if hasattr(original, "parsed_once") or not textual_matches():
        return

    def parse_rules(
        self: Stylesheet,
        css: str,
        read_from: Any,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> Any:
        key = (
            css,
            read_from,
            is_default_rules,
            tie_breaker,
            scope,
            tuple(sorted(self._variables.items())),
        )
        try:
            return _parsed[key]
        except KeyError:
            rules = original(self, css, read_from, is_default_rules, tie_breaker, scope)
            _parsed[key] = rules
            return rules

    parse_rules.parsed_once = original  # type: ignore[attr-defined]
    Stylesheet._parse_rules = parse_rules  # type: ignore[method-assign]
