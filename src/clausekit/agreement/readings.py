"""Answers under readings: disputed facts and uncertain effective dates.

Where the scenario holds a :class:`~clausekit.scenario.Disputed` or a day
falls inside an amendment's uncertain effective date, the question is asked
once per reading. When the readings agree, that is the answer, and it says the
dispute does not matter; when they differ, the answer is ``UNKNOWN`` and
names each reading with its outcome.

An uncertain trigger (an AGI declaration whose required verification is
unknown) is asked the same way (:func:`trigger_unknown`): once under each of
the trigger's readings (verified, not verified). When they give the same
answer, the doubt does not matter and that is the answer; when they differ,
the answer stays ``UNKNOWN`` and names what it is missing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import pendulum

from clausekit.agreement import uncertain
from clausekit.agreement.compiled import _Answer, _Compiled, _remember
from clausekit.clauses import Resolved, Trigger
from clausekit.scenario import Scenario
from clausekit.verdict import (
    Outcome,
    Reading,
    disputed_missing,
    headline_for,
    readings_differ,
)

if TYPE_CHECKING:
    from clausekit.agreement.core import Agreement

__all__ = ["combine", "fact_causes", "fact_change_points", "trigger_unknown", "work_out"]


def combine(answers: Sequence[tuple[str, _Answer]]) -> _Answer:
    """One answer from the answers under each reading (see the module docstring)."""
    readings = tuple(
        Reading(text, a.derived[0], headline_for(a.derived, a.resolved.default), a.rulings)
        for text, a in answers
    )
    first = answers[0][1]
    if not readings_differ(readings):
        return _Answer(
            resolved=first.resolved,
            rulings=first.rulings,
            derived=first.derived,
            assumed=first.assumed,
            readings=readings,
        )
    rulings = tuple(dict.fromkeys(r for _, a in answers for r in a.rulings))
    assumed = tuple(dict.fromkeys(x for _, a in answers for x in a.assumed))
    return _Answer(
        resolved=first.resolved,
        rulings=rulings,
        derived=(Outcome.UNKNOWN, (), (disputed_missing(readings),), False),
        assumed=assumed,
        readings=readings,
    )


def trigger_unknown(
    agreement: Agreement,
    resolved: Resolved,
    day: pendulum.Date,
    scenario: Scenario,
    unknown: _Answer,
    uncertain: Mapping[str, Trigger],
) -> _Answer:
    """The answer under an uncertain trigger (an AGI declaration whose verification is unknown).

    ``unknown`` is the answer with the clauses the trigger would change marked
    ``UNKNOWN``. The question is asked again under each of the trigger's
    readings (the declaration verified, and not verified); when they agree,
    their answer is returned (saying the doubt does not change it), else
    ``unknown``. Triggers that disagree on their readings leave ``unknown``.
    """
    options = {
        tuple(text for text, _ in trigger.readings): trigger.readings
        for trigger in uncertain.values()
    }
    if len(options) != 1:
        return unknown
    (settled,) = options.values()
    if not settled:
        return unknown
    answers = [(text, agreement._work_out_plain(resolved, day, s)) for text, s in settled]
    combined = combine(answers)
    return unknown if readings_differ(combined.readings) else combined


def _under_disputes(
    agreement: Agreement, resolved: Resolved, day: pendulum.Date, scenario: Scenario
) -> _Answer:
    if not scenario.disputes:
        return agreement._work_out_plain(resolved, day, scenario)
    return combine(
        [(text, agreement._work_out_plain(resolved, day, s)) for text, s in scenario.readings()]
    )


def work_out(
    agreement: Agreement, resolved: Resolved, day: pendulum.Date, scenario: Scenario
) -> _Answer:
    """The answer on ``day``, asked per reading where facts are disputed or a date uncertain."""
    latest = agreement._latest
    if latest is not None:
        pending = uncertain.pending(agreement._compiled.ranged, day)
        if pending:
            return combine(
                [
                    (
                        uncertain.describe(pending, "earliest"),
                        _under_disputes(agreement, resolved, day, scenario),
                    ),
                    (
                        uncertain.describe(pending, "latest"),
                        _under_disputes(latest, resolved, day, scenario),
                    ),
                ]
            )
    return _under_disputes(agreement, resolved, day, scenario)


def fact_change_points(compiled: _Compiled, scenario: Scenario) -> list[pendulum.Date]:
    """The days dated facts change an answer: the facts' own days and each clause's deadlines."""
    points = list(scenario.dated_days)
    for item, _, _ in compiled.lives:  # each clause once, whenever it is in force
        points += item.clause.change_points(scenario)
    return points


def fact_causes(compiled: _Compiled, scenario: Scenario, day: pendulum.Date) -> list[str]:
    """What dated facts did on ``day``, in words, for a timeline segment's cause.

    The words are worked out for every day at once, the first time a scenario
    is asked (remembered with the agreement), so a timeline of many segments
    costs its facts once, not once per segment.
    """
    by_day = compiled.fact_causes.get(scenario)
    if by_day is None:
        by_day = _fact_causes_by_day(compiled, scenario)
        _remember(compiled.fact_causes, scenario, by_day)
    return list(by_day.get(day, ()))


def _fact_causes_by_day(
    compiled: _Compiled, scenario: Scenario
) -> dict[pendulum.Date, tuple[str, ...]]:
    out: dict[pendulum.Date, list[str]] = {}
    for _, reading in scenario.readings() if scenario.disputes else (("", scenario),):
        # A fact that fires a trigger is named by the trigger's own words (timelines.cause).
        fired = {
            id(f)
            for clause in compiled.triggering
            if (trigger := clause.trigger(reading)) is not None
            for f in trigger.facts
        }
        deadlines: dict[pendulum.Date, list[str]] = {}
        for item, _, _ in compiled.lives:
            for point in item.clause.change_points(reading):
                deadlines.setdefault(point, []).append(
                    f"a deadline to answer passed (clause {item.clause.id!r}, scenario)"
                )
        for fact in reading:
            if fact.on is not None and id(fact) not in fired:
                out.setdefault(fact.on, []).append(f"{fact!r} (scenario)")
        for day, words in deadlines.items():
            out.setdefault(day, []).extend(words)
    return {day: tuple(dict.fromkeys(words)) for day, words in out.items()}
