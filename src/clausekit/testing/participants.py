"""Strategies for parties: one, or several with distinct names."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st

from clausekit.parties import Party
from clausekit.testing.base import PARTY_NAMES, memo

__all__ = ["parties", "party"]


@memo
def party(names: Sequence[str] = PARTY_NAMES) -> st.SearchStrategy[Party]:
    """One party named from ``names``, sometimes with an alias (``"<name> Ltd"``)."""
    return st.builds(
        lambda name, alias: Party(name, aliases=(f"{name} Ltd",) if alias else ()),
        st.sampled_from(tuple(names)),
        st.booleans(),
    )


@memo
def parties(names: Sequence[str] = PARTY_NAMES) -> st.SearchStrategy[tuple[Party, ...]]:
    """Two or more parties with distinct names, some with an alias (``"<name> Ltd"``)."""
    return st.lists(
        st.tuples(st.sampled_from(tuple(names)), st.booleans()),
        min_size=2,
        max_size=len(names),
        unique_by=lambda pair: pair[0],
    ).map(
        lambda pairs: tuple(
            Party(name, aliases=(f"{name} Ltd",) if alias else ()) for name, alias in pairs
        )
    )
