"""Microsoft's use of OpenAI's IP (and others'), before, inside and after each licence."""

from __future__ import annotations

import pytest

import clausekit as ck
from tests.models.openai_microsoft.helpers import (
    OAI,
    Ask,
    P,
    X,
    check,
    use,
)

QUESTIONS: tuple[Ask, ...] = (
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
    # ---- infrastructure IP: licensed with OpenAI's IP in 2019 and January 2025, and kept with
    # the models from 2025-10-28 (the October sources do not take it away)
    Ask("ms-infrastructure-before-the-licence", use("infrastructure"), "2019-07-21", X, ()),
    Ask("ms-infrastructure-2019", use("infrastructure"), "2019-07-22", P, ("ip-license",),
        ("o.bloomberg-2019-07-22.agi-excluded-from-ip",)),
    Ask("ms-infrastructure-day-of-stargate", use("infrastructure"), "2025-01-21", P,
        ("ip-license-2030",), ("s002.ip-rights",)),
    Ask("ms-infrastructure-day-before-definitive", use("infrastructure"), "2025-10-27", P,
        ("ip-license-2030",), ("s002.ip-rights",)),
    Ask("ms-infrastructure-day-of-definitive", use("infrastructure"), "2025-10-28", P,
        ("ip-license-models",), ("s002.ip-rights", "o.openai-2025-10-28.model-ip-2032"),
        says=("an exclusive licence",)),
    Ask("ms-infrastructure-day-of-2026", use("infrastructure"), "2026-04-27", P,
        ("ip-license-models-non-exclusive",), ("o.novaranews-2026-04-27.ip-non-exclusive-2032",),
        says=("a non-exclusive licence",)),
    Ask("ms-infrastructure-after-2032", use("infrastructure"), "2033-01-01", X, ()),
    # ---- an IP answer cites what supports the licence, not the amendment's other terms
    # (third round: amendments cite only what reports the amendment itself)
    Ask("ms-models-2024-cites-no-cloud-term", use("models"), "2024-03-01", P, ("ip-license",),
        ("o.bloomberg-2019-07-22.agi-excluded-from-ip", "o.bloomberg-2019-07-22.investment-1bn"),
        never=("o.bloomberg-2019-07-22.exclusive-cloud",)),
    Ask("ms-models-2025-11-cites-no-rofr-removal", use("models"), "2025-11-15", P,
        ("ip-license-models",), ("o.openai-2025-10-28.model-ip-2032",
                                 "o.openai-2025-10-28.recapitalisation"),
        never=("o.openai-2025-10-28.rofr-removed", "s000.exclusivity-terminated",
               "s003.free-to-contract-any-cloud")),
    Ask("ms-models-2026-cites-no-revenue-or-cloud-term", use("models"), "2026-06-01", P,
        ("ip-license-models-non-exclusive",), ("o.novaranews-2026-04-27.ip-non-exclusive-2032",
                                               "o.novaranews-2026-04-27.amended-agreement"),
        never=("o.novaranews-2026-04-27.revenue-share-one-way",
               "o.novaranews-2026-04-27.any-cloud")),
    # ---- research IP after the 2026 report: 'IP licence through 2032' against research IP
    # through 2030 is a recorded conflict, shown where the research licence is cited
    Ask("ms-research-2027-shows-the-term-conflict", use("research"), "2027-06-01", P,
        ("ip-license-research-non-exclusive",), ("o.openai-2025-10-28.research-ip",
                                                 "o.novaranews-2026-04-27.ip-non-exclusive-2032"),
        says=("c.research-ip-term",)),
)  # fmt: skip


@pytest.mark.parametrize("ask", QUESTIONS, ids=lambda q: q.name)
def test_dated_question(deal: ck.Agreement, ask: Ask) -> None:
    """The outcome, the clauses that decide it, the open conditions and the claims it cites."""
    check(deal, ask)
