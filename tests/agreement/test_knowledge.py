"""Knowledge time: as known on a day, no later source is cited and later-reported terms are hidden."""

from __future__ import annotations

import pendulum
import pytest

import clausekit as ck
from clausekit.agreement.knowledge import published_on
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
