"""Amendments: dated changes that add, end or replace clauses, with their evidence."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TypeAlias, cast

import attrs
import pendulum

from clausekit.clauses import Clause
from clausekit.clauses.base import valid_id
from clausekit.errors import (
    AgreementError,
    AmbiguityError,
    UnknownClauseError,
    UnknownFieldError,
    closest,
    did_you_mean,
)
from clausekit.evidence import Evidence, require_evidence
from clausekit.evidence.citations import evidence_tuple
from clausekit.time import DateRange, shared_day, to_day


def _announced(value: object) -> pendulum.Date | DateRange:
    if isinstance(value, DateRange):
        return value
    if isinstance(value, dict) and set(value) == {"earliest", "latest"}:
        return DateRange(value["earliest"], value["latest"])
    return to_day(value, field="announced")


def _effective_day(value: object) -> pendulum.Date:
    # A DateRange passes through; __attrs_post_init__ splits it into the earliest day
    # (``effective``) and ``effective_latest``.
    if isinstance(value, DateRange):
        return cast("pendulum.Date", value)
    if isinstance(value, dict) and set(value) == {"earliest", "latest"}:
        return cast("pendulum.Date", DateRange(value["earliest"], value["latest"]))
    return shared_day(to_day(value, field="effective"))


def _optional_latest(value: object) -> pendulum.Date | None:
    return None if value is None else to_day(value, field="effective_latest")


@attrs.frozen
class Replacement:
    """The clause with id ``old`` ends and ``new`` takes its place."""

    old: str
    new: Clause


def _ids(value: Iterable[str] | str) -> tuple[str, ...]:
    if isinstance(value, str):
        raise AgreementError(f"ends={value!r} is a single string; pass a list such as [{value!r}].")
    return tuple(value)


def _clause_tuple(value: Iterable[Clause]) -> tuple[Clause, ...]:
    return tuple(value)


def _replacement_tuple(value: Iterable[Replacement]) -> tuple[Replacement, ...]:
    return tuple(value)


def _evidence_tuple(value: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return evidence_tuple(value)  # one tuple for the same evidence, shared


def _default_announced(amendment: Amendment) -> pendulum.Date:
    return amendment.effective


Reports: TypeAlias = tuple[tuple[str, pendulum.Date], ...]
"""An amendment's report days: ``(term, day)`` pairs sorted by term (see ``Amendment.reported``)."""


def _reported(value: Mapping[str, object] | Iterable[tuple[str, object]]) -> Reports:
    pairs = value.items() if isinstance(value, Mapping) else value
    out: dict[str, pendulum.Date] = {}
    for pair in pairs:
        try:
            term, day = pair
        except (TypeError, ValueError):
            raise AgreementError(
                f"reported={value!r} must map a clause id, or 'clause-id.field', to the day it "
                "was first reported, e.g. {'revenue-share.until': '2025-01-21'}."
            ).at(field="reported") from None
        if not isinstance(term, str):
            raise AgreementError(
                f"reported names {term!r}, which is not text; name a clause by its id, or one "
                "of its terms as 'clause-id.field'."
            ).at(field="reported")
        if term in out:
            raise AgreementError(
                f"reported names {term!r} twice; give each term one day, the first report."
            ).at(field="reported", item=term)
        out[term] = to_day(day, field=f"reported[{term!r}]")
    return tuple(sorted(out.items()))


@attrs.frozen(kw_only=True)
class Amendment:
    """A dated change to an agreement: adds, ends or replaces clauses, with its evidence.

    Attributes:
        id: unique within the agreement.
        title: a short human title.
        effective: the day it binds; a :class:`~clausekit.time.DateRange` when
            sources disagree or are vague (stored as its earliest day here and
            its latest in ``effective_latest``; see :attr:`effective_range`).
        effective_latest: for an uncertain effective date, the latest day it
            may have taken effect (None: ``effective`` is certain).
        announced: the day the public could first know it (a day, or a
            :class:`~clausekit.time.DateRange` when sources only imply it);
            defaults to ``effective``.
        adds: clauses it puts in force.
        ends: ids of clauses it ends.
        replaces: clauses it ends and replaces in one step.
        evidence: at least one source.
        note: anything a reader should know.
        reported: terms of the amendment that the public learnt of after its
            announcement, each with the day it was first reported (knowledge
            time; see reported_on). Give a mapping; it is kept as (term, day)
            pairs sorted by term. A term is a clause id (a clause the
            amendment adds, replaces with or ends) or "clause-id.field" (a
            field of a clause it adds or replaces with). As known before the
            day, the clause is absent (its replacement is not made, so the
            old clause stays in force; its ending is not made), or the field
            is undisclosed and takes its default (no until: no end known; no
            ends: it ends nothing). A day comes on or after the announcement.
    """

    id: str = attrs.field(validator=valid_id)
    title: str
    effective: pendulum.Date = attrs.field(converter=_effective_day)
    effective_latest: pendulum.Date | None = attrs.field(default=None, converter=_optional_latest)
    announced: pendulum.Date | DateRange = attrs.field(
        default=attrs.Factory(_default_announced, takes_self=True),
        converter=_announced,
    )
    adds: tuple[Clause, ...] = attrs.field(default=(), converter=_clause_tuple)
    ends: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    replaces: tuple[Replacement, ...] = attrs.field(default=(), converter=_replacement_tuple)
    evidence: tuple[Evidence, ...] = attrs.field(converter=_evidence_tuple)
    note: str = ""
    reported: Reports = attrs.field(default=(), converter=_reported)

    def __attrs_post_init__(self) -> None:
        require_evidence(f"Amendment {self.id!r}", self.evidence)
        given: object = self.effective
        if isinstance(given, DateRange):
            if self.effective_latest is not None:
                raise AgreementError(
                    f"Amendment {self.id!r} has effective={given} and effective_latest="
                    f"{self.effective_latest}; give the range once, as either."
                )
            object.__setattr__(self, "effective", given.earliest)
            object.__setattr__(self, "effective_latest", given.latest)
        if self.effective_latest is not None:
            if self.effective_latest < self.effective:
                raise AgreementError(
                    f"Amendment {self.id!r}: effective_latest={self.effective_latest} is before "
                    f"effective={self.effective}; the latest day comes on or after the earliest."
                )
            if self.effective_latest == self.effective:
                object.__setattr__(self, "effective_latest", None)
        for term, day in self.reported:
            self._check_report(term, day)

    def _check_report(self, term: str, day: pendulum.Date) -> None:
        """A report names a clause or a field of this amendment, on or after its announcement."""
        latest = self.announced.latest if isinstance(self.announced, DateRange) else self.announced
        if day < latest:
            raise AgreementError(
                f"Amendment {self.id!r}: reported[{term!r}]={day} is before the amendment was "
                f"announced ({self.announced}); a term first reported with the announcement needs "
                "no entry, and one reported later is reported on a later day."
            ).at(amendment=self.id, field="reported", item=term)
        where = f"Amendment {self.id!r} reported"
        added = {c.id: c for c in self.added()}
        if term in added or term in self.ends:
            return
        clause_id, dot, field = term.rpartition(".")
        if not dot or clause_id not in added:
            named = clause_id if dot else term
            known = sorted({*added, *self.ends})
            suggestions = closest(named, known)
            raise UnknownClauseError(
                f"{where} names {term!r}, but this amendment adds, replaces or ends no clause "
                f"{named!r}.{did_you_mean(suggestions)} Name one of its clauses by id, or a "
                f"term of one as 'clause-id.field'; its clauses: {', '.join(known) or '(none)'}.",
                clause_id=named,
                suggestions=suggestions,
                where=where,
            ).at(amendment=self.id, field="reported", item=term)
        clause = added[clause_id]
        fields = {a.name: a for a in attrs.fields(type(clause)) if a.init}
        revertible = sorted(n for n, a in fields.items() if a.default is not attrs.NOTHING)
        if field not in revertible:
            raise UnknownFieldError.for_field(
                field,
                revertible,
                clause_id=clause_id,
                kind=type(clause).kind,
                where=where,
                required=field in fields,
            ).at(amendment=self.id, field="reported", item=term)

    def reported_on(self, term: str) -> pendulum.Date | None:
        """The day ``term`` (a clause id, or ``"clause-id.field"``) was first reported, when
        that is later than the announcement; None when it was known from the announcement.

        Examples:
            >>> import clausekit as ck
            >>> src = ck.OutsideSource(url="https://example.com", title="E",
            ...     published="2020-01-01", gloss="g")
            >>> share = ck.RevenueShare(id="share", title="Share", payer="A", payee="B",
            ...     until="2030-01-01", evidence=[src])
            >>> a = ck.Amendment(id="a", title="A", effective="2020-01-01", adds=[share],
            ...     reported={"share.until": "2022-05-01"}, evidence=[src])
            >>> a.reported
            (('share.until', Date(2022, 5, 1)),)
            >>> a.reported_on("share.until"), a.reported_on("share")
            (Date(2022, 5, 1), None)
        """
        return next((day for t, day in self.reported if t == term), None)

    @property
    def effective_range(self) -> DateRange | None:
        """The uncertain effective date as a range, or None when it is one known day."""
        if self.effective_latest is None:
            return None
        return DateRange(self.effective, self.effective_latest)

    @property
    def announced_earliest(self) -> pendulum.Date:
        """The first day the amendment may have been public."""
        return self.announced.earliest if isinstance(self.announced, DateRange) else self.announced

    def announced_by(self, day: pendulum.Date) -> bool:
        """True if the amendment was public on ``day``.

        Raises:
            AmbiguityError: when ``day`` falls inside an uncertain announcement date.
        """
        if isinstance(self.announced, DateRange):
            try:
                return self.announced.is_before_or_on(day)
            except AmbiguityError as exc:
                raise AmbiguityError(f"Amendment {self.id!r}: {exc}") from None
        return self.announced <= day

    def added(self) -> tuple[Clause, ...]:
        """Every clause this amendment puts in force (added or replacing)."""
        return (*self.adds, *(r.new for r in self.replaces))

    def ended(self) -> tuple[str, ...]:
        """Every clause id this amendment ends (ended or replaced)."""
        return (*self.ends, *(r.old for r in self.replaces))


@attrs.frozen
class InForce:
    """A clause in force, with the amendment that put it there."""

    clause: Clause
    amendment: Amendment
