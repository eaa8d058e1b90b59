"""The plan file's slow work, kept off the event loop: another session's change, the lock.

The event loop never sleeps on the plan's lock and never reads the whole file;
the store is changed on the event loop only.

- Reading. Every :data:`RELOAD_SECONDS` the app looks (one ``stat``) whether
  the file changed. If it did, a thread worker reads and parses it outside the
  store (:meth:`PlanStore.read_fresh`) and posts :class:`PlanReady`; its handler
  installs that plan into the store, which tells every screen.
- Changing. A save, undo or redo first tries the lock without waiting. When it
  is free and the file is as the store last saw it, the change is saved at once,
  as before. Otherwise it is queued, and a worker waits for the lock, reads the
  fresh file while holding it and posts :class:`LockTaken`; its handler installs
  that plan, runs every queued change in order with the lock it was handed, and
  lets the lock go. A change made meanwhile joins the queue behind the others:
  never two at once, never out of order, and each built on the file as the
  other session left it.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on, work
from textual.message import Message
from textual.worker import Worker, get_current_worker

from pop_tui.core.failures import describe_os_error
from pop_tui.core.texts import t
from pop_tui.store import files
from pop_tui.store.plan_file import file_signature
from pop_tui.store.plan_store import PlanStore
from pop_tui.ui.terminal import TerminalApp

# How often an open TUI looks whether another session changed the plan file.
RELOAD_SECONDS = 1.0

Signature = tuple[int, int, int] | None
# A change run with the plan's lock held, on the event loop; True when it was saved.
Job = Callable[[], bool]


class PlanReady(Message):
    """A worker read the plan file as another session left it."""

    def __init__(self, fresh: PlanStore, base: Signature) -> None:
        super().__init__()
        self.fresh = fresh
        # The store's file when the worker started: if the store saved since, this read is old.
        self.base = base


class PlanUnavailable(Message):
    """A worker could not read the plan file (damaged by another tool, gone, unreadable)."""

    def __init__(self, error: Exception, signature: Signature) -> None:
        super().__init__()
        self.error = error
        self.signature = signature


class LockTaken(Message):
    """A worker holds the plan's lock for the queued changes (and read the file, if it changed)."""

    def __init__(self, lock: files.HeldLock, fresh: PlanStore | None) -> None:
        super().__init__()
        self.lock = lock
        self.fresh = fresh


class LockStillHeld(Message):
    """The worker has waited a long time for another pop to let the lock go; it waits on."""


class LockUnavailable(Message):
    """The queued changes cannot be saved (the lock or the file cannot be had)."""

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error


class PlanFileApp(TerminalApp):
    """An app that keeps one :class:`PlanStore` equal to its file without blocking."""

    def __init__(self, store: PlanStore) -> None:
        super().__init__()
        self.store = store
        # Changes waiting for the lock, oldest first; while any wait, every new one queues.
        self._waiting: list[Job] = []
        self._told_waiting = False
        self._quit_when_saved = False
        self._reading = False
        # A version of the file that could not be read and was said so (said once).
        self._unreadable: Signature = None
        # The plan file as this app's own sync wrote it: shown without "changed elsewhere".
        self.written_here: Signature = None

    def watch_plan_file(self) -> None:
        """Look at the file every :data:`RELOAD_SECONDS` (call when mounted)."""
        self.set_interval(RELOAD_SECONDS, self._reload_if_changed)

    @property
    def saves_waiting(self) -> int:
        """How many changes wait for another pop to let the lock go."""
        return len(self._waiting)

    # --- another session's change ---------------------------------------------

    def reads_later(self) -> bool:
        """Whether the file is left unread for now (a sync is writing it: see syncing.py)."""
        return False

    def _reload_if_changed(self) -> Worker[None] | None:
        """Start reading the file if another session replaced it; the worker, if started."""
        if self._reading or self._waiting or self.reads_later():
            return None  # the read in flight, or the lock's worker, brings the new plan
        now = file_signature(self.store.path)
        if now == self.store.signature or (now is not None and now == self._unreadable):
            return None
        self._reading = True
        return self._read_plan(self.store.signature)

    @work(thread=True, exclusive=True, group="plan-read", exit_on_error=False)
    def _read_plan(self, base: Signature) -> None:
        signature = file_signature(self.store.path)
        try:
            fresh = self.store.read_fresh()
        except Exception as exc:  # a damaged file written by another tool: keep what we show
            self.post_message(PlanUnavailable(exc, signature))
        else:
            self.post_message(PlanReady(fresh, base))

    @on(PlanReady)
    def _plan_ready(self, message: PlanReady) -> None:
        self._reading = False
        self._unreadable = None
        if self._waiting or self.store.signature != message.base:
            return  # the store moved on meanwhile (this session saved): the next look decides
        if message.fresh.signature == self.store.signature:
            return
        self.store.install(message.fresh)
        if message.fresh.signature != self.written_here:
            self.say(t("ui.msg.reloaded"))

    @on(PlanUnavailable)
    def _plan_unavailable(self, message: PlanUnavailable) -> None:
        self._reading = False
        self._unreadable = message.signature
        self.say(t("ui.msg.save_failed", error=message.error), severity="error")

    # --- changing: at once, or behind the lock ----------------------------------

    def lock_now(self) -> files.HeldLock | None:
        """The lock, if it can be had at once for a change built on the store as it is.

        None: the change must wait (queue it with :meth:`queue_change`): another
        pop holds the lock, the file changed since the store read it (it is read
        again in the worker), or earlier changes wait already. Raises OSError when
        the lock cannot be taken at all (a folder that is gone or read-only).
        """
        if self._waiting:
            return None
        held = files.try_lock(self.store.path)
        if held is not None and self.store.changed_on_disk():
            held.release()
            self._told_waiting = False
            return None
        if held is None:
            self._told_waiting = True
            self.say(t("ui.msg.waiting_for_lock"))
        return held

    def run_change(self, job: Job, *, queued: Job | None = None) -> bool | None:
        """Run ``job`` with the lock: at once (its answer), or queued behind the lock (None).

        ``queued``, if given, is run instead of ``job`` when it had to wait (what
        ``job`` lets its caller handle, a queued change must handle itself).
        """
        try:
            held = self.lock_now()
        except OSError as exc:
            self.say(describe_os_error(exc), severity="error")
            return False
        if held is None:
            self.queue_change(queued or job)
            return None
        try:
            with self.store.holding(held):
                return job()
        finally:
            held.release()

    def queue_change(self, job: Job) -> None:
        """Run ``job`` once the lock is had, after the changes queued before it."""
        self._waiting.append(job)
        if len(self._waiting) == 1:
            self._take_lock()

    @work(thread=True, exclusive=True, group="plan-lock", exit_on_error=False)
    def _take_lock(self) -> None:
        worker = get_current_worker()
        while True:
            try:
                held = files.take_lock(self.store.path, give_up=lambda: worker.is_cancelled)
            except files.LockTimeout:
                if worker.is_cancelled:  # the app is closing
                    return
                self.post_message(LockStillHeld())
                continue
            except OSError as exc:
                self.post_message(LockUnavailable(exc))
                return
            break
        try:
            fresh = self.store.read_fresh() if self.store.changed_on_disk() else None
        except Exception as exc:
            held.release()
            self.post_message(LockUnavailable(exc))
            return
        if worker.is_cancelled:
            held.release()
            return
        self.post_message(LockTaken(held, fresh))

    @on(LockTaken)
    def _lock_taken(self, message: LockTaken) -> None:
        jobs, self._waiting = self._waiting, []
        saved = True
        try:
            if message.fresh is not None and message.fresh.signature != self.store.signature:
                self.store.install(message.fresh)
            with self.store.holding(message.lock):
                for job in jobs:
                    saved = job() and saved
        finally:
            message.lock.release()
        if self._told_waiting and saved:
            self.say(t("ui.msg.saved_after_wait"))
        self._told_waiting = False
        if self._quit_when_saved:
            self.exit()

    @on(LockStillHeld)
    def _lock_still_held(self, message: LockStillHeld) -> None:
        self.say(t("ui.msg.still_waiting_for_lock"), severity="warning")

    @on(LockUnavailable)
    def _lock_unavailable(self, message: LockUnavailable) -> None:
        self._waiting = []
        self._told_waiting = False
        self._quit_when_saved = False
        error = message.error
        reason = (error.strerror or str(error)) if isinstance(error, OSError) else str(error)
        self.say(t("ui.msg.queued_lost", reason=reason), severity="error")

    async def action_quit(self) -> None:
        """Quit; with changes still waiting for the lock, quit once they are saved."""
        if self._waiting:
            self._quit_when_saved = True
            self.say(t("ui.msg.quit_after_saving"))
            return
        await super().action_quit()
