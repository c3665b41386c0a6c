"""Clouds and companies outside the Microsoft–OpenAI terms: CoreWeave (not named by any
source), Google Cloud, Oracle, Stargate and OpenAI's own capacity.
"""

from __future__ import annotations

import pytest

import clausekit as ck
from tests.models.openai_microsoft.helpers import (
    ANY_CLOUD_2026,
    API_AZURE,
    CONSENT,
    COREWEAVE,
    EXCLUSIVE_CLOUD,
    GOOGLE_CLOUD,
    OAI,
    ORACLE,
    ROFR,
    ROFR_REMOVED,
    ROFR_TRIGGERS,
    Ask,
    C,
    P,
    W,
    X,
    buy,
    check,
)

NOT_A_PARTY = "%s is not a party to the agreement (an outsider its terms name)"

QUESTIONS: tuple[Ask, ...] = (
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
        ("compute-rofr",), ROFR_TRIGGERS, ROFR, says=(NOT_A_PARTY % "Google",)),
    Ask("google-cloud-training-2025-11", buy(GOOGLE_CLOUD, W.TRAINING), "2025-11-15", P,
        ("compute-any-cloud",), ROFR_REMOVED),
    Ask("google-cloud-api-2025-11", buy(GOOGLE_CLOUD, W.API), "2025-11-15", X,
        ("api-exclusivity-until-agi",), API_AZURE),
    Ask("oracle-inference-day-before-exception", buy(ORACLE, W.INFERENCE), "2024-06-10", C,
        ("compute-exclusivity",), EXCLUSIVE_CLOUD, CONSENT, says=(NOT_A_PARTY % "Oracle",)),
    Ask("oracle-inference-day-of-exception", buy(ORACLE, W.INFERENCE), "2024-06-11", P,
        ("compute-exclusivity",), ("s001.oracle-one-off-exception",)),
    Ask("oracle-training-under-the-rofr", buy(ORACLE, W.TRAINING), "2025-01-21", C,
        ("compute-rofr",), ROFR_TRIGGERS, ROFR),
    Ask("oracle-training-2025-11", buy(ORACLE, W.TRAINING), "2025-11-15", P,
        ("compute-any-cloud",), ROFR_REMOVED),
    Ask("stargate-research-day-before-stargate", buy("Stargate", W.RESEARCH), "2025-01-20", C,
        ("compute-exclusivity",), EXCLUSIVE_CLOUD, CONSENT),
    Ask("stargate-research-day-of-stargate", buy("Stargate", W.RESEARCH), "2025-01-21", P,
        ("compute-rofr",), ("s004.capacity-approval",), says=(NOT_A_PARTY % "Stargate",)),
    Ask("stargate-inference-2025-03", buy("Stargate", W.INFERENCE), "2025-03-01", C,
        ("compute-rofr",), ROFR_TRIGGERS, ROFR),
    Ask("own-capacity-for-the-api-2025-03", buy(OAI, W.API), "2025-03-01", X,
        ("api-exclusivity-2030",), ("s002.api-exclusivity",)),
    Ask("azure-api-2025-11", buy("Azure", W.API), "2025-11-15", P,
        ("azure-commitment-2025", "azure-commitment-250bn", "api-exclusivity-until-agi"),
        ("o.openai-2025-10-28.azure-250bn",), unsaid=("not a party",)),
    Ask("oracle-by-its-alias-as-text", buy("Oracle Cloud", W.API), "2024-07-01", P,
        ("compute-exclusivity",), ("s001.oracle-one-off-exception",),
        says=(NOT_A_PARTY % "Oracle",)),
    Ask("aws-is-a-party-to-its-deal", buy("AWS", W.TRAINING), "2025-11-15", P,
        ("compute-any-cloud", "aws-compute-deal"), ("s000.aws-deal-value",),
        unsaid=("not a party",)),
)  # fmt: skip


@pytest.mark.parametrize("ask", QUESTIONS, ids=lambda q: q.name)
def test_dated_question(deal: ck.Agreement, ask: Ask) -> None:
    """The outcome, the clauses that decide it, the open conditions and the claims it cites."""
    check(deal, ask)


def test_only_microsoft_openai_and_aws_are_parties(deal: ck.Agreement) -> None:
    """Every other company is listed only so that its names resolve, as an outsider."""
    assert [p.name for p in deal.parties if not p.outsider] == [
        "OpenAI",
        "Microsoft",
        "Amazon Web Services",
    ]
    assert deal.party("Google Cloud").outsider
