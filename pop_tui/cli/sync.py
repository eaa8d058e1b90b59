"""``pop sync``: one plan on several devices, carried by git.

``pop sync init URL`` on every device (the same command): on the first it makes
the plan's folder a git repository (or uses the one the plan lies in), commits the
plan and pushes it; on a device without a plan it fetches the plan; on a device
with a plan of its own it merges the two. ``pop sync`` commits what changed,
fetches, merges through pop's merge driver (see :mod:`pop_tui.cli.merge_driver`)
and pushes. ``pop sync --status`` says how far this device is from the remote.
The work is done by :mod:`pop_tui.cli.sync_repo`; this module reads the command
line and tells the person what happened.

Device-local (never synced, in ``local/`` beside the plan): this device's name and
id (``device.json``) and when it last synced (``sync.json``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import TYPE_CHECKING, Any

from pop_tui.cli.context import Context
from pop_tui.cli.parser import Common
from pop_tui.core.texts import t

if TYPE_CHECKING:
    from pathlib import Path

    from pop_tui.cli.sync_repo import Outcome, PlanRepo

JSON_VERSION = 1


def _plan(context: Context) -> Path:
    from pop_tui.store.files import link_target

    return link_target(context.db)


def _fail(message: str) -> int:
    print(t("cli.error", message=message), file=sys.stderr)
    return 1


def _state_path(plan: Path) -> Path:
    from pop_tui.cli.sync_repo import STATE_FILE
    from pop_tui.store.local import local_folder

    return local_folder(plan) / STATE_FILE


def last_sync(plan: Path) -> dict[str, Any]:
    """When this device last synced (``local/sync.json``), or {}."""
    try:
        data = json.loads(_state_path(plan).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _remember_sync(repo: PlanRepo) -> None:
    from datetime import datetime

    from pop_tui.store.files import atomic_write, ensure_folder

    path = _state_path(repo.plan)
    ensure_folder(path.parent)
    state = {
        "at": datetime.now().isoformat(timespec="seconds"),
        "commit": repo.git.text("rev-parse", "HEAD"),
    }
    atomic_write(path, (json.dumps(state, sort_keys=True) + "\n").encode())


def _set_up(context: Context) -> tuple[PlanRepo, str, str] | str:
    """The plan's repository with its remote and branch, or why there is none (a message)."""
    from pop_tui.cli.sync_git import git_installed
    from pop_tui.cli.sync_repo import PlanRepo

    if not git_installed():
        return t("sync.no_git")
    plan = _plan(context)
    repo = PlanRepo.find(plan)
    upstream = repo.upstream() if repo is not None else None
    if repo is None or upstream is None:
        return t("sync.not_set_up", command=context.command("sync", "init", "URL"))
    return repo, *upstream


def _print_outcome(outcome: Outcome, *, quiet_sent: bool = False) -> None:
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
    from pop_tui.cli.sync_git import GitError
    from pop_tui.cli.sync_repo import SyncFailed

    found = _set_up(context)
    if isinstance(found, str):
        return _fail(found)
    repo, remote, branch = found
    if repo.merging():
        return _fail(t("sync.merge_under_way", top=repo.top))
    try:
        repo.write_own_files()
        sent = repo.commit_plan()
        outcome = repo.exchange(remote, branch)
        outcome = outcome.replace(sent=(*sent, *outcome.sent))
    except (SyncFailed, GitError) as exc:
        return _fail(str(exc))
    _remember_sync(repo)
    if args.json:
        print(json.dumps(_outcome_json(outcome, repo, remote, branch), indent=2, ensure_ascii=True))
        return 0
    _print_outcome(outcome)
    url = repo.remote_url(remote) or remote
    if not (outcome.sent or outcome.incoming or outcome.commits_sent):
        print(t("sync.up_to_date", url=url))
    else:
        print(t("sync.done", url=url, branch=branch))
    return 0


def run_init(args: argparse.Namespace, context: Context) -> int:
    from pop_tui.cli.sync_git import GitError, git_installed

    if not git_installed():
        return _fail(t("sync.no_git"))
    from pop_tui.cli.sync_git import top_level
    from pop_tui.cli.sync_repo import PlanRepo, SyncFailed

    plan = _plan(context)
    had_repo = top_level(plan.parent) is not None
    try:
        return _init(args, context)
    except (SyncFailed, GitError) as exc:
        made = None if had_repo else PlanRepo.find(plan)
        if made is not None and not made.has_head():
            # Nothing was committed in the repository this run made: it goes again, so
            # that the next try starts as this one did.
            import shutil

            shutil.rmtree(made.top / ".git", ignore_errors=True)
        return _fail(str(exc))


def _init(args: argparse.Namespace, context: Context) -> int:
    from pop_tui.cli.sync_git import REMOTE, Git, set_driver
    from pop_tui.cli.sync_repo import PlanRepo, SyncFailed, read_tables
    from pop_tui.store.files import ensure_folder

    url: str = args.url
    plan = _plan(context)
    if args.device is not None:
        from pop_tui.store.local import name_device

        try:
            name_device(plan, args.device)
        except ValueError:
            raise SyncFailed(t("sync.device_empty")) from None
    has_plan = plan.exists()
    if has_plan:
        read_tables(plan.read_bytes(), str(plan))  # a damaged plan goes nowhere
    repo = PlanRepo.find(plan)
    made = repo is None
    if repo is None:
        ensure_folder(plan.parent)
        Git(plan.parent).run("init", "-q")
        repo = PlanRepo(plan, plan.parent)
    git = repo.git
    if repo.merging():
        raise SyncFailed(t("sync.merge_under_way", top=repo.top))
    known = repo.remote_url(REMOTE)
    if known is None:
        git.run("remote", "add", REMOTE, url)
    elif known != url:
        raise SyncFailed(t("sync.other_origin", top=repo.top, known=known, url=url))
    set_driver(git)
    repo.fetch(REMOTE)
    there = [
        name.removeprefix(f"{REMOTE}/")
        for name in git.text(
            "for-each-ref", "--format=%(refname:short)", f"refs/remotes/{REMOTE}/"
        ).splitlines()
        if name and name != f"{REMOTE}/HEAD" and name != REMOTE
    ]
    has_head = repo.has_head()
    branch = repo.branch() if has_head else _default_branch(repo, there)
    if not has_head:
        git.run("symbolic-ref", "HEAD", f"refs/heads/{branch}")
    tracking = f"refs/remotes/{REMOTE}/{branch}"
    remote_has = branch in there
    if not has_plan:
        if not remote_has:
            raise SyncFailed(t("sync.nothing_anywhere", url=url, plan=plan))
        if repo.plan_at(tracking) is None and made:
            repo = _top_above(repo, tracking)
            git = repo.git
        if repo.plan_at(tracking) is None:
            raise SyncFailed(_no_plan_there(repo, tracking, url))
        if has_head:
            repo.merge(tracking, unrelated=not git.ok("merge-base", "HEAD", tracking))
        else:
            with repo.plan_locked():
                done = git.run(
                    "checkout", "-q", "-B", branch, "--track", f"{REMOTE}/{branch}", check=False
                )
            if done.returncode != 0:
                from pop_tui.cli.sync_repo import _tail

                raise SyncFailed(
                    t(
                        "sync.checkout_blocked",
                        top=repo.top,
                        said=_tail(done.stderr.decode("utf-8", "replace")),
                    )
                )
        git.run("branch", "-q", f"--set-upstream-to={REMOTE}/{branch}")
        # git made the file by the umask; a plan is private, as the store makes it.
        plan.chmod(0o600)
        repo.write_own_files()
        repo.commit_plan()
        outcome = repo.exchange(REMOTE, branch)
        _remember_sync(repo)
        print(t("sync.init.fetched", url=url, plan=plan, branch=branch))
        _print_outcome(outcome)
        return 0
    repo.write_own_files()
    repo.commit_plan(first=not has_head)
    unrelated = remote_has and not git.ok("merge-base", "HEAD", tracking)
    outcome = repo.exchange(REMOTE, branch, unrelated=unrelated, new_branch=True)
    if git.ok("rev-parse", "-q", "--verify", tracking):
        git.run("branch", "-q", f"--set-upstream-to={REMOTE}/{branch}")
    _remember_sync(repo)
    if unrelated:
        print(t("sync.init.merged", url=url, branch=branch))
        _print_outcome(outcome)
    elif remote_has:
        print(t("sync.init.joined", url=url, branch=branch))
        _print_outcome(outcome)
    else:
        print(t("sync.init.shared", url=url, branch=branch, top=repo.top))
    print(t("sync.init.next", command=context.command("sync")))
    return 0


def _default_branch(repo: PlanRepo, there: list[str]) -> str:
    """The branch a new repository takes: the remote's default, else main."""
    if not there:
        return "main"
    done = repo.git.run("ls-remote", "--symref", "origin", "HEAD", check=False, network=True)
    for line in done.stdout.decode("utf-8", "replace").splitlines():
        if line.startswith("ref: refs/heads/"):
            name = line.removeprefix("ref: refs/heads/").split("\t")[0]
            if name in there:
                return name
    for name in ("main", "master"):
        if name in there:
            return name
    return sorted(there)[0]


def _top_above(repo: PlanRepo, tracking: str) -> PlanRepo:
    """The repository just made, moved up to the folder that makes the remote's plan this one.

    The plan at the remote may lie in a folder of a bigger repository (``pop/plan.json``):
    when this plan's path ends the same way (``~/dotfiles/pop/plan.json``), the repository
    belongs in the folder above (``~/dotfiles``). It holds nothing yet, so it moves whole.
    """
    from pop_tui.cli.sync_repo import PlanRepo

    names = repo.git.text("ls-tree", "-r", "--name-only", tracking).splitlines()
    parts = repo.plan.parts
    for name in sorted(names, key=len):
        inside = tuple(name.split("/"))
        if len(inside) < 2 or inside[-1] != repo.plan.name or parts[-len(inside) :] != inside:
            continue
        top = repo.plan.parents[len(inside) - 1]
        if (top / ".git").exists():
            continue
        os.rename(repo.top / ".git", top / ".git")
        return PlanRepo(repo.plan, top)
    return repo


def _no_plan_there(repo: PlanRepo, tracking: str, url: str) -> str:
    names = repo.git.text("ls-tree", "-r", "--name-only", tracking).splitlines()
    found = [n for n in names if n.endswith(".json") and n.rsplit("/", 1)[-1] == repo.plan.name]
    if found:
        return t("sync.plan_elsewhere", url=url, rel=repo.rel, found=", ".join(found[:5]))
    return t("sync.no_plan_there", url=url, rel=repo.rel)


def run_status(args: argparse.Namespace, context: Context) -> int:
    from pop_tui.cli.sync_repo import read_tables

    plan = _plan(context)
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
    sync.set_defaults(run=run_sync)
    actions = sync.add_subparsers(dest="sync_action", metavar="[init]")
    init = actions.add_parser(
        "init", help=t("sync.help.init"), description=t("sync.help.init_about")
    )
    common(init)
    init.add_argument("url", metavar="URL", help=t("sync.help.url"))
    init.add_argument("--device", metavar="NAME", help=t("sync.help.device"))
    init.set_defaults(run=run_init)


def _raw_epilog() -> type[argparse.HelpFormatter]:
    from pop_tui.cli.parser import Formatter

    class RawEpilog(Formatter):
        """Keeps the epilog's lines (the examples) as written."""

        def _fill_text(self, text: str, width: int, indent: str) -> str:
            return "".join(indent + line for line in text.splitlines(keepends=True))

    return RawEpilog


_RawEpilog = _raw_epilog()
