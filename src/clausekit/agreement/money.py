"""Money questions: revenue share owed, and the AGI profit test."""

from __future__ import annotations

from typing import TYPE_CHECKING

from clausekit.agreement import uncertain
from clausekit.agreement.compiled import _share_terms
from clausekit.agreement.owed import Owed, Share
from clausekit.clauses import AGIClause, RevenueShare
from clausekit.errors import (
    AmbiguityError,
    InvalidPeriodError,
    QuestionError,
)
from clausekit.money import Money, check_same_currency, format_money, format_rate, to_money
from clausekit.scenario import Revenue, Scenario
from clausekit.time import Period, to_day, to_period

if TYPE_CHECKING:
    from clausekit.agreement.core import Agreement


def revenue_share(
    agreement: Agreement,
    payer: str,
    *,
    revenue: object = None,
    during: object = None,
    scenario: Scenario | None = None,
) -> Owed:
    """The revenue share ``payer`` owes on a revenue.

    Give the revenue either as ``revenue=`` and ``during=``, or as one
    :class:`~clausekit.scenario.Revenue` fact in ``scenario``. A rate the
    contract does not disclose makes the amount unknown unless the
    scenario assumes one with :class:`~clausekit.scenario.AssumedRate`.

    Raises:
        QuestionError: when the revenue is given neither way, or both.
        AmbiguityError: when the revenue-share terms change inside the period
            (split the revenue by period and ask per piece).
    """
    facts = agreement._scenario(scenario)
    payer_name = agreement._compiled.registry.canonical(payer, where="revenue_share(payer)")
    amount, period = _revenue(payer_name, revenue, during, facts)
    if period.end is None:
        raise InvalidPeriodError(
            f"during={period} is open-ended; revenue is earned over a bounded period. Give "
            "an end day, e.g. during='2025' or during='2025-01-01/2026-01-01'."
        )
    pieces = period.split(agreement._change_points(facts))
    per_piece = []
    for piece in pieces:
        items, _, _ = agreement._effective(piece.start, facts)
        per_piece.append(
            tuple(
                i
                for i in items
                if isinstance(i.clause, RevenueShare) and i.clause.payer == payer_name
            )
        )
    uncertain.check_share_terms(agreement, pieces, payer_name, facts)
    # A restatement with the same terms is no change; different terms are.
    for piece, binding in zip(pieces[1:], per_piece[1:], strict=True):
        if [_share_terms(i) for i in binding] != [_share_terms(i) for i in per_piece[0]]:
            raise AmbiguityError(
                f"The revenue-share terms binding {payer_name} change on {piece.start}, inside "
                f"{period}. clausekit will not pro-rate revenue across them: split the revenue "
                f"at {piece.start} and ask once per piece."
            )
    shares: list[Share] = []
    missing: list[str] = []
    for item in per_piece[0]:
        clause = item.clause
        assert isinstance(clause, RevenueShare)
        rate, source = clause.rate, "contract"
        if rate is None:
            rate = facts.assumed_rate(clause.id)
            source = "assumed in the scenario" if rate is not None else "undisclosed"
        if rate is None:
            reported = (
                f" (reported: {format_rate(clause.reported_rate)})"
                if clause.reported_rate is not None
                else ""
            )
            missing.append(
                f"the rate of clause {clause.id!r}, which the sources do not disclose"
                f"{reported}; assume one with AssumedRate({clause.id!r}, rate)"
            )
            shares.append(Share(clause, item.amendment, None, source, None))
            continue
        owed = amount * rate
        if clause.cap_undisclosed:
            missing.append(
                f"the cap of clause {clause.id!r}, which the sources do not disclose; "
                f"at most {format_money(owed)} is owed under it"
            )
            shares.append(Share(clause, item.amendment, rate, source, None, at_most=owed))
            continue
        capped = False
        if clause.cap is not None:
            check_same_currency(owed, clause.cap, where=f"clause {clause.id!r} cap")
            if owed > clause.cap:
                owed, capped = clause.cap, True
        shares.append(Share(clause, item.amendment, rate, source, owed, capped))
    total: Money | None = None
    if not missing:
        total = Money.total((s.amount for s in shares if s.amount), amount.currency)
    return Owed(
        payer=payer_name,
        revenue=amount,
        period=period,
        shares=tuple(shares),
        amount=total,
        missing=tuple(missing),
    )


def _revenue(payer: str, revenue: object, during: object, facts: Scenario) -> tuple[Money, Period]:
    from_facts = [
        f for f in facts if isinstance(f, Revenue) and (f.earned_by is None or f.earned_by == payer)
    ]
    if revenue is not None:
        if from_facts:
            raise QuestionError(
                "revenue_share() got revenue= and a Revenue fact in the scenario; give one."
            )
        if during is None:
            raise QuestionError(
                "revenue_share(revenue=...) needs during= (the period it was earned in), "
                "e.g. during='2025'."
            )
        return to_money(revenue, field="revenue"), to_period(during, field="during")
    if len(from_facts) != 1:
        raise QuestionError(
            f"revenue_share() needs the revenue of {payer}: pass revenue= and during=, or "
            f"exactly one Revenue fact in the scenario (found {len(from_facts)})."
        )
    fact = from_facts[0]
    if during is not None and to_period(during, field="during") != fact.period:
        raise QuestionError(
            f"during={during!r} differs from the Revenue fact's period {fact.period}."
        )
    return fact.amount, fact.period


def agi_profit_test(agreement: Agreement, profits: object, *, on: object) -> bool | None:
    """Whether ``profits`` meet the AGI profit definition in force on ``on``.

    Returns None when no AGI clause in force records a profit definition.
    """
    day = to_day(on, field="on")
    money = to_money(profits, field="profits")
    for item in agreement._compiled.state(day):
        if isinstance(item.clause, AGIClause) and item.clause.profit_threshold is not None:
            return item.clause.profit_test(money)
    return None
