"""Money terms: revenue share, spend commitments and compute purchase deals.

These clauses state amounts rather than permissions. A revenue share is
asked with :meth:`clausekit.Agreement.revenue_share`; a spend commitment or a
compute deal speaks (``PERMITTED``) when its buyer procures from its
provider, so the explanation shows the commitment behind the purchase.

Examples:
    >>> from decimal import Decimal
    >>> from clausekit.clauses.money_terms import RevenueShare
    >>> from clausekit.evidence import OutsideSource
    >>> src = OutsideSource(url="https://example.org/rs", title="RS", published="2020-01-01",
    ...                     gloss="Acme pays Beta a share of revenue")
    >>> RevenueShare(id="rs", title="Revenue share", evidence=[src], payer="Acme", payee="Beta",
    ...              reported_rate="0.20").summary()
    'Acme pays Beta an undisclosed share of its revenue (reported: 20 %, not contract text).'
"""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar, final

import attrs
import pendulum

from clausekit.actions import Verb
from clausekit.clauses.base import ClauseBase, Context, Resolved, scope_converter, subjects_text
from clausekit.money import Money, format_money, format_rate, to_money, to_rate
from clausekit.time import to_day
from clausekit.verdict import Finding, Outcome

__all__ = ["ComputeDeal", "RevenueShare", "SpendCommitment"]


def _optional_rate(value: object) -> Decimal | None:
    return None if value is None else to_rate(value, field="rate")


def _optional_reported_rate(value: object) -> Decimal | None:
    return None if value is None else to_rate(value, field="reported_rate")


def _optional_day(value: object) -> pendulum.Date | None:
    return None if value is None else to_day(value, field="capacity_by")


def _optional_amount(value: object) -> Money | None:
    return None if value is None else to_money(value, field="amount")


def _optional_cap(value: object) -> Money | None:
    return None if value is None else to_money(value, field="cap")


@final
@attrs.frozen(kw_only=True)
class RevenueShare(ClauseBase):
    """``payer`` pays ``payee`` a share ``rate`` of its revenue, up to ``cap``.

    Attributes:
        payer: who pays.
        payee: who is paid.
        rate: the contractual rate, or None when it is undisclosed.
        reported_rate: a rate the press reports, kept apart from contract text.
        cap: an upper limit on what is owed, where one is known.
    """

    kind: ClassVar[str] = "revenue-share"
    party_fields: ClassVar[tuple[str, ...]] = ("payer", "payee")

    payer: str
    payee: str
    rate: Decimal | None = attrs.field(default=None, converter=_optional_rate)
    reported_rate: Decimal | None = attrs.field(default=None, converter=_optional_reported_rate)
    cap: Money | None = attrs.field(default=None, converter=_optional_cap)

    def summary(self) -> str:
        rate = format_rate(self.rate) if self.rate is not None else "an undisclosed"
        text = f"{self.payer} pays {self.payee} {rate} share of its revenue"
        if self.rate is not None:
            text = f"{self.payer} pays {self.payee} {rate} of its revenue"
        if self.reported_rate is not None:
            text += f" (reported: {format_rate(self.reported_rate)}, not contract text)"
        if self.cap is not None:
            text += f", capped at {format_money(self.cap)}"
        return text + "."


@attrs.frozen(kw_only=True)
class _Purchase(ClauseBase):
    """Shared ruling of the clauses that record a purchase commitment."""

    def _buyer_provider(self) -> tuple[str, str]:
        raise NotImplementedError

    def _describe(self) -> str:
        raise NotImplementedError

    def rule(self, action: Resolved, ctx: Context) -> Finding | None:
        buyer, provider = self._buyer_provider()
        scope: frozenset[str] = getattr(self, "scope", frozenset())
        if not (
            action.verb == Verb.PROCURE_COMPUTE.value
            and action.actor == buyer
            and action.counterparty == provider
            and (not scope or action.subject in scope)
        ):
            return None
        return Finding(Outcome.PERMITTED, self._describe())


@final
@attrs.frozen(kw_only=True)
class SpendCommitment(_Purchase):
    """``committer`` commits to spend ``amount`` with ``recipient`` (None = undisclosed).

    Attributes:
        committer: who commits to spend.
        recipient: with whom.
        amount: how much, or None when undisclosed.
        scope: what the spend covers; empty = anything.
    """

    kind: ClassVar[str] = "spend-commitment"
    party_fields: ClassVar[tuple[str, ...]] = ("committer", "recipient")

    committer: str
    recipient: str
    amount: Money | None = attrs.field(default=None, converter=_optional_amount)
    scope: frozenset[str] = attrs.field(factory=frozenset, converter=scope_converter)

    def _buyer_provider(self) -> tuple[str, str]:
        return self.committer, self.recipient

    def _describe(self) -> str:
        amount = format_money(self.amount) if self.amount is not None else "an undisclosed amount"
        return (
            f"{self.committer} has committed to spend {amount} with {self.recipient}; "
            "this purchase counts towards it."
        )

    def summary(self) -> str:
        amount = format_money(self.amount) if self.amount is not None else "an undisclosed amount"
        return (
            f"{self.committer} commits to spend {amount} with {self.recipient} "
            f"({subjects_text(self.scope)})."
        )


@final
@attrs.frozen(kw_only=True)
class ComputeDeal(_Purchase):
    """``buyer`` buys compute worth ``amount`` from ``provider`` over the clause's term.

    Attributes:
        buyer: who buys.
        provider: who provides the compute.
        amount: the deal's value, or None when undisclosed.
        scope: the workloads covered; empty = any.
        capacity_by: the day by which all capacity is to be delivered.
        hardware: what the compute runs on, in words.
    """

    kind: ClassVar[str] = "compute-deal"
    party_fields: ClassVar[tuple[str, ...]] = ("buyer", "provider")

    buyer: str
    provider: str
    amount: Money | None = attrs.field(default=None, converter=_optional_amount)
    scope: frozenset[str] = attrs.field(factory=frozenset, converter=scope_converter)
    capacity_by: pendulum.Date | None = attrs.field(default=None, converter=_optional_day)
    hardware: str = ""

    def _buyer_provider(self) -> tuple[str, str]:
        return self.buyer, self.provider

    def _describe(self) -> str:
        amount = format_money(self.amount) if self.amount is not None else "undisclosed value"
        until = f" until {self.until}" if self.until else ""
        return f"A compute deal with {self.provider} ({amount}){until} covers this purchase."

    def summary(self) -> str:
        amount = format_money(self.amount) if self.amount is not None else "undisclosed value"
        text = f"{self.buyer} buys compute from {self.provider} ({amount})"
        if self.hardware:
            text += f" on {self.hardware}"
        if self.capacity_by is not None:
            text += f", all capacity by {self.capacity_by}"
        return text + "."
