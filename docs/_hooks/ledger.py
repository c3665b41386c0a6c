"""The audit's ledgers of the bundled model: every clause, and every claim of the evidence base.

``clause_ledger`` lists each clause of the model with what the audit checks:
its parties, scope and carve-outs, the days it is in force (effective and
announced, and what ends it), its triggers and limits, and the claims it
cites. ``claim_ledger`` lists every claim of the evidence base with the
clauses and amendments that cite it, so a claim the model leaves out is seen
to be left out. Both are computed from the model and the evidence base while
the site is built, never written by hand.
"""

from __future__ import annotations

import clausekit as ck
from _hooks.questions import deal
from _hooks.text import cell, code
from clausekit.evidence import evidence_base


def _ends(agreement: ck.Agreement, clause: ck.Clause) -> str:
    """What ends a clause: a later amendment, its own term, an AGI clause, or nothing."""
    parts: list[str] = []
    for amendment in agreement.amendments:
        if clause.id in amendment.ends:
            parts.append(f"ended {amendment.effective} by {code(amendment.id)}")
        for replacement in amendment.replaces:
            if replacement.old == clause.id:
                parts.append(
                    f"replaced {amendment.effective} by {code(replacement.new.id)} "
                    f"({code(amendment.id)})"
                )
    if clause.until is not None:
        parts.append(f"term ends {clause.until} (first day out)")
    for other in (c for a in agreement.amendments for c in a.added()):
        if isinstance(other, ck.AGIClause):
            if clause.id in other.ends:
                parts.append(f"AGI under {code(other.id)} ends it")
            if clause.id in other.starts:
                parts.append(f"dormant until AGI under {code(other.id)}")
    return "; ".join(parts) or "no end reported"


def _terms(clause: ck.Clause) -> str:
    """Triggers and limits in words: the clause's summary, its carve-outs and exclusions."""
    text = clause.summary()
    for carve_out in clause.carve_outs:
        text += f" Carve-out {code(carve_out.id)}: {carve_out.describe()}."
    return text


def _reported(amendment: ck.Amendment, clause: ck.Clause) -> str:
    """The clause's terms first reported after the amendment was announced, with their days."""
    parts = []
    for term, day in amendment.reported:
        if term == clause.id:
            parts.append(f"the clause first reported {day}")
        elif term.startswith(f"{clause.id}."):
            parts.append(f"{code(term.removeprefix(clause.id + '.'))} first reported {day}")
    return "; " + "; ".join(parts) if parts else ""


def clause_ledger(arg: str) -> str:
    """One row per clause of the model, in the order the amendments add them; terms first
    reported after the announcement (``Amendment.reported``) are named with their days."""
    agreement = deal()
    lines = [
        "| clause | kind | parties | in force from (announced) | until | terms, triggers, "
        "carve-outs | cites |",
        "|---|---|---|---|---|---|---|",
    ]
    for amendment in agreement.amendments:
        for clause in amendment.added():
            named = clause.with_canonical_parties(agreement.registry.canonical)
            parties = ", ".join(sorted(set(named.parties().values())))
            cites = ", ".join(code(e.claim) for e in clause.evidence if e.claim)
            lines.append(
                f"| {code(clause.id)} | {clause.kind} | {cell(parties)} | "
                f"{amendment.effective} ({amendment.announced}, {code(amendment.id)}"
                f"{_reported(amendment, clause)}) | "
                f"{cell(_ends(agreement, clause))} | {cell(_terms(named))} | {cites} |"
            )
    return "\n".join(lines)


def claim_ledger(arg: str) -> str:
    """Every claim of the evidence base and what in the model cites it."""
    agreement, base = deal(), evidence_base()
    cited: dict[str, list[str]] = {}
    for amendment in agreement.amendments:
        for item in amendment.evidence:
            cited.setdefault(item.claim or "", []).append(f"amendment {code(amendment.id)}")
        for clause in amendment.added():
            for item in clause.evidence:
                cited.setdefault(item.claim or "", []).append(code(clause.id))
            for carve_out in clause.carve_outs:
                for item in carve_out.evidence:
                    cited.setdefault(item.claim or "", []).append(
                        f"{code(clause.id)} carve-out {code(carve_out.id)}"
                    )
    lines = ["| claim | says | cited by |", "|---|---|---|"]
    for document in base.documents:
        for claim in document.claims:
            users = ", ".join(dict.fromkeys(cited.get(claim.id, []))) or "—"
            disputed = [c.id for c in base.conflicts_involving(claim.id)]
            said = claim.gloss + (f" (conflict {', '.join(disputed)})" if disputed else "")
            lines.append(f"| {code(claim.id)} | {cell(said)} | {users} |")
    return "\n".join(lines)
