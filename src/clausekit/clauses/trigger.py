"""Triggers: an event of the scenario that makes one clause end or start others.

A clause kind whose clause ends or starts other clauses when something
happens (an AGI declaration under :class:`~clausekit.clauses.agi.AGIClause`)
returns a :class:`Trigger` from its
:meth:`~clausekit.clauses.base.ClauseBase.trigger` hook, and names the
clauses it affects with
:meth:`~clausekit.clauses.base.ClauseBase.ends_on_trigger` and
:meth:`~clausekit.clauses.base.ClauseBase.starts_on_trigger`. The agreement
does the rest for every such kind alike: from the trigger's day on the ended
clauses are out of force and the started ones (dormant until then) in force;
the day splits timelines and is named as the cause of the change.

Examples:
    >>> from clausekit.clauses.trigger import Trigger
    >>> Trigger(day="2030-01-01", certain=True, text="the licensee is acquired")
    Trigger(day=Date(2030, 1, 1), certain=True, text='the licensee is acquired')
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs
import pendulum

from clausekit.time import to_day

if TYPE_CHECKING:
    from clausekit.scenario import Fact, Scenario

__all__ = ["Trigger"]


def _day(value: object) -> pendulum.Date:
    return to_day(value, field="day")


def _readings(value: Iterable[tuple[str, Scenario]]) -> tuple[tuple[str, Scenario], ...]:
    return tuple(value)


def _facts(value: Iterable[Fact]) -> tuple[Fact, ...]:
    return tuple(value)


@attrs.frozen
class Trigger:
    """When a clause fires under a scenario, and whether that is certain.

    Attributes:
        day: the day its effects take hold.
        certain: False when the event happened but a condition of it is
            unknown (a required verification): from ``day`` on, the clauses it
            affects can be called neither in force nor ended.
        text: the event in words, named as the cause of a change
            ("AGI declared on 2030-01-01").
        missing: when not certain, what is missing, for the answer's list of
            missing facts.
        doubt: when not certain, what the standing of an affected clause
            depends on, to follow "Whether this clause still applies depends on".
        readings: when not certain, the scenarios that would settle it, each
            with its words (the declaration verified, and not verified); the
            agreement asks each and answers plainly when they agree.
        facts: the scenario's facts that fired it (a timeline names the
            trigger's words for them rather than the facts).
    """

    day: pendulum.Date = attrs.field(converter=_day)
    certain: bool
    text: str
    missing: str = attrs.field(default="", repr=False)
    doubt: str = attrs.field(default="", repr=False)
    readings: tuple[tuple[str, Scenario], ...] = attrs.field(
        default=(), repr=False, eq=False, converter=_readings
    )
    facts: tuple[Fact, ...] = attrs.field(default=(), repr=False, eq=False, converter=_facts)
