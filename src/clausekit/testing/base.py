"""What the strategies share: the generated vocabulary (days, parties, verbs, subjects) and a memo."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import pendulum
from hypothesis import strategies as st

from clausekit.actions import Workload

__all__ = [
    "CURRENCIES",
    "MAX_DAY",
    "MIN_DAY",
    "PARTY_NAMES",
    "SUBJECTS",
    "VERBS",
    "memo",
    "words",
]

MIN_DAY = pendulum.Date(2000, 1, 1)
"""The first day the strategies generate."""
MAX_DAY = pendulum.Date(2039, 12, 31)
"""The last day the strategies generate."""
PARTY_NAMES: tuple[str, ...] = ("Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta")
"""The party names generated agreements use."""
VERBS: tuple[str, ...] = ("procure-compute", "transfer-shares", "appoint-distributor")
"""The verbs generated clauses and actions use."""
SUBJECTS: tuple[str, ...] = tuple(w.value for w in Workload)
"""The subjects generated scopes and actions use."""
CURRENCIES: tuple[str, ...] = ("USD", "EUR", "GBP", "JPY", "CHF")
"""The currencies :func:`~clausekit.testing.money` uses by default."""

_F = TypeVar("_F", bound=Callable[..., Any])

_WORDS = st.text(alphabet="abcdefghij ", min_size=3, max_size=30).filter(str.strip)


def words() -> st.SearchStrategy[str]:
    """Short made-up words (letters a to j and spaces), never blank."""
    return _WORDS


def memo(function: _F) -> _F:
    """Reuse the strategy built for the same (hashable) arguments.

    Building and validating a fresh strategy object on every draw made
    generating one agreement cost tens of milliseconds; strategies are
    immutable, so one per distinct set of arguments is enough.
    """
    cache: dict[Any, Any] = {}

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            key = (args, tuple(sorted(kwargs.items())))
            return cache[key]
        except TypeError:  # an unhashable argument, such as a list of names
            return function(*args, **kwargs)
        except KeyError:
            made = cache[key] = function(*args, **kwargs)
            return made

    return wrapper  # type: ignore[return-value]
