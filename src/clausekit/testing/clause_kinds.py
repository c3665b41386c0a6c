"""Strategies for clauses: every registered clause kind, bundled or a user's own.

:func:`clauses` reads :data:`clausekit.registry.CLAUSE_KINDS` each time it
draws, so a kind registered after ``import clausekit.testing`` is drawn too.
Each kind is built from its attrs fields (see :mod:`clausekit.testing.kinds`);
the bundled kinds whose terms need narrower values say so below, through
the same hook a user's kind has, :func:`register_kind_strategy`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs
import pendulum
from hypothesis import strategies as st

from clausekit.clauses import (
    AGIClause,
    ConsentRequirement,
    IPLicense,
    RevenueShare,
    RightOfFirstRefusal,
)
from clausekit.clauses.base import ClauseBase
from clausekit.errors import KindError
from clausekit.registry import CLAUSE_KINDS
from clausekit.testing.amounts import money
from clausekit.testing.base import MAX_DAY, PARTY_NAMES, memo
from clausekit.testing.dates import days
from clausekit.testing.kinds import (
    Pool,
    drawable,
    kind_fields,
    register_kind_strategy,
    whole_strategy,
)
from clausekit.testing.sources import evidence

__all__ = ["clauses"]

# The bundled kinds' own constraints, through the public hook.
register_kind_strategy(
    IPLicense,
    scope=st.frozensets(st.sampled_from(("models", "research")), max_size=2),
    excludes=st.frozensets(st.just("agi-technology"), max_size=1),
)


def _revenue_shares(pool: Pool) -> st.SearchStrategy[RevenueShare]:
    # A cap is either known or undisclosed, not both: a constraint between two fields.
    return kind_fields(RevenueShare, pool, common=True).map(
        lambda f: RevenueShare(
            **{**f, "cap_undisclosed": f["cap_undisclosed"] and f["cap"] is None}
        )
    )


register_kind_strategy(RevenueShare, _revenue_shares, cap=st.none() | money(("USD",)))
# A response window is at least a day long (or absent).
register_kind_strategy(RightOfFirstRefusal, respond_within_days=st.none() | st.integers(1, 60))
register_kind_strategy(ConsentRequirement, respond_within_days=st.none() | st.integers(1, 60))
register_kind_strategy(
    AGIClause,
    verifier=st.sampled_from(("", "a panel")),
    profit_threshold=st.none() | money(("USD",)),
)


def _kinds(kinds: Sequence[type[ClauseBase] | str] | None) -> tuple[type[ClauseBase], ...]:
    if kinds is None:
        return tuple(cls for cls in CLAUSE_KINDS.classes() if drawable(cls))
    chosen = []
    for kind in kinds:
        cls = (
            CLAUSE_KINDS.lookup(kind, where="clauses(kinds=...)") if isinstance(kind, str) else kind
        )
        if not (drawable(cls) and issubclass(cls, ClauseBase)):
            raise KindError(
                f"clauses(kinds=...) got {kind!r}, which is not a clause kind; pass classes "
                f"such as clausekit.Exclusivity, or kind tags ({', '.join(CLAUSE_KINDS.kinds())}).",
                cls=kind,
            )
        chosen.append(cls)
    if not chosen:
        raise KindError("clauses(kinds=[]) names no kind; leave kinds out to draw every kind.")
    return tuple(chosen)


@memo
@st.composite
def clauses(
    draw: st.DrawFn,
    names: Sequence[str] = PARTY_NAMES,
    *,
    clause_id: str = "c0",
    until_after: pendulum.Date | None = None,
    kinds: Sequence[type[ClauseBase] | str] | None = None,
) -> Any:
    """One clause between the parties ``names``, with id ``clause_id``.

    Of every registered kind (:data:`clausekit.registry.CLAUSE_KINDS`, read
    when drawing: bundled kinds and yours alike), or of ``kinds`` (classes or
    kind tags). Fields are drawn by their type and name, or as registered
    with :func:`~clausekit.testing.register_kind_strategy`; fields that name
    other clauses are left empty (an AGI clause drawn here ends and starts
    nothing; :func:`agreements` adds AGI clauses that do). ``until_after``
    lets the clause end by its own term some time after that day.

    Raises:
        KindError: when ``kinds`` names something that is not a clause kind.
        UnknownKindError: when a kind tag is not registered.
    """
    cls = draw(st.sampled_from(_kinds(kinds)))
    pool = Pool(tuple(names))
    common: dict[str, Any] = {
        "id": clause_id,
        "title": f"Clause {clause_id}",
        "evidence": (draw(evidence()),),
    }
    if until_after is not None and draw(st.integers(0, 4)) == 0:
        common["until"] = draw(days(until_after.add(days=1), MAX_DAY.add(days=1)))
    whole = whole_strategy(cls, pool)
    if whole is not None:
        return attrs.evolve(draw(whole), **common)
    kind: type = cls
    return cls(**common, **draw(kind_fields(kind, pool)))
