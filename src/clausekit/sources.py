"""The evidence base under its first name: an alias of :mod:`clausekit.evidence`.

The evidence base, its documents, claims and conflicts, and excerpt matching
now live in the package :mod:`clausekit.evidence`, one module per concept.
This module keeps ``from clausekit.sources import ...`` working; new code
imports from :mod:`clausekit.evidence`.

Examples:
    >>> from clausekit import evidence, sources
    >>> sources.evidence_base is evidence.evidence_base
    True
"""

from __future__ import annotations

from clausekit.evidence import (
    MAX_EXCERPT_WORDS,
    Claim,
    ClaimStatus,
    Conflict,
    Document,
    DocumentKind,
    EvidenceBase,
    evidence_base,
    excerpt_occurs,
    load_evidence_base,
)

__all__ = [
    "MAX_EXCERPT_WORDS",
    "Claim",
    "ClaimStatus",
    "Conflict",
    "Document",
    "DocumentKind",
    "EvidenceBase",
    "evidence_base",
    "excerpt_occurs",
    "load_evidence_base",
]
