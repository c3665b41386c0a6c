"""Parties: a clause whose parties make it pointless (one party on both sides, self-consent)."""

from __future__ import annotations

from collections.abc import Iterator

from clausekit.check.context import CheckContext
from clausekit.check.diagnostic import Diagnostic, Severity
from clausekit.check.lives import Life

__all__ = ["both_sides", "self_consent"]


def self_consent(ctx: CheckContext, life: Life, *, bound: str) -> Iterator[Diagnostic]:
    """``self-consent``: the party ``bound`` may lift the clause by its own consent."""
    clause = life.clause
    if bound in clause.consent_parties():
        yield ctx.diagnostic(
            Severity.WARNING,
            "self-consent",
            f"Clause {clause.id!r} binds {bound} but lets {bound} itself consent, so it never "
            "binds. Name the party whose consent the contract requires.",
            life,
            period=life.period,
        )


def both_sides(ctx: CheckContext, life: Life, first: str, second: str) -> Iterator[Diagnostic]:
    """``same-party-both-sides``: the party fields ``first`` and ``second`` name one party."""
    clause = life.clause
    party = getattr(clause, first)
    if party is None or party != getattr(clause, second):
        return
    yield ctx.diagnostic(
        Severity.WARNING,
        "same-party-both-sides",
        f"Clause {clause.id!r} ({clause.kind}) names {party} as both {first} and {second}, so "
        "it has no effect. Name the other party in one of the two fields.",
        life,
        period=life.period,
    )
