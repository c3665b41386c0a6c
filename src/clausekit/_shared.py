"""One object for equal immutable values: sets of names, and other values, shared across agreements.

A portfolio holds many agreements whose clauses name the same scopes, verbs
and subjects (``{"training", "research"}``). Each would otherwise keep its own
``frozenset`` of them, 216 bytes or more apiece; :func:`frozen` returns the
first equal set seen instead, so 100,000 agreements keep a handful.

Sets are shared by the exact type of their members too: a set of ``StrEnum``
members is equal to the set of their values, and handing one out for the other
would change the type of what a clause holds; a set of members of several
types is not shared. The table is bounded (:data:`MAX_SHARED`); past
that, sets are kept as made, so memory never grows without limit. Sharing
changes no answer: the sets are immutable and equal.

Examples:
    >>> a = frozen(["training", "research"])
    >>> b = frozen(("research", "training"))
    >>> a is b, a == {"training", "research"}
    (True, True)
    >>> import enum
    >>> class Kind(enum.StrEnum):
    ...     TRAINING = "training"
    >>> members = frozen([Kind.TRAINING])
    >>> members == frozen(["training"]), type(next(iter(members))).__name__
    (True, 'Kind')
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

__all__ = ["MAX_SHARED", "SharedTable", "frozen"]

T = TypeVar("T")
V = TypeVar("V")

MAX_SHARED = 1 << 16
"""The most distinct sets kept for sharing."""

_EMPTY: frozenset[object] = frozenset()
_SETS: dict[tuple[type, frozenset[object]], frozenset[object]] = {}


def frozen(values: Iterable[T]) -> frozenset[T]:
    """``frozenset(values)``, the same object as an equal set seen before (same member type)."""
    made = values if type(values) is frozenset else frozenset(values)
    if not made:
        return _EMPTY  # type: ignore[return-value]
    kind = type(next(iter(made)))
    key = (kind, made)
    seen = _SETS.get(key)
    if seen is not None:
        return seen  # type: ignore[return-value]
    if len(_SETS) < MAX_SHARED and all(type(v) is kind for v in made):
        _SETS[key] = made
    return made


class SharedTable(Generic[V]):
    """Read-only values kept under a key, so equal ones made later are the first one made.

    Bounded: when ``size`` values are kept the table starts afresh (sharing is
    lost for what it held, nothing else). Sharing changes no answer: the values
    are immutable and equal.

    Examples:
        >>> table: SharedTable[tuple[int, ...]] = SharedTable(2)
        >>> a = table.keep((1, 2), (1, 2))
        >>> table.keep((1, 2), tuple([1, 2])) is a
        True
    """

    __slots__ = ("_size", "_values")

    def __init__(self, size: int) -> None:
        self._size = size
        self._values: dict[Hashable, V] = {}

    def keep(self, key: Hashable, value: V) -> V:
        """The value kept under ``key``, else ``value``, now kept under it."""
        seen = self._values.get(key)
        if seen is not None:
            return seen
        if len(self._values) >= self._size:
            self._values.clear()
        self._values[key] = value
        return value
