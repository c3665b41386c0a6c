"""Money questions: what the clauses that make a party pay (revenue shares) make owed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pendulum

from clausekit.agreement import uncertain
from clausekit.agreement.amendment import InForce
from clausekit.agreement.owed import Owed, Share
from clausekit.errors import (
    AmbiguityError,
    InvalidPeriodError,
    QuestionError,
)
from clausekit.money import Money, format_money, to_money
from clausekit.scenario import Revenue, Scenario
from clausekit.time import Period, to_period

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
    :class:`~clausekit.facts.Revenue` fact in ``scenario``. A rate the
    contract does not disclose makes the amount unknown unless the
    scenario assumes one with :class:`~clausekit.facts.AssumedRate`; so
    does a share that an event of the scenario may have ended, when a
    condition of that event is unknown (a declaration whose required
    verification the scenario does not give): ``missing`` names it. With
    disputed facts the share is worked out per reading; when the readings
    differ the amount is unknown and ``missing`` names each reading.

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
    if not facts.disputes:
        return _owed(agreement, payer_name, amount, period, facts)
    # Disputed facts: the share is worked out per reading; readings that differ leave the
    # amount unknown and name each reading with what it makes owed.
    answers = [
        (text, _owed(agreement, payer_name, amount, period, reading))
        for text, reading in facts.readings()
    ]
    first = answers[0][1]
    if all(
        (o.amount, o.missing, [s.clause.id for s in o.shares])
        == (first.amount, first.missing, [s.clause.id for s in first.shares])
        for _, o in answers
    ):
        return first
    which = "; or ".join(
        f"{text} ({format_money(o.amount) if o.amount is not None else 'unknown'})"
        for text, o in answers
    )
    return Owed(
        payer=payer_name,
        revenue=amount,
        period=period,
        shares=tuple(dict.fromkeys(s for _, o in answers for s in o.shares)),
        amount=None,
        missing=("which reading holds: " + which,),
    )


def _owed(
    agreement: Agreement, payer_name: str, amount: Money, period: Period, facts: Scenario
) -> Owed:
    """What ``payer_name`` owes on ``amount`` earned during ``period`` under plain ``facts``."""
    pieces = period.split(agreement._change_points(facts))
    per_piece = [binding(agreement, piece.start, facts, payer_name) for piece in pieces]
    check_share_terms(agreement, pieces, payer_name, facts)
    # A restatement with the same terms is no change; different terms are.
    for piece, bound in zip(pieces[1:], per_piece[1:], strict=True):
        if [t for _, t in bound] != [t for _, t in per_piece[0]]:
            raise AmbiguityError(
                f"The revenue-share terms binding {payer_name} change on {piece.start}, inside "
                f"{period}. clausekit will not pro-rate revenue across them: split the revenue "
                f"at {piece.start} and ask once per piece."
            )
    # A share an uncertain trigger may have ended (an AGI declaration whose required
    # verification is unknown) is owed under one reading and not under the other.
    doubts = agreement._effective(pieces[0].start, facts).uncertain
    shares: list[Share] = []
    missing: list[str] = []
    for item, _ in per_piece[0]:
        payment = item.clause.payment(amount, facts)
        if payment.missing:
            missing.append(payment.missing)
        doubt = doubts.get(item.clause.id)
        if doubt is not None:
            missing.append(doubt.missing or doubt.text)
        shares.append(Share.of(item.clause, item.amendment, payment))
    total: Money | None = None
    if not missing:
        total = Money.total((s.amount for s in shares if s.amount), amount.currency)
    return Owed(
        payer=payer_name,
        revenue=amount,
        period=period,
        shares=tuple(shares),
        amount=total,
        missing=tuple(dict.fromkeys(missing)),
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


def binding(
    agreement: Agreement, day: pendulum.Date, facts: Scenario, payer: str
) -> list[tuple[InForce, tuple[object, ...]]]:
    """The clauses in force on ``day`` that make ``payer`` owe money, with their terms.

    Only the clauses with payment terms for ``payer`` are looked at (an index per payer,
    :meth:`_Compiled.paying`), so a revenue period crossing many changes costs those.
    """
    out = []
    among = agreement._compiled.paying(payer)
    for item in agreement._effective(day, facts, among=among).items:
        terms = item.clause.payment_terms(payer)
        if terms is not None:
            out.append((item, terms))
    return out


def check_share_terms(
    agreement: Agreement, pieces: Iterable[Period], payer: str, facts: Scenario
) -> None:
    """Refuse a revenue share whose terms depend on an uncertain effective date.

    Raises:
        AmbiguityError: when, on a piece of the period inside an uncertain
            stretch, the revenue-share terms binding ``payer`` differ between
            the earliest and the latest reading.
    """
    latest = agreement._latest
    if latest is None:
        return

    def terms(reading: Agreement, day: pendulum.Date) -> list[tuple[object, ...]]:
        return [t for _, t in binding(reading, day, facts, payer)]

    for piece in pieces:
        pending = uncertain.pending(agreement._compiled.ranged, piece.start)
        if pending and terms(agreement, piece.start) != terms(latest, piece.start):
            ranges = ", ".join(f"{a.id!r} ({a.effective_range})" for a in pending)
            raise AmbiguityError(
                f"The revenue-share terms binding {payer} on {piece.start} depend on when "
                f"amendment {ranges} took effect, which is uncertain. Ask about revenue outside "
                "that range, or pin the date with a source."
            )
