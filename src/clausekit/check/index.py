"""The interval index that keeps the checker n·log n: :class:`clausekit._intervals.IntervalIndex`.

Examples:
    >>> from clausekit.check.index import IntervalIndex
    >>> import pendulum
    >>> index = IntervalIndex([("a", pendulum.Date(2020, 1, 1), None, "x")])
    >>> list(index.overlapping(pendulum.Date(2021, 1, 1), None))
    ['a']
"""

from __future__ import annotations

from clausekit._intervals import IntervalIndex

__all__ = ["IntervalIndex"]
