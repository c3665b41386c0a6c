"""The model as known on a day: the day before and the day of every announcement and of
every later report of a term (knowledge time); no later source cited or named.
"""

from __future__ import annotations

import pytest

import clausekit as ck
from tests.models.openai_microsoft.helpers import (
    AGI_2024,
    ANY_CLOUD_2026,
    API_AZURE,
    AWS_DEAL,
    AZURE_FIRST,
    BOTH_HALVES,
    CONSENT,
    EXCLUSIVE_CLOUD,
    LAUNCH_ON_AWS,
    ORACLE,
    ROFR,
    ROFR_REMOVED,
    ROFR_TRIGGERS,
    RS_MICROSOFT,
    RS_OPENAI,
    Ask,
    C,
    P,
    W,
    X,
    buy,
    check,
    use,
)

QUESTIONS: tuple[Ask, ...] = (
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
    # ---- terms reported after their amendment (Amendment.reported), the day before and the day of
    Ask("ms-models-2025-03-known-before-exclusivity-reported", use("models"), "2025-03-01", P,
        ("ip-license-2030",), ("s002.ip-rights",), known_on="2025-10-27",
        says=("a non-exclusive licence",), unsaid=("an exclusive licence",)),
    Ask("ms-models-2025-03-known-when-exclusivity-reported", use("models"), "2025-03-01", P,
        ("ip-license-2030",), ("s002.ip-rights", "o.openai-2025-10-28.ip-and-api-until-agi"),
        known_on="2025-10-28", says=("an exclusive licence",)),
    Ask("google-models-2024-known-before-exclusivity-reported", use("models", "Google"),
        "2024-03-01", X, (), known_on="2025-10-27"),
    Ask("google-models-2024-known-when-exclusivity-reported", use("models", "Google"),
        "2024-03-01", X, ("ip-license",), ("o.openai-2025-10-28.ip-and-api-until-agi",),
        known_on="2025-10-28", says=("which excludes Google",)),
    # ---- a conflict is named only once its other side is in print
    Ask("ms-models-after-agi-2024-known-before-seed-004", use("models"), "2024-09-01", P,
        ("ip-license",), ("o.bloomberg-2019-07-22.agi-excluded-from-ip", "s004.agi-loses-access"),
        scenario=AGI_2024, known_on="2024-12-26", unsaid=("c.agi-loses-access",)),
    Ask("ms-models-after-agi-2024-known-with-seed-004", use("models"), "2024-09-01", P,
        ("ip-license",), ("o.bloomberg-2019-07-22.agi-excluded-from-ip", "s004.agi-loses-access"),
        scenario=AGI_2024, known_on="2025-01-21", says=("disputed (c.agi-loses-access)",)),
)  # fmt: skip


@pytest.mark.parametrize("ask", QUESTIONS, ids=lambda q: q.name)
def test_dated_question(deal: ck.Agreement, ask: Ask) -> None:
    """The outcome, the clauses that decide it, the open conditions and the claims it cites."""
    check(deal, ask)


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


class TestReportedTerms:
    """Terms the model's amendments list in ``reported``: unknown before, known from the day."""

    def test_what_the_model_reports_later(self, deal: ck.Agreement) -> None:
        """Every term first reported after its amendment, with the day of the report."""
        reported = {a.id: dict(a.reported) for a in deal.amendments if a.reported}
        assert {k: {t: str(d) for t, d in v.items()} for k, v in reported.items()} == {
            "investment-2019": {"ip-license.exclusive": "2025-10-28"},
            "extension-2023": {
                "agi-2023.ends": "2025-01-21",
                "revenue-share-microsoft-to-openai.until": "2025-01-21",
                "revenue-share-openai-to-microsoft.until": "2025-01-21",
            },
            "stargate-2025": {"ip-license-2030.exclusive": "2025-10-28"},
            "aws-deal-2025": {"aws-compute-deal.hardware": "2025-11-04"},
        }

    @pytest.mark.parametrize(
        ("known", "until"), [("2025-01-20", None), ("2025-01-21", "2031-01-01")]
    )
    def test_the_revenue_share_end_is_known_from_2025_01_21(
        self, deal: ck.Agreement, known: str, until: str | None
    ) -> None:
        """'For the duration of our contract through 2030' is first public on 2025-01-21."""
        for clause in (RS_OPENAI, RS_MICROSOFT):
            got = deal.as_known_on(known).clause(clause).until
            assert (str(got) if got else None) == until

    @pytest.mark.parametrize(
        ("known", "ends"), [("2024-12-31", set()), ("2025-01-21", {RS_OPENAI, RS_MICROSOFT})]
    )
    def test_that_agi_ends_the_revenue_share_is_known_from_2025_01_21(
        self, deal: ck.Agreement, known: str, ends: set[str]
    ) -> None:
        """Seed 004 (from 2025-01-21) is the first source that AGI ends the revenue share."""
        agi = deal.as_known_on(known).clause("agi-2023")
        assert isinstance(agi, ck.AGIClause)
        assert set(agi.ends) == ends

    @pytest.mark.parametrize(
        ("known", "hardware"), [("2025-11-03", ""), ("2025-11-04", "Nvidia GB200/GB300")]
    )
    def test_the_aws_chips_are_known_from_2025_11_04(
        self, deal: ck.Agreement, known: str, hardware: str
    ) -> None:
        """The seeds name Nvidia processors; GB200/GB300 comes from DIGITIMES of 2025-11-04 (as
        known before, the field is undisclosed: empty)."""
        aws = deal.as_known_on(known).clause("aws-compute-deal")
        assert isinstance(aws, ck.ComputeDeal)
        assert aws.hardware == hardware
        assert aws.amount == ck.Money("38000000000", "USD")

    @pytest.mark.parametrize(("known", "exclusive"), [("2025-10-27", False), ("2025-10-28", True)])
    def test_the_licence_is_exclusive_as_known_from_2025_10_28(
        self, deal: ck.Agreement, known: str, exclusive: bool
    ) -> None:
        """'Microsoft keeps exclusive IP rights' (OpenAI, 2025-10-28) is the first such report."""
        view = deal.as_known_on(known)
        for clause in ("ip-license", "ip-license-2030"):
            licence = view.clause(clause)
            assert isinstance(licence, ck.IPLicense)
            assert licence.exclusive is exclusive
