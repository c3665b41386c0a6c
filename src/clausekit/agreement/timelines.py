"""Questions over time: timelines split at every change point, comparisons of two days, and
what changed the answer on a day."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import pendulum

from clausekit.agreement import readings, triggers, uncertain
from clausekit.agreement.amendment import Amendment
from clausekit.agreement.compiled import _touched
from clausekit.errors import InvalidPeriodError, QuestionTooLargeError
from clausekit.scenario import Scenario
from clausekit.time import LAST_DAY, Period, to_day
from clausekit.timeline import Change, Comparison, Segment, Timeline
from clausekit.verdict import Verdict

if TYPE_CHECKING:
    from clausekit.actions import Action
    from clausekit.agreement.core import Agreement

__all__ = ["cause", "compare", "timeline"]


def cause(
    agreement: Agreement, day: pendulum.Date, scenario: Scenario, before: Verdict, after: Verdict
) -> tuple[Amendment | None, str]:
    """What changed the answer on ``day``: the amendment that touched a clause the answer
    rests on (before or after), else None when only a term's end or a scenario fact did."""
    relevant = {
        clause.id
        for verdict in (before, after)
        for ruling in verdict.rulings
        for clause in (ruling.clause, *ruling.finding.relies_on)
    }
    opened = agreement._compiled.opened.get(day, ())
    touching = [a for a in opened if relevant & _touched(a)]
    expiring = agreement._compiled.expiring.get(day, ())
    others = [a for a in opened if a not in touching]
    causes = [f"amendment {a.id!r} takes effect ({a.title})" for a in touching]
    causes += [f"clause {c!r} reaches its end" for c in expiring if c in relevant]
    causes += [f"amendment {a.id!r} takes effect ({a.title})" for a in others]
    causes += [f"clause {c!r} reaches its end" for c in expiring if c not in relevant]
    # Only the triggering clauses in force that day speak for the scenario's events.
    causes += triggers.trigger_causes(agreement._compiled, scenario, day)
    causes += readings.fact_causes(agreement._compiled, scenario, day)
    causes += uncertain.causes(agreement._compiled.settling.get(day, ()), day)
    # No amendment that touched what the answer rests on: a term ended or a dated fact did it.
    opener = touching[0] if touching else None
    return opener, "; ".join(dict.fromkeys(causes)) or "change"


WORK_LIMIT = 100_000
"""The most rulings one timeline or comparison works out (see :func:`timeline`)."""


def timeline(
    agreement: Agreement,
    action: Action,
    period: Period,
    scenario: Scenario | None,
    *,
    question: str = "timeline",
) -> Timeline:
    """The answers over ``period``, one segment per answer, split at every change point.

    Only the change points where the answer to ``action`` may change are
    visited: where a clause that speaks to it starts or ends, a trigger or a
    dated fact. Each stretch costs the clauses in force that speak to the
    action, so the work is their count summed over the stretches; beyond
    :data:`WORK_LIMIT` the question is refused (``QuestionTooLargeError``),
    before any of it is done.
    """
    if period.end is None:
        raise InvalidPeriodError(
            f"during={period} is open-ended; a timeline needs an end. Give an end day, "
            "e.g. during='2025-01-01/2027-01-01'."
        )
    facts, points = agreement._facts(scenario)
    segments: list[Segment] = []
    last_key: tuple[object, ...] = ()
    for piece in _pieces(agreement, action, period, facts, points, question=question):
        answer = agreement._answer(action, scenario, facts, points, piece.start)
        if segments and answer.key() == last_key:
            last = segments[-1]
            segments[-1] = Segment(
                Period(last.period.start, piece.end), last.verdict, last.opened_by, last.cause
            )
            continue
        last_key = answer.key()
        verdict = agreement._verdict(action, answer, facts, piece.start)
        if segments:
            opened_by, why = cause(agreement, piece.start, facts, segments[-1].verdict, verdict)
        else:
            opened_by, why = None, f"start of the period asked about ({period.start})"
        segments.append(Segment(piece, verdict, opened_by, why))
    return Timeline(action=action, period=period, segments=tuple(segments))


def _pieces(
    agreement: Agreement,
    action: Action,
    period: Period,
    facts: Scenario,
    points: tuple[pendulum.Date, ...],
    *,
    question: str,
) -> tuple[Period, ...]:
    """The stretches of ``period`` to ask about: split where the answer to ``action`` may change.

    An agreement read in several ways (disputed facts, uncertain dates) is split at
    every change point, and its work counted once per reading.
    """
    compiled = agreement._compiled
    resolved = agreement._resolved(action)
    among = compiled.speaking_to(resolved.verb, resolved.subject)
    if facts.disputes or agreement._latest is not None:
        pieces = period.split(points)
        times = len(facts.readings()) * (1 if agreement._latest is None else 2)
    else:
        days: set[pendulum.Date] = set()
        for index in (*among.indexes, *compiled.trigger_lives):
            _, first, last = compiled.lives[index]
            days.add(first)
            if last is not None:
                days.add(last)
        days.update(triggers.trigger_days(compiled, facts))
        days.update(readings.fact_change_points(compiled, facts))
        pieces = period.split(days)
        times = 1
    starts = [piece.start for piece in pieces]
    size = 0
    for index in among.indexes:
        _, first, last = compiled.lives[index]
        low = bisect.bisect_left(starts, first)
        high = len(starts) if last is None else bisect.bisect_left(starts, last)
        size += max(0, high - low) * times
    if size > WORK_LIMIT:
        raise QuestionTooLargeError.for_question(
            question,
            action=resolved.text,
            period=period,
            size=size,
            limit=WORK_LIMIT,
            clauses=len(among.indexes),
            stretches=len(pieces),
        )
    return pieces


def compare(
    agreement: Agreement,
    action: Action,
    first: object,
    second: object,
    *,
    scenario: Scenario | None = None,
) -> Comparison:
    """Both verdicts, and every amendment between the two days that changed the answer."""
    a, b = to_day(first, field="first"), to_day(second, field="second")
    if b < a:
        a, b = b, a
    facts, points = agreement._facts(scenario)
    va = agreement._verdict(action, agreement._answer(action, scenario, facts, points, a), facts, a)
    vb = agreement._verdict(action, agreement._answer(action, scenario, facts, points, b), facts, b)
    changes: list[Change] = []
    if a != b:
        # No day follows LAST_DAY: the timeline stops before it, and b's verdict closes it.
        end = b if b == LAST_DAY else b.add(days=1)
        stretch = Period(a, end)
        segments = list(timeline(agreement, action, stretch, scenario, question="compare").segments)
        if b == LAST_DAY:
            opened = cause(agreement, b, facts, segments[-1].verdict, vb)
            segments.append(Segment(Period(b), vb, *opened))
        previous = segments[0]
        for segment in segments[1:]:
            if segment.verdict.answer_key() != previous.verdict.answer_key():
                changes.append(
                    Change(
                        day=segment.period.start,
                        amendment=segment.opened_by,
                        cause=segment.cause,
                        before=previous.verdict,
                        after=segment.verdict,
                    )
                )
            previous = segment
    return Comparison(action=action, first=va, second=vb, changes=tuple(changes))
