"""User-visible texts in English and Dutch.

Each submodule holds one area's catalogue as two dicts, ``EN`` and ``NL``, with
the same keys. :func:`t` looks a key up in the current language.
"""

from __future__ import annotations

from types import ModuleType

from pop_tui.core.texts import (
    checkin,
    cli,
    commands,
    common,
    dates,
    evaluation,
    export,
    periods_ui,
    sections,
    sessions,
    smart,
    terminal,
    ui,
)

LANGUAGES: tuple[str, ...] = ("en", "nl")

_MODULES: tuple[ModuleType, ...] = (
    checkin,
    cli,
    commands,
    common,
    dates,
    evaluation,
    export,
    periods_ui,
    sections,
    sessions,
    smart,
    terminal,
    ui,
)
CATALOGUES: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
for _module in _MODULES:
    CATALOGUES["en"].update(_module.EN)
    CATALOGUES["nl"].update(_module.NL)

_current = "en"


def set_language(lang: str) -> None:
    """Choose the language that :func:`t` answers in."""
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    _current = lang


def language() -> str:
    """The language :func:`t` answers in now."""
    return _current


def t(key: str, lang: str | None = None, /, **values: object) -> str:
    """The text for ``key`` in ``lang`` (default: the current language)."""
    text = CATALOGUES[lang or _current][key]
    return text.format(**values) if values else text
