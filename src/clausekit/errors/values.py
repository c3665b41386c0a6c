"""Values that are not what they should be: days, periods, money amounts, rates, currencies."""

from __future__ import annotations

from collections.abc import Sequence

from clausekit.errors.base import ClauseKitError, shown


class _Valued(Exception):
    """Carries the offending value and where it was given, as attributes.

    Attributes:
        value: the value as the caller gave it.
        field: the argument or field it was given as (``"on"``, ``"Money.amount"``).
    """

    def __init__(self, message: str, *, value: object = None, field: str = "") -> None:
        super().__init__(message)
        self.value = value
        self.field = field


class InvalidDateError(_Valued, ClauseKitError, ValueError):
    """A value that should name a calendar day does not name one."""

    @classmethod
    def for_value(cls, value: object, *, field: str, why: str | None = None) -> InvalidDateError:
        reason = f": {why}" if why else ""
        return cls(
            f"{field}={shown(value)} is not a calendar day{reason}. "
            "Pass an ISO date such as '2025-01-15'.",
            value=value,
            field=field,
        )


class NotADayError(_Valued, ClauseKitError, TypeError):
    """A timestamp, or a value of another type, was given where a calendar day is needed."""

    @classmethod
    def for_datetime(cls, value: object, *, field: str) -> NotADayError:
        return cls(
            f"{field}={shown(value)} is a date and time, but clausekit answers per calendar day. "
            f"Pass a calendar day instead, e.g. {field}={str(value)[:10]!r}.",
            value=value,
            field=field,
        )

    @classmethod
    def for_type(cls, value: object, *, field: str) -> NotADayError:
        return cls(
            f"Expected a calendar day for {field} (a pendulum.Date, a datetime.date or an ISO "
            f"string like '2025-01-15') but got {type(value).__name__} {field}={shown(value)}.",
            value=value,
            field=field,
        )


class InvalidPeriodError(_Valued, ClauseKitError, ValueError):
    """A period is empty, inverted, or written in a form clausekit does not read."""

    @classmethod
    def inverted(cls, start: object, end: object, *, where: str = "period") -> InvalidPeriodError:
        return cls(
            f"{where} ends on {end} but starts on {start}: a period is half-open [start, end) and "
            "must end after it starts. Swap the dates, or leave end out for an open-ended period.",
            value=end,
            field=where,
        )

    @classmethod
    def past_last_day(cls, text: str, first: object, *, field: str) -> InvalidPeriodError:
        flag = field.startswith("--")  # the command line: suggest its options
        on = "--on 9999-12-31" if flag else "on='9999-12-31'"
        during = f"--during {first}/9999-12-31" if flag else f"during='{first}/9999-12-31'"
        before = "" if str(first) == "9999-12-31" else f", or {during} before it"
        return cls(
            f"{field}={text!r} reaches 9999-12-31, the last day clausekit can name; a period "
            f"ends on the day after its last day, and there is none. Ask {on} about "
            f"that day{before}.",
            value=text,
            field=field,
        )

    @classmethod
    def unreadable(cls, value: object, *, field: str) -> InvalidPeriodError:
        return cls(
            f"{field}={shown(value)} does not name a period. Use a year ('2025'), a month ('2025-01'), "
            "a day ('2025-01-15'), an ISO interval ('2025-01-01/2025-03-01', end excluded, "
            "or '2025-01-01/..' for open-ended) or a clausekit.Period.",
            value=value,
            field=field,
        )


class CurrencyMismatchError(ClauseKitError, ValueError):
    """Two amounts in different currencies were combined.

    Attributes:
        amounts: the two amounts (or their text).
        where: what combined them (``"clause 'rs' cap"``).
    """

    def __init__(self, message: str, *, amounts: Sequence[object] = (), where: str = "") -> None:
        super().__init__(message)
        self.amounts = tuple(amounts)
        self.where = where

    @classmethod
    def between(cls, a: object, b: object, *, where: str) -> CurrencyMismatchError:
        return cls(
            f"{where}: cannot combine {a} with {b}, their currencies differ. "
            "Convert one amount first; clausekit never assumes an exchange rate.",
            amounts=(a, b),
            where=where,
        )


class InvalidAmountError(_Valued, ClauseKitError, ValueError):
    """A money amount that is not exact, negative where that makes no sense, or unreadable."""

    @classmethod
    def negative(cls, value: object, *, field: str) -> InvalidAmountError:
        return cls(
            f"{field}={value} is negative; it must be zero or more.", value=value, field=field
        )

    @classmethod
    def inexact(cls, value: object, *, field: str, currency: object = "USD") -> InvalidAmountError:
        example = f"Money('{value}', '{currency}')"
        if not field.startswith("Money."):
            example = f"{field}={example}"
        return cls(
            f"{field}={shown(value)} is a float; money must be exact. "
            f"Pass a string or Decimal instead, e.g. {example}.",
            value=value,
            field=field,
        )

    @classmethod
    def unreadable(cls, value: object, *, field: str) -> InvalidAmountError:
        return cls(
            f"Expected money for {field} (a clausekit.Money, or amount and currency such as "
            f"('38000000000', 'USD')) but got {type(value).__name__} {field}={shown(value)}.",
            value=value,
            field=field,
        )

    @classmethod
    def not_finite(cls, value: object, *, field: str) -> InvalidAmountError:
        return cls(
            f"{field}={shown(value)} is not a finite number; money is an exact, finite amount. "
            f"Write the amount in digits, e.g. {field.rpartition('.')[2]}='38000000000'.",
            value=value,
            field=field,
        )

    @classmethod
    def too_long(cls, value: object, *, field: str, digits: int, limit: int) -> InvalidAmountError:
        return cls(
            f"{field}={shown(value)} has {digits} digits written out; clausekit handles amounts of at "
            f"most {limit} digits. Write the amount in a larger unit, or with fewer digits.",
            value=value,
            field=field,
        )

    @classmethod
    def currency(cls, value: object, *, field: str) -> InvalidAmountError:
        return cls(
            f"{field} has currency {shown(value)}, which is not an ISO 4217 code; use one such as "
            "'USD', 'EUR' or 'GBP'.",
            value=value,
            field=field,
        )


class InvalidRateError(_Valued, ClauseKitError, ValueError):
    """A rate outside [0, 1], or not an exact decimal."""

    @classmethod
    def for_value(cls, value: object, *, field: str) -> InvalidRateError:
        return cls(
            f"{field}={shown(value)} is not a rate: a rate is an exact decimal between 0 and 1 "
            f"(20 % is Decimal('0.20') or '0.20').",
            value=value,
            field=field,
        )

    @classmethod
    def too_long(cls, value: object, *, field: str, digits: int, limit: int) -> InvalidRateError:
        return cls(
            f"{field}={shown(value)} has {digits} digits written out; clausekit handles rates of at "
            f"most {limit} digits. Round the rate to the precision the contract states.",
            value=value,
            field=field,
        )
