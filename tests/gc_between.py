"""Garbage is collected between tests, not during them (the test run only).

A test process holds a large heap that never goes away: Textual, Hypothesis, pop
and every collected test. Python's collector walks all of it again and again
while a TUI test runs (an app makes and drops many objects a second): measured
with ``gc.callbacks``, a quarter of the test workers' CPU time went there. So
once the tests are collected, what exists is moved out of the collector's sight
(``gc.freeze``), the automatic collection is switched off, and a full collection
runs after every :data:`EVERY` tests (once each test and its fixtures are done
with); what survives it is frozen too, so that each collection looks only at the
last tests' objects. A worker's memory peaked at about 320 MB this way.

pop's own processes (those the tests start) collect as pop always does.
"""

from __future__ import annotations

import gc
from collections.abc import Generator

import pytest

# Tests between two collections.
EVERY = 20


class CollectBetween:
    """The pytest plugin (registered by tests/conftest.py)."""

    def __init__(self) -> None:
        self.since = 0

    def pytest_collection_finish(self) -> None:
        _collect()
        gc.set_threshold(0)  # no automatic collection

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_protocol(self) -> Generator[None, object, object]:
        try:
            return (yield)
        finally:  # the test and its own fixtures are done with
            self.tests_done()

    def pytest_sessionfinish(self) -> None:
        # pytest's own collections at the very end (five, to find exceptions raised
        # in __del__; they are still reported) then find nothing left to look at.
        _collect()

    def tests_done(self, count: int = 1) -> None:
        self.since += count
        if self.since >= EVERY:
            self.since = 0
            _collect()


def _collect() -> None:
    gc.collect()
    # What is still there lives on (the collected tests, module fixtures, caches): out
    # of sight, so that the next collection looks only at what came after it.
    gc.freeze()
