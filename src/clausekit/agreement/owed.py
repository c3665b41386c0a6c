"""Money answers: what revenue-share clauses make owed."""

from __future__ import annotations

from typing import Any

import attrs

from clausekit.agreement.amendment import Amendment
from clausekit.clauses import ClauseBase, Payment
from clausekit.money import Money, format_money, format_rate
from clausekit.time import Period
from clausekit.verdict import Outcome


@attrs.frozen
class Share:
    """What one clause makes owed: its :class:`~clausekit.clauses.payment.Payment`, with the
    clause and the amendment that added it."""

    clause: ClauseBase
    amendment: Amendment
    rate: Any  # Decimal | None
    rate_source: str  # "contract", "assumed in the scenario" or "undisclosed"
    amount: Money | None
    capped: bool = False
    at_most: Money | None = None
    """Where the amount is unknown only because a cap is undisclosed: the uncapped amount."""
    payee: str = ""
    reported_rate: Any = None  # Decimal | None: a press-reported rate, not contract text

    @classmethod
    def of(cls, clause: ClauseBase, amendment: Amendment, payment: Payment) -> Share:
        """The share a clause's payment makes."""
        return cls(
            clause,
            amendment,
            payment.rate,
            payment.rate_source,
            payment.amount,
            payment.capped,
            payment.at_most,
            payment.payee,
            payment.reported_rate,
        )


@attrs.frozen
class Owed:
    """Revenue share owed by ``payer`` on ``revenue`` earned during ``period``.

    ``amount`` is exact when every rate is known (from the contract or assumed
    in the scenario) and ``None`` otherwise; ``missing`` then names the
    undisclosed terms.
    """

    payer: str
    revenue: Money
    period: Period
    shares: tuple[Share, ...]
    amount: Money | None
    missing: tuple[str, ...]

    @property
    def known(self) -> bool:
        """True when the amount is determined."""
        return self.amount is not None

    @property
    def outcome(self) -> Outcome:
        """``UNKNOWN`` while a term is missing, ``PERMITTED`` once the amount is determined."""
        return Outcome.PERMITTED if self.known else Outcome.UNKNOWN

    def explain(self) -> str:
        """The amount (or what is missing) and, per clause, the rate and where it comes from."""
        head = f"Revenue share owed by {self.payer} on {format_money(self.revenue)} ({self.period})"
        if self.amount is not None:
            lines = [f"{head}: {format_money(self.amount)}"]
        else:
            lines = [f"{head}: UNKNOWN — missing: " + "; ".join(self.missing)]
        if not self.shares:
            lines.append(f"  No revenue-share clause binds {self.payer} during {self.period}.")
        for share in self.shares:
            rate = format_rate(share.rate) if share.rate is not None else "undisclosed"
            if share.amount is not None:
                amount = format_money(share.amount)
            elif share.at_most is not None:
                amount = f"at most {format_money(share.at_most)} (cap undisclosed)"
            else:
                amount = "unknown"
            cap = " (capped)" if share.capped else ""
            lines.append(
                f"  - to {share.payee}: {amount}{cap} at {rate} ({share.rate_source}), "
                f"clause {share.clause.id!r}, amendment {share.amendment.id!r}"
            )
            if share.reported_rate is not None and share.rate_source != "contract":
                lines.append(
                    f"    reported elsewhere: {format_rate(share.reported_rate)} "
                    "(press report, not contract text)"
                )
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.explain()

    def _repr_html_(self) -> str:
        """Jupyter shows the amount (or what is missing) and a row per clause."""
        from clausekit.render.html import owed_to_html

        return owed_to_html(self)
