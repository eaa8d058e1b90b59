"""``pop sync`` with real git: a bare repository on disk and devices in temporary folders.

No mocks: git itself runs (with its config pointed at a scratch file, so the user's
is never read or written), and the syncs run through the real ``pop`` (a process),
the edits through the CLI and the store. A set-up of a remote and two devices is
made once for the module and copied for each test.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pop_tui.cli import main
from pop_tui.core.model import Goal
from pop_tui.store.agenda_index import NOT_SYNCED
from pop_tui.store.plan_store import PlanStore
from pop_tui.store.sync_git import driver_command, may_be_in_repo, top_level
from tests.conftest import TODAY
from tests.pop_shell import Ran
from tests.pty_pop import PopInPty

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git_env(home: Path) -> dict[str, str]:
    """Everything git and pop need, nothing of the user's: config, folders, names."""
    home.mkdir(parents=True, exist_ok=True)
    (home / "gitconfig").touch()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "POP_"))}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
        GIT_CONFIG_GLOBAL=str(home / "gitconfig"),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="Test",
        GIT_AUTHOR_EMAIL="test@example.org",
        GIT_COMMITTER_NAME="Test",
        GIT_COMMITTER_EMAIL="test@example.org",
        POP_TODAY=TODAY.isoformat(),
        POP_LANG="en",
        LANG="C.UTF-8",
        # The merge driver runs `python -m pop_tui` from the repository's folder: it must
        # find this pop_tui, not an installed one.
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH", "")])),
    )
    return env


def run(args: list[str], cwd: Path, env: dict[str, str], timeout: float = 60) -> Ran:
    done = subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    return Ran(done.returncode, done.stdout, done.stderr)


class Device:
    """One device: a folder with the plan, and the real pop and git run in it."""

    def __init__(self, folder: Path, env: dict[str, str]) -> None:
        self.folder = folder
        self.plan = folder / "plan.json"
        self.env = env

    def pop(self, *args: str | Path, env: dict[str, str] | None = None) -> Ran:
        """The real ``pop`` (a process)."""
        words = [sys.executable, "-m", "pop_tui", *map(str, args), "--db", str(self.plan)]
        return run(words, ROOT, {**self.env, **(env or {})})

    def edit(self, *args: str) -> Ran:
        """A pop command that edits the plan, run in this process (it is quicker)."""
        out, err = io.StringIO(), io.StringIO()
        previous = os.environ.get("POP_TODAY")
        os.environ["POP_TODAY"] = TODAY.isoformat()
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main([*args, "--db", str(self.plan), "--lang", "en"])
        finally:
            if previous is None:
                del os.environ["POP_TODAY"]
            else:
                os.environ["POP_TODAY"] = previous
        return Ran(code, out.getvalue(), err.getvalue())

    def sync(self, *args: str, env: dict[str, str] | None = None) -> Ran:
        return self.pop("sync", *args, env=env)

    def git(self, *args: str, check: bool = True) -> str:
        done = run(["git", *args], self.folder, self.env)
        assert not check or done.code == 0, done.err
        return done.out

    def store(self) -> PlanStore:
        return PlanStore.open(self.plan)

    def titles(self, table: str = "goals", field: str = "title") -> list[Any]:
        tables = json.loads(self.plan.read_text(encoding="utf-8"))
        return sorted(str(r.get(field)) for r in tables.get(table, {}).values())

    def tables(self) -> dict[str, Any]:
        return json.loads(self.plan.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A remote and two devices in step: laptop made the plan, desktop fetched it."""
    root = tmp_path_factory.mktemp("sync-template")
    env = git_env(root / "home")
    remote = root / "remote.git"
    run(["git", "init", "-q", "--bare", str(remote)], root, env)
    laptop = Device(root / "laptop", env)
    for words in (
        ["add", "goal", "Learn Rust"],
        ["add", "step", "1", "Read the book"],
        ["add", "step", "1", "Write a parser"],
    ):
        assert laptop.pop(*words).code == 0
    first = laptop.sync("init", str(remote), "--device", "laptop")
    assert first.code == 0, first.err
    desktop = Device(root / "desktop", env)
    second = desktop.sync("init", str(remote), "--device", "desktop")
    assert second.code == 0, second.err
    return root


@pytest.fixture
def world(template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """A copy of the template for one test: its remote, laptop and desktop."""
    root = tmp_path / "world"
    shutil.copytree(template, root, symlinks=True)
    env = git_env(root / "home")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    laptop, desktop = Device(root / "laptop", env), Device(root / "desktop", env)
    for device in (laptop, desktop):
        device.git("remote", "set-url", "origin", str(root / "remote.git"))
    return {
        "root": root,
        "remote": root / "remote.git",
        "env": env,
        "laptop": laptop,
        "desktop": desktop,
    }


def remote_log(world: dict[str, Any]) -> list[str]:
    done = run(["git", "log", "--format=%s", "main"], world["remote"], world["env"])
    return done.out.splitlines()


# --- setting up -------------------------------------------------------------------------


def test_init_on_the_first_device_commits_the_plan_and_pushes_it(world: dict[str, Any]) -> None:
    laptop: Device = world["laptop"]
    first = run(["git", "log", "--format=%B", "main"], world["remote"], world["env"]).out
    assert len(remote_log(world)) == 1 and "The plan of laptop" in first
    tracked = laptop.git("ls-files").split()
    assert sorted(tracked) == [".gitattributes", ".gitignore", "plan.json"]
    ignored = (laptop.folder / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert set(NOT_SYNCED) | {"local/"} <= set(ignored)
    assert laptop.git("check-attr", "merge", "plan.json").strip() == "plan.json: merge: pop"
    assert laptop.git("config", "--local", "merge.pop.driver").strip() == driver_command()
    # What stays on this device is not in the repository.
    assert (laptop.folder / "local" / "device.json").exists()
    assert laptop.git("status", "--porcelain") == ""
    assert json.loads((laptop.folder / "local" / "device.json").read_text())["name"] == "laptop"


def test_a_device_without_a_plan_fetches_it_into_a_folder_with_other_files(
    world: dict[str, Any],
) -> None:
    env = world["env"]
    folder = world["root"] / "phone"
    (folder / "backups").mkdir(parents=True)
    (folder / "notes.txt").write_text("mine\n")
    phone = Device(folder, env)
    done = phone.sync("init", str(world["remote"]), "--device", "phone")
    assert done.code == 0, done.err
    assert "Fetched the plan" in done.out
    assert phone.plan.read_bytes() == world["laptop"].plan.read_bytes()
    assert (folder / "notes.txt").read_text() == "mine\n"
    assert phone.git("status", "--porcelain").strip() == "?? notes.txt"
    assert stat.S_IMODE(phone.plan.stat().st_mode) == 0o600
    assert phone.sync().code == 0


def test_without_a_plan_anywhere_init_says_so(world: dict[str, Any], tmp_path: Path) -> None:
    env = world["env"]
    empty = tmp_path / "empty.git"
    run(["git", "init", "-q", "--bare", str(empty)], tmp_path, env)
    lonely = Device(tmp_path / "lonely", env)
    done = lonely.sync("init", str(empty))
    assert done.code == 1
    assert "no plan" in done.err and not lonely.plan.exists()
    assert not (lonely.folder / ".git").exists()


def test_sync_before_init_tells_what_to_run(tmp_path: Path) -> None:
    device = Device(tmp_path / "alone", git_env(tmp_path / "home"))
    assert device.edit("add", "goal", "Something").code == 0
    done = device.sync()
    assert done.code == 1 and "pop sync init URL" in done.err
    status = device.sync("--status", "--json")
    assert status.code == 0 and json.loads(status.out)["set_up"] is False
    dutch = device.pop("sync", "--lang", "nl")
    assert "nog niet gesynchroniseerd" in dutch.err


# --- syncing --------------------------------------------------------------------------


def test_a_change_on_one_device_comes_in_on_the_other(world: dict[str, Any]) -> None:
    laptop: Device = world["laptop"]
    desktop: Device = world["desktop"]
    assert laptop.edit("done", "2").code == 0
    store = laptop.store()
    store.apply("Add a goal", lambda edit: edit.add(Goal, title="Speak Dutch"))
    sent = laptop.sync()
    assert sent.code == 0, sent.err
    came = desktop.sync()
    assert came.code == 0, came.err
    assert "Came in from elsewhere:" in came.out
    assert desktop.plan.read_bytes() == laptop.plan.read_bytes()
    assert desktop.titles() == ["Learn Rust", "Speak Dutch"]
    assert len(remote_log(world)) == 2
    # pop put the new plan in place (atomically, keeping its mode), not git (which would
    # have written the file in place, by the umask).
    assert stat.S_IMODE(desktop.plan.stat().st_mode) == 0o600
    assert desktop.git("status", "--porcelain") == ""
    again = desktop.sync()
    assert again.code == 0 and "Already in step" in again.out


def test_status_says_ahead_behind_last_sync_and_conflicts(world: dict[str, Any]) -> None:
    laptop: Device = world["laptop"]
    desktop: Device = world["desktop"]
    assert laptop.edit("add", "goal", "Speak Dutch").code == 0
    assert laptop.sync().code == 0
    desktop.git("fetch", "-q")
    status = json.loads(desktop.sync("--status", "--json").out)
    assert status["set_up"] is True
    assert (status["ahead"], status["behind"], status["changed"]) == (0, 1, False)
    assert status["last_sync"] is not None and status["conflicts"] == 0
    assert desktop.edit("add", "goal", "Cook").code == 0
    text = desktop.sync("--status").out
    assert "1 fetched but not merged" in text and "changed since the last sync" in text


def test_a_dirty_folder_with_other_files_is_left_alone(world: dict[str, Any]) -> None:
    laptop: Device = world["laptop"]
    desktop: Device = world["desktop"]
    (laptop.folder / "journal.md").write_text("day one\n")
    laptop.git("add", "journal.md")
    laptop.git("commit", "-q", "-m", "journal")
    (laptop.folder / "journal.md").write_text("day one\nday two, not for git yet\n")
    (laptop.folder / "scratch.txt").write_text("untracked\n")
    assert laptop.edit("add", "goal", "Speak Dutch").code == 0
    done = laptop.sync()
    assert done.code == 0, done.err
    # Only the plan went out with pop's commit; the person's changes are as they were.
    assert laptop.git("show", "--name-only", "--format=", "HEAD").split() == ["plan.json"]
    assert sorted(laptop.git("status", "--porcelain").splitlines()) == [
        " M journal.md",
        "?? scratch.txt",
    ]
    assert desktop.sync().code == 0
    assert desktop.titles() == ["Learn Rust", "Speak Dutch"]
    assert (desktop.folder / "journal.md").read_text() == "day one\n"


# --- when it cannot be done -----------------------------------------------------------


def hanging_remote(device: Device, tmp_path: Path) -> tuple[Path, Path]:
    """Point the device's remote at an ssh that never answers: the ``GIT_SSH_COMMAND``
    to use, and the file where that "ssh" writes its pid once git started it."""
    pid_file = tmp_path / "ssh.pid"
    script = tmp_path / "slow-ssh"
    script.write_text(f"#!/bin/sh\necho $$ > {pid_file}\nexec sleep 300\n")
    script.chmod(0o755)
    device.git("remote", "set-url", "origin", "ssh://nowhere.invalid/pop.git")
    return script, pid_file


def ssh_started(pop: PopInPty, pid_file: Path) -> int:
    """The pid of the hanging "ssh" once the pop in the pty got git to start it."""
    deadline = time.monotonic() + 20
    while not pid_file.exists() or not pid_file.read_text().strip():
        assert time.monotonic() < deadline, pop.output[-2000:]
        pop.pump(0.05)
    return int(pid_file.read_text())


def running(pid: int) -> bool:
    """Whether process ``pid`` still runs (a zombie that no one reaped yet does not)."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
        except FileNotFoundError:
            return False
        if state in ("Z", "X"):
            return False
        time.sleep(0.05)
    return True


def _plan_and_repo_unchanged(device: Device, before: bytes) -> None:
    assert device.plan.read_bytes() == before
    assert device.git("status", "--porcelain") == ""
    assert not (device.folder / ".git" / "MERGE_HEAD").exists()
    assert device.pop("list", "goals").code == 0


def test_an_unreachable_remote_is_a_clear_failure(world: dict[str, Any]) -> None:
    laptop: Device = world["laptop"]
    laptop.git("remote", "set-url", "origin", str(world["root"] / "gone.git"))
    assert laptop.edit("add", "goal", "Speak Dutch").code == 0
    before = laptop.plan.read_bytes()
    done = laptop.sync()
    assert done.code == 1
    assert "could not reach" in done.err and "gone.git" in done.err
    _plan_and_repo_unchanged(laptop, before)


def test_a_hanging_remote_is_stopped_after_the_timeout(
    world: dict[str, Any], tmp_path: Path
) -> None:
    laptop: Device = world["laptop"]
    script, pid_file = hanging_remote(laptop, tmp_path)
    before = laptop.plan.read_bytes()
    started = time.monotonic()
    done = laptop.sync(env={"GIT_SSH_COMMAND": str(script), "POP_SYNC_TIMEOUT": "1"})
    took = time.monotonic() - started
    assert done.code == 1
    assert "no answer" in done.err and "1 s" in done.err
    assert took < 15
    # git's whole process group was ended: the "ssh" that hung is gone too.
    assert not running(int(pid_file.read_text()))
    _plan_and_repo_unchanged(laptop, before)


def test_a_rejected_push_keeps_the_change_here(world: dict[str, Any]) -> None:
    laptop: Device = world["laptop"]
    hook = world["remote"] / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'closed for the night' >&2\nexit 1\n")
    hook.chmod(0o755)
    assert laptop.edit("add", "goal", "Speak Dutch").code == 0
    done = laptop.sync()
    assert done.code == 1
    assert "refused" in done.err and "closed for the night" in done.err
    assert "Speak Dutch" in laptop.titles()
    assert laptop.git("status", "--porcelain") == ""
    hook.unlink()
    assert laptop.sync().code == 0
    assert world["desktop"].sync().code == 0
    assert world["desktop"].titles() == ["Learn Rust", "Speak Dutch"]


def test_a_damaged_plan_from_elsewhere_is_refused_and_the_merge_aborted(
    world: dict[str, Any],
) -> None:
    laptop: Device = world["laptop"]
    desktop: Device = world["desktop"]
    # Someone commits a broken plan by hand on the laptop and pushes it.
    laptop.plan.write_text('{"goals": {"1": {"title": "cut off')
    laptop.git("commit", "-q", "-am", "broken by hand")
    laptop.git("push", "-q")
    assert desktop.edit("add", "goal", "Speak Dutch").code == 0
    done = desktop.sync()
    assert done.code == 1
    assert "the merge was refused" in done.err
    assert "(the other device)" in done.err and "truncated" in done.err
    before = desktop.git("show", "HEAD:plan.json").encode()
    _plan_and_repo_unchanged(desktop, before)
    assert "Speak Dutch" in desktop.titles()


def test_the_driver_refuses_a_damaged_side_and_leaves_ours(tmp_path: Path) -> None:
    device = Device(tmp_path / "d", git_env(tmp_path / "home"))
    assert device.edit("add", "goal", "Mine").code == 0
    ours = tmp_path / "ours.json"
    shutil.copy(device.plan, ours)
    theirs = tmp_path / "theirs.json"
    theirs.write_text("[1, 2]")
    base = tmp_path / "base.json"
    base.write_text("")
    before = ours.read_bytes()
    words = ["__merge-driver", str(base), str(ours), str(theirs), "plan.json"]
    done = run([sys.executable, "-m", "pop_tui", *words], ROOT, device.env)
    assert done.code == 1
    assert done.err.startswith("pop merge: plan.json was not merged:")
    assert "plan.json (the other device)" in done.err
    assert ours.read_bytes() == before


def test_sync_help_names_the_commands_and_the_timeout() -> None:
    done = run([sys.executable, "-m", "pop_tui", "sync", "--help"], ROOT, dict(os.environ))
    assert done.code == 0
    assert "pop sync init ssh://server/~/pop.git" in done.out and "POP_SYNC_TIMEOUT" in done.out
    init = run([sys.executable, "-m", "pop_tui", "sync", "init", "--help"], ROOT, dict(os.environ))
    assert "--device NAME" in init.out


# --- merging ------------------------------------------------------------------------------


def in_step(first: Device, second: Device) -> None:
    """Sync the first device, the second, the first again: then both hold the same plan."""
    for device in (first, second, first):
        done = device.sync()
        assert done.code == 0, done.err
    assert first.plan.read_bytes() == second.plan.read_bytes()


def test_both_devices_add_goals_and_steps_and_get_them_all(world: dict[str, Any]) -> None:
    laptop: Device = world["laptop"]
    desktop: Device = world["desktop"]
    assert laptop.edit("add", "goal", "Speak Dutch").code == 0
    assert laptop.edit("add", "step", "1", "Laptop step").code == 0
    assert desktop.edit("add", "goal", "Cook well").code == 0
    desktop.store().apply("Add a goal", lambda edit: edit.add(Goal, title="Sleep more"))
    assert desktop.edit("add", "step", "1", "Desktop step").code == 0
    assert laptop.sync().code == 0
    second = desktop.sync()
    assert second.code == 0, second.err
    assert "is now goal" in second.out  # both made goal 2: the newer numbers are told
    assert laptop.sync().code == 0
    assert laptop.plan.read_bytes() == desktop.plan.read_bytes()
    assert laptop.titles() == ["Cook well", "Learn Rust", "Sleep more", "Speak Dutch"]
    steps = laptop.titles("steps")
    assert {"Laptop step", "Desktop step", "Read the book", "Write a parser"} == set(steps)
    assert any(line.startswith("Merge") for line in remote_log(world))


def test_both_check_in_on_the_same_day_and_both_are_kept(world: dict[str, Any]) -> None:
    laptop: Device = world["laptop"]
    desktop: Device = world["desktop"]
    assert laptop.edit("checkin", "-m", "from the laptop", "--done", "1").code == 0
    assert desktop.edit("checkin", "-m", "from the desktop", "--mood", "4").code == 0
    in_step(laptop, desktop)
    notes = " ".join(str(c) for c in laptop.tables()["checkins"].values())
    assert "from the laptop" in notes and "from the desktop" in notes
    steps = {s["title"]: s for s in laptop.tables()["steps"].values()}
    assert steps["Read the book"].get("done_on") == TODAY.isoformat()


def test_different_fields_of_one_goal_are_both_kept(world: dict[str, Any]) -> None:
    laptop: Device = world["laptop"]
    desktop: Device = world["desktop"]
    assert laptop.edit("edit", "goal", "1", "--title", "Learn Rust well").code == 0
    assert desktop.edit("edit", "goal", "1", "--deadline", "2027-06-30").code == 0
    in_step(laptop, desktop)
    goal = laptop.tables()["goals"]["1"]
    assert (goal["title"], goal["deadline"]) == ("Learn Rust well", "2027-06-30")
    assert laptop.plan.read_bytes() == desktop.plan.read_bytes()
    assert laptop.tables().get("conflicts", {}) == {}


def test_the_same_field_becomes_a_conflict_and_the_plan_stays_usable(
    world: dict[str, Any],
) -> None:
    laptop: Device = world["laptop"]
    desktop: Device = world["desktop"]
    assert laptop.edit("edit", "goal", "1", "--title", "Learn Rust at work").code == 0
    assert desktop.edit("edit", "goal", "1", "--title", "Learn Rust at home").code == 0
    assert laptop.sync().code == 0
    done = desktop.sync()
    assert done.code == 0, done.err
    assert "New conflicts (1)" in done.out and "title changed on both" in done.out
    assert laptop.sync().code == 0
    assert laptop.plan.read_bytes() == desktop.plan.read_bytes()
    (conflict,) = laptop.tables()["conflicts"].values()
    assert conflict["field"] == "title"
    assert laptop.tables()["goals"]["1"]["title"] in ("Learn Rust at work", "Learn Rust at home")
    assert "1 unresolved conflict" in laptop.sync("--status").out
    assert json.loads(desktop.sync("--status", "--json").out)["conflicts"] == 1
    assert desktop.edit("done", "2").code == 0 and desktop.sync().code == 0


def test_deleted_on_one_device_and_changed_on_the_other_is_not_lost(
    world: dict[str, Any],
) -> None:
    laptop: Device = world["laptop"]
    desktop: Device = world["desktop"]
    store = laptop.store()
    step = next(s for s in store.plan.steps.values() if s.title == "Write a parser")
    store.apply("Delete a step", lambda edit: edit.delete(step))
    assert desktop.edit("edit", "step", str(step.id), "--title", "Write a good parser").code == 0
    in_step(laptop, desktop)
    assert "Write a good parser" in laptop.titles("steps")
    (conflict,) = laptop.tables()["conflicts"].values()
    assert conflict["field"] == ""
    assert laptop.plan.read_bytes() == desktop.plan.read_bytes()


def test_a_device_with_its_own_plan_merges_the_two(world: dict[str, Any]) -> None:
    env = world["env"]
    tablet = Device(world["root"] / "tablet", env)
    assert tablet.edit("add", "goal", "Tablet goal").code == 0
    done = tablet.sync("init", str(world["remote"]), "--device", "tablet")
    assert done.code == 0, done.err
    assert "had a plan of its own" in done.out
    assert tablet.titles() == ["Learn Rust", "Tablet goal"]
    assert world["laptop"].sync().code == 0
    assert world["laptop"].plan.read_bytes() == tablet.plan.read_bytes()


def test_three_devices_in_turn_end_equal(world: dict[str, Any]) -> None:
    laptop: Device = world["laptop"]
    desktop: Device = world["desktop"]
    phone = Device(world["root"] / "phone", world["env"])
    assert phone.sync("init", str(world["remote"]), "--device", "phone").code == 0
    assert laptop.edit("add", "goal", "From the laptop").code == 0
    assert desktop.edit("done", "2").code == 0
    assert phone.edit("add", "step", "1", "From the phone").code == 0
    for device in (laptop, desktop, phone, laptop, desktop):
        done = device.sync()
        assert done.code == 0, done.err
    assert laptop.plan.read_bytes() == desktop.plan.read_bytes() == phone.plan.read_bytes()
    assert "From the laptop" in phone.titles()
    assert "From the phone" in laptop.titles("steps")


def test_a_plain_git_pull_merges_through_the_driver(world: dict[str, Any], tmp_path: Path) -> None:
    laptop: Device = world["laptop"]
    desktop: Device = world["desktop"]
    assert laptop.edit("add", "goal", "Speak Dutch").code == 0
    assert laptop.sync().code == 0
    assert desktop.edit("add", "goal", "Cook well").code == 0
    desktop.git("commit", "-q", "-am", "by hand")
    # The driver as a moved venv leaves it: that python is gone, the pop on the PATH merges.
    desktop.git("config", "merge.pop.driver", driver_command(str(tmp_path / "gone" / "python")))
    shim = tmp_path / "bin" / "pop"
    shim.parent.mkdir()
    shim.write_text(f'#!/bin/sh\nexec {sys.executable} -m pop_tui "$@"\n')
    shim.chmod(0o755)
    path = f"{shim.parent}{os.pathsep}{os.environ['PATH']}"
    pulled = run(
        ["git", "pull", "--no-rebase", "-q"], desktop.folder, {**desktop.env, "PATH": path}
    )
    assert pulled.code == 0, pulled.err
    assert "<<<<<<<" not in desktop.plan.read_text()
    assert desktop.titles() == ["Cook well", "Learn Rust", "Speak Dutch"]
    assert desktop.sync().code == 0 and laptop.sync().code == 0
    assert laptop.plan.read_bytes() == desktop.plan.read_bytes()


@pytest.fixture(autouse=True)
def _no_leftover_git_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # Tests that do not take `world` still must not read the user's git config.
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    yield


def test_completion_knows_sync_and_hides_the_driver() -> None:
    from pop_tui.cli.completion import candidates

    env = dict(os.environ)
    assert [word for word, _ in candidates(["pop", "sy"], 1, env)] == ["sync"]
    assert [word for word, _ in candidates(["pop", "sync", ""], 2, env)] == ["init"]
    assert [word for word, _ in candidates(["pop", "sync", "--st"], 2, env)] == ["--status"]
    assert [w for w, _ in candidates(["pop", "sync", "init", "x", "--d"], 4, env)] == [
        "--db",
        "--device",
    ]
    assert candidates(["pop", "__"], 1, env) == []


def test_a_plan_in_a_folder_of_a_bigger_repository(tmp_path: Path) -> None:
    env = git_env(tmp_path / "home")
    remote = tmp_path / "dotfiles.git"
    run(["git", "init", "-q", "--bare", str(remote)], tmp_path, env)
    dotfiles = tmp_path / "one" / "dotfiles"
    dotfiles.mkdir(parents=True)
    laptop = Device(dotfiles / "pop", env)
    laptop.git = Device(dotfiles, env).git  # type: ignore[method-assign]
    laptop.git("init", "-q", "-b", "main")
    (dotfiles / "vimrc").write_text("set nu\n")
    laptop.git("add", "vimrc")
    laptop.git("commit", "-q", "-m", "vimrc")
    (dotfiles / "vimrc").write_text("set nu\nset ai\n")  # not for pop to commit
    assert laptop.edit("add", "goal", "Learn Rust").code == 0
    done = laptop.sync("init", str(remote))
    assert done.code == 0, done.err
    assert laptop.git("show", "--name-only", "--format=", "HEAD").split() == [
        "pop/.gitattributes",
        "pop/.gitignore",
        "pop/plan.json",
    ]
    assert laptop.git("status", "--porcelain").strip() == "M vimrc"
    assert laptop.git("check-attr", "merge", "pop/plan.json").strip().endswith("merge: pop")
    # Another device, where the same folders do not exist yet: the repository goes on top.
    desktop = Device(tmp_path / "two" / "dotfiles" / "pop", env)
    fetched = desktop.sync("init", str(remote))
    assert fetched.code == 0, fetched.err
    assert desktop.plan.read_bytes() == laptop.plan.read_bytes()
    assert (tmp_path / "two" / "dotfiles" / "vimrc").read_text() == "set nu\n"
    # Pointed at a folder that does not match, it says where the plan is.
    elsewhere = Device(tmp_path / "three" / "plans", env)
    refused = elsewhere.sync("init", str(remote))
    assert refused.code == 1 and "pop/plan.json" in refused.err
    assert not (elsewhere.folder / ".git").exists()


def test_a_save_while_git_fetches_is_committed_before_the_merge(
    world: dict[str, Any], tmp_path: Path
) -> None:
    laptop: Device = world["laptop"]
    desktop: Device = world["desktop"]
    assert laptop.edit("add", "goal", "From the laptop").code == 0
    assert laptop.sync().code == 0
    # While the desktop's git fetches (the plan's lock is free then), a pop there saves.
    pack = tmp_path / "upload-pack"
    pop = f"{sys.executable} -m pop_tui --db {desktop.plan}"
    pack.write_text(
        f'#!/bin/sh\ncd {ROOT} && {pop} add goal "Saved meanwhile" >/dev/null\n'
        'exec git-upload-pack "$@"\n'
    )
    pack.chmod(0o755)
    desktop.git("config", "remote.origin.uploadpack", str(pack))
    done = desktop.sync()
    assert done.code == 0, done.err
    assert "Saved meanwhile" in desktop.titles() and "From the laptop" in desktop.titles()
    assert desktop.git("status", "--porcelain") == ""
    desktop.git("config", "--unset", "remote.origin.uploadpack")
    assert laptop.sync().code == 0
    assert laptop.plan.read_bytes() == desktop.plan.read_bytes()


def test_without_a_git_identity_the_device_commits(tmp_path: Path) -> None:
    env = {k: v for k, v in git_env(tmp_path / "home").items() if "_NAME" not in k}
    env = {k: v for k, v in env.items() if "_EMAIL" not in k}
    env["GIT_CONFIG_PARAMETERS"] = "'user.useConfigOnly'='true'"  # no guess from the host
    remote = tmp_path / "r.git"
    run(["git", "init", "-q", "--bare", str(remote)], tmp_path, env)
    device = Device(tmp_path / "nobody", env)
    assert device.edit("add", "goal", "Learn Rust").code == 0
    done = device.sync("init", str(remote), "--device", "work laptop")
    assert done.code == 0, done.err
    assert device.git("log", "--format=%an <%ae>").strip() == "work laptop <pop@work-laptop>"


def test_a_damaged_plan_here_is_not_sent(world: dict[str, Any]) -> None:
    laptop: Device = world["laptop"]
    sent = remote_log(world)
    laptop.plan.write_text('{"goals": {')
    done = laptop.sync()
    assert done.code == 1 and "truncated" in done.err and "backup" in done.err
    assert remote_log(world) == sent
    assert laptop.git("log", "--format=%s").splitlines() == sent


def test_conflicts_and_new_numbers_are_told_with_the_record_and_the_devices() -> None:
    from pop_tui.cli.merge_driver import conflict_line, renumbered_line
    from pop_tui.core.model import Conflict, ConflictSide
    from pop_tui.core.texts import set_language

    tables = {"goals": {"7": {"key": "63c6e4b65a7e", "title": "Learn\n Rust"}}}
    sides = (ConflictSide("desktop", "2026-11-29T09:00:00", '"A"'), ConflictSide("laptop"))
    record = Conflict(id=1, table="goals", record_id=7, field="title", sides=sides)
    assert conflict_line(record, tables) == (
        "goal 7 'Learn Rust': title changed on both (desktop / laptop)"
    )
    stored = {"table": "goals", "record_id": 7, "field": "", "sides": [{"device": "phone"}]}
    assert "deleted on one device" in conflict_line(stored, tables)
    moved = {"table": "goals", "title": "Learn Rust", "device": "laptop", "old_id": 7, "new_id": 9}
    assert renumbered_line(moved) == "goal 7 'Learn Rust' from laptop is now goal 9"
    set_language("nl")
    assert renumbered_line(moved) == "doel 7 'Learn Rust' van laptop is nu doel 9"


@pytest.mark.parametrize("both", [False, True])
def test_with_a_git_before_2_38_git_merge_does_it(
    world: dict[str, Any], monkeypatch: pytest.MonkeyPatch, both: bool
) -> None:
    from pop_tui.store.sync_repo import PlanRepo

    laptop: Device = world["laptop"]
    desktop: Device = world["desktop"]
    assert laptop.edit("add", "goal", "Speak Dutch").code == 0
    assert laptop.sync().code == 0
    if both:
        assert desktop.edit("add", "goal", "Cook well").code == 0
    monkeypatch.setattr(PlanRepo, "merge_tree_writes", lambda self: False)
    done = desktop.edit("sync")  # in this process, so that it takes the older way
    assert done.code == 0, done.err
    assert "Speak Dutch" in desktop.titles()
    assert desktop.git("status", "--porcelain") == ""
    assert len(desktop.git("log", "--format=%p", "-1").split()) == (2 if both else 1)


def test_the_commit_says_what_changed_and_on_which_device(world: dict[str, Any]) -> None:
    laptop: Device = world["laptop"]
    assert laptop.edit("done", "1").code == 0
    assert laptop.edit("add", "goal", "Speak Dutch").code == 0
    assert laptop.sync().code == 0
    message = laptop.git("log", "-1", "--format=%B").strip().splitlines()
    assert message[0] == "goal added: Speak Dutch, 1 step done"
    assert message[-1] == "Plan changed on laptop"
    from pop_tui.store.sync_repo import _message

    lines = [f"goal added: A goal with a long title, number {n}" for n in range(3)]
    long = _message(lines, "Plan changed on laptop").splitlines()
    assert len(long[0]) == 72 and long[0].endswith("…")
    assert long[2:] == [f"- {line}" for line in lines] + ["", "Plan changed on laptop"]


@pytest.mark.parametrize("damage", ["newer schema", "bad record"])
def test_the_driver_refuses_what_it_cannot_merge_and_leaves_ours(
    tmp_path: Path, damage: str
) -> None:
    device = Device(tmp_path / "d", git_env(tmp_path / "home"))
    assert device.pop("add", "goal", "Mine").code == 0
    ours = tmp_path / "ours.json"
    shutil.copy(device.plan, ours)
    tables = json.loads(ours.read_text())
    if damage == "newer schema":
        tables["_meta"]["1"]["schema"] = 99
    else:
        tables["goals"]["1"]["title"] = 5  # read as JSON, refused by the merge
    theirs = tmp_path / "theirs.json"
    theirs.write_text(json.dumps(tables))
    (tmp_path / "base.json").write_text("")
    before = ours.read_bytes()
    words = ["__merge-driver", str(tmp_path / "base.json"), str(ours), str(theirs), "plan.json"]
    done = run([sys.executable, "-m", "pop_tui", *words], ROOT, device.env)
    assert done.code == 1 and done.err.startswith("pop merge: plan.json was not merged:")
    assert ("newer pop" if damage == "newer schema" else "goal") in done.err
    assert ours.read_bytes() == before


def test_a_plan_in_no_repository_is_found_so_without_running_git(tmp_path: Path) -> None:
    """Every TUI start asks whether the plan is in a repository; with no ``.git`` above
    it, no git is run (a PATH without git would make running it fail)."""
    no_git = {"PATH": str(tmp_path / "empty")}
    folder = tmp_path / "a" / "b"
    folder.mkdir(parents=True)
    assert not may_be_in_repo(folder, no_git)
    assert top_level(folder, no_git) is None
    # A .git above (a folder, or a file as in a linked worktree), or git told where.
    (tmp_path / "a" / ".git").write_text("gitdir: elsewhere\n")
    assert may_be_in_repo(folder, no_git)
    (tmp_path / "a" / ".git").unlink()
    assert may_be_in_repo(folder, {**no_git, "GIT_DIR": str(tmp_path / "repo.git")})
    # A real repository is still found by git itself.
    subprocess.run(["git", "init", "-q", str(tmp_path / "a")], check=True)
    assert top_level(folder) == (tmp_path / "a").resolve()


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc, uses Linux ptys")
def test_a_hang_up_during_pop_sync_takes_git_along(world: dict[str, Any], tmp_path: Path) -> None:
    """The line drops while ``pop sync`` waits on a remote that hangs: pop ends as on any
    hang-up, and its git (in a group of its own) with what it started."""
    laptop: Device = world["laptop"]
    script, pid_file = hanging_remote(laptop, tmp_path)
    pop = PopInPty(["sync", "--db", laptop.plan], env={"GIT_SSH_COMMAND": str(script)})
    try:
        ssh = ssh_started(pop, pid_file)
        pop.close_terminal()
        ended = pop.wait_end(3.0)
    finally:
        pop.kill()
    assert ended.code == -signal.SIGHUP and ended.left == (), ended
    assert not running(ssh)
