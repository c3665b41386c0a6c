"""The bundled Microsoft–OpenAI model: its data, and dated questions across the partnership.

Every answer checked here comes from the model file
(``src/clausekit/models/openai_microsoft.toml``) through the engine. The dated
questions (``QUESTIONS``) cover every workload, parties outside the agreement
(CoreWeave, Google Cloud, Oracle), the carve-outs, Microsoft's use of OpenAI's
IP before, inside and after each licence, AGI, and the agreement as known on
the day before and the day of every announcement; each asserts its outcome,
the clauses that decide it and the claims of the evidence base it cites. The
audit behind them is in docs/case-study.md.
"""

from __future__ import annotations

from pathlib import Path

import attrs
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
RS_OPENAI = "revenue-share-openai-to-microsoft"
TEN_BN = ck.Money("10000000000", "USD")


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


# --------------------------------------------------------------------------- dated questions

W = ck.Workload
MS, OAI = "Microsoft", "OpenAI"
P, C, X, U = (
    ck.Outcome.PERMITTED,
    ck.Outcome.CONDITIONAL,
    ck.Outcome.PROHIBITED,
    ck.Outcome.UNKNOWN,
)
COREWEAVE = ck.Party("CoreWeave")
GOOGLE_CLOUD = ck.Party("Google Cloud")
ORACLE = ck.Party("Oracle")
CONSENT = ("Microsoft consents",)
ROFR = ("Microsoft declines the offer or Microsoft cannot meet the requirements",)
BOTH_HALVES = ("Microsoft declines the offer", "Microsoft cannot meet the requirements")
EXCLUSIVE_CLOUD = ("o.bloomberg-2019-07-22.exclusive-cloud", "s003.approval-required")
ROFR_TRIGGERS = ("s001.rofr-trigger", "s002.rofr-trigger", "s004.rofr-trigger")
ROFR_REMOVED = ("o.openai-2025-10-28.rofr-removed", "s003.rofr-removed")
API_AZURE = ("o.openai-2025-10-28.api-third-party-exclusive",)
ANY_CLOUD_2026 = ("o.novaranews-2026-04-27.any-cloud",)
AZURE_FIRST = ("o.novaranews-2026-04-27.primary-cloud",)
AWS_DEAL = ("s003.aws-deal-value-term", "s000.aws-deal-value")
AGI_2024 = ck.Scenario(ck.AGIDeclared(on="2024-06-01"))
AGI_2025 = ck.Scenario(ck.AGIDeclared(on="2025-03-01"))
VERIFIED_2026 = ck.Scenario(ck.AGIDeclared(on="2026-01-15", verified=True))
UNVERIFIED_2025 = ck.Scenario(ck.AGIDeclared(on="2025-11-01"))
REJECTED_2025 = ck.Scenario(ck.AGIDeclared(on="2025-11-01", verified=False))


def buy(provider: str | ck.Party, workload: ck.Workload, *qualifiers: str) -> ck.ProcureCompute:
    return ck.ProcureCompute(buyer=OAI, provider=provider, workload=workload, qualifiers=qualifiers)


def use(subject: str, user: str = MS) -> ck.UseIP:
    return ck.UseIP(user=user, owner=OAI, subject=subject)


LAUNCH_ON_AWS = ck.Act(actor=OAI, verb="launch-product", counterparty="AWS")


@attrs.frozen
class Ask:
    """One dated question, its answer, the clauses that decide it and the claims it cites.

    ``cites`` must all appear in the explanation, ``never`` must not; ``clauses`` are the
    rulings in order (empty: the action's default decides and nothing is cited).
    """

    name: str
    action: ck.Action
    on: str
    outcome: ck.Outcome
    clauses: tuple[str, ...]
    cites: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()
    scenario: ck.Scenario | None = None
    known_on: str | None = None
    never: tuple[str, ...] = ()
    says: tuple[str, ...] = ()


QUESTIONS: tuple[Ask, ...] = (
    # ---- compute from AWS, every workload, the day before and the day of every change
    Ask("aws-training-before-the-deal", buy("AWS", W.TRAINING), "2019-07-21", P, ()),
    Ask("aws-training-2019", buy("AWS", W.TRAINING), "2019-07-22", C, ("compute-exclusivity",),
        EXCLUSIVE_CLOUD, CONSENT),
    Ask("aws-research-2023", buy("AWS", W.RESEARCH), "2023-06-01", C, ("compute-exclusivity",),
        ("o.rappler-2023-01-23.exclusive-all-workloads",), CONSENT),
    Ask("aws-inference-2024-cites-no-2019-to-2023", buy("AWS", W.INFERENCE), "2024-03-01", C,
        ("compute-exclusivity",), ("o.bloomberg-2019-07-22.approval-required",), CONSENT,
        never=("s003.exclusive-2019-2023",)),
    Ask("aws-api-2024", buy("AWS", W.API), "2024-03-01", C, ("compute-exclusivity",),
        EXCLUSIVE_CLOUD, CONSENT),
    Ask("aws-training-day-before-stargate", buy("AWS", W.TRAINING), "2025-01-20", C,
        ("compute-exclusivity",), EXCLUSIVE_CLOUD, CONSENT),
    Ask("aws-training-day-of-stargate", buy("AWS", W.TRAINING), "2025-01-21", C,
        ("compute-rofr",), ROFR_TRIGGERS, ROFR),
    Ask("aws-research-day-of-stargate", buy("AWS", W.RESEARCH), "2025-01-21", C,
        ("compute-rofr",), ("s004.rofr-new-capacity",), ROFR),
    Ask("aws-inference-day-of-stargate", buy("AWS", W.INFERENCE), "2025-01-21", C,
        ("compute-rofr",), ("o.microsoft-2025-01-21.rofr",), ROFR),
    Ask("aws-api-day-before-stargate", buy("AWS", W.API), "2025-01-20", C,
        ("compute-exclusivity",), EXCLUSIVE_CLOUD, CONSENT),
    Ask("aws-api-day-of-stargate", buy("AWS", W.API), "2025-01-21", X, ("api-exclusivity-2030",),
        ("s002.api-exclusivity", "s004.api-exclusivity")),
    Ask("aws-training-day-before-definitive", buy("AWS", W.TRAINING), "2025-10-27", C,
        ("compute-rofr",), ROFR_TRIGGERS, ROFR),
    Ask("aws-training-day-of-definitive", buy("AWS", W.TRAINING), "2025-10-28", P,
        ("compute-any-cloud",), ROFR_REMOVED),
    Ask("aws-training-2025-11-02-cites-the-removal", buy("AWS", W.TRAINING), "2025-11-02", P,
        ("compute-any-cloud",), (*ROFR_REMOVED, "s003.free-to-contract-any-cloud")),
    Ask("aws-training-day-of-the-aws-deal", buy("AWS", W.TRAINING), "2025-11-03", P,
        ("compute-any-cloud", "aws-compute-deal"), (*ROFR_REMOVED, *AWS_DEAL)),
    Ask("aws-research-2025-11", buy("AWS", W.RESEARCH), "2025-11-15", P,
        ("compute-any-cloud", "aws-compute-deal"), AWS_DEAL),
    Ask("aws-inference-2025-11", buy("AWS", W.INFERENCE), "2025-11-15", P,
        ("compute-any-cloud", "aws-compute-deal"), API_AZURE),
    Ask("aws-api-day-before-definitive", buy("AWS", W.API), "2025-10-27", X,
        ("api-exclusivity-2030",), ("s004.ip-revenue-api-until-2030",)),
    Ask("aws-api-day-of-definitive", buy("AWS", W.API), "2025-10-28", X,
        ("api-exclusivity-until-agi",), (*API_AZURE, "o.openai-2025-10-28.ip-and-api-until-agi")),
    Ask("aws-api-day-before-2026", buy("AWS", W.API), "2026-04-26", X,
        ("api-exclusivity-until-agi",), API_AZURE),
    Ask("aws-api-day-of-2026", buy("AWS", W.API), "2026-04-27", P, ("api-any-cloud",),
        ANY_CLOUD_2026),
    Ask("aws-inference-day-before-2026", buy("AWS", W.INFERENCE), "2026-04-26", P,
        ("compute-any-cloud", "aws-compute-deal"), ROFR_REMOVED),
    Ask("aws-inference-day-of-2026", buy("AWS", W.INFERENCE), "2026-04-27", P,
        ("compute-any-cloud", "aws-compute-deal"), ROFR_REMOVED, never=AZURE_FIRST),
    Ask("aws-inference-2026-06-01-not-conditional", buy("AWS", W.INFERENCE), "2026-06-01", P,
        ("compute-any-cloud", "aws-compute-deal"), ROFR_REMOVED, never=AZURE_FIRST),
    Ask("aws-api-2026-06-01", buy("AWS", W.API), "2026-06-01", P, ("api-any-cloud",),
        ANY_CLOUD_2026),
    Ask("aws-training-last-day-of-the-aws-deal", buy("AWS", W.TRAINING), "2032-11-02", P,
        ("compute-any-cloud", "aws-compute-deal"), AWS_DEAL),
    Ask("aws-training-after-the-aws-deal", buy("AWS", W.TRAINING), "2032-11-03", P,
        ("compute-any-cloud",), ROFR_REMOVED),
    # ---- the carve-outs of 2025-10-28
    Ask("national-security-api-day-before-definitive", buy("AWS", W.API, "us-national-security"),
        "2025-10-27", X, ("api-exclusivity-2030",), ("s002.api-exclusivity",)),
    Ask("national-security-api-day-of-definitive", buy("AWS", W.API, "us-national-security"),
        "2025-10-28", P, ("api-exclusivity-until-agi",), ("o.openai-2025-10-28.carve-outs",),
        says=("Carve-out 'us-national-security'",)),
    Ask("open-weight-api-day-before-definitive", buy("AWS", W.API, "open-weight"), "2025-10-27",
        X, ("api-exclusivity-2030",), ("s004.api-exclusivity",)),
    Ask("open-weight-api-2025-11", buy("AWS", W.API, "open-weight"), "2025-11-15", P,
        ("api-exclusivity-until-agi",), ("o.openai-2025-10-28.carve-outs",),
        says=("Carve-out 'open-weight'",)),
    # ---- outsiders and other clouds
    Ask("coreweave-training-2024", buy(COREWEAVE, W.TRAINING), "2024-03-01", C,
        ("compute-exclusivity",), EXCLUSIVE_CLOUD, CONSENT,
        says=("CoreWeave is not a party to the agreement",)),
    Ask("coreweave-training-2025-03", buy(COREWEAVE, W.TRAINING), "2025-03-01", C,
        ("compute-rofr",), ROFR_TRIGGERS, ROFR),
    Ask("coreweave-training-2025-11", buy(COREWEAVE, W.TRAINING), "2025-11-15", P,
        ("compute-any-cloud",), ROFR_REMOVED),
    Ask("coreweave-api-2025-11", buy(COREWEAVE, W.API), "2025-11-15", X,
        ("api-exclusivity-until-agi",), API_AZURE),
    Ask("coreweave-api-2026-06", buy(COREWEAVE, W.API), "2026-06-01", P, ("api-any-cloud",),
        ANY_CLOUD_2026),
    Ask("google-cloud-inference-2025-03", buy(GOOGLE_CLOUD, W.INFERENCE), "2025-03-01", C,
        ("compute-rofr",), ROFR_TRIGGERS, ROFR),
    Ask("google-cloud-training-2025-11", buy(GOOGLE_CLOUD, W.TRAINING), "2025-11-15", P,
        ("compute-any-cloud",), ROFR_REMOVED),
    Ask("google-cloud-api-2025-11", buy(GOOGLE_CLOUD, W.API), "2025-11-15", X,
        ("api-exclusivity-until-agi",), API_AZURE),
    Ask("oracle-inference-day-before-exception", buy(ORACLE, W.INFERENCE), "2024-06-10", C,
        ("compute-exclusivity",), EXCLUSIVE_CLOUD, CONSENT),
    Ask("oracle-inference-day-of-exception", buy(ORACLE, W.INFERENCE), "2024-06-11", P,
        ("compute-exclusivity",), ("s001.oracle-one-off-exception",)),
    Ask("oracle-training-under-the-rofr", buy(ORACLE, W.TRAINING), "2025-01-21", C,
        ("compute-rofr",), ROFR_TRIGGERS, ROFR),
    Ask("oracle-training-2025-11", buy(ORACLE, W.TRAINING), "2025-11-15", P,
        ("compute-any-cloud",), ROFR_REMOVED),
    Ask("stargate-research-day-before-stargate", buy("Stargate", W.RESEARCH), "2025-01-20", C,
        ("compute-exclusivity",), EXCLUSIVE_CLOUD, CONSENT),
    Ask("stargate-research-day-of-stargate", buy("Stargate", W.RESEARCH), "2025-01-21", P,
        ("compute-rofr",), ("s004.capacity-approval",)),
    Ask("stargate-inference-2025-03", buy("Stargate", W.INFERENCE), "2025-03-01", C,
        ("compute-rofr",), ROFR_TRIGGERS, ROFR),
    Ask("own-capacity-for-the-api-2025-03", buy(OAI, W.API), "2025-03-01", X,
        ("api-exclusivity-2030",), ("s002.api-exclusivity",)),
    Ask("azure-api-2025-11", buy("Azure", W.API), "2025-11-15", P,
        ("azure-commitment-2025", "azure-commitment-250bn", "api-exclusivity-until-agi"),
        ("o.openai-2025-10-28.azure-250bn",)),
    # ---- launching a new product first (Azure first, 2026)
    Ask("launch-on-aws-day-before-2026", LAUNCH_ON_AWS, "2026-04-26", P, ()),
    Ask("launch-on-aws-day-of-2026", LAUNCH_ON_AWS, "2026-04-27", C,
        ("azure-first", "azure-first-capability"), AZURE_FIRST, BOTH_HALVES),
    Ask("launch-on-aws-cannot-and-declines", LAUNCH_ON_AWS, "2026-06-01", P,
        ("azure-first", "azure-first-capability"), AZURE_FIRST,
        scenario=ck.Scenario(ck.CannotMeetRequirements(by=MS), ck.OfferDeclined(by=MS))),
    Ask("launch-on-aws-only-declines", LAUNCH_ON_AWS, "2026-06-01", C,
        ("azure-first", "azure-first-capability"), AZURE_FIRST,
        ("Microsoft cannot meet the requirements",),
        scenario=ck.Scenario(ck.OfferDeclined(by=MS))),
    Ask("launch-on-aws-only-cannot", LAUNCH_ON_AWS, "2026-06-01", C,
        ("azure-first", "azure-first-capability"), AZURE_FIRST, ("Microsoft declines the offer",),
        scenario=ck.Scenario(ck.CannotMeetRequirements(by=MS))),
    Ask("launch-on-aws-microsoft-supports-it", LAUNCH_ON_AWS, "2026-06-01", X,
        ("azure-first", "azure-first-capability"), AZURE_FIRST,
        scenario=ck.Scenario(ck.OfferAccepted(by=MS))),
    Ask("launch-on-aws-after-2032", LAUNCH_ON_AWS, "2033-01-01", P, ()),
    # ---- Microsoft's use of OpenAI's IP, before, inside and after each licence
    Ask("ms-models-before-the-licence", use("models"), "2019-07-21", X, ()),
    Ask("ms-models-2019", use("models"), "2019-07-22", P, ("ip-license",),
        ("o.bloomberg-2019-07-22.agi-excluded-from-ip",)),
    Ask("ms-agi-technology-2024", use("agi-technology"), "2024-03-01", X, ("ip-license",),
        ("o.bloomberg-2019-07-22.agi-excluded-from-ip",)),
    Ask("ms-models-day-before-stargate", use("models"), "2025-01-20", P, ("ip-license",),
        ("s001.ip-access",)),
    Ask("ms-models-day-of-stargate", use("models"), "2025-01-21", P, ("ip-license-2030",),
        ("s002.ip-rights", "s002.key-elements-until-2030")),
    Ask("ms-research-day-before-definitive", use("research"), "2025-10-27", P,
        ("ip-license-2030",), ("s004.ip-revenue-api-until-2030",)),
    Ask("ms-research-day-of-definitive", use("research"), "2025-10-28", P,
        ("ip-license-research",), ("o.openai-2025-10-28.research-ip",),
        says=("an exclusive licence",)),
    Ask("ms-models-day-of-definitive", use("models"), "2025-10-28", P, ("ip-license-models",),
        ("o.openai-2025-10-28.model-ip-2032",), says=("an exclusive licence",)),
    Ask("ms-agi-technology-day-before-definitive", use("agi-technology"), "2025-10-27", X,
        ("ip-license-2030",), ("o.bloomberg-2019-07-22.agi-excluded-from-ip",)),
    Ask("ms-agi-technology-day-of-definitive", use("agi-technology"), "2025-10-28", P,
        ("ip-license-models",), ("o.openai-2025-10-28.model-ip-2032",)),
    Ask("ms-models-day-before-2026", use("models"), "2026-04-26", P, ("ip-license-models",),
        ("o.openai-2025-10-28.ip-and-api-until-agi",), says=("an exclusive licence",)),
    Ask("ms-models-day-of-2026", use("models"), "2026-04-27", P,
        ("ip-license-models-non-exclusive",), ("o.novaranews-2026-04-27.ip-non-exclusive-2032",),
        says=("a non-exclusive licence",)),
    Ask("ms-research-day-of-2026", use("research"), "2026-04-27", P,
        ("ip-license-research-non-exclusive",), ("o.novaranews-2026-04-27.ip-non-exclusive-2032",),
        says=("a non-exclusive licence",)),
    Ask("ms-research-last-day", use("research"), "2030-12-31", P,
        ("ip-license-research-non-exclusive",), ("o.openai-2025-10-28.research-ip",)),
    Ask("ms-research-after-2030", use("research"), "2031-01-01", X, ()),
    Ask("ms-models-last-day", use("models"), "2032-12-31", P,
        ("ip-license-models-non-exclusive",), ("o.openai-2025-10-28.model-ip-2032",)),
    Ask("ms-models-after-2032", use("models"), "2033-01-01", X, ()),
    Ask("openai-uses-its-own-models", use("models", OAI), "2025-03-01", P, ()),
    Ask("google-uses-openai-models-exclusive", use("models", "Google"), "2025-03-01", X,
        ("ip-license-2030",), ("s002.ip-rights",), says=("which excludes Google",)),
    Ask("google-uses-openai-models-non-exclusive", use("models", "Google"), "2026-06-01", X, ()),
    # ---- AGI: what Microsoft keeps and loses
    Ask("ms-models-after-agi-2024-keeps-pre-agi", use("models"), "2024-09-01", P,
        ("ip-license",), ("o.bloomberg-2019-07-22.agi-excluded-from-ip", "s004.agi-loses-access"),
        scenario=AGI_2024),
    Ask("ms-agi-technology-after-agi-2024", use("agi-technology"), "2024-09-01", X,
        ("ip-license", "microsoft-loses-agi-technology"),
        ("o.the-decoder-2024-12-26.agi-loses-access",), scenario=AGI_2024),
    Ask("ms-models-after-agi-2025", use("models"), "2025-06-01", P, ("ip-license-2030",),
        ("s004.agi-loses-access",), scenario=AGI_2025),
    Ask("aws-api-after-agi-2025", buy("AWS", W.API), "2025-06-01", P, (), scenario=AGI_2025),
    Ask("aws-api-before-agi-2025", buy("AWS", W.API), "2025-02-28", X, ("api-exclusivity-2030",),
        ("s002.api-exclusivity",), scenario=AGI_2025),
    Ask("ms-models-day-before-verified-agi", use("models"), "2026-01-14", P,
        ("ip-license-models",), ("o.openai-2025-10-28.ip-and-api-until-agi",),
        scenario=VERIFIED_2026, says=("an exclusive licence",)),
    Ask("ms-models-day-of-verified-agi", use("models"), "2026-01-15", P,
        ("ip-license-models-post-agi",), ("o.openai-2025-10-28.ip-and-api-until-agi",),
        scenario=VERIFIED_2026, says=("a non-exclusive licence",)),
    Ask("ms-research-day-of-verified-agi", use("research"), "2026-01-15", X,
        ("microsoft-loses-research-ip",), ("o.openai-2025-10-28.research-ip",),
        scenario=VERIFIED_2026),
    Ask("ms-research-verified-agi-2027", use("research"), "2027-06-01", X,
        ("microsoft-loses-research-ip",), ("o.openai-2025-10-28.research-ip",),
        scenario=ck.Scenario(ck.AGIDeclared(on="2027-03-01", verified=True))),
    Ask("aws-api-day-before-verified-agi", buy("AWS", W.API), "2026-01-14", X,
        ("api-exclusivity-until-agi",), API_AZURE, scenario=VERIFIED_2026),
    Ask("aws-api-day-of-verified-agi", buy("AWS", W.API), "2026-01-15", P, (),
        scenario=VERIFIED_2026),
    Ask("aws-api-unverified-agi", buy("AWS", W.API), "2025-11-15", U,
        ("api-exclusivity-until-agi",), API_AZURE, scenario=UNVERIFIED_2025,
        says=("independent expert panel",)),
    Ask("ms-models-unverified-agi-either-way", use("models"), "2025-11-15", P,
        ("ip-license-models-post-agi",), ("o.openai-2025-10-28.model-ip-2032",),
        scenario=UNVERIFIED_2025, says=("every reading gives PERMITTED",)),
    Ask("ms-research-unverified-agi", use("research"), "2025-11-15", U,
        ("ip-license-research", "microsoft-loses-research-ip"),
        ("o.openai-2025-10-28.research-ip",), scenario=UNVERIFIED_2025,
        says=("independent expert panel",)),
    Ask("aws-api-rejected-agi", buy("AWS", W.API), "2025-11-15", X,
        ("api-exclusivity-until-agi",), API_AZURE, scenario=REJECTED_2025),
    # ---- as known on the day before and the day of every announcement
    Ask("known-before-oracle", buy(ORACLE, W.INFERENCE), "2024-07-01", C,
        ("compute-exclusivity",), EXCLUSIVE_CLOUD, CONSENT, known_on="2024-06-11"),
    Ask("known-on-oracle", buy(ORACLE, W.INFERENCE), "2024-07-01", P, ("compute-exclusivity",),
        ("o.theregister-2024-06-12.exclusivity-stays",), known_on="2024-06-12"),
    Ask("known-before-stargate", buy("AWS", W.TRAINING), "2025-02-15", C,
        ("compute-exclusivity",), EXCLUSIVE_CLOUD, CONSENT, known_on="2025-01-20"),
    Ask("known-on-stargate", buy("AWS", W.TRAINING), "2025-02-15", C, ("compute-rofr",),
        ROFR_TRIGGERS, ROFR, known_on="2025-01-21"),
    Ask("known-before-definitive", buy("AWS", W.TRAINING), "2025-11-15", C, ("compute-rofr",),
        ROFR_TRIGGERS, ROFR, known_on="2025-10-27"),
    Ask("known-on-definitive", buy("AWS", W.TRAINING), "2025-11-15", P, ("compute-any-cloud",),
        ROFR_REMOVED, known_on="2025-10-28"),
    Ask("known-before-the-aws-deal", buy("AWS", W.TRAINING), "2025-11-15", P,
        ("compute-any-cloud",), ROFR_REMOVED, known_on="2025-11-02"),
    Ask("known-on-the-aws-deal", buy("AWS", W.TRAINING), "2025-11-15", P,
        ("compute-any-cloud", "aws-compute-deal"), AWS_DEAL, known_on="2025-11-03"),
    Ask("known-before-the-joint-statement", buy("AWS", W.API), "2026-03-01", X,
        ("api-exclusivity-until-agi",), API_AZURE, known_on="2026-02-26"),
    Ask("known-on-the-joint-statement", buy("AWS", W.API), "2026-03-01", X,
        ("api-exclusivity-until-agi",), API_AZURE, known_on="2026-02-27"),
    Ask("known-before-2026", buy("AWS", W.API), "2026-06-01", X, ("api-exclusivity-until-agi",),
        API_AZURE, known_on="2026-04-26"),
    Ask("known-on-2026", buy("AWS", W.API), "2026-06-01", P, ("api-any-cloud",), ANY_CLOUD_2026,
        known_on="2026-04-27"),
    Ask("known-before-2026-launch", LAUNCH_ON_AWS, "2026-06-01", P, (), known_on="2026-04-26"),
    Ask("known-on-2026-launch", LAUNCH_ON_AWS, "2026-06-01", C,
        ("azure-first", "azure-first-capability"), AZURE_FIRST, BOTH_HALVES,
        known_on="2026-04-27"),
    Ask("known-before-2026-ms-models", use("models"), "2026-06-01", P, ("ip-license-models",),
        ("o.openai-2025-10-28.model-ip-2032",), known_on="2026-04-26",
        says=("an exclusive licence",)),
)  # fmt: skip


def published_after(claim: str, day: str) -> bool:
    """Whether the source of ``claim`` came out after ``day`` (by its earliest publication day)."""
    from clausekit.evidence import evidence_base

    base = evidence_base()
    published = base.published_earliest(base.evidence(claim))
    return published is None or published > pendulum.Date.fromisoformat(day)


def answer(deal: ck.Agreement, ask: Ask) -> ck.Verdict:
    asked = deal.as_known_on(ask.known_on) if ask.known_on else deal
    return asked.ask(ask.action, on=ask.on, scenario=ask.scenario)


def test_at_least_sixty_dated_questions() -> None:
    """The issue asks for at least 60 dated questions, each with a unique name."""
    assert len(QUESTIONS) >= 60
    assert len({q.name for q in QUESTIONS}) == len(QUESTIONS)


@pytest.mark.parametrize("ask", QUESTIONS, ids=lambda q: q.name)
def test_dated_question(deal: ck.Agreement, ask: Ask) -> None:
    """The outcome, the clauses that decide it, the open conditions and the claims it cites."""
    verdict = answer(deal, ask)
    assert verdict.outcome is ask.outcome, verdict.explain()
    assert tuple(clause_ids(verdict)) == ask.clauses, verdict.explain()
    assert tuple(c.text for c in verdict.conditions) == ask.conditions
    if ask.known_on:
        assert verdict.known_on == pendulum.Date.fromisoformat(ask.known_on)
    text = verdict.explain(width=100_000)
    for claim in ask.cites:
        if ask.known_on and published_after(claim, ask.known_on):
            # Knowledge time: a source published after the day asked as known is never cited.
            assert f"claim {claim}" not in text, f"{claim} is cited in:\n{text}"
            continue
        assert f"claim {claim}" in text, f"{claim} is not cited in:\n{text}"
    for claim in ask.never:
        # Cited claims read "claim <id>"; a conflict note may name a claim on the other side.
        assert f"claim {claim}" not in text, f"{claim} is cited in:\n{text}"
    for phrase in ask.says:
        assert phrase in text, f"{phrase!r} not in:\n{text}"
    if ask.clauses:
        assert_cited(verdict)
        assert ask.cites, "a question decided by a clause names a claim it cites"
    else:
        assert verdict.by_default
        assert "Sources:" not in text


def test_before_the_first_announcement_nothing_is_known(deal: ck.Agreement) -> None:
    """As known on the day before the 2019 investment, there is no agreement to ask."""
    with pytest.raises(ck.AgreementError, match="2019-07-22"):
        deal.as_known_on("2019-07-21")
    assert [a.id for a in deal.as_known_on("2019-07-22").amendments] == ["investment-2019"]


@pytest.mark.parametrize(
    ("day", "last"),
    [
        ("2023-01-22", "investment-2019"),
        ("2023-01-23", "extension-2023"),
        ("2024-06-11", "extension-2023"),
        ("2024-06-12", "oracle-exception-2024"),
        ("2025-01-20", "oracle-exception-2024"),
        ("2025-01-21", "stargate-2025"),
        ("2025-10-27", "stargate-2025"),
        ("2025-10-28", "definitive-agreement-2025"),
        ("2025-11-02", "definitive-agreement-2025"),
        ("2025-11-03", "aws-deal-2025"),
        ("2026-02-26", "aws-deal-2025"),
        ("2026-02-27", "joint-statement-2026"),
        ("2026-04-26", "joint-statement-2026"),
        ("2026-04-27", "amended-agreement-2026"),
    ],
)
def test_known_the_day_before_and_the_day_of_each_announcement(
    deal: ck.Agreement, day: str, last: str
) -> None:
    """The last amendment the public could know on each side of every announcement."""
    assert deal.as_known_on(day).amendments[-1].id == last


def test_profit_definition_unknown_before_it_was_reported(deal: ck.Agreement) -> None:
    """As known on 2024-12-25 no profit definition is on record; on 2024-12-26 it is."""
    profits = ck.Money("120000000000", "USD")
    assert deal.as_known_on("2024-12-26").agi_profit_test(profits, on="2024-06-01") is True
    assert deal.as_known_on("2024-12-25").agi_profit_test(profits, on="2024-06-01") is None


def test_reported_profit_definition(deal: ck.Agreement) -> None:
    """The reported USD 100 bn profit test applies until October 2025, and not after."""
    assert deal.agi_profit_test(ck.Money("120000000000", "USD"), on="2025-01-01") is True
    assert deal.agi_profit_test(ck.Money("99000000000", "USD"), on="2025-01-01") is False
    assert deal.agi_profit_test(ck.Money("120000000000", "USD"), on="2026-01-01") is None


# --------------------------------------------------------------------------- timelines


def segments(timeline: ck.Timeline) -> list[tuple[str, ck.Outcome, str | None]]:
    return [(str(s.period), s.outcome, s.opened_by.id if s.opened_by else None) for s in timeline]


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
        """Running products on AWS: permitted from 2025-10-28 on, with no change in 2026."""
        inference = ck.ProcureCompute(buyer=OAI, provider="AWS", workload=W.INFERENCE)
        timeline = deal.ask(inference, during="2025-10-01/2027-01-01")
        assert segments(timeline) == [
            ("2025-10-01/2025-10-28", C, None),
            ("2025-10-28/2025-11-03", P, "definitive-agreement-2025"),
            ("2025-11-03/2027-01-01", P, "aws-deal-2025"),
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
        and starts the non-exclusive model licence and the research-IP prohibition."""
        before = {i.clause.id for i in deal.in_force(on="2026-01-14", scenario=VERIFIED_2026)}
        after = {i.clause.id for i in deal.in_force(on="2026-01-15", scenario=VERIFIED_2026)}
        assert before - after == {
            "api-exclusivity-until-agi",
            "ip-license-models",
            "ip-license-research",
            "revenue-share-microsoft-to-openai",
            RS_OPENAI,
        }
        assert after - before == {"ip-license-models-post-agi", "microsoft-loses-research-ip"}


# --------------------------------------------------------------------------- revenue share


def owed(deal: ck.Agreement, payer: str, during: str, *facts: ck.Fact) -> ck.Owed:
    return deal.revenue_share(payer, revenue=TEN_BN, during=during, scenario=ck.Scenario(*facts))


class TestRevenueShare:
    """The revenue share in each regime: none, two-way, one-way and capped, and after AGI."""

    @pytest.mark.parametrize(
        ("payer", "day", "clauses"),
        [
            (OAI, "2023-01-22", []),
            (OAI, "2023-01-23", [RS_OPENAI]),
            (MS, "2023-01-23", ["revenue-share-microsoft-to-openai"]),
            (OAI, "2026-04-26", [RS_OPENAI]),
            (OAI, "2026-04-27", ["revenue-share-openai-to-microsoft-capped"]),
            (MS, "2026-04-26", ["revenue-share-microsoft-to-openai"]),
            (MS, "2026-04-27", []),
            (OAI, "2030-12-31", ["revenue-share-openai-to-microsoft-capped"]),
            (OAI, "2031-01-01", []),
        ],
    )
    def test_the_day_before_and_the_day_of_each_change(
        self, deal: ck.Agreement, payer: str, day: str, clauses: list[str]
    ) -> None:
        """Revenue earned on one day: which revenue-share clause binds the payer, if any."""
        share = owed(deal, payer, f"{day}/{pendulum.Date.fromisoformat(day).add(days=1)}")
        assert [s.clause.id for s in share.shares] == clauses
        for one in share.shares:
            assert claims_of(one.clause)

    def test_none_before_2023(self, deal: ck.Agreement) -> None:
        """No source reports a revenue share before the 2023 extension: nothing is owed."""
        share = owed(deal, OAI, "2022")
        assert (share.shares, share.amount) == ((), ck.Money("0", "USD"))

    def test_undisclosed_rate_is_unknown_2024(self, deal: ck.Agreement) -> None:
        """2024: the rate is undisclosed, so the amount is unknown; the clause and source named."""
        share = owed(deal, OAI, "2024")
        assert share.outcome is U
        assert share.amount is None
        (one,) = share.shares
        assert (one.clause.id, one.amendment.id) == (RS_OPENAI, "extension-2023")
        assert "o.rappler-2023-01-23.revenue-share-two-way" in claims_of(one.clause)
        assert "20 %" in share.explain()

    def test_assumed_rate_across_the_2025_amendments(self, deal: ck.Agreement) -> None:
        """2025 spans two amendments that leave the revenue share as it was: USD 2 bn at 20 %."""
        share = owed(deal, OAI, "2025", ck.AssumedRate(RS_OPENAI, "0.20"))
        assert share.amount == ck.Money("2000000000", "USD")
        assert "s002.revenue-share-two-way" in claims_of(share.shares[0].clause)

    def test_microsoft_pays_too_until_april_2026(self, deal: ck.Agreement) -> None:
        """The revenue share flows both ways until 2026-04-27 (no rate reported that way)."""
        share = owed(deal, MS, "2025-11-01/2026-04-27")
        assert [s.clause.id for s in share.shares] == ["revenue-share-microsoft-to-openai"]
        assert share.outcome is U
        assert "s002.revenue-share-two-way" in claims_of(share.shares[0].clause)

    def test_2026_splits_at_the_amendment(self, deal: ck.Agreement) -> None:
        """The terms change on 2026-04-27, so a 2026 total is refused, not guessed."""
        with pytest.raises(ck.AmbiguityError, match="2026-04-27"):
            owed(deal, OAI, "2026")

    def test_one_way_and_capped_from_april_2026(self, deal: ck.Agreement) -> None:
        """From 2026-04-27 OpenAI pays under an undisclosed cap: at most; Microsoft pays nothing."""
        capped = "revenue-share-openai-to-microsoft-capped"
        share = owed(deal, OAI, "2027", ck.AssumedRate(capped, "0.20"))
        assert share.amount is None
        assert [s.at_most for s in share.shares] == [ck.Money("2000000000", "USD")]
        assert "o.novaranews-2026-04-27.revenue-share-one-way" in claims_of(share.shares[0].clause)
        assert owed(deal, MS, "2027").amount == ck.Money("0", "USD")

    def test_nothing_after_2030(self, deal: ck.Agreement) -> None:
        """OpenAI pays through 2030: nothing is owed on 2031 revenue."""
        assert owed(deal, OAI, "2031").shares == ()

    def test_agi_ends_it_before_october_2025(self, deal: ck.Agreement) -> None:
        """An AGI declaration in 2024 ends the revenue share (seed 004's reading, cited)."""
        share = owed(deal, OAI, "2024-07-01/2025-01-01", ck.AGIDeclared(on="2024-06-01"))
        assert share.shares == ()
        assert "s004.agi-caveat" in claims_of(deal.clause("agi-2023"))

    def test_verified_agi_ends_it_until_the_2026_terms(self, deal: ck.Agreement) -> None:
        """Verified AGI (2026-01-15) ends the revenue share; the capped one is independent of it."""
        fact = ck.AGIDeclared(on="2026-01-15", verified=True)
        assert owed(deal, OAI, "2026-02-01/2026-04-01", fact).shares == ()
        after = owed(deal, OAI, "2026-05-01/2026-06-01", fact)
        assert [s.clause.id for s in after.shares] == ["revenue-share-openai-to-microsoft-capped"]


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
