"""Calendar days, half-open periods and uncertain dates.

clausekit answers per calendar day. A :class:`Period` is half-open,
``[start, end)``: the start day is in it, the end day is not, and ``end=None``
means open-ended. A :class:`DateRange` is a day known only to lie between two
days (both included), used for dates a source only implies.

Nothing here reads the clock, the locale or the machine's time zone.

Examples:
    >>> from clausekit.time import Period, to_day
    >>> to_day("2025-01-21")
    Date(2025, 1, 21)
    >>> january = Period.parse("2025-01")
    >>> january
    Period(start=Date(2025, 1, 1), end=Date(2025, 2, 1))
    >>> to_day("2025-01-31") in january, to_day("2025-02-01") in january
    (True, False)
    >>> [str(p) for p in january.split([to_day("2025-01-21")])]
    ['2025-01-01/2025-01-21', '2025-01-21/2025-02-01']
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from typing import TypeAlias

import attrs
import pendulum

from clausekit._checks import check_type
from clausekit.errors import (
    AmbiguityError,
    ArgumentTypeError,
    InvalidDateError,
    InvalidPeriodError,
    NotADayError,
)

__all__ = [
    "FIRST_DAY",
    "LAST_DAY",
    "DateRange",
    "DayLike",
    "Period",
    "PeriodLike",
    "day_from_iso",
    "shared_day",
    "to_day",
    "to_period",
]

DayLike: TypeAlias = "pendulum.Date | _dt.date | str"
PeriodLike: TypeAlias = "Period | str"

FIRST_DAY = pendulum.Date(1, 1, 1)
"""The first calendar day clausekit can name."""
LAST_DAY = pendulum.Date(9999, 12, 31)
"""The last calendar day clausekit can name. No period can include it: a period's end
day is excluded, and there is no day after it (ask ``on=`` it, or leave ``end`` open)."""

_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_ISO_YEAR = re.compile(r"^(\d{4})$")


# ISO text already read, and what it means: days and periods are immutable, so a question
# asked again with the same string skips the parsing. Bounded; only valid text is kept.
_CACHE_SIZE = 4096
_DAYS: dict[str, pendulum.Date] = {}
# ``datetime.date`` days already converted, to the same ``pendulum.Date``, and the days
# shared_day keeps (bounded). A date and a pendulum.Date of the same day are equal keys.
_DATES: dict[_dt.date, pendulum.Date] = {}
_PERIODS: dict[str, Period] = {}


def day_from_iso(text: str, *, field: str = "date") -> pendulum.Date:
    """Parse ``YYYY-MM-DD`` into a :class:`pendulum.Date`, strictly.

    Unlike ``pendulum.parse`` this never returns a ``DateTime`` and never
    accepts a time of day.

    Examples:
        >>> day_from_iso("2024-02-29")
        Date(2024, 2, 29)
        >>> day_from_iso("2025-02-30")
        Traceback (most recent call last):
        ...
        clausekit.errors.InvalidDateError: date='2025-02-30' is not a calendar day: day is out of range for month. Pass an ISO date such as '2025-01-15'.
    """
    if not isinstance(text, str):
        raise NotADayError.for_type(text, field=field)
    match = _ISO_DAY.match(text.strip())
    if match is None:
        if "T" in text or " " in text.strip():
            raise NotADayError.for_datetime(text, field=field)
        raise InvalidDateError.for_value(text, field=field, why="expected the form YYYY-MM-DD")
    year, month, day = (int(part) for part in match.groups())
    try:
        return pendulum.Date(year, month, day)
    except ValueError as exc:
        raise InvalidDateError.for_value(text, field=field, why=str(exc)) from None


def _check_year(year: int, text: str, field: str) -> None:
    if not FIRST_DAY.year <= year <= LAST_DAY.year:
        raise InvalidDateError.for_value(text, field=field, why="year must be 0001 to 9999")


def to_day(value: object, *, field: str = "date") -> pendulum.Date:
    """Coerce ``value`` to a calendar day (:class:`pendulum.Date`).

    Accepts a ``pendulum.Date``, a ``datetime.date`` or an ISO string
    ``YYYY-MM-DD``. A ``datetime`` (or ``pendulum.DateTime``) is refused:
    clausekit answers per calendar day and will not drop a time of day or
    pick a time zone for you.

    Args:
        value: the day to coerce.
        field: the argument name used in error messages.

    Raises:
        NotADayError: for a ``datetime`` or a value of another type.
        InvalidDateError: for a string that is not a real calendar day.

    Examples:
        >>> import datetime
        >>> to_day(datetime.date(2025, 1, 15))
        Date(2025, 1, 15)
        >>> to_day(datetime.datetime(2025, 1, 15, 9, 30), field="on")
        Traceback (most recent call last):
        ...
        clausekit.errors.NotADayError: on=datetime.datetime(2025, 1, 15, 9, 30) is a date and time, but clausekit answers per calendar day. Pass a calendar day instead, e.g. on='2025-01-15'.
    """
    if type(value) is pendulum.Date:  # the hot path: no parsing, no conversion
        return value
    if type(value) is _dt.date:  # exactly a datetime.date: a datetime is a subclass
        day = _DATES.get(value)
        if day is None:
            day = pendulum.Date(value.year, value.month, value.day)
            if len(_DATES) < _CACHE_SIZE:
                _DATES[value] = day
        return day
    if isinstance(value, str):
        day = _DAYS.get(value)
        if day is None:
            day = day_from_iso(value, field=field)
            if len(_DAYS) < _CACHE_SIZE:
                _DAYS[value] = day
        return day
    if isinstance(value, _dt.datetime):  # pendulum.DateTime is a datetime too
        raise NotADayError.for_datetime(value, field=field)
    if isinstance(value, _dt.date):
        return pendulum.Date(value.year, value.month, value.day)
    raise NotADayError.for_type(value, field=field)


def shared_day(day: pendulum.Date) -> pendulum.Date:
    """``day``, or an equal ``pendulum.Date`` seen before: one object per calendar day.

    Agreements keep their amendments' days as long as they live; a portfolio's
    agreements are mostly signed on days others were too. Days are immutable, so
    sharing one object per day is safe. Bounded like the tables of days read.
    """
    seen = _DATES.get(day)
    if seen is not None:
        return seen
    if len(_DATES) < _CACHE_SIZE:
        _DATES[day] = day
    return day


def _next_month(day: pendulum.Date) -> pendulum.Date:
    if day.month == 12:
        return pendulum.Date(day.year + 1, 1, 1)
    return pendulum.Date(day.year, day.month + 1, 1)


def _bounded(text: str, first: pendulum.Date, last: pendulum.Date, field: str) -> Period:
    """The period of the days ``first`` to ``last`` (both included) that ``text`` names."""
    if last == LAST_DAY:
        raise InvalidPeriodError.past_last_day(text, first, field=field)
    return Period(first, last.add(days=1))


def _start_day(value: object) -> pendulum.Date:
    return to_day(value, field="start")


def _end_day(value: object) -> pendulum.Date | None:
    return None if value is None else to_day(value, field="end")


def _earliest_day(value: object) -> pendulum.Date:
    return to_day(value, field="earliest")


def _latest_day(value: object) -> pendulum.Date:
    return to_day(value, field="latest")


def _check_end(
    instance: Period, attribute: attrs.Attribute[pendulum.Date | None], end: pendulum.Date | None
) -> None:
    if end is not None and not end > instance.start:
        raise InvalidPeriodError.inverted(instance.start, end)


@attrs.frozen(order=False)
class Period:
    """A half-open span of calendar days, ``[start, end)``; ``end=None`` is open-ended.

    Build one from days (``Period("2025-01-01", "2025-02-01")``) or parse a
    year, month, day or ISO interval with :meth:`parse`. A period is never
    empty: ``end`` must come after ``start``.

    Examples:
        >>> p = Period("2025-01-01", "2025-03-01")
        >>> p.days
        59
        >>> str(p & Period.parse("2025-02"))
        '2025-02-01/2025-03-01'
        >>> Period("2025-03-01", "2025-01-01")
        Traceback (most recent call last):
        ...
        clausekit.errors.InvalidPeriodError: period ends on 2025-01-01 but starts on 2025-03-01: a period is half-open [start, end) and must end after it starts. Swap the dates, or leave end out for an open-ended period.
    """

    start: pendulum.Date = attrs.field(converter=_start_day)
    end: pendulum.Date | None = attrs.field(default=None, converter=_end_day, validator=_check_end)

    @classmethod
    def parse(cls, text: str, *, field: str = "period") -> Period:
        """Read a period from a year, a month, a day or an ISO interval.

        ``"2025"`` is the year, ``"2025-01"`` the month, ``"2025-01-15"`` that
        one day, ``"2025-01-01/2025-03-01"`` the interval with its end day
        excluded, and ``"2025-01-01/.."`` open-ended.

        Raises:
            InvalidPeriodError: for text in none of these forms.
            InvalidDateError: for an impossible day inside it.
        """
        if not isinstance(text, str):
            raise InvalidPeriodError.unreadable(text, field=field)
        raw = text.strip()
        if "/" in raw:
            left, _, right = raw.partition("/")
            start = day_from_iso(left, field=field)
            end = None if right.strip() in ("..", "") else day_from_iso(right, field=field)
            if end is not None and end <= start:
                raise InvalidPeriodError.inverted(start, end, where=f"{field}={text!r}")
            return cls(start, end)
        if match := _ISO_MONTH.match(raw):
            year, month = int(match.group(1)), int(match.group(2))
            if not 1 <= month <= 12:
                raise InvalidDateError.for_value(text, field=field, why="month must be 01 to 12")
            _check_year(year, text, field)
            first = pendulum.Date(year, month, 1)
            if (year, month) == (LAST_DAY.year, LAST_DAY.month):
                return _bounded(text, first, LAST_DAY, field)
            return cls(first, _next_month(first))
        if match := _ISO_YEAR.match(raw):
            year = int(match.group(1))
            _check_year(year, text, field)
            return _bounded(text, pendulum.Date(year, 1, 1), pendulum.Date(year, 12, 31), field)
        if _ISO_DAY.match(raw):
            day = day_from_iso(raw, field=field)
            return _bounded(text, day, day, field)
        raise InvalidPeriodError.unreadable(text, field=field)

    @classmethod
    def of_day(cls, day: object, *, field: str = "day") -> Period:
        """The period of the one day ``day``.

        The last day clausekit can name, 9999-12-31, has no day after it to end
        on: its period is the open-ended one from it, which holds the same days.

        Examples:
            >>> str(Period.of_day("2025-01-15")), str(Period.of_day("9999-12-31"))
            ('2025-01-15/2025-01-16', '9999-12-31/..')
        """
        first = to_day(day, field=field)
        return cls(first, None if first == LAST_DAY else first.add(days=1))

    def __str__(self) -> str:
        return f"{self.start.isoformat()}/{self.end.isoformat() if self.end else '..'}"

    def __contains__(self, day: object) -> bool:
        if not isinstance(day, _dt.date) or isinstance(day, _dt.datetime):
            return False
        return self.start <= day and (self.end is None or day < self.end)

    @property
    def is_open(self) -> bool:
        """True when the period has no end."""
        return self.end is None

    @property
    def days(self) -> int:
        """The number of days in the period.

        Raises:
            InvalidPeriodError: for an open-ended period, which has no count.
        """
        if self.end is None:
            raise InvalidPeriodError(f"Period {self} is open-ended and has no number of days.")
        return (self.end - self.start).days

    @property
    def last_day(self) -> pendulum.Date | None:
        """The last day inside the period (``end`` minus one day), or None if open."""
        return None if self.end is None else self.end.subtract(days=1)

    def overlaps(self, other: Period) -> bool:
        """True when the two periods share at least one day."""
        return self.intersection(other) is not None

    def intersection(self, other: Period) -> Period | None:
        """The days in both periods, or None when they share none."""
        _check_period(other)
        start = max(self.start, other.start)
        ends = [e for e in (self.end, other.end) if e is not None]
        end = min(ends) if ends else None
        if end is not None and end <= start:
            return None
        return Period(start, end)

    def __and__(self, other: Period) -> Period | None:
        return self.intersection(other)

    def contains_period(self, other: Period) -> bool:
        """True when every day of ``other`` lies in this period."""
        _check_period(other)
        if other.start < self.start:
            return False
        if self.end is None:
            return True
        return other.end is not None and other.end <= self.end

    def split(self, points: Iterable[pendulum.Date]) -> tuple[Period, ...]:
        """Cut the period at every point strictly inside it, in order.

        Points outside the period or on its start are ignored, so the pieces
        always cover the period exactly, without gaps or overlaps.
        """
        if not isinstance(points, Iterable):
            raise ArgumentTypeError.for_value(
                points, argument="points", expected="an iterable of days", fix=_POINTS_FIX
            )
        days = {p if type(p) is pendulum.Date else to_day(p, field="points") for p in points}
        cuts = sorted(p for p in days if p in self and p != self.start)
        pieces: list[Period] = []
        start = self.start
        for cut in cuts:
            pieces.append(Period(start, cut))
            start = cut
        pieces.append(Period(start, self.end))
        return tuple(pieces)


_POINTS_FIX = "Pass a list of days, e.g. points=['2025-01-21']."


def _check_period(value: object) -> None:
    check_type(
        value,
        Period,
        argument="other",
        expected="a clausekit.Period",
        fix="Build one with Period('2025-01-01', '2025-02-01') or Period.parse('2025-01').",
    )


def to_period(value: object, *, field: str = "during") -> Period:
    """Coerce a :class:`Period` or a string such as ``"2025-01"`` to a Period.

    Raises:
        InvalidPeriodError: for anything else.
    """
    if isinstance(value, Period):
        return value
    if isinstance(value, str):
        period = _PERIODS.get(value)
        if period is None:
            period = Period.parse(value, field=field)
            if len(_PERIODS) < _CACHE_SIZE:
                _PERIODS[value] = period
        return period
    raise InvalidPeriodError.unreadable(value, field=field)


def _check_latest(
    instance: DateRange, attribute: attrs.Attribute[pendulum.Date], latest: pendulum.Date
) -> None:
    if latest < instance.earliest:
        raise InvalidPeriodError(
            f"DateRange latest={latest} is before earliest={instance.earliest}; "
            "a date range names the first and the last possible day, in that order."
        ).at(field=attribute.name)


@attrs.frozen
class DateRange:
    """A day known only to lie between ``earliest`` and ``latest``, both included.

    Use it for dates a source only implies ("last week"). Comparing a day
    that falls inside the range raises :class:`~clausekit.errors.AmbiguityError`
    instead of guessing.

    Examples:
        >>> r = DateRange("2025-10-27", "2025-10-31")
        >>> r.is_before_or_on(to_day("2025-11-01")), r.is_before_or_on(to_day("2025-10-26"))
        (True, False)
        >>> r.is_before_or_on(to_day("2025-10-29"))
        Traceback (most recent call last):
        ...
        clausekit.errors.AmbiguityError: 2025-10-29 falls inside the uncertain date 2025-10-27..2025-10-31, so clausekit cannot tell whether it is on or after that date. Pin the date with a source, or ask about a day outside the range.
    """

    earliest: pendulum.Date = attrs.field(converter=_earliest_day)
    latest: pendulum.Date = attrs.field(converter=_latest_day, validator=_check_latest)

    def __str__(self) -> str:
        return f"{self.earliest.isoformat()}..{self.latest.isoformat()}"

    def is_before_or_on(self, day: pendulum.Date) -> bool:
        """True if the uncertain date is surely on or before ``day``, False if surely after."""
        day = to_day(day, field="day")
        if self.latest <= day:
            return True
        if day < self.earliest:
            return False
        raise AmbiguityError(
            f"{day.isoformat()} falls inside the uncertain date {self}, so clausekit cannot tell "
            "whether it is on or after that date. Pin the date with a source, or ask about a day "
            "outside the range."
        )
