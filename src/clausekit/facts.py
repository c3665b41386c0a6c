"""Facts: what happened, typed, for the clauses to read.

A fact kind is a frozen attrs class that subclasses :class:`Fact` and names
its tag with the ``kind=`` class keyword (registered in
:data:`clausekit.registry.FACT_KINDS`). Every fact may carry the day it
happened (``on=``); an undated fact holds on every day asked. A
:class:`~clausekit.scenario.Scenario` holds the facts of a question.

Examples:
    >>> from clausekit.facts import ConsentGiven, OfferMade
    >>> ConsentGiven(by="Beta")
    ConsentGiven(by='Beta')
    >>> OfferMade(to="Beta", on="2025-03-01").on
    Date(2025, 3, 1)
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from decimal import Decimal
from typing import Any, ClassVar

import attrs
import pendulum

from clausekit.errors import InvalidFactError
from clausekit.money import Money, to_money, to_rate
from clausekit.registry import FACT_KINDS, register_subclass
from clausekit.time import Period, to_day, to_period

_AGI_STATES: dict[str, bool | None] = {"verified": True, "unverified": False, "unknown": None}


def _plain(value: Decimal) -> str:
    """A decimal as plain digits, never in exponent form ("0.20", "10000000000")."""
    return format(value, "f")


__all__ = [
    "FACT_TYPES",
    "AGIDeclared",
    "AssumedRate",
    "CannotMeetRequirements",
    "ConsentGiven",
    "ConsentRefused",
    "ConsentRequested",
    "Fact",
    "OfferAccepted",
    "OfferDeclined",
    "OfferMade",
    "Revenue",
]


def _party(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidFactError(
            f"{type(instance).__name__}.{attribute.name}={value!r} must name a party, "
            f"e.g. {type(instance).__name__}({attribute.name}='Contoso')."
        )


def _fact_day(value: object) -> pendulum.Date | None:
    return None if value is None else to_day(value, field="on")


@attrs.frozen(repr=False)
class Fact:
    """What every fact shares; a fact kind subclasses it with a ``kind=`` class keyword.

    A fact kind is a frozen attrs class::

        @attrs.frozen
        class OfferMatched(ck.Fact, kind="offer-matched"):
            by: str
            party_fields = ("by",)

    The hooks a kind may override:

    - ``party_fields`` (class attribute): the fields that name a party; the
      agreement replaces aliases by canonical names before clauses look;
    - ``exclusions()``: what the fact asserts, as ``(topic, stance)`` pairs;
      two facts that share a topic with different stances contradict.

    Attributes:
        on: the day the fact happened, or None: an undated fact holds on
            every day asked.
    """

    kind: ClassVar[str] = ""
    """The fact's tag (``--fact KIND:...``), set by the ``kind=`` class keyword."""
    party_fields: ClassVar[tuple[str, ...]] = ()

    on: pendulum.Date | None = attrs.field(default=None, kw_only=True, converter=_fact_day)

    def __init_subclass__(cls, kind: str | None = None, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        register_subclass(FACT_KINDS, cls, kind)

    def __repr__(self) -> str:
        # The day last, and only when given: OfferDeclined(by='X', on='2025-03-01').
        parts = [
            f"{a.name}={getattr(self, a.name)!r}"
            for a in attrs.fields(type(self))
            if a.repr and a.name != "on"
        ]
        if self.on is not None:
            parts.append(f"on='{self.on.isoformat()}'")
        return f"{type(self).__name__}({', '.join(parts)})"

    def exclusions(self) -> tuple[tuple[Hashable, Hashable], ...]:
        """``(topic, stance)`` pairs: facts sharing a topic with other stances contradict."""
        return ()

    def references(self) -> frozenset[str]:
        """Ids of the clauses the fact names; the agreement checks they exist."""
        return frozenset()

    timeless: ClassVar[bool] = False
    """True when the fact is in the view of every day asked, its ``on`` being a term the clauses
    read (the day AGI was declared) rather than the day it starts to hold."""

    @classmethod
    def from_short(cls, rest: str, fail: Callable[[str], Exception]) -> Fact | None:
        """Read the kind's own short ``--fact`` form (the text after ``KIND:``), or None when
        the kind has none and the command line reads ``FIELD=VALUE`` pairs or the value of
        its single field. Raise ``fail(why)`` for a malformed form ("must read ...")."""
        return None

    def short_form(self) -> str | None:
        """The fact in its kind's own short form (without ``KIND:``), or None for the generic
        form; :func:`clausekit.render.format_fact` writes it, :meth:`from_short` reads it."""
        return None

    def with_canonical_parties(self, canonical: Callable[[str], str]) -> Fact:
        """The same fact with every party field replaced by ``canonical(name)``."""
        changes: dict[str, Any] = {}
        for name in self.party_fields:
            value = getattr(self, name)
            if isinstance(value, str) and canonical(value) != value:
                changes[name] = canonical(value)
        return attrs.evolve(self, **changes) if changes else self


@attrs.frozen(repr=False)
class _ByParty(Fact):
    """A fact about one party's answer or stance (``by``)."""

    party_fields: ClassVar[tuple[str, ...]] = ("by",)

    by: str = attrs.field(validator=_party)


@attrs.frozen(repr=False)
class OfferDeclined(_ByParty, kind="offer-declined"):
    """The holder of a right of first refusal was offered the deal and declined it."""

    def exclusions(self) -> tuple[tuple[Hashable, Hashable], ...]:
        return ((("offer-answer", self.by), "declined"),)


@attrs.frozen(repr=False)
class OfferAccepted(_ByParty, kind="offer-accepted"):
    """The holder of a right of first refusal was offered the deal and took it."""

    def exclusions(self) -> tuple[tuple[Hashable, Hashable], ...]:
        return ((("offer-answer", self.by), "accepted"), (("can-meet", self.by), True))


@attrs.frozen(repr=False)
class CannotMeetRequirements(_ByParty, kind="cannot-meet"):
    """The holder of a right of first refusal cannot meet the requirement offered to it."""

    def exclusions(self) -> tuple[tuple[Hashable, Hashable], ...]:
        return ((("can-meet", self.by), False),)


@attrs.frozen(repr=False)
class ConsentGiven(_ByParty, kind="consent-given"):
    """``by`` consents to the action asked about."""

    def exclusions(self) -> tuple[tuple[Hashable, Hashable], ...]:
        return ((("consent", self.by), True),)


@attrs.frozen(repr=False)
class ConsentRefused(_ByParty, kind="consent-refused"):
    """``by`` refuses consent to the action asked about."""

    def exclusions(self) -> tuple[tuple[Hashable, Hashable], ...]:
        return ((("consent", self.by), False),)


@attrs.frozen(repr=False)
class OfferMade(Fact, kind="offer-made"):
    """The holder of a right of first refusal (``to``) was offered the deal on ``on``.

    Under a right with a response window a dated offer starts the window; with
    no answer by its deadline the holder's silence counts as the right says.
    An undated offer starts no window.
    """

    party_fields: ClassVar[tuple[str, ...]] = ("to",)

    to: str = attrs.field(validator=_party)


@attrs.frozen(repr=False)
class ConsentRequested(Fact, kind="consent-requested"):
    """``of`` was asked for its consent on ``on`` (a dated request starts a response window)."""

    party_fields: ClassVar[tuple[str, ...]] = ("of",)

    of: str = attrs.field(validator=_party)


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
class AGIDeclared(Fact, kind="agi-declared"):
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

    def exclusions(self) -> tuple[tuple[Hashable, Hashable], ...]:
        return (("agi-declaration", self),)

    timeless: ClassVar[bool] = True  # an AGI clause reads the day; the declaration stays in view

    @classmethod
    def from_short(cls, rest: str, fail: Callable[[str], Exception]) -> AGIDeclared:
        """``DAY[:verified|:unverified|:unknown[:VERIFIED_ON]]``."""
        parts = [p.strip() for p in rest.split(":")]
        if len(parts) > 3:
            raise fail("must read agi-declared:DAY[:verified|:unverified|:unknown[:DAY]]")
        on = to_day(parts[0], field="agi-declared")
        state = parts[1].lower() if len(parts) > 1 else "unknown"
        if state not in _AGI_STATES:
            raise fail(f"has verification state {parts[1]!r}; use verified, unverified or unknown")
        verified_on = to_day(parts[2], field="agi-declared verified on") if len(parts) > 2 else None
        return cls(on=on, verified=_AGI_STATES[state], verified_on=verified_on)

    def short_form(self) -> str:
        text = self.on.isoformat()
        if self.verified is not None or self.verified_on is not None:
            text += {True: ":verified", False: ":unverified", None: ":unknown"}[self.verified]
        if self.verified_on is not None:
            text += f":{self.verified_on.isoformat()}"
        return text


@attrs.frozen(repr=False)
class Revenue(Fact, kind="revenue"):
    """``earned_by`` had revenue ``amount`` during ``period`` (exact money)."""

    amount: Money = attrs.field(converter=_revenue_amount)
    period: Period = attrs.field(converter=_revenue_period)
    earned_by: str | None = None

    party_fields: ClassVar[tuple[str, ...]] = ("earned_by",)

    @classmethod
    def from_short(cls, rest: str, fail: Callable[[str], Exception]) -> Revenue:
        """``AMOUNT CUR:PERIOD[:PARTY]``."""
        parts = [p.strip() for p in rest.split(":")]
        if len(parts) not in (2, 3) or not all(parts):
            raise fail(
                "must read revenue:AMOUNT CUR:PERIOD[:PARTY], e.g. 'revenue:10000000000 USD:2025'"
            )
        amount = to_money(parts[0], field="revenue")
        period = to_period(parts[1], field="revenue period")
        return cls(amount, period, earned_by=parts[2] if len(parts) == 3 else None)

    def short_form(self) -> str:
        text = f"{_plain(self.amount.amount)} {self.amount.currency}:{self.period}"
        return text + (f":{self.earned_by}" if self.earned_by is not None else "")


@attrs.frozen(repr=False)
class AssumedRate(Fact, kind="assumed-rate"):
    """Assume ``rate`` for the clause with id ``clause`` where the contract does not disclose it."""

    clause: str
    rate: Decimal = attrs.field(converter=_assumed_rate)

    def exclusions(self) -> tuple[tuple[Hashable, Hashable], ...]:
        return ((("assumed-rate", self.clause), self.rate),)

    def references(self) -> frozenset[str]:
        return frozenset((self.clause,))

    @classmethod
    def from_short(cls, rest: str, fail: Callable[[str], Exception]) -> AssumedRate:
        """``CLAUSE=RATE``."""
        clause, eq, rate = rest.partition("=")
        if not eq or not clause.strip() or not rate.strip():
            raise fail("must read assumed-rate:CLAUSE=RATE, e.g. assumed-rate:rs=0.20")
        return cls(clause.strip(), rate.strip())

    def short_form(self) -> str:
        return f"{self.clause}={_plain(self.rate)}"


FACT_TYPES: tuple[type[Fact], ...] = (
    OfferDeclined,
    OfferAccepted,
    CannotMeetRequirements,
    ConsentGiven,
    ConsentRefused,
    OfferMade,
    ConsentRequested,
    AGIDeclared,
    Revenue,
    AssumedRate,
)
"""The bundled fact kinds (every registered kind: :data:`clausekit.registry.FACT_KINDS`)."""
