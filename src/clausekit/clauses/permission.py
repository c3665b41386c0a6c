"""Permission: an express right to act, so the answer cites the term that allows it.

Where no clause restricts an action, clausekit answers ``PERMITTED`` by
default, and the answer cites nothing. When a contract *says* a party may do
something (an amendment that removes a restriction and states the new
freedom), a permission records that term, so the answer names it and its
source. A permission grants: it lifts the prohibition an action has by
default (using what belongs to someone else), but it never outweighs a
restriction in force: a prohibition beats it, and a condition still holds.

Examples:
    >>> from clausekit.clauses.permission import Permission
    >>> from clausekit.evidence import OutsideSource
    >>> src = OutsideSource(url="https://example.org/p", title="Deal", published="2025-01-01",
    ...                     gloss="Acme may buy training compute anywhere")
    >>> Permission(id="p", title="Any cloud", evidence=[src], grantee="Acme",
    ...            granted_by="CloudCo", verb="procure-compute", scope=["training"]).summary()
    'Acme may procure compute (training) with any counterparty, as CloudCo agreed.'
"""

from __future__ import annotations

from typing import ClassVar, final

import attrs

from clausekit.actions import verb_phrase
from clausekit.clauses.base import (
    ClauseBase,
    Context,
    Resolved,
    covers,
    scope_converter,
    subjects_text,
)
from clausekit.verdict import Finding, Outcome

__all__ = ["Permission"]


@final
@attrs.frozen(kw_only=True)
class Permission(ClauseBase, kind="permission"):
    """``grantee`` may ``verb`` (within ``scope``, with ``counterparties``): an express permission.

    Attributes:
        grantee: the party allowed to act.
        verb: the kind of action allowed.
        granted_by: the party that gave the permission (None when the
            contract states it as a term of both).
        scope: the subjects allowed; empty = all.
        counterparties: the counterparties allowed; empty = any.
    """

    party_fields: ClassVar[tuple[str, ...]] = ("grantee", "granted_by", "counterparties")

    grantee: str
    verb: str
    granted_by: str | None = None
    scope: frozenset[str] = attrs.field(factory=frozenset, converter=scope_converter)
    counterparties: frozenset[str] = attrs.field(factory=frozenset, converter=scope_converter)

    def verbs(self) -> frozenset[str]:
        """The one verb this clause rules on."""
        return frozenset((self.verb,))

    def ruled_subjects(self) -> frozenset[str] | None:
        """Its scope (None when empty: every subject)."""
        return self.scope or None

    def restricted_parties(self) -> frozenset[str]:
        """None: a permission only ever permits."""
        return frozenset()

    def governs(self, action: Resolved) -> bool:
        return (
            action.actor == self.grantee
            and action.verb == self.verb
            and covers(self.scope, action.subject)
            and (not self.counterparties or action.counterparty in self.counterparties)
        )

    def rule(self, action: Resolved, ctx: Context) -> Finding | None:
        if not self.governs(action):
            return None
        return Finding(Outcome.PERMITTED, self.summary(), grants=True)

    def summary(self) -> str:
        others = (
            " or ".join(sorted(self.counterparties)) if self.counterparties else "any counterparty"
        )
        text = f"{self.grantee} may {verb_phrase(self.verb)} ({subjects_text(self.scope)}) with {others}"
        if self.granted_by:
            text += f", as {self.granted_by} agreed"
        return text + "."
