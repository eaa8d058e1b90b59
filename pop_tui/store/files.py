"""Durable files: atomic replacement, a lock between processes, rotating backups.

Nothing here knows about plans; :mod:`pop_tui.store.storage` builds on it.

Files as people keep them:

- A plan path that is a symbolic link (the plan lives in a synced folder) is
  followed: :func:`link_target` gives the real file, and the temp file, the
  lock, the backups and the drafts all go beside it, so two links to one plan
  share one lock. A dangling link is written through (as an editor or the
  shell's ``>`` does) when its target's folder exists; when that folder is
  missing (a drive not mounted, a synced folder not there yet) it is refused,
  and no folder is made for it.
- A replaced file keeps the owner, group and mode of the file it replaces
  (a new file is 0600 in a 0700 folder). A file or folder that nobody may
  write (no ``w`` bit at all, which root would otherwise ignore) is refused.
- A backup is written atomically or not at all.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from pop_tui.core.failures import LinkTargetMissing, OtherOwner, ReadOnlyFile

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


def link_target(path: Path) -> Path:
    """The file that ``path`` stands for: a symbolic link is followed to its end.

    Raises:
        LinkTargetMissing: ``path`` is a link whose target's folder does not exist.
    """
    if not os.path.islink(path):
        return path
    target = Path(os.path.realpath(path))
    if not target.parent.is_dir():
        raise LinkTargetMissing(str(path), str(target.parent))
    return target


def _nobody_may_write(path: Path, mode: int) -> bool:
    # Root may write anything, so the bits are looked at too: no "w" at all is on purpose.
    return mode & 0o222 == 0 or (os.geteuid() != 0 and not os.access(path, os.W_OK))


def check_writable(path: Path, current: os.stat_result | None) -> None:
    """Refuse (:class:`ReadOnlyFile`) to replace a read-only file or write into a read-only folder."""
    if current is not None and _nobody_may_write(path, current.st_mode):
        raise ReadOnlyFile(errno.EACCES, "the file is read-only", str(path))
    folder = path.parent
    with contextlib.suppress(FileNotFoundError):
        if _nobody_may_write(folder, os.stat(folder).st_mode):
            raise ReadOnlyFile(errno.EACCES, "the folder is read-only", str(folder))


def _keep_owner_and_mode(fd: int, path: Path, current: os.stat_result) -> None:
    mine = os.fstat(fd)
    if (mine.st_uid, mine.st_gid) != (current.st_uid, current.st_gid):
        try:
            os.fchown(fd, current.st_uid, current.st_gid)
        except PermissionError:
            raise OtherOwner(errno.EPERM, "cannot keep the file's owner", str(path)) from None
    os.fchmod(fd, current.st_mode & 0o7777)


def atomic_write(path: Path, data: bytes, *, keep: bool = False, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new file, whole.

    Writes a temp file in the same folder (mode 0600), flushes and fsyncs it,
    renames it over ``path`` and fsyncs the folder. On any error the temp file
    is removed, ``path`` is untouched, and the error names ``path`` (not the
    temp file). ``path`` must not be a link: give :func:`link_target`'s answer.

    ``keep`` (the plan file): the new file keeps the owner, group and mode of
    the file it replaces, and a read-only file or folder is refused. Without
    it (an export, a draft) the file is private, 0600, whatever it replaces.

    ``durable=False`` skips the two fsyncs, for what may be lost in a power cut
    without losing any of the plan (the undo history): still whole or absent, never half.
    """
    current: os.stat_result | None = None
    if keep:
        with contextlib.suppress(FileNotFoundError):
            current = os.stat(path)
        check_writable(path, current)
    ensure_folder(path.parent)
    tmp = temp_path(path)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        try:
            if current is not None:
                _keep_owner_and_mode(fd, path, current)
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and str(exc.filename) in ("None", str(tmp)):
            # The temp file is pop's own business: the person knows the plan's name.
            raise OSError(exc.errno, exc.strerror, str(path)) from exc
        raise
    if durable:
        fsync_folder(path.parent)


class HeldLock:
    """The plan's lock, held by this process until :meth:`release`.

    ``flock`` belongs to the open file, not to a thread: a worker may take the
    lock and hand it to the event loop, which saves and then releases it.
    """

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    def release(self) -> None:
        """Let the lock go (a second call does nothing)."""
        fd, self._fd = self._fd, None
        if fd is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)


def _lock_file(path: Path) -> tuple[Path, Path, int]:
    """The file ``path`` stands for, its lock file, and that lock file opened."""
    path = link_target(path)
    ensure_folder(path.parent)
    lock_path = path.with_name(path.name + ".lock")
    return path, lock_path, os.open(lock_path, os.O_RDWR | os.O_CREAT, FILE_MODE)


def try_lock(path: Path) -> HeldLock | None:
    """Take the lock of ``path`` if nobody holds it; never waits (None: another process has it)."""
    path, _, fd = _lock_file(path)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        os.close(fd)
        if exc.errno not in (errno.EAGAIN, errno.EACCES):
            raise
        return None
    except BaseException:
        os.close(fd)
        raise
    return HeldLock(path, fd)


def take_lock(
    path: Path, timeout: float = LOCK_TIMEOUT, give_up: Callable[[], bool] | None = None
) -> HeldLock:
    """Wait (up to ``timeout`` seconds) for the lock of ``path`` and take it.

    ``give_up`` is asked while waiting; when it says True the wait ends with
    :class:`LockTimeout` at once (a worker whose app is closing).
    """
    path, lock_path, fd = _lock_file(path)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return HeldLock(path, fd)
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() > deadline or (give_up is not None and give_up()):
                    raise LockTimeout(
                        errno.EAGAIN, f"another pop is still saving {path}", str(lock_path)
                    ) from None
                time.sleep(0.005)
    except BaseException:
        os.close(fd)
        raise


@contextlib.contextmanager
def locked(path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``<path>.lock`` (a separate file, never replaced).

    The lock lies beside the file a link points to, so that every link to one
    plan takes the same lock.
    """
    held = take_lock(path, timeout)
    try:
        yield
    finally:
        held.release()


def backup_folder(path: Path) -> Path:
    """Where the backups of ``path`` lie: beside the file, or beside a link's target."""
    return link_target(path).parent / "backups"


def backup_path(path: Path, revision: int) -> Path:
    return backup_folder(path) / f"{path.stem}.r{revision:08d}{path.suffix}"


def keep_backup(path: Path, revision: int, keep: int) -> None:
    """Keep the current ``path`` as the backup of ``revision`` and drop the oldest beyond ``keep``.

    The file is never written in place (only replaced), so a hard link is a
    true copy of the old version at no cost. Where a link cannot be made (the
    backups folder is another file system) the copy is written atomically, so
    a failure (a full disk) leaves no truncated backup behind. Raises OSError
    when the backup could not be kept; the caller decides what that means.
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
        remove_stale_temps(target)
        atomic_write(target, path.read_bytes())
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
