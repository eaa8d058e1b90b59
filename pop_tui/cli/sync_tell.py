"""What ``pop sync`` tells and keeps: the plan it syncs, what a sync did, when it last ran.

The last sync is this device's own business: ``local/sync.json`` beside the plan,
never synced.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from pop_tui.core.texts import t

# Kept with the repository's logic (the TUI reads and writes them too); named here for pop sync.
from pop_tui.store.sync_repo import last_sync as last_sync
from pop_tui.store.sync_repo import remember_sync as remember_sync

if TYPE_CHECKING:
    from pathlib import Path

    from pop_tui.cli.context import Context
    from pop_tui.store.sync_repo import Outcome


def plan_of(context: Context) -> Path:
    from pop_tui.store.files import link_target

    return link_target(context.db)


def fail(message: str) -> int:
    print(t("cli.error", message=message), file=sys.stderr)
    return 1


def print_outcome(outcome: Outcome, *, quiet_sent: bool = False) -> None:
    if outcome.sent and not quiet_sent:
        print(t("sync.sent", changes=", ".join(outcome.sent)))
    if outcome.incoming:
        print(t("sync.came_in"))
        for line in outcome.incoming:
            print(f"  {line}")
    if outcome.conflicts:
        print(t("sync.new_conflicts", count=len(outcome.conflicts)))
        for line in outcome.conflicts:
            print(f"  {line}")
    if outcome.renumbered:
        print(t("sync.new_numbers"))
        for line in outcome.renumbered:
            print(f"  {line}")
