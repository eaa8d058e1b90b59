"""The plan's git repository: setting it up, and one sync (commit, fetch, merge, push).

:class:`PlanRepo` is the plan file seen from git: the repository's top folder (the
plan's own folder, or a folder above it when the plan lies in a bigger repository),
the plan's path in it, and pop's own files beside the plan (``.gitattributes`` that
names pop's merge driver, ``.gitignore`` for what stays on this device).

Rules that every step keeps:

- Only the plan and pop's own files are ever added or committed; the person's other
  files in the repository (changed, new, or staged) are left exactly as they are.
- The plan's lock (:func:`pop_tui.store.files.locked`) is held while git commits or
  changes the plan file, never while git talks to the network. A pop that saves
  meanwhile waits for the lock; a TUI reads the new file by itself afterwards.
- git never writes the plan file itself: it merges beside the working tree
  (``merge-tree --write-tree``, through pop's driver), and pop replaces the plan
  atomically, as a save does, before git moves the branch. So a TUI or ``pop agenda``
  reading meanwhile sees the old plan or the new one, whole. (A git before 2.38 runs
  ``git merge`` as it is.)
- A merge that git or pop's driver refuses leaves the repository as before the merge
  (the local commit stays), the plan as it was.

Long on purpose: init and sync share every step (the commit of the plan, the merge
through the driver with its report, the push and what a refusal means), and the
order of those steps with the lock is what keeps the plan safe; apart, they would
drift.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pop_tui.core.texts import t
from pop_tui.core.value import Value
from pop_tui.store.sync_git import (
    DRIVER,
    DRIVER_MARK,
    REMOTE,
    Git,
    GitError,
    ensure_lines,
    set_driver,
)

STATE_FILE = "sync.json"
# How often a sync fetches and merges again when another device pushed meanwhile.
PUSH_TRIES = 3


class SyncFailed(Exception):
    """The sync could not be done; the message says why and what to do. The plan is as it was."""


class Outcome(Value):
    """What one sync did."""

    sent: tuple[str, ...] = ()  # the local changes committed (their summary lines)
    commits_sent: int = 0
    incoming: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()
    renumbered: tuple[str, ...] = ()
    merged_unrelated: bool = False
    fetched_plan: bool = False


def read_tables(raw: bytes, label: str) -> dict[str, dict[str, Any]]:
    from pop_tui.store.plan_file import parse

    return parse(label, raw)


def describe(before: dict[str, Any] | None, after: dict[str, Any]) -> list[str]:
    """What changed from ``before`` to ``after``, as short lines ("goal added: Learn Rust")."""
    from pop_tui.core.plan_changes import describe_changes

    return describe_changes(before, after)


def device_name(plan: Path) -> str:
    """This device's name (``local/device.json``; the host's name unless set)."""
    from pop_tui.store.local import this_device

    return this_device(plan).name


class PlanRepo:
    """The plan file in its git repository."""

    def __init__(self, plan: Path, top: Path, env: dict[str, str] | None = None) -> None:
        self.plan = plan
        self.folder = plan.parent
        self.top = top
        self.git = Git(top, env)
        self.rel = self._rel(plan)
        # The plan file as this sync last wrote it (inode, size, mtime), taken at once:
        # a TUI shows that one without saying it changed elsewhere (the sync says so).
        self.wrote: tuple[int, int, int] | None = None

    @functools.cached_property
    def device(self) -> str:
        """This device's name, for the commit messages."""
        return device_name(self.plan)

    @functools.cached_property
    def identity(self) -> dict[str, str]:
        """Who commits: the person as git knows them; else (no user.name, user.email) this device."""
        if self.git.ok("var", "GIT_COMMITTER_IDENT") and self.git.ok("var", "GIT_AUTHOR_IDENT"):
            return {}
        slug = "".join(
            c if c.isascii() and (c.isalnum() or c in "-.") else "-" for c in self.device
        )
        email = f"pop@{slug.strip('-.') or 'device'}"
        return {
            "GIT_AUTHOR_NAME": self.device,
            "GIT_AUTHOR_EMAIL": email,
            "GIT_COMMITTER_NAME": self.device,
            "GIT_COMMITTER_EMAIL": email,
        }

    @classmethod
    def find(cls, plan: Path, env: dict[str, str] | None = None) -> PlanRepo | None:
        """The repository the plan lies in, or None."""
        from pop_tui.store.sync_git import top_level

        top = top_level(plan.parent, env)
        return None if top is None else cls(plan, top, env)

    def _rel(self, path: Path) -> str:
        real_top = os.path.realpath(self.top)
        return Path(os.path.relpath(os.path.realpath(path.parent), real_top), path.name).as_posix()

    @property
    def own_files(self) -> list[str]:
        """The plan and pop's own files, as paths in the repository."""
        return [
            self.rel,
            self._rel(self.folder / ".gitattributes"),
            self._rel(self.folder / ".gitignore"),
        ]

    # --- what git knows -------------------------------------------------------

    def branch(self) -> str:
        return self.git.text("symbolic-ref", "--short", "HEAD")

    def has_head(self) -> bool:
        return self.git.ok("rev-parse", "--verify", "-q", "HEAD")

    def upstream(self) -> tuple[str, str] | None:
        """The remote and the branch there that the current branch syncs with."""
        done = self.git.run("symbolic-ref", "--short", "-q", "HEAD", check=False)
        if done.returncode != 0:
            return None
        branch = done.stdout.decode().strip()
        remote = self.git.config(f"branch.{branch}.remote")
        merge = self.git.config(f"branch.{branch}.merge")
        if not remote or not merge:
            return None
        return remote, merge.removeprefix("refs/heads/")

    def remote_url(self, remote: str = REMOTE) -> str | None:
        return self.git.config(f"remote.{remote}.url")

    def merging(self) -> bool:
        return self.git.ok("rev-parse", "-q", "--verify", "MERGE_HEAD")

    def counts(self, tracking: str) -> tuple[int, int]:
        """(ahead, behind): commits here not there, and there not here (as last fetched)."""
        if not self.has_head() or not self.git.ok("rev-parse", "-q", "--verify", tracking):
            return 0, 0
        ahead, behind = self.git.text(
            "rev-list", "--left-right", "--count", f"HEAD...{tracking}"
        ).split()
        return int(ahead), int(behind)

    def plan_at(self, revision: str) -> bytes | None:
        done = self.git.run("show", f"{revision}:{self.rel}", check=False)
        return done.stdout if done.returncode == 0 else None

    def plan_changed(self) -> bool:
        """Whether the plan differs from what was last committed."""
        if not self.plan.exists():
            return False
        committed = self.plan_at("HEAD")
        return committed is None or committed != self.plan.read_bytes()

    # --- setting up -----------------------------------------------------------

    def write_own_files(self) -> None:
        """.gitattributes (the plan merges through pop), .gitignore (what stays here), the driver."""
        name = self.plan.name
        pattern = name.replace(" ", "[[:space:]]")
        ensure_lines(
            self.folder / ".gitattributes",
            [f"{pattern} merge={DRIVER}"],
            t("sync.attributes_header"),
        )
        from pop_tui.store.agenda_index import NOT_SYNCED

        ensure_lines(self.folder / ".gitignore", list(NOT_SYNCED), t("sync.ignore_header"))
        set_driver(self.git)

    @contextlib.contextmanager
    def plan_locked(self) -> Iterator[None]:
        from pop_tui.store.files import locked

        with locked(self.plan):
            yield

    def commit_plan(self, first: bool = False) -> list[str]:
        """Commit the plan and pop's own files, nothing else; the summary lines ([] if nothing)."""
        with self.plan_locked():
            return self._commit_locked(first)

    def _commit_locked(self, first: bool = False) -> list[str]:
        files = [f for f in self.own_files if (self.top / f).exists()]
        if not files:
            return []
        now = self.plan.read_bytes() if self.plan.exists() else None
        if now is not None:
            read_tables(now, str(self.plan))  # a damaged plan is not sent anywhere
        self.git.run("add", "--", *files)
        if self.has_head() and self.git.ok("diff", "--cached", "--quiet", "HEAD", "--", *files):
            return []
        before = self.plan_at("HEAD") if self.has_head() else None
        lines: list[str] = []
        if now is not None and now != before:
            before_tables = read_tables(before, "HEAD") if before is not None else None
            lines = describe(before_tables, read_tables(now, str(self.plan)))
        key = "sync.commit.first" if first else "sync.commit.plain"
        subject = t(key, device=self.device)
        message = _message(lines, subject)
        self.git.run(
            "commit", "-q", "--no-verify", "-m", message, "--only", "--", *files, env=self.identity
        )
        return lines or [subject]

    def fetch(self, remote: str) -> None:
        try:
            self.git.run("fetch", "-q", "--no-tags", remote, network=True)
        except GitError as exc:
            raise SyncFailed(
                t("sync.unreachable", url=self.remote_url(remote) or remote, said=_said(exc))
            ) from None

    def merge(self, tracking: str, *, unrelated: bool = False) -> Outcome:
        """Merge ``tracking`` into the current branch, through pop's driver; abort if refused."""
        from pop_tui.core.texts import language

        late: list[str] = []
        with tempfile.TemporaryDirectory(prefix="pop-sync-") as scratch:
            report_path = Path(scratch) / "report.json"
            env = {"POP_SYNC_REPORT": str(report_path), "POP_LANG": language(), **self.identity}
            with self.plan_locked():
                # A save since this sync's commit (a TUI, another pop) goes in first: git
                # merges into a plan file that matches what it committed.
                late = self._commit_locked()
                before = self.plan_at("HEAD")
                if self.merge_tree_writes():
                    self._merge_beside(tracking, unrelated, env)
                else:
                    self._merge_in_place(tracking, unrelated, env)
            report: dict[str, list[str]] = {}
            with contextlib.suppress(OSError, ValueError):
                report = json.loads(report_path.read_text(encoding="utf-8"))
        after = self.plan_at("HEAD")
        incoming = report.get("incoming")
        if incoming is None and after is not None and after != before:
            # git took the other side's plan as it is (only one side changed it): no driver ran.
            incoming = describe(
                read_tables(before, "HEAD") if before else None, read_tables(after, "plan")
            )
            if not incoming:
                incoming = [self._saved_by(after)]
        return Outcome(
            sent=tuple(late),
            incoming=tuple(incoming or ()),
            conflicts=tuple(report.get("conflicts", ())),
            renumbered=tuple(report.get("renumbered", ())),
        )

    def merge_tree_writes(self) -> bool:
        """Whether this git merges without a working tree (``merge-tree --write-tree``, 2.38)."""
        words = self.git.text("version").split()
        try:
            major, minor = (int(n) for n in words[2].split(".")[:2])
        except (IndexError, ValueError):
            return False
        return (major, minor) >= (2, 38)

    def _merge_beside(self, tracking: str, unrelated: bool, env: dict[str, str]) -> None:
        """Merge without git writing the plan file: git makes the merged commit, pop puts
        the plan in place atomically (as every save does: a reader, a TUI, sees the old
        plan or the new one, whole), then git moves the branch and the other files there.
        """
        theirs = self.git.text("rev-parse", f"{tracking}^{{commit}}")
        if self.git.ok("merge-base", "--is-ancestor", "HEAD", theirs):
            target = theirs  # nothing here that is not there: the branch moves on
        else:
            args = ["merge-tree", "--write-tree", "--name-only", "--messages"]
            if unrelated:
                args.append("--allow-unrelated-histories")
            done = self.git.run(*args, "HEAD", theirs, check=False, env=env)
            if done.returncode != 0:
                said = (done.stderr + done.stdout).decode("utf-8", "replace")
                raise SyncFailed(self._refusal(said))
            tree = done.stdout.decode().split()[0]
            message = f"Merge remote-tracking branch '{tracking.removeprefix('refs/remotes/')}'"
            target = self.git.text_env(
                ("commit-tree", tree, "-p", "HEAD", "-p", theirs, "-m", message), env
            )
        self._move_to(target)

    def _move_to(self, target: str) -> None:
        """Fast-forward to ``target`` with the plan file replaced by pop, not written by git."""
        from pop_tui.store.files import atomic_write

        entry = self.git.text("ls-tree", target, "--", self.rel)
        old = self.plan.read_bytes() if self.plan.exists() else None
        if entry:
            mode, _, oid = entry.split("\t")[0].split()
            new = self.git.run("cat-file", "blob", oid).stdout
            if new != old:
                atomic_write(self.plan, new, keep=True)
                self._wrote()
            # The index holds the new plan already, so git leaves the file alone.
            self.git.run("update-index", "--cacheinfo", f"{mode},{oid},{self.rel}")
        done = self.git.run("merge", "--ff-only", "-q", target, check=False)
        if done.returncode != 0:
            if old is not None and entry:
                atomic_write(self.plan, old, keep=True)
                self._wrote()
            self.git.run("reset", "-q", "--", self.rel, check=False)
            raise SyncFailed(self._refusal(done.stderr.decode("utf-8", "replace")))

    def _merge_in_place(self, tracking: str, unrelated: bool, env: dict[str, str]) -> None:
        """``git merge`` as it is (a git before 2.38); aborted when refused."""
        args = ["merge", "-q", "--no-edit", "--no-stat"]
        if unrelated:
            args.append("--allow-unrelated-histories")
        try:
            done = self.git.run(*args, tracking, check=False, env=env)
            if done.returncode != 0:
                self._abort()
        except BaseException:  # interrupted (Ctrl-C), stopped: no merge left half done
            self._abort()
            raise
        finally:
            self._wrote()  # as git wrote it (through pop's driver), or as the abort put it back
        if done.returncode != 0:
            raise SyncFailed(self._refusal(done.stderr.decode("utf-8", "replace")))

    def _wrote(self) -> None:
        from pop_tui.store.plan_file import file_signature

        self.wrote = file_signature(self.plan)

    def _saved_by(self, raw: bytes) -> str:
        meta = read_tables(raw, "plan").get("_meta", {}).get("1", {})
        saved = str(meta.get("saved_at") or "?").replace("T", " ")
        device = meta.get("device")
        if isinstance(device, str) and device:
            return t("sync.came_in_plain", device=device, saved=saved)
        return t("sync.came_in_saved", saved=saved)

    def _abort(self) -> None:
        if self.merging():
            self.git.run("merge", "--abort", check=False)

    def _refusal(self, said: str) -> str:
        """Why the merge was refused: the driver's reason, or what git said."""
        driver = [line for line in said.splitlines() if line.startswith(DRIVER_MARK)]
        if driver:
            return t("sync.merge_refused", said="\n".join(driver))
        if "would be overwritten" in said or "untracked working tree files" in said:
            return t("sync.merge_blocked", said=tail(said), top=self.top)
        if (
            "not possible because you have unmerged files" in said
            or "commit your changes" in said.lower()
        ):
            return t("sync.merge_blocked", said=tail(said), top=self.top)
        return t("sync.merge_failed", said=tail(said))

    def push(self, remote: str, branch: str, *, set_upstream: bool = False) -> bool:
        """Push the current branch; False when the remote has newer commits (fetch and merge again)."""
        args = ["push", "-q", "--porcelain"]
        if set_upstream:
            args.append("-u")
        done = self.git.run(*args, remote, f"HEAD:refs/heads/{branch}", check=False, network=True)
        if done.returncode == 0:
            return True
        said = (done.stdout + done.stderr).decode("utf-8", "replace")
        if "[rejected]" in said and ("fetch first" in said or "non-fast-forward" in said):
            return False
        raise SyncFailed(
            t("sync.push_failed", url=self.remote_url(remote) or remote, said=tail(said))
        )

    def exchange(
        self, remote: str, branch: str, *, unrelated: bool = False, new_branch: bool = False
    ) -> Outcome:
        """Fetch, merge what came in, push what is here; again when someone pushed meanwhile."""
        tracking = f"refs/remotes/{remote}/{branch}"
        total = Outcome()
        for _ in range(PUSH_TRIES):
            self.fetch(remote)
            there = self.git.ok("rev-parse", "-q", "--verify", tracking)
            if there:
                behind = self.counts(tracking)[1]
                if behind:
                    if not unrelated and not self.git.ok("merge-base", "HEAD", tracking):
                        raise SyncFailed(t("sync.unrelated", url=self.remote_url(remote) or remote))
                    short = f"{remote}/{branch}"  # git names it so in the merge commit
                    total = _joined(total, self.merge(short, unrelated=unrelated))
                ahead = self.counts(tracking)[0]
            else:
                ahead = int(self.git.text("rev-list", "--count", "HEAD")) if self.has_head() else 0
            if not ahead:
                return total
            if self.push(remote, branch, set_upstream=new_branch or not there):
                return total.replace(commits_sent=ahead)
        raise SyncFailed(t("sync.push_raced", url=self.remote_url(remote) or remote))


def _joined(a: Outcome, b: Outcome) -> Outcome:
    return a.replace(
        sent=a.sent + b.sent,
        incoming=a.incoming + b.incoming,
        conflicts=a.conflicts + b.conflicts,
        renumbered=a.renumbered + b.renumbered,
    )


def _message(lines: list[str], subject: str) -> str:
    """The commit message: what changed on its first line (listed below when too long for
    one), and which device saved it."""
    if not lines:
        return subject
    first = ", ".join(lines)
    if len(first) <= 72:
        return f"{first}\n\n{subject}"
    body = "\n".join(f"- {line}" for line in lines)
    return f"{first[:71]}…\n\n{body}\n\n{subject}"


def _said(exc: GitError) -> str:
    return tail(str(exc))


def tail(text: str) -> str:
    """git's last few lines of complaint, as one clause (a sentence of pop's goes on after it)."""
    lines = [
        line.removeprefix("fatal: ").removeprefix("error: ").strip().rstrip(".")
        for line in text.splitlines()
        if line.strip() and not line.startswith("hint:")
    ]
    return "; ".join(lines[-3:])


# --- when this device last synced (device-local, never synced) ----------------


def state_path(plan: Path) -> Path:
    from pop_tui.store.local import local_folder

    return local_folder(plan) / STATE_FILE


def last_sync(plan: Path) -> dict[str, Any]:
    """When this device last synced (``local/sync.json``: ``at``, ``commit``), or {}."""
    try:
        data = json.loads(state_path(plan).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def remember_sync(repo: PlanRepo) -> None:
    """Keep, on this device only, that it synced now (and at which commit)."""
    from datetime import datetime

    from pop_tui.store.files import atomic_write, ensure_folder

    path = state_path(repo.plan)
    ensure_folder(path.parent)
    state = {
        "at": datetime.now().isoformat(timespec="seconds"),
        "commit": repo.git.text("rev-parse", "HEAD"),
    }
    atomic_write(path, (json.dumps(state, sort_keys=True) + "\n").encode())
