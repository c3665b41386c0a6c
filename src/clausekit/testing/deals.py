"""Strategies for agreements, amendments, actions, and whole questions to ask them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import pendulum
from hypothesis import strategies as st

from clausekit.actions import Act, ProcureCompute, Workload
from clausekit.agreement import Agreement, Amendment, Replacement
from clausekit.clauses import AGIClause
from clausekit.clauses.base import ClauseBase
from clausekit.scenario import Scenario
from clausekit.testing.amounts import money
from clausekit.testing.base import PARTY_NAMES, SUBJECTS, VERBS, memo
from clausekit.testing.clause_kinds import clauses
from clausekit.testing.dates import days
from clausekit.testing.participants import parties
from clausekit.testing.scenario import scenarios
from clausekit.testing.sources import evidence
from clausekit.time import DateRange

__all__ = ["actions", "agreements", "amendments", "questions"]


@memo
@st.composite
def agreements(
    draw: st.DrawFn,
    *,
    max_amendments: int = 5,
    kinds: Sequence[type[ClauseBase] | str] | None = None,
) -> Agreement:
    """Whole agreements, valid by construction.

    Between one and ``max_amendments`` amendments in order of their effective
    days; each adds clauses of every registered kind (or of ``kinds``, as
    :func:`clauses` takes them), may end or replace clauses in
    force, and is announced on, before or after its effective day (sometimes
    only as a date range); some of its terms (a clause's end, what an AGI
    clause ends) are first reported later (``Amendment.reported``). About one
    agreement in three has an AGI clause that ends or starts some of its
    clauses.
    """
    party_list = draw(parties())
    names = [p.name for p in party_list]
    count = draw(st.integers(1, max_amendments))
    effective = sorted(draw(st.lists(days(), min_size=count, max_size=count)))
    amendments: list[Amendment] = []
    live: list[str] = []
    all_ids: list[str] = []
    serial = 0
    for index, day in enumerate(effective):
        adds: list[ClauseBase] = []
        for _ in range(draw(st.integers(0 if index else 1, 3))):
            adds.append(draw(clauses(names, clause_id=f"c{serial}", until_after=day, kinds=kinds)))
            serial += 1
        ends: list[str] = []
        replaces: list[Replacement] = []
        end_one: bool = draw(st.booleans())
        if live and end_one:
            ended = draw(st.sampled_from(live))
            live.remove(ended)
            if draw(st.booleans()):
                replaces.append(
                    Replacement(
                        ended,
                        draw(clauses(names, clause_id=f"c{serial}", until_after=day, kinds=kinds)),
                    )
                )
                serial += 1
            else:
                ends.append(ended)
        new_ids = [c.id for c in adds] + [r.new.id for r in replaces]
        live += new_ids
        all_ids += new_ids
        if all_ids and index == count - 1 and draw(st.integers(0, 2)) == 0:
            affected = draw(st.lists(st.sampled_from(all_ids), max_size=3, unique=True))
            split = draw(st.integers(0, len(affected)))
            adds.append(
                AGIClause(
                    id=f"c{serial}",
                    title="AGI",
                    evidence=(draw(evidence()),),
                    declared_by=draw(st.sampled_from(names)),
                    verification_required=draw(st.booleans()),
                    verifier="a panel",
                    profit_threshold=draw(st.none() | money(("USD",))),
                    ends=affected[:split],
                    starts=affected[split:],
                )
            )
            serial += 1
        shift = draw(st.integers(-30, 30))
        announced: pendulum.Date | DateRange = day.add(days=shift)
        if draw(st.integers(0, 5)) == 0:
            announced = DateRange(day, day.add(days=draw(st.integers(1, 10))))
        latest = announced.latest if isinstance(announced, DateRange) else announced
        # Some terms come out after the announcement: an end, or what an AGI clause ends.
        terms = [f"{c.id}.until" for c in adds] + [f"{r.new.id}.until" for r in replaces]
        terms += [f"{c.id}.ends" for c in adds if isinstance(c, AGIClause) and c.ends]
        late = draw(st.lists(st.sampled_from(terms), max_size=2, unique=True)) if terms else []
        reported = {t: latest.add(days=draw(st.integers(1, 800))) for t in late}
        amendments.append(
            Amendment(
                id=f"a{index}",
                title=f"Amendment {index}",
                effective=day,
                announced=announced,
                adds=adds,
                ends=ends,
                replaces=replaces,
                evidence=(draw(evidence()),),
                reported=reported,
            )
        )
    return Agreement(id="generated", title="Generated", parties=party_list, amendments=amendments)


@memo
def actions(
    names: Sequence[str] = PARTY_NAMES, *, kind: Literal["procure-compute", "act"] | None = None
) -> st.SearchStrategy[Act | ProcureCompute]:
    """Actions between the parties ``names``, over the generated verbs and subjects.

    Both :class:`~clausekit.ProcureCompute` and :class:`~clausekit.Act`
    unless ``kind`` picks one of them.
    """
    pick = st.sampled_from(tuple(names))
    procure: st.SearchStrategy[Act | ProcureCompute] = st.builds(
        ProcureCompute, buyer=pick, provider=pick, workload=st.sampled_from(tuple(Workload))
    )
    act: st.SearchStrategy[Act | ProcureCompute] = st.builds(
        Act,
        actor=pick,
        verb=st.sampled_from(VERBS),
        counterparty=pick,
        subject=st.sampled_from(SUBJECTS),
    )
    if kind == "procure-compute":
        return procure
    if kind == "act":
        return act
    return st.one_of(procure, act)


@memo
@st.composite
def amendments(
    draw: st.DrawFn,
    names: Sequence[str] = PARTY_NAMES,
    *,
    amendment_id: str = "a0",
    effective: pendulum.Date | None = None,
    max_clauses: int = 3,
    kinds: Sequence[type[ClauseBase] | str] | None = None,
) -> Amendment:
    """One amendment that adds between one and ``max_clauses`` clauses and ends none.

    It stands on its own: ``Agreement(..., amendments=[it])`` is valid when
    the agreement's parties include ``names``. Its clause ids are
    ``"<amendment_id>-c0"``, ``"<amendment_id>-c1"``, ...; it is announced on,
    before or after ``effective`` (drawn when not given), sometimes as a
    date range. Its clauses are of every registered kind, or of ``kinds``.
    """
    day = effective if effective is not None else draw(days())
    adds = [
        draw(clauses(names, clause_id=f"{amendment_id}-c{i}", until_after=day, kinds=kinds))
        for i in range(draw(st.integers(1, max_clauses)))
    ]
    announced: pendulum.Date | DateRange = day.add(days=draw(st.integers(-30, 30)))
    if draw(st.integers(0, 5)) == 0:
        announced = DateRange(day, day.add(days=draw(st.integers(1, 10))))
    return Amendment(
        id=amendment_id,
        title=f"Amendment {amendment_id}",
        effective=day,
        announced=announced,
        adds=adds,
        evidence=(draw(evidence()),),
    )


@memo
@st.composite
def questions(
    draw: st.DrawFn,
    *,
    max_amendments: int = 5,
    kinds: Sequence[type[ClauseBase] | str] | None = None,
) -> tuple[Agreement, Act | ProcureCompute, Scenario, pendulum.Date]:
    """An agreement with a question it can answer: ``(agreement, action, scenario, day)``.

    The action names only the agreement's parties (by name or alias) and the
    scenario only their canonical names, so ``agreement.ask(action, on=day,
    scenario=scenario)`` never fails for an unknown party: a property can
    assert on every answer instead of filtering. ``kinds`` limits the
    agreement's clauses as in :func:`agreements`.
    """
    agreement = draw(agreements(max_amendments=max_amendments, kinds=kinds))
    canonical = [p.name for p in agreement.parties]
    every_name = [n for p in agreement.parties for n in p.names]
    action = draw(actions(every_name))
    clause_ids = sorted({c.id for a in agreement.amendments for c in a.added()})
    scenario = draw(scenarios(canonical, clause_ids))
    return agreement, action, scenario, draw(days())
