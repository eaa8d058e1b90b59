"""``pop sync init URL [--device NAME]``: the same command on every device.

On the first device it makes the plan's folder a git repository (or uses the one
the plan lies in), commits the plan and pushes it; on a device without a plan it
fetches the plan into the plan's folder (other files there stay); on a device with
a plan of its own it merges the two (no common ancestor) and says so.
"""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING

from pop_tui.cli.context import Context
from pop_tui.cli.sync_tell import fail, plan_of, print_outcome, remember_sync
from pop_tui.core.texts import t

if TYPE_CHECKING:
    from pop_tui.store.sync_repo import PlanRepo


def run_init(args: argparse.Namespace, context: Context) -> int:
    from pop_tui.store.sync_git import GitError, git_installed

    if not git_installed():
        return fail(t("sync.no_git"))
    from pop_tui.store.sync_git import top_level
    from pop_tui.store.sync_repo import PlanRepo, SyncFailed

    plan = plan_of(context)
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
        return fail(str(exc))


def _init(args: argparse.Namespace, context: Context) -> int:
    from pop_tui.store.files import ensure_folder
    from pop_tui.store.sync_git import REMOTE, Git, set_driver
    from pop_tui.store.sync_repo import PlanRepo, SyncFailed, read_tables

    url: str = args.url
    plan = plan_of(context)
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
                from pop_tui.store.sync_repo import tail

                raise SyncFailed(
                    t(
                        "sync.checkout_blocked",
                        top=repo.top,
                        said=tail(done.stderr.decode("utf-8", "replace")),
                    )
                )
        git.run("branch", "-q", f"--set-upstream-to={REMOTE}/{branch}")
        # git made the file by the umask; a plan is private, as the store makes it.
        plan.chmod(0o600)
        repo.write_own_files()
        repo.commit_plan()
        outcome = repo.exchange(REMOTE, branch)
        remember_sync(repo)
        print(t("sync.init.fetched", url=url, plan=plan, branch=branch))
        print_outcome(outcome)
        return 0
    repo.write_own_files()
    repo.commit_plan(first=not has_head)
    unrelated = remote_has and not git.ok("merge-base", "HEAD", tracking)
    outcome = repo.exchange(REMOTE, branch, unrelated=unrelated, new_branch=True)
    if git.ok("rev-parse", "-q", "--verify", tracking):
        git.run("branch", "-q", f"--set-upstream-to={REMOTE}/{branch}")
    remember_sync(repo)
    if unrelated:
        print(t("sync.init.merged", url=url, branch=branch))
        print_outcome(outcome)
    elif remote_has:
        print(t("sync.init.joined", url=url, branch=branch))
        print_outcome(outcome)
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
    from pop_tui.store.sync_repo import PlanRepo

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
