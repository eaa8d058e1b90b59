"""Copies of the plan that a file-sync tool (Syncthing, Dropbox and the like) left beside it.

When two devices changed the plan while apart, Syncthing keeps one version as
the plan and the other beside it as ``plan.sync-conflict-<date>-<time>-<device>.json``;
Dropbox-like tools make ``plan (conflicted copy <date>).json`` or
``plan (Anna's conflicted copy <date>).json``. pop finds such copies when it
starts and when ``pop agenda`` runs, merges each into the plan with the rules of
:mod:`pop_tui.core.merge`, and removes it. A copy that cannot be merged (damaged,
another schema) is left where it is, and the person is told why.

The common ancestor: every save writes in ``_meta`` which other device's version
the plan was last built on (``"base": {"device", "revision"}``), and whenever
the store reads a plan saved by another device it keeps a hard link to that file
in ``local/`` (:func:`remember_base`; the plan is only ever replaced, never
written in place, so the link is a true copy at no cost). For a copy made on
another device, the ancestor is then (:func:`ancestor`) this device's version
that the copy was built on (found among the backups, by revision), or the other
device's version that this plan was built on (the kept link). Without either (a
device that never saw the other's version, or more saves since than backups kept)
the two are merged as plans made apart: that may ask about more fields, and loses nothing.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path
from typing import Any

from pop_tui.core.value import Value
from pop_tui.store import files
from pop_tui.store.local import LOCAL_FOLDER

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pop_tui.store.plan_store import PlanStore

BASE_SUFFIX = ".base"


class CopyMerged(Value):
    """What became of one copy: merged (what it brought), or kept (why)."""

    path: Path
    merged: bool
    lines: tuple[str, ...] = ()
    reason: str = ""


def _pattern(plan_path: Path) -> re.Pattern[str]:
    stem, suffix = re.escape(plan_path.stem), re.escape(plan_path.suffix)
    return re.compile(
        rf"{stem}\.sync-conflict-[0-9]{{8}}-[0-9]{{6}}(-[A-Z0-9]+)?{suffix}"
        rf"|{stem} \((.+'s )?conflicted copy[^)]*\){suffix}"
        rf"|{stem} \(Conflict[^)]*\){suffix}"
    )


def conflict_copies(plan_path: Path) -> list[Path]:
    """The conflict copies of the plan a file-sync tool left beside it, oldest name first."""
    target = files.link_target(plan_path)
    try:
        names = os.listdir(target.parent)
    except OSError:
        return []
    if not any("onflict" in name for name in names):  # the common case costs one listdir
        return []
    pattern = _pattern(target)
    return [target.parent / n for n in sorted(names) if pattern.fullmatch(n)]


def base_path(plan_path: Path) -> Path:
    target = files.link_target(plan_path)
    return target.parent / LOCAL_FOLDER / f"{target.name}{BASE_SUFFIX}"


def remember_base(plan_path: Path) -> None:
    """Keep the plan file as it is now as the ancestor of a later merge (a hard link)."""
    target = files.link_target(plan_path)
    base = base_path(target)
    with contextlib.suppress(OSError):
        files.ensure_folder(base.parent)
        tmp = base.with_name(f".{base.name}.{os.getpid()}.tmp")
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        os.link(target, tmp)
        os.replace(tmp, base)


def read_base(plan_path: Path) -> bytes | None:
    try:
        return base_path(plan_path).read_bytes()
    except OSError:
        return None


def merge_copies(store: PlanStore) -> list[CopyMerged]:
    """Merge every conflict copy beside the store's plan into it, and remove each one merged.

    A copy that cannot be read, or merged (another schema, a damaged table), is left
    where it is, with the reason; the plan is then unchanged by it.
    """
    from pop_tui.core.merge import MergeError
    from pop_tui.store.plan_file import PlanFileError, parse

    told: list[CopyMerged] = []
    for copy in conflict_copies(store.path):
        try:
            raw = copy.read_bytes()
            theirs = parse(copy, raw)
        except (PlanFileError, OSError) as exc:
            reason = exc.reason if isinstance(exc, PlanFileError) else (exc.strerror or str(exc))
            told.append(CopyMerged(copy, False, reason=reason))
            continue
        base = ancestor(store, theirs)
        try:
            result = store.merge_in(theirs, base)
        except MergeError as exc:
            told.append(CopyMerged(copy, False, reason=str(exc)))
            continue
        except OSError as exc:
            told.append(CopyMerged(copy, False, reason=exc.strerror or str(exc)))
            continue
        # What the other device had is now common to both: the ancestor of the next merge.
        with contextlib.suppress(OSError):
            files.ensure_folder(base_path(store.path).parent)
            files.atomic_write(base_path(store.path), raw, durable=False)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(copy)
        told.append(CopyMerged(copy, True, lines=tuple(result.incoming)))
    return told


def _mark(tables: dict[str, Any]) -> tuple[Any, Any]:
    meta = tables.get("_meta", {}).get("1", {})
    return meta.get("device"), meta.get("revision")


def ancestor(store: PlanStore, theirs: dict[str, Any]) -> dict[str, Any] | None:
    """The last version that this plan and another device's copy of it have in common,
    as far as this device can tell (see the module's text); None when it cannot."""
    from pop_tui.store.plan_file import PlanFileError, list_backups, parse

    their_meta = theirs.get("_meta", {}).get("1", {})
    built_on = their_meta.get("base")
    me = store.device.name
    if isinstance(built_on, dict) and built_on.get("device") == me:
        if store.revision == built_on.get("revision"):  # nothing saved here since
            return {**store.raw_tables(), "_meta": {"1": store.meta}}
        for backup in list_backups(store.path):
            if backup.good and backup.revision == built_on.get("revision"):
                with contextlib.suppress(PlanFileError, OSError):
                    tables = parse(backup.path, backup.path.read_bytes())
                    if _mark(tables) == (me, backup.revision):
                        return tables
    raw = read_base(store.path)
    if raw is not None:
        with contextlib.suppress(PlanFileError):
            tables = parse(base_path(store.path), raw)
            mine = store.base_mark
            if mine is not None and _mark(tables) == (mine.get("device"), mine.get("revision")):
                return tables
    return None


def told_lines(told: list[CopyMerged]) -> list[str]:
    """What to tell the person about the copies merged or left (one line each)."""
    from pop_tui.core.texts import t

    lines = []
    for copy in told:
        if not copy.merged:
            lines.append(t("file.copy_kept", name=copy.path.name, reason=copy.reason))
        elif copy.lines:
            lines.append(
                t("file.copy_merged_with", name=copy.path.name, changes="; ".join(copy.lines))
            )
        else:
            lines.append(t("file.copy_merged", name=copy.path.name))
    return lines
