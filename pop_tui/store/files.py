"""Durable files: atomic replacement, a lock between processes, rotating backups.

Nothing here knows about plans; :mod:`pop_tui.store.storage` builds on it.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700
LOCK_TIMEOUT = 10.0


class LockTimeout(OSError):
    """Another process held the plan's lock for too long."""


def ensure_folder(folder: Path) -> None:
    """Create the folder (0700) when it is missing; an existing one is left as it is."""
    if not folder.exists():
        folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        os.chmod(folder, FOLDER_MODE)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temp_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, but belongs to someone else
    return True


def remove_stale_temps(path: Path) -> None:
    """Remove the temp files that writers which died (kill -9, power cut) left beside ``path``.

    Call it with the lock held: a writer holds the lock for as long as its
    temp file exists, so a temp file of a process that is gone is garbage.
    """
    prefix = f".{path.name}."
    try:
        names = os.listdir(path.parent)
    except FileNotFoundError:
        return
    for name in names:
        if not (name.startswith(prefix) and name.endswith(".tmp")):
            continue
        pid = name[len(prefix) : -len(".tmp")]
        if not pid.isdigit() or int(pid) == os.getpid() or _alive(int(pid)):
            continue
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path.parent / name)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new file, whole.

    Writes a temp file in the same folder (mode 0600), flushes and fsyncs it,
    renames it over ``path`` and fsyncs the folder. On any error the temp file
    is removed and ``path`` is untouched.
    """
    ensure_folder(path.parent)
    tmp = temp_path(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_folder(path.parent)


@contextlib.contextmanager
def locked(path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``<path>.lock`` (a separate file, never replaced)."""
    ensure_folder(path.parent)
    lock_path = path.with_name(path.name + ".lock")
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, FILE_MODE)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() > deadline:
                    raise LockTimeout(
                        errno.EAGAIN, f"another pop is still saving {path}", str(lock_path)
                    ) from None
                time.sleep(0.005)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def backup_folder(path: Path) -> Path:
    return path.parent / "backups"


def backup_path(path: Path, revision: int) -> Path:
    return backup_folder(path) / f"{path.stem}.r{revision:08d}{path.suffix}"


def keep_backup(path: Path, revision: int, keep: int) -> None:
    """Keep the current ``path`` as the backup of ``revision`` and drop the oldest beyond ``keep``.

    The file is never written in place (only replaced), so a hard link is a
    true copy of the old version at no cost; a copy is the fallback.
    """
    if keep <= 0 or not path.exists():
        return
    folder = backup_folder(path)
    ensure_folder(folder)
    target = backup_path(path, revision)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(target)
    try:
        os.link(path, target)
    except OSError:
        import shutil  # the rare fallback; not worth its import on every start

        shutil.copy2(path, target)
    for old in list_backup_files(path)[keep:]:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(old)


def list_backup_files(path: Path) -> list[Path]:
    """The backups of ``path``, newest first."""
    folder = backup_folder(path)
    if not folder.is_dir():
        return []
    prefix, suffix = f"{path.stem}.r", path.suffix
    found = [
        p
        for p in folder.iterdir()
        if p.name.startswith(prefix) and p.name.endswith(suffix) and p.is_file()
    ]
    return sorted(found, key=lambda p: p.name, reverse=True)
