"""What the checker's tests share: a made-up source, four parties, small builders."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import clausekit as ck
from clausekit.check import Diagnostic, Report

#: The seed articles, in the repository beside the evidence files.
SEEDS = Path(__file__).resolve().parents[2] / "seeds"

SRC = ck.OutsideSource(
    url="https://example.org/contracts/check",
    title="Checker fixture",
    published="2020-01-01",
    gloss="a made-up contract for the checker's tests",
)
PARTIES = [ck.Party(n) for n in ("Acme", "Beta", "Gamma", "Delta")]


def amend(
    amendment_id: str,
    effective: str,
    *,
    adds: Sequence[ck.Clause] = (),
    ends: Sequence[str] = (),
    announced: object = None,
    evidence: Sequence[ck.Evidence] = (SRC,),
) -> ck.Amendment:
    """An amendment with the fixture's evidence."""
    extra: dict[str, Any] = {} if announced is None else {"announced": announced}
    return ck.Amendment(
        id=amendment_id,
        title=f"Amendment {amendment_id}",
        effective=effective,
        adds=list(adds),
        ends=list(ends),
        evidence=list(evidence),
        **extra,
    )


def deal(*amendments: ck.Amendment) -> ck.Agreement:
    """An agreement between Acme, Beta, Gamma and Delta."""
    return ck.Agreement(id="fixture", title="Fixture", parties=PARTIES, amendments=amendments)


def excl(clause_id: str, beneficiary: str, **fields: Any) -> ck.Exclusivity:
    """Acme may procure compute only from ``beneficiary``."""
    return ck.Exclusivity(
        id=clause_id,
        title=f"Only {beneficiary}",
        evidence=[SRC],
        bound=fields.pop("bound", "Acme"),
        beneficiary=beneficiary,
        **fields,
    )


def deal_with(clause_id: str, provider: str, **fields: Any) -> ck.ComputeDeal:
    """Acme buys compute from ``provider``."""
    return ck.ComputeDeal(
        id=clause_id,
        title="Compute deal",
        evidence=[SRC],
        buyer="Acme",
        provider=provider,
        **fields,
    )


def rofr(clause_id: str, holder: str, **fields: Any) -> ck.RightOfFirstRefusal:
    """``holder`` has a right of first refusal over Acme's compute purchases."""
    return ck.RightOfFirstRefusal(
        id=clause_id,
        title="ROFR",
        evidence=fields.pop("evidence", [SRC]),
        grantor=fields.pop("grantor", "Acme"),
        holder=holder,
        **fields,
    )


def waiver(clause_id: str, **fields: Any) -> ck.Waiver:
    """Beta waives, for Acme, unless told otherwise."""
    return ck.Waiver(
        id=clause_id,
        title="Waiver",
        evidence=[SRC],
        granted_by=fields.pop("granted_by", "Beta"),
        grantee=fields.pop("grantee", "Acme"),
        **fields,
    )


def only(report: Report, code: str) -> Diagnostic:
    """The single finding with ``code``, after asserting it is the only one of that code."""
    found = [f for f in report if f.code == code]
    assert len(found) == 1, report.render()
    return found[0]


def seed(document: str, excerpt: str, claim: str | None = None) -> ck.SeedExcerpt:
    """A seed excerpt with a gloss."""
    return ck.SeedExcerpt(document=document, excerpt=excerpt, gloss="a gloss", claim=claim)
