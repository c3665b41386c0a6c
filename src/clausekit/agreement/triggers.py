"""The clauses in force on a day once the scenario's events have fired their triggers.

A clause that ends or starts others when an event fires it (an AGI clause;
see :mod:`clausekit.clauses.trigger`) changes which clauses are in force
under a scenario: from its trigger's day the clauses it ends are out of
force and the ones it starts, dormant until then, in force. An uncertain
trigger (a declaration whose required verification is unknown) leaves the
clauses it affects in doubt; a scenario silent on the event leaves them as
they are, and the answer names that assumption. Every triggering kind is
handled alike, through the hooks of :class:`~clausekit.clauses.base.ClauseBase`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

import attrs
import pendulum

from clausekit.agreement.amendment import InForce
from clausekit.agreement.compiled import _Among, _Compiled
from clausekit.clauses import ClauseBase, Trigger
from clausekit.scenario import Scenario

__all__ = ["InForceUnder", "in_force_under", "trigger_causes", "trigger_days"]

_NOTHING: Mapping[str, object] = MappingProxyType({})


@attrs.frozen
class InForceUnder:
    """The clauses in force on a day under a scenario.

    Attributes:
        items: the clauses in force, in agreement order.
        uncertain: clause id -> the uncertain trigger that leaves it in doubt.
        assumed: clause id -> (the triggering clause, the id) where the scenario
            is silent on the event that would change it; the words come from
            :meth:`~clausekit.clauses.base.ClauseBase.assumption`.
    """

    items: Sequence[InForce]
    uncertain: Mapping[str, Trigger]
    assumed: Mapping[str, tuple[ClauseBase, str]]


def in_force_under(
    compiled: _Compiled,
    day: pendulum.Date,
    scenario: Scenario,
    *,
    among: _Among | None = None,
) -> InForceUnder:
    """The clauses in force on ``day`` under ``scenario``'s events.

    With ``among`` (some of the compiled lives, as
    :meth:`~clausekit.agreement.compiled._Compiled.speaking_to` gives them),
    only those clauses are listed; the triggering clauses in force are read
    all the same. The work is then that of ``among``, not of every clause.
    """
    base: Sequence[InForce] = (
        compiled.state(day) if among is None else compiled.in_force_among(among, day)
    )
    if not compiled.triggering:
        return InForceUnder(base, _NOTHING, _NOTHING)  # type: ignore[arg-type]
    firing = compiled.in_force_among(compiled.trigger_lives, day)  # only triggering clauses
    ended: set[str] = set()
    started: set[str] = set()
    uncertain: dict[str, Trigger] = {}
    assumed: dict[str, tuple[ClauseBase, str]] = {}
    for item in firing:
        clause = item.clause
        ends, starts = clause.ends_on_trigger(), clause.starts_on_trigger()
        trigger = clause.trigger(scenario)
        if trigger is None:
            for affected in sorted(ends | starts):
                if clause.assumption(scenario, affected, day) is not None:
                    assumed[affected] = (clause, affected)
            continue
        if trigger.day > day:
            continue
        if trigger.certain:
            ended |= ends
            started |= starts
        else:
            for affected in ends | starts:
                uncertain[affected] = trigger
    dormant = compiled.dormant
    items = [
        item
        for item in base
        if item.clause.id not in ended
        and (
            item.clause.id not in dormant
            or item.clause.id in started
            or item.clause.id in uncertain
        )
    ]
    return InForceUnder(items, uncertain, assumed)


def trigger_days(compiled: _Compiled, scenario: Scenario) -> list[pendulum.Date]:
    """The days the scenario fires a triggering clause (change points of a timeline)."""
    days = []
    for clause in compiled.triggering:
        trigger = clause.trigger(scenario)
        if trigger is not None:
            days.append(trigger.day)
    return days


def trigger_causes(compiled: _Compiled, scenario: Scenario, day: pendulum.Date) -> list[str]:
    """The triggers fired on ``day`` by the triggering clauses in force that day, in words."""
    causes = []
    for item in compiled.in_force_among(compiled.trigger_lives, day):
        clause = item.clause
        trigger = clause.trigger(scenario)
        if trigger is not None and trigger.day == day:
            causes.append(f"{trigger.text} (scenario; clause {clause.id!r})")
    return causes
