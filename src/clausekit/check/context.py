"""What a clause kind's :meth:`~clausekit.ClauseBase.check` hook may consult: :class:`CheckContext`.

A kind's checks look for the other clauses in force alongside one of its
own that matter to it. The context answers that through indexes built once
per agreement (see :mod:`clausekit.check.index`), so a check asks about one
clause at a time and the whole run stays n·log n, not quadratic.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

import pendulum

from clausekit.check.diagnostic import Diagnostic, Severity
from clausekit.check.index import IntervalIndex
from clausekit.check.lives import Life
from clausekit.evidence import Evidence
from clausekit.time import Period

if TYPE_CHECKING:
    from clausekit.clauses import Clause
    from clausekit.clauses.base import ClauseBase

__all__ = ["CheckContext", "Grouping", "names_both", "speaks_on"]

Grouping = Callable[["Clause"], Iterable[tuple[Hashable, Hashable]]]
"""A clause's ``(key, tag)`` pairs: the groups it belongs to, and its tag within each."""

_NO_TAG = object()


def speaks_on(clause: Clause) -> Iterator[tuple[Hashable, Hashable]]:
    """Keys ``(verb, party)`` for each verb the clause may rule on and each party it names.

    A clause that may rule on any verb (``verbs()`` is None) is keyed ``(None, party)``.
    """
    verbs = clause.verbs()
    for party in set(clause.parties().values()):
        for verb in (None,) if verbs is None else verbs:
            yield (verb, party), None


def names_both(clause: Clause) -> Iterator[tuple[Hashable, Hashable]]:
    """Keys ``(a, b)`` for every ordered pair of parties the clause names (``(a, a)`` too)."""
    named = set(clause.parties().values())
    for a in named:
        for b in named:
            yield (a, b), None


class CheckContext:
    """The agreement's clause lives, and fast ways to find the ones in force together.

    Args:
        lives: every clause's life, in the order the amendments add them.
    """

    def __init__(self, lives: Iterable[Life]) -> None:
        self._lives = {life.id: life for life in lives}
        self._groups: dict[Grouping, dict[Hashable, IntervalIndex[Life]]] = {}

    @property
    def lives(self) -> Mapping[str, Life]:
        """Clause id → life, in the order the amendments add the clauses."""
        return self._lives

    def life(self, clause: ClauseBase | str) -> Life:
        """The life of a clause (given as a clause or its id)."""
        return self._lives[clause if isinstance(clause, str) else clause.id]

    def _group(self, grouping: Grouping) -> dict[Hashable, IntervalIndex[Life]]:
        found = self._groups.get(grouping)
        if found is None:
            rows: dict[
                Hashable, list[tuple[Life, pendulum.Date, pendulum.Date | None, Hashable]]
            ] = {}
            for life in self._lives.values():
                for key, tag in grouping(life.clause):
                    rows.setdefault(key, []).append((life, life.start, life.end, tag))
            found = self._groups[grouping] = {
                key: IntervalIndex(items) for key, items in rows.items()
            }
        return found

    def alongside(
        self, life: Life, grouping: Grouping, key: Hashable, *, unlike: Hashable = _NO_TAG
    ) -> Iterator[Life]:
        """The lives in group ``key`` of ``grouping`` in force on some day ``life`` is, but itself.

        ``grouping`` is a function (the same object on every call, so that its
        index is built once) giving a clause's ``(key, tag)`` pairs; with
        ``unlike``, lives tagged ``unlike`` are left out. Lives come in the
        order their clauses were added.
        """
        period = life.period
        index = self._group(grouping).get(key)
        if period is None or index is None:
            return iter(())
        if unlike is _NO_TAG:
            found = index.overlapping(period.start, period.end)
        else:
            found = index.overlapping(period.start, period.end, unlike=unlike)
        return iter(sorted((other for other in found if other is not life), key=_order))

    def diagnostic(
        self,
        severity: Severity | str,
        code: str,
        message: str,
        *lives: Life,
        period: Period | None = None,
        amendments: Iterable[str] = (),
        citations: Iterable[Evidence] = (),
    ) -> Diagnostic:
        """A diagnostic about ``lives``: their clause ids, adding amendments and evidence.

        ``amendments`` and ``citations`` are added after those of the lives.
        """
        return Diagnostic(
            severity=severity,
            code=code,
            message=message,
            clauses=tuple(life.id for life in lives),
            amendments=tuple(dict.fromkeys([*(life.added_by.id for life in lives), *amendments])),
            period=period,
            citations=(*(e for life in lives for e in life.citations()), *citations),
        )

    @staticmethod
    def dormant_note(*lives: Life) -> str:
        """Words to add when some of ``lives`` start only once a trigger fires
        ("('x' only once AGI is declared)")."""
        notes = [f"{life.id!r} only once {life.dormant_until}" for life in lives if life.dormant]
        return f" ({'; '.join(notes)})" if notes else ""


def _order(life: Life) -> int:
    return life.order
