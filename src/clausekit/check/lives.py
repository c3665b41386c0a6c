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
        dormant: True when it starts only once a trigger fires (an AGI clause starts it).
        dormant_until: the event that starts it, in words ("AGI is declared"), or "".
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
    dormant_until: str = ""
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


def _wakes(starter: Clause | None) -> str:
    return "" if starter is None else starter.trigger_event


def lives(agreement: Agreement) -> tuple[Life, ...]:
    """Every clause's life, in the order the amendments add them, as the agreement computed it.

    This is the one place the checker learns clause lives, and it takes them
    from the agreement (its compiled lives, the ones its answers rest on):
    when the agreement exposes them publicly (``Agreement.lives()``) this
    function becomes a call to it. Only which amendment ended a clause is
    looked up here.
    """
    compiled = agreement._compiled  # until Agreement.lives() gives the same publicly
    ended: dict[str, Amendment] = {}
    for amendment in agreement.amendments:
        for old in amendment.ended():
            ended[old] = amendment
    return tuple(
        Life(
            clause=item.clause,
            added_by=item.amendment,
            start=first,
            end=last,
            ended_by=ended.get(item.clause.id),
            dormant=item.clause.id in compiled.dormant,
            order=order,
            dormant_until=_wakes(compiled.dormant.get(item.clause.id)),
        )
        for order, (item, first, last) in enumerate(compiled.lives)
    )


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
