"""Exact money and rates: py-moneyed ``Money`` with ``Decimal`` amounts, never floats.

Examples:
    >>> from decimal import Decimal
    >>> from clausekit.money import Money, format_money, to_money, to_rate
    >>> to_money(("38000000000", "USD"), field="amount")
    Money('38000000000', 'USD')
    >>> owed = to_money("10000000000 USD", field="revenue").amount * to_rate("0.20", field="rate")
    >>> owed
    Decimal('2000000000.00')
    >>> format_money(Money("2000000000", "USD"))
    'USD 2,000,000,000'
    >>> to_rate(0.2, field="rate")
    Traceback (most recent call last):
    ...
    clausekit.errors.InvalidRateError: rate=0.2 is not a rate: a rate is an exact decimal between 0 and 1 (20 % is Decimal('0.20') or '0.20').
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from moneyed import Currency, CurrencyDoesNotExist, Money, get_currency

from clausekit.errors import CurrencyMismatchError, InvalidAmountError, InvalidRateError

__all__ = [
    "Money",
    "check_same_currency",
    "format_money",
    "format_rate",
    "to_money",
    "to_rate",
]


def _currency(code: object, *, field: str) -> Currency:
    try:
        return get_currency(str(code).upper())
    except (CurrencyDoesNotExist, ValueError, TypeError):
        raise InvalidAmountError(
            f"{field} has currency {code!r}, which is not an ISO 4217 code; use one such as "
            "'USD', 'EUR' or 'GBP'."
        ) from None


def _decimal(value: object, *, field: str) -> Decimal:
    if isinstance(value, float):
        raise InvalidAmountError.inexact(value, field=field)
    if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
        raise InvalidAmountError.unreadable(value, field=field)
    try:
        amount = Decimal(str(value).replace("_", "").strip())
    except InvalidOperation:
        raise InvalidAmountError.unreadable(value, field=field) from None
    if not amount.is_finite():
        raise InvalidAmountError.unreadable(value, field=field)
    return amount


def to_money(value: object, *, field: str, nonnegative: bool = True) -> Money:
    """Coerce ``value`` to an exact :class:`Money`.

    Accepts a ``Money``, a pair ``(amount, currency)``, a mapping
    ``{"amount": ..., "currency": ...}`` or a string ``"38000000000 USD"``;
    the amount as a string, ``int`` or ``Decimal``, never a float.

    Args:
        value: the amount to coerce.
        field: the argument name, for error messages.
        nonnegative: refuse amounts below zero (the default).

    Raises:
        InvalidAmountError: for floats, unreadable values, unknown currencies
            and (unless allowed) negative amounts.
    """
    if isinstance(value, Money):
        amount, currency = value.amount, value.currency
    elif isinstance(value, tuple) and len(value) == 2:
        amount, currency = _decimal(value[0], field=field), _currency(value[1], field=field)
    elif isinstance(value, dict) and set(value) == {"amount", "currency"}:
        amount = _decimal(value["amount"], field=field)
        currency = _currency(value["currency"], field=field)
    elif isinstance(value, str) and len(value.split()) == 2:
        text_amount, code = value.split()
        amount, currency = _decimal(text_amount, field=field), _currency(code, field=field)
    else:
        raise InvalidAmountError.unreadable(value, field=field)
    if nonnegative and amount < 0:
        raise InvalidAmountError.negative(format_money(Money(amount, currency)), field=field)
    return Money(amount, currency)


def to_rate(value: object, *, field: str) -> Decimal:
    """Coerce ``value`` to an exact rate in ``[0, 1]``.

    Raises:
        InvalidRateError: for floats, unreadable values and values outside [0, 1].
    """
    if isinstance(value, (float, bool)):
        raise InvalidRateError.for_value(value, field=field)
    try:
        rate = Decimal(str(value).strip()) if isinstance(value, (str, int, Decimal)) else None
    except InvalidOperation:
        rate = None
    if rate is None or not rate.is_finite() or not Decimal(0) <= rate <= Decimal(1):
        raise InvalidRateError.for_value(value, field=field)
    return rate


def check_same_currency(a: Money, b: Money, *, where: str) -> None:
    """Raise :class:`CurrencyMismatchError` unless ``a`` and ``b`` share a currency."""
    if a.currency != b.currency:
        raise CurrencyMismatchError.between(format_money(a), format_money(b), where=where)


def format_money(value: Money) -> str:
    """Render money the same way on every machine: ``USD 2,000,000,000``.

    Independent of the locale: digits are grouped by commas, the ISO code
    comes first, and cents appear only when the amount has them.
    """
    amount: Decimal = value.amount
    if amount == amount.to_integral_value():
        text = f"{amount.quantize(Decimal(1)):,}"
    else:
        text = f"{amount.normalize():,f}"
    return f"{value.currency.code} {text}"


def format_rate(rate: Decimal) -> str:
    """Render a rate as a percentage: ``Decimal('0.2')`` → ``'20 %'``.

    Examples:
        >>> format_rate(Decimal("0.2")), format_rate(Decimal("0.125"))
        ('20 %', '12.5 %')
    """
    percent = (rate * 100).normalize()
    return f"{percent:f} %"
