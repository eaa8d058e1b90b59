"""Saving a form whose record another session changed while the form was open.

The form remembers the record as it was when it opened (the base). At saving,
inside the store's lock, the record as it is now (theirs) is compared with the
base, field by field, over the fields the form shows:

* changed elsewhere, left alone here: their value is saved (nothing is lost,
  nothing is asked);
* changed here, left alone elsewhere: mine is saved;
* changed in both, to the same value: nothing to ask;
* changed in both, differently: a :class:`Conflict`; the person chooses.

Changes to other records never meet here: every save runs on the freshest plan.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from pop_tui.core.model import Plan, Record
from pop_tui.core.value import field_names
from pop_tui.ui.dialogs.fields import FormField, Values, form_value, same_value


class Conflict(Exception):
    """Both this form and another session changed the same fields of one record.

    ``mine`` and ``theirs`` hold the form's values and the saved record's, as
    the form reads them, for the fields in ``clashes``.
    """

    def __init__(
        self, theirs: Record, clashes: tuple[str, ...], mine: Values, their_values: Values
    ) -> None:
        super().__init__(f"{theirs.TABLE} {theirs.id} changed elsewhere: {', '.join(clashes)}")
        self.theirs = theirs
        self.clashes = clashes
        self.mine = mine
        self.their_values = their_values


def merge_values(
    fields: Mapping[str, FormField],
    base: Record | None,
    plan: Plan,
    values: Values,
    initial: Values,
    overridden: Mapping[str, Any],
    today: date,
) -> Values:
    """The values to save: the form's ``values`` merged with changes made elsewhere.

    ``initial`` is what each field read when the form opened; ``overridden`` the
    values saved elsewhere that the person already chose to replace with theirs.

    Raises:
        Conflict: when a field was changed here and elsewhere, differently.
    """
    if base is None:
        return values
    theirs = plan.get(base.TABLE, base.id)
    if theirs is None or theirs == base:
        # Gone (the mutation says so), or nobody else changed it.
        return values
    names = set(field_names(type(base)))
    merged = dict(values)
    clashes: list[str] = []
    their_values: Values = {}
    for name, field in fields.items():
        if name not in names or name not in values:
            continue
        before, now = getattr(base, name), getattr(theirs, name)
        if before == now:
            continue
        theirs_here = form_value(field, now, today)
        if same_value(field, values[name], initial.get(name)):
            merged[name] = theirs_here  # left alone here: theirs stands
            continue
        agreed = same_value(field, values[name], theirs_here)
        chosen = name in overridden and same_value(field, overridden[name], theirs_here)
        if not (agreed or chosen):
            clashes.append(name)
            their_values[name] = theirs_here
    if clashes:
        raise Conflict(theirs, tuple(clashes), values, their_values)
    return merged
