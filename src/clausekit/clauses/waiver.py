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

from collections.abc import Hashable, Iterator
from typing import TYPE_CHECKING, ClassVar, final

import attrs

from clausekit.actions import Verb, verb_phrase
from clausekit.clauses.base import (
    ClauseBase,
    Context,
    Resolved,
    covers,
    scope_converter,
    subjects_text,
)

if TYPE_CHECKING:
    from clausekit.check import CheckContext, Diagnostic
    from clausekit.clauses import Clause

__all__ = ["Waiver"]


def _asks_consent(clause: Clause) -> Iterator[tuple[Hashable, Hashable]]:
    """The checker's grouping: clauses by (party whose consent lifts them, another party
    named, a verb they rule on or None for any)."""
    named = set(clause.parties().values())
    verbs = clause.verbs()
    for party in clause.consent_parties():
        for other in named:
            for verb in (None,) if verbs is None else verbs:
                yield (party, other, verb), None


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
            and covers(self.scope, action.subject)
            and (not self.counterparties or action.counterparty in self.counterparties)
            and (not self.waives or clause_id in self.waives)
        )

    def check(self, ctx: CheckContext) -> Iterator[Diagnostic]:
        """``same-party-both-sides``, and ``waiver-waives-nothing``.

        A waiver waives something when some clause in force on one of its
        days, asked about an action the waiver covers, rules it permitted
        because of this waiver. The clauses asked are those needing
        ``granted_by``'s consent (see ``consent_parties()``) that name the
        grantee and may rule on ``verb`` and a subject of the waiver; the actions, the grantee doing ``verb`` on the subjects both
        speak of with each counterparty the waiver names (or, when it names
        none, each party of that clause and an outsider).
        """
        from clausekit.check import overlaps, parties
        from clausekit.check.diagnostic import Severity
        from clausekit.check.lives import together
        from clausekit.scenario import Scenario

        life = ctx.life(self)
        yield from parties.both_sides(ctx, life, "granted_by", "grantee")
        if life.period is None:
            return
        asking = ((self.granted_by, self.grantee, verb) for verb in (self.verb, None))
        for other in ctx.alongside(life, _asks_consent, *asking, sharing=self.scope, ordered=False):
            shared = overlaps.shared_subjects(self.scope, other.clause.subjects())
            when = together((life, other))
            if shared is None or when is None:
                continue
            rule_ctx = Context(on=when.start, scenario=Scenario(), in_force=(self,))
            others = self.counterparties or {"", *other.clause.parties().values()}
            for counterparty in sorted(others):
                for subject in sorted(shared) or [""]:
                    action = Resolved(self.grantee, self.verb, counterparty, subject, "")
                    finding = other.clause.rule(action, rule_ctx)
                    if finding is not None and self in finding.relies_on:
                        return
        named = (
            f"the clauses it names ({', '.join(sorted(self.waives))})"
            if self.waives
            else f"any clause needing {self.granted_by}'s consent"
        )
        yield ctx.diagnostic(
            Severity.WARNING,
            "waiver-waives-nothing",
            f"Waiver {self.id!r} ({self.granted_by} consents to {self.grantee} "
            f"{verb_phrase(self.verb)}, {subjects_text(self.scope)}) waives nothing: "
            f"while it is in force ({life.period}) none of {named} for that action is. "
            "Check its parties, verb and scope, or the dates of the clause it waives.",
            life,
            period=life.period,
        )

    def summary(self) -> str:
        how = "as a one-off exception" if self.one_off else "as a standing approval"
        others = " or ".join(sorted(self.counterparties)) if self.counterparties else "anyone"
        return (
            f"{self.granted_by} consents, {how}, to {self.grantee} {verb_phrase(self.verb)} "
            f"({subjects_text(self.scope)}) with {others}."
        )
