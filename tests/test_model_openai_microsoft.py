"""The bundled Microsoft–OpenAI model: its data, and the questions the docs lead with.

Every answer checked here comes from the model file
(``src/clausekit/models/openai_microsoft.toml``) through the engine; each test
also checks that the explanation cites the seed article or public source the
deciding clause rests on, and that every ruling carries evidence.
"""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import clausekit as ck
from clausekit import models
from clausekit.evidence import OutsideSource, SeedExcerpt, evidence_base

SEED_000 = "000_c70b5a730124ae5b"
SEED_001 = "001_7f6e26588299af66"
SEED_002 = "002_5c3c73b25faf4d89"
SEED_003 = "003_a1f5f37c4354f31f"
SEED_004 = "004_28a42af719fe1a02"
OPENAI_2025_10_28 = "https://openai.com/index/next-chapter-of-microsoft-openai-partnership/"

AWS_TRAINING = ck.ProcureCompute(buyer="OpenAI", provider="AWS", workload=ck.Workload.TRAINING)
AWS_API = ck.ProcureCompute(buyer="OpenAI", provider="AWS", workload=ck.Workload.API)
ORACLE_TRAINING = ck.ProcureCompute(
    buyer="OpenAI", provider="Oracle", workload=ck.Workload.TRAINING
)
RS_OPENAI = "revenue-share-openai-to-microsoft"
TEN_BN = ck.Money("10000000000", "USD")

VERIFIED_AGI = ck.Scenario(ck.AGIDeclared(on="2027-03-01", verified=True))


@pytest.fixture(scope="module")
def deal() -> ck.Agreement:
    """The bundled model, loaded once."""
    return models.openai_microsoft()


def assert_cited(verdict: ck.Verdict, *needles: str) -> None:
    """Every ruling has evidence, and the explanation names every needle.

    The explanation is rendered unwrapped: wrapping may break a URL or a claim id at a hyphen.
    """
    text = verdict.explain(width=100_000)
    for ruling in verdict.rulings:
        assert ruling.evidence, f"ruling by {ruling.clause_id!r} has no evidence"
        assert ruling.amendment.evidence, f"amendment {ruling.amendment.id!r} has no evidence"
        assert ruling.clause_id in text
    for needle in needles:
        assert needle in text, f"{needle!r} is not cited in:\n{text}"


def clause_ids(verdict: ck.Verdict) -> list[str]:
    return [r.clause_id for r in verdict.rulings]


# --------------------------------------------------------------------------- the module


class TestLoading:
    """``clausekit.models`` loads the bundled data file once and names what it has."""

    def test_reachable_from_the_package(self) -> None:
        """``from clausekit import models`` and ``ck.models`` are the same module."""
        assert ck.models is models
        assert "models" in ck.__all__

    def test_cached_and_immutable(self) -> None:
        """Loading twice gives the very same agreement, which cannot be changed."""
        first = models.openai_microsoft()
        assert models.openai_microsoft() is first
        with pytest.raises(AttributeError):
            first.title = "changed"  # type: ignore[misc]

    def test_available_and_load_model(self) -> None:
        """The registry names the model, and loads it by that name."""
        assert models.available() == ("openai-microsoft",)
        assert models.load_model("openai-microsoft") is models.openai_microsoft()

    @pytest.mark.parametrize("name", ["openai-microsfot", "OpenAI–Microsoft", "microsoft"])
    def test_unknown_model_suggests(self, name: str) -> None:
        """An unknown name raises a ClauseKitError (and LookupError) naming the bundled models."""
        with pytest.raises(models.UnknownModelError) as info:
            models.load_model(name)
        err = info.value
        assert isinstance(err, ck.ClauseKitError)
        assert isinstance(err, LookupError)
        assert repr(name) in str(err)
        assert "'openai-microsoft'" in str(err)

    def test_non_string_name(self) -> None:
        """A name that is not text is refused with the same error, not a TypeError."""
        with pytest.raises(models.UnknownModelError, match="openai-microsoft"):
            models.load_model(42)  # type: ignore[arg-type]

    @pytest.mark.parametrize("fmt", ["toml", "yaml", "json"])
    def test_round_trips_through_the_contract_format(self, fmt: str) -> None:
        """Dumped and loaded again in any format, the model is the same agreement."""
        deal = models.openai_microsoft()
        assert ck.loads(ck.dumps(deal, format=fmt), format=fmt) == deal  # type: ignore[arg-type]

    def test_data_file_cites_only_by_claim_id(self) -> None:
        """Every piece of evidence in the file is a reference into the evidence base."""
        text = Path(models.__file__).with_name("openai_microsoft.toml").read_text("utf-8")
        evidence_lines = [line for line in text.splitlines() if line.strip().startswith("{")]
        assert evidence_lines
        assert all(line.strip().startswith('{ claim = "') for line in evidence_lines)

    def test_data_file_is_shipped_in_the_package(self) -> None:
        """The TOML sits inside the package, next to the loader."""
        path = Path(models.__file__).with_name("openai_microsoft.toml")
        assert path.is_file()
        assert path.read_text(encoding="utf-8").startswith("# The Microsoft–OpenAI partnership")


# --------------------------------------------------------------------------- the data


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

    def test_conflicting_exclusivity_period_is_cited_on_both_sides(
        self, deal: ck.Agreement
    ) -> None:
        """Seed 003's '2019 to 2023' and seeds 001/004's end in January 2025 are both cited."""
        excl = deal.clause("compute-exclusivity")
        assert {"s003.exclusive-2019-2023", "s001.no-longer-exclusive"} <= claims_of(excl)
        assert "c.exclusivity-period" in excl.note

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
        assert deal.clause("ip-license-models").until == pendulum.Date(2033, 1, 1)
        aws = deal.clause("aws-compute-deal")
        assert isinstance(aws, ck.ComputeDeal)
        assert aws.until == pendulum.Date(2032, 11, 3)
        assert aws.amount == ck.Money("38000000000", "USD")
        assert aws.capacity_by == pendulum.Date(2026, 12, 31)
        assert aws.hardware == "Nvidia GB200/GB300"

    def test_seed_excerpts_occur_in_their_articles(self, deal: ck.Agreement) -> None:
        """Every excerpt the model cites is verbatim in its seed article, in the repository's seeds/."""
        seed_dir = Path(__file__).resolve().parents[1] / "seeds"
        from clausekit.evidence import excerpt_occurs

        for amendment in deal.amendments:
            for owner in (amendment, *amendment.added()):
                for item in owner.evidence:
                    if isinstance(item, SeedExcerpt):
                        text = (seed_dir / f"{item.document}.txt").read_text(encoding="utf-8")
                        assert excerpt_occurs(item.excerpt, text), item.claim


def claims_of(owner: object) -> set[str]:
    """The claim ids an amendment or a clause cites."""
    evidence: tuple[SeedExcerpt | OutsideSource, ...] = owner.evidence  # type: ignore[attr-defined]
    return {e.claim for e in evidence if e.claim is not None}


# --------------------------------------------------------------------------- the headline


class TestCouldOpenAIUseAWS:
    """Training compute from AWS: January 2025 versus November 2025."""

    def test_mid_january_2025_needs_microsofts_consent(self, deal: ck.Agreement) -> None:
        """Before 2025-01-21 the exclusivity holds: permitted only with Microsoft's consent."""
        verdict = deal.ask(AWS_TRAINING, on="2025-01-15")
        assert verdict.outcome is ck.Outcome.CONDITIONAL
        assert [c.text for c in verdict.conditions] == ["Microsoft consents"]
        assert verdict.conditions[0].satisfied_by == (ck.ConsentGiven(by="Microsoft"),)
        assert clause_ids(verdict) == ["compute-exclusivity"]
        assert verdict.rulings[0].amendment.id == "investment-2019"
        assert_cited(verdict, SEED_003, "s003.approval-required", "bloomberg.com")

    def test_late_january_2025_right_of_first_refusal(self, deal: ck.Agreement) -> None:
        """From 2025-01-21: permitted if Microsoft declines or cannot meet the requirements."""
        verdict = deal.ask(AWS_TRAINING, on="2025-01-25")
        assert verdict.outcome is ck.Outcome.CONDITIONAL
        assert clause_ids(verdict) == ["compute-rofr"]
        (condition,) = verdict.conditions
        assert set(condition.satisfied_by) == {
            ck.OfferDeclined(by="Microsoft"),
            ck.CannotMeetRequirements(by="Microsoft"),
        }
        assert condition.refuted_by == (ck.OfferAccepted(by="Microsoft"),)
        assert "declines" in condition.text
        assert "cannot meet" in condition.text
        assert_cited(
            verdict,
            SEED_001,
            SEED_002,
            SEED_004,
            "s001.rofr-trigger",
            "s002.rofr-trigger",
            "s004.rofr-trigger",
        )

    def test_january_2025_has_two_answers(self, deal: ck.Agreement) -> None:
        """Asked for the month, January splits on 2025-01-21, opened by the Stargate amendment."""
        timeline = deal.ask(AWS_TRAINING, during="2025-01")
        assert [str(s.period) for s in timeline.segments] == [
            "2025-01-01/2025-01-21",
            "2025-01-21/2025-02-01",
        ]
        first, second = timeline.segments
        assert first.opened_by is None
        assert second.opened_by is not None
        assert second.opened_by.id == "stargate-2025"
        assert first.verdict.rulings[0].clause_id == "compute-exclusivity"
        assert second.verdict.rulings[0].clause_id == "compute-rofr"
        assert_cited(second.verdict, SEED_004)

    def test_november_2025_permitted(self, deal: ck.Agreement) -> None:
        """After the definitive agreement nothing restricts it, and the AWS deal covers it."""
        verdict = deal.ask(AWS_TRAINING, on="2025-11-15")
        assert verdict.outcome is ck.Outcome.PERMITTED
        assert clause_ids(verdict) == ["aws-compute-deal"]
        assert_cited(verdict, SEED_000, SEED_003, "s003.aws-deal-value-term")

    def test_api_from_aws_prohibited_in_november_2025(self, deal: ck.Agreement) -> None:
        """Serving the API is still exclusive to Azure: prohibited, no consent can lift it."""
        verdict = deal.ask(AWS_API, on="2025-11-15")
        assert verdict.outcome is ck.Outcome.PROHIBITED
        assert clause_ids(verdict) == ["api-exclusivity-until-agi"]
        assert verdict.rulings[0].amendment.id == "definitive-agreement-2025"
        assert_cited(verdict, OPENAI_2025_10_28, "o.openai-2025-10-28.api-third-party-exclusive")

    def test_comparison_names_the_two_amendments(self, deal: ck.Agreement) -> None:
        """Between mid-January and mid-November 2025 two amendments changed the answer."""
        comparison = deal.compare(AWS_TRAINING, "2025-01-15", "2025-11-15")
        assert [a.id for a in comparison.changed_by] == [
            "stargate-2025",
            "definitive-agreement-2025",
        ]
        assert comparison.first.outcome is ck.Outcome.CONDITIONAL
        assert comparison.second.outcome is ck.Outcome.PERMITTED
        assert not comparison.same
        assert_cited(comparison.second, SEED_000)

    def test_as_known_in_june_2025(self, deal: ck.Agreement) -> None:
        """In June 2025 the public did not know the ROFR would end: November looked conditional."""
        known = deal.as_known_on("2025-06-01")
        assert [a.id for a in known.amendments][-1] == "stargate-2025"
        verdict = known.ask(AWS_TRAINING, on="2025-11-15")
        assert verdict.outcome is ck.Outcome.CONDITIONAL
        assert verdict.known_on == pendulum.Date(2025, 6, 1)
        assert clause_ids(verdict) == ["compute-rofr"]
        assert "as the public could know it on 2025-06-01" in verdict.explain()
        assert_cited(verdict, SEED_001)


class TestScenarioFacts:
    """Facts named by the conditions decide the answer."""

    def test_microsoft_declines(self, deal: ck.Agreement) -> None:
        """Microsoft declining the offer frees OpenAI under the ROFR."""
        verdict = deal.ask(
            AWS_TRAINING, on="2025-02-15", scenario=ck.Scenario(ck.OfferDeclined(by="Microsoft"))
        )
        assert verdict.outcome is ck.Outcome.PERMITTED
        assert clause_ids(verdict) == ["compute-rofr"]
        assert_cited(verdict, SEED_001)

    def test_microsoft_cannot_meet(self, deal: ck.Agreement) -> None:
        """Microsoft being unable to meet the requirement frees OpenAI as well."""
        verdict = deal.ask(
            AWS_TRAINING,
            on="2025-02-15",
            scenario=ck.Scenario(ck.CannotMeetRequirements(by="MSFT")),
        )
        assert verdict.outcome is ck.Outcome.PERMITTED
        assert_cited(verdict, SEED_002, SEED_004)

    def test_azure_accepts(self, deal: ck.Agreement) -> None:
        """Microsoft (named by its alias) taking the business keeps AWS out."""
        verdict = deal.ask(
            AWS_TRAINING, on="2025-02-15", scenario=ck.Scenario(ck.OfferAccepted(by="Azure"))
        )
        assert verdict.outcome is ck.Outcome.PROHIBITED
        assert_cited(verdict, SEED_004)

    def test_consent_in_2024(self, deal: ck.Agreement) -> None:
        """Under the exclusivity, Microsoft's consent given in the scenario permits AWS."""
        verdict = deal.ask(
            AWS_TRAINING, on="2024-03-01", scenario=ck.Scenario(ck.ConsentGiven(by="Microsoft"))
        )
        assert verdict.outcome is ck.Outcome.PERMITTED
        assert_cited(verdict, SEED_003)

    def test_oracle_in_july_2024_permitted_by_the_waiver(self, deal: ck.Agreement) -> None:
        """Oracle capacity was a one-off exception Microsoft approved: permitted, citing it."""
        verdict = deal.ask(ORACLE_TRAINING, on="2024-07-01")
        assert verdict.outcome is ck.Outcome.PERMITTED
        (ruling,) = verdict.rulings
        assert ruling.clause_id == "compute-exclusivity"
        assert [c.id for c in ruling.finding.relies_on] == ["oracle-waiver"]
        assert_cited(verdict, "oracle-waiver", SEED_001, "s001.oracle-one-off-exception")

    def test_oracle_before_the_waiver_needs_consent(self, deal: ck.Agreement) -> None:
        """Before June 2024 Oracle was just another cloud."""
        assert deal.ask(ORACLE_TRAINING, on="2024-01-01").outcome is ck.Outcome.CONDITIONAL

    def test_own_capacity_for_research_approved(self, deal: ck.Agreement) -> None:
        """Capacity OpenAI builds for research (itself or via Stargate) needs no offer to Microsoft."""
        for provider in ("OpenAI", "Stargate LLC"):
            action = ck.ProcureCompute(buyer="OpenAI", provider=provider, workload="research")
            verdict = deal.ask(action, on="2025-03-01")
            assert verdict.outcome is ck.Outcome.PERMITTED
            assert_cited(verdict, "research-training-capacity", SEED_004)
        inference = ck.ProcureCompute(buyer="OpenAI", provider="Stargate", workload="inference")
        assert deal.ask(inference, on="2025-03-01").outcome is ck.Outcome.CONDITIONAL


class TestAGI:
    """A declared and verified AGI ends the API exclusivity; what remains decides the answer."""

    def test_full_model_api_exclusivity_already_gone_by_2027(self, deal: ck.Agreement) -> None:
        """In 2027 the API exclusivity has already ended (2026-04-27); 'Azure first' remains.

        So AGI verified on 2027-03-01 changes nothing for API serving from AWS: it is
        conditional on Microsoft being unable to support it, before and after.
        """
        before = deal.ask(AWS_API, on="2027-02-01", scenario=VERIFIED_AGI)
        after = deal.ask(AWS_API, on="2027-06-01", scenario=VERIFIED_AGI)
        for verdict in (before, after):
            assert verdict.outcome is ck.Outcome.CONDITIONAL
            assert clause_ids(verdict) == ["azure-first"]
            assert [c.text for c in verdict.conditions] == [
                "Microsoft cannot meet the requirements"
            ]
            assert_cited(verdict, "novaranews.com")

    def test_as_known_before_the_2026_amendment_agi_frees_the_api(self, deal: ck.Agreement) -> None:
        """As known on 2026-03-01, verified AGI ends the API exclusivity and nothing else forbids."""
        known = deal.as_known_on("2026-03-01")
        before = known.ask(AWS_API, on="2027-02-01", scenario=VERIFIED_AGI)
        after = known.ask(AWS_API, on="2027-06-01", scenario=VERIFIED_AGI)
        assert before.outcome is ck.Outcome.PROHIBITED
        assert clause_ids(before) == ["api-exclusivity-until-agi"]
        assert_cited(before, OPENAI_2025_10_28)
        assert after.outcome is ck.Outcome.PERMITTED
        assert after.rulings == ()
        timeline = known.ask(AWS_API, during="2027", scenario=VERIFIED_AGI)
        assert timeline.change_days == (pendulum.Date(2027, 3, 1),)

    def test_agi_before_the_2026_amendment(self, deal: ck.Agreement) -> None:
        """AGI verified on 2026-01-15: API from AWS is permitted until 'Azure first' arrives."""
        scenario = ck.Scenario(ck.AGIDeclared(on="2026-01-15", verified=True))
        timeline = deal.ask(AWS_API, during="2026", scenario=scenario)
        assert [(str(s.period), s.outcome) for s in timeline.segments] == [
            ("2026-01-01/2026-01-15", ck.Outcome.PROHIBITED),
            ("2026-01-15/2026-04-27", ck.Outcome.PERMITTED),
            ("2026-04-27/2027-01-01", ck.Outcome.CONDITIONAL),
        ]

    def test_unverified_declaration_is_unknown(self, deal: ck.Agreement) -> None:
        """A declaration the panel has not (yet) ruled on leaves the API exclusivity UNKNOWN."""
        scenario = ck.Scenario(ck.AGIDeclared(on="2026-01-15"))
        verdict = deal.ask(AWS_API, on="2026-02-01", scenario=scenario)
        assert verdict.outcome is ck.Outcome.UNKNOWN
        assert any("independent expert panel" in m for m in verdict.missing)
        assert_cited(verdict, OPENAI_2025_10_28)

    def test_rejected_declaration_changes_nothing(self, deal: ck.Agreement) -> None:
        """A declaration the panel rejects does not end the exclusivity."""
        scenario = ck.Scenario(ck.AGIDeclared(on="2026-01-15", verified=False))
        assert deal.ask(AWS_API, on="2026-02-01", scenario=scenario).outcome is (
            ck.Outcome.PROHIBITED
        )

    def test_in_force_before_and_after(self, deal: ck.Agreement) -> None:
        """Verified AGI removes the research-IP licence and the revenue share, not the model IP."""
        scenario = ck.Scenario(ck.AGIDeclared(on="2026-01-15", verified=True))
        before = {i.clause.id for i in deal.in_force(on="2026-01-14", scenario=scenario)}
        after = {i.clause.id for i in deal.in_force(on="2026-01-15", scenario=scenario)}
        assert before - after == {
            "api-exclusivity-until-agi",
            "ip-license-research",
            "revenue-share-microsoft-to-openai",
            RS_OPENAI,
        }
        assert "ip-license-models" in after

    def test_model_ip_survives_agi(self, deal: ck.Agreement) -> None:
        """Microsoft's model IP rights run through 2032, post-AGI models included."""
        use = ck.UseIP(user="Microsoft", owner="OpenAI", subject="models")
        verdict = deal.ask(use, on="2027-06-01", scenario=VERIFIED_AGI)
        assert verdict.outcome is ck.Outcome.PERMITTED
        assert clause_ids(verdict) == ["ip-license-models-non-exclusive"]
        assert_cited(verdict, "novaranews.com")

    def test_agi_technology_excluded_before_october_2025(self, deal: ck.Agreement) -> None:
        """Until the definitive agreement, AGI technology is outside Microsoft's licence."""
        use = ck.UseIP(user="Microsoft", owner="OpenAI", subject="agi-technology")
        verdict = deal.ask(use, on="2024-01-01")
        assert verdict.outcome is ck.Outcome.PROHIBITED
        assert_cited(verdict, "bloomberg.com")

    def test_reported_profit_definition(self, deal: ck.Agreement) -> None:
        """The reported USD 100 bn profit test applies until October 2025, and not after."""
        assert deal.agi_profit_test(ck.Money("120000000000", "USD"), on="2025-01-01") is True
        assert deal.agi_profit_test(ck.Money("99000000000", "USD"), on="2025-01-01") is False
        assert deal.agi_profit_test(ck.Money("120000000000", "USD"), on="2026-01-01") is None


class TestRevenueShare:
    """OpenAI's revenue share to Microsoft: undisclosed, unless a rate is assumed."""

    def test_undisclosed_rate_is_unknown(self, deal: ck.Agreement) -> None:
        """With no rate in the contract, the amount is unknown, and the clause is named."""
        owed = deal.revenue_share("OpenAI", revenue=TEN_BN, during="2025")
        assert owed.known is False
        assert owed.outcome is ck.Outcome.UNKNOWN
        assert owed.amount is None
        assert len(owed.missing) == 1
        assert RS_OPENAI in owed.missing[0]
        assert "20 %" in owed.explain()

    def test_assumed_reported_rate(self, deal: ck.Agreement) -> None:
        """Assuming the reported 20 % gives exactly USD 2 bn."""
        owed = deal.revenue_share(
            "OpenAI",
            revenue=TEN_BN,
            during="2025",
            scenario=ck.Scenario(ck.AssumedRate(RS_OPENAI, "0.20")),
        )
        assert owed.known is True
        assert owed.amount == ck.Money("2000000000", "USD")
        assert [s.rate_source for s in owed.shares] == ["assumed in the scenario"]

    def test_microsoft_pays_nothing_after_april_2026(self, deal: ck.Agreement) -> None:
        """After the 2026 amendment only OpenAI pays; Microsoft owes nothing."""
        owed = deal.revenue_share("Microsoft", revenue=TEN_BN, during="2027")
        assert owed.shares == ()
        assert owed.amount == ck.Money("0", "USD")

    def test_2026_splits_at_the_amendment(self, deal: ck.Agreement) -> None:
        """The revenue-share terms change on 2026-04-27, so a 2026 total is refused, not guessed."""
        with pytest.raises(ck.AmbiguityError, match="2026-04-27"):
            deal.revenue_share("OpenAI", revenue=TEN_BN, during="2026")

    def test_capped_clause_after_2026(self, deal: ck.Agreement) -> None:
        """From 2026-04-27 OpenAI pays under a cap whose amount is undisclosed: unknown, at most."""
        owed = deal.revenue_share(
            "OpenAI",
            revenue=TEN_BN,
            during="2027",
            scenario=ck.Scenario(
                ck.AssumedRate("revenue-share-openai-to-microsoft-capped", "0.20")
            ),
        )
        assert owed.amount is None
        assert owed.outcome is ck.Outcome.UNKNOWN
        assert [s.at_most for s in owed.shares] == [ck.Money("2000000000", "USD")]
        assert "cap of clause 'revenue-share-openai-to-microsoft-capped'" in owed.missing[0]
        assert "at most USD 2,000,000,000" in owed.explain()


class TestTimeline:
    """From 2019 to 2027, one segment per answer, each opened by its amendment."""

    def test_aws_training_2019_to_2027(self, deal: ck.Agreement) -> None:
        """Five segments: before the deal, exclusivity, ROFR, free, free with the AWS deal."""
        timeline = deal.timeline(AWS_TRAINING, start="2019-01-01", end="2027-01-01")
        got = [
            (str(s.period), s.outcome, s.opened_by.id if s.opened_by else None)
            for s in timeline.segments
        ]
        assert got == [
            ("2019-01-01/2019-07-22", ck.Outcome.PERMITTED, None),
            ("2019-07-22/2025-01-21", ck.Outcome.CONDITIONAL, "investment-2019"),
            ("2025-01-21/2025-10-28", ck.Outcome.CONDITIONAL, "stargate-2025"),
            ("2025-10-28/2025-11-03", ck.Outcome.PERMITTED, "definitive-agreement-2025"),
            ("2025-11-03/2027-01-01", ck.Outcome.PERMITTED, "aws-deal-2025"),
        ]
        for segment in timeline.segments[1:]:
            assert_cited(segment.verdict)

    def test_api_from_aws_2019_to_2027(self, deal: ck.Agreement) -> None:
        """API serving: consent, then prohibited (twice, by two clauses), then Azure first."""
        timeline = deal.timeline(AWS_API, start="2019-01-01", end="2027-01-01")
        got = [
            (str(s.period), s.outcome, s.opened_by.id if s.opened_by else None)
            for s in timeline.segments
        ]
        assert got == [
            ("2019-01-01/2019-07-22", ck.Outcome.PERMITTED, None),
            ("2019-07-22/2025-01-21", ck.Outcome.CONDITIONAL, "investment-2019"),
            ("2025-01-21/2025-10-28", ck.Outcome.PROHIBITED, "stargate-2025"),
            ("2025-10-28/2026-04-27", ck.Outcome.PROHIBITED, "definitive-agreement-2025"),
            ("2026-04-27/2027-01-01", ck.Outcome.CONDITIONAL, "amended-agreement-2026"),
        ]

    def test_joint_statement_changes_nothing(self, deal: ck.Agreement) -> None:
        """The 2026-02-27 statement adds, ends and replaces nothing: no answer changes on it."""
        statement = deal.amendment("joint-statement-2026")
        assert statement.added() == ()
        assert statement.ended() == ()
        before = {i.clause.id for i in deal.in_force(on="2026-02-26")}
        assert {i.clause.id for i in deal.in_force(on="2026-02-27")} == before


DAYS = st.dates(min_value=pendulum.Date(2019, 1, 1), max_value=pendulum.Date(2033, 12, 31))
PROVIDERS = st.sampled_from(["Microsoft", "AWS", "Oracle", "Google", "Stargate", "OpenAI"])


class TestProperties:
    """Invariants of the model over every day, provider and workload."""

    @given(day=DAYS, provider=PROVIDERS, workload=st.sampled_from(list(ck.Workload)))
    def test_every_answer_is_cited(self, day: object, provider: str, workload: ck.Workload) -> None:
        """Every ruling on any day carries evidence, and no question without facts is UNKNOWN."""
        deal = models.openai_microsoft()
        action = ck.ProcureCompute(buyer="OpenAI", provider=provider, workload=workload)
        verdict = deal.ask(action, on=day)
        assert verdict.outcome is not ck.Outcome.UNKNOWN
        assert_cited(verdict)

    @given(day=DAYS, workload=st.sampled_from(list(ck.Workload)))
    def test_azure_is_never_refused(self, day: object, workload: ck.Workload) -> None:
        """Buying compute from Microsoft itself is permitted on every day, for every workload."""
        action = ck.ProcureCompute(buyer="OpenAI", provider="Azure", workload=workload)
        assert models.openai_microsoft().ask(action, on=day).outcome is ck.Outcome.PERMITTED

    @given(day=st.dates(min_value=pendulum.Date(2019, 7, 22), max_value=pendulum.Date(2027, 1, 1)))
    def test_known_later_never_loses_amendments(self, day: object) -> None:
        """As known on a later day, the agreement holds every amendment known earlier."""
        deal = models.openai_microsoft()
        earlier = {a.id for a in deal.as_known_on(day).amendments}
        later = {a.id for a in deal.as_known_on("2027-01-01").amendments}
        assert earlier <= later


class TestMicrosoftLosesAccessOnAGI:
    """On AGI Microsoft loses OpenAI's technology (seed 004); from 2025-10-28 only the research IP."""

    @staticmethod
    def use(subject: str) -> ck.UseIP:
        return ck.UseIP(user="Microsoft", owner="OpenAI", subject=subject)

    def test_before_2025_agi_ends_all_access(self, deal: ck.Agreement) -> None:
        """An AGI declaration in 2024 turns Microsoft's licensed use into a prohibition, citing seed 004."""
        scenario = ck.Scenario(ck.AGIDeclared(on="2024-05-01"))
        assert deal.ask(self.use("models"), on="2024-04-30", scenario=scenario).outcome is (
            ck.Outcome.PERMITTED
        )
        verdict = deal.ask(self.use("models"), on="2024-06-01", scenario=scenario)
        assert verdict.outcome is ck.Outcome.PROHIBITED
        assert [r.clause_id for r in verdict.rulings] == ["microsoft-loses-access"]
        assert "004_28a42af719fe1a02" in verdict.explain()

    def test_after_october_2025_only_research_ip_is_lost(self, deal: ck.Agreement) -> None:
        """A verified AGI in 2027 bars research IP but not the model licence running through 2032."""
        scenario = ck.Scenario(ck.AGIDeclared(on="2027-03-01", verified=True))
        research = deal.ask(self.use("research"), on="2027-06-01", scenario=scenario)
        models = deal.ask(self.use("models"), on="2027-06-01", scenario=scenario)
        assert research.outcome is ck.Outcome.PROHIBITED
        assert models.outcome is ck.Outcome.PERMITTED

    def test_unknown_verification_is_unknown(self, deal: ck.Agreement) -> None:
        """Without the panel's verdict, research IP use after a declaration is UNKNOWN."""
        scenario = ck.Scenario(ck.AGIDeclared(on="2027-03-01"))
        verdict = deal.ask(self.use("research"), on="2027-06-01", scenario=scenario)
        assert verdict.outcome is ck.Outcome.UNKNOWN
        assert any("independent expert panel" in m for m in verdict.missing)
