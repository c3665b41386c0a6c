"""Waiver: a consent given in advance, one-off or standing.

A waiver does not rule on its own; clauses that need a party's consent
(an exclusivity, a right of first refusal, a consent requirement) find it in
force and treat the consent as given, citing it.

Examples:
    >>> from clausekit.clauses.waiver import Waiver
    >>> from clausekit.evidence import OutsideSource
    >>> src = OutsideSource(url="https://example.org/w", title="Waiver", published="2024-06-11",
    ...                     gloss="one-off exception")
    >>> w = Waiver(id="w", title="One-off exception", evidence=[src], granted_by="CloudCo",
    ...            grantee="Acme", counterparties=["OtherCloud"], one_off=True)
    >>> w.summary()
    'CloudCo consents, as a one-off exception, to Acme procure compute (any subject) with OtherCloud.'
"""

from __future__ import annotations

from typing import ClassVar, final

import attrs

from clausekit.actions import Verb, verb_phrase
from clausekit.clauses.base import ClauseBase, Resolved, scope_converter, subjects_text

__all__ = ["Waiver"]


@final
@attrs.frozen(kw_only=True)
class Waiver(ClauseBase, kind="waiver"):
    """``granted_by`` consents in advance to ``grantee`` doing ``verb`` within ``scope``.

    Attributes:
        granted_by: the party whose consent this is.
        grantee: the party allowed to act.
        verb: the kind of action covered.
        scope: the subjects covered; empty = all.
        counterparties: the counterparties covered; empty = any.
        waives: ids of the clauses whose consent it gives; empty = every clause
            that needs ``granted_by``'s consent.
        one_off: True for an exception granted once, False for a standing approval.
    """

    party_fields: ClassVar[tuple[str, ...]] = ("granted_by", "grantee", "counterparties")

    granted_by: str
    grantee: str
    verb: str = Verb.PROCURE_COMPUTE.value
    scope: frozenset[str] = attrs.field(factory=frozenset, converter=scope_converter)
    counterparties: frozenset[str] = attrs.field(factory=frozenset, converter=scope_converter)
    waives: frozenset[str] = attrs.field(factory=frozenset, converter=scope_converter)
    one_off: bool = False

    def references(self) -> frozenset[str]:
        """The clauses whose consent this waiver gives in advance."""
        return self.waives

    def covers(self, party: str, clause_id: str, action: Resolved) -> bool:
        """True when this waiver is ``party``'s consent to ``action`` under clause ``clause_id``."""
        return (
            party == self.granted_by
            and action.actor == self.grantee
            and action.verb == self.verb
            and (not self.scope or action.subject in self.scope)
            and (not self.counterparties or action.counterparty in self.counterparties)
            and (not self.waives or clause_id in self.waives)
        )

    def summary(self) -> str:
        how = "as a one-off exception" if self.one_off else "as a standing approval"
        others = " or ".join(sorted(self.counterparties)) if self.counterparties else "anyone"
        return (
            f"{self.granted_by} consents, {how}, to {self.grantee} {verb_phrase(self.verb)} "
            f"({subjects_text(self.scope)}) with {others}."
        )
