"""Exact money and rates."""

from __future__ import annotations

import copy
import decimal
import pickle
import re
from decimal import Decimal
from typing import Any

import moneyed
import pytest
from hypothesis import given
from hypothesis import strategies as st

import clausekit as ck
from clausekit import testing as ckst
from clausekit.errors import (
    ArgumentTypeError,
    CurrencyMismatchError,
    InvalidAmountError,
    InvalidRateError,
)
from clausekit.money import (
    MAX_DIGITS,
    Money,
    check_same_currency,
    format_money,
    format_rate,
    to_money,
    to_rate,
)


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


class TestImmutable:
    """A Money amount cannot change after construction (issue 10, item 4)."""

    @pytest.mark.parametrize("field", ["amount", "currency", "other"])
    def test_assignment_to_any_attribute_raises(self, field: str) -> None:
        """Setting an attribute, existing or new, raises and leaves the value as it was."""
        money = Money("10000000000", "USD")
        with pytest.raises(AttributeError):
            setattr(money, field, Decimal(5))
        assert money == Money("10000000000", "USD")
        assert not hasattr(money, "__dict__")

    def test_deleting_an_attribute_raises(self) -> None:
        """Deleting an attribute raises too."""
        money = Money("1", "EUR")
        with pytest.raises(AttributeError):
            del money.amount

    @given(ckst.money())
    def test_hash_is_stable(self, money: Money) -> None:
        """The hash depends on the value only, and equal values hash alike."""
        before = hash(money)
        twin = Money(str(money.amount), money.currency.lower())
        assert hash(twin) == before == hash(money)
        assert {money: 1}[twin] == 1

    def test_a_clause_cannot_be_changed_through_its_money(self) -> None:
        """The case of the issue: a frozen RevenueShare's cap no longer changes its hash."""
        rs = ck.RevenueShare(
            id="rs",
            title="RS",
            evidence=[
                ck.OutsideSource(
                    url="https://example.org/x", title="X", published="2020-01-01", gloss="g"
                )
            ],
            payer="Acme",
            payee="Beta",
            cap=("100", "USD"),
        )
        before = hash(rs)
        with pytest.raises(AttributeError):
            rs.cap.amount = Decimal(5)  # type: ignore[misc, union-attr]
        assert hash(rs) == before
        assert rs.cap == Money("100", "USD")

    @given(st.from_type(Money))
    def test_from_type_draws_valid_money(self, money: Money) -> None:
        """st.from_type(ck.Money) draws through clausekit.testing.money()."""
        assert isinstance(money, Money)
        assert money == Money(str(money.amount), money.currency)

    @given(ckst.money())
    def test_pickles_and_copies(self, money: Money) -> None:
        """Pickling and copying give an equal value (portfolios send amounts to workers)."""
        assert pickle.loads(pickle.dumps(money)) == money
        assert copy.deepcopy(money) == money


class TestTheValue:
    def test_constructor_amount_and_currency(self) -> None:
        """``Money(amount, code)``: a Decimal amount as given and an upper-case ISO code."""
        money = Money("10000000000", "usd")
        assert money.amount == Decimal("10000000000")
        assert isinstance(money.amount, Decimal)
        assert money.currency == "USD"
        assert Money(amount="2.50", currency="EUR") == Money(Decimal("2.5"), "EUR")

    def test_repr_and_str(self) -> None:
        """repr() rebuilds the value; str() and format() are locale-free display text."""
        money = Money("2000000000.00", "USD")
        assert repr(money) == "Money('2000000000.00', 'USD')"
        assert eval(repr(money), {"Money": Money}) == money
        assert str(money) == f"{money}" == "USD 2,000,000,000"
        assert f"{Money('12.5', 'EUR'):>10}" == "  EUR 12.5"

    def test_py_moneyed_at_the_boundary(self) -> None:
        """A py-moneyed Money converts both ways, and to_money accepts one."""
        theirs = moneyed.Money("12.50", "EUR")
        assert Money.of(theirs) == Money("12.50", "EUR")
        assert to_money(theirs, field="x") == Money("12.50", "EUR")
        back = Money("12.50", "EUR").to_moneyed()
        assert isinstance(back, moneyed.Money)
        assert back == theirs

    def test_currency_object_is_accepted(self) -> None:
        """A py-moneyed Currency stands for its code."""
        assert Money("1", moneyed.get_currency("JPY")).currency == "JPY"

    def test_arithmetic_is_exact_money(self) -> None:
        """Sums, differences and products by an exact number are Money, exactly."""
        a, b = Money("0.10", "USD"), Money("0.20", "USD")
        assert a + b == Money("0.30", "USD")
        assert b - a == Money("0.10", "USD")
        assert a * 3 == 3 * a == Money("0.30", "USD")
        assert a * Decimal("0.5") == Money("0.05", "USD")
        assert -a == Money("-0.10", "USD")
        assert sum([a, b]) == Money("0.30", "USD")
        assert Money.total([a, b, a], "USD") == Money("0.40", "USD")
        assert Money.total([], "EUR") == Money("0", "EUR")

    def test_floats_never_mix_in(self) -> None:
        """Multiplying by a float, or adding a number, is a TypeError, not a rounded answer."""
        with pytest.raises(TypeError):
            Money("1", "USD") * 0.5  # type: ignore[operator]
        with pytest.raises(TypeError):
            Money("1", "USD") + Decimal(1)  # type: ignore[operator]

    def test_currencies_never_combine_or_compare(self) -> None:
        """Adding or ordering two currencies raises; equality is simply False."""
        usd, eur = Money("1", "USD"), Money("1", "EUR")
        with pytest.raises(CurrencyMismatchError, match="Convert one amount first"):
            usd + eur
        with pytest.raises(CurrencyMismatchError):
            usd < eur  # noqa: B015
        assert usd != eur

    def test_ordering(self) -> None:
        """Amounts in one currency order by value, whatever their exponent."""
        assert Money("1.0", "USD") == Money("1", "USD")
        assert Money("2", "USD") > Money("1.99", "USD") >= Money("1.990", "USD")
        assert sorted([Money("3", "USD"), Money("1", "USD")])[0] == Money("1", "USD")

    def test_truthiness_is_non_zero(self) -> None:
        """As with py-moneyed, zero is falsy."""
        assert not Money("0.00", "USD")
        assert Money("0.01", "USD")


class TestExact:
    """DESIGN point 10: exact arithmetic in its own context; rounding only for display."""

    REVENUE = "12345678901234567890123456.78"
    EXACT = Decimal("1518518504851851850485185.18394")

    def test_share_of_a_large_revenue_is_exact(self) -> None:
        """Rate 0.123 on a 28-digit revenue keeps every digit (once rounded to 28)."""
        owed = Money(self.REVENUE, "USD") * to_rate("0.123", field="rate")
        assert owed.amount == self.EXACT

    @pytest.mark.parametrize("prec", [1, 5, 28])
    def test_caller_context_changes_no_answer(self, prec: int) -> None:
        """Under decimal.localcontext(prec=5) the same question gives the same amount."""
        with decimal.localcontext(prec=prec, rounding=decimal.ROUND_FLOOR):
            owed = Money(self.REVENUE, "USD") * Decimal("0.123")
            total = Money.total([owed, Money("0.00001", "USD")], "USD")
            text = format_money(owed)
            rate = format_rate(Decimal("0.12345678"))
        assert owed.amount == self.EXACT
        assert total.amount == Decimal("1518518504851851850485185.18395")
        assert text == "USD 1,518,518,504,851,851,850,485,185.18394"
        assert rate == "12.345678 %"

    def test_revenue_share_through_the_agreement(self) -> None:
        """The agreement's revenue_share is exact under a narrow caller context too."""
        deal = ck.models.openai_microsoft()
        rate = ck.Scenario(ck.AssumedRate("revenue-share-openai-to-microsoft", "0.123"))
        revenue = Money(self.REVENUE, "USD")
        with decimal.localcontext(prec=5):
            owed = deal.revenue_share("OpenAI", revenue=revenue, during="2025", scenario=rate)
            text = owed.explain()
        assert owed.amount == Money(self.EXACT, "USD")
        assert "USD 1,518,518,504,851,851,850,485,185.18394" in text

    @given(ckst.money(), ckst.rates())
    def test_product_equals_integer_arithmetic(self, money: Money, rate: Decimal) -> None:
        """A share is the exact product: checked against integer arithmetic on the digits."""
        owed = money * rate
        (_, a, ea), (_, b, eb) = money.amount.as_tuple(), rate.as_tuple()
        coefficient = int("".join(map(str, a)) or "0") * int("".join(map(str, b)) or "0")
        assert isinstance(ea, int)
        assert isinstance(eb, int)
        assert owed.amount == Decimal(coefficient).scaleb(ea + eb, decimal.Context(prec=100))

    def test_display_rounds_only_when_asked(self) -> None:
        """format_money shows every digit; places= rounds half to even, for display only."""
        money = Money(self.EXACT, "USD")
        assert format_money(money) == "USD 1,518,518,504,851,851,850,485,185.18394"
        assert format_money(money, places=2) == "USD 1,518,518,504,851,851,850,485,185.18"
        assert format_money(Money("0.125", "EUR"), places=2) == "EUR 0.12"
        assert money.amount == self.EXACT

    @pytest.mark.parametrize("text", ["-0", "-0.00", "-0E+3"])
    def test_negative_zero_is_zero(self, text: str) -> None:
        """ "-0" is zero: it prints as 0 and has no sign."""
        money = to_money((text, "USD"), field="amount")
        assert str(money) == "USD 0"
        assert not money.amount.is_signed()
        assert format_money(Money("-0.001", "USD"), places=2) == "USD 0"

    def test_thirty_digit_cap_displays(self) -> None:
        """A 30-digit cap renders in summary(), describe() and explain() (once InvalidOperation)."""
        cap = "123456789012345678901234567890"
        deal = ck.loads(
            CONTRACT.replace(
                'rate = "0.20"', f'rate = "0.20"\ncap = {{ amount = "{cap}", currency = "USD" }}'
            ),
            format="toml",
        )
        shown = "USD 123,456,789,012,345,678,901,234,567,890"
        assert shown in deal.in_force(on="2021-01-01")[0].clause.summary()
        assert shown in deal.describe()
        revenue = Money("1" + "0" * 40, "USD")
        owed = deal.revenue_share("Acme", revenue=revenue, during="2021")
        assert owed.amount == Money(cap, "USD")
        assert shown in owed.explain()


class TestRefusedAmounts:
    def test_float_sum_is_refused_like_a_float(self) -> None:
        """0.1 + 0.2 is a float like 0.3: both are refused, naming the value and the fix."""
        for value in (0.1 + 0.2, 0.3):
            with pytest.raises(InvalidAmountError, match="is a float; money must be exact") as info:
                Money(value, "USD")
            assert repr(value) in str(info.value)
            assert "Pass a string or Decimal instead, e.g. Money(" in str(info.value)

    @pytest.mark.parametrize("value", ["NaN", "nan", "sNaN", "Infinity", "-inf", Decimal("NaN")])
    def test_not_finite_is_refused_with_a_suggestion_that_works(self, value: object) -> None:
        """NaN and infinities are refused; the amount the message suggests is accepted."""
        with pytest.raises(InvalidAmountError, match="is not a finite number") as info:
            Money(value, "USD")
        suggested = re.search(r"e\.g\. amount='([^']+)'", str(info.value))
        assert suggested is not None
        assert Money(suggested.group(1), "USD").amount == Decimal(suggested.group(1))

    def test_too_many_digits(self) -> None:
        """Amounts longer than MAX_DIGITS are refused (no context could hold their sums)."""
        with pytest.raises(InvalidAmountError, match="has 5001 digits written out"):
            Money(10**5000, "USD")
        with pytest.raises(InvalidAmountError, match="at most 1000 digits"):
            Money("1E+2000", "USD")
        assert Money("9" * MAX_DIGITS, "USD").amount == Decimal("9" * MAX_DIGITS)

    @pytest.mark.parametrize("value", [None, ["1"], b"1", True, Money("1", "USD")])
    def test_unreadable_amounts(self, value: object) -> None:
        """Other types are refused with the type and the value."""
        with pytest.raises(InvalidAmountError, match=r"Expected money for Money\.amount"):
            Money(value, "USD")

    @pytest.mark.parametrize("code", ["XYZ", "", None, 840])
    def test_unknown_currencies(self, code: object) -> None:
        """A currency must be an ISO 4217 code."""
        with pytest.raises(InvalidAmountError, match="not an ISO 4217 code"):
            Money("1", code)

    def test_rates_are_exact_and_bounded(self) -> None:
        """Rates keep every digit; over-long ones and huge integers are refused cleanly."""
        assert to_rate("0.1234567890123456789012345678901234", field="rate") == Decimal(
            "0.1234567890123456789012345678901234"
        )
        assert not to_rate("-0", field="rate").is_signed()
        with pytest.raises(InvalidRateError, match="5001 digits"):
            to_rate(10**5000, field="rate")
        with pytest.raises(InvalidRateError, match="at most 1000 digits"):
            to_rate("1E-2000", field="rate")


class TestTypedArguments:
    @pytest.mark.parametrize(
        ("call", "argument"),
        [
            (lambda: format_money(Decimal(1)), "value=Decimal('1')"),
            (lambda: format_money(Money("1", "USD"), places="2"), "places='2'"),
            (lambda: format_rate(0.2), "rate=0.2"),
            (lambda: Money.total([Money("1", "USD"), 1], "USD"), "amounts[1]=1"),
            (lambda: check_same_currency(Money("1", "USD"), "1 USD", where="x"), "b='1 USD'"),
        ],
    )
    def test_wrong_types_name_the_argument(self, call: Any, argument: str) -> None:
        """The wrong type raises ArgumentTypeError, a TypeError naming the argument and value."""
        with pytest.raises(ArgumentTypeError) as info:
            call()
        assert argument in str(info.value)
        assert isinstance(info.value, TypeError)


CONTRACT = """\
format = "clausekit/1"
id = "deal"
title = "Deal"
[[parties]]
name = "Acme"
[[parties]]
name = "Beta"
[[amendments]]
id = "signed"
title = "Signed"
effective = "2020-01-01"
evidence = [ { url = "https://example.org/x", title = "X", published = "2020-01-01", gloss = "g" } ]
[[amendments.adds]]
kind = "revenue-share"
id = "rs"
title = "RS"
payer = "Acme"
payee = "Beta"
rate = "0.20"
evidence = [ { url = "https://example.org/x", title = "X", published = "2020-01-01", gloss = "g" } ]
"""


class TestErrorData:
    def test_amount_errors_carry_value_and_field(self) -> None:
        """InvalidAmountError and InvalidRateError carry the value and the field as attributes."""
        with pytest.raises(InvalidAmountError) as amount:
            to_money(("NaN", "USD"), field="revenue")
        assert (amount.value.value, amount.value.field) == ("NaN", "revenue")
        with pytest.raises(InvalidRateError) as rate:
            to_rate("1.5", field="rate")
        assert (rate.value.value, rate.value.field) == ("1.5", "rate")

    def test_currency_mismatch_carries_both_amounts(self) -> None:
        """CurrencyMismatchError names both amounts and where they met."""
        usd, eur = Money("1", "USD"), Money("2", "EUR")
        with pytest.raises(CurrencyMismatchError) as info:
            usd + eur
        assert info.value.amounts == (usd, eur)
        assert info.value.where == "Money +"


AMOUNTS = st.decimals(
    min_value=Decimal("-1E+40"), max_value=Decimal("1E+40"), places=8, allow_nan=False
)


class TestExactProperties:
    @given(a=AMOUNTS, b=AMOUNTS, rate=ckst.rates(), prec=st.integers(1, 28))
    def test_caller_context_never_matters(
        self, a: Decimal, b: Decimal, rate: Decimal, prec: int
    ) -> None:
        """Sums, shares and their text are the same under any caller precision and rounding."""
        x, y = Money(a, "EUR"), Money(b, "EUR")

        def work() -> tuple[Money, Money, str]:
            return x + y, x * rate, format_money(x - y)

        wide = work()
        with decimal.localcontext(prec=prec, rounding=decimal.ROUND_DOWN):
            narrow = work()
        assert narrow == wide
        exact = decimal.Context(prec=200)
        assert wide[0].amount == exact.add(a, b)
        assert wide[1].amount == exact.multiply(a, rate)

    @given(AMOUNTS)
    def test_display_keeps_every_digit(self, amount: Decimal) -> None:
        """format_money rounds nothing: the digits it shows read back as the amount."""
        text = format_money(Money(amount, "USD"))
        assert Decimal(text.removeprefix("USD ").replace(",", "")) == amount
