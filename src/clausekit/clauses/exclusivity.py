"""Exclusivity: a bound party may obtain a scoped service only from the beneficiary.

Examples:
    >>> from clausekit.clauses.exclusivity import Exclusivity
    >>> from clausekit.evidence import OutsideSource
    >>> src = OutsideSource(url="https://example.org/deal", title="Deal", published="2020-01-01",
    ...                     gloss="Acme buys compute only from CloudCo")
    >>> clause = Exclusivity(id="excl", title="Exclusive cloud", evidence=[src],
    ...                      bound="Acme", beneficiary="CloudCo", scope=["training"],
    ...                      consent_by="CloudCo")
    >>> clause.summary()
    'Acme may procure compute (training) only with CloudCo, unless CloudCo consents.'
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from typing import TYPE_CHECKING, ClassVar, final

import attrs

from clausekit._shared import frozen
from clausekit.actions import Verb, verb_phrase
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
    from clausekit.clauses import Clause

__all__ = ["Exclusivity"]


def _exclusive(clause: Clause) -> Iterator[tuple[Hashable, Hashable]]:
    """The checker's grouping: exclusivities by (bound, verb), tagged by beneficiary."""
    if isinstance(clause, Exclusivity):
        yield (clause.bound, clause.verb), clause.beneficiary


@final
@attrs.frozen(kw_only=True)
class Exclusivity(ClauseBase, kind="exclusivity"):
    """``bound`` may ``verb`` (for subjects in ``scope``) only with ``beneficiary``.

    With ``consent_by`` set, that party's consent (given in the scenario or
    in advance by a :class:`~clausekit.clauses.waiver.Waiver`) lifts the
    exclusivity for the action; without it, any other counterparty is
    prohibited.

    Attributes:
        bound: the party held to the exclusivity.
        beneficiary: the only permitted counterparty.
        verb: the kind of action governed (``"procure-compute"`` by default).
        scope: the subjects governed (workloads, territories); empty = all.
        consent_by: who may lift it by consent, or None if nobody may.
    """

    party_fields: ClassVar[tuple[str, ...]] = ("bound", "beneficiary", "consent_by")

    bound: str
    beneficiary: str
    verb: str = Verb.PROCURE_COMPUTE.value
    scope: frozenset[str] = attrs.field(factory=frozenset, converter=scope_converter)
    consent_by: str | None = None

    def verbs(self) -> frozenset[str]:
        """The one verb this clause rules on."""
        return frozen((self.verb,))

    def governs(self, action: Resolved) -> bool:
        return (
            action.actor == self.bound
            and action.verb == self.verb
            and action.counterparty is not None
            and covers(self.scope, action.subject)
        )

    def rule(self, action: Resolved, ctx: Context) -> Finding | None:
        if not self.governs(action):
            return None
        what = verb_phrase(self.verb) + (f" ({action.subject})" if action.subject else "")
        if action.counterparty == self.beneficiary:
            return Finding(
                Outcome.PERMITTED,
                f"{self.beneficiary} is the exclusive counterparty of {self.bound} for {what}.",
            )
        other = (
            f"providing it itself is not {self.beneficiary}"
            if action.counterparty == self.bound
            else f"{action.counterparty} is another counterparty"
        )
        base = f"{self.bound} may {what} only with {self.beneficiary}; {other}."
        if self.consent_by is None:
            return Finding(Outcome.PROHIBITED, f"{base} No consent can lift this exclusivity.")
        decided = ctx.consent(self.consent_by, self, action)
        if decided is not None:
            return attrs.evolve(decided, reason=f"{base} {decided.reason}")
        return Finding(
            Outcome.CONDITIONAL,
            f"{base} {self.consent_by}'s consent lifts the exclusivity.",
            conditions=(ctx.consent_condition(self.consent_by),),
        )

    def consent_parties(self) -> frozenset[str]:
        """``consent_by``, when someone may lift the exclusivity."""
        return frozenset(() if self.consent_by is None else (self.consent_by,))

    def ruled_subjects(self) -> frozenset[str] | None:
        """Its scope (None when empty: every subject)."""
        return self.scope or None

    def restricted_parties(self) -> frozenset[str]:
        """The bound party."""
        return frozenset((self.bound,))

    def allowed_counterparty(self) -> str:
        """The beneficiary: dealing with it is what the exclusivity allows."""
        return self.beneficiary

    def check(self, ctx: CheckContext) -> Iterator[Diagnostic]:
        """``self-consent``, and ``contradictory-exclusivity`` with each later exclusivity.

        Two exclusivities contradict each other when they bind one party, for
        one verb and overlapping subjects, to different beneficiaries on the
        same days.
        """
        from clausekit.check import overlaps, parties
        from clausekit.check.diagnostic import Severity

        life = ctx.life(self)
        yield from parties.self_consent(ctx, life, bound=self.bound)
        for two, scope, when in overlaps.clashes(
            ctx,
            life,
            _exclusive,
            (self.bound, self.verb),
            unlike=self.beneficiary,
            subjects=self.scope,
        ):
            other: Exclusivity = two.clause  # type: ignore[assignment]
            routes = [
                f"{c.consent_by} may consent under {c.id!r}" for c in (self, other) if c.consent_by
            ]
            lifted = f" ({'; '.join(routes)})" if routes else " (no consent can lift either)"
            yield ctx.diagnostic(
                Severity.ERROR,
                "contradictory-exclusivity",
                f"Clauses {self.id!r} and {other.id!r} are both in force during {when}"
                f"{ctx.dormant_note(life, two)}: {self.bound} may {verb_phrase(self.verb)} "
                f"({subjects_text(scope)}) only with {self.beneficiary}, and only with "
                f"{other.beneficiary}{lifted}. End one of them when the other starts, or narrow "
                "their scopes so they do not overlap.",
                life,
                two,
                period=when,
            )

    def summary(self) -> str:
        text = (
            f"{self.bound} may {verb_phrase(self.verb)} ({subjects_text(self.scope)}) only with "
            f"{self.beneficiary}"
        )
        if self.consent_by:
            return f"{text}, unless {self.consent_by} consents."
        return f"{text}."
