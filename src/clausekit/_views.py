"""The views of a scenario on each day (:meth:`clausekit.scenario.Scenario.as_of`), by a sweep.

A dated fact holds from its day until a later fact on one of its topics
supersedes it. Those days are worked out once per scenario (sorted by day,
n·log n); the view of a day is then the view of the day before it with the
facts of the days between added and the superseded ones removed. A timeline
that asks every day of a scenario of n facts costs about n·log n plus the
size of the views, not n² (each view built from every fact).

The views of a scenario are remembered beside it (by a weak reference: they
go with it), a bounded number of them.
"""

from __future__ import annotations

import bisect
import weakref
from collections.abc import Hashable
from typing import TYPE_CHECKING

import attrs
import pendulum

if TYPE_CHECKING:
    from clausekit.facts import Fact
    from clausekit.scenario import Scenario

__all__ = ["as_of"]

_KEEP = 1024  # views remembered per scenario (cleared when full)


@attrs.frozen(eq=False)
class _Plan:
    """What changes on each day a plain (undisputed) dated fact holds from.

    Attributes:
        days: those days, sorted.
        added: per day, the facts holding from it (without their day).
        removed: per day, the facts (without their day) a later fact supersedes on it.
        undated: the facts that hold on every day.
    """

    days: tuple[pendulum.Date, ...]
    added: tuple[tuple[Fact, ...], ...]
    removed: tuple[tuple[Fact, ...], ...]
    undated: tuple[Fact, ...]


class _Views:
    """One scenario's plan, the views already built, and where the last sweep stopped."""

    __slots__ = ("last", "plan", "views")

    def __init__(self, plan: _Plan) -> None:
        self.plan = plan
        self.views: dict[int, Scenario] = {}
        # (days swept, the dated facts holding then): the next day asked starts from here.
        self.last: tuple[int, frozenset[Fact]] = (0, frozenset())


# By identity (comparing two equal scenarios of thousands of facts costs them all), each
# entry dropped when its scenario goes.
_MEMO: dict[int, tuple[weakref.ref[Scenario], _Views]] = {}


def _views(scenario: Scenario) -> _Views:
    key = id(scenario)
    entry = _MEMO.get(key)
    if entry is not None and entry[0]() is scenario:
        return entry[1]
    memo = _Views(_plan(scenario))

    def forget(_: weakref.ref[Scenario]) -> None:
        _MEMO.pop(key, None)

    _MEMO[key] = (weakref.ref(scenario, forget), memo)
    return memo


def _timeless_or_day(fact: Fact) -> pendulum.Date | None:
    return None if fact.timeless else fact.on


def _plan(scenario: Scenario) -> _Plan:
    dated: list[tuple[pendulum.Date, Fact, list[Hashable]]] = []
    undated: list[Fact] = []
    for fact in scenario.facts:
        on = _timeless_or_day(fact)
        if on is None:
            undated.append(fact)
        else:
            dated.append((on, fact, [topic for topic, _ in fact.exclusions()]))
    topic_days: dict[Hashable, list[pendulum.Date]] = {}
    for on, _, topics in dated:
        for topic in topics:
            topic_days.setdefault(topic, []).append(on)
    for found in topic_days.values():
        found.sort()
    days = sorted({on for on, _, _ in dated})
    index = {day: i for i, day in enumerate(days)}
    added: list[list[Fact]] = [[] for _ in days]
    removed: list[list[Fact]] = [[] for _ in days]
    for on, fact, topics in dated:
        plain = attrs.evolve(fact, on=None)
        added[index[on]].append(plain)
        # Superseded on the first later day a fact on one of its topics holds from.
        until: pendulum.Date | None = None
        for topic in topics:
            later = topic_days[topic]
            at = bisect.bisect_right(later, on)
            if at < len(later) and (until is None or later[at] < until):
                until = later[at]
        if until is not None:
            removed[index[until]].append(plain)
    return _Plan(
        days=tuple(days),
        added=tuple(tuple(a) for a in added),
        removed=tuple(tuple(r) for r in removed),
        undated=tuple(undated),
    )


def as_of(scenario: Scenario, day: pendulum.Date) -> Scenario:
    """The facts of ``scenario`` holding on ``day``, without their days (see ``Scenario.as_of``)."""
    memo = _views(scenario)
    plan = memo.plan
    count = bisect.bisect_right(plan.days, day)  # the days on or before ``day``
    view = memo.views.get(count)
    if view is not None:
        return view
    swept, held = memo.last
    if swept > count:
        swept, held = 0, frozenset()
    if swept < count:
        changed = set(held)
        for i in range(swept, count):
            changed.difference_update(plan.removed[i])
            changed.update(plan.added[i])
        held = frozenset(changed)
        memo.last = (count, held)
    view = type(scenario)(*plan.undated, *held, *scenario.disputes)
    if len(memo.views) >= _KEEP:
        memo.views.clear()
    memo.views[count] = view
    return view
