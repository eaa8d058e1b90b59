"""The test run collects garbage between tests (tests/gc_between.py)."""

from __future__ import annotations

import gc
import weakref

from tests.gc_between import EVERY, CollectBetween


def test_tests_run_with_the_collected_heap_frozen_and_no_automatic_collection() -> None:
    assert gc.get_threshold()[0] == 0
    assert gc.get_freeze_count() > 10_000


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_the_garbage_of_a_run_of_tests_is_collected_after_it() -> None:
    between = CollectBetween()
    gone = weakref.ref(_Cycle())  # only a collection frees a cycle
    between.tests_done(EVERY - 1)
    assert gone() is not None
    between.tests_done()
    assert gone() is None
