"""Syncing the plan through git from the TUI: "Sync now" in the palette, and on quit.

git runs in thread workers, never on the event loop; a worker only posts a
message (:class:`SyncChecked`, :class:`SyncDone`), and the handlers here change
what is shown. At start a worker finds whether the plan's folder is set up for
sync (the palette offers "Sync now" only then). With ``sync_on_quit = true`` in
``settings.toml`` (see :mod:`pop_tui.ui.settings`) quitting syncs first, for at
most :data:`QUIT_SYNC_SECONDS`: git's network steps get that as their timeout,
and a timer quits anyway when it runs out; what went wrong is said on standard
error after the app has ended (:attr:`SyncingApp.after_exit`).
"""

from __future__ import annotations

import os

from textual import work
from textual.message import Message

from pop_tui.core.texts import t
from pop_tui.store import child_groups
from pop_tui.store.plan_store import PlanStore
from pop_tui.ui.plan_work import PlanFileApp
from pop_tui.ui.settings import SYNC_ON_QUIT, read_flag, settings_path
from pop_tui.ui.sync_run import SyncResult

# The longest a sync on quit may keep pop open (each network step of git is bounded by it too).
QUIT_SYNC_SECONDS = 4.0


class SyncDone(Message):
    """A sync run in a worker thread has finished (or given up)."""

    def __init__(self, result: SyncResult, *, quitting: bool) -> None:
        super().__init__()
        self.result = result
        self.quitting = quitting


class SyncChecked(Message):
    """Whether the plan's folder is set up for sync: the remote's address, or None."""

    def __init__(self, url: str | None) -> None:
        super().__init__()
        self.url = url


class SyncingApp(PlanFileApp):
    """An app that syncs its plan through git in the background, and maybe on quit."""

    def __init__(self, store: PlanStore) -> None:
        super().__init__(store)
        # Where the plan syncs to (None: not set up, or not known yet); found in a thread.
        self.sync_url: str | None = None
        self.syncing = False
        self._quit_sync = False
        self._quit_done = False
        # What pop says on standard error once the app has ended (the sync on quit).
        self.after_exit: list[str] = []

    @work(thread=True, exclusive=True, group="sync-check")
    def _check_sync(self) -> None:
        from pop_tui.ui.sync_run import sync_remote

        try:
            url = sync_remote(self.store.path)
        except Exception:  # git missing or broken: the palette just offers no sync
            url = None
        self.post_message(SyncChecked(url))

    def on_sync_checked(self, message: SyncChecked) -> None:
        self.sync_url = message.url

    def start_sync(self) -> None:
        """Sync the plan now (the palette's "Sync now"); the outcome comes as a toast."""
        if self.syncing:
            self.say(t("conflicts.sync.busy"), severity="warning")
            return
        self.syncing = True
        self.say(t("conflicts.sync.started", url=self.sync_url or "git"))
        self._sync_worker(dict(os.environ), quitting=False)

    @work(thread=True, exclusive=True, group="sync")
    def _sync_worker(self, env: dict[str, str], *, quitting: bool) -> None:
        from pop_tui.ui.sync_run import sync_plan

        try:
            result = sync_plan(self.store.path, env)
        except Exception as exc:  # a bug in the sync must not take the app down
            result = SyncResult(error=str(exc) or type(exc).__name__)
        self.post_message(SyncDone(result, quitting=quitting))

    def on_sync_done(self, message: SyncDone) -> None:
        from pop_tui.ui.sync_run import describe

        self.syncing = False
        result = message.result
        if message.quitting or self._quit_sync:
            if not self._quit_done:
                self._quit_done = True
                if not result.ok:
                    self.after_exit.append(t("conflicts.quit.failed", error=result.error))
                self.exit()
            return
        # Read in a worker, as every change from elsewhere. The file as the sync wrote it
        # comes without "changed elsewhere": this toast says what came in. A change by
        # another session since is another file, and is told as always.
        self.written_here = result.wrote
        self._reload_if_changed()
        self.say(describe(result), severity="information" if result.ok else "error")

    def reads_later(self) -> bool:
        return self.syncing  # read once the sync is done (see on_sync_done)

    def _wants_quit_sync(self) -> bool:
        return (
            not self._quit_sync
            and self.sync_url is not None
            and read_flag(settings_path(), SYNC_ON_QUIT)
        )

    async def action_quit(self) -> None:
        if self._quit_sync:  # asked again while syncing: quit now
            self._give_up_quit_sync()
            return
        if self.saves_waiting or not self._wants_quit_sync():
            if self.syncing:
                # "Sync now" still under way: the app's end would wait for its thread,
                # and so for git up to the network timeout. Its git is stopped instead;
                # what the sync did not send goes with the next one.
                child_groups.stop_all()
                self.after_exit.append(t("conflicts.quit.stopped"))
            await super().action_quit()  # changes waiting for the lock are saved first
            return
        self._quit_sync = True
        seconds = f"{QUIT_SYNC_SECONDS:g}"
        self.say(t("conflicts.quit.syncing", seconds=seconds))
        self.set_timer(QUIT_SYNC_SECONDS, self._give_up_quit_sync)
        if not self.syncing:
            self.syncing = True
            self._sync_worker({**os.environ, "POP_SYNC_TIMEOUT": seconds}, quitting=True)

    def _give_up_quit_sync(self) -> None:
        if self._quit_done:
            return
        self._quit_done = True
        child_groups.stop_all()
        self.after_exit.append(t("conflicts.quit.gave_up", seconds=f"{QUIT_SYNC_SECONDS:g}"))
        self.exit()
