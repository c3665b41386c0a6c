"""Scenarios: the facts the clauses depend on.

A fact not given is **unknown**, never false: a scenario without
``ConsentGiven(by="X")`` does not say X refused, so an answer that needs X's
consent comes back ``CONDITIONAL`` and names that fact. Facts that carry a
date (an AGI declaration) become change points of a timeline.

Examples:
    >>> from clausekit.scenario import ConsentGiven, ConsentRefused, Scenario
    >>> s = Scenario(ConsentGiven(by="Beta"))
    >>> ConsentGiven(by="Beta") in s
    True
    >>> Scenario(ConsentGiven(by="Beta"), ConsentRefused(by="Beta"))
    Traceback (most recent call last):
    ...
    clausekit.errors.ContradictoryFactsError: The scenario states both ConsentGiven(by='Beta') and ConsentRefused(by='Beta'), which contradict each other. Keep one of them, or ask twice, once with each.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import TypeAlias

import attrs
import pendulum

from clausekit.errors import ClauseKitError, ContradictoryFactsError
from clausekit.money import Money, to_money, to_rate
from clausekit.time import Period, to_day, to_period

__all__ = [
    "AGIDeclared",
    "AssumedRate",
    "CannotMeetRequirements",
    "ConsentGiven",
    "ConsentRefused",
    "Fact",
    "InvalidFactError",
    "OfferAccepted",
    "OfferDeclined",
    "Revenue",
    "Scenario",
]


class InvalidFactError(ClauseKitError, TypeError, ValueError):
    """Something that is not a fact was put in a scenario (a TypeError), or a fact is malformed
    (a ValueError): both ``except`` clauses catch it."""


def _party(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidFactError(
            f"{type(instance).__name__}.{attribute.name}={value!r} must name a party, "
            f"e.g. {type(instance).__name__}(by='Contoso')."
        )


@attrs.frozen
class OfferDeclined:
    """The holder of a right of first refusal was offered the deal and declined it."""

    by: str = attrs.field(validator=_party)


@attrs.frozen
class OfferAccepted:
    """The holder of a right of first refusal was offered the deal and took it."""

    by: str = attrs.field(validator=_party)


@attrs.frozen
class CannotMeetRequirements:
    """The holder of a right of first refusal cannot meet the requirement offered to it."""

    by: str = attrs.field(validator=_party)


@attrs.frozen
class ConsentGiven:
    """``by`` consents to the action asked about."""

    by: str = attrs.field(validator=_party)


@attrs.frozen
class ConsentRefused:
    """``by`` refuses consent to the action asked about."""

    by: str = attrs.field(validator=_party)


def _optional_day(value: object) -> pendulum.Date | None:
    return None if value is None else to_day(value, field="verified_on")


def _declared_on(value: object) -> pendulum.Date:
    return to_day(value, field="AGIDeclared.on")


def _revenue_amount(value: object) -> Money:
    return to_money(value, field="Revenue.amount")


def _revenue_period(value: object) -> Period:
    return to_period(value, field="Revenue.period")


def _assumed_rate(value: object) -> Decimal:
    return to_rate(value, field="AssumedRate.rate")


@attrs.frozen
class AGIDeclared:
    """AGI was declared on ``on``; ``verified`` says whether a required verification held.

    ``verified=None`` means the verification outcome is unknown. ``verified_on``
    is the day the verification came (defaults to the declaration day).
    """

    on: pendulum.Date = attrs.field(converter=_declared_on)
    verified: bool | None = None
    verified_on: pendulum.Date | None = attrs.field(default=None, converter=_optional_day)

    def __attrs_post_init__(self) -> None:
        if self.verified is not None and not isinstance(self.verified, bool):
            raise InvalidFactError(
                f"AGIDeclared.verified={self.verified!r} must be True, False or None (unknown)."
            )
        if self.verified_on is not None and self.verified_on < self.on:
            raise InvalidFactError(
                f"AGIDeclared.verified_on={self.verified_on} is before the declaration on "
                f"{self.on}; a declaration is verified on or after the day it is made."
            )

    @property
    def effective(self) -> pendulum.Date:
        """The day a verified declaration takes effect (verification day, else declaration day)."""
        return self.verified_on or self.on


@attrs.frozen
class Revenue:
    """``earned_by`` had revenue ``amount`` during ``period`` (exact money)."""

    amount: Money = attrs.field(converter=_revenue_amount)
    period: Period = attrs.field(converter=_revenue_period)
    earned_by: str | None = None


@attrs.frozen
class AssumedRate:
    """Assume ``rate`` for the clause with id ``clause`` where the contract does not disclose it."""

    clause: str
    rate: Decimal = attrs.field(converter=_assumed_rate)


Fact: TypeAlias = (
    OfferDeclined
    | OfferAccepted
    | CannotMeetRequirements
    | ConsentGiven
    | ConsentRefused
    | AGIDeclared
    | Revenue
    | AssumedRate
)
FACT_TYPES: tuple[type, ...] = (
    OfferDeclined,
    OfferAccepted,
    CannotMeetRequirements,
    ConsentGiven,
    ConsentRefused,
    AGIDeclared,
    Revenue,
    AssumedRate,
)

# Pairs of fact types that cannot both hold for the same party.
_OPPOSITES: tuple[tuple[type, type], ...] = (
    (ConsentGiven, ConsentRefused),
    (OfferDeclined, OfferAccepted),
    (CannotMeetRequirements, OfferAccepted),
)


def _facts(value: Iterable[object]) -> tuple[Fact, ...]:
    facts = tuple(value)
    for fact in facts:
        if not isinstance(fact, FACT_TYPES):
            names = ", ".join(t.__name__ for t in FACT_TYPES)
            raise InvalidFactError(
                f"Scenario got {fact!r}, which is not a fact. Facts are: {names}."
            )
    # Stable order, no duplicates: the answer must not depend on how facts were listed.
    checked: list[Fact] = [f for f in facts if isinstance(f, FACT_TYPES)]  # type: ignore[misc]
    return tuple(sorted(set(checked), key=repr))


def _check_consistent(instance: Scenario, attribute: object, facts: tuple[Fact, ...]) -> None:
    for a, b in itertools.combinations(facts, 2):
        for left, right in _OPPOSITES:
            pair = (type(a), type(b))
            if pair in ((left, right), (right, left)) and getattr(a, "by", None) == getattr(
                b, "by", None
            ):
                raise ContradictoryFactsError.between(a, b)
        if isinstance(a, AssumedRate) and isinstance(b, AssumedRate) and a.clause == b.clause:
            raise ContradictoryFactsError.between(a, b)
        if isinstance(a, AGIDeclared) and isinstance(b, AGIDeclared):
            raise ContradictoryFactsError.between(a, b)


@attrs.frozen(init=False)
class Scenario:
    """A set of facts; any fact not given is unknown.

    Build it from facts as positional arguments: ``Scenario(OfferDeclined(by="X"))``.

    Raises:
        InvalidFactError: for anything that is not a fact.
        ContradictoryFactsError: for a fact and its opposite about the same party.
    """

    facts: tuple[Fact, ...] = attrs.field(converter=_facts, validator=_check_consistent)

    def __init__(self, *facts: Fact) -> None:
        self.__attrs_init__(facts)

    def __iter__(self) -> Iterator[Fact]:
        return iter(self.facts)

    def __contains__(self, fact: object) -> bool:
        return fact in self.facts

    def __bool__(self) -> bool:
        return bool(self.facts)

    def __add__(self, other: Scenario) -> Scenario:
        return Scenario(*self.facts, *other.facts)

    def with_facts(self, *facts: Fact) -> Scenario:
        """A new scenario with ``facts`` added."""
        return Scenario(*self.facts, *facts)

    def resolved(self, canonical: Callable[[str], str]) -> Scenario:
        """The same facts with every party name replaced by ``canonical(name)``.

        Re-checks consistency, since two aliases of one party may now contradict.
        """
        out: list[Fact] = []
        written: dict[Fact, Fact] = {}  # resolved fact -> the fact as the user wrote it
        for original in self.facts:
            fact = original
            if isinstance(
                fact,
                (
                    OfferDeclined,
                    OfferAccepted,
                    CannotMeetRequirements,
                    ConsentGiven,
                    ConsentRefused,
                ),
            ):
                fact = type(fact)(by=canonical(fact.by))
            elif isinstance(fact, Revenue) and fact.earned_by is not None:
                fact = attrs.evolve(fact, earned_by=canonical(fact.earned_by))
            out.append(fact)
            written.setdefault(fact, original)
        try:
            return Scenario(*out)
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
                        + "contradict each other. Keep one of them, or ask twice, once with each."
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
        if not self.facts:
            return "no facts given"
        return "; ".join(repr(f) for f in self.facts)
