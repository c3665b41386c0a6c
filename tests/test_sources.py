"""Tests for :mod:`clausekit.sources`, the first name of :mod:`clausekit.evidence`."""

from __future__ import annotations

import pytest

from clausekit import evidence, sources


@pytest.mark.parametrize("name", sources.__all__)
def test_every_name_is_the_evidence_packages_own(name: str) -> None:
    """Each name ``clausekit.sources`` exports is the very object of ``clausekit.evidence``."""
    assert getattr(sources, name) is getattr(evidence, name)
    assert name in evidence.__all__


def test_the_documented_imports_keep_working() -> None:
    """``from clausekit.sources import evidence_base, excerpt_occurs`` still gives the base."""
    from clausekit.sources import evidence_base, excerpt_occurs

    assert evidence_base() is evidence.evidence_base()
    assert excerpt_occurs("außer", "auĂźer")
