"""Hypothesis strategies for clausekit values, for testing the library and your own models.

Install with the ``testing`` extra (``pip install clausekit[testing]``).
Every strategy builds values that are valid by construction; combine them
with your own agreement to property-test it:

Examples:
    >>> from hypothesis import given, settings
    >>> import clausekit as ck
    >>> from clausekit import testing as ckst
    >>> @settings(max_examples=20, database=None)
    ... @given(agreement=ckst.agreements(), day=ckst.days())
    ... def test_every_question_is_answered(agreement, day):
    ...     party = agreement.parties[0].name
    ...     action = ck.Act(actor=party, verb="procure-compute", counterparty=party)
    ...     assert agreement.ask(action, on=day).outcome in ck.Outcome
    >>> test_every_question_is_answered()
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import pendulum
from hypothesis import strategies as st

from clausekit.actions import Act, ProcureCompute, Workload
from clausekit.agreement import Agreement, Amendment, Replacement
from clausekit.clauses import (
    AGIClause,
    Clause,
    ComputeDeal,
    ConsentRequirement,
    Exclusivity,
    IPLicense,
    RevenueShare,
    RightOfFirstRefusal,
    RofrTrigger,
    SpendCommitment,
    Waiver,
)
from clausekit.evidence import Evidence, OutsideSource, SeedExcerpt
from clausekit.money import Money
from clausekit.parties import Party
from clausekit.scenario import (
    AGIDeclared,
    AssumedRate,
    CannotMeetRequirements,
    ConsentGiven,
    ConsentRefused,
    Fact,
    OfferAccepted,
    OfferDeclined,
    Scenario,
)
from clausekit.time import DateRange, Period

__all__ = [
    "MAX_DAY",
    "MIN_DAY",
    "PARTY_NAMES",
    "SUBJECTS",
    "VERBS",
    "actions",
    "agreements",
    "clauses",
    "days",
    "evidence",
    "money",
    "parties",
    "periods",
    "rates",
    "scenarios",
]

MIN_DAY = pendulum.Date(2000, 1, 1)
"""The first day the strategies generate."""
MAX_DAY = pendulum.Date(2039, 12, 31)
"""The last day the strategies generate."""
PARTY_NAMES: tuple[str, ...] = ("Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta")
"""The party names generated agreements use."""
VERBS: tuple[str, ...] = ("procure-compute", "transfer-shares", "appoint-distributor")
"""The verbs generated clauses and actions use."""
SUBJECTS: tuple[str, ...] = tuple(w.value for w in Workload)
"""The subjects generated scopes and actions use."""
CURRENCIES: tuple[str, ...] = ("USD", "EUR", "GBP", "JPY", "CHF")


def days(
    min_value: pendulum.Date = MIN_DAY, max_value: pendulum.Date = MAX_DAY
) -> st.SearchStrategy[pendulum.Date]:
    """Calendar days (``pendulum.Date``) between ``min_value`` and ``max_value``, both included."""
    return st.dates(
        min_value=_dt.date(min_value.year, min_value.month, min_value.day),
        max_value=_dt.date(max_value.year, max_value.month, max_value.day),
    ).map(lambda d: pendulum.Date(d.year, d.month, d.day))


@st.composite
def periods(draw: st.DrawFn, *, open_ok: bool = True) -> Period:
    """Non-empty half-open periods; open-ended ones too unless ``open_ok=False``."""
    start = draw(days(MIN_DAY, MAX_DAY.subtract(days=1)))
    if open_ok and draw(st.booleans()) and draw(st.booleans()):
        return Period(start, None)
    end = draw(days(start.add(days=1), MAX_DAY))
    return Period(start, end)


def rates() -> st.SearchStrategy[Decimal]:
    """Exact rates in [0, 1] with up to four decimal places."""
    return st.integers(min_value=0, max_value=10_000).map(lambda n: Decimal(n).scaleb(-4))


def money(
    currencies: Sequence[str] = CURRENCIES, *, max_amount: int = 10**12
) -> st.SearchStrategy[Money]:
    """Non-negative exact amounts, with cents, in the given currencies."""
    return st.builds(
        lambda cents, code: Money(Decimal(cents).scaleb(-2), code),
        st.integers(min_value=0, max_value=max_amount * 100),
        st.sampled_from(tuple(currencies)),
    )


def parties(names: Sequence[str] = PARTY_NAMES) -> st.SearchStrategy[tuple[Party, ...]]:
    """Two or more parties with distinct names, some with an alias (``"<name> Ltd"``)."""
    return st.lists(
        st.tuples(st.sampled_from(tuple(names)), st.booleans()),
        min_size=2,
        max_size=len(names),
        unique_by=lambda pair: pair[0],
    ).map(
        lambda pairs: tuple(
            Party(name, aliases=(f"{name} Ltd",) if alias else ()) for name, alias in pairs
        )
    )


@st.composite
def evidence(draw: st.DrawFn) -> Evidence:
    """A seed excerpt or an outside source, made up but well formed."""
    words = st.text(alphabet="abcdefghij ", min_size=3, max_size=30).filter(str.strip)
    if draw(st.booleans()):
        return SeedExcerpt(
            document=draw(st.sampled_from(("000_test", "001_test"))),
            excerpt=draw(words).strip(),
            gloss=draw(words).strip(),
        )
    return OutsideSource(
        url=f"https://example.org/{draw(st.integers(0, 999))}",
        title=draw(words).strip(),
        published=draw(days()),
        gloss=draw(words).strip(),
    )


def _scope() -> st.SearchStrategy[frozenset[str]]:
    return st.frozensets(st.sampled_from(SUBJECTS), max_size=3)


@st.composite
def clauses(
    draw: st.DrawFn,
    names: Sequence[str],
    *,
    clause_id: str,
    until_after: pendulum.Date | None = None,
) -> Clause:
    """One clause of any kind between the parties ``names``, with id ``clause_id``.

    AGI clauses are not generated here (they refer to other clauses; see
    :func:`agreements`). ``until_after`` lets the clause end by its own term
    some time after that day.
    """
    pick = st.sampled_from(tuple(names))
    common: dict[str, Any] = {
        "id": clause_id,
        "title": f"Clause {clause_id}",
        "evidence": (draw(evidence()),),
    }
    if until_after is not None and draw(st.integers(0, 4)) == 0:
        common["until"] = draw(days(until_after.add(days=1), MAX_DAY.add(days=1)))
    verb = draw(st.sampled_from(VERBS))
    kind = draw(st.integers(0, 7))
    if kind == 0:
        return Exclusivity(
            **common,
            bound=draw(pick),
            beneficiary=draw(pick),
            verb=verb,
            scope=draw(_scope()),
            consent_by=draw(st.none() | pick),
        )
    if kind == 1:
        return RightOfFirstRefusal(
            **common,
            grantor=draw(pick),
            holder=draw(pick),
            verb=verb,
            scope=draw(_scope()),
            triggers=draw(st.frozensets(st.sampled_from(tuple(RofrTrigger)), min_size=1)),
        )
    if kind == 2:
        return ConsentRequirement(
            **common,
            bound=draw(pick),
            consent_by=draw(st.none() | pick),
            verb=verb,
            scope=draw(_scope()),
            counterparties=draw(st.frozensets(pick, max_size=2)),
        )
    if kind == 3:
        return Waiver(
            **common,
            granted_by=draw(pick),
            grantee=draw(pick),
            verb=verb,
            scope=draw(_scope()),
            counterparties=draw(st.frozensets(pick, max_size=2)),
            one_off=draw(st.booleans()),
        )
    if kind == 4:
        return IPLicense(
            **common,
            licensor=draw(pick),
            licensee=draw(pick),
            scope=draw(st.frozensets(st.sampled_from(("models", "research")), max_size=2)),
            excludes=draw(st.frozensets(st.just("agi-technology"), max_size=1)),
            exclusive=draw(st.booleans()),
        )
    if kind == 5:
        return RevenueShare(
            **common,
            payer=draw(pick),
            payee=draw(pick),
            rate=draw(st.none() | rates()),
            reported_rate=draw(st.none() | rates()),
            cap=draw(st.none() | money(("USD",))),
        )
    if kind == 6:
        return SpendCommitment(
            **common,
            committer=draw(pick),
            recipient=draw(pick),
            amount=draw(st.none() | money()),
            scope=draw(_scope()),
        )
    return ComputeDeal(
        **common,
        buyer=draw(pick),
        provider=draw(pick),
        amount=draw(st.none() | money()),
        scope=draw(_scope()),
        capacity_by=draw(st.none() | days()),
        hardware=draw(st.sampled_from(("", "GPUs"))),
    )


@st.composite
def agreements(draw: st.DrawFn, *, max_amendments: int = 5) -> Agreement:
    """Whole agreements, valid by construction.

    Between one and ``max_amendments`` amendments in order of their effective
    days; each adds clauses of every kind, may end or replace clauses in
    force, and is announced on, before or after its effective day (sometimes
    only as a date range). About one agreement in three has an AGI clause
    that ends or starts some of its clauses.
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
        adds: list[Clause] = []
        for _ in range(draw(st.integers(0 if index else 1, 3))):
            adds.append(draw(clauses(names, clause_id=f"c{serial}", until_after=day)))
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
                        ended, draw(clauses(names, clause_id=f"c{serial}", until_after=day))
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
            )
        )
    return Agreement(id="generated", title="Generated", parties=party_list, amendments=amendments)


def actions(names: Sequence[str] = PARTY_NAMES) -> st.SearchStrategy[Act | ProcureCompute]:
    """Actions between the parties ``names``, over the generated verbs and subjects."""
    pick = st.sampled_from(tuple(names))
    return st.one_of(
        st.builds(
            ProcureCompute, buyer=pick, provider=pick, workload=st.sampled_from(tuple(Workload))
        ),
        st.builds(
            Act,
            actor=pick,
            verb=st.sampled_from(VERBS),
            counterparty=pick,
            subject=st.sampled_from(SUBJECTS),
        ),
    )


@st.composite
def scenarios(draw: st.DrawFn, names: Sequence[str] = PARTY_NAMES) -> Scenario:
    """Consistent scenarios over the parties ``names``: no fact together with its opposite."""
    facts: list[Fact] = []
    for name in draw(st.lists(st.sampled_from(tuple(names)), unique=True, max_size=3)):
        consent = draw(st.sampled_from((None, ConsentGiven, ConsentRefused)))
        if consent is not None:
            facts.append(consent(by=name))
        offer = draw(st.sampled_from((None, OfferDeclined, OfferAccepted, CannotMeetRequirements)))
        if offer is not None:
            facts.append(offer(by=name))
    if draw(st.booleans()):
        declared = draw(days())
        facts.append(AGIDeclared(on=declared, verified=draw(st.none() | st.booleans())))
    if draw(st.booleans()):
        facts.append(AssumedRate(f"c{draw(st.integers(0, 9))}", draw(rates())))
    return Scenario(*facts)
