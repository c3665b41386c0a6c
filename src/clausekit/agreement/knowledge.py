"""Knowledge time: the agreement as the public could know it on a day.

``as_known_on(D)`` keeps the amendments announced by D, and only the evidence
published by D (a seed document by the earliest day of its publication range).
A term first reported after D is undisclosed in the view, so no answer as
known on D cites a source published after D or rests on a term reported
after D:

- an amendment's ``reported`` names a clause, an ending or a field first
  reported after its announcement (:attr:`~clausekit.Amendment.reported`):
  before that day the clause is absent from the view (a replacement with it,
  so the old clause stays in force), the ending is not made, or the field
  is back at its default (no ``until``: no end known; no ``ends``: the
  clause ends nothing);
- a clause kind may keep report days of its own (the
  :meth:`~clausekit.clauses.base.ClauseBase.as_known_on` hook says how).

An amendment or clause known by D whose every source came out later keeps no
citation: the view says so rather than cite the future.

The view changes only on the days an amendment was announced, a source
published or a term reported; between them the same view serves every day
(remembered per stretch, so asking again is cheap).
"""

from __future__ import annotations

import bisect
import copy
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs
import pendulum

from clausekit.agreement.amendment import Amendment, Replacement
from clausekit.clauses import Clause
from clausekit.errors import AgreementError, ClauseKitError
from clausekit.evidence import Evidence, OutsideSource
from clausekit.time import DateRange, to_day

if TYPE_CHECKING:
    from clausekit.agreement.core import Agreement

__all__ = ["as_known_on", "published_on"]

_KNOWN_MEMO = 256


def published_on(evidence: Evidence) -> pendulum.Date | None:
    """The first day a piece of evidence was public, or None when the evidence base does not say.

    An outside source carries its day; a seed excerpt counts from the earliest
    day of its document's publication range in the evidence base
    (:meth:`~clausekit.evidence.EvidenceBase.published_earliest`).
    """
    if isinstance(evidence, OutsideSource):
        return evidence.published
    from clausekit.evidence import evidence_base  # the base loads its files on first use

    return evidence_base().published_earliest(evidence)


def _public(evidence: Iterable[Evidence], day: pendulum.Date) -> tuple[Evidence, ...]:
    # A seed excerpt of a document the base does not know has no publication day and is
    # never taken as published (as EvidenceBase.published_by has it).
    return tuple(e for e in evidence if (p := published_on(e)) is not None and p <= day)


def _with_evidence(value: Clause | Amendment, evidence: tuple[Evidence, ...]) -> object:
    """A copy of a clause or amendment citing only ``evidence`` (which may be empty)."""
    if evidence == value.evidence:
        return value
    out = copy.copy(value)
    object.__setattr__(out, "evidence", evidence)  # no source public yet: no citation
    return out


def _clause(clause: Clause, day: pendulum.Date) -> Clause:
    known = clause.as_known_on(day)
    return _with_evidence(known, _public(known.evidence, day))  # type: ignore[return-value]


def _undisclosed(clause: Clause, fields: set[str]) -> Clause:
    """``clause`` with ``fields`` back at their defaults (built anew, so its checks run)."""
    if not fields:
        return clause
    cls = type(clause)
    kept = {a.alias: getattr(clause, a.name) for a in attrs.fields(cls) if a.init}
    for a in attrs.fields(cls):
        if a.name in fields:
            del kept[a.alias]
    return cls(**kept)


def _amendment(amendment: Amendment, day: pendulum.Date) -> Amendment:
    late = [term for term, reported in amendment.reported if reported > day]
    ids = {c.id for c in amendment.added()} | set(amendment.ends)
    hidden = {t for t in late if t in ids}
    fields: dict[str, set[str]] = {}
    for term in late:
        if term not in hidden:
            clause_id, _, field = term.rpartition(".")
            fields.setdefault(clause_id, set()).add(field)
    adds = tuple(
        _clause(_undisclosed(c, fields.get(c.id, set())), day)
        for c in amendment.adds
        if c.id not in hidden
    )
    replaces = tuple(
        Replacement(r.old, _clause(_undisclosed(r.new, fields.get(r.new.id, set())), day))
        for r in amendment.replaces
        if r.new.id not in hidden and r.old not in hidden
    )
    ends = tuple(e for e in amendment.ends if e not in hidden)
    out = amendment
    if (
        adds != amendment.adds
        or replaces != amendment.replaces
        or ends != amendment.ends
        or amendment.reported
    ):
        out = copy.copy(amendment)
        object.__setattr__(out, "adds", adds)
        object.__setattr__(out, "replaces", replaces)
        object.__setattr__(out, "ends", ends)
        object.__setattr__(out, "reported", ())  # the view knows nothing reported later
    return _with_evidence(out, _public(amendment.evidence, day))  # type: ignore[return-value]


def _days(agreement: Agreement) -> tuple[pendulum.Date, ...]:
    """The days the view as known on a day may change (announcements, sources, reports)."""
    days: set[pendulum.Date] = set()
    for amendment in agreement.amendments:
        announced = amendment.announced
        if isinstance(announced, DateRange):
            days |= {announced.earliest, announced.latest}
        else:
            days.add(announced)
        clauses = amendment.added()
        evidence = [*amendment.evidence, *(e for c in clauses for e in c.evidence)]
        days |= {p for e in evidence if (p := published_on(e)) is not None}
        for clause in clauses:
            days |= set(clause.reported_days())
        days |= {reported for _, reported in amendment.reported}
    return tuple(sorted(days))


def as_known_on(agreement: Agreement, day: object) -> Agreement:
    """The agreement as the public could know it on ``day`` (see the module docstring).

    Raises:
        AgreementError: when nothing had been announced by ``day``, or a known
            amendment refers to a clause from one not yet announced.
        AmbiguityError: when ``day`` falls inside an uncertain announcement date.
    """
    known = to_day(day, field="as_known_on")
    memo = agreement._compiled.known
    days = memo.get("days")
    if days is None:
        days = _days(agreement)
    stretch = bisect.bisect_right(days, known)
    view = memo.get(stretch)
    if view is None:
        view = _build(agreement, known)  # a failure here leaves nothing remembered
        if len(memo) >= _KNOWN_MEMO:
            memo.clear()
        memo["days"] = days
        memo[stretch] = view
    if view.known_on == known:
        return view
    # The same view, another day of its stretch: share what it computed (its compiled
    # clause lives and remembered answers), with only the day changed.
    out = object.__new__(type(view))
    for field in attrs.fields(type(view)):
        object.__setattr__(out, field.name, getattr(view, field.name))
    object.__setattr__(out, "known_on", known)
    return out


def _build(agreement: Agreement, known: pendulum.Date) -> Agreement:
    kept = tuple(_amendment(a, known) for a in agreement.amendments if a.announced_by(known))
    if not kept:
        first = min(a.announced_earliest for a in agreement.amendments)
        raise AgreementError(
            f"Nothing of {agreement.title!r} had been announced by {known}; the first "
            f"announcement was on {first}. Ask as known on a later day."
        )
    try:
        return attrs.evolve(agreement, amendments=kept, known_on=known)
    except ClauseKitError as exc:
        raise AgreementError(
            f"As known on {known}, {agreement.title!r} is incomplete: {exc} An amendment announced "
            "by then refers to one announced later, or to a clause first reported later; check "
            "the announced dates and the amendments' reported days."
        ) from None
