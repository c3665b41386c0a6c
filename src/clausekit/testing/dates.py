"""Strategies for calendar days, periods and uncertain days."""

from __future__ import annotations

import datetime as _dt

import pendulum
from hypothesis import strategies as st

from clausekit.testing.base import MAX_DAY, MIN_DAY, memo
from clausekit.time import DateRange, Period

__all__ = ["date_ranges", "days", "periods"]


@memo
def days(
    min_value: pendulum.Date = MIN_DAY, max_value: pendulum.Date = MAX_DAY
) -> st.SearchStrategy[pendulum.Date]:
    """Calendar days (``pendulum.Date``) between ``min_value`` and ``max_value``, both included."""
    return st.dates(
        min_value=_dt.date(min_value.year, min_value.month, min_value.day),
        max_value=_dt.date(max_value.year, max_value.month, max_value.day),
    ).map(lambda d: pendulum.Date(d.year, d.month, d.day))


@memo
@st.composite
def periods(draw: st.DrawFn, *, open_ok: bool = True) -> Period:
    """Non-empty half-open periods; open-ended ones too unless ``open_ok=False``."""
    start = draw(days(MIN_DAY, MAX_DAY.subtract(days=1)))
    if open_ok and draw(st.booleans()) and draw(st.booleans()):
        return Period(start, None)
    end = draw(days(start.add(days=1), MAX_DAY))
    return Period(start, end)


@memo
@st.composite
def date_ranges(draw: st.DrawFn) -> DateRange:
    """Uncertain days: a first and a last possible day, up to 60 days apart (or the same day)."""
    earliest = draw(days(MIN_DAY, MAX_DAY.subtract(days=60)))
    return DateRange(earliest, earliest.add(days=draw(st.integers(0, 60))))
