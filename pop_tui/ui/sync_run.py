"""One git sync of the plan, as the TUI runs it: in a worker thread, never on the event loop.

The git work itself is the store's (the plan's repository, see
:mod:`pop_tui.store.sync_repo`), the same that ``pop sync`` does; this module
runs it once and says what happened in a :class:`SyncResult`, for a toast. It
imports no Textual: the worker calls it, and its tests need no app.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from pop_tui.core.texts import t
from pop_tui.core.value import Value

# A toast shows this many lines of what came in; the rest is counted.
SHOWN_LINES = 4


class SyncResult(Value):
    """What one sync did, or why it could not."""

    url: str = ""
    error: str = ""
    sent: tuple[str, ...] = ()
    commits_sent: int = 0
    incoming: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()
    renumbered: tuple[str, ...] = ()
    # The plan file as the sync wrote it (inode, size, mtime); None if it wrote none.
    wrote: tuple[int, int, int] | None = None

    @property
    def ok(self) -> bool:
        return not self.error


def sync_remote(plan_path: Path, env: Mapping[str, str] | None = None) -> str | None:
    """The remote's address when the plan's folder is set up for sync; None when it is not."""
    from pop_tui.store.sync_git import git_installed
    from pop_tui.store.sync_repo import PlanRepo

    if not git_installed():
        return None
    repo = PlanRepo.find(plan_path, dict(env) if env is not None else None)
    if repo is None:
        return None
    upstream = repo.upstream()
    if upstream is None:
        return None
    return repo.remote_url(upstream[0]) or upstream[0]


def sync_plan(plan_path: Path, env: Mapping[str, str] | None = None) -> SyncResult:
    """Commit, fetch, merge and push the plan once; never raises for what git or the network do.

    ``env`` is git's environment (default: this process's); ``POP_SYNC_TIMEOUT``
    in it bounds each step that talks to the network.
    """
    from pop_tui.store.sync_git import GitError
    from pop_tui.store.sync_repo import PlanRepo, SyncFailed, remember_sync

    repo = PlanRepo.find(plan_path, dict(env if env is not None else os.environ))
    upstream = repo.upstream() if repo is not None else None
    if repo is None or upstream is None:
        return SyncResult(error=t("conflicts.sync.not_set_up", command="pop sync init URL"))
    remote, branch = upstream
    url = repo.remote_url(remote) or remote
    try:
        if repo.merging():
            return SyncResult(url=url, error=t("sync.merge_under_way", top=repo.top))
        repo.write_own_files()
        sent = repo.commit_plan()
        outcome = repo.exchange(remote, branch)
        remember_sync(repo)
    except (SyncFailed, GitError, OSError) as exc:
        return SyncResult(url=url, error=str(exc), wrote=repo.wrote)
    return SyncResult(
        url=url,
        wrote=repo.wrote,
        sent=(*sent, *outcome.sent),
        commits_sent=outcome.commits_sent,
        incoming=outcome.incoming,
        conflicts=outcome.conflicts,
        renumbered=outcome.renumbered,
    )


def _some(lines: tuple[str, ...]) -> str:
    shown = ", ".join(lines[:SHOWN_LINES])
    if len(lines) > SHOWN_LINES:
        shown += " " + t("conflicts.sync.more", count=len(lines) - SHOWN_LINES)
    return shown


def describe(result: SyncResult) -> str:
    """The toast after a sync: what went out, what came in, new conflicts (or the error)."""
    if not result.ok:
        return t("conflicts.sync.failed", error=result.error)
    if not (result.sent or result.incoming or result.commits_sent):
        return t("conflicts.sync.up_to_date")
    lines = [t("conflicts.sync.done", url=result.url)]
    if result.sent:
        lines.append(t("conflicts.sync.sent", changes=_some(result.sent)))
    if result.incoming:
        lines.append(t("conflicts.sync.came_in", changes=_some(result.incoming)))
    if result.conflicts:
        lines.append(t("conflicts.sync.new_conflicts", count=len(result.conflicts)))
    if result.renumbered:
        lines.append(t("conflicts.sync.renumbered", lines=_some(result.renumbered)))
    return "\n".join(lines)
