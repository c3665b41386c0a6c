"""Consent requirement: an action needs a party's approval (or is barred outright).

Examples:
    >>> from clausekit.clauses.consent import ConsentRequirement
    >>> from clausekit.evidence import OutsideSource
    >>> src = OutsideSource(url="https://example.org/sha", title="SHA", published="2020-01-01",
    ...                     gloss="transfers need board approval")
    >>> ConsentRequirement(id="c", title="Board approval", evidence=[src], bound="Ann",
    ...                    consent_by="Board", verb="transfer-shares").summary()
    'Ann may transfer shares (any subject) with any counterparty only with the consent of Board.'
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar, final

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

if TYPE_CHECKING:
    from clausekit.check import CheckContext, Diagnostic

__all__ = ["ConsentRequirement"]


@final
@attrs.frozen(kw_only=True)
class ConsentRequirement(ClauseBase, kind="consent-requirement"):
    """``bound`` may ``verb`` (within ``scope``, with ``counterparties``) only with consent.

    With ``consent_by=None`` the action is prohibited outright (a covenant not to).

    Attributes:
        bound: the party whose action needs consent.
        consent_by: whose consent is needed; None (the default) for a flat prohibition.
        verb: the kind of action governed.
        scope: the subjects governed; empty = all.
        counterparties: the counterparties governed; empty = any.
    """

    party_fields: ClassVar[tuple[str, ...]] = ("bound", "consent_by", "counterparties")

    bound: str
    consent_by: str | None = None
    verb: str
    scope: frozenset[str] = attrs.field(factory=frozenset, converter=scope_converter)
    counterparties: frozenset[str] = attrs.field(factory=frozenset, converter=scope_converter)

    def verbs(self) -> frozenset[str]:
        """The one verb this clause rules on."""
        return frozenset((self.verb,))

    def governs(self, action: Resolved) -> bool:
        return (
            action.actor == self.bound
            and action.verb == self.verb
            and covers(self.scope, action.subject)
            and (not self.counterparties or action.counterparty in self.counterparties)
        )

    def rule(self, action: Resolved, ctx: Context) -> Finding | None:
        if not self.governs(action):
            return None
        if self.consent_by is None:
            return Finding(Outcome.PROHIBITED, f"{self.summary()}")
        base = f"{action.text} needs the consent of {self.consent_by}."
        decided = ctx.consent(self.consent_by, self, action)
        if decided is not None:
            return attrs.evolve(decided, reason=f"{base} {decided.reason}")
        return Finding(
            Outcome.CONDITIONAL, base, conditions=(ctx.consent_condition(self.consent_by),)
        )

    def consent_parties(self) -> frozenset[str]:
        """``consent_by``; none for a flat prohibition."""
        return frozenset(() if self.consent_by is None else (self.consent_by,))

    def check(self, ctx: CheckContext) -> Iterator[Diagnostic]:
        """``self-consent``: the bound party may consent to its own action."""
        from clausekit.check import parties

        yield from parties.self_consent(ctx, ctx.life(self), bound=self.bound)

    def summary(self) -> str:
        others = (
            " or ".join(sorted(self.counterparties)) if self.counterparties else "any counterparty"
        )
        what = f"{verb_phrase(self.verb)} ({subjects_text(self.scope)}) with {others}"
        if self.consent_by is None:
            return f"{self.bound} may not {what}."
        return f"{self.bound} may {what} only with the consent of {self.consent_by}."
