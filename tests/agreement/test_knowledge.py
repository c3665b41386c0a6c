"""Knowledge time: as known on a day, no later source is cited and later-reported terms are hidden."""

from __future__ import annotations

import pendulum
import pytest

import clausekit as ck
from clausekit.agreement.knowledge import published_on
from clausekit.render import verdict_to_dict
from tests.contracts import search_default_deal

AWS = ck.ProcureCompute(buyer="OpenAI", provider="AWS", workload=ck.Workload.TRAINING)
IP = ck.UseIP(user="Microsoft", owner="OpenAI", subject="research")
AGI = ck.Scenario(ck.AGIDeclared(on="2025-11-01"))


@pytest.fixture(scope="module")
def deal() -> ck.Agreement:
    return ck.models.openai_microsoft()


def cites_after(verdict: ck.Verdict, day: str) -> list[ck.Evidence]:
    limit = pendulum.Date.fromisoformat(day)
    return [e for e in verdict.evidence if (published_on(e) or limit) > limit]


class TestNoFutureSources:
    @pytest.mark.parametrize("known", ["2020-06-01", "2024-06-01", "2025-06-01"])
    def test_verdicts_cite_nothing_published_later(self, deal: ck.Agreement, known: str) -> None:
        """As known on a day, a verdict cites only what was published by then."""
        view = deal.as_known_on(known)
        for action, scenario in ((AWS, None), (IP, AGI)):
            assert cites_after(view.ask(action, on="2025-11-15", scenario=scenario), known) == []

    def test_the_full_agreement_cites_later_sources(self, deal: ck.Agreement) -> None:
        """Without knowledge time the same question cites the 2025 sources (the leak fixed)."""
        assert cites_after(deal.ask(AWS, on="2020-06-01"), "2020-06-01") != []


class TestReportedTerms:
    def test_profit_definition_is_undisclosed_before_its_report(self, deal: ck.Agreement) -> None:
        """The USD 100 bn AGI profit definition was first public on 2024-12-26."""
        profits = ck.Money("120000000000", "USD")
        assert deal.as_known_on("2024-06-01").agi_profit_test(profits, on="2024-06-01") is None
        assert deal.as_known_on("2024-12-26").agi_profit_test(profits, on="2024-06-01") is True

    def test_reported_rate_is_hidden_before_it_came_out(self) -> None:
        """The 36 % revenue share came out in court in November 2023."""
        early = search_default_deal().as_known_on("2020-01-01").clause("search-share")
        late = search_default_deal().as_known_on("2024-01-01").clause("search-share")
        assert isinstance(early, ck.RevenueShare)
        assert isinstance(late, ck.RevenueShare)
        assert early.reported_rate is None
        assert str(late.reported_rate) == "0.36"
        assert "36 %" not in search_default_deal().as_known_on("2020-01-01").describe()


class TestCache:
    def test_days_of_one_stretch_share_the_view(self, deal: ck.Agreement) -> None:
        """Two days between the same knowledge days share the compiled view, each with its day."""
        a, b = deal.as_known_on("2020-06-01"), deal.as_known_on("2020-06-02")
        assert a._compiled is b._compiled
        assert (str(a.known_on), str(b.known_on)) == ("2020-06-01", "2020-06-02")
        assert deal.as_known_on("2020-06-02").ask(AWS, on="2020-06-02").known_on == b.known_on


class TestConflictsAsKnown:
    USE = ck.UseIP(user="Microsoft", owner="OpenAI", subject="models")
    DECLARED = ck.Scenario(ck.AGIDeclared(on="2024-05-01"))

    def test_a_conflict_not_yet_in_print_is_not_named(self, deal: ck.Agreement) -> None:
        """As known on 2024-06-01 only Bloomberg (2019) is public: seed 004 (2025), the other
        side of c.agi-loses-access, is not named, in explain() or in the JSON."""
        verdict = deal.as_known_on("2024-06-01").ask(
            self.USE, on="2024-06-01", scenario=self.DECLARED
        )
        assert "c.agi-loses-access" not in verdict.explain()
        assert "s004" not in verdict.explain(format="markdown")
        disputed = [
            d
            for r in verdict_to_dict(verdict)["rulings"]
            for e in r["evidence"]
            for d in e["disputed"]
        ]
        assert disputed == []

    def test_once_the_other_side_is_public_the_conflict_is_named(self, deal: ck.Agreement) -> None:
        """As known on 2025-06-01 seed 004 is out, and the same answer names the conflict."""
        verdict = deal.as_known_on("2025-06-01").ask(
            self.USE, on="2024-06-01", scenario=self.DECLARED
        )
        assert "disputed (c.agi-loses-access): s004.agi-loses-access" in verdict.explain(width=200)

    def test_the_other_side_names_only_claims_published_by_then(self) -> None:
        """A conflict whose other side is partly public names only the public part."""
        from clausekit.evidence import evidence_base

        base = evidence_base()
        claim = "s004.agi-loses-access"
        [conflict] = base.conflicts_involving(claim)
        every = [c.id for c in base.other_side(conflict, claim)]
        early = [
            c.id for c in base.other_side(conflict, claim, known_on=pendulum.Date(2024, 12, 26))
        ]
        assert "o.the-decoder-2024-12-26.agi-loses-access" in early
        assert "s002.agi-clause-control" in every
        assert "s002.agi-clause-control" not in early
        assert base.disputes(base.evidence(claim), known_on=pendulum.Date(2019, 7, 22)) != ()

    def test_without_a_day_every_claim_is_named(self) -> None:
        """The full agreement's answers name every claim of a conflict, as before."""
        from clausekit.evidence import evidence_base

        base = evidence_base()
        cited = base.evidence("o.bloomberg-2019-07-22.agi-excluded-from-ip")
        assert [c.id for c in base.disputes(cited)] == ["c.agi-loses-access"]
        assert base.disputes(cited, known_on=pendulum.Date(2024, 6, 1)) == ()
