"""Strategies for evidence: seed excerpts and outside sources, made up but well formed."""

from __future__ import annotations

from typing import Literal

from hypothesis import strategies as st

from clausekit.evidence import Evidence, OutsideSource, SeedExcerpt
from clausekit.testing.base import memo, words
from clausekit.testing.dates import days

__all__ = ["evidence"]


@memo
@st.composite
def evidence(draw: st.DrawFn, *, kind: Literal["seed", "outside"] | None = None) -> Evidence:
    """A seed excerpt or an outside source (or only one ``kind``), made up but well formed."""
    text = words()
    seed = draw(st.booleans())
    if kind is not None:
        seed = kind == "seed"
    if seed:
        return SeedExcerpt(
            document=draw(st.sampled_from(("000_test", "001_test"))),
            excerpt=draw(text).strip(),
            gloss=draw(text).strip(),
        )
    return OutsideSource(
        url=f"https://example.org/{draw(st.integers(0, 999))}",
        title=draw(text).strip(),
        published=draw(days()),
        gloss=draw(text).strip(),
    )
