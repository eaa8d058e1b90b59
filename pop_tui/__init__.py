"""pop-tui: keep your Personal Development Plan (POP) in the terminal.

This module stays tiny on purpose: the shell commands import it, and they must
start fast, so nothing heavy is imported here.
"""

__version__ = "0.1.0"
