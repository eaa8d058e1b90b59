"""``pop sync``: one plan on several devices, carried by git.

``pop sync init URL`` on every device (the same command): on the first it makes
the plan's folder a git repository (or uses the one the plan lies in), commits the
plan and pushes it; on a device without a plan it fetches the plan; on a device
with a plan of its own it merges the two. ``pop sync`` commits what changed,
fetches, merges through pop's merge driver (see :mod:`pop_tui.cli.merge_driver`)
and pushes. ``pop sync --status`` says how far this device is from the remote.
The work is done by :mod:`pop_tui.store.sync_repo`; this module reads the command
line and tells the person what happened.

Device-local (never synced, in ``local/`` beside the plan): this device's name and
id (``device.json``) and when it last synced (``sync.json``).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pop_tui.cli.context import Context
from pop_tui.cli.parser import Common
from pop_tui.cli.sync_init import run_init
from pop_tui.cli.sync_tell import fail, last_sync, plan_of, print_outcome, remember_sync
from pop_tui.core.texts import t

if TYPE_CHECKING:
    from pop_tui.store.sync_repo import Outcome, PlanRepo

JSON_VERSION = 1


def _set_up(context: Context) -> tuple[PlanRepo, str, str] | str:
    """The plan's repository with its remote and branch, or why there is none (a message)."""
    from pop_tui.store.sync_git import git_installed
    from pop_tui.store.sync_repo import PlanRepo

    if not git_installed():
        return t("sync.no_git")
    plan = plan_of(context)
    repo = PlanRepo.find(plan)
    upstream = repo.upstream() if repo is not None else None
    if repo is None or upstream is None:
        return t("sync.not_set_up", command=context.command("sync", "init", "URL"))
    return repo, *upstream


def _outcome_json(outcome: Outcome, repo: PlanRepo, remote: str, branch: str) -> dict[str, Any]:
    return {
        "version": JSON_VERSION,
        "remote": repo.remote_url(remote),
        "branch": branch,
        "sent": list(outcome.sent),
        "commits_sent": outcome.commits_sent,
        "incoming": list(outcome.incoming),
        "conflicts": list(outcome.conflicts),
        "renumbered": list(outcome.renumbered),
    }


def run_sync(args: argparse.Namespace, context: Context) -> int:
    if args.status:
        return run_status(args, context)
    from pop_tui.store.sync_git import GitError
    from pop_tui.store.sync_repo import SyncFailed

    found = _set_up(context)
    if isinstance(found, str):
        return fail(found)
    repo, remote, branch = found
    if repo.merging():
        return fail(t("sync.merge_under_way", top=repo.top))
    try:
        repo.write_own_files()
        sent = repo.commit_plan()
        outcome = repo.exchange(remote, branch)
        outcome = outcome.replace(sent=(*sent, *outcome.sent))
    except (SyncFailed, GitError) as exc:
        return fail(str(exc))
    remember_sync(repo)
    if args.json:
        print(json.dumps(_outcome_json(outcome, repo, remote, branch), indent=2, ensure_ascii=True))
        return 0
    print_outcome(outcome)
    url = repo.remote_url(remote) or remote
    if not (outcome.sent or outcome.incoming or outcome.commits_sent):
        print(t("sync.up_to_date", url=url))
    else:
        print(t("sync.done", url=url, branch=branch))
    return 0


def run_status(args: argparse.Namespace, context: Context) -> int:
    from pop_tui.store.sync_repo import read_tables

    plan = plan_of(context)
    found = _set_up(context)
    state = last_sync(plan)
    conflicts = 0
    if plan.exists():
        conflicts = len(read_tables(plan.read_bytes(), str(plan)).get("conflicts", {}))
    if isinstance(found, str):
        if args.json:
            document: dict[str, Any] = {
                "version": JSON_VERSION,
                "set_up": False,
                "conflicts": conflicts,
            }
            print(json.dumps(document, indent=2, ensure_ascii=True))
        else:
            print(found)
        return 0
    repo, remote, branch = found
    ahead, behind = repo.counts(f"refs/remotes/{remote}/{branch}")
    changed = repo.plan_changed()
    if args.json:
        document = {
            "version": JSON_VERSION,
            "set_up": True,
            "repository": str(repo.top),
            "remote": repo.remote_url(remote),
            "branch": branch,
            "ahead": ahead,
            "behind": behind,
            "changed": changed,
            "last_sync": state.get("at"),
            "conflicts": conflicts,
        }
        print(json.dumps(document, indent=2, ensure_ascii=True))
        return 0
    print(t("sync.status.remote", url=repo.remote_url(remote) or remote, branch=branch))
    at = state.get("at")
    print(t("sync.status.last", at=str(at).replace("T", " ")) if at else t("sync.status.never"))
    print(t("sync.status.counts", ahead=ahead, behind=behind))
    if changed:
        print(t("sync.status.changed"))
    if conflicts:
        print(t("sync.status.conflicts", count=conflicts))
    else:
        print(t("sync.status.no_conflicts"))
    return 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: Common) -> None:
    sync = commands.add_parser(
        "sync",
        help=t("sync.help.sync"),
        description=t("sync.help.sync_about"),
        epilog=t("sync.help.epilog"),
        formatter_class=_RawEpilog,
    )
    common(sync)
    sync.add_argument("--status", action="store_true", help=t("sync.help.status"))
    sync.add_argument("--json", action="store_true", help=t("sync.help.json"))
    sync.set_defaults(run=_with_git(run_sync))
    actions = sync.add_subparsers(dest="sync_action", metavar="[init]")
    init = actions.add_parser(
        "init", help=t("sync.help.init"), description=t("sync.help.init_about")
    )
    common(init)
    init.add_argument("url", metavar="URL", help=t("sync.help.url"))
    init.add_argument("--device", metavar="NAME", help=t("sync.help.device"))
    init.set_defaults(run=_with_git(run_init))


def _with_git(
    run: Callable[[argparse.Namespace, Context], int],
) -> Callable[[argparse.Namespace, Context], int]:
    """``run`` with the git it starts ended too when a hang-up or a kill ends pop."""

    def running(args: argparse.Namespace, context: Context) -> int:
        from pop_tui.store.child_groups import ended_with_us

        with ended_with_us():
            return run(args, context)

    return running


def _raw_epilog() -> type[argparse.HelpFormatter]:
    from pop_tui.cli.parser import Formatter

    class RawEpilog(Formatter):
        """Keeps the epilog's lines (the examples) as written."""

        def _fill_text(self, text: str, width: int, indent: str) -> str:
            return "".join(indent + line for line in text.splitlines(keepends=True))

    return RawEpilog


_RawEpilog = _raw_epilog()
