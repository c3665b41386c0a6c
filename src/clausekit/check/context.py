"""What a clause kind's :meth:`~clausekit.ClauseBase.check` hook may consult: :class:`CheckContext`.

A kind's checks look for the other clauses in force alongside one of its
own that matter to it. The context answers that through indexes built once
per agreement (see :mod:`clausekit.check.index`): by key (a party, a verb),
by tag (a beneficiary to leave out), by subject (only clauses whose scopes
share one) and by time. A check asks about one clause at a time and gets
back only the clauses it has to look at, so the whole run stays about
n·log n plus what it reports, not quadratic.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

import pendulum

from clausekit.check.diagnostic import Diagnostic, Severity
from clausekit.check.index import IntervalIndex
from clausekit.check.lives import Life
from clausekit.clauses.scope import ancestors
from clausekit.evidence import Evidence
from clausekit.time import Period

if TYPE_CHECKING:
    from clausekit.clauses import Clause
    from clausekit.clauses.base import ClauseBase

__all__ = [
    "CheckContext",
    "Grouping",
    "names_both",
    "restricting",
    "speaks_on",
    "standing_consents",
]

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


def restricting(clause: Clause) -> Iterator[tuple[Hashable, Hashable]]:
    """Keys ``(verb, party)`` as :func:`speaks_on`, for the parties named whose actions the
    clause may refuse (``restricted_parties()``); tagged with ``allowed_counterparty()``."""
    verbs = clause.verbs()
    named = set(clause.parties().values())
    restricted = clause.restricted_parties()
    tag = clause.allowed_counterparty()
    for party in named if restricted is None else named & restricted:
        for verb in (None,) if verbs is None else verbs:
            yield (verb, party), tag


def standing_consents(clause: Clause) -> Iterator[tuple[Hashable, Hashable]]:
    """Key ``(granted_by, grantee)`` of a consent given in advance, as
    :meth:`clausekit.clauses.base.Context.consent` finds them (by kind, ``"waiver"``)."""
    if clause.kind == "waiver":
        yield (getattr(clause, "granted_by", None), getattr(clause, "grantee", None)), None


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
        self._groups: dict[Grouping, dict[Hashable, _Group]] = {}
        self._consents: dict[tuple[str, str], tuple[Clause, ...]] = {}

    @property
    def lives(self) -> Mapping[str, Life]:
        """Clause id → life, in the order the amendments add the clauses."""
        return self._lives

    def life(self, clause: ClauseBase | str) -> Life:
        """The life of a clause (given as a clause or its id)."""
        return self._lives[clause if isinstance(clause, str) else clause.id]

    def _group(self, grouping: Grouping) -> dict[Hashable, _Group]:
        found = self._groups.get(grouping)
        if found is None:
            rows: dict[Hashable, list[_Row]] = {}
            for life in self._lives.values():
                for key, tag in grouping(life.clause):
                    rows.setdefault(key, []).append((life, life.start, life.end, tag))
            found = self._groups[grouping] = {key: _Group(items) for key, items in rows.items()}
        return found

    def alongside(
        self,
        life: Life,
        grouping: Grouping,
        *keys: Hashable,
        unlike: Hashable = _NO_TAG,
        sharing: frozenset[str] | None = None,
        ordered: bool = True,
    ) -> Iterator[Life]:
        """The lives in the groups ``keys`` of ``grouping`` in force on some day ``life`` is, but itself.

        ``grouping`` is a function (the same object on every call, so that its
        index is built once) giving a clause's ``(key, tag)`` pairs; with
        ``unlike``, lives tagged ``unlike`` are left out; with ``sharing``,
        only lives whose clause's subjects share one with ``sharing`` come
        (as :func:`clausekit.check.overlaps.shared_subjects` tells; an empty
        scope shares every subject). Each life comes once, in the order the
        clauses were added; with ``ordered=False``, in no particular order but
        one at a time, for a caller that may stop at the first that serves.
        """
        found = self._alongside(life, grouping, keys, unlike, sharing)
        if ordered:
            return iter(sorted(found, key=_order))
        return found

    def _alongside(
        self,
        life: Life,
        grouping: Grouping,
        keys: tuple[Hashable, ...],
        unlike: Hashable,
        sharing: frozenset[str] | None,
    ) -> Iterator[Life]:
        period = life.period
        if period is None:
            return
        groups = self._group(grouping)
        seen = {life.id}
        for key in keys:
            group = groups.get(key)
            if group is None:
                continue
            for index in group.sharing(sharing):
                if unlike is _NO_TAG:
                    hits = index.overlapping(period.start, period.end)
                else:
                    hits = index.overlapping(period.start, period.end, unlike=unlike)
                for other in hits:
                    if other.id not in seen:
                        seen.add(other.id)
                        yield other

    def consents_given(self, life: Life, actor: str) -> tuple[Clause, ...]:
        """The consents given in advance to ``actor`` (waivers) by the parties whose consent
        lifts ``life``'s clause, in force on some day it is: what it rules with in force.

        Worked out once per clause and actor.
        """
        key = (life.id, actor)
        found = self._consents.get(key)
        if found is None:
            found = self._consents[key] = tuple(
                dict.fromkeys(
                    waiver.clause
                    for party in sorted(life.clause.consent_parties())
                    for waiver in self.alongside(life, standing_consents, (party, actor))
                )
            )
        return found

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


_Row = tuple[Life, pendulum.Date, pendulum.Date | None, Hashable]


class _Group:
    """The lives of one key: one interval index for all, and, built on first use, one per
    subject, so that a query for some subjects visits only the lives that share one."""

    __slots__ = ("_by_subject", "_rows", "all")

    def __init__(self, rows: list[_Row]) -> None:
        self._rows = rows
        self.all: IntervalIndex[Life] = IntervalIndex(rows)
        self._by_subject: dict[tuple[str, str], IntervalIndex[Life]] | None = None

    def sharing(self, subjects: frozenset[str] | None) -> list[IntervalIndex[Life]]:
        """The indexes holding every life whose subjects share one with ``subjects`` (all: None).

        A scope ``T`` shares with ``S`` when either is empty, or some subject of
        one is, or lies within, a subject of the other. Each life is filed
        under ``("is", y)`` for each of its subjects ``y``, ``("in", a)`` for
        each subject ``a`` that ``y`` lies within, and ``("any", "")`` when it
        has none; a query for ``x`` looks up ``("is", x)``, ``("is", a)`` for
        each ``a`` that ``x`` lies within, and ``("in", x)``.
        """
        if not subjects:
            return [self.all]
        if self._by_subject is None:
            filed: dict[tuple[str, str], list[_Row]] = {}
            for row in self._rows:
                scope = row[0].clause.subjects()
                if not scope:
                    filed.setdefault(("any", ""), []).append(row)
                for subject in scope:
                    filed.setdefault(("is", subject), []).append(row)
                    for outer in ancestors(subject):
                        filed.setdefault(("in", outer), []).append(row)
            self._by_subject = {key: IntervalIndex(rows) for key, rows in filed.items()}
        wanted = {("any", "")}
        for subject in subjects:
            wanted.add(("is", subject))
            wanted.add(("in", subject))
            wanted.update(("is", outer) for outer in ancestors(subject))
        return [index for key in wanted if (index := self._by_subject.get(key)) is not None]
