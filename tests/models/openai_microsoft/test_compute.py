"""Where OpenAI may buy compute: every workload, the day before and the day of every
change, the carve-outs of 2025-10-28, and launching a product first on a cloud (2026).
"""

from __future__ import annotations

import pytest

import clausekit as ck
from tests.models.openai_microsoft.helpers import (
    ANY_CLOUD_2026,
    API_AZURE,
    AWS_DEAL,
    AZURE_FIRST,
    BOTH_HALVES,
    CONSENT,
    EXCLUSIVE_CLOUD,
    LAUNCH_ON_AWS,
    MS,
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
    # from 2026-04-27 running products elsewhere also cites 'OpenAI may serve all products on
    # any cloud' (third round: it cited only the permission of October 2025)
    Ask("aws-inference-day-of-2026", buy("AWS", W.INFERENCE), "2026-04-27", P,
        ("compute-any-cloud", "aws-compute-deal", "api-any-cloud"),
        (*ROFR_REMOVED, *ANY_CLOUD_2026), never=AZURE_FIRST),
    Ask("aws-inference-2026-06-01-not-conditional", buy("AWS", W.INFERENCE), "2026-06-01", P,
        ("compute-any-cloud", "aws-compute-deal", "api-any-cloud"),
        (*ROFR_REMOVED, *ANY_CLOUD_2026), never=AZURE_FIRST),
    Ask("aws-training-2026-06-01-not-serving-products", buy("AWS", W.TRAINING), "2026-06-01", P,
        ("compute-any-cloud", "aws-compute-deal"), ROFR_REMOVED, never=ANY_CLOUD_2026),
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
)  # fmt: skip


@pytest.mark.parametrize("ask", QUESTIONS, ids=lambda q: q.name)
def test_dated_question(deal: ck.Agreement, ask: Ask) -> None:
    """The outcome, the clauses that decide it, the open conditions and the claims it cites."""
    check(deal, ask)
