"""Uncertain effective dates: both readings inside the range, one segment for the stretch."""

from __future__ import annotations

import attrs
import pytest

import clausekit as ck
from tests.contracts import SEARCH_JUDGMENT, search_default_deal

EXCLUSIVE = ck.Act(
    actor="Google", verb="make-exclusive-default-deal", counterparty="Apple", subject="safari"
)


class TestAmendment:
    def test_a_range_is_stored_as_earliest_and_latest(self) -> None:
        """effective=DateRange(a, b) keeps a as the day and b as effective_latest."""
        a = search_default_deal().amendment("judgment")
        assert str(a.effective) == "2026-06-03"
        assert str(a.effective_latest) == "2026-12-05"
        assert a.effective_range == ck.DateRange("2026-06-03", "2026-12-05")

    def test_latest_before_earliest_is_refused(self) -> None:
        """effective_latest must not come before effective."""
        with pytest.raises(ck.AgreementError, match="effective_latest"):
            ck.Amendment(
                id="a",
                title="A",
                effective="2026-06-03",
                effective_latest="2026-01-01",
                evidence=[SEARCH_JUDGMENT],
            )

    def test_a_range_given_twice_is_refused(self) -> None:
        """A range and effective_latest together are ambiguous."""
        with pytest.raises(ck.AgreementError, match="give the range once"):
            ck.Amendment(
                id="a",
                title="A",
                effective=ck.DateRange("2026-01-01", "2026-06-03"),
                effective_latest="2026-07-01",
                evidence=[SEARCH_JUDGMENT],
            )


class TestAnswers:
    def test_inside_the_range_both_readings(self) -> None:
        """A day inside the range is UNKNOWN and names the earliest and the latest reading."""
        v = search_default_deal().ask(EXCLUSIVE, on="2026-09-01")
        assert v.outcome is ck.Outcome.UNKNOWN
        assert [r.outcome for r in v.readings] == [ck.Outcome.PROHIBITED, ck.Outcome.PERMITTED]
        assert "earliest of 2026-06-03..2026-12-05" in v.readings[0].description

    @pytest.mark.parametrize(
        ("day", "outcome"),
        [("2026-06-02", ck.Outcome.PERMITTED), ("2026-12-05", ck.Outcome.PROHIBITED)],
    )
    def test_outside_the_range_one_answer(self, day: str, outcome: ck.Outcome) -> None:
        """Before the range nothing binds; from its latest day the bar binds either way."""
        v = search_default_deal().ask(EXCLUSIVE, on=day)
        assert v.outcome is outcome
        assert not v.readings

    def test_the_uncertain_stretch_is_a_segment(self) -> None:
        """The timeline shows the stretch from the earliest to the latest day on its own."""
        timeline = search_default_deal().timeline(EXCLUSIVE, start="2026-01-01", end="2027-01-01")
        periods = [(str(s.period.start), str(s.period.end)) for s in timeline.segments]
        assert periods == [
            ("2026-01-01", "2026-06-03"),
            ("2026-06-03", "2026-12-05"),
            ("2026-12-05", "2027-01-01"),
        ]
        assert "latest possible day" in timeline.segments[-1].cause

    def test_readings_that_agree_give_the_answer(self) -> None:
        """An action the judgment does not touch has one answer inside the range."""
        other = ck.Act(actor="Apple", verb="sell-phones", counterparty="Google")
        v = search_default_deal().ask(other, on="2026-09-01")
        assert v.outcome is ck.Outcome.PERMITTED
        assert all(r.outcome is ck.Outcome.PERMITTED for r in v.readings)

    def test_describe_shows_the_range(self) -> None:
        """The agreement in words shows the uncertain day as a range."""
        assert "- 2026-06-03..2026-12-05 judgment" in search_default_deal().describe()

    def test_file_round_trip(self) -> None:
        """A contract file keeps the range (effective and effective_latest)."""
        deal = search_default_deal()
        text = ck.dumps(deal, format="toml")
        assert 'effective_latest = "2026-12-05"' in text
        assert ck.loads(text, format="toml") == deal


class TestCheck:
    def test_a_range_around_another_amendment_is_flagged(self) -> None:
        """check() warns when another amendment's day lies inside an uncertain effective date."""
        deal = search_default_deal()
        inside = ck.Amendment(
            id="appeal", title="Appeal filed", effective="2026-08-01", evidence=[SEARCH_JUDGMENT]
        )
        flagged = attrs.evolve(deal, amendments=[*deal.amendments, inside])
        codes = [d.code for d in flagged.check().findings]
        assert "uncertain-date-changes-order" in codes
        assert "uncertain-date-changes-order" not in [d.code for d in deal.check().findings]


class TestMoney:
    def deal(self) -> ck.Agreement:
        share = ck.RevenueShare(
            id="share",
            title="Share",
            evidence=[SEARCH_JUDGMENT],
            payer="Google",
            payee="Apple",
            rate="0.36",
        )
        lower = ck.RevenueShare(
            id="share-2",
            title="Lower share",
            evidence=[SEARCH_JUDGMENT],
            payer="Google",
            payee="Apple",
            rate="0.20",
        )
        return ck.Agreement(
            id="s",
            title="S",
            parties=[ck.Party("Google"), ck.Party("Apple")],
            amendments=[
                ck.Amendment(
                    id="a",
                    title="A",
                    effective="2020-01-01",
                    adds=[share],
                    evidence=[SEARCH_JUDGMENT],
                ),
                ck.Amendment(
                    id="b",
                    title="B",
                    effective=ck.DateRange("2026-03-01", "2026-09-01"),
                    replaces=[ck.Replacement("share", lower)],
                    evidence=[SEARCH_JUDGMENT],
                ),
            ],
        )

    def test_a_share_inside_the_range_is_refused(self) -> None:
        """Revenue inside the uncertain stretch: the rate depends on the date, so no amount."""
        with pytest.raises(ck.AmbiguityError, match="depend on when amendment 'b'"):
            self.deal().revenue_share("Google", revenue=ck.Money("100", "USD"), during="2026-05")

    @pytest.mark.parametrize(("month", "owed"), [("2026-01", "36.00"), ("2026-10", "20.00")])
    def test_outside_the_range_one_amount(self, month: str, owed: str) -> None:
        """Before the range the old rate, from its latest day the new one."""
        result = self.deal().revenue_share("Google", revenue=ck.Money("100", "USD"), during=month)
        assert result.amount == ck.Money(owed, "USD")
