"""Questions over time: timelines split at every change point, comparisons of two days, and
what changed the answer on a day."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pendulum

from clausekit.agreement import readings, triggers, uncertain
from clausekit.agreement.amendment import Amendment
from clausekit.agreement.compiled import _touched
from clausekit.errors import InvalidPeriodError
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
    causes += uncertain.causes(agreement.amendments, day)
    # No amendment that touched what the answer rests on: a term ended or a dated fact did it.
    opener = touching[0] if touching else None
    return opener, "; ".join(dict.fromkeys(causes)) or "change"


def timeline(
    agreement: Agreement, action: Action, period: Period, scenario: Scenario | None
) -> Timeline:
    """The answers over ``period``, one segment per answer, split at every change point."""
    if period.end is None:
        raise InvalidPeriodError(
            f"during={period} is open-ended; a timeline needs an end. Give an end day, "
            "e.g. during='2025-01-01/2027-01-01'."
        )
    facts, points = agreement._facts(scenario)
    segments: list[Segment] = []
    last_key: tuple[object, ...] = ()
    for piece in period.split(points):
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
        segments = list(timeline(agreement, action, Period(a, end), scenario).segments)
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
