"""Numbers as people type and read them: ``40``, ``2.5`` or the Dutch ``2,5``.

A measure of a goal must be a plain, finite number. ``float()`` alone would
also take ``nan``, ``inf`` and ``1e400``, none of which can be a baseline or a
target, so typed text is matched against a small grammar first.
"""

from __future__ import annotations

import math
import re
from typing import Final

from pop_tui.core.texts import language, t

_NUMBER: Final = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)")
# Far beyond any measure of a goal, and far enough from the largest float that the
# sums and ratios of progress and pace stay finite too.
LARGEST: Final = 1e15


class NumberError(ValueError):
    """Typed text that is not a usable number; ``message`` is in the current language."""

    def __init__(self, message: str, text: str) -> None:
        super().__init__(message)
        self.message = message
        self.text = text


def parse_number(text: str) -> float | None:
    """Read a typed number; empty text is None (no value).

    Accepts digits with an optional sign and one decimal point or comma. Spaces
    around it and between groups of digits (``1 000``) are ignored.

    Raises:
        NumberError: for anything else, and for numbers too large to hold.
    """
    compact = "".join(text.split())
    if not compact:
        return None
    if _NUMBER.fullmatch(compact) is None:
        raise NumberError(t("number.error.not_a_number", text=text.strip()[:40]), text)
    value = float(compact.replace(",", "."))
    if not math.isfinite(value) or abs(value) > LARGEST:
        raise NumberError(t("number.error.too_large", text=text.strip()[:40]), text)
    return value


def format_number(value: float, lang: str | None = None) -> str:
    """``value`` as people write it in ``lang``: ``40`` rather than ``40.0``; Dutch ``2,5``."""
    shown = str(int(value)) if value.is_integer() else repr(value)
    if "e" in shown:
        # 1e-07: written out in full, so that the form can read back what it shows.
        from decimal import Decimal

        shown = format(Decimal(shown), "f")
    return shown.replace(".", ",") if (lang or language()) == "nl" else shown
