"""Tests only: a headless app does not paint the frames that nobody looks at.

After every change Textual paints the changed part of the screen, as it would
for a terminal. In a test (``App.run_test``) the frame goes nowhere: the headless
driver throws it away. Painting was about a third of what a TUI test cost
(``time.process_time`` over a start, two section switches and a form, with the
CSS parsed once: 0.68 s painted, 0.47 s not).

:func:`paint_only_when_read` skips that painting for headless apps only, and
keeps all else the step does: the layout (every widget's place and size, which
tests check), the hover state, and forgetting what was changed. What a test
reads is painted whole, fresh, when it reads it: ``tests.screen_text.screen_text``
and ``App.export_screenshot`` (the snapshot tests) both render the full screen
from the widgets as they are. A real terminal paints as always: the tests that
run pop in a pseudo-terminal, in tmux and in a browser see every frame.

``tests/test_unseen_frames.py`` fails if Textual's method no longer looks as this
expects, and checks that what a test reads still follows every change.
"""

from __future__ import annotations

import inspect
from typing import Any

from textual.screen import Screen

# What Textual 8.2's Screen._compositor_refresh touches, and this keeps.
USES = ("_compositor", "_dirty_widgets", "_update_mouse_over", "_background_screens")


def textual_matches() -> bool:
    refresh = getattr(Screen, "_compositor_refresh", None)
    if refresh is None:
        return False
    refresh = getattr(refresh, "painted", refresh)
    source = inspect.getsource(refresh)
    return all(name in source for name in USES)


def paint_only_when_read() -> None:
    """Put the skip in front of ``Screen._compositor_refresh`` (once)."""
    painted: Any = Screen._compositor_refresh
    if hasattr(painted, "painted") or not textual_matches():
        return

    def compositor_refresh(self: Screen[Any]) -> None:
        app = self.app
        if not app.is_headless or app.is_inline:
            painted(self)
            return
        if self is app.screen or self in app._background_screens:
            self._compositor._dirty_regions.clear()
            self._dirty_widgets.clear()
        app._update_mouse_over(self)

    compositor_refresh.painted = painted  # type: ignore[attr-defined]
    Screen._compositor_refresh = compositor_refresh  # type: ignore[method-assign]
