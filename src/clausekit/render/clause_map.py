"""The clause map: which clause was in force when, and the amendments that changed it.

:meth:`Agreement.clause_map() <clausekit.agreement.Agreement.clause_map>` builds
a :class:`ClauseMap` from the agreement's own clause lives (what its
:meth:`~clausekit.agreement.Agreement.in_force` reads on each change day), so
the map and the answers never disagree. It sweeps the change days once,
taking the clauses that start and end on each, so a map of n amendments
costs about n·log n, not a pass over every clause per day. The map is a value: one
:class:`ClauseLife` per stretch a clause was in force, one :class:`MapMarker`
per amendment, and the period drawn. It draws itself as SVG
(:meth:`ClauseMap.to_svg`, also what Jupyter shows), as a Mermaid gantt
chart (:meth:`ClauseMap.to_mermaid`) and as a Markdown table
(:meth:`ClauseMap.to_markdown`).

Examples:
    >>> import clausekit as ck
    >>> src = ck.OutsideSource(url="https://example.org/d", title="Deal", published="2020-01-01",
    ...                        gloss="Beta is Acme's only distributor in DE until 2024")
    >>> excl = ck.Exclusivity(id="excl", title="Exclusive in DE", evidence=[src], bound="Acme",
    ...     beneficiary="Beta", verb="appoint-distributor", scope=["DE"])
    >>> rofr = ck.RightOfFirstRefusal(id="rofr", title="Beta first", evidence=[src],
    ...     grantor="Acme", holder="Beta", verb="appoint-distributor", scope=["DE"])
    >>> deal = ck.Agreement(id="d", title="Deal", parties=[ck.Party("Acme"), ck.Party("Beta")],
    ...     amendments=[ck.Amendment(id="signed", title="Signed", effective="2020-01-01",
    ...     evidence=[src], adds=[excl]), ck.Amendment(id="loosened", title="Loosened",
    ...     effective="2023-01-01", evidence=[src], replaces=[ck.Replacement("excl", rofr)])])
    >>> m = deal.clause_map(start="2019-01-01", end="2025-01-01")
    >>> [(life.clause.id, str(life.start), str(life.end), life.added, life.ended) for life in m.lives]
    [('excl', '2020-01-01', '2023-01-01', 'added', 'replaced'), ('rofr', '2023-01-01', 'None', 'replaced', None)]
    >>> [(str(marker.day), marker.amendment.id) for marker in m.markers]
    [('2020-01-01', 'signed'), ('2023-01-01', 'loosened')]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

import attrs
import pendulum

from clausekit.errors import InvalidPeriodError
from clausekit.time import LAST_DAY, to_day

if TYPE_CHECKING:
    from clausekit.agreement import Agreement, Amendment
    from clausekit.clauses import Clause

__all__ = ["ClauseLife", "ClauseMap", "MapMarker", "clause_map"]

Start = Literal["added", "replaced", "before"]
End = Literal["ended", "replaced", "expired"]


@attrs.frozen
class ClauseLife:
    """One stretch of days a clause was in force, as far as the map shows it.

    Attributes:
        clause: the clause.
        amendment: the amendment that put it in force.
        start: its first day in force within the map (the map's start when it was
            in force before).
        end: the day it stopped being in force (excluded), or ``None`` when it is
            still in force at the map's end.
        added: how it came in force: ``"added"`` or ``"replaced"`` (it replaced
            ``replaced``) by its amendment, or ``"before"`` the map's start.
        ended: how it stopped: ``"ended"`` or ``"replaced"`` by the amendment
            ``ended_by``, ``"expired"`` at the end of its own term, or ``None``.
        replaced: the id of the clause it replaced, if any.
        ended_by: the amendment that ended or replaced it, if any.
        replaced_by: the id of the clause that replaced it, if any.
    """

    clause: Clause
    amendment: Amendment
    start: pendulum.Date
    end: pendulum.Date | None
    added: Start
    ended: End | None = None
    replaced: str | None = None
    ended_by: Amendment | None = None
    replaced_by: str | None = None


@attrs.frozen
class MapMarker:
    """An amendment on the map, with what it did to the clauses.

    Attributes:
        day: the day it took effect.
        amendment: the amendment.
        added: ids of the clauses it added.
        replaced: ``(old id, new id)`` for each clause it replaced.
        ended: ids of the clauses it ended.
    """

    day: pendulum.Date
    amendment: Amendment
    added: tuple[str, ...] = ()
    replaced: tuple[tuple[str, str], ...] = ()
    ended: tuple[str, ...] = ()

    def describe(self) -> str:
        """What the amendment did, in a few words."""
        parts = [f"adds {', '.join(self.added)}"] if self.added else []
        parts += [f"replaces {old} by {new}" for old, new in self.replaced]
        if self.ended:
            parts.append(f"ends {', '.join(self.ended)}")
        return "; ".join(parts) or "changes no clause"


@attrs.frozen
class ClauseMap:
    """Which clause of an agreement was in force when, between two days.

    Attributes:
        agreement: the agreement's title.
        start: the first day drawn.
        end: the day the map ends (excluded).
        lives: one entry per stretch a clause was in force, in order of first
            appearance (agreement order within a day).
        markers: the amendments that took effect on the days drawn, in order.
        today: a day to mark with a line, or ``None``.
    """

    agreement: str
    start: pendulum.Date
    end: pendulum.Date
    lives: tuple[ClauseLife, ...]
    markers: tuple[MapMarker, ...]
    today: pendulum.Date | None = None

    @property
    def clause_ids(self) -> tuple[str, ...]:
        """The ids of the clauses on the map, one per row, in order."""
        return tuple(dict.fromkeys(life.clause.id for life in self.lives))

    def to_svg(self, *, width: int = 960, title: str | None = None) -> str:
        """The map as a self-contained SVG picture (see :func:`clausekit.render.clause_map_to_svg`)."""
        from clausekit.render.map_svg import clause_map_to_svg

        return clause_map_to_svg(self, width=width, title=title)

    def to_mermaid(self) -> str:
        """The map as a Mermaid gantt chart (see :func:`clausekit.render.clause_map_to_mermaid`)."""
        from clausekit.render.mermaid import clause_map_to_mermaid

        return clause_map_to_mermaid(self)

    def to_markdown(self) -> str:
        """The map as a Markdown table (see :func:`clausekit.render.clause_map_to_markdown`)."""
        from clausekit.render.markdown import clause_map_to_markdown

        return clause_map_to_markdown(self)

    def _repr_svg_(self) -> str:
        """Jupyter shows a clause map as its picture."""
        return self.to_svg()

    def __str__(self) -> str:
        return self.to_markdown()


def _default_end(agreement: Agreement) -> pendulum.Date:
    """The first New Year's Day after the last amendment: a year's margin at most.

    In the year 9999 there is none: the map ends on the last day clausekit can name.
    """
    year = agreement.amendments[-1].effective.year
    return LAST_DAY if year == LAST_DAY.year else pendulum.Date(year + 1, 1, 1)


def clause_map(
    agreement: Agreement, *, start: object = None, end: object = None, today: object = None
) -> ClauseMap:
    """The clause map of ``agreement`` from ``start`` to ``end`` (excluded).

    Args:
        agreement: the agreement to draw.
        start: the first day; defaults to the day the agreement starts.
        end: the day after the last day; defaults to the New Year's Day after
            the last amendment.
        today: a day to mark with a line, or ``None`` (there is no hidden clock).

    Raises:
        InvalidPeriodError: when ``end`` is not after ``start``.
        InvalidDateError, NotADayError: for a value that is not a calendar day.
    """
    first = agreement.starts_on if start is None else to_day(start, field="start")
    last = _default_end(agreement) if end is None else to_day(end, field="end")
    if last <= first:
        raise InvalidPeriodError.inverted(first, last, where="clause_map()")
    mark = None if today is None else to_day(today, field="today")
    days = [first, *(d for d in agreement.change_days if first < d < last)]
    compiled = agreement._compiled  # the lives in_force() reads, without a scenario
    starting: dict[pendulum.Date, list[int]] = {}
    ending: dict[pendulum.Date, list[str]] = {}
    for index, (item, since, until) in enumerate(compiled.lives):
        if item.clause.id in compiled.dormant or (until is not None and until <= since):
            continue  # started only by a trigger (no scenario here), or never in force
        if until is not None and until <= first:
            continue
        starting.setdefault(max(since, first), []).append(index)
        if until is not None:
            ending.setdefault(until, []).append(item.clause.id)
    order = _orders(agreement)
    lives: list[ClauseLife] = []
    open_: dict[str, ClauseLife] = {}
    opened_at: dict[str, int] = {}  # the order clauses were opened, to close them in it
    for day in days:
        for clause_id in sorted(
            (c for c in ending.get(day, ()) if c in open_), key=opened_at.__getitem__
        ):
            lives.append(_close(open_.pop(clause_id), day, compiled.opened.get(day, ())))
        for index in starting.get(day, ()):
            item = compiled.lives[index][0]
            clause_id = item.clause.id
            amendment = item.amendment
            replaced = next((r.old for r in amendment.replaces if r.new.id == clause_id), None)
            how: Start
            if day == first and amendment.effective < first:
                how = "before"
            else:
                how = "replaced" if replaced is not None else "added"
            open_[clause_id] = ClauseLife(
                clause=item.clause,
                amendment=amendment,
                start=day,
                end=None,
                added=how,
                replaced=replaced if how == "replaced" else None,
            )
            opened_at[clause_id] = len(opened_at)
    lives.extend(open_.values())
    lives.sort(key=lambda life: (life.start, order.get(life.clause.id, len(agreement.amendments))))
    markers = tuple(
        MapMarker(
            day=a.effective,
            amendment=a,
            added=tuple(c.id for c in a.adds),
            replaced=tuple((r.old, r.new.id) for r in a.replaces),
            ended=a.ends,
        )
        for a in agreement.amendments
        if first <= a.effective < last
    )
    return ClauseMap(
        agreement=agreement.title,
        start=first,
        end=last,
        lives=tuple(lives),
        markers=markers,
        today=mark,
    )


def _orders(agreement: Agreement) -> dict[str, int]:
    """Clause id -> the place of the first amendment that adds it."""
    found: dict[str, int] = {}
    for number, amendment in enumerate(agreement.amendments):
        for clause in amendment.added():
            found.setdefault(clause.id, number)
    return found


def _close(life: ClauseLife, day: pendulum.Date, opened: Iterable[Amendment]) -> ClauseLife:
    """The stretch ``life`` ended on ``day``: by an amendment of that day (``opened``), or
    at its term."""
    for amendment in opened:
        new = next((r.new.id for r in amendment.replaces if r.old == life.clause.id), None)
        if new is not None:
            return attrs.evolve(
                life, end=day, ended="replaced", ended_by=amendment, replaced_by=new
            )
        if life.clause.id in amendment.ends:
            return attrs.evolve(life, end=day, ended="ended", ended_by=amendment)
    return attrs.evolve(life, end=day, ended="expired")
