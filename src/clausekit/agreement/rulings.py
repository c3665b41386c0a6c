"""Rulings: what the clauses in force on a day say about one action, and the answer they make.

Only the clauses that may speak to the action are asked (an index per verb and
subject); each rules through its kind's :meth:`~clausekit.clauses.base.ClauseBase.rule`
hook, a carve-out takes the action out of a clause, and a clause whose standing
an uncertain trigger leaves in doubt rules ``UNKNOWN``. The rulings combine into
the answer (:func:`clausekit.verdict.derive`) with the action's default.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pendulum

from clausekit.agreement import readings
from clausekit.agreement.compiled import _Answer
from clausekit.clauses import Clause, Context, Resolved
from clausekit.scenario import Scenario
from clausekit.verdict import Finding, Outcome, Ruling, derive

if TYPE_CHECKING:
    from clausekit.agreement.core import Agreement

__all__ = ["work_out"]


def work_out(
    agreement: Agreement,
    resolved: Resolved,
    day: pendulum.Date,
    scenario: Scenario,
    *,
    remember: bool = True,
) -> _Answer:
    """The rulings of every clause in force on ``day`` that speaks to the action.

    Only the clauses that may speak to it are looked at (an index per verb and
    subject, ``_Compiled.speaking_to``; with ``remember=False`` the index is not
    kept, for a question asked once): the others cost nothing.
    """
    among = agreement._compiled.speaking_to(resolved.verb, resolved.subject, remember=remember)
    under = agreement._effective(day, scenario, among=among)
    items, uncertain, assumptions = under.items, under.uncertain, under.assumed
    view = scenario.as_of(day)  # the facts holding that day, without their days
    clauses = tuple([i.clause for i in items])
    ctx = Context(
        on=day,
        scenario=view,
        in_force=clauses,
        history=None if view is scenario else scenario,
        consents=tuple([c for c in clauses if resolved.verb in Context.consents_on(c)]),
    )
    verbs = agreement._compiled.verbs
    verb = resolved.verb
    rulings: list[Ruling] = []
    used_assumptions: list[tuple[Clause, str]] = []
    for item in items:
        speaks_to = verbs.get(item.clause.id)
        if speaks_to is not None and verb not in speaks_to:
            continue  # the clause's kind never rules on this verb
        finding = item.clause.rule(resolved, ctx)
        if finding is None:
            continue
        if finding.effect is not Outcome.PERMITTED and item.clause.carve_outs:
            carve_out = item.clause.carved_out(resolved)
            if carve_out is not None:
                finding = Finding(
                    Outcome.PERMITTED,
                    f"Carve-out {carve_out.id!r} of clause {item.clause.id!r} takes this "
                    f"action out of the clause: {carve_out.describe()}.",
                    carve_out=carve_out,
                )
        doubt = uncertain.get(item.clause.id)
        if doubt is not None:
            finding = Finding(
                Outcome.UNKNOWN,
                f"{finding.reason} Whether this clause still applies depends on "
                f"{doubt.doubt or doubt.text}.",
                missing=(doubt.missing or doubt.text,),
                grants=finding.grants,
            )
        rulings.append(Ruling(item.clause, item.amendment, finding))
        if item.clause.id in assumptions:
            used_assumptions.append(assumptions[item.clause.id])
    found = tuple(rulings)
    derived = derive(found, resolved.default)
    answer = _Answer(
        resolved=resolved,
        rulings=found,
        derived=derived,
        assumed=tuple(dict.fromkeys(used_assumptions)) if used_assumptions else (),
    )
    if uncertain and derived[0] is Outcome.UNKNOWN:
        # Whether the declaration was verified may not matter: ask both readings.
        return readings.trigger_unknown(agreement, resolved, day, scenario, answer, uncertain)
    return answer
