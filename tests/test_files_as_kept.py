"""Plan files as people really keep them: links, owners and modes, backups on other or full disks.

Real files throughout: symbolic links, ``chown`` to another uid (the tests run
as root in CI; they skip where that is not allowed), a small tmpfs that really
fills up (skipped where ``mount`` is not allowed), and, besides, an ENOSPC
injected at the backup's own write.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from pop_tui.core.failures import LinkTargetMissing, OtherOwner, ReadOnlyFile
from pop_tui.core.model import Goal
from pop_tui.core.texts import set_language
from pop_tui.store import agenda_index, files, local
from pop_tui.store.drafts import drafts_folder, write_draft
from pop_tui.store.plan_store import PlanStore, take_warnings
from tests.pop_shell import pop, pop_process

ROOT = os.geteuid() == 0


def add_goal(store: PlanStore, title: str = "Learn Spanish") -> Goal:
    return store.apply("add goal", lambda edit: edit.add(Goal, title=title))


@pytest.fixture(autouse=True)
def no_warnings_left() -> Iterator[None]:
    take_warnings()
    yield
    take_warnings()


# --- symbolic links ---------------------------------------------------------------------------


@pytest.fixture
def linked(tmp_path: Path) -> tuple[Path, Path]:
    """A plan in a "synced" folder, linked from the data folder: (link, target)."""
    synced = tmp_path / "Sync" / "pop"
    synced.mkdir(parents=True)
    target = synced / "plan.json"
    data = tmp_path / "data"
    data.mkdir()
    link = data / "plan.json"
    store = PlanStore.open(target)
    add_goal(store, "First")
    link.symlink_to(target)
    return link, target


def test_a_save_through_a_link_changes_the_target_and_keeps_the_link(
    linked: tuple[Path, Path],
) -> None:
    link, target = linked
    store = PlanStore.open(link)
    add_goal(store, "Second")
    assert link.is_symlink() and link.resolve() == target
    assert b"Second" in target.read_bytes()
    assert [g.title for g in PlanStore.open(target).plan.goals.values()] == ["First", "Second"]


def test_the_temp_file_lock_backups_and_drafts_lie_beside_the_target(
    linked: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    link, target = linked
    replaced: list[tuple[str, str]] = []
    real_replace = os.replace

    def spy(src: str, dst: str) -> None:
        replaced.append((str(src), str(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    store = PlanStore.open(link)
    add_goal(store, "Second")
    # The plan itself, the agenda index (in the cache folder beside the plan) and the
    # undo history and this device's name (in the local folder beside it).
    plan_saves = [(src, dst) for src, dst in replaced if Path(dst).name == "plan.json"]
    assert plan_saves and all(Path(src).parent == target.parent for src, _ in plan_saves)
    assert all(Path(dst) == target for _, dst in plan_saves)
    index = Path(agenda_index.index_path(target))
    device = target.parent / "local" / "device.json"  # made at the first save, not replaced since
    assert {Path(dst) for _, dst in replaced} == {target, index, local.history_path(target)}
    assert device.exists()
    assert all(Path(src).parent == Path(dst).parent for src, dst in replaced)
    assert (target.parent / "plan.json.lock").exists()
    assert files.list_backup_files(link) == files.list_backup_files(target) != []
    assert not (link.parent / "backups").exists() and not (link.parent / "plan.json.lock").exists()
    draft = write_draft(store.path, {"title": "typed"})
    assert draft.parent == drafts_folder(target)
    assert os.listdir(link.parent) == ["plan.json"]


def test_two_links_to_one_plan_share_one_lock(linked: tuple[Path, Path], tmp_path: Path) -> None:
    link, target = linked
    other = tmp_path / "elsewhere.json"
    other.symlink_to(target)
    with files.locked(link):
        # Another process, through the other link, must wait for this lock.
        done = subprocess.run(
            [
                "python3",
                "-c",
                "import fcntl, os, sys; fd = os.open(sys.argv[1], os.O_RDWR);"
                "fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)",
                str(files.link_target(other).with_name("plan.json.lock")),
            ],
            capture_output=True,
        )
    assert done.returncode != 0 and b"BlockingIOError" in done.stderr


def test_backups_restore_through_a_link(
    linked: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    link, target = linked
    add_goal(PlanStore.open(link), "Second")
    ran = pop(capsys, "--db", link, "backup", "restore", "1")
    assert ran.code == 0, ran.err
    assert link.is_symlink()
    assert [g.title for g in PlanStore.open(target).plan.goals.values()] == ["First"]


def test_a_dangling_link_into_an_existing_folder_creates_the_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "Sync").mkdir()
    target = tmp_path / "Sync" / "plan.json"
    link = tmp_path / "plan.json"
    link.symlink_to(target)
    ran = pop(capsys, "--db", link, "add", "goal", "Learn")
    assert ran.code == 0, ran.err
    assert link.is_symlink() and target.is_file()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_dangling_link_into_a_missing_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "plan.json"
    link.symlink_to(tmp_path / "not-mounted" / "pop" / "plan.json")
    with pytest.raises(LinkTargetMissing):
        PlanStore.open(link)
    ran = pop(capsys, "--db", link, "add", "goal", "Learn")
    assert ran.code == 1
    assert "is a link to" in ran.err and "not-mounted" in ran.err and "Nothing was lost" in ran.err
    assert "Errno" not in ran.err and "Traceback" not in ran.err
    for command in (["agenda"], ["list", "goals"], ["backup", "list"], ["tui"]):
        ran = pop(capsys, "--db", link, *command)  # not an empty plan: the folder is missing
        assert ran.code == 1 and "is a link to" in ran.err, (command, ran)
    assert not (tmp_path / "not-mounted").exists()
    assert sorted(os.listdir(tmp_path)) == ["plan.json"]


# --- owner, group and mode --------------------------------------------------------------------


@pytest.mark.parametrize("mode", [0o640, 0o644, 0o600, 0o660])
def test_a_save_keeps_the_files_mode(plan_path: Path, mode: int) -> None:
    store = PlanStore.open(plan_path)
    add_goal(store)
    os.chmod(plan_path, mode)
    add_goal(store, "Again")
    assert stat.S_IMODE(plan_path.stat().st_mode) == mode


@pytest.mark.skipif(not ROOT, reason="only root may give a file to another user")
@pytest.mark.parametrize("mode", [0o640, 0o644])
def test_a_save_as_root_keeps_another_users_owner_group_and_mode(
    plan_path: Path, capsys: pytest.CaptureFixture[str], mode: int
) -> None:
    add_goal(PlanStore.open(plan_path))
    os.chown(plan_path, 1000, 1000)
    os.chmod(plan_path, mode)
    ran = pop(capsys, "--db", plan_path, "add", "goal", "As root")
    assert ran.code == 0, ran.err
    st = plan_path.stat()
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (1000, 1000, mode)


def test_a_new_plan_is_0600_in_a_0700_folder(plan_path: Path) -> None:
    add_goal(PlanStore.open(plan_path))
    assert stat.S_IMODE(plan_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(plan_path.parent.stat().st_mode) == 0o700


def test_a_read_only_plan_is_refused_not_overwritten(
    plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_goal(PlanStore.open(plan_path))
    os.chmod(plan_path, 0o444)
    before = plan_path.read_bytes()
    store = PlanStore.open(plan_path)
    with pytest.raises(ReadOnlyFile):
        add_goal(store, "Never")
    assert [g.title for g in store.plan.goals.values()] == ["Learn Spanish"]
    ran = pop(capsys, "--db", plan_path, "add", "goal", "Never")
    assert ran.code == 1
    assert "read-only" in ran.err and "Nothing was lost" in ran.err and "Errno" not in ran.err
    assert plan_path.read_bytes() == before
    assert stat.S_IMODE(plan_path.stat().st_mode) == 0o444
    set_language("nl")
    ran = pop(capsys, "--db", plan_path, "--lang", "nl", "add", "goal", "Nooit")
    assert "alleen-lezen" in ran.err and "niets verloren" in ran.err


def test_a_plan_in_a_read_only_folder_is_refused(
    plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_goal(PlanStore.open(plan_path))
    before = plan_path.read_bytes()
    os.chmod(plan_path.parent, 0o555)
    try:
        ran = pop(capsys, "--db", plan_path, "add", "goal", "Never")
        names = os.listdir(plan_path.parent)
    finally:
        os.chmod(plan_path.parent, 0o700)
    assert ran.code == 1
    assert "read-only" in ran.err and "Errno" not in ran.err
    assert plan_path.read_bytes() == before
    assert not [n for n in names if n.endswith(".tmp")]


@pytest.mark.skipif(not ROOT, reason="needs root to make a file of another user")
def test_a_user_who_cannot_keep_the_owner_is_refused() -> None:
    """Uid 1000 may write uid 2000's plan (mode 0666 in a 0777 folder), but its save
    would hand the plan to uid 1000: refused, the file as it was."""
    # Not under tmp_path: pytest's folders are root's own (0700), out of uid 1000's reach.
    top = Path(tempfile.mkdtemp(prefix="pop-owner-"))
    try:
        _other_user_refused(top)
    finally:
        shutil.rmtree(top)


def _other_user_refused(top: Path) -> None:
    os.chmod(top, 0o755)
    folder = top / "shared"
    folder.mkdir()
    plan = folder / "plan.json"
    add_goal(PlanStore.open(plan))
    os.chown(plan, 2000, 2000)
    os.chmod(plan, 0o666)
    os.chmod(folder, 0o777)
    before = plan.read_bytes()
    code = (
        "import sys; from pop_tui.store import files; from pathlib import Path\n"
        "try:\n    files.atomic_write(Path(sys.argv[1]), b'{}', keep=True)\n"
        "except Exception as exc:\n    print(type(exc).__name__, exc)\n"
    )
    try:
        done = subprocess.run(
            ["python3", "-c", code, str(plan)],
            capture_output=True,
            text=True,
            user=1000,
            group=1000,
            env={"PYTHONPATH": str(Path(__file__).resolve().parent.parent), "HOME": str(folder)},
            timeout=60,
        )
    except PermissionError:
        pytest.skip("cannot start a process as another user here")
    if "ModuleNotFoundError" in done.stderr or "Permission denied" in done.stderr:
        pytest.skip("uid 1000 cannot read the source tree here")
    assert done.stdout.split()[0] == OtherOwner.__name__, (done.stdout, done.stderr)
    assert plan.read_bytes() == before and plan.stat().st_uid == 2000


# --- backups ----------------------------------------------------------------------------------


def big_plan(path: Path, kilobytes: int) -> PlanStore:
    store = PlanStore.open(path)
    text = "x" * 190

    def many(edit: object) -> None:
        for n in range(kilobytes * 1024 // 220 + 1):
            edit.add(Goal, title=f"{n} {text}")  # type: ignore[attr-defined]

    store.apply("many", many)
    return store


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs at ``tmp_path/disk`` (skipped where mount is not allowed)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs", str(disk)],
        capture_output=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace')}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def test_backups_on_a_full_disk_never_stop_the_plan_from_being_saved(
    plan_path: Path, small_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = big_plan(plan_path, 80)  # larger than the whole backups disk
    os.symlink(small_disk, files.backup_folder(plan_path))
    for n in range(3):
        add_goal(store, f"saved {n}")
    # Another file system: no hard link, and the copy does not fit. No truncated backup.
    assert os.listdir(small_disk) == []
    titles = [g.title for g in PlanStore.open(plan_path).plan.goals.values()]
    assert titles[-3:] == ["saved 0", "saved 1", "saved 2"]
    warnings = take_warnings()
    assert len(warnings) == 1, warnings  # said once, not at every save
    assert str(small_disk) in warnings[0] or "backups" in warnings[0]
    assert "plan itself was saved" in warnings[0]
    ran = pop(capsys, "--db", plan_path, "add", "goal", "from the shell")
    assert ran.code == 0 and "backup" in ran.err and "plan itself was saved" in ran.err
    assert os.listdir(small_disk) == []


def test_a_backup_on_another_file_system_is_a_whole_copy(plan_path: Path, small_disk: Path) -> None:
    store = PlanStore.open(plan_path)
    add_goal(store, "one")
    os.symlink(small_disk, files.backup_folder(plan_path))
    first = plan_path.read_bytes()
    add_goal(store, "two")
    kept = files.list_backup_files(plan_path)
    assert len(kept) == 1 and kept[0].read_bytes() == first
    assert take_warnings() == []


def test_a_backup_that_fails_at_its_write_leaves_nothing_and_the_save_goes_on(
    plan_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = PlanStore.open(plan_path)
    add_goal(store, "one")
    real_open, real_write = os.open, os.write
    backup_fds: set[int] = set()

    def no_link(src: object, dst: object) -> None:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    def opening(path: object, flags: int, mode: int = 0o777) -> int:
        fd = real_open(path, flags, mode)  # type: ignore[arg-type]
        if "backups" in str(path):
            backup_fds.add(fd)
        else:
            backup_fds.discard(fd)  # numbers are reused once closed
        return fd

    def writing(fd: int, data: bytes | memoryview) -> int:
        if fd in backup_fds:
            real_write(fd, bytes(data[:10]))  # part of it, then the disk is full
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "link", no_link)
    monkeypatch.setattr(os, "open", opening)
    monkeypatch.setattr(os, "write", writing)
    add_goal(store, "two")
    add_goal(store, "three")
    monkeypatch.undo()
    assert os.listdir(files.backup_folder(plan_path)) == []
    assert [g.title for g in PlanStore.open(plan_path).plan.goals.values()] == [
        "one",
        "two",
        "three",
    ]
    [warning] = take_warnings()
    assert "No space left on device" in warning
    add_goal(store, "four")  # backups work again: kept, and no new warning
    assert len(files.list_backup_files(plan_path)) == 1 and take_warnings() == []


# --- disk full and other errors, said in a sentence -------------------------------------------


def fill(filler: Path) -> None:
    """Write ``filler`` until its disk is full."""
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        with pytest.raises(OSError) as full:
            while True:
                os.write(fd, b"\0" * 1024)
        assert full.value.errno == errno.ENOSPC
    finally:
        os.close(fd)


def test_a_full_disk_says_so_in_a_sentence_and_loses_nothing(
    small_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = small_disk / "plan.json"
    assert pop(capsys, "--db", plan, "add", "goal", "Learn").code == 0
    before = plan.read_bytes()
    filler = small_disk / "filler"
    fill(filler)
    ran = pop(capsys, "--db", plan, "add", "goal", "x" * 150)
    assert ran.code == 1
    assert "disk is full" in ran.err and "Nothing was lost" in ran.err, ran.err
    assert "Errno" not in ran.err and "Traceback" not in ran.err
    assert plan.read_bytes() == before
    assert not [n for n in os.listdir(small_disk) if n.endswith(".tmp")]
    ran = pop(capsys, "--db", plan, "--lang", "nl", "add", "goal", "y" * 150)
    assert "schijf is vol" in ran.err and "niets verloren" in ran.err
    filler.unlink()
    assert pop(capsys, "--db", plan, "add", "goal", "Room again").code == 0


def test_a_failed_write_names_the_plan_not_the_temp_file(
    plan_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = PlanStore.open(plan_path)
    add_goal(store)

    def full(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(OSError) as caught:
        add_goal(store, "never")
    assert caught.value.errno == errno.ENOSPC and caught.value.filename == str(plan_path)


def test_the_real_command_shows_no_errno_text(tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    assert pop_process("--db", plan, "add", "goal", "Learn").code == 0
    os.chmod(plan, 0o400)
    ran = pop_process("--db", plan, "add", "goal", "Never")
    assert ran.code == 1 and "read-only" in ran.err and "[Errno" not in ran.err


# --- the TUI's save path ----------------------------------------------------------------------


async def test_the_tui_says_what_happened_when_a_save_fails(
    plan_path: Path, make_app: object
) -> None:
    from pop_tui.ui.app import PopApp

    store = PlanStore.open(plan_path)
    add_goal(store)
    os.chmod(plan_path, 0o444)
    before = plan_path.read_bytes()
    app = make_app(store)  # type: ignore[operator]
    assert isinstance(app, PopApp)
    async with app.run_test(size=(80, 24)) as pilot:
        assert not app.save("add goal", lambda edit: edit.add(Goal, title="Never"))
        await pilot.pause()
        message = list(app._notifications)[-1].message
    assert "read-only" in message and "Nothing was lost" in message
    assert "Errno" not in message and "Permission denied" not in message
    assert plan_path.read_bytes() == before


async def test_the_tui_warns_once_when_backups_fail(plan_path: Path, make_app: object) -> None:
    from pop_tui.ui.app import PopApp

    store = PlanStore.open(plan_path)
    add_goal(store)
    assert not files.backup_folder(plan_path).exists()  # the first save had nothing to keep
    files.backup_folder(plan_path).write_text("not a folder")  # no backup can go there
    app = make_app(store)  # type: ignore[operator]
    assert isinstance(app, PopApp)
    async with app.run_test(size=(80, 24)) as pilot:
        set_language("nl")
        for n in range(3):
            assert app.save("add goal", lambda edit, n=n: edit.add(Goal, title=f"saved {n}"))
        await pilot.pause()
        messages = [n.message for n in app._notifications]
    warned = [m for m in messages if "reservekopie" in m]
    assert len(warned) == 1, messages
    assert len(PlanStore.open(plan_path).plan.goals) == 4
