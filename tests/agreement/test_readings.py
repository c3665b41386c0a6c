"""Answers under readings: a disputed fact gives UNKNOWN with each reading, unless they agree."""

from __future__ import annotations

import clausekit as ck
from tests.contracts import NBA_FACTS, nba_matching_right, shareholders_agreement

LICENSE = ck.Act(
    actor="NBA", verb="license-media-rights", counterparty="Amazon", subject="package-c"
)


class TestDisputedFacts:
    def test_the_answer_depends_on_the_reading(self) -> None:
        """Turner's answer a match (prohibited) or not (permitted): UNKNOWN, naming both."""
        v = nba_matching_right().ask(LICENSE, on="2024-07-25", scenario=NBA_FACTS)
        assert v.outcome is ck.Outcome.UNKNOWN
        assert v.dispute_matters
        assert [r.outcome for r in v.readings] == [ck.Outcome.PROHIBITED, ck.Outcome.PERMITTED]
        assert "which reading holds" in v.missing[0]
        text = v.explain()
        assert "Readings: the answer depends on which holds:" in text
        assert "OfferAccepted(by='Turner', on='2024-07-22')" in text

    def test_a_dispute_that_does_not_matter_says_so(self) -> None:
        """Before the disputed answer, every reading gives the same answer."""
        v = nba_matching_right().ask(LICENSE, on="2024-07-18", scenario=NBA_FACTS)
        assert v.outcome is ck.Outcome.CONDITIONAL
        assert not v.dispute_matters
        assert "the dispute does not change the answer" in v.explain()

    def test_the_timeline_splits_at_the_disputed_day(self) -> None:
        """The dated readings are change points; the uncertain stretch is its own segment."""
        timeline = nba_matching_right().timeline(
            LICENSE, start="2024-07-01", end="2024-08-01", scenario=NBA_FACTS
        )
        assert [str(s.period.start) for s in timeline.segments][-1] == "2024-07-22"
        assert timeline.segments[-1].outcome is ck.Outcome.UNKNOWN

    def test_identical_readings_give_the_plain_answer(self) -> None:
        """A dispute between a fact and itself answers as the fact does."""
        deal = shareholders_agreement()
        sell = ck.TransferShares(seller="Ann", buyer="Friendly Fund")
        plain = deal.ask(sell, on="2020-01-01", scenario=ck.Scenario(ck.OfferDeclined(by="Bob")))
        fact = ck.OfferDeclined(by="Bob")
        disputed = deal.ask(sell, on="2020-01-01", scenario=ck.Scenario(ck.Disputed(fact, fact)))
        assert disputed == plain

    def test_json_lists_the_readings(self) -> None:
        """The verdict's JSON carries each reading with its outcome."""
        from clausekit.render import verdict_to_dict

        v = nba_matching_right().ask(LICENSE, on="2024-07-25", scenario=NBA_FACTS)
        assert [r["outcome"] for r in verdict_to_dict(v)["readings"]] == [
            "prohibited",
            "permitted",
        ]


class TestUnverifiedAGIDeclaration:
    """A declaration whose verification is unknown is asked verified and not verified."""

    SRC = ck.OutsideSource(
        url="https://example.org/l", title="L", published="2020-01-01", gloss="g"
    )

    def deal(self) -> ck.Agreement:
        """An exclusive licence until a verified AGI, the same rights without exclusivity after."""
        common = {"evidence": [self.SRC], "licensor": "Lab", "licensee": "Cloud"}
        return ck.Agreement(
            id="d",
            title="D",
            parties=[ck.Party("Lab"), ck.Party("Cloud"), ck.Party("Rival")],
            amendments=[
                ck.Amendment(
                    id="a",
                    title="A",
                    effective="2020-01-01",
                    evidence=[self.SRC],
                    adds=[
                        ck.IPLicense(id="exclusive", title="E", exclusive=True, **common),
                        ck.IPLicense(id="after", title="N", **common),
                        ck.AGIClause(
                            id="agi",
                            title="AGI",
                            evidence=[self.SRC],
                            declared_by="Lab",
                            verification_required=True,
                            verifier="a panel",
                            ends=["exclusive"],
                            starts=["after"],
                        ),
                    ],
                )
            ],
        )

    def test_readings_that_agree_answer(self) -> None:
        """The licensee may use the IP whether or not the panel verified: PERMITTED, and why."""
        unverified = ck.Scenario(ck.AGIDeclared(on="2021-01-01"))
        v = self.deal().ask(
            ck.UseIP(user="Cloud", owner="Lab"), on="2021-06-01", scenario=unverified
        )
        assert v.outcome is ck.Outcome.PERMITTED
        assert [r.description for r in v.readings] == [
            "the AGI declaration of 2021-01-01 verified",
            "the AGI declaration of 2021-01-01 not verified",
        ]
        assert not v.dispute_matters
        assert "does not change the answer" in v.explain()

    def test_readings_that_differ_stay_unknown(self) -> None:
        """Whether a rival is excluded depends on the verification: UNKNOWN, naming it."""
        unverified = ck.Scenario(ck.AGIDeclared(on="2021-01-01"))
        v = self.deal().ask(
            ck.UseIP(user="Rival", owner="Lab"), on="2021-06-01", scenario=unverified
        )
        assert v.outcome is ck.Outcome.PROHIBITED  # no licence grants a rival either way
        own = self.deal().ask(
            ck.UseIP(user="Lab", owner="Lab"), on="2021-06-01", scenario=unverified
        )
        assert own.outcome is ck.Outcome.UNKNOWN
        assert own.missing == (
            "whether the AGI declaration of 2021-01-01 was verified by a panel (clause 'agi')",
        )
        assert own.readings == ()


class TestRevenueShareUnderAnUnverifiedDeclaration:
    """A revenue share a verified AGI ends is owed under one reading only: the amount waits."""

    SRC = ck.OutsideSource(
        url="https://example.org/r", title="R", published="2020-01-01", gloss="g"
    )

    def deal(self) -> ck.Agreement:
        """Lab pays Cloud 10 % of its revenue until a panel verifies Lab's AGI declaration."""
        return ck.Agreement(
            id="r",
            title="R",
            parties=[ck.Party("Lab"), ck.Party("Cloud")],
            amendments=[
                ck.Amendment(
                    id="a",
                    title="A",
                    effective="2020-01-01",
                    evidence=[self.SRC],
                    adds=[
                        ck.RevenueShare(
                            id="share",
                            title="S",
                            evidence=[self.SRC],
                            payer="Lab",
                            payee="Cloud",
                            rate="0.10",
                        ),
                        ck.AGIClause(
                            id="agi",
                            title="AGI",
                            evidence=[self.SRC],
                            declared_by="Lab",
                            verification_required=True,
                            verifier="a panel",
                            ends=["share"],
                        ),
                    ],
                )
            ],
        )

    def owed(self, fact: ck.AGIDeclared) -> ck.Owed:
        return self.deal().revenue_share(
            "Lab", revenue=ck.Money("1000", "USD"), during="2021-02", scenario=ck.Scenario(fact)
        )

    def test_unknown_verification_leaves_the_amount_unknown(self) -> None:
        """Not verified: USD 100 owed; verified: nothing. Unknown: UNKNOWN, naming the panel."""
        owed = self.owed(ck.AGIDeclared(on="2021-01-01"))
        assert owed.outcome is ck.Outcome.UNKNOWN
        assert owed.amount is None
        assert owed.missing == (
            "whether the AGI declaration of 2021-01-01 was verified by a panel (clause 'agi')",
        )
        assert [s.clause.id for s in owed.shares] == ["share"]
        assert "UNKNOWN — missing: whether the AGI declaration" in owed.explain()

    def test_each_reading_given_answers(self) -> None:
        """A verification the scenario gives settles the amount either way."""
        assert self.owed(ck.AGIDeclared(on="2021-01-01", verified=False)).amount == ck.Money(
            "100", "USD"
        )
        assert self.owed(ck.AGIDeclared(on="2021-01-01", verified=True)).amount == ck.Money(
            "0", "USD"
        )

    def test_revenue_before_the_declaration_is_owed(self) -> None:
        """Revenue earned before the declaration is owed whatever the panel decides."""
        owed = self.deal().revenue_share(
            "Lab",
            revenue=ck.Money("1000", "USD"),
            during="2020-06",
            scenario=ck.Scenario(ck.AGIDeclared(on="2021-01-01")),
        )
        assert owed.amount == ck.Money("100", "USD")

    def test_a_disputed_verification_names_each_reading(self) -> None:
        """Disputed facts are worked out per reading: USD 0 or USD 100, so UNKNOWN."""
        disputed = ck.Disputed(
            ck.AGIDeclared(on="2021-01-01", verified=True),
            ck.AGIDeclared(on="2021-01-01", verified=False),
        )
        owed = self.deal().revenue_share(
            "Lab", revenue=ck.Money("1000", "USD"), during="2021-02", scenario=ck.Scenario(disputed)
        )
        assert owed.amount is None
        (missing,) = owed.missing
        assert missing.startswith("which reading holds: ")
        assert "(USD 0); or " in missing
        assert missing.endswith("(USD 100)")

    def test_a_dispute_that_does_not_matter_gives_the_amount(self) -> None:
        """Revenue earned before the disputed declaration: both readings owe USD 100."""
        disputed = ck.Disputed(
            ck.AGIDeclared(on="2021-01-01", verified=True),
            ck.AGIDeclared(on="2021-01-01", verified=False),
        )
        owed = self.deal().revenue_share(
            "Lab", revenue=ck.Money("1000", "USD"), during="2020-06", scenario=ck.Scenario(disputed)
        )
        assert owed.amount == ck.Money("100", "USD")
