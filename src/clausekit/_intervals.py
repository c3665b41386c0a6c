"""Which items (clause lives) are in force on some day of a period, in n·log n, not by trying each.

The checker finds the clauses in force together with one (:mod:`clausekit.check`);
the agreement finds, of the clauses that speak to a question, those in force on a
day (:mod:`clausekit.agreement.compiled`).

An :class:`IntervalIndex` holds lives sorted by their first day in a
segment tree that records, per node, the latest end below it and the one
tag all lives below it share (if they share one). A query visits only the
nodes that can hold an overlapping life with another tag, so finding the
``k`` lives that overlap one takes about ``log n + k`` steps.

Examples:
    >>> from clausekit._intervals import IntervalIndex
    >>> import pendulum
    >>> d = pendulum.Date
    >>> index = IntervalIndex([("a", d(2020, 1, 1), d(2021, 1, 1), "x"),
    ...                        ("b", d(2020, 6, 1), None, "y"),
    ...                        ("c", d(2022, 1, 1), None, "y")])
    >>> sorted(index.overlapping(d(2020, 3, 1), d(2020, 7, 1)))
    ['a', 'b']
    >>> sorted(index.overlapping(d(2020, 3, 1), None, unlike="y"))
    ['a']
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator
from typing import Generic, TypeVar

import pendulum

__all__ = ["IntervalIndex"]

_T = TypeVar("_T")

_NEVER = 10**9  # an ordinal past every calendar day: "no end"
_MIXED = object()  # the tag of a node whose items carry different tags
_EMPTY = object()  # the tag of a node with no items


class IntervalIndex(Generic[_T]):
    """Items with half-open periods ``[start, end)`` (``end`` None: open), and an optional tag.

    Args:
        items: ``(item, start, end, tag)`` tuples; items with ``end <= start`` are left out.
    """

    __slots__ = ("_ends", "_items", "_max_end", "_size", "_starts", "_tag", "_tags")

    def __init__(
        self, items: Iterable[tuple[_T, pendulum.Date, pendulum.Date | None, Hashable]]
    ) -> None:
        rows = []
        for item, start, end, tag in items:
            first = start.toordinal()
            last = _NEVER if end is None else end.toordinal()
            if last > first:
                rows.append((first, last, tag, item))
        rows.sort(key=lambda row: (row[0], row[1]))
        self._starts = [row[0] for row in rows]
        self._ends = [row[1] for row in rows]
        self._tags: list[object] = [row[2] for row in rows]
        self._items: list[_T] = [row[3] for row in rows]
        size = 1
        while size < len(rows):
            size *= 2
        self._size = size
        self._max_end = [-1] * (2 * size)
        self._tag: list[object] = [_EMPTY] * (2 * size)
        for i in range(len(rows)):
            self._max_end[size + i] = self._ends[i]
            self._tag[size + i] = self._tags[i]
        for node in range(size - 1, 0, -1):
            left, right = 2 * node, 2 * node + 1
            self._max_end[node] = max(self._max_end[left], self._max_end[right])
            a, b = self._tag[left], self._tag[right]
            self._tag[node] = a if b is _EMPTY or a == b else b if a is _EMPTY else _MIXED

    def __len__(self) -> int:
        return len(self._items)

    def overlapping(
        self, start: pendulum.Date, end: pendulum.Date | None, *, unlike: Hashable = _EMPTY
    ) -> Iterator[_T]:
        """The items in force on some day of ``[start, end)`` whose tag is not ``unlike``."""
        last = _NEVER if end is None else end.toordinal()
        return self._query(start.toordinal(), last, unlike)

    def at(self, day: pendulum.Date) -> Iterator[_T]:
        """The items in force on ``day`` (the calendar's last day included)."""
        first = day.toordinal()
        return self._query(first, first + 1, _EMPTY)

    def _query(self, first: int, last: int, unlike: Hashable) -> Iterator[_T]:
        count = len(self._items)
        if not count or last <= first:
            return
        stack = [(1, 0, self._size)]
        while stack:
            node, lo, hi = stack.pop()
            if (
                lo >= count
                or self._starts[lo] >= last
                or self._max_end[node] <= first
                or (
                    unlike is not _EMPTY
                    and self._tag[node] is not _MIXED
                    and self._tag[node] == unlike
                )
            ):
                continue
            if hi - lo == 1:
                yield self._items[lo]
                continue
            mid = (lo + hi) // 2
            stack.append((2 * node + 1, mid, hi))
            stack.append((2 * node, lo, mid))
