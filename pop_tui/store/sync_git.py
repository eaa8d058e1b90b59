"""git, run as a program for ``pop sync``: every call bounded in time, the user's setup kept.

No git library: ``git`` itself is the engine (the one people already trust with their
files, their keys and their remotes). Each call runs in its own process group with
its standard input closed, so that git never waits for a password nobody can type
(``pop sync`` runs from the TUI too) and a hanging network is ended with everything
git started (ssh, a credential helper): the timeout kills the whole group.

What talks to the network (fetch, push, ls-remote) gets a total timeout
(``POP_SYNC_TIMEOUT`` seconds, default :data:`NETWORK_TIMEOUT`), and git's own limits
for a connection that stalls: ssh's ``ConnectTimeout`` and keep-alives (only when the
user has no ``GIT_SSH_COMMAND`` or ``core.sshCommand`` of their own) and
``GIT_HTTP_LOW_SPEED_LIMIT``/``TIME`` for http(s).

Nothing here knows about plans; :mod:`pop_tui.store.sync_repo` builds on it, for ``pop sync``
(:mod:`pop_tui.cli.sync`) and the TUI (:mod:`pop_tui.ui.sync_run`).
"""

from __future__ import annotations

import contextlib
import os
import shlex
import signal
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from pop_tui.core.texts import t
from pop_tui.store import child_groups

NETWORK_TIMEOUT = 60.0
LOCAL_TIMEOUT = 120.0
# The merge driver's name in .gitattributes and the repository's config.
DRIVER = "pop"
REMOTE = "origin"
# How the driver's refusal begins (in every language), so that pop sync finds it in git's output.
DRIVER_MARK = "pop merge: "


class GitError(Exception):
    """git refused or failed; the message says why, in the person's words."""

    def __init__(self, message: str, output: str = "") -> None:
        super().__init__(message)
        self.output = output


class GitTimeout(GitError):
    """git took longer than it may (a network that hangs)."""


def network_timeout(env: Mapping[str, str]) -> float:
    """``POP_SYNC_TIMEOUT`` (seconds) when it is a positive number, else the default."""
    try:
        value = float(env.get("POP_SYNC_TIMEOUT", ""))
    except ValueError:
        return NETWORK_TIMEOUT
    return value if value > 0 else NETWORK_TIMEOUT


def git_installed() -> bool:
    import shutil

    return shutil.which("git") is not None


class Git:
    """git in one working folder, with the environment every call gets."""

    def __init__(self, cwd: Path, env: Mapping[str, str] | None = None) -> None:
        self.cwd = cwd
        base = dict(os.environ if env is None else env)
        # git's own messages in English: pop reads some of them, and tells the person
        # in their language what went wrong.
        base["LC_ALL"] = "C"
        base["GIT_TERMINAL_PROMPT"] = "0"
        base.setdefault("GIT_MERGE_AUTOEDIT", "no")
        self.env = base
        self.timeout = network_timeout(base)

    def run(
        self,
        *args: str,
        check: bool = True,
        network: bool = False,
        env: Mapping[str, str] | None = None,
        input_bytes: bytes | None = None,
    ) -> subprocess.CompletedProcess[bytes]:
        """Run ``git ARGS``; raise :class:`GitError` when it fails and ``check`` is set."""
        full_env = {**self.env, **(env or {})}
        if network:
            full_env = self._network_env(full_env)
        timeout = self.timeout if network else LOCAL_TIMEOUT
        command = ["git", *args]
        try:
            process = subprocess.Popen(
                command,
                cwd=self.cwd,
                env=full_env,
                stdin=subprocess.PIPE if input_bytes is not None else subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                start_new_session=True,
            )
        except FileNotFoundError:
            raise GitError(t("sync.no_git")) from None
        child_groups.started(process.pid)
        try:
            out, err = process.communicate(input_bytes, timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(process)
            raise GitTimeout(t("sync.timeout", seconds=f"{timeout:g}")) from None
        except BaseException:
            _kill_group(process)
            raise
        finally:
            child_groups.ended(process.pid)
        done = subprocess.CompletedProcess(command, process.returncode, out, err)
        if check and done.returncode != 0:
            raise GitError(git_said(done), git_said(done))
        return done

    def text(self, *args: str, network: bool = False) -> str:
        """What ``git ARGS`` prints, without the final newline."""
        return self.run(*args, network=network).stdout.decode("utf-8", "replace").rstrip("\n")

    def text_env(self, args: Sequence[str], env: Mapping[str, str]) -> str:
        """What ``git ARGS`` prints with ``env`` added, without the final newline."""
        return self.run(*args, env=env).stdout.decode("utf-8", "replace").rstrip("\n")

    def ok(self, *args: str) -> bool:
        """Whether ``git ARGS`` succeeds."""
        return self.run(*args, check=False).returncode == 0

    def config(self, name: str) -> str | None:
        done = self.run("config", "--get", name, check=False)
        return done.stdout.decode("utf-8", "replace").strip() if done.returncode == 0 else None

    def _network_env(self, env: dict[str, str]) -> dict[str, str]:
        seconds = max(1, int(self.timeout))
        if (
            "GIT_SSH_COMMAND" not in env
            and "GIT_SSH" not in env
            and not self.config("core.sshCommand")
        ):
            env["GIT_SSH_COMMAND"] = (
                f"ssh -o BatchMode=yes -o ConnectTimeout={min(seconds, 15)}"
                " -o ServerAliveInterval=5 -o ServerAliveCountMax=3"
            )
        env.setdefault("GIT_HTTP_LOW_SPEED_LIMIT", "1000")
        env.setdefault("GIT_HTTP_LOW_SPEED_TIME", str(min(seconds, 30)))
        return env


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.communicate(timeout=5)


def git_said(done: subprocess.CompletedProcess[bytes]) -> str:
    """git's own complaint (its last lines on standard error), for the message."""
    text = (done.stderr or done.stdout).decode("utf-8", "replace").strip()
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("hint:")]
    return "\n".join(lines[-4:]) or f"git {' '.join(done.args[1:2])} failed"


def top_level(folder: Path, env: Mapping[str, str] | None = None) -> Path | None:
    """The top folder of the git working tree that ``folder`` is in, or None."""
    if not folder.is_dir() or not may_be_in_repo(folder, os.environ if env is None else env):
        return None
    done = Git(folder, env).run("rev-parse", "--show-toplevel", check=False)
    if done.returncode != 0:
        return None
    return Path(os.fsdecode(done.stdout.rstrip(b"\n")))


def may_be_in_repo(folder: Path, env: Mapping[str, str]) -> bool:
    """False when git cannot find a working tree for ``folder``: no ``.git`` in it or any
    folder above, and no ``GIT_DIR``/``GIT_WORK_TREE`` pointing elsewhere. Every TUI start
    asks, and most plans are in no repository: this spares them a git process."""
    if env.get("GIT_DIR") or env.get("GIT_WORK_TREE"):
        return True
    here = os.path.realpath(folder)
    while True:
        if os.path.lexists(os.path.join(here, ".git")):
            return True
        above = os.path.dirname(here)
        if above == here:
            return False
        here = above


# --- the merge driver in git's config --------------------------------------------------


def driver_command(executable: str | None = None) -> str:
    """The command git runs to merge the plan file (``merge.pop.driver``).

    This Python with ``-m pop_tui`` (``-P``: the repository's folder is not put on the
    module path), when it is still there; else the ``pop`` on the PATH. A venv that
    moved, or a pop installed again elsewhere, still merges from a plain ``git pull``
    as long as ``pop`` is on the PATH; and every ``pop sync`` writes this line again,
    so it follows the pop that ran last.
    """
    python = shlex.quote(os.path.abspath(executable or sys.executable))
    words = "__merge-driver %O %A %B %P"
    return f"if [ -x {python} ]; then {python} -P -m pop_tui {words}; else pop {words}; fi"


def set_driver(git: Git) -> None:
    """Name pop's merge driver in the repository's own config (written only when it differs)."""
    wanted = {
        f"merge.{DRIVER}.name": "pop: merge two devices' plans record by record",
        f"merge.{DRIVER}.driver": driver_command(),
    }
    for name, value in wanted.items():
        if git.config(name) != value:
            git.run("config", "--local", name, value)


def ensure_lines(path: Path, lines: Sequence[str], header: str) -> bool:
    """Add the ``lines`` that ``path`` lacks (the file is made when missing); True if it changed.

    Lines already there, and any others the person wrote, are kept as they are.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    have = {line.strip() for line in text.splitlines()}
    missing = [line for line in lines if line not in have]
    if not missing:
        return False
    from pop_tui.store.files import atomic_write

    start = text if not text or text.endswith("\n") else text + "\n"
    if header not in have:
        missing.insert(0, header)
    atomic_write(path, (start + "".join(f"{line}\n" for line in missing)).encode("utf-8"))
    os.chmod(path, 0o644)
    return True
