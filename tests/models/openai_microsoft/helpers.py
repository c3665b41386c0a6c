"""What the tests of the bundled model share: names, dated questions and how they are checked.

A dated question (:class:`Ask`) asserts its outcome, the clauses that decide it
in order, the open conditions, and the claims of the evidence base it cites;
asked as known on a day, a claim published later must not be cited. The audit
behind the answers is in docs/case-study.md.
"""

from __future__ import annotations

import attrs
import pendulum

import clausekit as ck
from clausekit.evidence import OutsideSource, SeedExcerpt, evidence_base

SEED_000 = "000_c70b5a730124ae5b"
OPENAI_2025_10_28 = "https://openai.com/index/next-chapter-of-microsoft-openai-partnership/"

W = ck.Workload
MS, OAI = "Microsoft", "OpenAI"
P, C, X, U = (
    ck.Outcome.PERMITTED,
    ck.Outcome.CONDITIONAL,
    ck.Outcome.PROHIBITED,
    ck.Outcome.UNKNOWN,
)
AWS_TRAINING = ck.ProcureCompute(buyer=OAI, provider="AWS", workload=W.TRAINING)
AWS_API = ck.ProcureCompute(buyer=OAI, provider="AWS", workload=W.API)
RS_OPENAI = "revenue-share-openai-to-microsoft"
RS_MICROSOFT = "revenue-share-microsoft-to-openai"
TEN_BN = ck.Money("10000000000", "USD")
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
LAUNCH_ON_AWS = ck.Act(actor=OAI, verb="launch-product", counterparty="AWS")


def buy(provider: str | ck.Party, workload: ck.Workload, *qualifiers: str) -> ck.ProcureCompute:
    """OpenAI buying compute for ``workload`` from ``provider``."""
    return ck.ProcureCompute(buyer=OAI, provider=provider, workload=workload, qualifiers=qualifiers)


def use(subject: str, user: str = MS) -> ck.UseIP:
    """``user`` (Microsoft unless named) using OpenAI's IP on ``subject``."""
    return ck.UseIP(user=user, owner=OAI, subject=subject)


def claims_of(owner: object) -> set[str]:
    """The claim ids an amendment, a clause or a carve-out cites."""
    evidence: tuple[SeedExcerpt | OutsideSource, ...] = owner.evidence  # type: ignore[attr-defined]
    return {e.claim for e in evidence if e.claim is not None}


def clause_ids(verdict: ck.Verdict) -> list[str]:
    """The clauses that rule, in order."""
    return [r.clause_id for r in verdict.rulings]


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


def published_after(claim: str, day: str) -> bool:
    """Whether the source of ``claim`` came out after ``day`` (by its earliest publication day)."""
    base = evidence_base()
    published = base.published_earliest(base.evidence(claim))
    return published is None or published > pendulum.Date.fromisoformat(day)


@attrs.frozen
class Ask:
    """One dated question, its answer, the clauses that decide it and the claims it cites.

    ``cites`` must all appear in the explanation, ``never`` must not; ``clauses`` are the
    rulings in order (empty: the action's default decides and nothing is cited); ``says``
    are phrases the explanation contains, ``unsaid`` phrases it must not contain.
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
    unsaid: tuple[str, ...] = ()


def answer(deal: ck.Agreement, ask: Ask) -> ck.Verdict:
    """The question asked of the model, or of the model as known on ``ask.known_on``."""
    asked = deal.as_known_on(ask.known_on) if ask.known_on else deal
    return asked.ask(ask.action, on=ask.on, scenario=ask.scenario)


def check(deal: ck.Agreement, ask: Ask) -> None:
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
            # Knowledge time: a source published after the day asked as known is never cited,
            # nor named on the other side of a conflict.
            assert claim not in text, f"{claim} is named in:\n{text}"
            continue
        assert f"claim {claim}" in text, f"{claim} is not cited in:\n{text}"
    for claim in ask.never:
        # Cited claims read "claim <id>"; a conflict note may name a claim on the other side.
        assert f"claim {claim}" not in text, f"{claim} is cited in:\n{text}"
    for phrase in ask.says:
        assert phrase in text, f"{phrase!r} not in:\n{text}"
    for phrase in ask.unsaid:
        assert phrase not in text, f"{phrase!r} in:\n{text}"
    if ask.known_on:
        for evidence in verdict.evidence:
            if evidence.claim is not None:
                assert not published_after(evidence.claim, ask.known_on), evidence.claim
    if ask.clauses:
        assert_cited(verdict)
        assert ask.cites, "a question decided by a clause names a claim it cites"
    else:
        assert verdict.by_default
        assert "Sources:" not in text


def segments(timeline: ck.Timeline) -> list[tuple[str, ck.Outcome, str | None]]:
    """A timeline as (period, outcome, the amendment that opened the segment)."""
    return [(str(s.period), s.outcome, s.opened_by.id if s.opened_by else None) for s in timeline]


def owed(deal: ck.Agreement, payer: str, during: str, *facts: ck.Fact) -> ck.Owed:
    """The revenue share ``payer`` owes on USD 10 bn of revenue earned ``during``."""
    return deal.revenue_share(payer, revenue=TEN_BN, during=during, scenario=ck.Scenario(*facts))
