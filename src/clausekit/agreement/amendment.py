"""Amendments: dated changes that add, end or replace clauses, with their evidence."""

from __future__ import annotations

from collections.abc import Iterable

import attrs
import pendulum

from clausekit.clauses import Clause
from clausekit.clauses.base import valid_id
from clausekit.errors import (
    AgreementError,
    AmbiguityError,
)
from clausekit.evidence import Evidence, require_evidence
from clausekit.time import DateRange, to_day


def _announced(value: object) -> pendulum.Date | DateRange:
    if isinstance(value, DateRange):
        return value
    if isinstance(value, dict) and set(value) == {"earliest", "latest"}:
        return DateRange(value["earliest"], value["latest"])
    return to_day(value, field="announced")


def _effective_day(value: object) -> pendulum.Date:
    return to_day(value, field="effective")


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
    return tuple(value)


def _default_announced(amendment: Amendment) -> pendulum.Date:
    return amendment.effective


@attrs.frozen(kw_only=True)
class Amendment:
    """A dated change to an agreement: adds, ends or replaces clauses, with its evidence.

    Attributes:
        id: unique within the agreement.
        title: a short human title.
        effective: the day it binds.
        announced: the day the public could first know it (a day, or a
            :class:`~clausekit.time.DateRange` when sources only imply it);
            defaults to ``effective``.
        adds: clauses it puts in force.
        ends: ids of clauses it ends.
        replaces: clauses it ends and replaces in one step.
        evidence: at least one source.
        note: anything a reader should know.
    """

    id: str = attrs.field(validator=valid_id)
    title: str
    effective: pendulum.Date = attrs.field(converter=_effective_day)
    announced: pendulum.Date | DateRange = attrs.field(
        default=attrs.Factory(_default_announced, takes_self=True),
        converter=_announced,
    )
    adds: tuple[Clause, ...] = attrs.field(default=(), converter=_clause_tuple)
    ends: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    replaces: tuple[Replacement, ...] = attrs.field(default=(), converter=_replacement_tuple)
    evidence: tuple[Evidence, ...] = attrs.field(converter=_evidence_tuple)
    note: str = ""

    def __attrs_post_init__(self) -> None:
        require_evidence(f"Amendment {self.id!r}", self.evidence)

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
