"""One browser tab's app under ``pop serve``: ``pop tui``, ending with its server.

The server starts ``python -m pop_tui.cli.serve_child [pop's arguments]`` for each
tab. Before the app starts, the kernel is asked to send it SIGHUP when the server
dies (Linux ``PR_SET_PDEATHSIG``), so even a server killed with SIGKILL leaves no
app behind; the app takes it as a hang-up (typing kept as a draft). It leaves the
terminal's process group, so that Ctrl+C there ends the server, not the apps. Its driver takes a tab
closed the same way (:mod:`pop_tui.cli.serve_driver`).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys

PR_SET_PDEATHSIG = 1
WEB_DRIVER = "textual.drivers.web_driver:WebDriver"
TAB_DRIVER = "pop_tui.cli.serve_driver:TabDriver"


def end_with_parent() -> None:
    """Ask for SIGHUP when the parent process ends (Linux only; elsewhere nothing)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGHUP), 0, 0, 0)
    except (OSError, AttributeError):
        pass


def main(argv: list[str]) -> int:
    parent = os.environ.pop("POP_SERVE_PARENT", "")
    end_with_parent()
    # Out of the terminal's process group: Ctrl+C there reaches the server only, which
    # then ends each app as a hang-up (a SIGINT would end it with no draft kept).
    with contextlib.suppress(OSError):
        os.setsid()
    if parent.isdigit() and os.getppid() != int(parent):
        return 0  # the server ended before this app could start: nobody to serve
    if os.environ.get("TEXTUAL_DRIVER") == WEB_DRIVER:  # what textual-serve asks for
        os.environ["TEXTUAL_DRIVER"] = TAB_DRIVER
    from pop_tui.cli import main as pop

    return pop(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
