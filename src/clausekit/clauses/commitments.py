"""Purchase commitments: a spend commitment, and a compute purchase deal.

Both record money committed to a counterparty over a term. They do not
restrict anything; they speak (``PERMITTED``) when their buyer procures from
their provider, so the explanation shows the commitment behind the purchase.

Examples:
    >>> from clausekit.clauses.commitments import ComputeDeal
    >>> from clausekit.evidence import OutsideSource
    >>> from clausekit.money import Money
    >>> src = OutsideSource(url="https://example.org/cd", title="Deal", published="2025-11-03",
    ...                     gloss="Acme buys compute from CloudCo")
    >>> ComputeDeal(id="cd", title="Compute deal", evidence=[src], buyer="Acme",
    ...             provider="CloudCo", amount=Money("38000000000", "USD"),
    ...             hardware="GPUs", capacity_by="2026-12-31").summary()
    'Acme buys compute from CloudCo (USD 38,000,000,000) on GPUs, all capacity by 2026-12-31.'
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar, final

import attrs
import pendulum

from clausekit.actions import Verb
from clausekit.clauses.base import (
    ClauseBase,
    Context,
    Resolved,
    covers,
    scope_converter,
    subjects_text,
)
from clausekit.money import Money, format_money, to_money
from clausekit.time import to_day
from clausekit.verdict import Finding, Outcome

if TYPE_CHECKING:
    from clausekit.check import CheckContext, Diagnostic

__all__ = ["ComputeDeal", "SpendCommitment"]

_PROCURE_COMPUTE = frozenset((Verb.PROCURE_COMPUTE.value,))


def _optional_day(value: object) -> pendulum.Date | None:
    return None if value is None else to_day(value, field="capacity_by")


def _optional_amount(value: object) -> Money | None:
    return None if value is None else to_money(value, field="amount")


def _amount_text(amount: Money | None, undisclosed: str) -> str:
    return format_money(amount) if amount is not None else undisclosed


@attrs.frozen(kw_only=True)
class _Purchase(ClauseBase):
    """Shared ruling of the clauses that record a purchase commitment."""

    def _purchase(self) -> tuple[str, str, frozenset[str]]:
        """Who buys, from whom, and for which subjects (empty = any)."""
        raise NotImplementedError

    def _describe(self) -> str:
        raise NotImplementedError

    def verbs(self) -> frozenset[str]:
        """A purchase commitment speaks on procuring compute."""
        return _PROCURE_COMPUTE

    def ruled_subjects(self) -> frozenset[str] | None:
        """Its scope (None when empty: every subject)."""
        return self._purchase()[2] or None

    def restricted_parties(self) -> frozenset[str]:
        """None: a purchase commitment only ever permits."""
        return frozenset()

    def rule(self, action: Resolved, ctx: Context) -> Finding | None:
        buyer, provider, scope = self._purchase()
        if not (
            action.verb == Verb.PROCURE_COMPUTE.value
            and action.actor == buyer
            and action.counterparty == provider
            and covers(scope, action.subject)
        ):
            return None
        return Finding(Outcome.PERMITTED, self._describe())

    def check(self, ctx: CheckContext) -> Iterator[Diagnostic]:
        """``purchase-under-exclusivity`` and ``purchase-under-first-refusal``.

        Every clause in force alongside that may rule on the purchase is asked
        about it (with the waivers in force, and no facts). A prohibition is an
        error (a warning when this clause has no scope, and so claims every
        subject); a consent still needed is a warning (the purchase implies
        it); any other condition (a right of first refusal) is information.
        """
        from clausekit.check import overlaps
        from clausekit.check.diagnostic import Severity
        from clausekit.clauses.base import Context

        buyer, provider, scope = self._purchase()
        life = ctx.life(self)
        bought = f"{self.id!r} records {buyer} buying compute from {provider}"
        for other, shared, when, finding in overlaps.rulings(
            ctx,
            life,
            actor=buyer,
            verb=Verb.PROCURE_COMPUTE.value,
            counterparty=provider,
            subjects=scope,
        ):
            consents = sorted(other.clause.consent_parties())
            consent_only = finding.effect is Outcome.CONDITIONAL and all(
                condition in {Context.consent_condition(p) for p in consents}
                for condition in finding.conditions
            )
            if finding.effect is Outcome.CONDITIONAL and not consent_only:
                terms = " and ".join(f"'{c.text}'" for c in finding.conditions)
                yield ctx.diagnostic(
                    Severity.INFO,
                    "purchase-under-first-refusal",
                    f"{bought} ({subjects_text(shared)}) while clause {other.id!r} is in force "
                    f"(during {when}): {finding.reason} Questions about these purchases stay "
                    f"conditional on {terms} unless the scenario says so.",
                    life,
                    other,
                    period=when,
                )
                continue
            if consent_only:
                severity = Severity.WARNING
                fix = (
                    f"The purchase implies {' and '.join(consents)} consented: record that "
                    "consent as a Waiver, or questions about it stay conditional."
                )
            elif not scope:
                severity = Severity.WARNING
                fix = (
                    f"{self.id!r} has no scope, so it claims every subject, including "
                    f"{subjects_text(shared)}; give it the scope the purchase really covers."
                )
            else:
                severity = Severity.ERROR
                fix = (
                    f"The agreement records a purchase it forbids outright ({subjects_text(shared)})."
                    " End the restriction first, add the waiver that allowed the purchase, or "
                    "narrow the scopes."
                )
            yield ctx.diagnostic(
                severity,
                "purchase-under-exclusivity",
                f"{bought} ({subjects_text(scope)}), but during {when} clause {other.id!r} says: "
                f"{finding.reason} {fix}",
                life,
                other,
                period=when,
            )


@final
@attrs.frozen(kw_only=True)
class SpendCommitment(_Purchase, kind="spend-commitment"):
    """``committer`` commits to spend ``amount`` with ``recipient`` (None = undisclosed).

    Attributes:
        committer: who commits to spend.
        recipient: with whom.
        amount: how much, or None when undisclosed.
        scope: what the spend covers; empty = anything.
    """

    party_fields: ClassVar[tuple[str, ...]] = ("committer", "recipient")

    committer: str
    recipient: str
    amount: Money | None = attrs.field(default=None, converter=_optional_amount)
    scope: frozenset[str] = attrs.field(factory=frozenset, converter=scope_converter)

    def _purchase(self) -> tuple[str, str, frozenset[str]]:
        return self.committer, self.recipient, self.scope

    def _describe(self) -> str:
        amount = _amount_text(self.amount, "an undisclosed amount")
        return (
            f"{self.committer} has committed to spend {amount} with {self.recipient}; "
            "this purchase counts towards it."
        )

    def summary(self) -> str:
        amount = _amount_text(self.amount, "an undisclosed amount")
        return (
            f"{self.committer} commits to spend {amount} with {self.recipient} "
            f"({subjects_text(self.scope)})."
        )


@final
@attrs.frozen(kw_only=True)
class ComputeDeal(_Purchase, kind="compute-deal"):
    """``buyer`` buys compute worth ``amount`` from ``provider`` over the clause's term.

    Attributes:
        buyer: who buys.
        provider: who provides the compute.
        amount: the deal's value, or None when undisclosed.
        scope: the workloads covered; empty = any.
        capacity_by: the day by which all capacity is to be delivered.
        hardware: what the compute runs on, in words.
    """

    party_fields: ClassVar[tuple[str, ...]] = ("buyer", "provider")

    buyer: str
    provider: str
    amount: Money | None = attrs.field(default=None, converter=_optional_amount)
    scope: frozenset[str] = attrs.field(factory=frozenset, converter=scope_converter)
    capacity_by: pendulum.Date | None = attrs.field(default=None, converter=_optional_day)
    hardware: str = ""

    def _purchase(self) -> tuple[str, str, frozenset[str]]:
        return self.buyer, self.provider, self.scope

    def _describe(self) -> str:
        amount = _amount_text(self.amount, "undisclosed value")
        until = f" until {self.until}" if self.until else ""
        return f"A compute deal with {self.provider} ({amount}){until} covers this purchase."

    def summary(self) -> str:
        amount = _amount_text(self.amount, "undisclosed value")
        text = f"{self.buyer} buys compute from {self.provider} ({amount})"
        if self.hardware:
            text += f" on {self.hardware}"
        if self.capacity_by is not None:
            text += f", all capacity by {self.capacity_by}"
        return text + "."
