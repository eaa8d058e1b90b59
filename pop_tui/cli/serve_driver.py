"""The Textual driver of a browser tab's app: Textual's web driver, with the tab
going away taken as a hang-up.

textual-serve tells an app to quit when its tab is closed or reloaded (or the
server stops). The stock driver then ends the app at once, and a form's unsaved
typing with it. Here the app gets SIGHUP instead, as when an SSH line drops: pop
keeps the typing as a draft (offered at the next start) and ends.
Used only in the app processes of ``pop serve`` (see :mod:`pop_tui.cli.serve_child`).
"""

from __future__ import annotations

import os
import signal

from textual.drivers.web_driver import WebDriver


class TabDriver(WebDriver):
    """Textual's web driver, where "quit" from the server is a hang-up."""

    def on_meta(self, packet_type: str, payload: dict[str, object]) -> None:
        if packet_type == "quit":
            os.kill(os.getpid(), signal.SIGHUP)
            return
        super().on_meta(packet_type, payload)
