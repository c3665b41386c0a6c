"""clausekit.render.mermaid: a timeline as a Mermaid gantt chart; every renderer follows the segments."""

from __future__ import annotations

import itertools
import json

from hypothesis import given, settings

import clausekit as ck
from clausekit import render
from clausekit import testing as ckst
from contracts import distribution_agreement

GAMMA_DE = ck.AppointDistributor(principal="Acme", distributor="Gamma", territory="DE")


def distribution_timeline() -> ck.Timeline:
    """Gamma in DE: conditional from 2020, prohibited from the 2023 renewal, free from 2026."""
    return distribution_agreement().timeline(GAMMA_DE, start="2019-01-01", end="2027-01-01")


class TestMermaid:
    def test_bars_are_tagged_by_outcome(self) -> None:
        """Prohibited bars are crit, conditional active, permitted untagged."""
        lines = render.timeline_to_mermaid(distribution_timeline()).splitlines()
        bars = lines[5:]
        assert bars == [
            "    PERMITTED :s1, 2019-01-01, 2020-01-01",
            "    CONDITIONAL if Beta Vertrieb consents :active, s2, 2020-01-01, 2023-07-01",
            "    PROHIBITED :crit, s3, 2023-07-01, 2026-01-01",
            "    PERMITTED :s4, 2026-01-01, 2027-01-01",
        ]

    def test_unknown_is_done_and_text_is_sanitised(self) -> None:
        """An unknown answer is tagged done; ':', ';' and '#' never reach a bar's label."""
        src = distribution_agreement().amendments[0].evidence
        deal = ck.Agreement(
            id="p",
            title="P",
            parties=[ck.Party("Acme"), ck.Party("Beta")],
            amendments=[
                ck.Amendment(
                    id="a",
                    title="A",
                    effective="2020-01-01",
                    evidence=src,
                    adds=[
                        ck.Exclusivity(
                            id="api", title="API", evidence=src, bound="Acme", beneficiary="Beta"
                        ),
                        ck.AGIClause(
                            id="agi",
                            title="AGI",
                            evidence=src,
                            declared_by="Acme",
                            verification_required=True,
                            verifier="panel #1; final",
                            ends=["api"],
                        ),
                    ],
                )
            ],
        )
        timeline = deal.timeline(
            ck.ProcureCompute(buyer="Acme", provider="Acme", workload="api"),
            start="2019-01-01",
            end="2031-01-01",
            scenario=ck.Scenario(ck.AGIDeclared(on="2030-01-01")),
        )
        chart = render.timeline_to_mermaid(timeline)
        unknown = [line for line in chart.splitlines() if ":done," in line]
        assert len(unknown) == 1
        label = unknown[0].split(" :done,")[0]
        assert not set(label) & {":", ";", "#"}
        assert unknown[0].endswith("2030-01-01, 2031-01-01")


class TestProperties:
    @settings(max_examples=40)
    @given(agreement=ckst.agreements(), action=ckst.actions(), scenario=ckst.scenarios())
    def test_renderings_follow_the_segments(
        self, agreement: ck.Agreement, action: ck.Action, scenario: ck.Scenario
    ) -> None:
        """For any timeline: JSON survives a round trip, the segments tile the period, and
        the Markdown table and the Mermaid chart have one row or bar per segment."""
        try:
            timeline = agreement.timeline(
                action, start="2000-01-01", end="2040-01-01", scenario=scenario
            )
        except ck.UnknownPartyError:
            return  # the scenario names a party this agreement does not have
        data = render.timeline_to_dict(timeline)
        assert json.loads(json.dumps(data)) == data
        periods = [s["period"] for s in data["segments"]]
        assert periods[0]["start"] == "2000-01-01"
        assert periods[-1]["end"] == "2040-01-01"
        assert all(a["end"] == b["start"] for a, b in itertools.pairwise(periods))
        table = render.timeline_to_markdown(timeline).splitlines()
        assert len(table) == 4 + len(timeline.segments)
        chart = render.timeline_to_mermaid(timeline).splitlines()
        assert len(chart) == 5 + len(timeline.segments)
        assert all(line.count(" :") == 1 for line in chart[5:])
