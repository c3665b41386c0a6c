"""Exact money and rates."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given

from clausekit import testing as ckst
from clausekit.errors import InvalidAmountError, InvalidRateError
from clausekit.money import Money, format_money, format_rate, to_money, to_rate


class TestToMoney:
    @pytest.mark.parametrize(
        "value",
        [
            Money("38000000000", "USD"),
            ("38000000000", "USD"),
            ("38_000_000_000", "usd"),
            {"amount": "38000000000", "currency": "USD"},
            "38000000000 USD",
            (38000000000, "USD"),
        ],
    )
    def test_forms(self, value: object) -> None:
        """Every accepted form gives the same exact amount."""
        money = to_money(value, field="amount")
        assert money == Money(Decimal("38000000000"), "USD")
        assert isinstance(money.amount, Decimal)

    @pytest.mark.parametrize(
        ("value", "fragment"),
        [
            ((0.1, "USD"), "is a float; money must be exact"),
            (("-5", "USD"), "is negative"),
            (("5", "XXY"), "not an ISO 4217 code"),
            (("five", "USD"), "Expected money"),
            (5, "Expected money"),
            (("NaN", "USD"), "is not a finite number"),
        ],
    )
    def test_refuses(self, value: object, fragment: str) -> None:
        """Floats, negatives, unknown currencies and unreadable values raise with the value."""
        with pytest.raises(InvalidAmountError, match=fragment):
            to_money(value, field="amount")

    def test_negative_allowed_when_asked(self) -> None:
        """Negative amounts pass when the caller opts in."""
        assert to_money(("-5", "EUR"), field="x", nonnegative=False).amount == Decimal(-5)


class TestRates:
    @pytest.mark.parametrize("value", ["0", "0.20", Decimal("0.2"), 1, "1"])
    def test_valid(self, value: object) -> None:
        """Rates between 0 and 1 are exact decimals."""
        assert Decimal(0) <= to_rate(value, field="rate") <= Decimal(1)

    @pytest.mark.parametrize("value", [0.2, "1.5", "-0.1", "20%", True, None, "inf"])
    def test_invalid(self, value: object) -> None:
        """Floats, values outside [0, 1] and text raise and explain how to write 20 %."""
        with pytest.raises(InvalidRateError, match="exact decimal between 0 and 1"):
            to_rate(value, field="rate")

    @given(ckst.rates(), ckst.money())
    def test_share_is_exact(self, rate: Decimal, amount: Money) -> None:
        """A share of an amount is exact Decimal arithmetic, never float."""
        share = amount.amount * rate
        assert isinstance(share, Decimal)
        assert share == Decimal(str(amount.amount)) * Decimal(str(rate))


class TestFormatting:
    def test_format_is_locale_free(self) -> None:
        """Amounts render the same everywhere: ISO code first, comma groups, cents only if any."""
        assert format_money(Money("2000000000", "USD")) == "USD 2,000,000,000"
        assert format_money(Money("12.5", "EUR")) == "EUR 12.5"
        assert format_rate(Decimal("0.125")) == "12.5 %"
