"""Revenue share: the payer pays the payee a share of its revenue, at a rate that may be undisclosed.

A revenue share states an amount, not a permission; ask it with
:meth:`clausekit.Agreement.revenue_share`. An undisclosed rate makes the
amount ``UNKNOWN`` unless the scenario assumes one; a rate reported by the
press is kept apart from contract text (``reported_rate``).

Examples:
    >>> from clausekit.clauses.revenue_share import RevenueShare
    >>> from clausekit.evidence import OutsideSource
    >>> src = OutsideSource(url="https://example.org/rs", title="RS", published="2020-01-01",
    ...                     gloss="Acme pays Beta a share of revenue")
    >>> RevenueShare(id="rs", title="Revenue share", evidence=[src], payer="Acme", payee="Beta",
    ...              reported_rate="0.20").summary()
    'Acme pays Beta an undisclosed share of its revenue (reported: 20 %, not contract text).'
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar, final

import attrs
import pendulum

from clausekit.clauses.base import ClauseBase
from clausekit.clauses.payment import Payment
from clausekit.errors import AgreementError
from clausekit.money import (
    Money,
    check_same_currency,
    format_money,
    format_rate,
    to_money,
    to_rate,
)
from clausekit.time import to_day

if TYPE_CHECKING:
    from clausekit.check import CheckContext, Diagnostic
    from clausekit.scenario import Scenario

__all__ = ["RevenueShare"]


def _optional_rate(value: object) -> Decimal | None:
    return None if value is None else to_rate(value, field="rate")


def _optional_reported_rate(value: object) -> Decimal | None:
    return None if value is None else to_rate(value, field="reported_rate")


def _optional_first_reported(value: object) -> pendulum.Date | None:
    return None if value is None else to_day(value, field="reported_rate_first_reported")


def _optional_cap(value: object) -> Money | None:
    return None if value is None else to_money(value, field="cap")


@final
@attrs.frozen(kw_only=True)
class RevenueShare(ClauseBase, kind="revenue-share"):
    """``payer`` pays ``payee`` a share ``rate`` of its revenue, up to ``cap``.

    Attributes:
        payer: who pays.
        payee: who is paid.
        rate: the contractual rate, or None when it is undisclosed.
        reported_rate: a rate the press reports, kept apart from contract text.
        reported_rate_first_reported: the day that rate was first reported, when
            later than the clause; as known before then, no rate is reported.
        cap: an upper limit on what is owed, where one is known.
        cap_undisclosed: True when a cap exists but its amount is not public; what is
            owed is then unknown, and the answer says at most how much.
    """

    party_fields: ClassVar[tuple[str, ...]] = ("payer", "payee")

    payer: str
    payee: str
    rate: Decimal | None = attrs.field(default=None, converter=_optional_rate)
    reported_rate: Decimal | None = attrs.field(default=None, converter=_optional_reported_rate)
    reported_rate_first_reported: pendulum.Date | None = attrs.field(
        default=None, converter=_optional_first_reported
    )
    cap: Money | None = attrs.field(default=None, converter=_optional_cap)
    cap_undisclosed: bool = False

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        if self.cap is not None and self.cap_undisclosed:
            raise AgreementError(
                f"RevenueShare {self.id!r} gives cap={format_money(self.cap)} and cap_undisclosed=true; give "
                "the cap when it is known, or say it is undisclosed, not both."
            )

    def check(self, ctx: CheckContext) -> Iterator[Diagnostic]:
        """``same-party-both-sides``: one party pays itself."""
        from clausekit.check import parties

        yield from parties.both_sides(ctx, ctx.life(self), "payer", "payee")

    def as_known_on(self, day: pendulum.Date) -> RevenueShare:
        """Before the reported rate came out, the clause reports none."""
        reported = self.reported_rate_first_reported
        if reported is None or reported <= day:
            return self
        return attrs.evolve(self, reported_rate=None, reported_rate_first_reported=None)

    def reported_days(self) -> tuple[pendulum.Date, ...]:
        """The day the reported rate was first reported, if recorded."""
        reported = self.reported_rate_first_reported
        return () if reported is None else (reported,)

    def payment_terms(self, payer: str) -> tuple[object, ...] | None:
        """Its terms when ``payer`` pays under it: two clauses with equal terms owe the same."""
        if self.payer != payer:
            return None
        return (self.payee, self.rate, self.reported_rate, self.cap, self.cap_undisclosed)

    def payment(self, revenue: Money, scenario: Scenario) -> Payment:
        """The share of ``revenue`` owed: at the contract's rate, else one the scenario assumes
        (:class:`~clausekit.facts.AssumedRate`), capped; unknown while a term is undisclosed."""
        rate, source = self.rate, "contract"
        if rate is None:
            rate = scenario.assumed_rate(self.id)
            source = "assumed in the scenario" if rate is not None else "undisclosed"
        if rate is None:
            reported = (
                f" (reported: {format_rate(self.reported_rate)})"
                if self.reported_rate is not None
                else ""
            )
            return Payment(
                self.payee,
                None,
                source,
                None,
                missing=(
                    f"the rate of clause {self.id!r}, which the sources do not disclose"
                    f"{reported}; assume one with AssumedRate({self.id!r}, rate)"
                ),
                reported_rate=self.reported_rate,
            )
        owed = revenue * rate
        if self.cap_undisclosed:
            return Payment(
                self.payee,
                rate,
                source,
                None,
                at_most=owed,
                missing=(
                    f"the cap of clause {self.id!r}, which the sources do not disclose; "
                    f"at most {format_money(owed)} is owed under it"
                ),
                reported_rate=self.reported_rate,
            )
        capped = False
        if self.cap is not None:
            check_same_currency(owed, self.cap, where=f"clause {self.id!r} cap")
            if owed > self.cap:
                owed, capped = self.cap, True
        return Payment(self.payee, rate, source, owed, capped, reported_rate=self.reported_rate)

    def summary(self) -> str:
        rate = format_rate(self.rate) if self.rate is not None else "an undisclosed"
        text = f"{self.payer} pays {self.payee} {rate} share of its revenue"
        if self.rate is not None:
            text = f"{self.payer} pays {self.payee} {rate} of its revenue"
        if self.reported_rate is not None:
            text += f" (reported: {format_rate(self.reported_rate)}, not contract text)"
        if self.cap is not None:
            text += f", capped at {format_money(self.cap)}"
        if self.cap_undisclosed:
            text += ", under a cap whose amount is undisclosed"
        return text + "."
