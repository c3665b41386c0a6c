"""Evidence: what clauses and amendments rest on, and the evidence base of the bundled models.

Every clause and amendment cites at least one piece of evidence (a
:class:`SeedExcerpt` or an :class:`OutsideSource`). The bundled models cite
claims of an :class:`EvidenceBase`: a folder of TOML files (the repository's
``seeds/``, shipped as ``clausekit/_seeds``) with the seed articles beside them.

=====================  ==========================================================
module                 holds
=====================  ==========================================================
``citations``          :class:`SeedExcerpt`, :class:`OutsideSource`, :func:`cite`
``claims``             :class:`Claim`: one thing a source says
``documents``          :class:`Document`: a seed article or an outside source
``conflicts``          :class:`Conflict`: claims that disagree, side by side
``excerpts``           :func:`excerpt_occurs`: matching against damaged text
``base``               :class:`EvidenceBase`: the indexed documents and conflicts
``loading``            :func:`load_evidence_base`, :func:`evidence_base`
``folder``, ``tables``  where the bundled base lives; reading its TOML tables
=====================  ==========================================================

Examples:
    >>> from clausekit.evidence import evidence_base, excerpt_occurs
    >>> base = evidence_base()
    >>> claim = base.claim("s001.rofr-trigger")
    >>> claim.document
    '001_7f6e26588299af66'
    >>> [c.id for c in base.conflicts_about("rofr-trigger")]
    ['c.rofr-trigger']
    >>> base.earliest_report("aws-deal")
    Date(2025, 11, 3)
    >>> excerpt_occurs("andere Anbieter außer Contoso", "andere Anbieter auĂźer Contoso")
    True
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from clausekit.evidence.citations import (
    Evidence,
    OutsideSource,
    SeedExcerpt,
    cite,
    require_evidence,
)
from clausekit.evidence.excerpts import excerpt_occurs, repair_mojibake

if TYPE_CHECKING:
    from clausekit.evidence.base import EvidenceBase
    from clausekit.evidence.claims import MAX_EXCERPT_WORDS, Claim, ClaimStatus
    from clausekit.evidence.conflicts import Conflict
    from clausekit.evidence.documents import Document, DocumentKind
    from clausekit.evidence.loading import evidence_base, load_evidence_base

# What an evidence base holds, and the code that reads one: each module loads on first
# use of one of its names. ``import clausekit`` needs the citations (what clauses cite),
# not the base's claims, conflicts and documents (the attrs classes cost a third of a
# millisecond each to build) nor the loaders (tables, tomllib).
_LAZY = {
    "EvidenceBase": "clausekit.evidence.base",
    "MAX_EXCERPT_WORDS": "clausekit.evidence.claims",
    "Claim": "clausekit.evidence.claims",
    "ClaimStatus": "clausekit.evidence.claims",
    "Conflict": "clausekit.evidence.conflicts",
    "Document": "clausekit.evidence.documents",
    "DocumentKind": "clausekit.evidence.documents",
    "evidence_base": "clausekit.evidence.loading",
    "load_evidence_base": "clausekit.evidence.loading",
}


def __getattr__(name: str) -> Any:
    """The evidence base's classes and loaders, imported on first use."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'clausekit.evidence' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "MAX_EXCERPT_WORDS",
    "Claim",
    "ClaimStatus",
    "Conflict",
    "Document",
    "DocumentKind",
    "Evidence",
    "EvidenceBase",
    "OutsideSource",
    "SeedExcerpt",
    "cite",
    "evidence_base",
    "excerpt_occurs",
    "load_evidence_base",
    "repair_mojibake",
    "require_evidence",
]
