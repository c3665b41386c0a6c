"""Uncertain effective dates that may change the order of amendments.

An amendment whose effective day is a range (``effective`` to
``effective_latest``) is read at both ends. When another amendment takes
effect strictly inside that range, the two readings put the amendments in a
different order: which one came first is not known, and answers between the
two days come back ``UNKNOWN``. The checker says so, so that a source can pin
the date.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import TYPE_CHECKING

from clausekit.check.diagnostic import Diagnostic, Severity
from clausekit.time import Period

if TYPE_CHECKING:
    from clausekit.agreement import Agreement

__all__ = ["order_changes"]


def order_changes(agreement: Agreement) -> Iterator[Diagnostic]:
    """``uncertain-date-changes-order``: a range that another amendment's day falls inside.

    The amendments are sorted by day once; each range finds the days inside
    it by bisection, so the run is n·log n plus what it reports.
    """
    amendments = agreement.amendments
    by_day = sorted(range(len(amendments)), key=lambda i: amendments[i].effective)
    days = [amendments[i].effective for i in by_day]
    for amendment in amendments:
        latest = amendment.effective_latest
        if latest is None:
            continue
        first = bisect.bisect_right(days, amendment.effective)
        last = bisect.bisect_left(days, latest)
        for index in sorted(by_day[first:last]):
            other = amendments[index]
            if other is amendment:
                continue
            yield Diagnostic(
                severity=Severity.WARNING,
                code="uncertain-date-changes-order",
                message=(
                    f"Amendment {amendment.id!r} took effect between {amendment.effective} and "
                    f"{latest}, and amendment {other.id!r} took effect on {other.effective}, "
                    "inside that range: which came first is not known, so answers from "
                    f"{amendment.effective} to {latest.subtract(days=1)} may be UNKNOWN. Pin "
                    f"{amendment.id!r}'s date with a source if one exists."
                ),
                amendments=(amendment.id, other.id),
                period=Period(amendment.effective, latest),
                citations=(*amendment.evidence, *other.evidence),
            )
