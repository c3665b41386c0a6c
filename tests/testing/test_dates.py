"""clausekit.testing.dates: days, periods and uncertain days within the generated range."""

from __future__ import annotations

import pendulum
from hypothesis import given

import clausekit as ck
from clausekit import testing as ckst

FIRST, LAST = pendulum.Date(2020, 2, 28), pendulum.Date(2020, 3, 2)


@given(day=ckst.days(FIRST, LAST))
def test_days_lie_between_both_ends(day: pendulum.Date) -> None:
    """Calendar days (not datetimes), both ends included."""
    assert type(day) is pendulum.Date
    assert FIRST <= day <= LAST


@given(period=ckst.periods(open_ok=False))
def test_bounded_periods(period: ck.Period) -> None:
    """open_ok=False gives periods with an end, never empty."""
    assert period.end is not None
    assert period.start < period.end


@given(when=ckst.date_ranges())
def test_date_ranges_span_at_most_sixty_days(when: ck.DateRange) -> None:
    """A first and a last possible day, in order, up to sixty days apart."""
    assert 0 <= (when.latest - when.earliest).days <= 60
