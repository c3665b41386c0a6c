"""What the checker's tests share: a made-up source, four parties, small builders."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs
import pendulum
from hypothesis import strategies as st

import clausekit as ck
from clausekit import testing as ckst
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


#: Subjects that nest, so that scopes share a subject through one lying within another.
NESTED = ("training", "training/llm", "training/llm/frontier", "inference", "api", "api/us")


@st.composite
def crowded_agreements(draw: st.DrawFn) -> ck.Agreement:
    """Many clauses of every kind among three parties, added within weeks of each other,
    with nested subjects: most of them are in force together and speak of the same things."""
    names = ["Acme", "Beta", "Gamma"]
    day = pendulum.Date(2020, 1, 1)
    amendments = []
    serial = 0
    for index in range(draw(st.integers(1, 6))):
        day = day.add(days=draw(st.integers(0, 90)))
        adds = []
        for _ in range(draw(st.integers(1, 6))):
            clause = draw(ckst.clauses(names, clause_id=f"c{serial}", until_after=day))
            if isinstance(getattr(clause, "scope", None), frozenset):
                scope = draw(st.lists(st.sampled_from(NESTED), max_size=2))
                clause = attrs.evolve(clause, scope=scope)
            adds.append(clause)
            serial += 1
        amendments.append(amend(f"a{index}", day.isoformat(), adds=adds))
    return ck.Agreement(
        id="crowded", title="Crowded", parties=[ck.Party(n) for n in names], amendments=amendments
    )
