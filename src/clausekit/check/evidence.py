"""Evidence: excerpts not in their article, missing articles, unknown or differing claims, disputes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clausekit.check.diagnostic import Diagnostic, Severity
from clausekit.errors import EvidenceError
from clausekit.evidence import Conflict, Evidence, EvidenceBase, SeedExcerpt, excerpt_occurs

if TYPE_CHECKING:
    from clausekit.agreement import Agreement

__all__ = ["evidence_findings"]


def _cited(agreement: Agreement) -> Iterator[tuple[Evidence, str, tuple[str, ...], str]]:
    """Every piece of evidence: (evidence, owner text, clause ids, amendment id)."""
    for amendment in agreement.amendments:
        for evidence in amendment.evidence:
            yield evidence, f"amendment {amendment.id!r}", (), amendment.id
        for clause in amendment.added():
            for evidence in clause.evidence:
                yield evidence, f"clause {clause.id!r}", (clause.id,), amendment.id


def evidence_findings(
    agreement: Agreement, *, sources: Path | None, base: EvidenceBase | None
) -> Iterator[Diagnostic]:
    """``excerpt-not-in-source``, ``source-missing``, ``unknown-claim``, ``evidence-differs-from-claim``, ``disputed-evidence``."""
    articles: dict[str, str | None] = {}
    evidence_base: EvidenceBase | None = base
    disputed: dict[str, tuple[Conflict, list[tuple[Evidence, tuple[str, ...], str]]]] = {}
    for evidence, owner, clauses, amendment in _cited(agreement):
        common: dict[str, Any] = {
            "clauses": clauses,
            "amendments": (amendment,),
            "citations": (evidence,),
        }
        if sources is not None and isinstance(evidence, SeedExcerpt):
            if evidence.document not in articles:
                try:
                    articles[evidence.document] = (sources / f"{evidence.document}.txt").read_text(
                        encoding="utf-8"
                    )
                except (OSError, UnicodeDecodeError):
                    articles[evidence.document] = None
            text = articles[evidence.document]
            if text is None:
                yield Diagnostic(
                    severity=Severity.WARNING,
                    code="source-missing",
                    message=(
                        f"{owner.capitalize()} cites seed {evidence.document!r}, but "
                        f"{sources / (evidence.document + '.txt')} cannot be read, so its excerpt "
                        "cannot be checked. Pass the folder that holds the seed articles."
                    ),
                    **common,
                )
            elif not excerpt_occurs(evidence.excerpt, text):
                yield Diagnostic(
                    severity=Severity.ERROR,
                    code="excerpt-not-in-source",
                    message=(
                        f"{owner.capitalize()} quotes {evidence.excerpt!r} from seed "
                        f"{evidence.document!r}, but those words do not occur in the article. "
                        "Copy the words exactly as they stand (damaged characters included)."
                    ),
                    **common,
                )
        if evidence.claim is None:
            continue
        if evidence_base is None:
            from clausekit.evidence import evidence_base as bundled

            evidence_base = bundled()
        try:
            claim = evidence_base.claim(evidence.claim)
        except EvidenceError as exc:
            yield Diagnostic(
                severity=Severity.WARNING,
                code="unknown-claim",
                message=f"{owner.capitalize()} cites claim {evidence.claim!r}: {exc}",
                **common,
            )
            continue
        if isinstance(evidence, SeedExcerpt) and (
            claim.document != evidence.document
            or claim.excerpt is None
            or not (
                excerpt_occurs(evidence.excerpt, claim.excerpt)
                or excerpt_occurs(claim.excerpt, evidence.excerpt)
            )
        ):
            yield Diagnostic(
                severity=Severity.WARNING,
                code="evidence-differs-from-claim",
                message=(
                    f"{owner.capitalize()} cites claim {evidence.claim!r} with seed "
                    f"{evidence.document!r} and excerpt {evidence.excerpt!r}, but the evidence "
                    f"base has that claim in {claim.document!r} as {claim.excerpt!r}. Cite it as "
                    f"{{claim = {evidence.claim!r}}} or fix the excerpt."
                ),
                **common,
            )
        for conflict in evidence_base.conflicts_involving(evidence.claim):
            disputed.setdefault(conflict.id, (conflict, []))[1].append(
                (evidence, clauses, amendment)
            )
    for conflict, uses in disputed.values():
        used = sorted({e.claim for e, _, _ in uses if e.claim is not None})
        others = [c for c in conflict.claims if c not in used]
        yield Diagnostic(
            severity=Severity.INFO,
            code="disputed-evidence",
            message=(
                f"The sources disagree on {conflict.topic} (conflict {conflict.id!r}); the model "
                f"rests on {', '.join(used)}"
                + (f", not on {', '.join(others)}" if others else " (every side of it)")
                + f". {conflict.note.strip()}"
            ),
            clauses=tuple(dict.fromkeys(c for _, ids, _ in uses for c in ids)),
            amendments=tuple(dict.fromkeys(a for _, _, a in uses)),
            citations=tuple(e for e, _, _ in uses),
        )
