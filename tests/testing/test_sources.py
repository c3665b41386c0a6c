"""clausekit.testing.sources: made-up but well-formed evidence."""

from __future__ import annotations

from hypothesis import given

import clausekit as ck
from clausekit import testing as ckst


@given(found=ckst.evidence(kind="seed"))
def test_seed_excerpts(found: ck.Evidence) -> None:
    """kind='seed' gives seed excerpts with text that is not blank."""
    assert isinstance(found, ck.SeedExcerpt)
    assert found.excerpt.strip()


@given(found=ckst.evidence(kind="outside"))
def test_outside_sources(found: ck.Evidence) -> None:
    """kind='outside' gives outside sources with a URL and a day of publication."""
    assert isinstance(found, ck.OutsideSource)
    assert found.url.startswith("https://example.org/")
