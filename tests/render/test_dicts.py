"""clausekit.render.dicts: JSON-ready values and dicts of answers."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given

import clausekit as ck
from clausekit import render
from clausekit import testing as ckst
from contracts import distribution_agreement, shareholders_agreement

GAMMA_DE = ck.AppointDistributor(principal="Acme", distributor="Gamma", territory="DE")


def distribution_timeline() -> ck.Timeline:
    """Gamma in DE: conditional from 2020, prohibited from the 2023 renewal, free from 2026."""
    return distribution_agreement().timeline(GAMMA_DE, start="2019-01-01", end="2027-01-01")


class TestValues:
    @pytest.mark.parametrize(
        ("money", "expected"),
        [
            (ck.Money("2000000000.00", "USD"), {"amount": "2000000000.00", "currency": "USD"}),
            (ck.Money(Decimal("1E+10"), "EUR"), {"amount": "10000000000", "currency": "EUR"}),
            (ck.Money("0.005", "JPY"), {"amount": "0.005", "currency": "JPY"}),
        ],
    )
    def test_money_is_two_strings_without_exponents(
        self, money: ck.Money, expected: dict[str, str]
    ) -> None:
        """Money is the exact decimal as plain digits, and the ISO code."""
        assert render.money_to_dict(money) == expected

    @given(money=ckst.money())
    def test_money_round_trips_exactly(self, money: ck.Money) -> None:
        """The amount string reads back to the same Decimal."""
        data = render.money_to_dict(money)
        assert ck.Money(Decimal(data["amount"]), data["currency"]) == money

    def test_open_period(self) -> None:
        """An open-ended period has end null."""
        assert render.period_to_dict(ck.Period("2025-01-01")) == {
            "start": "2025-01-01",
            "end": None,
        }

    def test_seed_and_outside_evidence(self) -> None:
        """Both kinds of evidence carry their fields and the one-line citation."""
        seed = ck.SeedExcerpt(document="001_x", excerpt="Wort", gloss="word", claim="s1.c")
        assert render.evidence_to_dict(seed) == {
            "type": "seed",
            "document": "001_x",
            "excerpt": "Wort",
            "gloss": "word",
            "claim": "s1.c",
            "citation": 'seed 001_x [s1.c]: "Wort" (word)',
            "disputed": [],
        }
        outside = distribution_agreement().amendments[0].evidence[0]
        data = render.evidence_to_dict(outside)
        assert data["type"] == "outside"
        assert data["published"] == "2020-01-01"
        assert data["claim"] is None

    def test_uncertain_announcement(self) -> None:
        """An amendment announced within a date range shows both ends."""
        amendment = ck.Amendment(
            id="a",
            title="A",
            effective="2025-11-01",
            announced=ck.DateRange("2025-10-27", "2025-10-31"),
            evidence=distribution_agreement().amendments[0].evidence,
        )
        assert render.amendment_to_dict(amendment)["announced"] == {
            "earliest": "2025-10-27",
            "latest": "2025-10-31",
        }


class TestDicts:
    def test_verdict(self) -> None:
        """A verdict's dict has the outcome, conditions, rulings and the explanation."""
        verdict = distribution_agreement().ask(GAMMA_DE, on="2021-05-01")
        data = render.verdict_to_dict(verdict)
        assert data["outcome"] == "conditional"
        assert data["conditions"] == ["Beta Vertrieb consents"]
        assert data["action"]["text"] == verdict.action_text
        assert data["rulings"][0]["clause"]["kind"] == "exclusivity"
        assert data["rulings"][0]["amendment"]["id"] == "signed"
        assert data["explanation"] == verdict.explain()
        assert json.loads(json.dumps(data)) == data

    def test_facts_are_written_in_the_fact_syntax(self) -> None:
        """The scenario appears as --fact strings."""
        scenario = ck.Scenario(ck.ConsentGiven(by="Beta"), ck.AGIDeclared(on="2030-01-01"))
        verdict = distribution_agreement().ask(GAMMA_DE, on="2021-05-01", scenario=scenario)
        data = render.verdict_to_dict(verdict)
        assert data["outcome"] == "permitted"
        assert sorted(data["facts"]) == ["agi-declared:2030-01-01", "consent-given:Beta Vertrieb"]

    def test_timeline(self) -> None:
        """Segments follow the timeline, each naming what opened it."""
        data = render.timeline_to_dict(distribution_timeline())
        assert [(s["period"]["start"], s["outcome"]) for s in data["segments"]] == [
            ("2019-01-01", "permitted"),
            ("2020-01-01", "conditional"),
            ("2023-07-01", "prohibited"),
            ("2026-01-01", "permitted"),
        ]
        assert [s["opened_by"] and s["opened_by"]["id"] for s in data["segments"]] == [
            None,
            "signed",
            "renewal",
            None,
        ]
        assert data["segments"][3]["cause"] == "clause 'territory-de' reaches its end"

    def test_comparison(self) -> None:
        """A comparison lists the change days with outcomes before and after."""
        deal = distribution_agreement()
        data = render.comparison_to_dict(deal.compare(GAMMA_DE, "2021-01-01", "2024-01-01"))
        assert data["same"] is False
        assert data["changes"] == [
            {
                "day": "2023-07-01",
                "amendment": render.amendment_to_dict(deal.amendment("renewal")),
                "cause": "amendment 'renewal' takes effect (Renewal: Austria carved out)",
                "before": "conditional",
                "after": "prohibited",
            }
        ]

    def test_owed_and_in_force(self) -> None:
        """in_force_to_dict lists clauses with amendments; owed_to_dict is empty without shares."""
        deal = shareholders_agreement()
        day = ck.Period.parse("2020-01-01").start
        data = render.in_force_to_dict(deal.in_force(on=day), on=day, agreement=deal.title)
        assert [c["id"] for c in data["clauses"]] == ["rofr-shares", "competitor-consent"]
        assert data["known_on"] is None
        owed = render.owed_to_dict(deal.revenue_share("Ann", revenue="100 EUR", during="2020"))
        assert owed["amount"] == {"amount": "0", "currency": "EUR"}
        assert owed["shares"] == []
        assert owed["outcome"] == "permitted"
