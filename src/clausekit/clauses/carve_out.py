"""Carve-outs: named exceptions to a clause, kept with their identity and evidence.

A clause does not govern an action that one of its carve-outs covers, and the
answer names the carve-out and its source, the way Catala keeps the identity
of an exception. A carve-out excepts actions from a clause's *restrictions*:
a clause's permission or grant is never carved away, so adding a carve-out
never turns a ``PERMITTED`` answer into anything else.

A carve-out covers an action when everything it names matches: the action
carries every one of its ``qualifiers``; the action's counterparty is one of
its ``counterparties``; the action's subject lies within one of its
``subjects``. Naming only counterparties says "every counterparty except
these".

Examples:
    >>> from clausekit.clauses.carve_out import CarveOut
    >>> from clausekit.evidence import OutsideSource
    >>> src = OutsideSource(url="https://example.org/x", title="Deal", published="2025-10-28",
    ...                     gloss="open-weight models are outside the exclusivity")
    >>> c = CarveOut(id="open-weight", title="Open-weight models", qualifiers=["open-weight"],
    ...              evidence=[src])
    >>> c.covers(qualifiers=frozenset({"open-weight"}), counterparty="X", subject="api")
    True
    >>> c.covers(qualifiers=frozenset(), counterparty="X", subject="api")
    False
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs

from clausekit._shared import frozen
from clausekit.clauses.scope import covers, scope_converter, subjects_text
from clausekit.errors import AgreementError, ClauseKitError
from clausekit.evidence import Evidence, require_evidence
from clausekit.evidence.citations import evidence_tuple

__all__ = ["CarveOut"]


def _names(value: Iterable[str] | str) -> frozenset[str]:
    if isinstance(value, str):
        raise AgreementError(
            f"counterparties={value!r} is a single string; pass a list such as [{value!r}]."
        )
    return frozen(value)


def _evidence(value: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return evidence_tuple(value)  # one tuple for the same evidence, shared


@attrs.frozen(kw_only=True)
class CarveOut:
    """A named exception to a clause.

    Attributes:
        id: unique within its clause.
        title: a short human title ("US national-security customers").
        qualifiers: the action must carry every one of these (``"open-weight"``).
        counterparties: the action's counterparty must be one of these
            ("every counterparty except these").
        subjects: the action's subject must lie within one of these.
        evidence: at least one source.
        note: anything a reader should know.
    """

    id: str
    title: str
    qualifiers: frozenset[str] = attrs.field(factory=frozenset, converter=scope_converter)
    counterparties: frozenset[str] = attrs.field(factory=frozenset, converter=_names)
    subjects: frozenset[str] = attrs.field(factory=frozenset, converter=scope_converter)
    evidence: tuple[Evidence, ...] = attrs.field(converter=_evidence)
    note: str = ""

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.id, str) or self.id.split(None, 1) != [self.id]:
            raise AgreementError(
                f"CarveOut.id={self.id!r} must be a non-empty id without spaces, e.g. 'open-weight'."
            )
        if not (self.qualifiers or self.counterparties or self.subjects):
            raise AgreementError(
                f"CarveOut {self.id!r} names no qualifier, counterparty or subject, so it would "
                "except every action and the clause would never apply. Name what it excepts, or "
                "end the clause instead."
            )
        require_evidence(f"CarveOut {self.id!r}", self.evidence)

    def covers(self, *, qualifiers: frozenset[str], counterparty: str | None, subject: str) -> bool:
        """True when the action these describe falls under this carve-out."""
        if self.qualifiers and not self.qualifiers <= qualifiers:
            return False
        if self.counterparties and counterparty not in self.counterparties:
            return False
        return not self.subjects or any(covers(frozenset((s,)), subject) for s in self.subjects)

    def with_canonical_parties(self, canonical: Callable[[str], str]) -> CarveOut:
        """The same carve-out with the agreement's names for its counterparties.

        A counterparty the agreement does not list stays as written: "every
        supplier except these" may name outsiders.
        """
        if not self.counterparties:
            return self

        def lenient(name: str) -> str:
            try:
                return canonical(name)
            except ClauseKitError:
                return name

        named = frozenset(lenient(n) for n in self.counterparties)
        return self if named == self.counterparties else attrs.evolve(self, counterparties=named)

    def describe(self) -> str:
        """What it excepts, in words."""
        parts = []
        if self.qualifiers:
            parts.append("actions that are " + subjects_text(self.qualifiers))
        if self.counterparties:
            parts.append("with " + subjects_text(self.counterparties))
        if self.subjects:
            parts.append("for " + subjects_text(self.subjects))
        return f"{self.title} ({'; '.join(parts)})"
