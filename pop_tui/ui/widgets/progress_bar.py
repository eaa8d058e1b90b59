"""How far a goal has come, drawn in text: a bar, its pace, and a small chart of its history.

All of it is plain characters, so it reads the same without colour (NO_COLOR)
and fits in a line of a list. The history chart uses an absolute scale (an
empty bar is the baseline, a full one the target) rather than Textual's
Sparkline, which stretches any two values to the lowest and highest bar: a
goal that moved from 37% to 38% would look like it leapt from nothing to all.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from textual.content import Content

from pop_tui.core.progress import Pace, Progress
from pop_tui.core.texts import t

BAR_WIDTH = 10
CHART_WIDTH = 8
CHART_BARS = "▁▂▃▄▅▆▇█"
PACE_STYLE: dict[Pace, str] = {
    "on_track": "green",
    "behind": "bold yellow",
    "at_risk": "bold red",
}


def progress_bar(progress: Progress | None, width: int = BAR_WIDTH) -> Content:
    """``█████░░░░░  50%``; dots and a dash when there is nothing to count."""
    if progress is None:
        return Content.styled("·" * width + "    —", "dim")
    filled = round(progress.fraction * width)
    # A started goal shows at least one block, an unfinished one at least one gap.
    if progress.fraction > 0:
        filled = max(filled, 1)
    if progress.fraction < 1:
        filled = min(filled, width - 1)
    return Content.assemble(
        ("█" * filled, "bold"),
        ("░" * (width - filled), "dim"),
        f" {progress.percent:>3}%",
    )


def pace_text(pace: Pace | None) -> str:
    """The pace in words ("on track", "behind", "at risk"), or "" when there is none."""
    return t(f"eval.pace.{pace}") if pace is not None else ""


def pace_label(pace: Pace | None, width: int = 0) -> Content:
    """The pace in words and colour, padded to ``width``."""
    text = pace_text(pace).ljust(width)
    return Content.styled(text, PACE_STYLE[pace]) if pace is not None else Content(text)


def history_chart(
    points: Sequence[float], width: int = CHART_WIDTH, align: Literal["left", "right"] = "right"
) -> Content:
    """The last ``width`` measurements as bars from baseline (0) to target (1), padded to
    ``width`` (on the left by default, so that the newest values line up in a column)."""
    shown = list(points)[-width:]
    top = len(CHART_BARS) - 1
    bars = "".join(CHART_BARS[min(top, max(0, round(p * top)))] for p in shown)
    return Content.styled(bars.rjust(width) if align == "right" else bars.ljust(width), "cyan")
