"""clausekit.testing.amounts: exact rates and amounts."""

from __future__ import annotations

import decimal
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

import clausekit as ck
from clausekit import testing as ckst


@given(rate=ckst.rates())
def test_rates_are_exact_and_in_range(rate: Decimal) -> None:
    """Rates lie in [0, 1] with at most four decimal places."""
    assert Decimal(0) <= rate <= Decimal(1)
    assert rate == rate.quantize(Decimal("0.0001"))


@given(amount=ckst.money(["JPY"], max_amount=100))
def test_money_in_the_currencies_given(amount: ck.Money) -> None:
    """Non-negative amounts with cents, in the currencies given, up to max_amount."""
    assert amount.currency == "JPY"
    assert Decimal(0) <= amount.amount <= Decimal(100)


@given(data=st.data())
def test_exact_under_a_narrow_decimal_context(data: st.DataObject) -> None:
    """The strategies build exact values whatever the caller's decimal context."""
    with decimal.localcontext(prec=3):
        rate = data.draw(ckst.rates())
        amount = data.draw(ckst.money(max_amount=10**9))
    assert rate == rate.quantize(Decimal("0.0001"))
    assert amount.amount == amount.amount.quantize(Decimal("0.01"))
