"""User text made safe for an exported file.

An export may be printed straight to a terminal (``pop export`` without
``-o``), so control characters must never get through: they could move the
cursor, change colours or hide text. They are removed; a tab becomes a space.
Newlines stay only where a format can show several lines. Bidirectional
overrides, which can make text read differently from what it holds, are
removed too.

The JSON export does not use this: it keeps the text exactly and escapes
those characters instead (see :mod:`pop_tui.core.export.json_doc`).
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls, and the bidi overrides and isolates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NEWLINES = re.compile("\r\n|[\r\u2028\u2029\x85]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_BLANK_RUN = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")


def clean(text: str, *, multiline: bool = False) -> str:
    """``text`` without control characters; on one line unless ``multiline``.

    In multi-line text, line ends are normalised to ``\\n`` and runs of blank
    lines become one line break, so a record's text never ends a list or a
    paragraph of the document that shows it. Trailing spaces are dropped.
    """
    text = _NEWLINES.sub("\n", text)
    text = _SURROGATE.sub("\ufffd", text)
    text = _UNSAFE.sub("", text).replace("\t", " ")
    if multiline:
        text = _BLANK_RUN.sub("\n", text)
        return "\n".join(line.rstrip() for line in text.strip().split("\n"))
    return " ".join(text.split("\n")).strip()


def lines(text: str) -> list[str]:
    """The cleaned lines of a multi-line text (none for empty text)."""
    cleaned = clean(text, multiline=True)
    return cleaned.split("\n") if cleaned else []
