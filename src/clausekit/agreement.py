"""Amendments, agreements, and the questions an agreement answers.

An :class:`Agreement` is its parties plus an ordered list of
:class:`Amendment` s; the first one is the original agreement. The clauses in
force on a day are derived from the amendments (never stored twice): the
agreement compiles, once, the days on which the set of clauses in force
changes, and answers each question by bisection over those days.

Examples:
    >>> import clausekit as ck
    >>> src = ck.OutsideSource(url="https://example.org/d", title="Distribution agreement",
    ...                        published="2020-01-01", gloss="Acme distributes only via Beta in DE")
    >>> deal = ck.Agreement(
    ...     id="acme-beta", title="Acme–Beta distribution",
    ...     parties=[ck.Party("Acme"), ck.Party("Beta"), ck.Party("Gamma")],
    ...     amendments=[ck.Amendment(
    ...         id="original", title="Signed", effective="2020-01-01", evidence=[src],
    ...         adds=[ck.Exclusivity(id="excl-de", title="Exclusive distributor in DE",
    ...                              evidence=[src], bound="Acme", beneficiary="Beta",
    ...                              verb="appoint-distributor", scope=["DE"],
    ...                              consent_by="Beta")])])
    >>> gamma_de = ck.AppointDistributor(principal="Acme", distributor="Gamma", territory="DE")
    >>> deal.ask(gamma_de, on="2021-05-01").outcome
    <Outcome.CONDITIONAL: 'conditional'>
    >>> deal.ask(gamma_de, on="2019-05-01").outcome   # before the agreement: nothing restricts
    <Outcome.PERMITTED: 'permitted'>
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, overload

import attrs
import pendulum

from clausekit.actions import Action
from clausekit.clauses import AGIClause, Clause, Context, Resolved, RevenueShare
from clausekit.clauses.base import valid_id
from clausekit.errors import (
    AgreementError,
    AmbiguityError,
    ClauseKitError,
    InvalidPeriodError,
    QuestionError,
    UnknownClauseError,
    UnknownPartyError,
    closest,
)
from clausekit.evidence import Evidence, require_evidence
from clausekit.money import Money, check_same_currency, format_money, format_rate, to_money
from clausekit.parties import Party, PartyRegistry
from clausekit.scenario import Revenue, Scenario
from clausekit.time import DateRange, Period, to_day, to_period
from clausekit.timeline import Change, Comparison, Segment, Timeline
from clausekit.verdict import Condition, Finding, Outcome, Ruling, Verdict, derive

if TYPE_CHECKING:
    from clausekit.check import Report

__all__ = [
    "Agreement",
    "Amendment",
    "InForce",
    "Owed",
    "Replacement",
    "Share",
]


# --------------------------------------------------------------------------- amendments


def _announced(value: object) -> pendulum.Date | DateRange:
    if isinstance(value, DateRange):
        return value
    if isinstance(value, dict) and set(value) == {"earliest", "latest"}:
        return DateRange(value["earliest"], value["latest"])
    return to_day(value, field="announced")


def _effective_day(value: object) -> pendulum.Date:
    return to_day(value, field="effective")


@attrs.frozen
class Replacement:
    """The clause with id ``old`` ends and ``new`` takes its place."""

    old: str
    new: Clause


def _ids(value: Iterable[str] | str) -> tuple[str, ...]:
    if isinstance(value, str):
        raise AgreementError(f"ends={value!r} is a single string; pass a list such as [{value!r}].")
    return tuple(value)


def _clause_tuple(value: Iterable[Clause]) -> tuple[Clause, ...]:
    return tuple(value)


def _replacement_tuple(value: Iterable[Replacement]) -> tuple[Replacement, ...]:
    return tuple(value)


def _evidence_tuple(value: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return tuple(value)


def _default_announced(amendment: Amendment) -> pendulum.Date:
    return amendment.effective


@attrs.frozen(kw_only=True)
class Amendment:
    """A dated change to an agreement: adds, ends or replaces clauses, with its evidence.

    Attributes:
        id: unique within the agreement.
        title: a short human title.
        effective: the day it binds.
        announced: the day the public could first know it (a day, or a
            :class:`~clausekit.time.DateRange` when sources only imply it);
            defaults to ``effective``.
        adds: clauses it puts in force.
        ends: ids of clauses it ends.
        replaces: clauses it ends and replaces in one step.
        evidence: at least one source.
        note: anything a reader should know.
    """

    id: str = attrs.field(validator=valid_id)
    title: str
    effective: pendulum.Date = attrs.field(converter=_effective_day)
    announced: pendulum.Date | DateRange = attrs.field(
        default=attrs.Factory(_default_announced, takes_self=True),
        converter=_announced,
    )
    adds: tuple[Clause, ...] = attrs.field(default=(), converter=_clause_tuple)
    ends: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    replaces: tuple[Replacement, ...] = attrs.field(default=(), converter=_replacement_tuple)
    evidence: tuple[Evidence, ...] = attrs.field(converter=_evidence_tuple)
    note: str = ""

    def __attrs_post_init__(self) -> None:
        require_evidence(f"Amendment {self.id!r}", self.evidence)

    @property
    def announced_earliest(self) -> pendulum.Date:
        """The first day the amendment may have been public."""
        return self.announced.earliest if isinstance(self.announced, DateRange) else self.announced

    def announced_by(self, day: pendulum.Date) -> bool:
        """True if the amendment was public on ``day``.

        Raises:
            AmbiguityError: when ``day`` falls inside an uncertain announcement date.
        """
        if isinstance(self.announced, DateRange):
            try:
                return self.announced.is_before_or_on(day)
            except AmbiguityError as exc:
                raise AmbiguityError(f"Amendment {self.id!r}: {exc}") from None
        return self.announced <= day

    def added(self) -> tuple[Clause, ...]:
        """Every clause this amendment puts in force (added or replacing)."""
        return (*self.adds, *(r.new for r in self.replaces))

    def ended(self) -> tuple[str, ...]:
        """Every clause id this amendment ends (ended or replaced)."""
        return (*self.ends, *(r.old for r in self.replaces))


@attrs.frozen
class InForce:
    """A clause in force, with the amendment that put it there."""

    clause: Clause
    amendment: Amendment


# --------------------------------------------------------------------------- money answers


@attrs.frozen
class Share:
    """What one revenue-share clause makes owed."""

    clause: RevenueShare
    amendment: Amendment
    rate: Any  # Decimal | None
    rate_source: str  # "contract", "assumed in the scenario" or "undisclosed"
    amount: Money | None
    capped: bool = False
    at_most: Money | None = None
    """Where the amount is unknown only because a cap is undisclosed: the uncapped amount."""


@attrs.frozen
class Owed:
    """Revenue share owed by ``payer`` on ``revenue`` earned during ``period``.

    ``amount`` is exact when every rate is known (from the contract or assumed
    in the scenario) and ``None`` otherwise; ``missing`` then names the
    undisclosed terms.
    """

    payer: str
    revenue: Money
    period: Period
    shares: tuple[Share, ...]
    amount: Money | None
    missing: tuple[str, ...]

    @property
    def known(self) -> bool:
        """True when the amount is determined."""
        return self.amount is not None

    @property
    def outcome(self) -> Outcome:
        """``UNKNOWN`` while a term is missing, ``PERMITTED`` once the amount is determined."""
        return Outcome.PERMITTED if self.known else Outcome.UNKNOWN

    def explain(self) -> str:
        """The amount (or what is missing) and, per clause, the rate and where it comes from."""
        head = f"Revenue share owed by {self.payer} on {format_money(self.revenue)} ({self.period})"
        if self.amount is not None:
            lines = [f"{head}: {format_money(self.amount)}"]
        else:
            lines = [f"{head}: UNKNOWN — missing: " + "; ".join(self.missing)]
        if not self.shares:
            lines.append(f"  No revenue-share clause binds {self.payer} during {self.period}.")
        for share in self.shares:
            rate = format_rate(share.rate) if share.rate is not None else "undisclosed"
            if share.amount is not None:
                amount = format_money(share.amount)
            elif share.at_most is not None:
                amount = f"at most {format_money(share.at_most)} (cap undisclosed)"
            else:
                amount = "unknown"
            cap = " (capped)" if share.capped else ""
            lines.append(
                f"  - to {share.clause.payee}: {amount}{cap} at {rate} ({share.rate_source}), "
                f"clause {share.clause.id!r}, amendment {share.amendment.id!r}"
            )
            if share.clause.reported_rate is not None and share.rate_source != "contract":
                lines.append(
                    f"    reported elsewhere: {format_rate(share.clause.reported_rate)} "
                    "(press report, not contract text)"
                )
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.explain()


# --------------------------------------------------------------------------- compilation


@attrs.frozen
class _Compiled:
    """The agreement's clauses in force, per change day, computed once."""

    registry: PartyRegistry
    start: pendulum.Date
    days: tuple[pendulum.Date, ...]
    states: tuple[tuple[InForce, ...], ...]
    opened: dict[pendulum.Date, tuple[Amendment, ...]]
    expiring: dict[pendulum.Date, tuple[str, ...]]
    dormant: frozenset[str]
    agi: tuple[AGIClause, ...]
    clause_ids: frozenset[str]
    # Clause id -> the verbs it may rule on (None: any); see ClauseBase.verbs.
    verbs: dict[str, frozenset[str] | None] = attrs.field(factory=dict)
    # What questions already worked out, for every later question it answers (see
    # Agreement._answer): answers per (action, scenario as given, index of the stretch
    # between change points), actions as this agreement reads them, scenarios with
    # canonical names and their change points. Each dict is bounded: cleared when it
    # reaches _MEMO_SIZE entries, so memory stays bounded however many questions come.
    answers: dict[tuple[Action, Scenario | None, int], _Answer] = attrs.field(factory=dict)
    resolved: dict[Action, Resolved] = attrs.field(factory=dict)
    scenarios: dict[Scenario, tuple[Scenario, tuple[pendulum.Date, ...]]] = attrs.field(
        factory=dict
    )

    def state(self, day: pendulum.Date) -> tuple[InForce, ...]:
        index = bisect.bisect_right(self.days, day) - 1
        return self.states[index] if index >= 0 else ()


_MEMO_SIZE = 4096

_NO_FACTS = Scenario()

# (action, canonical actor, canonical counterparty) -> the action as clauses read it.
_RESOLVED: dict[tuple[Action, str, str | None], Resolved] = {}

_NOTHING: Mapping[str, str] = MappingProxyType({})


def _remember(memo: dict[Any, Any], key: object, value: object) -> None:
    if len(memo) >= _MEMO_SIZE:
        memo.clear()
    memo[key] = value


@attrs.define(eq=False)
class _Answer:
    """One answer of an agreement to one question, for a stretch of days.

    Between two consecutive change points (the agreement's change days and the
    scenario's dated facts) the clauses in force, and so the rulings, stay the
    same: the answer is worked out once and every day of the stretch shares it,
    explanation text included. Only the day, and the assumptions that name it,
    are filled in per verdict.
    """

    resolved: Resolved
    rulings: tuple[Ruling, ...]
    derived: tuple[Outcome, tuple[Condition, ...], tuple[str, ...]]
    assumed: tuple[str, ...]  # assumptions, each to follow "no AGI declaration up to <day>"
    texts: dict[object, str] = attrs.field(factory=dict)
    _key: tuple[object, ...] | None = None

    def key(self) -> tuple[object, ...]:
        """``Verdict.key()`` of every verdict built from this answer (worked out on first use)."""
        if self._key is None:
            self._key = (*self.derived, tuple(r.key() for r in self.rulings))
        return self._key


def _compile(
    amendments: tuple[Amendment, ...], registry: PartyRegistry, start: pendulum.Date
) -> _Compiled:
    # Each clause's life: (order, InForce, first day, day after the last or None).
    lives: dict[str, list[Any]] = {}
    ended_by: dict[str, str] = {}
    amendment_ids: set[str] = set()
    previous: Amendment | None = None
    for order, amendment in enumerate(amendments):
        where = f"Amendment {amendment.id!r} (effective {amendment.effective})"
        if amendment.id in amendment_ids:
            raise AgreementError(
                f"Two amendments share the id {amendment.id!r}; ids must be unique."
            )
        amendment_ids.add(amendment.id)
        if previous is not None and amendment.effective < previous.effective:
            raise AgreementError(
                f"{where} comes after amendment {previous.id!r} (effective {previous.effective}) "
                "in the list but takes effect earlier. List amendments in order of their "
                "effective dates."
            )
        if amendment.effective < start:
            raise AgreementError(
                f"{where} takes effect before the agreement starts on {start}. "
                "Move the agreement's start, or fix the amendment's effective date."
            )
        previous = amendment
        for old in amendment.ended():
            if old in ended_by:
                raise AgreementError(
                    f"{where} ends clause {old!r}, which amendment {ended_by[old]!r} already ended."
                )
            if old not in lives:
                raise UnknownClauseError.for_id(old, lives, where=where)
            life = lives[old]
            life[3] = amendment.effective if life[3] is None else min(life[3], amendment.effective)
            ended_by[old] = amendment.id
        for clause in amendment.added():
            if clause.id in lives:
                raise AgreementError(
                    f"{where} adds clause {clause.id!r}, but amendment "
                    f"{lives[clause.id][1].amendment.id!r} already added a clause with that id. "
                    "Clause ids must be unique; give the new clause its own id."
                )
            for field, name in clause.parties().items():
                registry.resolve(name, where=f"{where}, clause {clause.id!r}, field {field}")
            canonical = clause.with_canonical_parties(registry.canonical)
            if clause.until is not None and clause.until <= amendment.effective:
                raise InvalidPeriodError(
                    f"{where}: clause {clause.id!r} ends on {clause.until} (until), on or before "
                    f"the day it takes effect ({amendment.effective}). A clause must end after it "
                    "starts; fix 'until' or the amendment's date."
                )
            lives[clause.id] = [
                order,
                InForce(canonical, amendment),
                amendment.effective,
                clause.until,
            ]
    clause_ids = frozenset(lives)
    agi: list[AGIClause] = []
    for _, in_force, _, _ in lives.values():
        clause = in_force.clause
        if isinstance(clause, AGIClause):
            agi.append(clause)
        for ref in sorted(clause.references()):
            if ref not in clause_ids:
                raise UnknownClauseError.for_id(
                    ref,
                    clause_ids,
                    where=f"Clause {clause.id!r} (amendment {in_force.amendment.id!r})",
                )
    points: set[pendulum.Date] = {start}
    expiring: dict[pendulum.Date, list[str]] = {}
    for _, in_force, first, last in lives.values():
        points.add(first)
        if last is not None:
            points.add(last)
            if in_force.clause.until == last:
                expiring.setdefault(last, []).append(in_force.clause.id)
    days = tuple(sorted(points))
    ordered = sorted(lives.values(), key=lambda life: life[0])
    states = tuple(
        tuple(life[1] for life in ordered if life[2] <= day and (life[3] is None or day < life[3]))
        for day in days
    )
    opened: dict[pendulum.Date, list[Amendment]] = {}
    for amendment in amendments:
        opened.setdefault(amendment.effective, []).append(amendment)
    return _Compiled(
        registry=registry,
        start=start,
        days=days,
        states=states,
        opened={day: tuple(a) for day, a in opened.items()},
        expiring={day: tuple(ids) for day, ids in expiring.items()},
        dormant=frozenset(i for clause in agi for i in clause.starts),
        agi=tuple(agi),
        clause_ids=clause_ids,
        verbs={cid: life[1].clause.verbs() for cid, life in lives.items()},
    )


def _no_agi_up_to(day: pendulum.Date) -> str:
    return f"no AGI declaration up to {day.isoformat()} (the scenario gives none); "


def _touched(amendment: Amendment) -> set[str]:
    """The clause ids an amendment adds, ends, or (through an AGI clause it adds) starts or ends."""
    ids = set(amendment.ended())
    for clause in amendment.added():
        ids.add(clause.id)
        if isinstance(clause, AGIClause):
            ids |= clause.affects()
    return ids


def _share_terms(item: InForce) -> tuple[object, ...]:
    """What a revenue-share clause makes owed: two clauses with equal terms owe the same."""
    clause = item.clause
    assert isinstance(clause, RevenueShare)
    return (clause.payee, clause.rate, clause.reported_rate, clause.cap, clause.cap_undisclosed)


def _party_tuple(value: Iterable[Party]) -> tuple[Party, ...]:
    return tuple(value)


def _amendment_tuple(value: Iterable[Amendment]) -> tuple[Amendment, ...]:
    return tuple(value)


def _optional_start(value: object) -> pendulum.Date | None:
    return None if value is None else to_day(value, field="start")


def _optional_known(value: object) -> pendulum.Date | None:
    return None if value is None else to_day(value, field="known_on")


# --------------------------------------------------------------------------- the agreement


@attrs.frozen(kw_only=True)
class Agreement:
    """Parties and the ordered amendments between them; asks and answers questions.

    Attributes:
        id: a short id (``"openai-microsoft"``).
        title: a human title.
        parties: every party any clause or question may name.
        amendments: in order of their effective dates; the first is the original agreement.
        start: the day the agreement starts (defaults to the first amendment's day).
        description: a paragraph for readers.
        known_on: for an agreement "as known on" a day (see :meth:`as_known_on`), that day.

    Raises:
        AgreementError: for duplicate ids, unordered amendments, an amendment
            before the start, ending an unknown or already ended clause.
        UnknownPartyError: for a clause that names an unknown party.
        InvalidPeriodError: for a clause that ends before it starts.
    """

    id: str = attrs.field(validator=valid_id)
    title: str
    parties: tuple[Party, ...] = attrs.field(converter=_party_tuple)
    amendments: tuple[Amendment, ...] = attrs.field(converter=_amendment_tuple)
    start: pendulum.Date | None = attrs.field(default=None, converter=_optional_start)
    description: str = ""
    known_on: pendulum.Date | None = attrs.field(default=None, converter=_optional_known)
    _compiled: _Compiled = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        if not self.amendments:
            raise AgreementError(
                f"Agreement {self.id!r} has no amendments; the first amendment is the original "
                "agreement and must add its clauses."
            )
        registry = PartyRegistry(self.parties)
        start = self.start if self.start is not None else self.amendments[0].effective
        object.__setattr__(self, "_compiled", _compile(self.amendments, registry, start))

    def __getstate__(self) -> dict[str, object]:
        # Pickle what the agreement was built from; the compiled change days (and the
        # answers remembered) are rebuilt on arrival, which is smaller to send and
        # faster to load than pickling them.
        return {name: getattr(self, name) for name in _STATE}

    def __setstate__(self, state: dict[str, object]) -> None:
        for name in _STATE:
            object.__setattr__(self, name, state[name])
        self.__attrs_post_init__()

    # ------------------------------------------------------------------ lookups

    @property
    def registry(self) -> PartyRegistry:
        """Resolves party names and aliases."""
        return self._compiled.registry

    @property
    def starts_on(self) -> pendulum.Date:
        """The day the agreement starts."""
        return self._compiled.start

    @property
    def change_days(self) -> tuple[pendulum.Date, ...]:
        """Every day on which the set of clauses in force changes (without scenario facts)."""
        return self._compiled.days

    def party(self, name: str) -> Party:
        """The party called ``name`` (name or alias, any case)."""
        return self._compiled.registry.resolve(name)

    def amendment(self, amendment_id: str) -> Amendment:
        """The amendment with id ``amendment_id``.

        Raises:
            UnknownClauseError: with the closest ids.
        """
        for amendment in self.amendments:
            if amendment.id == amendment_id:
                return amendment
        ids = [a.id for a in self.amendments]
        hint = closest(amendment_id, ids)
        raise UnknownClauseError(
            f"No amendment {amendment_id!r} in {self.title!r}."
            + (f" Did you mean {hint[0]!r}?" if hint else "")
            + f" Amendments: {', '.join(ids)}."
        )

    def clause(self, clause_id: str) -> Clause:
        """The clause with id ``clause_id``, as written (whenever it is in force).

        Raises:
            UnknownClauseError: with the closest ids.
        """
        for amendment in self.amendments:
            for clause in amendment.added():
                if clause.id == clause_id:
                    return clause
        raise UnknownClauseError.for_id(
            clause_id, self._compiled.clause_ids, where=f"The question about {self.title!r}"
        )

    # ------------------------------------------------------------------ resolution

    def _resolve(self, action: Action) -> Resolved:
        registry = self._compiled.registry
        try:
            actor = registry.canonical(action.actor)
            other = action.counterparty
            counterparty = None if other is None else registry.canonical(other)
        except UnknownPartyError:
            # Look up again, naming the field, so the error says where the name was.
            kind = type(action).__name__
            actor = registry.canonical(action.actor, where=f"{kind} (actor)")
            registry.canonical(other, where=f"{kind} (counterparty)")  # type: ignore[arg-type]
            raise
        # The resolution depends on the action and the canonical names only, so agreements
        # that name the parties alike share it (a portfolio asks one action of them all).
        key = (action, actor, counterparty)
        resolved = _RESOLVED.get(key)
        if resolved is None:
            resolved = Resolved(
                actor=actor,
                verb=action.verb,
                counterparty=counterparty,
                subject=action.subject,
                text=action.describe(actor, counterparty),
            )
            _remember(_RESOLVED, key, resolved)
        return resolved

    def _scenario(self, scenario: Scenario | None) -> Scenario:
        if scenario is None:
            return _NO_FACTS
        if not isinstance(scenario, Scenario):
            raise QuestionError(
                f"scenario={scenario!r} is not a clausekit.Scenario; build one with "
                "Scenario(fact, ...)."
            )
        if not scenario:
            return scenario
        registry = self._compiled.registry
        return scenario.resolved(lambda name: registry.canonical(name, where="the scenario"))

    # ------------------------------------------------------------------ in force

    def _effective(
        self, day: pendulum.Date, scenario: Scenario
    ) -> tuple[Sequence[InForce], Mapping[str, str], Mapping[str, str]]:
        """Clauses in force on ``day`` under ``scenario``.

        Returns the clauses, the ids made uncertain by an unverified AGI
        declaration (id → what is missing), and the assumption made for each
        clause an AGI clause would change while the scenario declares no AGI
        (id → assumption, to follow :func:`_no_agi_up_to` of the day).
        """
        compiled = self._compiled
        base = compiled.state(day)
        if not compiled.agi:
            return base, _NOTHING, _NOTHING
        ended: set[str] = set()
        started: set[str] = set()
        uncertain: dict[str, str] = {}
        assumptions: dict[str, str] = {}
        for item in base:
            clause = item.clause
            if not isinstance(clause, AGIClause):
                continue
            trigger = clause.trigger(scenario)
            if trigger is None:
                if scenario.agi_declaration() is None:
                    for affected in sorted(clause.affects()):
                        assumptions[affected] = (
                            f"under clause {clause.id!r} an AGI declaration would "
                            f"{'end' if affected in clause.ends else 'start'} {affected!r}"
                        )
                continue
            if trigger.day > day:
                continue
            if trigger.certain:
                ended |= clause.ends
                started |= clause.starts
            else:
                missing = (
                    f"whether the AGI declaration of {trigger.day} was verified"
                    + (f" by {clause.verifier}" if clause.verifier else "")
                    + f" (clause {clause.id!r})"
                )
                for affected_id in clause.affects():
                    uncertain[affected_id] = missing
        effective = [
            item
            for item in base
            if item.clause.id not in ended
            and (
                item.clause.id not in compiled.dormant
                or item.clause.id in started
                or item.clause.id in uncertain
            )
        ]
        return effective, uncertain, assumptions

    def in_force(self, *, on: object, scenario: Scenario | None = None) -> tuple[InForce, ...]:
        """The clauses in force on ``on`` (under ``scenario``'s dated facts), in agreement order.

        A clause whose standing depends on an unverified AGI declaration is listed.
        """
        day = to_day(on, field="on")
        found, _, _ = self._effective(day, self._scenario(scenario))
        return tuple(found)

    def changes(self, start: object, end: object) -> tuple[Amendment, ...]:
        """The amendments that take effect after ``start`` and on or before ``end``."""
        a, b = to_day(start, field="start"), to_day(end, field="end")
        if b < a:
            raise InvalidPeriodError.inverted(a, b, where="changes()")
        return tuple(x for x in self.amendments if a < x.effective <= b)

    # ------------------------------------------------------------------ asking

    def _facts(self, scenario: Scenario | None) -> tuple[Scenario, tuple[pendulum.Date, ...]]:
        """The scenario with canonical names, and every change point under it (remembered)."""
        compiled = self._compiled
        if scenario is None:  # no facts: no dated fact adds a change point
            return _NO_FACTS, compiled.days
        # Anything but a Scenario is refused by _scenario (QuestionError), before hashing.
        found = compiled.scenarios.get(scenario) if isinstance(scenario, Scenario) else None
        if found is None:
            facts = self._scenario(scenario)
            found = (facts, tuple(sorted(set(self._change_points(facts)))))
            _remember(compiled.scenarios, scenario, found)
        return found

    def _answer(
        self,
        action: Action,
        scenario: Scenario | None,
        facts: Scenario,
        points: tuple[pendulum.Date, ...],
        day: pendulum.Date,
    ) -> _Answer:
        """The answer for ``day``: remembered per (action, scenario, stretch between points)."""
        compiled = self._compiled
        key = (action, scenario, bisect.bisect_right(points, day))
        answer = compiled.answers.get(key)
        if answer is None:
            resolved = compiled.resolved.get(action)
            if resolved is None:
                resolved = self._resolve(action)  # raises for a party it does not know
                _remember(compiled.resolved, action, resolved)
            answer = self._work_out(resolved, day, facts)
            _remember(compiled.answers, key, answer)
        return answer

    def _answer_once(
        self, action: Action, day: pendulum.Date, scenario: Scenario | None
    ) -> Verdict:
        """``ask(action, on=day, scenario=scenario)`` for a caller that asks it only once.

        Same verdict, but nothing is remembered: clausekit.portfolio asks each agreement
        of a portfolio one question, so remembering would only cost time and memory.
        """
        facts, _ = self._facts(scenario)
        answer = self._work_out(self._resolve(action), day, facts)
        return self._verdict(action, answer, facts, day)

    def _verdict(
        self, action: Action, answer: _Answer, facts: Scenario, day: pendulum.Date
    ) -> Verdict:
        assumptions = answer.assumed
        if assumptions:
            assumptions = tuple(f"{_no_agi_up_to(day)}{text}" for text in assumptions)
        return Verdict._assemble(
            action=action,
            action_text=answer.resolved.text,
            on=day,
            rulings=answer.rulings,
            scenario=facts,
            assumptions=assumptions,
            known_on=self.known_on,
            agreement=self.title,
            derived=answer.derived,
            texts=answer.texts,
        )

    def _work_out(self, resolved: Resolved, day: pendulum.Date, scenario: Scenario) -> _Answer:
        """The rulings of every clause in force on ``day`` that speaks to the action."""
        items, uncertain, assumptions = self._effective(day, scenario)
        ctx = Context(on=day, scenario=scenario, in_force=tuple([i.clause for i in items]))
        verbs = self._compiled.verbs
        verb = resolved.verb
        rulings: list[Ruling] = []
        used_assumptions: list[str] = []
        for item in items:
            speaks_to = verbs.get(item.clause.id)
            if speaks_to is not None and verb not in speaks_to:
                continue  # the clause's kind never rules on this verb
            finding = item.clause.rule(resolved, ctx)
            if finding is None:
                continue
            if item.clause.id in uncertain:
                finding = Finding(
                    Outcome.UNKNOWN,
                    f"{finding.reason} Whether this clause still applies depends on an AGI "
                    "declaration whose verification is unknown.",
                    missing=(uncertain[item.clause.id],),
                )
            rulings.append(Ruling(item.clause, item.amendment, finding))
            if item.clause.id in assumptions:
                used_assumptions.append(assumptions[item.clause.id])
        found = tuple(rulings)
        derived = derive(found)
        return _Answer(
            resolved=resolved,
            rulings=found,
            derived=derived,
            assumed=tuple(dict.fromkeys(used_assumptions)) if used_assumptions else (),
        )

    @overload
    def ask(
        self,
        action: Action,
        *,
        on: object,
        during: None = None,
        scenario: Scenario | None = None,
    ) -> Verdict: ...

    @overload
    def ask(
        self,
        action: Action,
        *,
        on: None = None,
        during: object,
        scenario: Scenario | None = None,
    ) -> Timeline: ...

    def ask(
        self,
        action: Action,
        *,
        on: object = None,
        during: object = None,
        scenario: Scenario | None = None,
    ) -> Verdict | Timeline:
        """May ``action`` be done on a day (``on=``) or during a period (``during=``)?

        Args:
            action: what a party wants to do.
            on: a calendar day; returns a :class:`~clausekit.verdict.Verdict`.
            during: a period (``"2025-01"``, a :class:`~clausekit.time.Period`);
                returns a :class:`~clausekit.timeline.Timeline` split at every change.
            scenario: the facts to assume; any fact not given is unknown.

        Raises:
            QuestionError: when neither or both of ``on`` and ``during`` are given.
            UnknownPartyError: when the action names a party the agreement does not know.
        """
        if (on is None) == (during is None):
            raise QuestionError.on_or_during(on, during)
        if during is not None:
            period = to_period(during, field="during")
            return self._timeline(action, period, scenario)
        day = to_day(on, field="on")
        facts, points = self._facts(scenario)
        return self._verdict(action, self._answer(action, scenario, facts, points, day), facts, day)

    def _change_points(self, scenario: Scenario) -> list[pendulum.Date]:
        points = list(self._compiled.days)
        for clause in self._compiled.agi:
            trigger = clause.trigger(scenario)
            if trigger is not None:
                points.append(trigger.day)
        return points

    def _cause(
        self, day: pendulum.Date, scenario: Scenario, before: Verdict, after: Verdict
    ) -> tuple[Amendment | None, str]:
        """What changed the answer on ``day``: the amendment that touched a clause the answer
        rests on (before or after), else None when only a term's end or a scenario fact did."""
        relevant = {
            clause.id
            for verdict in (before, after)
            for ruling in verdict.rulings
            for clause in (ruling.clause, *ruling.finding.relies_on)
        }
        opened = self._compiled.opened.get(day, ())
        touching = [a for a in opened if relevant & _touched(a)]
        expiring = self._compiled.expiring.get(day, ())
        others = [a for a in opened if a not in touching]
        causes = [f"amendment {a.id!r} takes effect ({a.title})" for a in touching]
        causes += [f"clause {c!r} reaches its end" for c in expiring if c in relevant]
        causes += [f"amendment {a.id!r} takes effect ({a.title})" for a in others]
        causes += [f"clause {c!r} reaches its end" for c in expiring if c not in relevant]
        # Only the AGI clauses in force that day speak for the scenario's declaration.
        for item in self._compiled.state(day):
            if isinstance(item.clause, AGIClause):
                trigger = item.clause.trigger(scenario)
                if trigger is not None and trigger.day == day:
                    causes.append(f"{trigger.text} (scenario; clause {item.clause.id!r})")
        # No amendment that touched what the answer rests on: a term ended or a dated fact did it.
        opener = touching[0] if touching else None
        return opener, "; ".join(dict.fromkeys(causes)) or "change"

    def _timeline(self, action: Action, period: Period, scenario: Scenario | None) -> Timeline:
        if period.end is None:
            raise InvalidPeriodError(
                f"during={period} is open-ended; a timeline needs an end. Give an end day, "
                "e.g. during='2025-01-01/2027-01-01'."
            )
        facts, points = self._facts(scenario)
        segments: list[Segment] = []
        last_key: tuple[object, ...] = ()
        for piece in period.split(points):
            answer = self._answer(action, scenario, facts, points, piece.start)
            if segments and answer.key() == last_key:
                last = segments[-1]
                segments[-1] = Segment(
                    Period(last.period.start, piece.end), last.verdict, last.opened_by, last.cause
                )
                continue
            last_key = answer.key()
            verdict = self._verdict(action, answer, facts, piece.start)
            if segments:
                opened_by, cause = self._cause(piece.start, facts, segments[-1].verdict, verdict)
            else:
                opened_by, cause = None, f"start of the period asked about ({period.start})"
            segments.append(Segment(piece, verdict, opened_by, cause))
        return Timeline(action=action, period=period, segments=tuple(segments))

    def timeline(
        self, action: Action, *, start: object, end: object, scenario: Scenario | None = None
    ) -> Timeline:
        """The answers from ``start`` (included) to ``end`` (excluded), one segment per answer.

        Computed from the agreement's change points, never day by day.
        """
        period = Period(to_day(start, field="start"), to_day(end, field="end"))
        return self._timeline(action, period, scenario)

    def compare(
        self, action: Action, first: object, second: object, *, scenario: Scenario | None = None
    ) -> Comparison:
        """Both verdicts, and every amendment between the two days that changed the answer."""
        a, b = to_day(first, field="first"), to_day(second, field="second")
        if b < a:
            a, b = b, a
        facts, points = self._facts(scenario)
        va = self._verdict(action, self._answer(action, scenario, facts, points, a), facts, a)
        vb = self._verdict(action, self._answer(action, scenario, facts, points, b), facts, b)
        changes: list[Change] = []
        if a != b:
            timeline = self._timeline(action, Period(a, b.add(days=1)), scenario)
            previous = timeline.segments[0]
            for segment in timeline.segments[1:]:
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

    def as_known_on(self, day: object) -> Agreement:
        """The agreement as the public could know it on ``day``.

        Only amendments announced on or before ``day`` are kept; the result
        answers every question as it could have been answered then.

        Raises:
            AgreementError: when nothing had been announced by ``day``, or a known
                amendment refers to a clause from one not yet announced.
            AmbiguityError: when ``day`` falls inside an uncertain announcement date.
        """
        known = to_day(day, field="as_known_on")
        kept = tuple(a for a in self.amendments if a.announced_by(known))
        if not kept:
            first = min(a.announced_earliest for a in self.amendments)
            raise AgreementError(
                f"Nothing of {self.title!r} had been announced by {known}; the first "
                f"announcement was on {first}. Ask as known on a later day."
            )
        try:
            return attrs.evolve(self, amendments=kept, known_on=known)
        except ClauseKitError as exc:
            raise AgreementError(
                f"As known on {known}, {self.title!r} is incomplete: {exc} An amendment announced "
                "by then refers to one announced later; check the announced dates."
            ) from None

    # ------------------------------------------------------------------ money

    def revenue_share(
        self,
        payer: str,
        *,
        revenue: object = None,
        during: object = None,
        scenario: Scenario | None = None,
    ) -> Owed:
        """The revenue share ``payer`` owes on a revenue.

        Give the revenue either as ``revenue=`` and ``during=``, or as one
        :class:`~clausekit.scenario.Revenue` fact in ``scenario``. A rate the
        contract does not disclose makes the amount unknown unless the
        scenario assumes one with :class:`~clausekit.scenario.AssumedRate`.

        Raises:
            QuestionError: when the revenue is given neither way, or both.
            AmbiguityError: when the revenue-share terms change inside the period
                (split the revenue by period and ask per piece).
        """
        facts = self._scenario(scenario)
        payer_name = self._compiled.registry.canonical(payer, where="revenue_share(payer)")
        amount, period = self._revenue(payer_name, revenue, during, facts)
        if period.end is None:
            raise InvalidPeriodError(
                f"during={period} is open-ended; revenue is earned over a bounded period. Give "
                "an end day, e.g. during='2025' or during='2025-01-01/2026-01-01'."
            )
        pieces = period.split(self._change_points(facts))
        per_piece = []
        for piece in pieces:
            items, _, _ = self._effective(piece.start, facts)
            per_piece.append(
                tuple(
                    i
                    for i in items
                    if isinstance(i.clause, RevenueShare) and i.clause.payer == payer_name
                )
            )
        # A restatement with the same terms is no change; different terms are.
        for piece, binding in zip(pieces[1:], per_piece[1:], strict=True):
            if [_share_terms(i) for i in binding] != [_share_terms(i) for i in per_piece[0]]:
                raise AmbiguityError(
                    f"The revenue-share terms binding {payer_name} change on {piece.start}, inside "
                    f"{period}. clausekit will not pro-rate revenue across them: split the revenue "
                    f"at {piece.start} and ask once per piece."
                )
        shares: list[Share] = []
        missing: list[str] = []
        for item in per_piece[0]:
            clause = item.clause
            assert isinstance(clause, RevenueShare)
            rate, source = clause.rate, "contract"
            if rate is None:
                rate = facts.assumed_rate(clause.id)
                source = "assumed in the scenario" if rate is not None else "undisclosed"
            if rate is None:
                reported = (
                    f" (reported: {format_rate(clause.reported_rate)})"
                    if clause.reported_rate is not None
                    else ""
                )
                missing.append(
                    f"the rate of clause {clause.id!r}, which the sources do not disclose"
                    f"{reported}; assume one with AssumedRate({clause.id!r}, rate)"
                )
                shares.append(Share(clause, item.amendment, None, source, None))
                continue
            owed = Money(amount.amount * rate, amount.currency)
            if clause.cap_undisclosed:
                missing.append(
                    f"the cap of clause {clause.id!r}, which the sources do not disclose; "
                    f"at most {format_money(owed)} is owed under it"
                )
                shares.append(Share(clause, item.amendment, rate, source, None, at_most=owed))
                continue
            capped = False
            if clause.cap is not None:
                check_same_currency(owed, clause.cap, where=f"clause {clause.id!r} cap")
                if owed > clause.cap:
                    owed, capped = clause.cap, True
            shares.append(Share(clause, item.amendment, rate, source, owed, capped))
        total: Money | None = None
        if not missing:
            total = Money(sum((s.amount.amount for s in shares if s.amount), 0), amount.currency)
        return Owed(
            payer=payer_name,
            revenue=amount,
            period=period,
            shares=tuple(shares),
            amount=total,
            missing=tuple(missing),
        )

    @staticmethod
    def _revenue(
        payer: str, revenue: object, during: object, facts: Scenario
    ) -> tuple[Money, Period]:
        from_facts = [
            f
            for f in facts
            if isinstance(f, Revenue) and (f.earned_by is None or f.earned_by == payer)
        ]
        if revenue is not None:
            if from_facts:
                raise QuestionError(
                    "revenue_share() got revenue= and a Revenue fact in the scenario; give one."
                )
            if during is None:
                raise QuestionError(
                    "revenue_share(revenue=...) needs during= (the period it was earned in), "
                    "e.g. during='2025'."
                )
            return to_money(revenue, field="revenue"), to_period(during, field="during")
        if len(from_facts) != 1:
            raise QuestionError(
                f"revenue_share() needs the revenue of {payer}: pass revenue= and during=, or "
                f"exactly one Revenue fact in the scenario (found {len(from_facts)})."
            )
        fact = from_facts[0]
        if during is not None and to_period(during, field="during") != fact.period:
            raise QuestionError(
                f"during={during!r} differs from the Revenue fact's period {fact.period}."
            )
        return fact.amount, fact.period

    def agi_profit_test(self, profits: object, *, on: object) -> bool | None:
        """Whether ``profits`` meet the AGI profit definition in force on ``on``.

        Returns None when no AGI clause in force records a profit definition.
        """
        day = to_day(on, field="on")
        money = to_money(profits, field="profits")
        for item in self._compiled.state(day):
            if isinstance(item.clause, AGIClause) and item.clause.profit_threshold is not None:
                return item.clause.profit_test(money)
        return None

    def check(self, **options: Any) -> Report:
        """Contradictions and likely mistakes in the agreement; see :func:`clausekit.check.check`."""
        from clausekit.check import check

        return check(self, **options)

    def describe(self) -> str:
        """The agreement's amendments and clauses, in order, as text."""
        lines = [f"{self.title} ({self.id}), from {self.starts_on}"]
        if self.known_on is not None:
            lines[0] += f", as known on {self.known_on}"
        for amendment in self.amendments:
            announced = (
                str(amendment.announced)
                if isinstance(amendment.announced, DateRange)
                else amendment.announced.isoformat()
            )
            lines.append(
                f"- {amendment.effective} {amendment.id}: {amendment.title} (announced {announced})"
            )
            for old in amendment.ended():
                lines.append(f"    ends {old}")
            for clause in amendment.added():
                named = clause.with_canonical_parties(self.registry.canonical)
                lines.append(f"    adds {clause.id}: {named.summary()}")
        return "\n".join(lines)


_STATE = tuple(f.name for f in attrs.fields(Agreement) if f.init)
"""The fields an agreement is pickled with (everything but the compiled state)."""
