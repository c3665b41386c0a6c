"""Carve-outs no action can reach: they except subjects their clause never speaks of.

A carve-out only takes effect for an action its clause governs. One whose
subjects all lie outside its clause's scope can never apply: probably a
misspelt subject, or a carve-out attached to the wrong clause.
"""

from __future__ import annotations

from collections.abc import Iterator

from clausekit.check.context import CheckContext
from clausekit.check.diagnostic import Diagnostic, Severity
from clausekit.check.overlaps import shared_subjects
from clausekit.clauses.scope import subjects_text

__all__ = ["unreachable"]


def unreachable(ctx: CheckContext) -> Iterator[Diagnostic]:
    """``unreachable-carve-out``: a carve-out whose subjects its clause's scope never covers."""
    for life in ctx.lives.values():
        scope = life.clause.subjects()
        for carve_out in life.clause.carve_outs:
            if not carve_out.subjects or not scope:
                continue
            if shared_subjects(carve_out.subjects, scope) is None:
                yield ctx.diagnostic(
                    Severity.WARNING,
                    "unreachable-carve-out",
                    f"Carve-out {carve_out.id!r} of clause {life.id!r} excepts "
                    f"{subjects_text(carve_out.subjects)}, which the clause's scope "
                    f"({subjects_text(scope)}) never covers, so no action can reach it. Fix the "
                    "carve-out's subjects, or move it to the clause it belongs to.",
                    life,
                    citations=carve_out.evidence,
                )
