"""Uncertain effective dates: an amendment known to take effect between two days.

An amendment whose ``effective`` is a :class:`~clausekit.time.DateRange`
(stored as ``effective``, the earliest day, and ``effective_latest``) is read
two ways: taking effect on its earliest day, and on its latest. The agreement
as given is the earliest reading; :func:`latest_reading` builds the other. On
a day from the earliest day up to the day before the latest the two readings
may differ (on the latest day the amendment is in force either way); there
the answer is ``UNKNOWN`` with both readings, unless they agree.

Examples:
    >>> from clausekit.agreement import Amendment
    >>> from clausekit.evidence import OutsideSource
    >>> from clausekit.time import DateRange, to_day
    >>> src = OutsideSource(url="https://example.org/j", title="Judgment", published="2024-08-05",
    ...                     gloss="the judgment takes effect 60 or 180 days after entry")
    >>> a = Amendment(id="j", title="Judgment", effective=DateRange("2024-10-04", "2025-02-01"),
    ...               evidence=[src])
    >>> a.effective, a.effective_latest
    (Date(2024, 10, 4), Date(2025, 2, 1))
    >>> [x.id for x in pending((a,), to_day("2024-12-01"))], pending((a,), to_day("2025-02-01"))
    (['j'], ())
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

import attrs
import pendulum

from clausekit.agreement.amendment import Amendment
from clausekit.errors import AgreementError, ClauseKitError

if TYPE_CHECKING:
    from clausekit.agreement.core import Agreement

__all__ = [
    "causes",
    "describe",
    "latest_reading",
    "pending",
    "stretches",
]


def stretches(amendments: Iterable[Amendment]) -> tuple[tuple[pendulum.Date, pendulum.Date], ...]:
    """``(earliest, latest)`` of every amendment with an uncertain effective date."""
    return tuple(
        (a.effective, a.effective_latest) for a in amendments if a.effective_latest is not None
    )


def pending(amendments: Iterable[Amendment], day: pendulum.Date) -> tuple[Amendment, ...]:
    """The amendments that may or may not have taken effect by ``day``."""
    return tuple(
        a
        for a in amendments
        if a.effective_latest is not None and a.effective <= day < a.effective_latest
    )


def describe(amendments: tuple[Amendment, ...], which: Literal["earliest", "latest"]) -> str:
    """One reading in words: each pending amendment taken at its earliest or latest day."""
    parts = []
    for a in amendments:
        assert a.effective_latest is not None
        day = a.effective if which == "earliest" else a.effective_latest
        parts.append(f"amendment {a.id!r} took effect on {day} ({which} of {a.effective_range})")
    return " and ".join(parts)


def causes(amendments: Iterable[Amendment], day: pendulum.Date) -> list[str]:
    """The uncertain amendments whose latest possible day is ``day``, in words."""
    return [
        f"amendment {a.id!r} has taken effect by its latest possible day ({a.effective_range})"
        for a in amendments
        if a.effective_latest == day
    ]


def _pinned(amendment: Amendment) -> Amendment:
    if amendment.effective_latest is None:
        return amendment
    return attrs.evolve(amendment, effective=amendment.effective_latest, effective_latest=None)


def latest_reading(agreement: Agreement) -> Agreement | None:
    """The agreement with every uncertain amendment taking effect on its latest day.

    None when no amendment has an uncertain date. Amendments are put in order
    of their (latest) days.

    Raises:
        AgreementError: when that order makes the agreement invalid (an
            amendment then ends a clause that another, now later, adds).
    """
    if not any(a.effective_latest is not None for a in agreement.amendments):
        return None
    pinned = sorted((_pinned(a) for a in agreement.amendments), key=lambda a: a.effective)
    try:
        return attrs.evolve(agreement, amendments=pinned)
    except ClauseKitError as exc:
        ranges = ", ".join(
            f"{a.id!r} ({a.effective_range})"
            for a in agreement.amendments
            if a.effective_range is not None
        )
        raise AgreementError(
            f"{agreement.title!r} has amendments with uncertain dates ({ranges}); read at their "
            f"latest days the agreement is invalid: {exc} Narrow the ranges, or pin the dates."
        ) from None
