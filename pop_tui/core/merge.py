"""The three-way merge of two devices' plans: per record by key, per field, never an edit lost.

:func:`merge_documents` takes the common ancestor and two documents (a plan
file's JSON as parsed, see :mod:`pop_tui.core.merge_doc`) and gives the merged
document, ready for the store's ``serialize()``. The rules (SYNC-SPEC.md):

* Records are matched by their stable key. Added on either side: kept. A record
  of the ancestor keeps its short id; a new one keeps its id unless another key
  claims it too: the smaller key keeps it, the others get numbers above every
  id in use or ever handed out, in key order (:class:`Renumbered` says which).
  A key whose id differs on the two sides (renumbered by an earlier merge) takes
  the larger: renumbering only ever moves up, so this is where both agree.
  References (:data:`pop_tui.core.references.REFERENCES`, a conflict's record)
  are rewritten on each side to the final ids before anything is compared.
* Fields: see :mod:`pop_tui.core.merge_fields`. The same field changed to two
  values is a conflict record (table ``conflicts``); the record holds the value
  of the side saved later meanwhile (``shown``). A conflict already there for
  that field is updated, keeping the sides it had for the same values.
* Deleted on one side: deleted if the other side left it as it was; kept, with a
  conflict of field "" that asks, if the other side changed it. A record deleted
  on one side that the merged plan still points at (a step added on the other
  side to a goal deleted here) is kept as well, with the same question.
* A step whose action the other side moved to another goal (a step added to the
  action here, the action moved there) leaves the action: it stays with its goal
  (a step's action belongs to the step's goal, see ``references.dangling``).
* ``_meta``: revision is the larger plus one, ``saved_at`` the later, device and
  version of the side saved later, ``last_ids`` above every id; the smaller
  ``plan_uid``. Equal documents give ``ours`` back unchanged.

The merge is commutative (``merge(b, x, y).tables == merge(b, y, x).tables``)
and idempotent (merging the result again with either side changes no record).

Where this goes beyond or differs from SYNC-SPEC.md: a schema-1 document (no
keys, ``_history`` inside) is merged, read with legacy keys, rather than refused
as another schema (only a newer schema or a broken header is refused); the two
exceptions to "deleted on one side" above (a record still pointed at is kept and
asked about; a step leaves an action moved to another goal); the kept side of a
field-"" conflict holds the whole record as JSON; a conflict about a record gone
from the merged plan is dropped; two versions of one conflict record never
conflict (their sides are joined), and a conflict found again keeps a third
device's side; other ``_meta`` fields come from the side saved later.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from pop_tui.core.keys import conflict_key
from pop_tui.core.merge_doc import (
    EMPTY,
    META,
    META_ID,
    Keyed,
    MergeError,
    Records,
    Tables,
    as_tables,
    bare,
    keyed,
    merged_meta,
    record_title,
)
from pop_tui.core.merge_fields import canon, conflict_sides, defaults, merge_record
from pop_tui.core.model import Conflict
from pop_tui.core.plan_changes import describe_keyed
from pop_tui.core.references import REFERENCES
from pop_tui.core.value import Value

__all__ = ["MergeError", "MergeResult", "Renumbered", "merge_documents"]

CONFLICTS = Conflict.TABLE


class Renumbered(Value):
    """A record that got a new short number in the merge, as ``device`` knew it."""

    table: str
    key: str
    title: str
    device: str
    old_id: int
    new_id: int


class MergeResult(Value):
    """The merged document (with ``_meta``, without checksum) and what the merge did."""

    tables: Tables
    # The conflicts this merge found (new, or updated with other values).
    conflicts: tuple[Conflict, ...] = ()
    renumbered: tuple[Renumbered, ...] = ()
    # What ``theirs`` brought, relative to the ancestor, in short lines.
    incoming: tuple[str, ...] = ()


class _Clash(Value):
    """Both sides changed ``field`` of a record (``field`` "": one deleted it)."""

    table: str
    key: str
    field: str
    sides: tuple[dict[str, Any], ...]
    # The index in ``sides`` of the side the record holds meanwhile (None: by the rule).
    keep: int | None = None


def merge_documents(base: Tables | None, ours: Tables, theirs: Tables) -> MergeResult:
    """Merge ``theirs`` into ``ours`` from their common ancestor ``base`` (None or {}:
    none, two plans made apart). Raises :class:`MergeError` when one is not a pop plan,
    is damaged, or was written by a newer pop."""
    o, th = keyed(ours, "ours"), keyed(theirs, "theirs")
    b = keyed(base, "base") if base else EMPTY
    if o.records == th.records and bare(o.meta) == bare(th.meta):
        return MergeResult(o.document())
    return _Merge(b, o, th).result()


class _Merge:
    def __init__(self, base: Keyed, ours: Keyed, theirs: Keyed) -> None:
        self.base, self.ours, self.theirs = base, ours, theirs
        self.names = sorted(ours.records.keys() | theirs.records.keys())
        self.ids: dict[str, dict[str, int]] = {}
        self.ceiling: dict[str, int] = {}
        for name in self.names:
            self.ids[name], self.ceiling[name] = self._final_ids(name)
        self.known = {name: self._known_ids(name) for name in self.names}
        self.sides = {doc: self._rewritten(doc) for doc in ("base", "ours", "theirs")}
        self.out: dict[str, dict[str, dict[str, Any]]] = {name: {} for name in self.names}
        # Deleted in the merge, but kept on one side: key -> (fields, the side keeping it).
        self.removed: dict[str, dict[str, tuple[dict[str, Any], Keyed]]] = defaultdict(dict)
        self.clashes: list[_Clash] = []

    def _doc(self, which: str) -> Keyed:
        return {"base": self.base, "ours": self.ours, "theirs": self.theirs}[which]

    # --- ids -------------------------------------------------------------------

    def _final_ids(self, name: str) -> tuple[dict[str, int], int]:
        wanted: dict[str, int] = {}
        for doc in (self.ours, self.theirs):
            for key, (id, _) in doc.table(name).items():
                wanted[key] = max(wanted.get(key, id), id)
        base_ids = {key: id for key, (id, _) in self.base.table(name).items()}
        ceiling = max(
            (
                id
                for doc in (self.base, self.ours, self.theirs)
                for id in [*(i for i, _ in doc.table(name).values()), doc.last_ids.get(name, 0)]
            ),
            default=0,
        )
        claims: dict[int, list[str]] = defaultdict(list)
        for key, id in wanted.items():
            claims[id].append(key)
        final: dict[str, int] = {}
        losers: list[str] = []
        for id, keys in claims.items():
            standing = [k for k in keys if base_ids.get(k) == id]
            winner = standing[0] if standing else min(keys)
            final[winner] = id
            losers.extend(k for k in keys if k != winner)
        for key in sorted(losers):
            ceiling += 1
            final[key] = ceiling
        return final, ceiling

    def _known_ids(self, name: str) -> dict[str, int]:
        """Every key's id: the final one, or (a record gone on both sides) its last."""
        found: dict[str, int] = {}
        for doc in (self.base, self.ours, self.theirs):
            for key, (id, _) in doc.table(name).items():
                found[key] = max(found.get(key, id), id)
        return {**found, **self.ids[name]}

    # --- references at the final ids ------------------------------------------

    def _rewritten(self, which: str) -> dict[str, dict[str, dict[str, Any]]]:
        """The side's records by key, their references at the final ids."""
        doc = self._doc(which)
        keys_of: dict[str, dict[int, str]] = {}
        for name in self.names:
            own = {id: key for key, (id, _) in doc.table(name).items()}
            fallback = {id: key for key, (id, _) in self.base.table(name).items()}
            keys_of[name] = {**fallback, **own}

        def final(target: str, value: Any) -> Any:
            if not isinstance(value, int) or isinstance(value, bool):
                return value
            key = keys_of.get(target, {}).get(value)
            return self.known.get(target, {}).get(key, value) if key is not None else value

        tables: dict[str, dict[str, dict[str, Any]]] = {}
        for name in self.names:
            tables[name] = {key: dict(fields) for key, (_, fields) in doc.table(name).items()}
        for ref in REFERENCES:
            for fields in tables.get(ref.table, {}).values():
                value = fields.get(ref.field)
                if ref.many and isinstance(value, list):
                    fields[ref.field] = [final(ref.target, v) for v in value]
                elif not ref.many and value is not None:
                    fields[ref.field] = final(ref.target, value)
        for fields in tables.get(CONFLICTS, {}).values():
            table, record_key = fields.get("table"), fields.get("record_key")
            if isinstance(table, str) and isinstance(record_key, str):
                id = self.known.get(table, {}).get(record_key)
                if id is not None:
                    fields["record_id"] = id
        return tables

    # --- records ----------------------------------------------------------------

    def _merge_table(self, name: str) -> None:
        base, ours, theirs = (self.sides[w].get(name, {}) for w in ("base", "ours", "theirs"))
        out = self.out[name]
        for key in sorted(base.keys() | ours.keys() | theirs.keys()):
            b, o, t = base.get(key), ours.get(key), theirs.get(key)
            if o is not None and t is not None:
                merged, clashing = merge_record(name, b, o, t)
                out[key] = merged
                for field in clashing:
                    self._field_clash(name, key, field, b, o, t)
            elif o is not None or t is not None:
                present, side = (o, self.ours) if o is not None else (t, self.theirs)
                assert present is not None
                if b is None:
                    out[key] = present
                elif canon(present) == canon(b):
                    self.removed[name][key] = (present, side)
                else:
                    out[key] = present
                    self._delete_clash(name, key, present, side)

    def _field_clash(
        self,
        name: str,
        key: str,
        field: str,
        base: dict[str, Any] | None,
        ours: dict[str, Any],
        theirs: dict[str, Any],
    ) -> None:
        blank = defaults(name).get(field)
        sides = tuple(
            _side(doc, canon(values.get(field, blank)))
            for doc, values in ((self.ours, ours), (self.theirs, theirs))
        )
        self.clashes.append(_Clash(name, key, field, sides))

    def _delete_clash(self, name: str, key: str, kept: dict[str, Any], side: Keyed) -> None:
        other = self.theirs if side is self.ours else self.ours
        sides = (_side(side, canon(kept)), _side(other, "", deleted=True))
        self.clashes.append(_Clash(name, key, "", sides, keep=0))

    def _restore_pointed_at(self) -> None:
        """Keep the records deleted on one side that the merged plan still points at."""
        changed = True
        while changed:
            changed = False
            for ref in REFERENCES:
                if ref.history or not self.removed.get(ref.target):
                    continue
                present = {self.ids[ref.target][k] for k in self.out.get(ref.target, {})}
                gone = {self.ids[ref.target][k]: k for k in self.removed[ref.target]}
                for fields in list(self.out.get(ref.table, {}).values()):
                    value = fields.get(ref.field)
                    for id in value if isinstance(value, list) else [value]:
                        if not isinstance(id, int) or id in present:
                            continue
                        key = gone.get(id)
                        if key is None or key not in self.removed[ref.target]:
                            continue
                        kept, side = self.removed[ref.target].pop(key)
                        self.out[ref.target][key] = kept
                        self._delete_clash(ref.target, key, kept, side)
                        present.add(id)
                        changed = True

    def _detach_moved_actions(self) -> None:
        ids = self.ids.get("actions", {})
        actions = {ids[k]: a for k, a in self.out.get("actions", {}).items()}
        for step in self.out.get("steps", {}).values():
            action = actions.get(step.get("action_id"))  # type: ignore[arg-type]
            if action is not None and action.get("goal_id") != step.get("goal_id"):
                step["action_id"] = None

    # --- conflicts --------------------------------------------------------------

    def _record_conflicts(self) -> set[str]:
        """Write each clash as a conflict record; the keys of the conflicts written."""
        conflicts = self.out.setdefault(CONFLICTS, {})
        written: set[str] = set()
        clashes, self.clashes = self.clashes, []
        for clash in clashes:
            ck = conflict_key(clash.key, clash.field)
            sides, shown = conflict_sides(clash.sides, clash.keep, conflicts.get(ck, {}))
            conflicts[ck] = {
                **Conflict(id=0).to_dict(),
                "table": clash.table,
                "record_id": self.ids[clash.table][clash.key],
                "record_key": clash.key,
                "field": clash.field,
                "sides": sides,
                "shown": shown,
            }
            if clash.field:
                self.out[clash.table][clash.key][clash.field] = json.loads(sides[shown]["value"])
            written.add(ck)
        return written

    def _tidy_conflicts(self, written: set[str]) -> None:
        """Drop conflicts about records that are gone; point the others at their record."""
        conflicts = self.out.get(CONFLICTS, {})
        for ck, fields in list(conflicts.items()):
            table, record_key = fields.get("table"), fields.get("record_key")
            if not isinstance(table, str) or not isinstance(record_key, str):
                del conflicts[ck]
                continue
            record = self.out.get(table, {}).get(record_key)
            if record is None:
                del conflicts[ck]
                continue
            fields = conflicts[ck] = {**fields, "record_id": self.ids[table][record_key]}
            sides = fields.get("sides")
            if ck in written or not isinstance(sides, list):
                continue
            field = fields.get("field")
            holds = canon(record) if field == "" else canon(record.get(str(field)))
            for i, side in enumerate(sides):
                if (
                    isinstance(side, dict)
                    and side.get("value") == holds
                    and not side.get("deleted")
                ):
                    fields["shown"] = i
                    break

    def _conflict_ids(self) -> None:
        ids = self.ids.setdefault(CONFLICTS, {})
        ceiling = max([self.ceiling.get(CONFLICTS, 0), *ids.values()])
        for ck in sorted(self.out.get(CONFLICTS, {})):
            if ck not in ids:
                ceiling += 1
                ids[ck] = ceiling

    # --- the whole --------------------------------------------------------------

    def result(self) -> MergeResult:
        for name in self.names:
            self._merge_table(name)
        # The values in conflict first: the one shown may point at a record deleted on a side.
        written = self._record_conflicts()
        self._restore_pointed_at()
        written |= self._record_conflicts()
        self._detach_moved_actions()
        self._tidy_conflicts(written)
        self._conflict_ids()
        if CONFLICTS in self.out and CONFLICTS not in self.names:
            self.names.append(CONFLICTS)
        merged: dict[str, Records] = {
            name: {key: (self.ids[name][key], fields) for key, fields in self.out[name].items()}
            for name in self.names
        }
        tables = {**as_tables(merged), META: {META_ID: merged_meta(self.ours, self.theirs, merged)}}
        return MergeResult(
            tables,
            conflicts=self._new_conflicts(merged),
            renumbered=self._renumbered(),
            incoming=tuple(describe_keyed(self.base, self.theirs)),
        )

    def _new_conflicts(self, merged: dict[str, Records]) -> tuple[Conflict, ...]:
        found = []
        for ck, (id, fields) in sorted(merged.get(CONFLICTS, {}).items(), key=lambda i: i[1][0]):
            before = [doc.table(CONFLICTS).get(ck) for doc in (self.ours, self.theirs)]
            if all(b is None or canon(b[1]) != canon(fields) for b in before):
                found.append(Conflict.from_dict(id, fields))
        return tuple(found)

    def _renumbered(self) -> tuple[Renumbered, ...]:
        found = []
        for doc in (self.ours, self.theirs):
            for name in self.names:
                for key, (id, fields) in sorted(doc.table(name).items()):
                    new = self.ids.get(name, {}).get(key)
                    if new is not None and new != id and key in self.out.get(name, {}):
                        title = record_title(name, fields)
                        found.append(Renumbered(name, key, title, doc.device, id, new))
        return tuple(sorted(found, key=lambda r: (r.table, r.new_id, r.device, r.old_id)))


def _side(doc: Keyed, value: str, *, deleted: bool = False) -> dict[str, Any]:
    return {"at": doc.saved_at, "deleted": deleted, "device": doc.device, "value": value}
