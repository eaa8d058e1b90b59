"""What ``pop sync`` tells and keeps: the plan it syncs, what a sync did, when it last ran.

The last sync is this device's own business: ``local/sync.json`` beside the plan,
never synced.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

from pop_tui.core.texts import t

if TYPE_CHECKING:
    from pathlib import Path

    from pop_tui.cli.context import Context
    from pop_tui.cli.sync_repo import Outcome, PlanRepo


def plan_of(context: Context) -> Path:
    from pop_tui.store.files import link_target

    return link_target(context.db)


def fail(message: str) -> int:
    print(t("cli.error", message=message), file=sys.stderr)
    return 1


def state_path(plan: Path) -> Path:
    from pop_tui.cli.sync_repo import STATE_FILE
    from pop_tui.store.local import local_folder

    return local_folder(plan) / STATE_FILE


def last_sync(plan: Path) -> dict[str, Any]:
    """When this device last synced (``local/sync.json``), or {}."""
    try:
        data = json.loads(state_path(plan).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def remember_sync(repo: PlanRepo) -> None:
    from datetime import datetime

    from pop_tui.store.files import atomic_write, ensure_folder

    path = state_path(repo.plan)
    ensure_folder(path.parent)
    state = {
        "at": datetime.now().isoformat(timespec="seconds"),
        "commit": repo.git.text("rev-parse", "HEAD"),
    }
    atomic_write(path, (json.dumps(state, sort_keys=True) + "\n").encode())


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
