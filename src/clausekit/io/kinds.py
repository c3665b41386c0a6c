"""Where contract files find clause kinds: the registry, read at call time.

Every look-up goes through these few functions, so a kind registered after
``clausekit.io`` was imported is read, written and described like a built-in
one.

Examples:
    >>> clause_class("exclusivity").__name__
    'Exclusivity'
    >>> clause_class("exclusivty") is None
    True
    >>> "waiver" in clause_kinds()
    True
"""

from __future__ import annotations

from typing import Any

from clausekit.clauses.base import ClauseBase
from clausekit.registry import CLAUSE_KINDS

__all__ = ["clause_class", "clause_kind_of", "clause_kinds", "is_clause_type"]


def clause_kinds() -> tuple[str, ...]:
    """Every registered clause kind, sorted."""
    return CLAUSE_KINDS.kinds()


def clause_class(kind: object) -> type[Any] | None:
    """The clause class registered for ``kind``, or None."""
    cls: type[Any] | None = CLAUSE_KINDS.get(kind)
    return cls


def clause_kind_of(cls: object) -> str | None:
    """The kind tag of a clause class, or None for any other class."""
    if isinstance(cls, type) and issubclass(cls, ClauseBase):
        kind = getattr(cls, "kind", None)
        return kind if isinstance(kind, str) and kind else None
    return None


def is_clause_type(tp: object) -> bool:
    """True for the type of a field that holds any clause (``ClauseBase``, also named ``Clause``)."""
    return tp is ClauseBase
