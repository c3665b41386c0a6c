"""The questions the case study asks the bundled model (docs/case-study.md).

``PER_AMENDMENT`` is asked the day before and the day of every amendment;
``QUESTIONS`` fills the table of questions and answers. Each covers one thing
the audit of the model checks: every workload, a party outside the agreement,
the carve-outs, Microsoft's use of OpenAI's IP, AGI, and knowledge time.
"""

from __future__ import annotations

import attrs

import clausekit as ck


def deal() -> ck.Agreement:
    return ck.models.openai_microsoft()


AWS_TRAINING = ck.ProcureCompute(buyer="OpenAI", provider="AWS", workload=ck.Workload.TRAINING)
AWS_API = ck.ProcureCompute(buyer="OpenAI", provider="AWS", workload=ck.Workload.API)
ORACLE_PRODUCTS = ck.ProcureCompute(buyer="OpenAI", provider="Oracle", workload="inference")
STARGATE_RESEARCH = ck.ProcureCompute(buyer="OpenAI", provider="Stargate", workload="research")
MICROSOFT_MODELS = ck.UseIP(user="Microsoft", owner="OpenAI", subject="models")
MICROSOFT_RESEARCH = ck.UseIP(user="Microsoft", owner="OpenAI", subject="research")
MICROSOFT_AGI = ck.UseIP(user="Microsoft", owner="OpenAI", subject="agi-technology")
COREWEAVE_TRAINING = ck.ProcureCompute(
    buyer="OpenAI", provider=ck.Party("CoreWeave"), workload=ck.Workload.TRAINING
)
AWS_INFERENCE = ck.ProcureCompute(buyer="OpenAI", provider="AWS", workload=ck.Workload.INFERENCE)
AWS_API_NATSEC = ck.ProcureCompute(
    buyer="OpenAI", provider="AWS", workload=ck.Workload.API, qualifiers=["us-national-security"]
)
AWS_API_OPEN_WEIGHT = ck.ProcureCompute(
    buyer="OpenAI", provider="AWS", workload=ck.Workload.API, qualifiers=["open-weight"]
)
LAUNCH_ON_AWS = ck.Act(actor="OpenAI", verb="launch-product", counterparty="AWS")

PER_AMENDMENT: tuple[tuple[str, ck.Action], ...] = (
    ("OpenAI buys training compute from AWS", AWS_TRAINING),
    ("OpenAI buys training compute from CoreWeave (not a party)", COREWEAVE_TRAINING),
    ("OpenAI serves its API from AWS", AWS_API),
    ("OpenAI runs its products on Oracle", ORACLE_PRODUCTS),
    ("OpenAI buys research compute from Stargate", STARGATE_RESEARCH),
    ("OpenAI launches a new product first on AWS", LAUNCH_ON_AWS),
    ("Microsoft uses OpenAI's models", MICROSOFT_MODELS),
    ("Microsoft uses OpenAI's research IP", MICROSOFT_RESEARCH),
)
"""The questions asked before and after every amendment of the case study."""


@attrs.frozen
class Question:
    text: str
    action: ck.Action
    on: str
    facts: tuple[ck.Fact, ...] = ()
    facts_text: str = ""
    known_on: str | None = None


QUESTIONS: tuple[Question, ...] = (
    Question("Could OpenAI buy training compute from AWS?", AWS_TRAINING, "2025-01-15"),
    Question("… a month later?", AWS_TRAINING, "2025-02-15"),
    Question(
        "… if Microsoft declined the offer?",
        AWS_TRAINING,
        "2025-02-15",
        (ck.OfferDeclined(by="Microsoft"),),
        "Microsoft declined the offer",
    ),
    Question(
        "… if Microsoft took the offer itself?",
        AWS_TRAINING,
        "2025-02-15",
        (ck.OfferAccepted(by="Microsoft"),),
        "Microsoft accepted the offer",
    ),
    Question("… in November 2025?", AWS_TRAINING, "2025-11-15"),
    Question(
        "… in November 2025, as the public knew it in June?",
        AWS_TRAINING,
        "2025-11-15",
        known_on="2025-06-01",
    ),
    Question("Could OpenAI serve its API from AWS?", AWS_API, "2025-11-15"),
    Question(
        "… once AGI is declared and verified?",
        AWS_API,
        "2025-11-15",
        (ck.AGIDeclared(on="2025-11-01", verified=True),),
        "AGI declared 2025-11-01, verified",
    ),
    Question(
        "… once AGI is declared, verification unknown?",
        AWS_API,
        "2025-11-15",
        (ck.AGIDeclared(on="2025-11-01"),),
        "AGI declared 2025-11-01",
    ),
    Question("… for a US national-security customer?", AWS_API_NATSEC, "2025-11-15"),
    Question("… an open-weight model?", AWS_API_OPEN_WEIGHT, "2025-11-15"),
    Question("… after the amended agreement of 2026?", AWS_API, "2026-06-01"),
    Question(
        "… after it, as the public knew it the day before?",
        AWS_API,
        "2026-06-01",
        known_on="2026-04-26",
    ),
    Question(
        "Could OpenAI run its products on AWS after the 2026 terms?", AWS_INFERENCE, "2026-06-01"
    ),
    Question("Could OpenAI launch a new product first on AWS?", LAUNCH_ON_AWS, "2026-06-01"),
    Question(
        "… if Microsoft cannot support it and declines?",
        LAUNCH_ON_AWS,
        "2026-06-01",
        (ck.CannotMeetRequirements(by="Microsoft"), ck.OfferDeclined(by="Microsoft")),
        "Microsoft cannot meet the requirements and declines",
    ),
    Question(
        "… if Microsoft only declines?",
        LAUNCH_ON_AWS,
        "2026-06-01",
        (ck.OfferDeclined(by="Microsoft"),),
        "Microsoft declined the offer",
    ),
    Question("Could OpenAI buy training compute from CoreWeave?", COREWEAVE_TRAINING, "2025-03-01"),
    Question("… in November 2025?", COREWEAVE_TRAINING, "2025-11-15"),
    Question("Could OpenAI run its products on Oracle?", ORACLE_PRODUCTS, "2024-05-01"),
    Question("… after the one-off exception?", ORACLE_PRODUCTS, "2024-07-01"),
    Question("May Microsoft use OpenAI's models?", MICROSOFT_MODELS, "2025-11-15"),
    Question(
        "… after an AGI declaration in 2024?",
        MICROSOFT_MODELS,
        "2024-09-01",
        (ck.AGIDeclared(on="2024-06-01"),),
        "AGI declared 2024-06-01",
    ),
    Question(
        "May Microsoft use OpenAI's AGI technology then?",
        MICROSOFT_AGI,
        "2024-09-01",
        (ck.AGIDeclared(on="2024-06-01"),),
        "AGI declared 2024-06-01",
    ),
    Question(
        "May Microsoft use OpenAI's models after a verified AGI?",
        MICROSOFT_MODELS,
        "2026-02-01",
        (ck.AGIDeclared(on="2026-01-15", verified=True),),
        "AGI declared 2026-01-15, verified",
    ),
    Question(
        "… and OpenAI's research IP?",
        MICROSOFT_RESEARCH,
        "2026-02-01",
        (ck.AGIDeclared(on="2026-01-15", verified=True),),
        "AGI declared 2026-01-15, verified",
    ),
)
"""The case study's table of questions and answers."""
