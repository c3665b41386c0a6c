"""Scenario facts: unknown is not false, contradictions are refused, order does not matter."""

from __future__ import annotations

import pytest

import clausekit as ck


class TestScenario:
    def test_order_and_duplicates_do_not_matter(self) -> None:
        """The same facts in any order, repeated or not, make equal scenarios."""
        a = ck.Scenario(ck.ConsentGiven(by="X"), ck.OfferDeclined(by="Y"))
        b = ck.Scenario(ck.OfferDeclined(by="Y"), ck.ConsentGiven(by="X"), ck.ConsentGiven(by="X"))
        assert a == b
        assert hash(a) == hash(b)

    @pytest.mark.parametrize(
        ("a", "b"),
        [
            (ck.ConsentGiven(by="X"), ck.ConsentRefused(by="X")),
            (ck.OfferDeclined(by="X"), ck.OfferAccepted(by="X")),
            (ck.CannotMeetRequirements(by="X"), ck.OfferAccepted(by="X")),
            (ck.AssumedRate("rs", "0.1"), ck.AssumedRate("rs", "0.2")),
            (ck.AGIDeclared(on="2030-01-01"), ck.AGIDeclared(on="2031-01-01")),
        ],
    )
    def test_contradictions_are_refused(self, a: ck.Fact, b: ck.Fact) -> None:
        """A fact and its opposite about the same party cannot both be given."""
        with pytest.raises(ck.ContradictoryFactsError, match="contradict each other"):
            ck.Scenario(a, b)

    def test_same_fact_types_about_different_parties_are_fine(self) -> None:
        """Consent by one party and refusal by another do not contradict."""
        assert len(ck.Scenario(ck.ConsentGiven(by="X"), ck.ConsentRefused(by="Y")).facts) == 2

    def test_contradiction_through_aliases(self) -> None:
        """Two names of one party contradict once resolved."""
        scenario = ck.Scenario(ck.ConsentGiven(by="Acme"), ck.ConsentRefused(by="Acme GmbH"))
        with pytest.raises(ck.ContradictoryFactsError):
            scenario.resolved(lambda name: "Acme GmbH")

    def test_not_a_fact(self) -> None:
        """Anything but a fact is refused, naming the facts that exist."""
        with pytest.raises(ck.InvalidFactError, match=r"is not a fact\. Fact kinds"):
            ck.Scenario("Microsoft declines")  # type: ignore[arg-type]

    @pytest.mark.parametrize("by", ["", "  ", None])
    def test_facts_need_a_party(self, by: object) -> None:
        """A party fact without a party is refused."""
        with pytest.raises(ck.InvalidFactError, match="must name a party"):
            ck.ConsentGiven(by=by)  # type: ignore[arg-type]

    def test_agi_verification_cannot_precede_declaration(self) -> None:
        """A declaration is verified on or after the day it is made."""
        with pytest.raises(ck.InvalidFactError, match="before the declaration"):
            ck.AGIDeclared(on="2030-01-10", verified=True, verified_on="2030-01-01")

    def test_revenue_and_rate_are_exact(self) -> None:
        """Revenue takes money and a period; a float rate is refused."""
        revenue = ck.Revenue(("10000000000", "USD"), "2025")
        assert revenue.period == ck.Period.parse("2025")
        with pytest.raises(ck.InvalidRateError):
            ck.AssumedRate("rs", 0.2)  # type: ignore[arg-type]
