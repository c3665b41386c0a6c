"""Clause lives as the checker sees them: which amendment added each clause, when, until when.

The checker never works lives out itself: :func:`lives` takes them from the
agreement, in one place, so that the agreement, the checker and the
renderers agree on when each clause is in force.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs
import pendulum

from clausekit.evidence import Evidence
from clausekit.time import Period

if TYPE_CHECKING:
    from clausekit.agreement import Agreement, Amendment
    from clausekit.clauses import Clause

__all__ = ["Life", "days_text", "lives", "together"]


@attrs.frozen(eq=False)
class Life:
    """One clause as it stands in the agreement: who added it, until when, who ended it.

    Attributes:
        clause: the clause, with the canonical names of its parties.
        added_by: the amendment that added it.
        start: its first day in force.
        end: the day after its last day in force, or None while it lasts.
        ended_by: the amendment that ended it, if one did.
        dormant: True when it starts only once AGI is declared (an AGI clause starts it).
        order: its place among the agreement's clauses, in the order they were added.
        id: the clause id.
        period: the days in force (ignoring AGI), or None when there are none.
    """

    clause: Clause
    added_by: Amendment
    start: pendulum.Date
    end: pendulum.Date | None
    ended_by: Amendment | None
    dormant: bool = False
    order: int = 0
    id: str = attrs.field(init=False)
    period: Period | None = attrs.field(init=False)
    """The days in force (ignoring AGI), or None when there are none."""

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "id", self.clause.id)
        days = (
            None
            if self.end is not None and self.end <= self.start
            else Period(self.start, self.end)
        )
        object.__setattr__(self, "period", days)

    def citations(self) -> tuple[Evidence, ...]:
        """The clause's evidence."""
        return self.clause.evidence


def lives(agreement: Agreement) -> tuple[Life, ...]:
    """Every clause's life, in the order the amendments add them.

    This is the one place the checker learns clause lives; when the agreement
    exposes its own computation (``Agreement.lives()``) this function becomes
    a call to it.
    """
    canonical = agreement.registry.canonical
    # The agreement compiled its lives already; it knows which clauses lie dormant.
    dormant = agreement._compiled.dormant  # until Agreement.lives() says so itself
    added: dict[str, tuple[Clause, Amendment]] = {}
    ended: dict[str, Amendment] = {}
    for amendment in agreement.amendments:
        for clause in amendment.added():
            added[clause.id] = (clause.with_canonical_parties(canonical), amendment)
        for old in amendment.ended():
            ended[old] = amendment
    out: list[Life] = []
    for order, (clause_id, (clause, amendment)) in enumerate(added.items()):
        ender = ended.get(clause_id)
        ends = [d for d in (clause.until, ender.effective if ender else None) if d is not None]
        out.append(
            Life(
                clause=clause,
                added_by=amendment,
                start=amendment.effective,
                end=min(ends) if ends else None,
                ended_by=ender,
                dormant=clause_id in dormant,
                order=order,
            )
        )
    return tuple(out)


def together(lives: Iterable[Life]) -> Period | None:
    """The days on which every one of ``lives`` is in force, or None when there are none."""
    common: Period | None = None
    if isinstance(lives, tuple) and len(lives) == 2:
        one, two = lives[0].period, lives[1].period
        return None if one is None or two is None else one.intersection(two)
    for life in lives:
        period = life.period
        if period is None:
            return None
        common = period if common is None else common.intersection(period)
        if common is None:
            return None
    return common


def days_text(life: Life) -> str:
    """A life's days in words: its period, or ``"never"``."""
    period = life.period
    return "never" if period is None else str(period)
