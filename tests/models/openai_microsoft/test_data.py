"""The model's parties, amendments and evidence are what the sources support."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

import clausekit as ck
from clausekit.evidence import SeedExcerpt, evidence_base
from tests.models.openai_microsoft.helpers import (
    RS_OPENAI,
    claims_of,
)

AMENDMENTS = [
    ("investment-2019", "2019-07-22", "2019-07-22"),
    ("extension-2023", "2023-01-23", "2023-01-23"),
    ("oracle-exception-2024", "2024-06-11", "2024-06-12"),
    ("stargate-2025", "2025-01-21", "2025-01-21"),
    ("definitive-agreement-2025", "2025-10-28", "2025-10-28"),
    ("aws-deal-2025", "2025-11-03", "2025-11-03"),
    ("joint-statement-2026", "2026-02-27", "2026-02-27"),
    ("amended-agreement-2026", "2026-04-27", "2026-04-27"),
]


class TestData:
    """The model's parties, amendments and evidence are what the sources support."""

    def test_amendments_in_order(self, deal: ck.Agreement) -> None:
        """The amendments, their effective days and their announcement days."""
        got = [
            (a.id, a.effective.isoformat(), a.announced_earliest.isoformat())
            for a in deal.amendments
        ]
        assert got == AMENDMENTS

    @pytest.mark.parametrize(
        ("amendment", "topic"),
        [
            ("oracle-exception-2024", "oracle-exception"),
            ("stargate-2025", "amendment-2025-01"),
            ("definitive-agreement-2025", "rofr-removal"),
            ("aws-deal-2025", "aws-deal"),
            ("amended-agreement-2026", "amendment-2026-04"),
        ],
    )
    def test_announced_is_the_earliest_report(
        self, deal: ck.Agreement, amendment: str, topic: str
    ) -> None:
        """Announcement days follow the evidence base's earliest report of the event."""
        assert deal.amendment(amendment).announced == evidence_base().earliest_report(topic)

    def test_licences_are_exclusive_until_agi_then_not(self, deal: ck.Agreement) -> None:
        """Exclusive (against third parties, not OpenAI) until verified AGI or 2026-04-27."""
        exclusive = ["ip-license", "ip-license-2030", "ip-license-models", "ip-license-research"]
        for clause_id in exclusive:
            licence = deal.clause(clause_id)
            assert isinstance(licence, ck.IPLicense)
            assert (licence.exclusive, licence.licensor_keeps_use) == (True, True), clause_id
        for clause_id in (
            "ip-license-models-post-agi",
            "ip-license-models-non-exclusive",
            "ip-license-research-non-exclusive",
        ):
            licence = deal.clause(clause_id)
            assert isinstance(licence, ck.IPLicense)
            assert not licence.exclusive, clause_id
        agi = deal.clause("agi-verified")
        assert isinstance(agi, ck.AGIClause)
        assert {"ip-license-models", "ip-license-research"} <= agi.ends
        assert "ip-license-models-post-agi" in agi.starts

    def test_agi_report_is_not_an_amendment(self, deal: ck.Agreement) -> None:
        """The reported AGI definition (2024-12-26) is evidence on the clause, not a change."""
        assert all(a.effective != pendulum.Date(2024, 12, 26) for a in deal.amendments)
        agi = deal.clause("agi")
        assert isinstance(agi, ck.AGIClause)
        assert agi.profit_threshold == ck.Money("100000000000", "USD")
        assert "o.the-decoder-2024-12-26.agi-profit-definition" in claims_of(agi)
        assert "s004.agi-profit-definition" in claims_of(agi)
        assert "REPORTED" in agi.note

    @pytest.mark.parametrize(
        ("name", "canonical"),
        [
            ("Azure", "Microsoft"),
            ("Microsoft Azure", "Microsoft"),
            ("MSFT", "Microsoft"),
            ("AWS", "Amazon Web Services"),
            ("Amazon", "Amazon Web Services"),
            ("Oracle Cloud", "Oracle"),
            ("Google Cloud", "Google"),
            ("Stargate LLC", "Stargate"),
            ("softbank", "SoftBank"),
            ("Nvidia", "Nvidia"),
        ],
    )
    def test_party_aliases(self, deal: ck.Agreement, name: str, canonical: str) -> None:
        """Every name the sources use resolves to its party."""
        assert deal.party(name).name == canonical

    def test_coreweave_is_not_a_party(self, deal: ck.Agreement) -> None:
        """No source names CoreWeave, so the model does not either."""
        with pytest.raises(ck.UnknownPartyError):
            deal.party("CoreWeave")

    def test_every_clause_and_amendment_cites_known_claims(self, deal: ck.Agreement) -> None:
        """All evidence comes from the evidence base, by claim id, with a title and note."""
        base = evidence_base()
        for amendment in deal.amendments:
            assert amendment.evidence
            for item in amendment.evidence:
                assert item.claim is not None
                assert base.evidence(item.claim) == item
            for clause in amendment.added():
                assert clause.title
                assert clause.evidence, clause.id
                for item in clause.evidence:
                    assert item.claim is not None
                    assert base.evidence(item.claim) == item

    def test_conflicting_rofr_trigger_is_cited_on_both_sides(self, deal: ck.Agreement) -> None:
        """The ROFR rests on seed 001 ('wants the business') and seeds 002/004 ('cannot meet')."""
        rofr = deal.clause("compute-rofr")
        assert isinstance(rofr, ck.RightOfFirstRefusal)
        assert {"s001.rofr-trigger", "s002.rofr-trigger", "s004.rofr-trigger"} <= claims_of(rofr)
        assert rofr.triggers == frozenset({ck.RofrTrigger.DECLINED, ck.RofrTrigger.CANNOT_MEET})
        assert "c.rofr-trigger" in rofr.note

    def test_exclusivity_period_does_not_cite_2019_to_2023(self, deal: ck.Agreement) -> None:
        """Seed 003's 'dal 2019 al 2023' would be cited for days it does not cover: it is not
        cited; the note names the conflict, and seeds 001/004 date the end to 2025-01-21."""
        excl = deal.clause("compute-exclusivity")
        assert "s003.exclusive-2019-2023" not in claims_of(excl)
        assert "s003.exclusive-2019-2023" not in claims_of(deal.amendment("investment-2019"))
        assert {"s003.approval-required", "s001.no-longer-exclusive"} <= claims_of(excl)
        assert "c.exclusivity-period" in excl.note

    def test_what_microsoft_loses_on_agi_is_a_recorded_conflict(self, deal: ck.Agreement) -> None:
        """Bloomberg/The Decoder (AGI technology only) against seed 004 (all the technology):
        recorded as c.agi-loses-access, and the licence the answer rests on cites both sides."""
        base = evidence_base()
        (conflict,) = base.conflicts_involving("s004.agi-loses-access")
        assert conflict.id == "c.agi-loses-access"
        assert {c.id for c in conflict.other_side("s004.agi-loses-access")} == {
            "o.bloomberg-2019-07-22.agi-excluded-from-ip",
            "o.the-decoder-2024-12-26.agi-loses-access",
            "s002.agi-clause-control",
        }
        for licence in ("ip-license", "ip-license-2030"):
            cited = claims_of(deal.clause(licence))
            assert {"o.bloomberg-2019-07-22.agi-excluded-from-ip", "s004.agi-loses-access"} <= cited
            assert "c.agi-loses-access" in deal.clause(licence).note

    def test_carve_outs_cite_their_source(self, deal: ck.Agreement) -> None:
        """The carve-outs of 2025-10-28 keep their identity and cite OpenAI's post."""
        api = deal.clause("api-exclusivity-until-agi")
        assert [(c.id, sorted(c.qualifiers)) for c in api.carve_outs] == [
            ("us-national-security", ["us-national-security"]),
            ("open-weight", ["open-weight"]),
        ]
        for carve_out in api.carve_outs:
            assert claims_of(carve_out) == {"o.openai-2025-10-28.carve-outs"}
            for item in carve_out.evidence:
                assert evidence_base().evidence(item.claim) == item  # type: ignore[arg-type]
        assert deal.vocabulary().qualifiers == frozenset({"us-national-security", "open-weight"})

    def test_seed_claims_in_conflict_are_cited_with_a_counterpart(self, deal: ck.Agreement) -> None:
        """Where a clause or amendment cites a seed claim that a conflict disputes, the other
        side is cited too, or the note names the conflict."""
        base = evidence_base()
        # The figures these two conflicts dispute (a share rise, a deal total) are not terms.
        ignored = {"c.amazon-share-rise", "c.compute-commitments-total"}
        for amendment in deal.amendments:
            for owner in (amendment, *amendment.added()):
                cited = claims_of(owner)
                for claim in sorted(c for c in cited if c.startswith("s")):
                    for conflict in base.conflicts_involving(claim):
                        if conflict.id in ignored:
                            continue
                        others = set(conflict.claims) - {claim}
                        assert others & cited or conflict.id in owner.note, (owner.id, conflict.id)

    def test_reported_terms_say_so(self, deal: ck.Agreement) -> None:
        """The 20 % rate is kept apart from contract text, and the undisclosed cap is left out."""
        share = deal.clause(RS_OPENAI)
        assert isinstance(share, ck.RevenueShare)
        assert share.rate is None
        assert str(share.reported_rate) == "0.20"
        assert "reported, not contract text" in share.note
        capped = deal.clause("revenue-share-openai-to-microsoft-capped")
        assert isinstance(capped, ck.RevenueShare)
        assert capped.cap is None
        assert "cap" in capped.note
        assert deal.clause("revenue-share-microsoft-to-openai").note

    def test_terms_through_a_year_end_on_the_first_day_after(self, deal: ck.Agreement) -> None:
        """'Through 2030' is until 2031-01-01, 'through 2032' until 2033-01-01, 7 years for AWS."""
        assert deal.clause("api-exclusivity-2030").until == pendulum.Date(2031, 1, 1)
        assert deal.clause("ip-license-research").until == pendulum.Date(2031, 1, 1)
        assert deal.clause("ip-license-research-non-exclusive").until == pendulum.Date(2031, 1, 1)
        assert deal.clause("ip-license-models").until == pendulum.Date(2033, 1, 1)
        assert deal.clause("ip-license-models-post-agi").until == pendulum.Date(2033, 1, 1)
        assert deal.clause("ip-license-models-non-exclusive").until == pendulum.Date(2033, 1, 1)
        assert deal.clause("azure-first").until == pendulum.Date(2033, 1, 1)
        assert deal.clause("azure-first-capability").until == pendulum.Date(2033, 1, 1)
        assert deal.clause("api-exclusivity-until-agi").until is None
        aws = deal.clause("aws-compute-deal")
        assert isinstance(aws, ck.ComputeDeal)
        assert aws.until == pendulum.Date(2032, 11, 3)
        assert aws.amount == ck.Money("38000000000", "USD")
        assert aws.capacity_by == pendulum.Date(2026, 12, 31)
        assert aws.hardware == "Nvidia GB200/GB300"

    def test_seed_excerpts_occur_in_their_articles(self, deal: ck.Agreement) -> None:
        """Every excerpt the model cites is verbatim in its seed article, in the repository's seeds/."""
        seed_dir = Path(__file__).resolve().parents[3] / "seeds"
        from clausekit.evidence import excerpt_occurs

        for amendment in deal.amendments:
            for owner in (amendment, *amendment.added()):
                for item in owner.evidence:
                    if isinstance(item, SeedExcerpt):
                        text = (seed_dir / f"{item.document}.txt").read_text(encoding="utf-8")
                        assert excerpt_occurs(item.excerpt, text), item.claim
