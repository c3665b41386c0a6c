"""Strategies for exact rates and amounts of money."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from hypothesis import strategies as st

from clausekit.money import Money
from clausekit.testing.base import CURRENCIES, memo

__all__ = ["money", "rates"]


@memo
def rates() -> st.SearchStrategy[Decimal]:
    """Exact rates in [0, 1] with up to four decimal places."""
    # Decimal(f"{n}E-4") is exact in any decimal context (scaleb would round to the caller's).
    return st.integers(min_value=0, max_value=10_000).map(lambda n: Decimal(f"{n}E-4"))


@memo
def money(
    currencies: Sequence[str] = CURRENCIES, *, max_amount: int = 10**12
) -> st.SearchStrategy[Money]:
    """Non-negative exact amounts, with cents, in the given currencies."""
    return st.builds(
        lambda cents, code: Money(Decimal(f"{cents}E-2"), code),  # exact in any context
        st.integers(min_value=0, max_value=max_amount * 100),
        st.sampled_from(tuple(currencies)),
    )
