"""Properties of the merge (pop_tui.core.merge) over random edits on two devices.

Two replicas of one ancestor (a random plan, tests/plan_strategies.py) each get
a random sequence of edits through :class:`~pop_tui.core.edit.Edit` and the
core's own mutations, and are written as the store writes them (every record's
key, a ``_meta`` with the device's name). Then, whichever side merges:

* the same document (commutative, ``_meta`` too);
* merging the result again with either side changes no record (idempotent);
* no edit lost: a field changed on one side only holds that side's value, a
  record added on a side is there, a record deleted on one side and left alone
  on the other is gone (unless the plan still points at it: then a conflict asks);
* a conflict exactly where both sides changed one field to two values, or one
  deleted what the other changed;
* the result loads as a plan whose references all hold.

Records are compared by key, with references turned into keys, so a record
that got a new short number is the same record. ``POP_MERGE_EXAMPLES`` sets how
many plans are tried (default 100: about 5 s on a busy 2-core machine).
"""

from __future__ import annotations

import contextlib
import os
from datetime import date
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from pop_tui.core.checkins import check_in
from pop_tui.core.edit import Edit
from pop_tui.core.keys import conflict_key
from pop_tui.core.merge import merge_documents
from pop_tui.core.merge_fields import SET_FIELDS, canon, defaults
from pop_tui.core.model import (
    PROFILE_ID,
    Action,
    Goal,
    HeldReview,
    Plan,
    Profile,
    ProgressEntry,
    Review,
    Step,
    SwotItem,
)
from pop_tui.core.op_error import OpError
from pop_tui.core.ops import complete_step, hold_review, reopen_step
from pop_tui.core.periods import PeriodError, start_period
from pop_tui.core.record_changes import change_action
from pop_tui.core.references import REFERENCES
from pop_tui.core.removal import delete_goal, delete_step, delete_swot_item
from pop_tui.core.rules import RuleError
from tests.merge_docs import Replica, Tables, document, loads_whole, plan_tables
from tests.plan_strategies import plans

MERGE = settings(
    max_examples=int(os.environ.get("POP_MERGE_EXAMPLES", "100")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Few values, so that two devices often choose the same one (or one the ancestor has).
TITLES = ("Learn Rust", "Run", "Sleep", "Read")
DAYS = (date(2026, 12, 7), date(2026, 12, 8), None)
OPS = (
    "add_goal",
    "goal_field",
    "add_step",
    "done",
    "reopen",
    "step_field",
    "delete_step",
    "delete_goal",
    "check_in",
    "add_swot",
    "link_swot",
    "delete_swot",
    "profile",
    "quality",
    "hold",
    "measure",
    "move_step",
    "add_action",
    "move_action",
    "new_period",
)


# (what, which record, which field, which value): small numbers, so that both devices
# often pick the same record and field.
def _edits(ops: tuple[str, ...]) -> st.SearchStrategy[list[tuple[str, int, int, int]]]:
    edit = st.tuples(st.sampled_from(ops), st.integers(0, 3), st.integers(0, 3), st.integers(0, 5))
    return st.lists(edit, min_size=1, max_size=10)


# Any edits; or only changes of existing records, which meet more often.
CHANGES = (
    "goal_field",
    "step_field",
    "done",
    "reopen",
    "profile",
    "quality",
    "hold",
    "link_swot",
    "move_step",
    "move_action",
)
EDITS = _edits(OPS) | _edits(CHANGES)


def _pick(ids: Any, n: int) -> int | None:
    found = sorted(ids)
    return found[n % len(found)] if found else None


def apply(edit: Edit, op: str, i: int, j: int, k: int) -> None:
    """One random edit, as the app or the shell makes it."""
    plan = edit.plan
    goal, step = _pick(plan.goals, i), _pick(plan.steps, i)
    title, day = TITLES[k % len(TITLES)], DAYS[k % len(DAYS)]
    if op == "add_goal":
        edit.add(Goal, title=title, created=day)
    elif op == "goal_field" and goal is not None:
        field = ("title", "deadline", "status", "metric")[j % 4]
        value = {
            "title": title,
            "deadline": day,
            "status": ("active", "done", "dropped")[k % 3],
            "metric": title.lower(),
        }[field]
        edit.update(plan.goals[goal], **{field: value})
    elif op == "add_step" and goal is not None:
        own = [a for a in sorted(plan.actions) if plan.actions[a].goal_id == goal]
        action = own[j % len(own)] if own and k % 2 else None
        edit.add(Step, goal_id=goal, action_id=action, title=title, due=day)
    elif op == "add_action" and goal is not None:
        edit.add(Action, goal_id=goal, action=title)
    elif op == "move_action":
        action, to = _pick(plan.actions, i), _pick(plan.goals, j)
        if action is not None and to is not None:
            change_action(edit, action, {"goal_id": to})
    elif op == "done" and step is not None:
        complete_step(edit, step, day or date(2026, 12, 9))
    elif op == "reopen" and step is not None:
        reopen_step(edit, step)
    elif op == "step_field" and step is not None:
        edit.update(plan.steps[step], **({"title": title} if j % 2 else {"due": day}))
    elif op == "delete_step" and step is not None:
        delete_step(edit, step)
    elif op == "delete_goal" and goal is not None:
        delete_goal(edit, goal)
    elif op == "check_in":
        open_steps = [s for s in sorted(plan.steps) if plan.steps[s].done_on is None]
        done = open_steps[i % len(open_steps) :][:1] if open_steps and k % 2 else []
        check_in(edit, day or date(2026, 12, 7), note=title, done=done)
    elif op == "add_swot":
        edit.add(SwotItem, quadrant="SWOT"[j % 4], text=title)
    elif op == "link_swot" and goal is not None:
        item = _pick(plan.swot, j)
        if item is not None:
            ids = plan.goals[goal].swot_ids
            linked = tuple(x for x in ids if x != item) if item in ids else (*ids, item)
            edit.update(plan.goals[goal], swot_ids=linked)
    elif op == "delete_swot":
        item = _pick(plan.swot, j)
        if item is not None:
            delete_swot_item(edit, item)
    elif op in ("profile", "quality"):
        profile = plan.profile
        if op == "profile":
            field = ("owner", "dream_job")[j % 2]
            edit.put(profile.replace(**{field: title}))
        else:
            have = profile.dream_job_qualities
            quality = title.lower()
            kept = tuple(q for q in have if q != quality)
            edit.put(
                profile.replace(dream_job_qualities=kept if quality in have else (*have, quality))
            )
    elif op == "hold":
        review = _pick(plan.reviews, i)
        if review is None:
            edit.add(Review, title=title, held=(HeldReview(date(2026, 1, 1 + k)),))
        else:
            hold_review(edit, review, day or date(2026, 12, 9), title)
    elif op == "new_period":
        start_period(edit, f"{title} {k}", date(2026, 12, 7 + j))
    elif op == "move_step" and step is not None:
        to = _pick(plan.goals, j)
        if to is not None:
            edit.update(plan.steps[step], goal_id=to, action_id=None)
    elif op == "measure" and goal is not None:
        edit.add(ProgressEntry, goal_id=goal, on=day, value=float(k))


def replica(base: Tables, name: str, at: str, edits: list[tuple[str, int, int, int]]) -> Replica:
    found = Replica(base, f"dev-{name}", name, at)
    for op, i, j, k in edits:
        # An edit the plan refuses (a step done already): the device goes on with the next.
        with contextlib.suppress(OpError, RuleError, PeriodError):
            found.edit(lambda e, op=op, i=i, j=j, k=k: apply(e, op, i, j, k))
    return found


def ancestor_document(plan: Plan) -> Tables:
    """``plan`` with at least a profile, a goal with steps and a review, as a document."""
    last_ids = {name: max(records) for name, records in plan.tables.items() if records}
    edit = Edit(plan, last_ids)
    if PROFILE_ID not in plan.tables[Profile.TABLE]:
        edit.put(Profile(id=PROFILE_ID, owner="Ann"))
    goal = edit.add(Goal, title="Learn Dutch")
    for title in TITLES[:3]:
        edit.add(Step, goal_id=goal.id, title=title)
    edit.add(Review, title="Half year", start=date(2026, 6, 1), next_on=date(2026, 12, 1))
    return document(plan, device_id="origin", device="origin", last_ids=edit.last_ids)


# --- records by key, references as keys ---------------------------------------------------


def keyed_records(doc: Tables, base: Tables | None = None) -> dict[str, dict[str, dict[str, Any]]]:
    """``{table: {key: fields}}`` with every reference turned into the key it points at."""
    key_of: dict[str, dict[int, str]] = {}
    for name, records in doc.items():
        if name.startswith("_"):
            continue
        own = {int(id): r["key"] for id, r in records.items()}
        fallback = {int(id): r["key"] for id, r in (base or {}).get(name, {}).items()}
        key_of[name] = {**fallback, **own}

    def as_key(target: str, value: Any) -> Any:
        return key_of.get(target, {}).get(value, value) if isinstance(value, int) else value

    found: dict[str, dict[str, dict[str, Any]]] = {}
    for name, records in doc.items():
        if name.startswith("_"):
            continue
        found[name] = {}
        for record in records.values():
            fields = {k: v for k, v in record.items() if k != "key"}
            for ref in REFERENCES:
                if ref.table == name and ref.field in fields:
                    value = fields[ref.field]
                    fields[ref.field] = (
                        [as_key(ref.target, v) for v in value]
                        if isinstance(value, list)
                        else as_key(ref.target, value)
                    )
            found[name][record["key"]] = fields
    return found


def expected_conflicts(b: Any, x: Any, y: Any, merged: Any) -> set[str]:
    """The conflicts the rules call for, by key."""
    found: set[str] = set()
    for name in (x.keys() | y.keys()) - {"conflicts"}:
        bt, xt, yt = b.get(name, {}), x.get(name, {}), y.get(name, {})
        for key in xt.keys() | yt.keys():
            if key in xt and key in yt:
                base = bt.get(key, defaults(name))
                for field in base.keys() | xt[key].keys() | yt[key].keys():
                    if (name, field) in SET_FIELDS:
                        continue
                    bv, xv, yv = (canon(r.get(field)) for r in (base, xt[key], yt[key]))
                    if xv != bv and yv != bv and xv != yv:
                        found.add(conflict_key(key, field))
            elif key in bt:
                kept = xt.get(key) or yt[key]
                if canon(kept) != canon(bt[key]) or key in merged.get(name, {}):
                    found.add(conflict_key(key, ""))
    return found


def check_nothing_lost(base: Tables, x: Tables, y: Tables, merged: Tables) -> None:
    b, kx, ky = keyed_records(base), keyed_records(x, base), keyed_records(y, base)
    m = keyed_records(merged)
    for one, other in ((kx, ky), (ky, kx)):
        for name, records in one.items():
            if name == "conflicts":
                continue
            for key, fields in records.items():
                if key not in b.get(name, {}):
                    assert key in m[name], f"{name} {key} added on one side is gone"
                    if key not in other.get(name, {}):
                        got = dict(m[name][key])
                        if name == "steps" and got["action_id"] is None:
                            got["action_id"] = fields["action_id"]
                        assert canon(got) == canon(fields), f"{name} {key} added, not as made"
                    continue
                if key not in other.get(name, {}):
                    continue  # deleted on the other side: see the conflicts
                assert key in m[name], f"{name} {key} kept on both sides is gone"
                base_fields = b[name][key]
                for field, value in fields.items():
                    theirs = other[name][key].get(field)
                    if canon(value) == canon(base_fields.get(field)):
                        continue
                    got = m[name][key].get(field)
                    if (name, field) in SET_FIELDS:
                        before = {canon(v) for v in base_fields.get(field) or []}
                        now = {canon(v) for v in got or []}
                        mine = {canon(v) for v in value}
                        assert mine - before <= now, f"{name}.{field}: an added item is gone"
                        assert not (before - mine) & now, f"{name}.{field}: a removed item is back"
                    elif (name, field) == ("steps", "action_id") and got is None:
                        # Left an action the other side moved to another goal (see the merge).
                        action = m["actions"].get(value)
                        assert action is None or action["goal_id"] != m[name][key]["goal_id"]
                    elif canon(theirs) == canon(base_fields.get(field)):
                        assert canon(got) == canon(value), f"{name}.{field}: the change is lost"
                    else:
                        assert canon(got) in (canon(value), canon(theirs))
        for name, records in b.items():
            for key, fields in records.items():
                in_one, in_other = key in one.get(name, {}), key in other.get(name, {})
                left_alone = in_other and canon(other[name][key]) == canon(fields)
                if not in_one and left_alone and key in m.get(name, {}):
                    assert conflict_key(key, "") in m["conflicts"], f"{name} {key} back unasked"
                if not in_one and not in_other:
                    assert key not in m.get(name, {}), f"{name} {key} deleted on both is back"
    new = {
        key
        for key in m.get("conflicts", {})
        if key not in kx.get("conflicts", {}) and key not in ky.get("conflicts", {})
    }
    assert new == expected_conflicts(b, kx, ky, m)


@given(
    plans(with_periods=False),
    EDITS,
    EDITS,
    st.sampled_from(("2026-12-07T10:00:00", "2026-12-07T11:00:00")),
)
@MERGE
def test_random_edits_on_two_devices_merge_whichever_side_merges(
    ancestor: Any, edits_a: list[Any], edits_b: list[Any], at_b: str
) -> None:
    base = ancestor_document(ancestor)
    a = replica(base, "alpha", "2026-12-07T10:00:00", edits_a)
    b = replica(base, "beta", at_b, edits_b)
    x, y = a.document(), b.document()
    one, other = merge_documents(base, x, y), merge_documents(base, y, x)
    event(f"conflicts: {sorted(c.field or '(deleted)' for c in one.conflicts)[:3]}")
    event(f"renumbered: {bool(one.renumbered)}")
    assert one.tables == other.tables
    loads_whole(one.tables)
    for side in (x, y):
        again = merge_documents(base, one.tables, side)
        assert plan_tables(again.tables) == plan_tables(one.tables)
        assert again.conflicts == ()
    assert merge_documents(base, x, x).tables == x
    check_nothing_lost(base, x, y, one.tables)


@given(EDITS, EDITS, EDITS)
@settings(MERGE, max_examples=max(10, MERGE.max_examples // 2))
def test_a_third_device_merges_into_a_merge(
    edits_a: list[Any], edits_b: list[Any], edits_c: list[Any]
) -> None:
    # Three devices in turn: the first two merge, the third (still on the ancestor)
    # merges with that; then the first takes the third's result with its own merge as
    # ancestor and gets it as it is.
    base = ancestor_document(Plan())
    a = replica(base, "alpha", "2026-12-07T10:00:00", edits_a)
    b = replica(base, "beta", "2026-12-07T11:00:00", edits_b)
    c = replica(base, "gamma", "2026-12-07T12:00:00", edits_c)
    first = merge_documents(base, a.document(), b.document()).tables
    second = merge_documents(base, c.document(), first).tables
    assert second == merge_documents(base, first, c.document()).tables
    loads_whole(second)
    taken = merge_documents(first, first, second).tables
    assert plan_tables(taken) == plan_tables(second)
    for side in (first, c.document()):
        assert plan_tables(merge_documents(base, second, side).tables) == plan_tables(second)
