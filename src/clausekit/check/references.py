"""References: a clause naming another clause (``ClauseBase.references()``) that is never in force with it."""

from __future__ import annotations

from collections.abc import Iterator

from clausekit.check.context import CheckContext
from clausekit.check.lives import Life, together

__all__ = ["out_of_force"]


def out_of_force(ctx: CheckContext, life: Life) -> Iterator[tuple[str, Life]]:
    """The clauses ``life``'s clause refers to that are never in force while it is, by id.

    The agreement already refuses references to ids it does not have.
    """
    for reference in sorted(life.clause.references()):
        other = ctx.lives.get(reference)
        if other is not None and together((life, other)) is None:
            yield reference, other
