"""Calendar days, half-open periods and uncertain dates."""

from __future__ import annotations

import datetime as dt
import itertools

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import clausekit as ck
from clausekit import testing as ckst
from clausekit.time import DateRange, Period, to_day, to_period


class TestToDay:
    def test_accepts_the_three_day_forms(self) -> None:
        """A pendulum.Date, a datetime.date and an ISO string all give the same pendulum.Date."""
        expected = pendulum.Date(2025, 1, 15)
        for value in (pendulum.Date(2025, 1, 15), dt.date(2025, 1, 15), "2025-01-15"):
            result = to_day(value)
            assert result == expected
            assert type(result) is pendulum.Date

    @pytest.mark.parametrize(
        ("value", "error", "fragment"),
        [
            ("2025-02-30", ck.InvalidDateError, "'2025-02-30' is not a calendar day"),
            ("2025-13-01", ck.InvalidDateError, "month must be in 1..12"),
            ("15.01.2025", ck.InvalidDateError, "expected the form YYYY-MM-DD"),
            ("2025-1-5", ck.InvalidDateError, "expected the form YYYY-MM-DD"),
            (dt.datetime(2025, 1, 15, 9, 30), ck.NotADayError, "Pass a calendar day instead"),
            (pendulum.datetime(2025, 1, 15), ck.NotADayError, "is a date and time"),
            ("2025-01-15T10:00:00", ck.NotADayError, "is a date and time"),
            (20250115, ck.NotADayError, "but got int"),
            (None, ck.NotADayError, "but got NoneType"),
        ],
    )
    def test_refuses_what_is_not_a_day(self, value: object, error: type, fragment: str) -> None:
        """Impossible days, timestamps and other types raise a typed error naming the value."""
        with pytest.raises(error, match=fragment.replace("(", r"\(").replace(")", r"\)")):
            to_day(value, field="on")

    def test_errors_are_value_and_type_errors_too(self) -> None:
        """Leaves subclass the built-in exception a caller would catch."""
        with pytest.raises(ValueError, match="not a calendar day"):
            to_day("2025-02-30")
        with pytest.raises(TypeError, match="date and time"):
            to_day(dt.datetime(2025, 1, 1))


class TestPeriod:
    @pytest.mark.parametrize(
        ("text", "start", "end"),
        [
            ("2025", "2025-01-01", "2026-01-01"),
            ("2025-01", "2025-01-01", "2025-02-01"),
            ("2024-02", "2024-02-01", "2024-03-01"),
            ("2025-12", "2025-12-01", "2026-01-01"),
            ("2025-01-15", "2025-01-15", "2025-01-16"),
            ("2025-01-01/2025-03-01", "2025-01-01", "2025-03-01"),
            ("2025-01-01/..", "2025-01-01", None),
        ],
    )
    def test_parse(self, text: str, start: str, end: str | None) -> None:
        """Years, months, days and ISO intervals name the expected half-open period."""
        assert Period.parse(text) == Period(start, end)

    @pytest.mark.parametrize(
        ("text", "error", "fragment"),
        [
            ("January 2025", ck.InvalidPeriodError, "does not name a period"),
            ("2025-13", ck.InvalidDateError, "month must be 01 to 12"),
            ("2025-03-01/2025-01-01", ck.InvalidPeriodError, "must end after it starts"),
            ("2025-01-01/2025-01-01", ck.InvalidPeriodError, "must end after it starts"),
            ("2025-02-30/2025-03-01", ck.InvalidDateError, "not a calendar day"),
        ],
    )
    def test_parse_refuses(self, text: str, error: type, fragment: str) -> None:
        """Unreadable, empty and inverted periods raise with the value and the accepted forms."""
        with pytest.raises(error, match=fragment):
            Period.parse(text)

    def test_to_period_refuses_other_types(self) -> None:
        """A number is not a period; the message lists the forms that are."""
        with pytest.raises(ck.InvalidPeriodError, match="Use a year"):
            to_period(2025)

    def test_half_open(self) -> None:
        """The start day is inside, the end day is not."""
        january = Period.parse("2025-01")
        assert to_day("2025-01-01") in january
        assert to_day("2025-01-31") in january
        assert to_day("2025-02-01") not in january
        assert january.days == 31
        assert january.last_day == to_day("2025-01-31")

    def test_open_ended(self) -> None:
        """An open-ended period contains every later day and has no day count."""
        period = Period("2025-01-01")
        assert to_day("2099-12-31") in period
        assert period.is_open
        with pytest.raises(ck.InvalidPeriodError, match="open-ended"):
            _ = period.days

    def test_split_at_points(self) -> None:
        """Points inside cut the period; points outside or on its start are ignored."""
        pieces = Period.parse("2025-01").split(
            [to_day("2025-01-21"), to_day("2024-06-01"), to_day("2025-01-01")]
        )
        assert [str(p) for p in pieces] == ["2025-01-01/2025-01-21", "2025-01-21/2025-02-01"]

    def test_intersection(self) -> None:
        """Disjoint periods have no intersection; overlapping ones share exactly their common days."""
        a, b = Period("2025-01-01", "2025-03-01"), Period("2025-02-01", None)
        assert a & b == Period("2025-02-01", "2025-03-01")
        assert Period("2025-01-01", "2025-02-01") & Period("2025-02-01", "2025-03-01") is None


class TestPeriodLaws:
    @given(ckst.periods(), ckst.periods())
    def test_intersection_commutes(self, a: Period, b: Period) -> None:
        """a ∩ b = b ∩ a."""
        assert a.intersection(b) == b.intersection(a)

    @given(ckst.periods(), ckst.periods(), ckst.periods())
    def test_intersection_associates(self, a: Period, b: Period, c: Period) -> None:
        """(a ∩ b) ∩ c = a ∩ (b ∩ c)."""
        ab = a & b
        bc = b & c
        left = None if ab is None else ab & c
        right = None if bc is None else a & bc
        assert left == right

    @given(ckst.periods(), ckst.periods(), ckst.days())
    def test_membership_of_intersection(self, a: Period, b: Period, day: pendulum.Date) -> None:
        """A day is in a ∩ b exactly when it is in both."""
        both = a & b
        assert (both is not None and day in both) == (day in a and day in b)

    @given(ckst.periods(), st.lists(ckst.days(), max_size=8))
    def test_split_covers_exactly(self, period: Period, points: list[pendulum.Date]) -> None:
        """Pieces are contiguous, non-empty, and cover the period without gaps or overlaps."""
        pieces = period.split(points)
        assert pieces[0].start == period.start
        assert pieces[-1].end == period.end
        for left, right in itertools.pairwise(pieces):
            assert left.end == right.start
        inside = {p for p in points if p in period and p != period.start}
        assert len(pieces) == len(inside) + 1


class TestDateRange:
    def test_sure_answers_outside_the_range(self) -> None:
        """Days after the range are after the date; days before it are before."""
        r = DateRange("2025-10-27", "2025-10-31")
        assert r.is_before_or_on(to_day("2025-10-31"))
        assert not r.is_before_or_on(to_day("2025-10-26"))

    def test_inside_the_range_raises(self) -> None:
        """A day inside the uncertain range is ambiguous: clausekit raises instead of guessing."""
        with pytest.raises(ck.AmbiguityError, match="falls inside the uncertain date"):
            DateRange("2025-10-27", "2025-10-31").is_before_or_on(to_day("2025-10-28"))

    def test_inverted_range(self) -> None:
        """A range must list its earliest day first."""
        with pytest.raises(ck.InvalidPeriodError, match="is before earliest"):
            DateRange("2025-10-31", "2025-10-27")
