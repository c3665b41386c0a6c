"""A clause kind and a fact kind defined outside clausekit, as a user's own module would.

The command line loads it with ``--import user_kinds`` (run from this folder);
importing it registers both kinds, so contract files may use
``kind = "matching-right"`` and ``--fact offer-matched:PARTY`` names the fact.

The terms are those of a media-rights deal: before the league may license its
rights to another broadcaster, the incumbent broadcaster may match the offer.
"""

from __future__ import annotations

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
