"""Dates: clauses never in force, ends of clauses already expired, announcements, same-day amendments."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pendulum

from clausekit.check.context import CheckContext
from clausekit.check.diagnostic import Diagnostic, Severity
from clausekit.time import Period

if TYPE_CHECKING:
    from clausekit.agreement import Agreement, Amendment

__all__ = ["announcements", "lifetimes", "same_day"]


def lifetimes(ctx: CheckContext) -> Iterator[Diagnostic]:
    """``never-in-force`` and ``ends-expired-clause``."""
    for life in ctx.lives.values():
        clause = life.clause
        ender = life.ended_by
        if ender is None:
            continue
        if ender.effective <= life.start:
            yield ctx.diagnostic(
                Severity.WARNING,
                "never-in-force",
                f"Clause {clause.id!r} is added by {life.added_by.id!r} and ended by "
                f"{ender.id!r}, both effective {life.start}: it is never in force. Remove "
                "it, or fix one of the two dates.",
                life,
                amendments=(ender.id,),
                citations=ender.evidence,
            )
        elif clause.until is not None and clause.until < ender.effective:
            yield ctx.diagnostic(
                Severity.WARNING,
                "ends-expired-clause",
                f"Amendment {ender.id!r} (effective {ender.effective}) ends clause "
                f"{clause.id!r}, whose own term already ended it: its last day was "
                f"{clause.until.subtract(days=1)} (until={clause.until}). Drop the end from "
                f"{ender.id!r}, or correct the clause's 'until'.",
                life,
                amendments=(ender.id,),
                period=Period(clause.until, ender.effective),
                citations=ender.evidence,
            )


def announcements(
    agreement: Agreement, ctx: CheckContext, *, retroactive_days: int, advance_days: int
) -> Iterator[Diagnostic]:
    """``announced-long-after``, ``announced-long-before``, ``announced-before-what-it-changes``,
    ``announced-before-a-report``."""
    for amendment in agreement.amendments:
        earliest = amendment.announced_earliest
        latest = getattr(amendment.announced, "latest", earliest)
        late = (earliest - amendment.effective).days
        if late > retroactive_days:
            yield Diagnostic(
                severity=Severity.WARNING,
                code="announced-long-after",
                message=(
                    f"Amendment {amendment.id!r} took effect on {amendment.effective} but was "
                    f"announced on {amendment.announced}, {late} days later (more than "
                    f"{retroactive_days}). Retroactive amendments exist; if this one is not, fix "
                    "'effective' or 'announced'. Until the announcement, as_known_on() does not "
                    "see it."
                ),
                amendments=(amendment.id,),
                period=Period(amendment.effective, earliest),
                citations=amendment.evidence,
            )
        early = (amendment.effective - latest).days
        if early > advance_days:
            yield Diagnostic(
                severity=Severity.WARNING,
                code="announced-long-before",
                message=(
                    f"Amendment {amendment.id!r} was announced on {amendment.announced}, {early} "
                    f"days before it took effect on {amendment.effective} (more than "
                    f"{advance_days}). Check that 'effective' is the day it binds, not a later "
                    "milestone."
                ),
                amendments=(amendment.id,),
                period=Period(latest, amendment.effective),
                citations=amendment.evidence,
            )
        yield from _before_reports(amendment, ctx, latest)
        for old in amendment.ended():
            source = ctx.life(old).added_by
            if source.announced_earliest > latest:
                yield Diagnostic(
                    severity=Severity.WARNING,
                    code="announced-before-what-it-changes",
                    message=(
                        f"Amendment {amendment.id!r} (announced {amendment.announced}) ends "
                        f"clause {old!r}, which amendment {source.id!r} adds but was only "
                        f"announced on {source.announced}: as_known_on() any day in between "
                        "raises an error. Check the two announced dates."
                    ),
                    clauses=(old,),
                    amendments=(source.id, amendment.id),
                    period=Period(latest, source.announced_earliest),
                    citations=(*amendment.evidence, *source.evidence),
                )


def _before_reports(
    amendment: Amendment, ctx: CheckContext, latest: pendulum.Date
) -> Iterator[Diagnostic]:
    """``announced-before-a-report``: ``amendment`` names (ends, replaces, or refers to from a
    clause it adds) a clause that its own amendment reports only after ``amendment`` was public."""
    named = [*amendment.ended(), *(r for c in amendment.added() for r in sorted(c.references()))]
    for clause_id in dict.fromkeys(named):
        life = ctx.lives.get(clause_id)
        if life is None:
            continue
        source = life.added_by
        reported = source.reported_on(clause_id)
        if source is amendment or reported is None or reported <= latest:
            continue
        yield Diagnostic(
            severity=Severity.WARNING,
            code="announced-before-a-report",
            message=(
                f"Amendment {amendment.id!r} (announced {amendment.announced}) names clause "
                f"{clause_id!r}, which amendment {source.id!r} reports only from {reported} "
                "(its 'reported'): as_known_on() any day in between raises an error. Report the "
                "clause no later than the first amendment that names it, or check the days."
            ),
            clauses=(clause_id,),
            amendments=(source.id, amendment.id),
            period=Period(latest, reported),
            citations=(*amendment.evidence, *source.evidence),
        )


def same_day(agreement: Agreement) -> Iterator[Diagnostic]:
    """``same-day-amendments``: two amendments of one day touch the same clause."""
    by_day: dict[pendulum.Date, list[Amendment]] = {}
    for amendment in agreement.amendments:
        by_day.setdefault(amendment.effective, []).append(amendment)
    for day, group in by_day.items():
        if len(group) < 2:
            continue
        touched_by: dict[str, list[int]] = {}
        for index, amendment in enumerate(group):
            for clause_id in dict.fromkeys(
                [*(c.id for c in amendment.added()), *amendment.ended()]
            ):
                touched_by.setdefault(clause_id, []).append(index)
        shared: dict[tuple[int, int], set[str]] = {}
        for clause_id, indexes in touched_by.items():
            for i, first in enumerate(indexes):
                for second in indexes[i + 1 :]:
                    shared.setdefault((first, second), set()).add(clause_id)
        for (i, j), ids in sorted(shared.items()):
            one, two = group[i], group[j]
            yield Diagnostic(
                severity=Severity.WARNING,
                code="same-day-amendments",
                message=(
                    f"Amendments {one.id!r} and {two.id!r} both take effect on {day} and "
                    f"both touch clause(s) {', '.join(sorted(ids))}: the result depends on "
                    "their order in the list, which the contract may not intend. Merge them "
                    "into one amendment, or give them their true, different days."
                ),
                clauses=tuple(sorted(ids)),
                amendments=(one.id, two.id),
                period=Period.of_day(day),
                citations=(*one.evidence, *two.evidence),
            )
