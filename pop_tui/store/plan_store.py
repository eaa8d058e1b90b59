"""The plan store: one mutation API for the TUI and the shell commands.

Every change runs inside the file lock: read the file again if another
process replaced it, run the mutation on that fresh plan, save atomically,
then tell the subscribers. So two sessions never overwrite each other's work:
the later one always builds on what the earlier one saved.

Long on purpose: reading, changing, undo and redo share the lock, the revision
check and the one way a plan is written; apart, each could break the others.
"""

from __future__ import annotations

import contextlib
import functools
import os
import typing
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from tinydb import TinyDB

from pop_tui import __version__
from pop_tui.core.edit import Change, Edit, apply_changes
from pop_tui.core.keys import legacy_key, record_key
from pop_tui.core.model import STORED_KEY, TABLES, ModelError, Plan
from pop_tui.core.texts import t
from pop_tui.core.value import Value
from pop_tui.store import agenda_index, files, local
from pop_tui.store.plan_file import (
    APP_MARK,
    HISTORY,
    META,
    META_ID,
    SCHEMA,
    DamagedPlanError,
    PlanFileError,
    RecordLines,
    Tables,
    file_signature,
    list_backups,
    parse,
    revision_of,
    serialize,
)
from pop_tui.store.storage import AtomicJSONStorage

if typing.TYPE_CHECKING:
    from pop_tui.core.merge import MergeResult

T = TypeVar("T")
HISTORY_LIMIT = 100
# In _meta: {"device", "revision"} of the other device's version this plan was last built on.
BASE_MARK = "base"
Listener = Callable[[list[Change] | None], None]


class UndoError(Exception):
    """Undo or redo cannot be done (nothing to undo, or the records changed since)."""


class HistoryEntry(Value):
    """One saved mutation, kept so it can be undone and redone."""

    seq: int
    label: str
    at: str
    changes: tuple[Change, ...]
    undone: bool = False
    # The keys of the records the change deleted ("table/id" -> key), so that
    # undoing it brings each back as the same record on every device.
    keys: tuple[tuple[str, str], ...] = ()

    @functools.cached_property
    def as_dict(self) -> dict[str, Any]:
        """The entry as stored; computed once, so the file writer can reuse its line."""
        found: dict[str, Any] = {
            "label": self.label,
            "at": self.at,
            "changes": [c.to_dict() for c in self.changes],
            "undone": self.undone,
        }
        if self.keys:
            found["keys"] = dict(self.keys)
        return found

    @classmethod
    def from_dict(cls, seq: int, data: dict[str, Any]) -> HistoryEntry:
        keys = data.get("keys", {})
        return cls(
            seq,
            str(data.get("label", "")),
            str(data.get("at", "")),
            tuple(Change.from_dict(c) for c in data.get("changes", [])),
            bool(data.get("undone", False)),
            tuple((str(k), str(v)) for k, v in keys.items()) if isinstance(keys, dict) else (),
        )

    def key_of(self, table: str, id: int) -> str | None:
        return dict(self.keys).get(f"{table}/{id}")


class PlanStore:
    """The plan in memory, kept equal to the plan file."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        backups: int = 10,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        self._now = now
        self._db = TinyDB(Path(path), storage=AtomicJSONStorage, backups=backups)
        self._storage = typing.cast(AtomicJSONStorage, self._db.storage)
        # The real file when ``path`` is a link: the lock, backups and drafts lie beside it.
        self.path = self._storage.path
        self._backup_told = False
        self.plan = Plan()
        self._tables: Tables = {name: {} for name in TABLES}
        self._history: list[HistoryEntry] = []
        self._meta: dict[str, Any] = {}
        self._signature: tuple[int, int, int] | None = None
        self._listeners: list[Listener] = []
        self._lines = RecordLines()
        self._device: local.Device | None = None
        # Records read without a key (a plan written before schema 2) get one at the next save.
        self._keyless = False
        self._base_mark: dict[str, Any] | None = None
        # Set when the plan was read again inside the lock; the subscribers
        # are told (with None) as soon as the lock is released.
        self._reload_untold = False
        # A lock this process took already (see holding): the store's calls use it.
        self._held: files.HeldLock | None = None

    # --- reading --------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str], **kwargs: Any) -> PlanStore:
        """Open the plan at ``path`` (a missing file is an empty plan, not yet written)."""
        store = cls(path, **kwargs)
        store._load()
        if store._keyless or (store.exists and store._meta.get("schema") != SCHEMA):
            store._migrate()
        return store

    def _migrate(self) -> None:
        """Write a plan of an older schema in this one: keys for its records, the undo history
        beside it. The old file is kept as a backup by the save; a plan that cannot be
        written now (a read-only file) is still read, and migrated at its first save."""
        with contextlib.suppress(OSError, PlanFileError):
            with self._lock():
                self._refresh_locked()
                if self._keyless or self._meta.get("schema") != SCHEMA:
                    self._commit([], self._history, last_ids=self._meta.get("last_ids", {}))
            self._tell_reload()

    @property
    def device(self) -> local.Device:
        """This device (its id makes the keys of the records made here)."""
        if self._device is None:
            self._device = local.this_device(self.path)
        return self._device

    def _load(self) -> None:
        signature = file_signature(self.path)
        found = self._storage.read_checked()
        tables, stored = found if found is not None else ({META: {META_ID: self._new_meta()}}, True)
        kept = local.read_history(self.path) if found is not None else None
        if kept is None:  # a plan written before schema 2 kept its history inside
            kept = tables.get(HISTORY, {})
        try:
            plan = Plan.from_dict(tables, stored=stored)
            history = [HistoryEntry.from_dict(int(k), v) for k, v in kept.items()]
        except (ModelError, KeyError, TypeError, ValueError) as exc:
            raise DamagedPlanError(self.path, f"a record is damaged: {exc}") from None
        self.plan = plan
        # Tables this version does not know (written by a newer pop of the same
        # schema) are kept as they are and written back unchanged.
        self._tables = {name: {} for name in TABLES}
        self._tables.update(
            {name: dict(t) for name, t in tables.items() if name not in (META, HISTORY)}
        )
        self._meta = dict(tables[META][META_ID])
        self._history = sorted(history, key=lambda e: e.seq)
        self._keyless = any(
            STORED_KEY not in record for name in TABLES for record in self._tables[name].values()
        )
        # Which other device's version this plan was last built on ("base" in _meta): a
        # file-sync tool's conflict copy is merged from it (see pop_tui.store.file_sync).
        mark = self._meta.get(BASE_MARK)
        self._base_mark = mark if isinstance(mark, dict) else None
        saved_by = self._meta.get("device")
        if found is not None and saved_by and saved_by != self.device.name:
            from pop_tui.store import file_sync

            file_sync.remember_base(self.path)
            self._base_mark = {"device": saved_by, "revision": self.revision}
        self._signature = signature

    def _new_meta(self) -> dict[str, Any]:
        return {
            "app": APP_MARK,
            "schema": SCHEMA,
            "revision": 0,
            "saved_at": "",
            "plan_uid": _new_uid(),
            "last_ids": {},
        }

    @property
    def revision(self) -> int:
        return int(self._meta.get("revision", 0))

    def raw_tables(self) -> Tables:
        """The plan's tables as the file holds them (each record with its key)."""
        return dict(self._tables)

    @property
    def meta(self) -> dict[str, Any]:
        return dict(self._meta)

    @property
    def base_mark(self) -> dict[str, Any] | None:
        """Which other device's version this plan was last built on (device, revision)."""
        return self._base_mark

    @property
    def plan_uid(self) -> str:
        return str(self._meta.get("plan_uid", ""))

    @property
    def exists(self) -> bool:
        return self.path.exists()

    def changed_on_disk(self) -> bool:
        """Whether another process replaced the file since this store last read or wrote it."""
        return file_signature(self.path) != self._signature

    def reload_if_changed(self) -> bool:
        """Read the file again if another process changed it; tell subscribers. True if it did."""
        if not self.changed_on_disk():
            return False
        try:
            with self._lock():
                changed = self._refresh_locked()
        finally:
            self._tell_reload()
        return changed

    def _refresh_locked(self) -> bool:
        if self.changed_on_disk():
            self._load()
            self._reload_untold = True
            return True
        return False

    def _tell_reload(self) -> None:
        """Tell the subscribers (with None) that the plan was read again, once."""
        if self._reload_untold:
            self._reload_untold = False
            self._notify(None)

    # --- reading and locking off the event loop (see pop_tui.ui.plan_work) ---------

    @property
    def signature(self) -> tuple[int, int, int] | None:
        """The file as this store last read or wrote it (see :func:`file_signature`)."""
        return self._signature

    def read_fresh(self) -> PlanStore:
        """The plan file as it is now, read into a new store; this one is not touched.

        Safe in a worker thread: every writer replaces the file atomically, so
        the read is of one whole version. Raises what opening the plan raises.
        """
        fresh = type(self)(self.path, backups=self._storage.backups, now=self._now)
        fresh._load()
        return fresh

    def install(self, fresh: PlanStore) -> None:
        """Take the plan that :meth:`read_fresh` read, and tell the subscribers (with None).

        Call it on the thread that owns this store; the subscribers, the clock
        and the session's caches stay this store's own.
        """
        for name, value in vars(fresh).items():
            if name not in _SESSION_STATE:
                setattr(self, name, value)
        self._notify(None)

    @contextlib.contextmanager
    def holding(self, lock: files.HeldLock) -> Iterator[None]:
        """Within the block, saves, undo and redo use ``lock`` (held by this process)
        instead of waiting for the lock themselves."""
        self._held = lock
        try:
            yield
        finally:
            self._held = None

    def merge_in(self, theirs: Tables, base: Tables | None) -> MergeResult:
        """Merge another device's copy of the plan into this one (three-way, from ``base``)
        and save the result at once; subscribers are told (with None) that the plan was read again.

        Raises MergeError (nothing written) when the two cannot be merged. The merge is not
        a change of the undo history: undo still takes back this device's own changes, and
        refuses one whose records the merge changed.
        """
        from pop_tui.core.merge import merge_documents  # only a merge needs it

        try:
            with self._lock():
                self._refresh_locked()
                ours: Tables = {**self._tables, META: {META_ID: self._meta}}
                result = merge_documents(base, ours, theirs)
                previous = self.revision
                document = dict(result.tables)
                meta = dict(document[META][META_ID])
                meta["revision"] = max(int(meta.get("revision", 0)), previous + 1)
                # Built on their version now: the ancestor of a later copy of theirs.
                their_meta = theirs.get(META, {}).get(META_ID, {})
                if their_meta.get("device"):
                    mark = {"device": their_meta["device"], "revision": their_meta.get("revision")}
                    meta[BASE_MARK] = mark
                document[META] = {META_ID: meta}
                payload = serialize(document, self._lines)
                files.remove_stale_temps(self.path)
                self._storage.write_bytes(payload, previous_revision=previous if previous else None)
                self._tell_backup_failure()
                self._load()
                self._reload_untold = True
                with contextlib.suppress(Exception):
                    agenda_index.saved(self.path, payload, self.plan)
        finally:
            self._tell_reload()
        return result

    # --- subscribers ----------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` after every committed change (with the changes, or None
        when the whole plan was read again). Returns a function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _notify(self, changes: list[Change] | None) -> None:
        for listener in list(self._listeners):
            listener(changes)

    # --- changing -------------------------------------------------------------

    @contextlib.contextmanager
    def _lock(self) -> Iterator[None]:
        if self._held is not None:  # taken already (see holding)
            yield
            return
        with files.locked(self.path):
            yield

    def apply(self, label: str, mutation: Callable[[Edit], T], *, plan_uid: str | None = None) -> T:
        """Run ``mutation`` on the freshest plan, save the result at once, keep it for undo.

        If the mutation raises, or the save fails, the plan is left as it was:
        nothing is saved and nothing is kept in memory. If the plan had to be
        read again (another session saved), subscribers are first told with None.

        ``plan_uid`` gives the plan that uid (a restored export keeps its own,
        so its calendar events keep their UIDs); undo does not change it back.
        """
        try:
            with self._lock():
                self._refresh_locked()
                edit = Edit(self.plan, self._meta.get("last_ids", {}))
                try:
                    result = mutation(edit)
                    changes = list(edit.changes)
                    new_uid = plan_uid if plan_uid and plan_uid != self.plan_uid else None
                    if not changes and new_uid is None:
                        return result
                    history = self._history
                    if changes:
                        kept = [e for e in self._history if not e.undone]
                        seq = kept[-1].seq + 1 if kept else 1
                        entry = HistoryEntry(
                            seq,
                            label,
                            self._timestamp(),
                            tuple(changes),
                            keys=self._keys_of(changes),
                        )
                        history = [*kept, entry][-HISTORY_LIMIT:]
                    self._commit(changes, history, last_ids=edit.last_ids, plan_uid=new_uid)
                except BaseException:
                    edit.rollback()
                    raise
        finally:
            self._tell_reload()
        self._notify(changes)
        return result

    def _keys_of(self, changes: list[Change]) -> tuple[tuple[str, str], ...]:
        found = []
        for change in changes:
            if change.after is None:
                key = self._tables.get(change.table, {}).get(str(change.id), {}).get(STORED_KEY)
                if isinstance(key, str):
                    found.append((f"{change.table}/{change.id}", key))
        return tuple(found)

    def undo(self) -> str:
        """Undo the newest change (made by any session); returns its label."""
        return self._walk_history(undo=True)

    def redo(self) -> str:
        """Redo the change undone last; returns its label."""
        return self._walk_history(undo=False)

    def can_undo(self) -> bool:
        return any(not e.undone for e in self._history)

    def can_redo(self) -> bool:
        return any(e.undone for e in self._history)

    def _walk_history(self, *, undo: bool) -> str:
        try:
            with self._lock():
                steps, label = self._walk_history_locked(undo=undo)
        finally:
            self._tell_reload()
        self._notify(steps)
        return label

    def _walk_history_locked(self, *, undo: bool) -> tuple[list[Change], str]:
        self._refresh_locked()
        if undo:
            entry = next((e for e in reversed(self._history) if not e.undone), None)
        else:
            entry = next((e for e in self._history if e.undone), None)
        if entry is None:
            raise UndoError("nothing to undo" if undo else "nothing to redo")
        steps = [c.inverse() for c in reversed(entry.changes)] if undo else list(entry.changes)
        for change in steps:
            current = self.plan.get(change.table, change.id)
            now = current.to_dict() if current is not None else None
            if now != change.before:
                raise UndoError(
                    f"cannot {'undo' if undo else 'redo'} {entry.label!r}: "
                    "the records it touched have changed since"
                )
        flipped = entry.replace(undone=undo)
        history = [flipped if e.seq == entry.seq else e for e in self._history]
        apply_changes(self.plan, steps)
        try:
            self._commit(steps, history, last_ids=self._meta.get("last_ids", {}), known=entry)
        except BaseException:
            apply_changes(self.plan, [c.inverse() for c in reversed(steps)])
            raise
        return steps, entry.label

    def _timestamp(self) -> str:
        return self._now().replace(microsecond=0).isoformat()

    def _commit(
        self,
        changes: list[Change],
        history: list[HistoryEntry],
        last_ids: dict[str, int],
        plan_uid: str | None = None,
        known: HistoryEntry | None = None,
    ) -> None:
        """Write the plan with ``changes`` applied (already applied to ``self.plan``).

        The store's tables, history and header change only once the file is
        written: if writing fails (a full disk), they are as before.
        """
        previous = self.revision
        uid = plan_uid or self.plan_uid
        tables = dict(self._tables)
        for name in {c.table for c in changes}:
            tables[name] = dict(tables.get(name, {}))
        for change in changes:
            table = tables[change.table]
            if change.after is None:
                table.pop(str(change.id), None)
                continue
            key = table.get(str(change.id), {}).get(STORED_KEY)
            if key is None and known is not None:
                key = known.key_of(change.table, change.id)
            if key is None:
                key = record_key(uid, self.device.id, change.table, change.id)
            table[str(change.id)] = {**change.after, STORED_KEY: key}
        if self._keyless:
            tables = _with_keys(tables, self.plan_uid)
        meta = {
            **self._meta,
            "schema": SCHEMA,
            "revision": previous + 1,
            "saved_at": self._timestamp(),
            "device": self.device.name,
            "app_version": __version__,
            "last_ids": dict(sorted(last_ids.items())),
        }
        if plan_uid:
            meta["plan_uid"] = plan_uid
        if self._base_mark is not None:
            meta[BASE_MARK] = self._base_mark
        document: Tables = {**tables, META: {META_ID: meta}}
        payload = serialize(document, self._lines)
        files.remove_stale_temps(self.path)
        self._storage.write_bytes(payload, previous_revision=previous if previous else None)
        self._tell_backup_failure()
        self._tables = tables
        self._history = history
        self._meta = meta
        self._keyless = False
        self._signature = file_signature(self.path)
        # Only undo needs it, and a lost history loses no part of the plan: a failure
        # here does not fail the save (and is not told: undo simply has less to undo).
        with contextlib.suppress(OSError):
            local.write_history(self.path, {str(e.seq): e.as_dict for e in history})
        # What `pop agenda` and `pop status` read; only a cache of the plan, so a
        # failure here never fails the save (the next reader makes it again).
        with contextlib.suppress(Exception):
            agenda_index.saved(self.path, payload, self.plan)

    def _tell_backup_failure(self) -> None:
        """Keep the warning for a backup that failed, once until backups work again."""
        failure = self._storage.backup_failure
        if failure is None:
            self._backup_told = False
        elif not self._backup_told:
            self._backup_told = True
            reason = failure.strerror or str(failure)
            folder = files.backup_folder(self.path)
            _untold.append(t("file.backup_failed", folder=folder, reason=reason))


# What belongs to one PlanStore object rather than to the plan it read: install keeps these.
_SESSION_STATE = frozenset(
    {
        "_now",
        "_db",
        "_storage",
        "path",
        "_backup_told",
        "_listeners",
        "_lines",
        "_reload_untold",
        "_held",
    }
)

# Warnings of this process not yet shown (see take_warnings); a process holds one
# TUI or runs one shell command, so one list is enough.
_untold: list[str] = []


def take_warnings() -> list[str]:
    """The warnings the stores of this process have to give (a failed backup), once each."""
    found = list(_untold)
    _untold.clear()
    return found


def _with_keys(tables: Tables, plan_uid: str) -> Tables:
    """The tables with a key in every record of the plan (the keys of a plan written without them)."""
    found = dict(tables)
    for name in TABLES:
        records = found.get(name, {})
        if any(STORED_KEY not in r for r in records.values()):
            found[name] = {
                id: r if STORED_KEY in r else {**r, STORED_KEY: legacy_key(plan_uid, name, int(id))}
                for id, r in records.items()
            }
    return found


def _new_uid() -> str:
    # uuid imports platform and more: only a new plan needs one.
    import uuid

    return str(uuid.uuid4())


def restore_backup(path: Path, number: int) -> Path | None:
    """Put backup ``number`` (1 = newest) back as the plan file.

    The file it replaces is kept beside it (``*.replaced-<time>``) so that even
    a damaged file is never lost. Returns where that copy went, if any.

    The restored plan is saved with a revision above every revision seen so
    far (the replaced file's and the backups'), so revisions keep growing and
    the next saves never take the names of (and so overwrite) kept backups.
    """
    path = files.link_target(path)
    backups = list_backups(path)
    chosen = next((b for b in backups if b.number == number), None)
    if chosen is None:
        raise PlanFileError(path, f"there is no backup number {number}")
    if not chosen.good:
        raise PlanFileError(chosen.path, f"backup {number} is damaged too: {chosen.problem}")
    kept: Path | None = None
    with files.locked(path):
        tables = parse(chosen.path, chosen.path.read_bytes())
        revisions = [b.revision for b in list_backups(path) if b.revision is not None]
        if path.exists():
            with contextlib.suppress(PlanFileError, OSError):
                revisions.append(revision_of(parse(path, path.read_bytes())))
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            kept = path.with_name(f"{path.name}.replaced-{stamp}")
            extra = 1
            while kept.exists():  # never overwrite a copy kept by an earlier restore
                extra += 1
                kept = path.with_name(f"{path.name}.replaced-{stamp}-{extra}")
            import shutil  # only a restore needs it; saves and shell commands do not

            shutil.copy2(path, kept)
            os.chmod(kept, files.FILE_MODE)
        meta = dict(tables[META][META_ID])
        meta["revision"] = max([revision_of(tables), *revisions]) + 1
        tables[META] = {META_ID: meta}
        files.atomic_write(path, serialize(tables), keep=True)
    return kept


__all__ = ["PlanStore", "UndoError", "restore_backup", "revision_of", "take_warnings"]


def write_new_plan(
    path: Path, plan: Plan, *, now: Callable[[], datetime] = datetime.now
) -> PlanStore:
    """Write ``plan`` as a new plan file at ``path`` (not part of any undo history).

    Used for the demo and for generated plans; refuses to replace a file.
    """
    store = PlanStore(path, now=now)
    with files.locked(store.path):
        if store.path.exists():
            raise PlanFileError(store.path, "the file already exists")
        store._meta = store._new_meta()
        store._tables.update({name: dict(records) for name, records in plan.to_dict().items()})
        store.plan = plan
        store._keyless = True
        last_ids = {name: max(records) for name, records in plan.tables.items() if records}
        store._commit([], [], last_ids=last_ids)
    return store
