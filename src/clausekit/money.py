"""Exact, immutable money and rates: ``Decimal`` amounts, never floats.

:class:`Money` is a frozen value (an amount and an ISO 4217 code) that no one
can change after construction. py-moneyed stays the arithmetic and the
currency list behind it: sums and products are py-moneyed's, converted at the
boundary and run in clausekit's own decimal context, with enough precision for
the operands, so nothing rounds silently and the caller's
``decimal.localcontext()`` changes no answer. Rounding happens only for
display.

Examples:
    >>> from decimal import Decimal
    >>> from clausekit.money import Money, format_money, to_money, to_rate
    >>> to_money(("38000000000", "USD"), field="amount")
    Money('38000000000', 'USD')
    >>> owed = to_money("10000000000 USD", field="revenue") * to_rate("0.20", field="rate")
    >>> owed
    Money('2000000000.00', 'USD')
    >>> print(owed)
    USD 2,000,000,000
    >>> Money("12345678901234567890123456.78", "USD") * Decimal("0.123")
    Money('1518518504851851850485185.18394', 'USD')
    >>> to_rate(0.2, field="rate")
    Traceback (most recent call last):
    ...
    clausekit.errors.InvalidRateError: rate=0.2 is not a rate: a rate is an exact decimal between 0 and 1 (20 % is Decimal('0.20') or '0.20').
"""

from __future__ import annotations

import decimal
import sys
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, cast

import attrs

from clausekit._checks import check_type
from clausekit.errors import CurrencyMismatchError, InvalidAmountError, InvalidRateError

if TYPE_CHECKING:
    import moneyed

__all__ = [
    "MAX_DIGITS",
    "Money",
    "check_same_currency",
    "exact",
    "format_money",
    "format_rate",
    "to_money",
    "to_rate",
]

MAX_DIGITS = 1000
"""The most digits an amount or a rate may have, written out in full (``1E+3`` is 4)."""


def _width(value: Decimal) -> int:
    """How many digits ``value`` has written out in full, without exponent."""
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)  # only finite values get here
    return max(len(digits) + exponent, 1) + max(-exponent, 0)


def exact(*operands: Decimal) -> decimal.Context:
    """A decimal context wide enough to add or multiply ``operands`` without rounding.

    Independent of the caller's context; any rounding it would still need
    raises :class:`decimal.Inexact` instead of happening silently.

    Examples:
        >>> import decimal
        >>> a, b = Decimal("12345678901234567890123456.78"), Decimal("0.123")
        >>> with decimal.localcontext(exact(a, b)):
        ...     a * b
        Decimal('1518518504851851850485185.18394')
    """
    return decimal.Context(
        prec=sum(_width(v) for v in operands) + 2,
        rounding=decimal.ROUND_HALF_EVEN,
        Emin=decimal.MIN_EMIN,
        Emax=decimal.MAX_EMAX,
        traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow, decimal.Inexact],
    )


def _decimal(value: object, *, field: str, currency: object = "USD") -> Decimal:
    """An exact, finite amount from a str, int or Decimal; floats and others are refused."""
    if isinstance(value, float):
        raise InvalidAmountError.inexact(value, field=field, currency=currency)
    if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
        raise InvalidAmountError.unreadable(value, field=field)
    try:
        if isinstance(value, str):
            amount = Decimal(value.replace("_", "").strip())
        else:
            amount = Decimal(value)  # an int of any length: no detour through str()
    except (InvalidOperation, ValueError):
        raise InvalidAmountError.unreadable(value, field=field) from None
    if not amount.is_finite():
        raise InvalidAmountError.not_finite(value, field=field)
    if _width(amount) > MAX_DIGITS:
        raise InvalidAmountError.too_long(
            amount, field=field, digits=_width(amount), limit=MAX_DIGITS
        )
    if amount.is_zero() and amount.is_signed():
        amount = amount.copy_abs()  # "-0" is zero: it prints and compares as "0"
    return amount


def _is_moneyed(value: object, name: str) -> bool:
    """Whether ``value`` is py-moneyed's ``name`` class (only possible once it is imported).

    py-moneyed (and Babel with it) is imported on first use, where a currency is
    looked up or a sum is made, not by ``import clausekit``.
    """
    module = sys.modules.get("moneyed")
    return module is not None and isinstance(value, getattr(module, name))


def _code(value: object, *, field: str) -> str:
    """The ISO 4217 code of ``value`` (a code in any case, or a py-moneyed ``Currency``)."""
    if _is_moneyed(value, "Currency"):
        return cast("moneyed.Currency", value).code
    if not isinstance(value, str):
        raise InvalidAmountError.currency(value, field=field)
    from moneyed import CurrencyDoesNotExist, get_currency

    try:
        return get_currency(value.strip().upper()).code
    except (CurrencyDoesNotExist, ValueError):
        raise InvalidAmountError.currency(value, field=field) from None


@attrs.frozen(eq=True, order=False, repr=False, init=False)
class Money:
    """An exact amount of money in one currency; immutable and hashable.

    ``Money("10000000000", "USD")``: the amount as a string, ``int`` or
    ``Decimal`` (never a float), the currency as an ISO 4217 code. Sums,
    differences and products by an exact number are exact; amounts in two
    currencies never combine or compare.

    Attributes:
        amount: the exact amount, a ``Decimal`` as given (``"-0"`` becomes ``0``).
        currency: the ISO 4217 code, upper case (``"USD"``).

    Examples:
        >>> from decimal import Decimal
        >>> cap = Money("100", "usd")
        >>> cap.amount, cap.currency
        (Decimal('100'), 'USD')
        >>> cap + Money("0.50", "USD"), cap * Decimal("0.2"), cap > Money(99, "USD")
        (Money('100.50', 'USD'), Money('20.0', 'USD'), True)
        >>> cap.amount = Decimal(5)
        Traceback (most recent call last):
        ...
        attr.exceptions.FrozenInstanceError: can't set attribute
        >>> Money(0.3, "USD")
        Traceback (most recent call last):
        ...
        clausekit.errors.InvalidAmountError: Money.amount=0.3 is a float; money must be exact. Pass a string or Decimal instead, e.g. Money('0.3', 'USD').
    """

    amount: Decimal
    currency: str

    def __init__(self, amount: Decimal | int | str, currency: str | moneyed.Currency) -> None:
        code = _code(currency, field="Money.currency")
        object.__setattr__(self, "amount", _decimal(amount, field="Money.amount", currency=code))
        object.__setattr__(self, "currency", code)

    # ------------------------------------------------------------ the py-moneyed boundary

    @classmethod
    def of(cls, value: moneyed.Money) -> Money:
        """The immutable twin of a py-moneyed ``Money``."""
        return cls(value.amount, value.currency.code)

    def to_moneyed(self) -> moneyed.Money:
        """A (mutable) py-moneyed ``Money`` with the same amount and currency."""
        from moneyed import Money as MoneyedMoney

        return MoneyedMoney(self.amount, self.currency)

    def _combine(self, other: Money, op: str) -> Money:
        if self.currency != other.currency:
            raise CurrencyMismatchError.between(self, other, where=f"Money {op}")
        with decimal.localcontext(exact(self.amount, other.amount)):
            mine, theirs = self.to_moneyed(), other.to_moneyed()
            result = mine + theirs if op == "+" else mine - theirs
        return Money.of(result)

    # ------------------------------------------------------------ arithmetic

    def __add__(self, other: object) -> Money:
        if type(other) is int and other == 0:  # sum() starts from 0, as with py-moneyed
            return self
        if not isinstance(other, Money):
            return NotImplemented
        return self._combine(other, "+")

    __radd__ = __add__

    def __sub__(self, other: object) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return self._combine(other, "-")

    def __mul__(self, other: object) -> Money:
        if isinstance(other, Money) or not isinstance(other, (int, Decimal)):
            return NotImplemented
        factor = _decimal(other, field="factor", currency=self.currency)
        with decimal.localcontext(exact(self.amount, factor)):
            return Money.of(self.to_moneyed() * factor)

    __rmul__ = __mul__

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __bool__(self) -> bool:
        return not self.amount.is_zero()

    @classmethod
    def total(cls, amounts: Iterable[Money], currency: str | moneyed.Currency) -> Money:
        """The exact sum of ``amounts``, all in ``currency`` (zero for none).

        Examples:
            >>> Money.total([Money("1.25", "EUR"), Money("2", "EUR")], "EUR")
            Money('3.25', 'EUR')
        """
        result = cls(0, currency)
        check_type(
            amounts,
            Iterable,
            argument="amounts",
            expected="an iterable of clausekit.Money",
            fix="Pass a list such as [Money('1', 'USD'), Money('2', 'USD')].",
        )
        for index, amount in enumerate(amounts):
            _check_money(amount, f"amounts[{index}]")
            result += amount
        return result

    # ------------------------------------------------------------ comparison

    def _order(self, other: object, where: str) -> tuple[Decimal, Decimal] | None:
        if not isinstance(other, Money):
            return None
        if self.currency != other.currency:
            raise CurrencyMismatchError.between(self, other, where=f"comparing with {where}")
        return self.amount, other.amount

    def __lt__(self, other: object) -> bool:
        pair = self._order(other, "<")
        return NotImplemented if pair is None else pair[0] < pair[1]

    def __le__(self, other: object) -> bool:
        pair = self._order(other, "<=")
        return NotImplemented if pair is None else pair[0] <= pair[1]

    def __gt__(self, other: object) -> bool:
        pair = self._order(other, ">")
        return NotImplemented if pair is None else pair[0] > pair[1]

    def __ge__(self, other: object) -> bool:
        pair = self._order(other, ">=")
        return NotImplemented if pair is None else pair[0] >= pair[1]

    # ------------------------------------------------------------ text

    def __repr__(self) -> str:
        return f"Money({str(self.amount)!r}, {self.currency!r})"

    def __str__(self) -> str:
        return format_money(self)

    def __format__(self, spec: str) -> str:
        return format_money(self) if not spec else format(str(self), spec)


def _check_money(value: object, argument: str) -> None:
    check_type(
        value,
        Money,
        argument=argument,
        expected="a clausekit.Money",
        fix="Build one with Money('38000000000', 'USD') or to_money(...).",
    )


def to_money(value: object, *, field: str, nonnegative: bool = True) -> Money:
    """Coerce ``value`` to an exact :class:`Money`.

    Accepts a ``Money`` (clausekit's or py-moneyed's), a pair
    ``(amount, currency)``, a mapping ``{"amount": ..., "currency": ...}`` or a
    string ``"38000000000 USD"``; the amount as a string, ``int`` or
    ``Decimal``, never a float.

    Args:
        value: the amount to coerce.
        field: the argument name, for error messages.
        nonnegative: refuse amounts below zero (the default).

    Raises:
        InvalidAmountError: for floats, unreadable values, unknown currencies
            and (unless allowed) negative amounts.
    """
    if isinstance(value, Money):
        money = value
    elif _is_moneyed(value, "Money"):
        value = cast("moneyed.Money", value)
        money = Money(_decimal(value.amount, field=field), value.currency.code)
    elif isinstance(value, tuple) and len(value) == 2:
        currency = _code(value[1], field=field)
        money = Money(_decimal(value[0], field=field, currency=currency), currency)
    elif isinstance(value, dict) and set(value) == {"amount", "currency"}:
        currency = _code(value["currency"], field=field)
        money = Money(_decimal(value["amount"], field=field, currency=currency), currency)
    elif isinstance(value, str) and len(value.split()) == 2:
        text_amount, code = value.split()
        currency = _code(code, field=field)
        money = Money(_decimal(text_amount, field=field, currency=currency), currency)
    else:
        raise InvalidAmountError.unreadable(value, field=field)
    if nonnegative and money.amount < 0:
        raise InvalidAmountError.negative(format_money(money), field=field)
    return money


def to_rate(value: object, *, field: str) -> Decimal:
    """Coerce ``value`` to an exact rate in ``[0, 1]``.

    Raises:
        InvalidRateError: for floats, unreadable values and values outside [0, 1].
    """
    if isinstance(value, (float, bool)):
        raise InvalidRateError.for_value(value, field=field)
    try:
        rate = Decimal(value.strip()) if isinstance(value, str) else None
        if isinstance(value, (int, Decimal)):
            rate = Decimal(value)
    except InvalidOperation:
        rate = None
    if rate is None or not rate.is_finite() or not Decimal(0) <= rate <= Decimal(1):
        raise InvalidRateError.for_value(value, field=field)
    if _width(rate) > MAX_DIGITS:
        raise InvalidRateError.too_long(rate, field=field, digits=_width(rate), limit=MAX_DIGITS)
    return rate.copy_abs() if rate.is_zero() else rate


def check_same_currency(a: Money, b: Money, *, where: str) -> None:
    """Raise :class:`CurrencyMismatchError` unless ``a`` and ``b`` share a currency."""
    _check_money(a, "a")
    _check_money(b, "b")
    if a.currency != b.currency:
        raise CurrencyMismatchError.between(format_money(a), format_money(b), where=where)


def format_money(value: Money, *, places: int | None = None) -> str:
    """Render money the same way on every machine: ``USD 2,000,000,000``.

    Independent of the locale and of the decimal context: digits are grouped
    by commas, the ISO code comes first, and decimals appear only when the
    amount has them. Every digit is shown unless ``places`` asks to round
    (half to even) for display.

    Examples:
        >>> format_money(Money("1518518504851851850485185.18394", "USD"), places=2)
        'USD 1,518,518,504,851,851,850,485,185.18'
        >>> format_money(Money("-0.00", "EUR"))
        'EUR 0'
    """
    _check_money(value, "value")
    if places is not None:
        check_type(places, int, argument="places", expected="a whole number", fix="e.g. places=2.")
    amount: Decimal = value.amount
    context = exact(amount) if places is None else exact(amount, Decimal(1).scaleb(-places))
    context.traps[decimal.Inexact] = False  # only display rounding (places) may round
    with decimal.localcontext(context):
        if places is not None:
            amount = amount.quantize(Decimal(1).scaleb(-places))
        if amount == amount.to_integral_value():
            text = f"{amount.quantize(Decimal(1)):,}"
        else:
            text = f"{amount.normalize():,f}"
    if text.startswith("-") and amount.is_zero():
        text = text[1:]
    return f"{value.currency} {text}"


def format_rate(rate: Decimal) -> str:
    """Render a rate as a percentage: ``Decimal('0.2')`` → ``'20 %'``.

    Exact, whatever the caller's decimal context.

    Examples:
        >>> format_rate(Decimal("0.2")), format_rate(Decimal("0.125"))
        ('20 %', '12.5 %')
    """
    check_type(rate, Decimal, argument="rate", expected="a Decimal", fix="Use to_rate('0.20').")
    with decimal.localcontext(exact(rate, Decimal(100))):
        percent = (rate * 100).normalize()
    return f"{percent:f} %"
