"""Clause lives, computed once per agreement: the days the clauses in force change,
the clauses in force between them, and the answers remembered per stretch."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from operator import attrgetter
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs
import pendulum

from clausekit._intervals import IntervalIndex
from clausekit._shared import SharedTable, frozen
from clausekit.actions import Action
from clausekit.agreement.amendment import Amendment, InForce
from clausekit.agreement.vocabulary import Vocabulary
from clausekit.clauses import ClauseBase, Context, Resolved
from clausekit.clauses.scope import covers
from clausekit.errors import (
    AgreementError,
    ClauseKitError,
    InvalidPeriodError,
    UnknownClauseError,
)
from clausekit.parties import PartyRegistry
from clausekit.scenario import Scenario
from clausekit.verdict import Derived, Reading, Ruling, Verdict

_NONE: Mapping[Any, Any] = MappingProxyType({})
"""The empty table most agreements have (nothing settling, expiring or dormant), shared."""

_MEMOS = frozenset(
    {"answers", "resolved", "scenarios", "states", "known", "speaking", "payers", "fact_causes"}
)


class _Memos:
    """What an agreement's questions already worked out, for every later question."""

    __slots__ = (
        "answers",
        "fact_causes",
        "known",
        "payers",
        "resolved",
        "scenarios",
        "speaking",
        "states",
    )

    # What questions already worked out, for every later question it answers (see
    # Agreement._answer): answers per (action, scenario as given, index of the stretch
    # between change points), actions as this agreement reads them, scenarios with
    # canonical names and their change points. Each dict is bounded: cleared when it
    # reaches _MEMO_SIZE entries, so memory stays bounded however many questions come.
    # Each is made on first use (see __getattr__): most agreements of a portfolio are
    # asked once, or never, and seven empty dicts were a tenth of an agreement's memory;
    # and the whole object is made by the first question (see _Compiled._memos).
    answers: dict[tuple[Action, Scenario | None, int], _Answer]
    resolved: dict[Action, Resolved]
    scenarios: dict[Scenario | None, tuple[Scenario, tuple[pendulum.Date, ...]]]
    # The clauses in force per change day, worked out when first asked (bounded like the
    # rest): storing every day's set up front costs days x clauses, quadratic in amendments.
    states: dict[int, tuple[InForce, ...]]
    # The views "as known on" a day, per stretch between knowledge days (knowledge.py).
    known: dict[object, Any]
    # Per (verb, subject): the indexes into ``lives`` of the clauses that may speak to an
    # action on them (see speaking_to), worked out when first asked (bounded like the rest).
    speaking: dict[tuple[str, str], _Among]
    # Per payer: the clauses with payment terms for it (see paying).
    payers: dict[str, _Among]
    # Per scenario: what its dated facts do on each day, in words (readings.fact_causes).
    fact_causes: dict[Scenario, dict[pendulum.Date, tuple[str, ...]]]

    def __getattr__(self, name: str) -> Any:
        """A memo not made yet (an unset slot): made now and kept."""
        if name not in _MEMOS:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        made: dict[Any, Any] = {}
        object.__setattr__(self, name, made)
        return made


@attrs.frozen
class _Compiled:
    """The agreement's clauses in force, per change day, computed once."""

    registry: PartyRegistry
    start: pendulum.Date
    days: tuple[pendulum.Date, ...]
    # Every clause's life in agreement order: (InForce, first day, day after the last or None).
    lives: tuple[tuple[InForce, pendulum.Date, pendulum.Date | None], ...]
    # The agreement's amendments (the Agreement's own tuple); ``opened`` is made from them.
    amendments: tuple[Amendment, ...]
    # The amendments with an uncertain effective date, by their latest possible day.
    settling: Mapping[pendulum.Date, tuple[Amendment, ...]]
    expiring: Mapping[pendulum.Date, tuple[str, ...]]
    # Clause id -> the clause that keeps it dormant until its trigger fires (starts_on_trigger).
    dormant: Mapping[str, ClauseBase]
    # The clauses that end or start others when their trigger fires, in agreement order.
    triggering: tuple[ClauseBase, ...]
    clause_ids: frozenset[str]
    # The verbs, subjects and qualifiers the clauses speak of, and clause id -> the verbs it
    # may rule on (None: any; see ClauseBase.verbs): both shared by the agreements whose
    # clauses speak alike (most of a portfolio's), read-only.
    vocabulary: Vocabulary
    verbs: Mapping[str, frozenset[str] | None]
    # What questions already worked out (see _Memos), made by the first question.
    _memos: _Memos = attrs.field(init=False, eq=False, repr=False)
    # Indexes into ``lives`` of the triggering clauses, in agreement order.
    trigger_lives: tuple[int, ...] = ()

    # The amendments taking effect on each day, made on first use: only timelines and
    # comparisons read it (the causes of a change), and a portfolio seldom asks for them.
    opened: Mapping[pendulum.Date, tuple[Amendment, ...]] = attrs.field(
        init=False, eq=False, repr=False
    )
    # The amendments with an uncertain effective date, in agreement order (made on first use).
    ranged: tuple[Amendment, ...] = attrs.field(init=False, eq=False, repr=False)

    # The memos, read through _memos: one slot here instead of eight, which an agreement
    # never asked does not fill (8 bytes each); read by attrgetter, in C.
    if TYPE_CHECKING:

        @property
        def answers(self) -> dict[tuple[Action, Scenario | None, int], _Answer]: ...

        @property
        def resolved(self) -> dict[Action, Resolved]: ...

        @property
        def scenarios(
            self,
        ) -> dict[Scenario | None, tuple[Scenario, tuple[pendulum.Date, ...]]]: ...

        @property
        def states(self) -> dict[int, tuple[InForce, ...]]: ...

        @property
        def known(self) -> dict[object, Any]: ...

        @property
        def speaking(self) -> dict[tuple[str, str], _Among]: ...

        @property
        def payers(self) -> dict[str, _Among]: ...

        @property
        def fact_causes(self) -> dict[Scenario, dict[pendulum.Date, tuple[str, ...]]]: ...
    else:
        answers = property(attrgetter("_memos.answers"))
        resolved = property(attrgetter("_memos.resolved"))
        scenarios = property(attrgetter("_memos.scenarios"))
        states = property(attrgetter("_memos.states"))
        known = property(attrgetter("_memos.known"))
        speaking = property(attrgetter("_memos.speaking"))
        payers = property(attrgetter("_memos.payers"))
        fact_causes = property(attrgetter("_memos.fact_causes"))

    def __getattr__(self, name: str) -> Any:
        """A memo not made yet (an unset slot): made now and kept."""
        made: Any
        if name == "_memos":
            made = _Memos()
        elif name == "opened":
            by_day: dict[pendulum.Date, list[Amendment]] = {}
            for amendment in self.amendments:
                by_day.setdefault(amendment.effective, []).append(amendment)
            made = MappingProxyType({day: tuple(a) for day, a in by_day.items()})
        elif name == "ranged":
            made = tuple(a for a in self.amendments if a.effective_latest is not None)
        else:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        object.__setattr__(self, name, made)
        return made

    def state(self, day: pendulum.Date) -> tuple[InForce, ...]:
        index = bisect.bisect_right(self.days, day) - 1
        if index < 0:
            return ()
        found = self.states.get(index)
        if found is None:
            on = self.days[index]
            found = tuple(
                item
                for item, first, last in self.lives
                if first <= on and (last is None or on < last)
            )
            _remember(self.states, index, found)
        return found

    def speaking_to(self, verb: str, subject: str, *, remember: bool = True) -> _Among:
        """The clauses that may speak to an action doing ``verb`` on ``subject``: those that
        may rule on it (:meth:`ClauseBase.verbs`, :meth:`ClauseBase.ruled_subjects`) and the
        consents given in advance for ``verb`` (:meth:`Context.consents_on`).

        A question then costs, per day, the clauses that speak to it and are in force
        (found through an interval index), not every clause in force.
        """
        key = (verb, subject)
        found = self.speaking.get(key) if remember else None
        if found is None:
            verbs_of = self.verbs  # ClauseBase.verbs() of each clause, worked out once
            chosen = []
            for index, (item, _, _) in enumerate(self.lives):
                clause = item.clause
                verbs = verbs_of[clause.id]
                if verbs is None or verb in verbs:
                    ruled = clause.ruled_subjects()
                    if ruled is None or covers(ruled, subject):
                        chosen.append(index)
                        continue
                # A consent given in advance (a waiver) rules on no verb itself.
                if not verbs and verbs is not None and verb in Context.consents_on(clause):
                    chosen.append(index)
            found = self.among(chosen)
            if remember:
                _remember_among(self.speaking, key, found)
        return found

    def paying(self, payer: str) -> _Among:
        """The clauses whose :meth:`ClauseBase.payment_terms` make ``payer`` owe money."""
        found = self.payers.get(payer)
        if found is None:
            found = self.among(
                index
                for index, (item, _, _) in enumerate(self.lives)
                if item.clause.payment_terms(payer) is not None
            )
            _remember_among(self.payers, payer, found)
        return found

    def among(self, indexes: Iterable[int]) -> _Among:
        """The lives of ``indexes`` (into :attr:`lives`), indexed by the days they are in force."""
        chosen = tuple(indexes)
        if len(chosen) <= _SCAN:
            return _Among(chosen, None)
        lives = self.lives
        return _Among(
            chosen,
            IntervalIndex((i, lives[i][1], lives[i][2], None) for i in chosen),
        )

    def in_force_among(self, among: _Among | tuple[int, ...], day: pendulum.Date) -> list[InForce]:
        """The clauses of ``among`` in force on ``day``, in agreement order."""
        lives = self.lives
        if isinstance(among, _Among):
            if among.intervals is not None:
                return [lives[index][0] for index in sorted(among.intervals.at(day))]
            among = among.indexes
        out = []
        for index in among:
            item, first, last = lives[index]
            if first <= day and (last is None or day < last):
                out.append(item)
        return out


@attrs.frozen(eq=False)
class _Among:
    """Some of an agreement's clause lives: their indexes into ``lives``, in agreement order,
    and an interval index of the days each is in force."""

    indexes: tuple[int, ...]
    intervals: IntervalIndex[int] | None  # None for a few lives: a scan is cheaper


_SCAN = 16
"""Up to this many lives, the ones in force on a day are found by looking at each."""


_MEMO_SIZE = 4096

_NO_FACTS = Scenario()


_NOTHING: Mapping[str, str] = MappingProxyType({})


_SHARED: SharedTable[Any] = SharedTable(_MEMO_SIZE)
"""Vocabularies and verb tables made before, shared by equal ones (read-only values)."""


def _vocabulary(vocabulary: Vocabulary) -> Vocabulary:
    """The vocabulary made before equal to ``vocabulary``, else ``vocabulary``, kept."""
    shared: Vocabulary = _SHARED.keep(vocabulary, vocabulary)
    return shared


def _verbs(
    lives: tuple[tuple[InForce, pendulum.Date, pendulum.Date | None], ...],
) -> Mapping[str, frozenset[str] | None]:
    """Clause id -> ClauseBase.verbs(), the same read-only table as an equal one made before."""
    verbs = {item.clause.id: item.clause.verbs() for item, _, _ in lives}
    try:
        made: Mapping[str, frozenset[str] | None] = _SHARED.keep(
            tuple(verbs.items()), MappingProxyType(verbs)
        )
    except TypeError:  # a kind whose verbs() gave a set that does not hash: not shared
        return MappingProxyType(verbs)
    return made


def _remember(memo: dict[Any, Any], key: object, value: object) -> None:
    if len(memo) >= _MEMO_SIZE:
        memo.clear()
    memo[key] = value


_AMONG_SIZE = 1_000_000
"""The most clause indexes the per-question indexes of one agreement hold together: a
clause without a scope speaks to every subject, so thousands of questions about
different subjects would otherwise keep thousands of indexes of every clause."""


def _remember_among(memo: dict[Any, _Among], key: object, value: _Among) -> None:
    held = sum(len(among.indexes) for among in memo.values())
    if len(memo) >= _MEMO_SIZE or held + len(value.indexes) > _AMONG_SIZE:
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
    derived: Derived
    # What the answer takes as given where the scenario does not fire a trigger: (the
    # triggering clause, the clause it would affect); the words name the day, so they are
    # written per verdict (ClauseBase.assumption).
    assumed: tuple[tuple[ClauseBase, str], ...]
    texts: dict[object, str] = attrs.field(factory=dict)
    _key: tuple[object, ...] | None = None
    # Where facts are disputed or a date uncertain: the answer per reading (see readings.py).
    readings: tuple[Reading, ...] = ()
    # The verdict last given from this answer: asked again about the same day, the question
    # gets it back (verdicts are immutable) instead of a new, equal one.
    last: Verdict | None = None

    def key(self) -> tuple[object, ...]:
        """``Verdict.key()`` of every verdict built from this answer (worked out on first use)."""
        if self._key is None:
            self._key = (
                *self.derived,
                tuple(r.key() for r in self.rulings),
                tuple(r.key() for r in self.readings),
            )
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
        where = f"Amendment {amendment.id!r} (effective {amendment.effective.isoformat()})"
        if amendment.id in amendment_ids:
            raise AgreementError(
                f"Two amendments share the id {amendment.id!r}; ids must be unique."
            ).at(amendment=amendment.id, field="id")
        amendment_ids.add(amendment.id)
        if previous is not None and amendment.effective < previous.effective:
            raise AgreementError(
                f"{where} comes after amendment {previous.id!r} (effective {previous.effective}) "
                "in the list but takes effect earlier. List amendments in order of their "
                "effective dates."
            ).at(amendment=amendment.id, field="effective")
        if amendment.effective < start:
            raise AgreementError(
                f"{where} takes effect before the agreement starts on {start}. "
                "Move the agreement's start, or fix the amendment's effective date."
            ).at(amendment=amendment.id, field="effective")
        previous = amendment
        for old in amendment.ended():
            if old in ended_by:
                raise AgreementError(
                    f"{where} ends clause {old!r}, which amendment {ended_by[old]!r} already ended."
                ).at(amendment=amendment.id, item=old)
            if old not in lives:
                raise UnknownClauseError.for_id(old, lives, where=where).at(
                    amendment=amendment.id, item=old
                )
            life = lives[old]
            life[3] = amendment.effective if life[3] is None else min(life[3], amendment.effective)
            ended_by[old] = amendment.id
        for clause in amendment.added():
            if clause.id in lives:
                raise AgreementError(
                    f"{where} adds clause {clause.id!r}, but amendment "
                    f"{lives[clause.id][1].amendment.id!r} already added a clause with that id. "
                    "Clause ids must be unique; give the new clause its own id."
                ).at(amendment=amendment.id, clause=clause.id, field="id")
            for field, name in clause.parties().items():
                try:
                    if registry.spelled(name) is None:  # else it is a known name: no message
                        registry.resolve(
                            name, where=f"{where}, clause {clause.id!r}, field {field}"
                        )
                except ClauseKitError as exc:
                    raise exc.at(
                        amendment=amendment.id,
                        clause=clause.id,
                        field=field.partition("[")[0],
                        item=name,
                    ) from None
            canonical = clause.with_canonical_parties(registry.canonical)
            if clause.until is not None and clause.until <= amendment.effective:
                raise InvalidPeriodError(
                    f"{where}: clause {clause.id!r} ends on {clause.until} (until), on or before "
                    f"the day it takes effect ({amendment.effective}). A clause must end after it "
                    "starts; fix 'until' or the amendment's date."
                ).at(amendment=amendment.id, clause=clause.id, field="until")
            lives[clause.id] = [
                order,
                InForce(canonical, amendment),
                amendment.effective,
                clause.until,
            ]
    clause_ids = frozen(lives)
    triggering: list[ClauseBase] = []
    trigger_lives: list[int] = []
    dormant: dict[str, ClauseBase] = {}
    for index, (_, in_force, _, _) in enumerate(lives.values()):
        clause = in_force.clause
        if clause.ends_on_trigger() or clause.starts_on_trigger():
            triggering.append(clause)
            trigger_lives.append(index)
            for starts in sorted(clause.starts_on_trigger()):
                dormant.setdefault(starts, clause)
        for ref in sorted(clause.references()):
            if ref not in clause_ids:
                raise UnknownClauseError.for_id(
                    ref,
                    clause_ids,
                    where=f"Clause {clause.id!r} (amendment {in_force.amendment.id!r})",
                ).at(amendment=in_force.amendment.id, clause=clause.id, item=ref)
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
    settling: dict[pendulum.Date, list[Amendment]] = {}
    for amendment in amendments:
        if amendment.effective_latest is not None:
            settling.setdefault(amendment.effective_latest, []).append(amendment)
    lives_in_order = tuple((life[1], life[2], life[3]) for life in ordered)
    return _Compiled(
        registry=registry,
        start=start,
        days=days,
        lives=lives_in_order,
        amendments=amendments,
        settling={day: tuple(a) for day, a in settling.items()} if settling else _NONE,
        expiring={day: tuple(ids) for day, ids in expiring.items()} if expiring else _NONE,
        dormant=MappingProxyType(dormant) if dormant else _NONE,
        triggering=tuple(triggering),
        trigger_lives=tuple(trigger_lives),
        clause_ids=clause_ids,
        vocabulary=_vocabulary(Vocabulary.of(item.clause for item, _, _ in lives_in_order)),
        verbs=_verbs(lives_in_order),
    )


def _touched(amendment: Amendment) -> set[str]:
    """The clause ids an amendment adds, ends, or (through a triggering clause it adds)
    starts or ends."""
    ids = set(amendment.ended())
    for clause in amendment.added():
        ids.add(clause.id)
        ids |= clause.ends_on_trigger() | clause.starts_on_trigger()
    return ids
