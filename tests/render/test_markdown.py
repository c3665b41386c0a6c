"""clausekit.render.markdown: a timeline as a Markdown table."""

from __future__ import annotations

import re

import clausekit as ck
from clausekit import render
from contracts import distribution_agreement

GAMMA_DE = ck.AppointDistributor(principal="Acme", distributor="Gamma", territory="DE")


def distribution_timeline() -> ck.Timeline:
    """Gamma in DE: conditional from 2020, prohibited from the 2023 renewal, free from 2026."""
    return distribution_agreement().timeline(GAMMA_DE, start="2019-01-01", end="2027-01-01")


class TestMarkdown:
    def test_one_row_per_segment(self) -> None:
        """The table has a header, a rule and one row per segment with its outcome."""
        timeline = distribution_timeline()
        lines = render.timeline_to_markdown(timeline).splitlines()
        rows = [line for line in lines if line.startswith("| 20")]
        assert len(rows) == len(timeline.segments)
        assert rows[2].startswith("| 2023-07-01 | 2026-01-01 | PROHIBITED |")
        assert "if Beta Vertrieb consents" in rows[1]

    def test_cells_escape_pipes_and_newlines(self) -> None:
        """A pipe or a line break in a title cannot break the table."""
        src = distribution_agreement().amendments[0].evidence
        deal = ck.Agreement(
            id="p",
            title="P",
            parties=[ck.Party("A|B"), ck.Party("C")],
            amendments=[
                ck.Amendment(
                    id="a",
                    title="x|y\nz",
                    effective="2020-01-01",
                    evidence=src,
                    adds=[
                        ck.ConsentRequirement(
                            id="c",
                            title="t",
                            evidence=src,
                            bound="A|B",
                            consent_by="C",
                            verb="sell",
                        )
                    ],
                )
            ],
        )
        action = ck.Act(actor="A|B", verb="sell", counterparty="C")
        table = render.timeline_to_markdown(
            deal.timeline(action, start="2019-01-01", end="2021-01-01")
        )
        for line in table.splitlines()[2:]:
            assert len(re.findall(r"(?<!\\)\|", line)) == 7, line
        assert "x\\|y z" in table
