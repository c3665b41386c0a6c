"""A clause kind and a fact kind defined outside clausekit, as a user's own module would.

The command line loads it with ``--import user_kinds`` (run from this folder);
importing it registers both kinds, so contract files may use
``kind = "matching-right"`` and ``--fact offer-matched:PARTY`` names the fact.

The terms are those of a media-rights deal: before the league may license its
rights to another broadcaster, the incumbent broadcaster may match the offer.

A second pair, ``NonCompete`` and ``ReleaseGranted``, takes part in the
consistency checker through its own ``check`` hook: the checker in
``clausekit.check`` knows nothing of it.

``UseBrand`` is an action kind of its own, registered by its verb, whose
default is ``PROHIBITED`` (using what belongs to someone else).

A third group shows the hooks for clauses that change other clauses and for
money: ``ChangeOfControl`` ends and starts clauses when an ``Acquired`` fact
fires it (the trigger hooks), and ``Royalty`` makes a party owe a share of its
revenue (the payment hooks), so ``Agreement.revenue_share`` adds it up.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import ClassVar

import attrs

import clausekit as ck
from clausekit.clauses.base import scope_converter


@attrs.frozen(kw_only=True)
class OfferMatched(ck.Fact, kind="offer-matched"):
    """``by`` matched a third party's offer, as its matching right allows."""

    party_fields: ClassVar[tuple[str, ...]] = ("by",)

    by: str


@attrs.frozen(kw_only=True)
class MatchingRight(ck.ClauseBase, kind="matching-right"):
    """Before ``grantor`` may license ``scope`` to anyone else, ``holder`` may match the offer.

    Attributes:
        grantor: who licenses its rights.
        holder: who may match another broadcaster's offer.
        scope: the rights covered; empty = all.
    """

    party_fields: ClassVar[tuple[str, ...]] = ("grantor", "holder")

    grantor: str
    holder: str
    scope: frozenset[str] = attrs.field(factory=frozenset, converter=scope_converter)

    def verbs(self) -> frozenset[str]:
        return frozenset({"license-media-rights"})

    def rule(self, action: ck.Resolved, ctx: ck.Context) -> ck.Finding | None:
        if action.actor != self.grantor or action.counterparty in (None, self.holder):
            return None
        if self.scope and action.subject not in self.scope:
            return None
        if any(isinstance(f, OfferMatched) and f.by == self.holder for f in ctx.scenario):
            return ck.Finding(
                ck.Outcome.PROHIBITED, f"{self.holder} matched the offer, so the rights go to it."
            )
        return ck.Finding(
            ck.Outcome.UNKNOWN,
            f"{self.holder} may match the offer; whether it did is not known.",
            missing=(f"whether {self.holder} matched the offer",),
        )

    def summary(self) -> str:
        return f"{self.holder} may match any offer for {self.grantor}'s rights."


@attrs.frozen(kw_only=True)
class ReleaseGranted(ck.Fact, kind="release-granted"):
    """``by`` released the other party from its non-compete."""

    party_fields: ClassVar[tuple[str, ...]] = ("by",)

    by: str


@attrs.frozen(kw_only=True)
class NonCompete(ck.ClauseBase, kind="non-compete"):
    """``bound`` may not compete with ``beneficiary`` in ``field_of_business`` unless released.

    Attributes:
        bound: the party that may not compete.
        beneficiary: the party it may not compete with, who may release it.
        field_of_business: the subject of the competition it may not enter.
    """

    party_fields: ClassVar[tuple[str, ...]] = ("bound", "beneficiary")

    bound: str
    beneficiary: str
    field_of_business: str = "streaming"

    def verbs(self) -> frozenset[str]:
        return frozenset({"compete"})

    def subjects(self) -> frozenset[str]:
        return frozenset({self.field_of_business})

    def consent_parties(self) -> frozenset[str]:
        return frozenset({self.beneficiary})

    def rule(self, action: ck.Resolved, ctx: ck.Context) -> ck.Finding | None:
        if action.actor != self.bound or action.subject != self.field_of_business:
            return None
        if ReleaseGranted(by=self.beneficiary) in ctx.scenario:
            return ck.Finding(ck.Outcome.PERMITTED, f"{self.beneficiary} released {self.bound}.")
        consent = ctx.consent(self.beneficiary, self, action)  # a waiver, or consent given
        if consent is not None:
            return consent
        return ck.Finding(
            ck.Outcome.PROHIBITED,
            f"{self.bound} may not compete with {self.beneficiary} in {self.field_of_business}.",
        )

    def check(self, ctx: ck.CheckContext) -> Iterator[ck.Diagnostic]:
        """``non-compete-without-end``: a non-compete with no term is rarely enforceable."""
        if self.until is None:
            yield ctx.diagnostic(
                ck.Severity.WARNING,
                "non-compete-without-end",
                f"Non-compete {self.id!r} binds {self.bound} for ever; courts rarely enforce "
                "that. Give the term the contract states in 'until'.",
                ctx.life(self),
                period=ctx.life(self).period,
            )

    def summary(self) -> str:
        return f"{self.bound} may not compete with {self.beneficiary} in {self.field_of_business}."


@attrs.frozen(kw_only=True)
class Acquired(ck.Fact, kind="acquired"):
    """``party`` was acquired (dated with ``on``)."""

    party_fields: ClassVar[tuple[str, ...]] = ("party",)

    party: str


@attrs.frozen(kw_only=True)
class ChangeOfControl(ck.ClauseBase, kind="change-of-control"):
    """When ``target`` is acquired, the clauses ``ends`` stop and ``starts`` begin."""

    party_fields: ClassVar[tuple[str, ...]] = ("target",)
    trigger_event: ClassVar[str] = "the target is acquired"

    target: str
    ends: frozenset[str] = attrs.field(factory=frozenset, converter=scope_converter)
    starts: frozenset[str] = attrs.field(factory=frozenset, converter=scope_converter)

    def references(self) -> frozenset[str]:
        return self.ends | self.starts

    def ends_on_trigger(self) -> frozenset[str]:
        return self.ends

    def starts_on_trigger(self) -> frozenset[str]:
        return self.starts

    def trigger(self, scenario: ck.Scenario) -> ck.Trigger | None:
        for fact in scenario:
            if isinstance(fact, Acquired) and fact.party == self.target and fact.on is not None:
                return ck.Trigger(
                    fact.on, True, f"{self.target} acquired on {fact.on}", facts=[fact]
                )
        return None

    def assumption(self, scenario: ck.Scenario, affected: str, day: object) -> str | None:
        if any(isinstance(f, Acquired) for f in scenario):
            return None
        return f"{self.target} not acquired up to {day} (the scenario says nothing of it)"


@attrs.frozen(kw_only=True)
class Royalty(ck.ClauseBase, kind="royalty"):
    """``payer`` pays ``payee`` ``rate`` of its revenue."""

    party_fields: ClassVar[tuple[str, ...]] = ("payer", "payee")

    payer: str
    payee: str
    rate: Decimal = attrs.field(converter=Decimal)

    def payment_terms(self, payer: str) -> tuple[object, ...] | None:
        return (self.payee, self.rate) if payer == self.payer else None

    def payment(self, revenue: ck.Money, scenario: ck.Scenario) -> ck.Payment:
        return ck.Payment(self.payee, self.rate, "contract", revenue * self.rate)


@attrs.frozen
class UseBrand(ck.ActionBase, verb="use-brand", phrase="use the brand"):
    """``licensee`` uses ``owner``'s brand; prohibited until a clause grants it."""

    licensee: str | ck.Party
    owner: str | ck.Party
    qualifiers: frozenset[str] = attrs.field(factory=frozenset, kw_only=True)

    roles: ClassVar[tuple[str, str | None, str | None]] = ("licensee", "owner", None)
    default: ClassVar[ck.Outcome] = ck.Outcome.PROHIBITED
    counterparty_words: ClassVar[str] = "the owner of the brand"


SOURCE = ck.OutsideSource(
    url="https://example.org/media-rights",
    title="League media rights (test fixture)",
    published="2024-07-24",
    gloss="The incumbent broadcaster may match any third party's offer.",
)


def media_rights() -> ck.Agreement:
    """The league and its incumbent broadcaster; from 2014 the broadcaster may match offers."""
    return ck.Agreement(
        id="media-rights",
        title="League media rights",
        parties=[ck.Party("League"), ck.Party("Incumbent", aliases=("INC",)), ck.Party("Rival")],
        amendments=[
            ck.Amendment(
                id="signed-2014",
                title="Media rights deal",
                effective="2014-10-06",
                evidence=[SOURCE],
                adds=[
                    MatchingRight(
                        id="match",
                        title="Matching right",
                        evidence=[SOURCE],
                        grantor="League",
                        holder="Incumbent",
                        scope=["tv"],
                    )
                ],
            )
        ],
    )


def talent_deal(*, until: str | None = None) -> ck.Agreement:
    """A presenter leaving a broadcaster, bound by a non-compete in sports coverage."""
    return ck.Agreement(
        id="talent",
        title="Presenter's exit",
        parties=[ck.Party("Presenter"), ck.Party("Broadcaster")],
        amendments=[
            ck.Amendment(
                id="exit-2024",
                title="Exit agreement",
                effective="2024-07-01",
                evidence=[SOURCE],
                adds=[
                    NonCompete(
                        id="no-compete",
                        title="No competing",
                        evidence=[SOURCE],
                        bound="Presenter",
                        beneficiary="Broadcaster",
                        field_of_business="sports",
                        until=until,
                    )
                ],
            )
        ],
    )


def licensing_deal() -> ck.Agreement:
    """A publisher licensing a studio's catalogue for a royalty; an acquisition of the
    publisher ends the licence and starts a higher royalty."""
    return ck.Agreement(
        id="catalogue",
        title="Catalogue licence",
        parties=[ck.Party("Studio"), ck.Party("Publisher")],
        amendments=[
            ck.Amendment(
                id="signed-2020",
                title="Catalogue licence",
                effective="2020-01-01",
                evidence=[SOURCE],
                adds=[
                    ck.IPLicense(
                        id="licence",
                        title="Catalogue licence",
                        evidence=[SOURCE],
                        licensor="Studio",
                        licensee="Publisher",
                        scope=["catalogue"],
                    ),
                    Royalty(
                        id="royalty",
                        title="Royalty",
                        evidence=[SOURCE],
                        payer="Publisher",
                        payee="Studio",
                        rate="0.10",
                    ),
                    Royalty(
                        id="exit-royalty",
                        title="Royalty after an acquisition",
                        evidence=[SOURCE],
                        payer="Publisher",
                        payee="Studio",
                        rate="0.25",
                    ),
                    ChangeOfControl(
                        id="coc",
                        title="Change of control",
                        evidence=[SOURCE],
                        target="Publisher",
                        ends=["licence", "royalty"],
                        starts=["exit-royalty"],
                    ),
                ],
            )
        ],
    )
