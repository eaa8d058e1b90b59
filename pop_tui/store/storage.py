"""The TinyDB storage of the plan file: writes atomically, refuses damaged files.

The format itself (how the file is written, checked and read) is in
:mod:`pop_tui.store.plan_file`, which the shell commands that only read use
without importing TinyDB.
"""

from __future__ import annotations

import os
from pathlib import Path

from tinydb.storages import Storage

from pop_tui.store import files
from pop_tui.store.plan_file import META, META_ID, Tables, parse, serialize, written_by_pop


class AtomicJSONStorage(Storage):
    """A TinyDB storage that never writes in place and never reads a damaged file as empty.

    ``read`` returns None only when the file does not exist; any damage raises
    :class:`PlanFileError`. ``write`` keeps the previous version as a backup
    and replaces the file atomically.
    """

    def __init__(self, path: str | os.PathLike[str], backups: int = 10) -> None:
        self.path = files.link_target(Path(path))
        self.backups = backups
        # Why the last backup could not be kept (None: it was, or none was due).
        self.backup_failure: OSError | None = None

    def read(self) -> Tables | None:
        found = self.read_checked()
        return None if found is None else found[0]

    def read_checked(self) -> tuple[Tables, bool] | None:
        """The tables, and whether they are exactly as pop wrote them (see
        :func:`written_by_pop`); None when there is no file."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        tables = parse(self.path, raw)
        return tables, written_by_pop(raw, tables[META][META_ID])

    def write(self, data: Tables) -> None:
        payload = serialize(data)
        self.write_bytes(payload, previous_revision=None)

    def write_bytes(self, payload: bytes, previous_revision: int | None) -> None:
        """Keep the current file as a backup, then replace it with ``payload``.

        A backup that fails (a full disk where the backups are, a folder pop
        may not write) never stops the plan itself from being saved: the reason
        is kept in :attr:`backup_failure` for the store to tell.
        """
        if previous_revision is not None:
            try:
                files.keep_backup(self.path, previous_revision, self.backups)
            except OSError as exc:
                self.backup_failure = exc
            else:
                self.backup_failure = None
        files.atomic_write(self.path, payload, keep=True)

    def close(self) -> None:
        """Nothing stays open between calls, so there is nothing to close."""
