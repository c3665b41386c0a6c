"""What notebooks show: agreements, comparisons and revenue shares as escaped HTML fragments."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

import clausekit as ck

AWS = ck.ProcureCompute(buyer="OpenAI", provider="AWS", workload=ck.Workload.TRAINING)


@pytest.fixture(scope="module")
def deal() -> ck.Agreement:
    return ck.models.openai_microsoft()


def parse(html: str) -> ET.Element:
    """The fragment is well-formed (X)HTML: every tag closed, every text escaped."""
    return ET.fromstring(html)


def cells(root: ET.Element) -> list[list[str]]:
    return [["".join(c.itertext()) for c in row] for row in root.iter("tr")]


class TestAgreement:
    def test_parties_and_amendments(self, deal: ck.Agreement) -> None:
        """One row per party (with aliases) and one per amendment, with what it changed."""
        root = parse(deal._repr_html_())
        rows = cells(root)
        assert any(r[0] == "Amazon Web Services" and "AWS" in r[1] for r in rows)
        stargate = next(r for r in rows if "stargate-2025" in r)
        assert stargate[0] == "2025-01-21"
        assert "replaces compute-exclusivity by compute-rofr" in stargate[4]
        assert sum(1 for r in rows if len(r) == 5 and r[0][:2] == "20") == len(deal.amendments)

    def test_as_known_on_says_so(self, deal: ck.Agreement) -> None:
        assert "as known on 2025-06-01" in deal.as_known_on("2025-06-01")._repr_html_()


class TestComparison:
    def test_both_answers_and_the_change(self, deal: ck.Agreement) -> None:
        """January 2025 is conditional, November permitted; the changes are listed in between."""
        html = deal.compare(AWS, "2025-01-15", "2025-11-15")._repr_html_()
        rows = cells(parse(html))
        assert rows[1][:2] == ["2025-01-15", "CONDITIONAL"]
        assert rows[2][:2] == ["2025-11-15", "PERMITTED"]
        assert "Changed by:" in html
        assert "stargate-2025" in html

    def test_same_answer(self, deal: ck.Agreement) -> None:
        html = deal.compare(AWS, "2025-12-01", "2026-01-15")._repr_html_()
        assert "No amendment between the two days changed the answer." in html


class TestOwed:
    def test_known_and_unknown(self, deal: ck.Agreement) -> None:
        """A known amount is shown in bold; an undisclosed rate shows UNKNOWN and what is missing."""
        unknown = deal.revenue_share("OpenAI", revenue="10000000000 USD", during="2024")
        html = unknown._repr_html_()
        parse(html)
        assert "UNKNOWN" in html
        assert "missing:" in html
        assumed = deal.revenue_share(
            "OpenAI",
            revenue="10000000000 USD",
            during="2024",
            scenario=ck.Scenario(ck.AssumedRate("revenue-share-openai-to-microsoft", "0.20")),
        )
        root = parse(assumed._repr_html_())
        assert "".join(root.find("div").find("b").itertext()) == "USD 2,000,000,000"  # type: ignore[union-attr]
        assert cells(root)[1][:3] == [
            "Microsoft",
            "USD 2,000,000,000",
            "20 % (assumed in the scenario)",
        ]
