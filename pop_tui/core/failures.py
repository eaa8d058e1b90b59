"""What went wrong with a file, said as a sentence in the user's language.

The shell commands and the TUI show these instead of Python's ``[Errno 28] …``
text. Every write of pop is atomic (see :mod:`pop_tui.store.files`), so when one
fails the plan file is as it was: each message says so.

The refusals that pop makes itself, before the system would let it write (a
read-only plan, a link into a folder that is not there), are ``OSError``
subclasses defined here, so that the message and the refusal live together.
"""

from __future__ import annotations

import errno

from pop_tui.core.texts import t


class ReadOnlyFile(PermissionError):
    """The plan file (or its folder) is read-only: pop does not write it."""


class OtherOwner(PermissionError):
    """The plan belongs to another user, and a save could not keep it theirs."""


class LinkTargetMissing(FileNotFoundError):
    """The plan is a symbolic link whose target's folder does not exist."""

    def __init__(self, link: str, target: str) -> None:
        super().__init__(errno.ENOENT, "the link's target folder does not exist", link)
        self.target = target


_BY_ERRNO: dict[int, str] = {
    errno.ENOSPC: "file.full",
    errno.EDQUOT: "file.full",
    errno.EFBIG: "file.full",
    errno.EACCES: "file.denied",
    errno.EPERM: "file.denied",
    errno.EROFS: "file.read_only_fs",
    errno.ENOENT: "file.missing",
    errno.EISDIR: "file.is_folder",
    errno.ENOTDIR: "file.missing",
    errno.EIO: "file.io",
}


def describe_os_error(exc: OSError) -> str:
    """What happened to which file, and that nothing was lost, in the current language."""
    path = str(exc.filename) if exc.filename is not None else t("file.the_plan")
    if isinstance(exc, LinkTargetMissing):
        what = t("file.link_missing", path=path, target=exc.target)
    elif isinstance(exc, ReadOnlyFile):
        what = t("file.read_only", path=path)
    elif isinstance(exc, OtherOwner):
        what = t("file.other_owner", path=path)
    elif exc.errno in _BY_ERRNO:
        what = t(_BY_ERRNO[exc.errno], path=path)
    else:
        what = t("file.other", path=path, reason=exc.strerror or exc)
    return f"{what} {t('file.nothing_lost')}"
