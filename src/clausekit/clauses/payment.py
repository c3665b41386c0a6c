"""Payments: what a clause makes a party owe on a revenue.

A clause kind that makes one party pay another a share of its revenue (a
:class:`~clausekit.clauses.revenue_share.RevenueShare`) says so with two
hooks of :class:`~clausekit.clauses.base.ClauseBase`:
:meth:`~clausekit.clauses.base.ClauseBase.payment_terms` (whether it binds a
payer, and its terms for comparison) and
:meth:`~clausekit.clauses.base.ClauseBase.payment` (what it makes owed on a
revenue, as a :class:`Payment`).
:meth:`clausekit.Agreement.revenue_share` adds them up for every such kind
alike.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from clausekit.money import Money

__all__ = ["Payment"]


@attrs.frozen
class Payment:
    """What one clause makes owed on a revenue.

    Attributes:
        payee: who is paid.
        rate: the rate applied, or None when it is unknown.
        rate_source: where the rate comes from ("contract", "assumed in the
            scenario" or "undisclosed").
        amount: what is owed, or None when it is unknown.
        capped: True when a cap limited the amount.
        at_most: where the amount is unknown only because a cap is
            undisclosed, the uncapped amount.
        missing: what is missing when the amount is unknown, in words.
        reported_rate: a rate the press reports, kept apart from contract text.
    """

    payee: str
    rate: Decimal | None
    rate_source: str
    amount: Money | None
    capped: bool = False
    at_most: Money | None = None
    missing: str = ""
    reported_rate: Decimal | None = None
