"""Make user text safe to show in a terminal.

User text is data: it may hold escape sequences or other control characters
that would move the cursor, clear the screen or change colours. They are shown
as visible placeholders instead (U+2400 block), and never reach the terminal.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re

# C0 and C1 controls and DEL; newlines and tabs too, since one record is one line.
# (Patterns, not compiled at import: most text is printable, and ``re`` keeps
# them compiled once used.)
_CONTROL = "[\x00-\x1f\x7f-\x9f\u2028\u2029]"
# Bidirectional overrides and isolates would reorder the text around them.
_BIDI = "[\u202a-\u202e\u2066-\u2069]"


def _picture(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in "\n\t\u2028\u2029":
        return " "
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def printable(text: str) -> str:
    """``text`` on one line with every control character made visible and harmless."""
    if text.isprintable():
        return text
    # Only for text that is not printable as it is: the shell commands start without them.
    import re
    import unicodedata

    cleaned = re.sub(_CONTROL, _picture, text)
    cleaned = re.sub(_BIDI, "", cleaned)
    # Other format characters (zero-width joiners, marks) are harmless: keep them.
    return "".join(c for c in cleaned if unicodedata.category(c) != "Cs")
