"""Where files find kinds: the registries of clause and fact kinds, read at call time.

Every look-up goes through here, so a kind registered after ``clausekit.io``
was imported is read, written and described like a bundled one. A *family*
is clauses or facts: a base class (the type of a field holding any member)
and its registry.

Examples:
    >>> CLAUSES.get("exclusivity").__name__
    'Exclusivity'
    >>> CLAUSES.get("exclusivty") is None
    True
    >>> "consent-given" in FACTS.kinds()
    True
    >>> kind_of(CLAUSES.get("waiver"))
    ('clause', 'waiver')
"""

from __future__ import annotations

from typing import Any

import attrs

from clausekit.clauses.base import ClauseBase
from clausekit.registry import CLAUSE_KINDS, FACT_KINDS, Registry
from clausekit.scenario import Fact

__all__ = ["CLAUSES", "FACTS", "Family", "family_holding", "kind_of"]


@attrs.frozen
class Family:
    """Clauses or facts: the base class of its kinds and the registry they join."""

    name: str
    base: type
    registry: Registry[type[Any]]

    def kinds(self) -> tuple[str, ...]:
        """Every registered kind, sorted."""
        return self.registry.kinds()

    def get(self, kind: object) -> type[Any] | None:
        """The class registered for ``kind``, or None."""
        cls: type[Any] | None = self.registry.get(kind)
        return cls


CLAUSES = Family("clause", ClauseBase, CLAUSE_KINDS)
FACTS = Family("fact", Fact, FACT_KINDS)
_FAMILIES = (CLAUSES, FACTS)


def family_holding(tp: object) -> Family | None:
    """The family whose members a field of type ``tp`` holds (``ClauseBase``, ``Fact``), or None."""
    return next((family for family in _FAMILIES if tp is family.base), None)


def kind_of(cls: object) -> tuple[str, str] | None:
    """``(family, kind)`` of a clause or fact class, or None for any other class."""
    if isinstance(cls, type):
        for family in _FAMILIES:
            if issubclass(cls, family.base) and cls is not family.base:
                kind = getattr(cls, "kind", None)
                return (family.name, kind) if isinstance(kind, str) and kind else None
    return None
