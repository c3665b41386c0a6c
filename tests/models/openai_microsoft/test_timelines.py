"""From 2019 to 2027, one segment per answer, each opened by its amendment."""

from __future__ import annotations

import clausekit as ck
from tests.models.openai_microsoft.helpers import (
    AWS_API,
    AWS_TRAINING,
    OAI,
    RS_OPENAI,
    SEED_000,
    VERIFIED_2026,
    C,
    P,
    W,
    X,
    assert_cited,
    segments,
)


class TestTimeline:
    """From 2019 to 2027, one segment per answer, each opened by its amendment."""

    def test_aws_training_2019_to_2027(self, deal: ck.Agreement) -> None:
        """Exclusivity, ROFR, then free: first by the permission, then with the AWS deal too."""
        timeline = deal.timeline(AWS_TRAINING, start="2019-01-01", end="2027-01-01")
        assert segments(timeline) == [
            ("2019-01-01/2019-07-22", P, None),
            ("2019-07-22/2025-01-21", C, "investment-2019"),
            ("2025-01-21/2025-10-28", C, "stargate-2025"),
            ("2025-10-28/2025-11-03", P, "definitive-agreement-2025"),
            ("2025-11-03/2027-01-01", P, "aws-deal-2025"),
        ]
        for segment in timeline.segments[1:]:
            assert_cited(segment.verdict)

    def test_api_from_aws_2019_to_2027(self, deal: ck.Agreement) -> None:
        """API serving: consent, then prohibited (by two clauses), then any cloud."""
        timeline = deal.timeline(AWS_API, start="2019-01-01", end="2027-01-01")
        assert segments(timeline) == [
            ("2019-01-01/2019-07-22", P, None),
            ("2019-07-22/2025-01-21", C, "investment-2019"),
            ("2025-01-21/2025-10-28", X, "stargate-2025"),
            ("2025-10-28/2026-04-27", X, "definitive-agreement-2025"),
            ("2026-04-27/2027-01-01", P, "amended-agreement-2026"),
        ]

    def test_inference_is_never_tightened_in_2026(self, deal: ck.Agreement) -> None:
        """Running products on AWS: permitted from 2025-10-28 on, and still in 2026, where the
        report that OpenAI 'may serve all products on any cloud' joins the reasons."""
        inference = ck.ProcureCompute(buyer=OAI, provider="AWS", workload=W.INFERENCE)
        timeline = deal.ask(inference, during="2025-10-01/2027-01-01")
        assert segments(timeline) == [
            ("2025-10-01/2025-10-28", C, None),
            ("2025-10-28/2025-11-03", P, "definitive-agreement-2025"),
            ("2025-11-03/2026-04-27", P, "aws-deal-2025"),
            ("2026-04-27/2027-01-01", P, "amended-agreement-2026"),
        ]

    def test_january_2025_has_two_answers(self, deal: ck.Agreement) -> None:
        """Asked for the month, January splits on 2025-01-21, opened by the Stargate amendment."""
        timeline = deal.ask(AWS_TRAINING, during="2025-01")
        assert segments(timeline) == [
            ("2025-01-01/2025-01-21", C, None),
            ("2025-01-21/2025-02-01", C, "stargate-2025"),
        ]

    def test_comparison_names_the_two_amendments(self, deal: ck.Agreement) -> None:
        """Between mid-January and mid-November 2025 two amendments changed the answer."""
        comparison = deal.compare(AWS_TRAINING, "2025-01-15", "2025-11-15")
        assert [a.id for a in comparison.changed_by] == [
            "stargate-2025",
            "definitive-agreement-2025",
        ]
        assert_cited(comparison.second, "o.openai-2025-10-28.rofr-removed", SEED_000)

    def test_agi_verified_in_2026_frees_the_api_until_the_amendment(
        self, deal: ck.Agreement
    ) -> None:
        """AGI verified on 2026-01-15: the API exclusivity ends; from 2026-04-27 any cloud."""
        timeline = deal.ask(AWS_API, during="2026", scenario=VERIFIED_2026)
        assert segments(timeline) == [
            ("2026-01-01/2026-01-15", X, None),
            ("2026-01-15/2026-04-27", P, None),
            ("2026-04-27/2027-01-01", P, "amended-agreement-2026"),
        ]

    def test_joint_statement_changes_nothing(self, deal: ck.Agreement) -> None:
        """The 2026-02-27 statement adds, ends and replaces nothing: no answer changes on it."""
        statement = deal.amendment("joint-statement-2026")
        assert statement.added() == ()
        assert statement.ended() == ()
        before = {i.clause.id for i in deal.in_force(on="2026-02-26")}
        assert {i.clause.id for i in deal.in_force(on="2026-02-27")} == before

    def test_in_force_around_a_verified_agi(self, deal: ck.Agreement) -> None:
        """Verified AGI ends the API exclusivity, the exclusive licences and the revenue share,
        and starts the API's freedom, the non-exclusive model licence and the research-IP
        prohibition."""
        before = {i.clause.id for i in deal.in_force(on="2026-01-14", scenario=VERIFIED_2026)}
        after = {i.clause.id for i in deal.in_force(on="2026-01-15", scenario=VERIFIED_2026)}
        assert before - after == {
            "api-exclusivity-until-agi",
            "ip-license-models",
            "ip-license-research",
            "revenue-share-microsoft-to-openai",
            RS_OPENAI,
        }
        assert after - before == {
            "api-any-cloud-after-verified-agi",
            "ip-license-models-post-agi",
            "microsoft-loses-research-ip",
        }
