"""Scenarios: the facts the clauses depend on.

A fact not given is **unknown**, never false: a scenario without
``ConsentGiven(by="X")`` does not say X refused, so an answer that needs X's
consent comes back ``CONDITIONAL`` and names that fact.

The fact kinds live in :mod:`clausekit.facts` (and are importable from here).
Facts live in time. A fact with an ``on`` day holds from that day on; an
undated fact holds on every day asked. :meth:`Scenario.as_of` gives the facts
holding on a day: for each topic the latest dated fact on or before the day
wins (consent refused in March, given in June). Dated facts are change points
of timelines. Where the parties disagree about what happened,
:class:`Disputed` keeps both readings side by side.

Examples:
    >>> from clausekit.scenario import ConsentGiven, ConsentRefused, Scenario
    >>> s = Scenario(ConsentGiven(by="Beta"))
    >>> ConsentGiven(by="Beta") in s
    True
    >>> Scenario(ConsentGiven(by="Beta"), ConsentRefused(by="Beta"))
    Traceback (most recent call last):
    ...
    clausekit.errors.ContradictoryFactsError: The scenario states both ConsentGiven(by='Beta') and ConsentRefused(by='Beta'), which contradict each other. Keep one of them, ask twice (once with each), or, where the parties disagree about which holds, state both as Disputed(fact_a, fact_b).

    Dated facts: the latest one on or before the day asked wins.

    >>> s = Scenario(ConsentRefused(by="Beta", on="2025-03-01"), ConsentGiven(by="Beta", on="2025-06-01"))
    >>> s.as_of("2025-04-01")
    Scenario(ConsentRefused(by='Beta'))
    >>> s.as_of("2025-07-01")
    Scenario(ConsentGiven(by='Beta'))
    >>> s.as_of("2025-01-01")
    Scenario()
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Hashable, Iterable, Iterator
from decimal import Decimal
from typing import cast

import attrs
import pendulum

from clausekit.errors import ContradictoryFactsError, InvalidFactError
from clausekit.facts import (
    FACT_TYPES,
    AGIDeclared,
    AssumedRate,
    CannotMeetRequirements,
    ConsentGiven,
    ConsentRefused,
    ConsentRequested,
    Fact,
    OfferAccepted,
    OfferDeclined,
    OfferMade,
    Revenue,
)
from clausekit.registry import FACT_KINDS
from clausekit.time import to_day

__all__ = [
    "FACT_TYPES",
    "AGIDeclared",
    "AssumedRate",
    "CannotMeetRequirements",
    "ConsentGiven",
    "ConsentRefused",
    "ConsentRequested",
    "Disputed",
    "Fact",
    "InvalidFactError",
    "OfferAccepted",
    "OfferDeclined",
    "OfferMade",
    "Revenue",
    "Scenario",
]


_MAX_READINGS = 64
"""The most readings a scenario's disputes may combine into (each reading is asked)."""


def _reading(value: object, where: str) -> tuple[Fact, ...]:
    facts = (value,) if isinstance(value, Fact) else tuple(cast("Iterable[object]", value))
    for fact in facts:
        if not isinstance(fact, Fact):
            raise InvalidFactError(
                f"{where} got {fact!r}, which is not a fact; each reading is a fact or a "
                "tuple of facts, e.g. Disputed(OfferAccepted(by='X'), OfferDeclined(by='X'))."
            )
    if not facts:
        raise InvalidFactError(f"{where} got an empty reading; a reading states at least one fact.")
    return tuple(sorted(set(cast("tuple[Fact, ...]", facts)), key=repr))


@attrs.frozen(init=False)
class Disputed:
    """The parties disagree about what happened: each reading is a fact (or facts) one side holds.

    Put it in a scenario like a fact. Where the answer depends on which
    reading holds, the verdict is ``UNKNOWN`` and names each reading with its
    outcome; where every reading gives the same answer, that is the answer and
    it says the dispute does not change it. Readings may carry days.

    Attributes:
        readings: the readings, each a tuple of facts (duplicates removed).
        note: who holds which reading, and why.
        evidence: sources for the dispute (any :mod:`clausekit.evidence` values).

    Examples:
        >>> d = Disputed(OfferAccepted(by="WBD"), OfferDeclined(by="WBD"), note="WBD says it matched")
        >>> d.describe()
        "OfferAccepted(by='WBD') or OfferDeclined(by='WBD')"
        >>> Scenario(Disputed(OfferAccepted(by="WBD"), OfferAccepted(by="WBD"))) == Scenario(OfferAccepted(by="WBD"))
        True
    """

    readings: tuple[tuple[Fact, ...], ...]
    note: str = ""
    evidence: tuple[object, ...] = ()

    def __init__(
        self, *readings: Fact | Iterable[Fact], note: str = "", evidence: Iterable[object] = ()
    ) -> None:
        if len(readings) < 2:
            raise InvalidFactError(
                f"Disputed got {len(readings)} reading(s); a dispute needs at least two, e.g. "
                "Disputed(OfferAccepted(by='X'), OfferDeclined(by='X'))."
            )
        found: dict[tuple[Fact, ...], None] = {}
        for n, reading in enumerate(readings, start=1):
            found.setdefault(_reading(reading, f"Disputed reading {n}"), None)
        self.__attrs_init__(tuple(found), note, tuple(evidence))

    def describe(self) -> str:
        """The readings in words, joined by "or"."""
        return " or ".join(" and ".join(repr(f) for f in r) for r in self.readings)

    def with_canonical_parties(self, canonical: Callable[[str], str]) -> Disputed:
        """The same dispute with every party name replaced by ``canonical(name)``."""
        return Disputed(
            *(tuple(f.with_canonical_parties(canonical) for f in r) for r in self.readings),
            note=self.note,
            evidence=self.evidence,
        )


def _facts(value: Iterable[object]) -> tuple[Fact, ...]:
    facts = tuple(value)
    for fact in facts:
        if not isinstance(fact, Fact):
            names = ", ".join(FACT_KINDS.kinds())
            raise InvalidFactError(
                f"Scenario got {fact!r}, which is not a fact. Fact kinds: {names}; a dispute "
                "between readings is Disputed(fact_a, fact_b)."
            )
    # Stable order, no duplicates: the answer must not depend on how facts were listed.
    unique = set(cast("tuple[Fact, ...]", facts))
    return tuple(sorted(unique, key=repr))


def _dated(fact: Fact) -> pendulum.Date | None:
    """The day a fact holds from, for the view of a day (a timeless fact is in every view)."""
    return None if fact.timeless else fact.on


def _check_consistent(instance: Scenario, attribute: object, facts: tuple[Fact, ...]) -> None:
    # Per topic: facts of one day must agree, and an undated fact (true on every day)
    # must agree with every dated one; dated facts of different days may differ (the
    # latest on or before the day asked wins).
    undated: dict[Hashable, tuple[Hashable, Fact]] = {}
    dated: dict[tuple[Hashable, pendulum.Date], tuple[Hashable, Fact]] = {}
    for fact in facts:
        day = _dated(fact)
        for topic, stance in fact.exclusions():
            if day is None:
                held = undated.setdefault(topic, (stance, fact))
            else:
                held = dated.setdefault((topic, day), (stance, fact))
            if held[0] != stance:
                raise ContradictoryFactsError.between(held[1], fact)
    for (topic, _), (stance, fact) in dated.items():
        other = undated.get(topic)
        if other is not None and other[0] != stance:
            raise ContradictoryFactsError.between(other[1], fact)


def _disputes(value: Iterable[Disputed]) -> tuple[Disputed, ...]:
    return tuple(sorted(set(value), key=lambda d: d.describe()))


@attrs.frozen(init=False, unsafe_hash=False)
class Scenario:
    """A set of facts; any fact not given is unknown.

    Build it from facts as positional arguments: ``Scenario(OfferDeclined(by="X"))``;
    a :class:`Disputed` among them keeps its readings apart (see :meth:`readings`).

    Raises:
        InvalidFactError: for anything that is not a fact.
        ContradictoryFactsError: for a fact and its opposite about the same party
            (on the same day, or one of them undated), here or within a reading.
    """

    facts: tuple[Fact, ...] = attrs.field(converter=_facts, validator=_check_consistent)
    disputes: tuple[Disputed, ...] = attrs.field(default=(), converter=_disputes)
    _days: tuple[pendulum.Date, ...] = attrs.field(init=False, eq=False, repr=False, hash=False)
    # Worked out once: answers are remembered per scenario, and hashing thousands of
    # facts on every question would cost each question the whole scenario.
    _hash: int = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __init__(self, *facts: Fact | Disputed) -> None:
        plain: list[Fact] = []
        disputes: list[Disputed] = []
        for fact in facts:
            if isinstance(fact, Disputed):
                if len(fact.readings) == 1:  # every reading the same: no dispute at all
                    plain.extend(fact.readings[0])
                else:
                    disputes.append(fact)
            else:
                plain.append(fact)
        self.__attrs_init__(tuple(plain), tuple(disputes))

    def __attrs_post_init__(self) -> None:
        days = {d for f in self.facts if (d := _dated(f)) is not None}
        days |= {d for x in self.disputes for r in x.readings for f in r if (d := _dated(f))}
        object.__setattr__(self, "_days", tuple(sorted(days)))
        object.__setattr__(self, "_hash", hash((Scenario, self.facts, self.disputes)))
        if self.disputes:
            self.readings()  # each reading must be consistent with the facts

    def __hash__(self) -> int:
        return self._hash

    def __reduce__(self) -> tuple[object, ...]:
        # Built again where it is unpickled: string hashes differ from process to process.
        return (Scenario, (*self.facts, *self.disputes))

    def __repr__(self) -> str:
        return f"Scenario({', '.join(repr(f) for f in (*self.facts, *self.disputes))})"

    def __iter__(self) -> Iterator[Fact]:
        return iter(self.facts)

    def __contains__(self, fact: object) -> bool:
        return fact in self.facts

    def __bool__(self) -> bool:
        return bool(self.facts) or bool(self.disputes)

    def __add__(self, other: Scenario) -> Scenario:
        return Scenario(*self.facts, *self.disputes, *other.facts, *other.disputes)

    def with_facts(self, *facts: Fact | Disputed) -> Scenario:
        """A new scenario with ``facts`` added."""
        return Scenario(*self.facts, *self.disputes, *facts)

    @property
    def dated_days(self) -> tuple[pendulum.Date, ...]:
        """The days of the dated facts, readings included (AGI declarations aside), sorted."""
        return self._days

    def as_of(self, day: object) -> Scenario:
        """The facts holding on ``day``, without their days.

        An undated fact holds on every day; a dated one from its day on. Of
        the dated facts that share a topic (an offer's answer, a party's
        consent), the latest on or before ``day`` wins. AGI declarations keep
        their day (the AGI clauses read it). Disputes are left as they are:
        take the view of each of :meth:`readings`.

        The views are worked out by a sweep over the facts' days and
        remembered (:mod:`clausekit._views`): asking every day of a scenario
        costs about n·log n in its facts, not n².
        """
        if not self._days:
            return self
        from clausekit import _views  # on first use: most scenarios hold no dated fact

        return _views.as_of(self, to_day(day, field="day"))

    def readings(self) -> tuple[tuple[str, Scenario], ...]:
        """One scenario per combination of the disputes' readings, with its description.

        A scenario without disputes is its own only reading (described as "").

        Raises:
            ContradictoryFactsError: when a reading contradicts the other facts.
            InvalidFactError: when the disputes combine into too many readings.
        """
        if not self.disputes:
            return (("", self),)
        count = 1
        for dispute in self.disputes:
            count *= len(dispute.readings)
        if count > _MAX_READINGS:
            raise InvalidFactError(
                f"The scenario's {len(self.disputes)} disputes combine into {count} readings, "
                f"over the limit of {_MAX_READINGS}; ask about fewer disputes at a time."
            )
        out: list[tuple[str, Scenario]] = []
        for chosen in itertools.product(*(d.readings for d in self.disputes)):
            facts = [f for reading in chosen for f in reading]
            text = " and ".join(repr(f) for f in facts)
            try:
                out.append((text, Scenario(*self.facts, *facts)))
            except ContradictoryFactsError as exc:
                raise ContradictoryFactsError(
                    f"The disputed reading {text} contradicts the scenario's other facts: {exc}"
                ) from None
        return tuple(out)

    def resolved(self, canonical: Callable[[str], str]) -> Scenario:
        """The same facts with every party name replaced by ``canonical(name)``.

        Re-checks consistency, since two aliases of one party may now contradict.
        """
        out: list[Fact] = []
        written: dict[Fact, Fact] = {}  # resolved fact -> the fact as the user wrote it
        for original in self.facts:
            fact = original.with_canonical_parties(canonical)
            out.append(fact)
            written.setdefault(fact, original)
        disputes = [d.with_canonical_parties(canonical) for d in self.disputes]
        try:
            return Scenario(*out, *disputes)
        except ContradictoryFactsError:
            # Name the facts as written: the clash is between two names of one party.
            for a, b in itertools.combinations(out, 2):
                try:
                    Scenario(a, b)
                except ContradictoryFactsError:
                    by = getattr(a, "by", None)
                    raise ContradictoryFactsError(
                        f"The scenario states both {written[a]!r} and {written[b]!r}, which "
                        + (f"name the same party ({by}) and " if by else "")
                        + "contradict each other. Keep one of them, ask twice (once with each), or, where the parties disagree about which holds, state both as Disputed(fact_a, fact_b)."
                    ) from None
            raise

    def agi_declaration(self) -> AGIDeclared | None:
        """The AGI declaration in the scenario, if any."""
        return next((f for f in self.facts if isinstance(f, AGIDeclared)), None)

    def assumed_rate(self, clause_id: str) -> Decimal | None:
        """The rate assumed for ``clause_id``, if any."""
        return next(
            (f.rate for f in self.facts if isinstance(f, AssumedRate) and f.clause == clause_id),
            None,
        )

    def describe(self) -> str:
        """The facts in words, or ``'no facts given'``."""
        if not self:
            return "no facts given"
        parts = [repr(f) for f in self.facts]
        parts += [f"disputed: {d.describe()}" for d in self.disputes]
        return "; ".join(parts)
