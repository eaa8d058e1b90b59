"""Garbage is collected between tests, not during them (the test run only).

A test process holds a large heap that never goes away: Textual, Hypothesis, pop
and every collected test. Python's collector walks all of it again and again
while a TUI test runs (an app makes and drops many objects a second): measured
with ``gc.callbacks``, a quarter of the test workers' CPU time went there. So
once the tests are collected, what exists is moved out of the collector's sight
(``gc.freeze``), the automatic collection is switched off, and a full collection
runs after every :data:`EVERY` tests, when it has only those tests' garbage to
look at. A worker's memory peaked at about 320 MB this way.

pop's own processes (those the tests start) collect as pop always does.
"""

from __future__ import annotations

import gc

# Tests between two collections.
EVERY = 20


class CollectBetween:
    """The pytest plugin (registered by tests/conftest.py)."""

    def __init__(self) -> None:
        self.since = 0

    def pytest_collection_finish(self) -> None:
        gc.collect()
        gc.freeze()
        gc.set_threshold(0)  # no automatic collection

    def pytest_runtest_teardown(self) -> None:
        self.since += 1
        if self.since >= EVERY:
            self.since = 0
            gc.collect()
