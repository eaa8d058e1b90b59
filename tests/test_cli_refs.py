"""References to records, as typed in a shell: a number or the start of a title."""

from __future__ import annotations

import pytest

from pop_tui.core.refs import Pool, RefError, resolve_ref
from pop_tui.core.texts import set_language

STEPS = Pool(
    "step",
    {
        2: "Sign up for the course",
        9: "Sign up for the training",
        5: "Block reading time",
        7: "Sign up",
        12: "2026 budget request",
        20: "Done long ago",
    },
    preferred=frozenset({2, 9, 5, 7, 12}),
)


def test_a_number_names_the_record_with_that_id() -> None:
    assert resolve_ref("5", STEPS) == 5
    assert resolve_ref("#9", STEPS) == 9
    assert resolve_ref(" 20 ", STEPS) == 20  # done steps can be named by number


def test_a_unique_title_start_names_the_record_whatever_the_case_and_spaces() -> None:
    assert resolve_ref("block", STEPS) == 5
    assert resolve_ref("SIGN  up for the T", STEPS) == 9


def test_a_whole_title_wins_over_titles_that_start_with_it() -> None:
    assert resolve_ref("sign up", STEPS) == 7


def test_an_ambiguous_start_is_refused_with_the_matches_listed() -> None:
    with pytest.raises(RefError) as caught:
        resolve_ref("sign up for", STEPS)
    assert caught.value.matches == ((2, "Sign up for the course"), (9, "Sign up for the training"))
    message = str(caught.value)
    assert message.splitlines()[0] == (
        '"sign up for" fits 2 steps; use the number or more of the title:'
    )
    assert "  #2  Sign up for the course" in message
    assert "  #9  Sign up for the training" in message


def test_an_unknown_number_or_title_is_refused() -> None:
    with pytest.raises(RefError, match="there is no step number 99"):
        resolve_ref("99", STEPS)
    with pytest.raises(RefError, match='no step title starts with "xyz"'):
        resolve_ref("xyz", STEPS)
    with pytest.raises(RefError, match="name a step"):
        resolve_ref("  ", STEPS)


def test_a_number_that_is_no_id_may_still_start_a_title() -> None:
    assert resolve_ref("2026", STEPS) == 12


def test_titles_of_preferred_records_are_tried_first() -> None:
    pool = Pool("step", {1: "Read book one", 2: "Read book two"}, preferred=frozenset({2}))
    assert resolve_ref("read", pool) == 2
    # Without a preferred match, every record is a candidate.
    assert resolve_ref("read book o", pool) == 1


def test_the_refusal_shows_control_characters_harmlessly() -> None:
    with pytest.raises(RefError) as caught:
        resolve_ref("x\x1b[31m", STEPS)
    assert "\x1b" not in str(caught.value)


def test_a_long_list_of_matches_is_cut_short() -> None:
    pool = Pool("goal", {i: f"Goal {i}" for i in range(1, 21)})
    with pytest.raises(RefError) as caught:
        resolve_ref("goal", pool)
    assert len(caught.value.matches) == 20
    assert str(caught.value).splitlines()[-1] == "  … and 12 more"


def test_refusals_are_translated() -> None:
    set_language("nl")
    with pytest.raises(RefError, match='geen titel van een stap begint met "xyz"'):
        resolve_ref("xyz", STEPS)
