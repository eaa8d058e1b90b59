"""User-visible texts in English and Dutch.

Each submodule holds one area's catalogue as two dicts, ``EN`` and ``NL``, with
the same keys. :func:`t` looks a key up in the current language.

A catalogue is imported the first time one of its keys is asked for: a shell
command such as ``pop agenda`` needs four of the thirteen, and importing all of
them was a noticeable part of its start. ``SOURCES`` says which catalogues hold
the keys that start with each word; tests/test_texts_complete.py keeps it exact.
"""

from __future__ import annotations

import sys

LANGUAGES: tuple[str, ...] = ("en", "nl")

# The first word of a key -> the catalogues (submodules) that hold such keys, the
# likeliest first.
SOURCES: dict[str, tuple[str, ...]] = {
    "app": ("common",),
    "archive": ("periods_ui",),
    "checkin": ("checkin",),
    "cli": ("commands", "cli", "export"),
    "confirm": ("sections",),
    "conflict": ("sessions",),
    "conflicts": ("conflicts",),
    "date": ("dates",),
    "draft": ("sessions",),
    "entry": ("sessions",),
    "eval": ("evaluation",),
    "export": ("export",),
    "file": ("files",),
    "exportui": ("export",),
    "form": ("sections", "sessions"),
    "guide": ("terminal",),
    "help": ("terminal",),
    "import": ("export",),
    "key": ("terminal",),
    "keymap": ("terminal",),
    "label": ("ui", "sections", "commands", "evaluation", "export", "terminal"),
    "lang": ("terminal",),
    "merge": ("merge",),
    "number": ("smart",),
    "palette": ("terminal", "periods_ui"),
    "period": ("export",),
    "periodsui": ("periods_ui",),
    "recur": ("dates",),
    "ref": ("commands",),
    "rule": ("files",),
    "sec": ("sections",),
    "serve": ("serve",),
    "small": ("terminal",),
    "smart": ("smart",),
    "status": ("status",),
    "sync": ("sync",),
    "term": ("terminal",),
    "theme": ("terminal",),
    "ui": ("ui",),
    "wiz": ("evaluation",),
}
ALL_SOURCES: tuple[str, ...] = tuple(dict.fromkeys(n for names in SOURCES.values() for n in names))

_catalogues: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
_loaded: set[str] = set()
_current = "en"


def _load(name: str) -> None:
    # __import__ rather than importlib.import_module: importing importlib (and the
    # warnings module it brings) would cost `pop status` part of its start.
    full = f"{__name__}.{name}"
    __import__(full)
    module = sys.modules[full]
    _catalogues["en"].update(module.EN)
    _catalogues["nl"].update(module.NL)
    _loaded.add(name)


def catalogues() -> dict[str, dict[str, str]]:
    """Every text, by language and key (all catalogues loaded)."""
    for name in ALL_SOURCES:
        if name not in _loaded:
            _load(name)
    return _catalogues


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
    """The text for ``key`` in ``lang`` (default: the current language).

    Raises:
        KeyError: no catalogue has ``key``.
    """
    catalogue = _catalogues[lang or _current]
    text = catalogue.get(key)
    if text is None:
        for name in SOURCES.get(key.partition(".")[0], ()):
            if name not in _loaded:
                _load(name)
                text = catalogue.get(key)
                if text is not None:
                    break
        else:
            raise KeyError(key)
    return text.format(**values) if values else text
