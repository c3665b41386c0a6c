"""The checker's entry point, :func:`check`: every concern over one agreement."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from clausekit.check import carve_outs, dates, uncertain_dates
from clausekit.check.context import CheckContext
from clausekit.check.diagnostic import Diagnostic
from clausekit.check.evidence import evidence_findings
from clausekit.check.lives import lives
from clausekit.check.report import Report
from clausekit.errors import EvidenceError, QuestionError

if TYPE_CHECKING:
    from clausekit.agreement import Agreement
    from clausekit.evidence import EvidenceBase

__all__ = ["check"]


def _is_agreement(value: object) -> bool:
    # Not an import of clausekit.agreement: that module calls this one (Agreement.check),
    # and no value can be an Agreement before clausekit.agreement has been imported.
    module = sys.modules.get("clausekit.agreement")
    return module is not None and isinstance(value, module.Agreement)


def check(
    agreement: Agreement,
    *,
    sources: str | os.PathLike[str] | None = None,
    evidence: EvidenceBase | None = None,
    retroactive_days: int = 90,
    advance_days: int = 366,
) -> Report:
    """Look for contradictions and likely mistakes in ``agreement`` (see :mod:`clausekit.check`).

    Runs in about n·log n in the number of clauses and amendments, plus what
    it reports: clauses in force together are found through indexes (by
    party, verb, subject, tag and time), not by trying every pair, and a kind
    looks only at those that can clash with its clause. A purchase is put
    only to the clauses that may refuse it (``restricted_parties()`` names
    its buyer, they speak on its verb and a subject of it, and its provider
    is not their ``allowed_counterparty()``), each once. Open-ended clauses
    by the thousand on the same parties and verbs stay linear; see
    ``benchmarks/check_scale.py``.

    Args:
        agreement: the agreement to check.
        sources: a folder holding the seed articles as ``<document>.txt``; when
            given, every seed excerpt is looked for in its article.
        evidence: the evidence base claim ids are looked up in; the bundled
            one by default (loaded only when some evidence names a claim).
        retroactive_days: flag an amendment announced more than this many days
            after it took effect.
        advance_days: flag an amendment announced more than this many days
            before it took effect.

    Returns:
        A :class:`~clausekit.check.Report`, errors first; ``report.has_errors``
        tells whether any diagnostic is an error.

    Raises:
        QuestionError: when ``agreement`` is not an :class:`~clausekit.Agreement`.
        EvidenceError: when ``sources`` is given but is not a folder.
    """
    if not _is_agreement(agreement):
        raise QuestionError(
            f"check() needs a clausekit.Agreement, got {type(agreement).__name__} {agreement!r}. "
            "Build one, or load a contract file with clausekit.load(path)."
        )
    folder = None if sources is None else Path(sources)
    if folder is not None and not folder.is_dir():
        raise EvidenceError(
            f"check(sources={str(sources)!r}): no such folder. Pass the folder that holds the seed "
            "articles as <document>.txt, or leave sources out to skip the excerpt check."
        )
    ctx = CheckContext(lives(agreement))
    findings: list[Diagnostic] = [
        *(d for life in ctx.lives.values() for d in life.clause.check(ctx)),
        *carve_outs.unreachable(ctx),
        *dates.lifetimes(ctx),
        *dates.announcements(
            agreement, ctx, retroactive_days=retroactive_days, advance_days=advance_days
        ),
        *dates.same_day(agreement),
        *uncertain_dates.order_changes(agreement),
        *evidence_findings(agreement, sources=folder, base=evidence),
    ]
    return Report(agreement=agreement.id, title=agreement.title, findings=findings)
