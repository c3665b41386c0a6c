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

Importing :mod:`hypothesis` also registers these strategies for
:func:`hypothesis.strategies.from_type` (through a ``hypothesis`` entry
point), so ``st.from_type(ck.Period)`` or ``st.builds(MyThing)`` with a
``Period`` field just work:

    >>> from hypothesis import strategies as st
    >>> @settings(max_examples=10, database=None)
    ... @given(period=st.from_type(ck.Period), party=st.from_type(ck.Party))
    ... def test_registered(period, party):
    ...     assert period.start in period and party.name in ckst.PARTY_NAMES
    >>> test_registered()
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, Literal, TypeVar

import pendulum

from clausekit import io as contract_io
from clausekit.actions import Act, ProcureCompute, Workload
from clausekit.agreement import Agreement, Amendment, Replacement
from clausekit.clauses import (
    CLAUSE_KINDS,
    AGIClause,
    Clause,
    ComputeDeal,
    ConsentRequirement,
    Exclusivity,
    IPLicense,
    Permission,
    RevenueShare,
    RightOfFirstRefusal,
    RofrTrigger,
    SpendCommitment,
    Waiver,
)
from clausekit.errors import ContractFileError, FileProblem
from clausekit.evidence import Evidence, OutsideSource, SeedExcerpt
from clausekit.money import Money
from clausekit.parties import Party
from clausekit.scenario import (
    FACT_TYPES,
    AGIDeclared,
    AssumedRate,
    CannotMeetRequirements,
    ConsentGiven,
    ConsentRefused,
    Fact,
    InvalidFactError,
    OfferAccepted,
    OfferDeclined,
    Revenue,
    Scenario,
)
from clausekit.time import DateRange, Period


def _hypothesis_setup_hook() -> None:
    """Register clausekit's strategies for ``st.from_type`` (hypothesis calls this on import).

    ``pyproject.toml`` names this function as clausekit's ``hypothesis`` entry
    point, so hypothesis calls it while ``import hypothesis`` runs, whatever
    imported hypothesis first. When that is this very module (``import
    clausekit.testing`` before anything else imported hypothesis), the module
    is still half-initialised when hypothesis looks this function up on it.
    So the function is defined before this module imports hypothesis, imports
    hypothesis itself only when called, and registers factories that look
    the strategies up by name when ``from_type`` first needs them, by which
    time this module is complete. Only clausekit's own types are registered
    (``Money`` among them, never ``Decimal`` or ``pendulum.Date``).
    """
    from hypothesis import strategies as hs

    def later(make: Callable[[], Any]) -> Callable[[type], Any]:
        return lambda _: make()

    registered: list[tuple[type, Callable[[type], Any]]] = [
        (Money, later(lambda: money())),
        (Period, later(lambda: periods())),
        (DateRange, later(lambda: date_ranges())),
        (Party, later(lambda: party())),
        (SeedExcerpt, later(lambda: evidence(kind="seed"))),
        (OutsideSource, later(lambda: evidence(kind="outside"))),
        (Scenario, later(lambda: scenarios())),
        (ProcureCompute, later(lambda: actions(kind="procure-compute"))),
        (Act, later(lambda: actions(kind="act"))),
        (Agreement, later(lambda: agreements())),
        (Amendment, later(lambda: amendments())),
    ]

    def one_fact(kind: type) -> Callable[[type], Any]:
        return lambda _: facts(kinds=(kind,))

    def one_clause(kind: type[Clause]) -> Callable[[type], Any]:
        return lambda _: clauses(kinds=(kind,))

    registered += [(kind, one_fact(kind)) for kind in FACT_TYPES]
    registered += [(kind, one_clause(kind)) for kind in CLAUSE_KINDS.values()]
    for cls, factory in registered:
        hs.register_type_strategy(cls, factory)


# Imported only now, after the entry-point hook exists: see _hypothesis_setup_hook.
from hypothesis import strategies as st  # noqa: E402

__all__ = [
    "CURRENCIES",
    "MAX_DAY",
    "MIN_DAY",
    "PARTY_NAMES",
    "SUBJECTS",
    "VERBS",
    "actions",
    "agreements",
    "amendments",
    "clauses",
    "contract_texts",
    "date_ranges",
    "days",
    "evidence",
    "facts",
    "money",
    "parties",
    "party",
    "periods",
    "questions",
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
"""The currencies :func:`money` uses by default."""


_F = TypeVar("_F", bound=Callable[..., Any])


def _memo(function: _F) -> _F:
    """Reuse the strategy built for the same (hashable) arguments.

    Building and validating a fresh strategy object on every draw made
    generating one agreement cost tens of milliseconds; strategies are
    immutable, so one per distinct set of arguments is enough.
    """
    cache: dict[Any, Any] = {}

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            key = (args, tuple(sorted(kwargs.items())))
            return cache[key]
        except TypeError:  # an unhashable argument, such as a list of names
            return function(*args, **kwargs)
        except KeyError:
            made = cache[key] = function(*args, **kwargs)
            return made

    return wrapper  # type: ignore[return-value]


@_memo
def days(
    min_value: pendulum.Date = MIN_DAY, max_value: pendulum.Date = MAX_DAY
) -> st.SearchStrategy[pendulum.Date]:
    """Calendar days (``pendulum.Date``) between ``min_value`` and ``max_value``, both included."""
    return st.dates(
        min_value=_dt.date(min_value.year, min_value.month, min_value.day),
        max_value=_dt.date(max_value.year, max_value.month, max_value.day),
    ).map(lambda d: pendulum.Date(d.year, d.month, d.day))


@_memo
@st.composite
def periods(draw: st.DrawFn, *, open_ok: bool = True) -> Period:
    """Non-empty half-open periods; open-ended ones too unless ``open_ok=False``."""
    start = draw(days(MIN_DAY, MAX_DAY.subtract(days=1)))
    if open_ok and draw(st.booleans()) and draw(st.booleans()):
        return Period(start, None)
    end = draw(days(start.add(days=1), MAX_DAY))
    return Period(start, end)


@_memo
@st.composite
def date_ranges(draw: st.DrawFn) -> DateRange:
    """Uncertain days: a first and a last possible day, up to 60 days apart (or the same day)."""
    earliest = draw(days(MIN_DAY, MAX_DAY.subtract(days=60)))
    return DateRange(earliest, earliest.add(days=draw(st.integers(0, 60))))


@_memo
def rates() -> st.SearchStrategy[Decimal]:
    """Exact rates in [0, 1] with up to four decimal places."""
    # Decimal(f"{n}E-4") is exact in any decimal context (scaleb would round to the caller's).
    return st.integers(min_value=0, max_value=10_000).map(lambda n: Decimal(f"{n}E-4"))


@_memo
def money(
    currencies: Sequence[str] = CURRENCIES, *, max_amount: int = 10**12
) -> st.SearchStrategy[Money]:
    """Non-negative exact amounts, with cents, in the given currencies."""
    return st.builds(
        lambda cents, code: Money(Decimal(f"{cents}E-2"), code),  # exact in any context
        st.integers(min_value=0, max_value=max_amount * 100),
        st.sampled_from(tuple(currencies)),
    )


@_memo
def party(names: Sequence[str] = PARTY_NAMES) -> st.SearchStrategy[Party]:
    """One party named from ``names``, sometimes with an alias (``"<name> Ltd"``)."""
    return st.builds(
        lambda name, alias: Party(name, aliases=(f"{name} Ltd",) if alias else ()),
        st.sampled_from(tuple(names)),
        st.booleans(),
    )


@_memo
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


@_memo
@st.composite
def evidence(draw: st.DrawFn, *, kind: Literal["seed", "outside"] | None = None) -> Evidence:
    """A seed excerpt or an outside source (or only one ``kind``), made up but well formed."""
    words = _WORDS
    seed = draw(st.booleans())
    if kind is not None:
        seed = kind == "seed"
    if seed:
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


_KINDS: tuple[type[Clause], ...] = (
    Exclusivity,
    RightOfFirstRefusal,
    ConsentRequirement,
    Waiver,
    IPLicense,
    RevenueShare,
    SpendCommitment,
    ComputeDeal,
    Permission,
)


_WORDS = st.text(alphabet="abcdefghij ", min_size=3, max_size=30).filter(str.strip)
_SCOPE = st.frozensets(st.sampled_from(SUBJECTS), max_size=3)


def _scope() -> st.SearchStrategy[frozenset[str]]:
    return _SCOPE


@functools.lru_cache(maxsize=64)
def _pick(names: tuple[str, ...]) -> st.SearchStrategy[str]:
    return st.sampled_from(names)


@functools.lru_cache(maxsize=256)
def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


@_memo
@st.composite
def clauses(
    draw: st.DrawFn,
    names: Sequence[str] = PARTY_NAMES,
    *,
    clause_id: str = "c0",
    until_after: pendulum.Date | None = None,
    kinds: Sequence[type[Clause]] | None = None,
) -> Clause:
    """One clause between the parties ``names``, with id ``clause_id``.

    Any kind but the AGI clause by default (AGI clauses refer to other
    clauses; :func:`agreements` adds them); ``kinds`` picks among the given
    classes instead, and an :class:`~clausekit.AGIClause` drawn that way names
    no other clause. ``until_after`` lets the clause end by its own term some
    time after that day.
    """
    pick = _pick(tuple(names))
    common: dict[str, Any] = {
        "id": clause_id,
        "title": f"Clause {clause_id}",
        "evidence": (draw(evidence()),),
    }
    if until_after is not None and draw(st.integers(0, 4)) == 0:
        common["until"] = draw(days(until_after.add(days=1), MAX_DAY.add(days=1)))
    verb = draw(st.sampled_from(VERBS))
    if kinds is None:
        kind = draw(st.integers(0, len(_KINDS) - 1))
    else:
        chosen = draw(st.sampled_from(tuple(kinds)))
        if chosen is AGIClause:
            return AGIClause(
                **common,
                declared_by=draw(pick),
                verification_required=draw(st.booleans()),
                verifier=draw(st.sampled_from(("", "a panel"))),
                profit_threshold=draw(_optional(money(("USD",)))),
            )
        kind = _KINDS.index(chosen)
    if kind == 0:
        return Exclusivity(
            **common,
            bound=draw(pick),
            beneficiary=draw(pick),
            verb=verb,
            scope=draw(_scope()),
            consent_by=draw(_optional(pick)),
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
            consent_by=draw(_optional(pick)),
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
            licensor_keeps_use=draw(st.booleans()),
        )
    if kind == 5:
        return RevenueShare(
            **common,
            payer=draw(pick),
            payee=draw(pick),
            rate=draw(_optional(rates())),
            reported_rate=draw(_optional(rates())),
            cap=draw(_optional(money(("USD",)))),
        )
    if kind == 6:
        return SpendCommitment(
            **common,
            committer=draw(pick),
            recipient=draw(pick),
            amount=draw(_optional(money())),
            scope=draw(_scope()),
        )
    if kind == 8:
        return Permission(
            **common,
            grantee=draw(pick),
            granted_by=draw(_optional(pick)),
            verb=verb,
            scope=draw(_scope()),
            counterparties=draw(st.frozensets(pick, max_size=2)),
        )
    return ComputeDeal(
        **common,
        buyer=draw(pick),
        provider=draw(pick),
        amount=draw(_optional(money())),
        scope=draw(_scope()),
        capacity_by=draw(_optional(days())),
        hardware=draw(st.sampled_from(("", "GPUs"))),
    )


@_memo
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


@_memo
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


@_memo
@st.composite
def scenarios(
    draw: st.DrawFn, names: Sequence[str] = PARTY_NAMES, clause_ids: Sequence[str] = ()
) -> Scenario:
    """Consistent scenarios over the parties ``names``: no fact together with its opposite.

    A rate is assumed only for one of ``clause_ids`` (an agreement refuses an
    assumed rate for a clause it does not have), so give the agreement's ids.
    """
    found: list[Fact] = []
    for name in draw(st.lists(st.sampled_from(tuple(names)), unique=True, max_size=3)):
        consent = draw(st.sampled_from((None, ConsentGiven, ConsentRefused)))
        if consent is not None:
            found.append(consent(by=name))
        offer = draw(st.sampled_from((None, OfferDeclined, OfferAccepted, CannotMeetRequirements)))
        if offer is not None:
            found.append(offer(by=name))
    if draw(st.booleans()):
        declared = draw(days())
        found.append(AGIDeclared(on=declared, verified=draw(st.none() | st.booleans())))
    assume_rate = draw(st.booleans())
    if assume_rate and len(clause_ids) > 0:
        found.append(AssumedRate(draw(st.sampled_from(tuple(clause_ids))), draw(rates())))
    return Scenario(*found)


_PARTY_FACTS: tuple[type, ...] = (
    OfferDeclined,
    OfferAccepted,
    CannotMeetRequirements,
    ConsentGiven,
    ConsentRefused,
)
_CLAUSE_IDS: tuple[str, ...] = tuple(f"c{i}" for i in range(10))


@_memo
@st.composite
def facts(
    draw: st.DrawFn,
    names: Sequence[str] = PARTY_NAMES,
    *,
    kinds: Sequence[type] | None = None,
    clause_ids: Sequence[str] = _CLAUSE_IDS,
) -> Fact:
    """One scenario fact of any type (or of one of ``kinds``), about the parties ``names``.

    Every fact type is covered: the offer and consent facts, an AGI
    declaration (verified, not verified or unknown, sometimes verified on a
    later day), a revenue over a bounded period (sometimes earned by a named
    party), and a rate assumed for one of ``clause_ids``.

    Raises:
        InvalidFactError: when ``kinds`` names something that is not a fact type.
    """
    chosen = tuple(FACT_TYPES if kinds is None else kinds)
    unknown = [k for k in chosen if k not in FACT_TYPES]
    if unknown or not chosen:
        names_ = ", ".join(t.__name__ for t in FACT_TYPES)
        raise InvalidFactError(
            f"facts(kinds={kinds!r}) names no fact type or a non-fact; pick among {names_}."
        )
    kind = draw(st.sampled_from(chosen))
    pick = st.sampled_from(tuple(names))
    if kind in _PARTY_FACTS:
        made: Fact = kind(by=draw(pick))
        return made
    if kind is AGIDeclared:
        on = draw(days())
        verified = draw(st.none() | st.booleans())
        verified_on = draw(st.none() | days(on, MAX_DAY)) if verified is not None else None
        return AGIDeclared(on=on, verified=verified, verified_on=verified_on)
    if kind is Revenue:
        return Revenue(
            amount=draw(money()),
            period=draw(periods(open_ok=False)),
            earned_by=draw(st.none() | pick),
        )
    return AssumedRate(draw(st.sampled_from(tuple(clause_ids))), draw(rates()))


@_memo
@st.composite
def amendments(
    draw: st.DrawFn,
    names: Sequence[str] = PARTY_NAMES,
    *,
    amendment_id: str = "a0",
    effective: pendulum.Date | None = None,
    max_clauses: int = 3,
) -> Amendment:
    """One amendment that adds between one and ``max_clauses`` clauses and ends none.

    It stands on its own: ``Agreement(..., amendments=[it])`` is valid when
    the agreement's parties include ``names``. Its clause ids are
    ``"<amendment_id>-c0"``, ``"<amendment_id>-c1"``, ...; it is announced on,
    before or after ``effective`` (drawn when not given), sometimes as a
    date range.
    """
    day = effective if effective is not None else draw(days())
    adds = [
        draw(clauses(names, clause_id=f"{amendment_id}-c{i}", until_after=day))
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


@_memo
@st.composite
def questions(
    draw: st.DrawFn, *, max_amendments: int = 5
) -> tuple[Agreement, Act | ProcureCompute, Scenario, pendulum.Date]:
    """An agreement with a question it can answer: ``(agreement, action, scenario, day)``.

    The action names only the agreement's parties (by name or alias) and the
    scenario only their canonical names, so ``agreement.ask(action, on=day,
    scenario=scenario)`` never fails for an unknown party: a property can
    assert on every answer instead of filtering.
    """
    agreement = draw(agreements(max_amendments=max_amendments))
    canonical = [p.name for p in agreement.parties]
    every_name = [n for p in agreement.parties for n in p.names]
    action = draw(actions(every_name))
    clause_ids = sorted({c.id for a in agreement.amendments for c in a.added()})
    scenario = draw(scenarios(canonical, clause_ids))
    return agreement, action, scenario, draw(days())


@_memo
def contract_texts(
    format: contract_io.Format, *, max_amendments: int = 5
) -> st.SearchStrategy[str]:
    """The text of valid contract files in ``format`` (``"toml"``, ``"yaml"`` or ``"json"``).

    Each is a generated agreement written by :func:`clausekit.io.dumps`, so
    ``clausekit.loads(text, format=format)`` reads it back.
    """
    if format not in ("toml", "yaml", "json"):
        raise ContractFileError(
            "contract_texts()",
            [FileProblem("", f"unknown file format {format!r}; use 'toml', 'yaml' or 'json'.")],
        )
    return agreements(max_amendments=max_amendments).map(
        lambda agreement: contract_io.dumps(agreement, format=format)
    )
