"""The error of a mutation that makes no sense for the plan as it is.

It stands alone so that the rules (which every Edit checks) can refuse with it
without importing the mutations that use Edit.
"""

from __future__ import annotations


class OpError(ValueError):
    """A mutation that makes no sense for the plan as it is (e.g. the record is gone)."""
