"""Amendments: dated changes that add, end or replace clauses, with their evidence."""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

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
    # A DateRange passes through; __attrs_post_init__ splits it into the earliest day
    # (``effective``) and ``effective_latest``.
    if isinstance(value, DateRange):
        return cast("pendulum.Date", value)
    if isinstance(value, dict) and set(value) == {"earliest", "latest"}:
        return cast("pendulum.Date", DateRange(value["earliest"], value["latest"]))
    return to_day(value, field="effective")


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
    return tuple(value)


def _default_announced(amendment: Amendment) -> pendulum.Date:
    return amendment.effective


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
