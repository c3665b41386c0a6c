"""AGI: what Microsoft keeps and loses, declared, verified, rejected or unverified."""

from __future__ import annotations

import pytest

import clausekit as ck
from tests.models.openai_microsoft.helpers import (
    AGI_2024,
    AGI_2025,
    API_AZURE,
    REJECTED_2025,
    UNVERIFIED_2025,
    VERIFIED_2026,
    Ask,
    P,
    U,
    W,
    X,
    buy,
    check,
    use,
)

QUESTIONS: tuple[Ask, ...] = (
    # ---- AGI: what Microsoft keeps and loses
    Ask("ms-models-after-agi-2024-keeps-pre-agi", use("models"), "2024-09-01", P,
        ("ip-license",), ("o.bloomberg-2019-07-22.agi-excluded-from-ip", "s004.agi-loses-access"),
        scenario=AGI_2024),
    Ask("ms-agi-technology-after-agi-2024", use("agi-technology"), "2024-09-01", X,
        ("ip-license", "microsoft-loses-agi-technology"),
        ("o.the-decoder-2024-12-26.agi-loses-access",), scenario=AGI_2024),
    Ask("ms-models-after-agi-2025", use("models"), "2025-06-01", P, ("ip-license-2030",),
        ("s004.agi-loses-access",), scenario=AGI_2025),
    # AGI ends the API exclusivity: the answer cites the term that frees the API (was: "no
    # clause in force restricts this", citing nothing)
    Ask("aws-api-after-agi-2025", buy("AWS", W.API), "2025-06-01", P,
        ("api-any-cloud-after-agi-2025",), ("s004.agi-caveat", "s004.ip-revenue-api-until-2030"),
        scenario=AGI_2025),
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
    Ask("aws-api-day-of-verified-agi", buy("AWS", W.API), "2026-01-15", P,
        ("api-any-cloud-after-verified-agi",), ("o.openai-2025-10-28.ip-and-api-until-agi",),
        scenario=VERIFIED_2026, unsaid=("no clause in force restricts this",)),
    Ask("aws-api-verified-agi-day-before-2026", buy("AWS", W.API), "2026-04-26", P,
        ("api-any-cloud-after-verified-agi",), ("o.openai-2025-10-28.ip-and-api-until-agi",),
        scenario=VERIFIED_2026),
    Ask("aws-api-verified-agi-day-of-2026", buy("AWS", W.API), "2026-04-27", P,
        ("api-any-cloud",), ("o.novaranews-2026-04-27.any-cloud",), scenario=VERIFIED_2026),
    # as known before the definitive agreement, the declaration needs no panel and the permission
    # of January 2025 frees the API; from 2025-10-28 the verified declaration does
    Ask("aws-api-verified-agi-as-known-2025-10-27", buy("AWS", W.API), "2026-02-01", P,
        ("api-any-cloud-after-agi-2025",), ("s004.agi-caveat",), scenario=VERIFIED_2026,
        known_on="2025-10-27", never=("o.openai-2025-10-28.ip-and-api-until-agi",)),
    Ask("aws-api-verified-agi-as-known-2025-10-28", buy("AWS", W.API), "2026-02-01", P,
        ("api-any-cloud-after-verified-agi",), ("o.openai-2025-10-28.ip-and-api-until-agi",),
        scenario=VERIFIED_2026, known_on="2025-10-28"),
    Ask("aws-api-unverified-agi", buy("AWS", W.API), "2025-11-15", U,
        ("api-any-cloud-after-verified-agi", "api-exclusivity-until-agi"),
        (*API_AZURE, "o.openai-2025-10-28.ip-and-api-until-agi"), scenario=UNVERIFIED_2025,
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
)  # fmt: skip


@pytest.mark.parametrize("ask", QUESTIONS, ids=lambda q: q.name)
def test_dated_question(deal: ck.Agreement, ask: Ask) -> None:
    """The outcome, the clauses that decide it, the open conditions and the claims it cites."""
    check(deal, ask)


def test_reported_profit_definition(deal: ck.Agreement) -> None:
    """The reported USD 100 bn profit test applies until October 2025, and not after."""
    assert deal.agi_profit_test(ck.Money("120000000000", "USD"), on="2025-01-01") is True
    assert deal.agi_profit_test(ck.Money("99000000000", "USD"), on="2025-01-01") is False
    assert deal.agi_profit_test(ck.Money("120000000000", "USD"), on="2026-01-01") is None
