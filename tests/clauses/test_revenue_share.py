"""The revenue share: its payment hooks, at the contract's rate, an assumed one, or none."""

from __future__ import annotations

from decimal import Decimal

import pytest

import clausekit as ck
from tests.clauses.helpers import SRC


def share(**terms: object) -> ck.RevenueShare:
    fields: dict[str, object] = {"payer": "A", "payee": "B"}
    fields.update(terms)
    return ck.RevenueShare(id="rs", title="RS", evidence=[SRC], **fields)  # type: ignore[arg-type]


REVENUE = ck.Money("1000", "USD")


def test_it_binds_only_its_payer() -> None:
    rs = share(rate="0.2")
    assert rs.payment_terms("B") is None
    assert rs.payment_terms("A") == ("B", Decimal("0.2"), None, None, False)
    assert rs.payment_terms("A") == share(rate="0.20").payment_terms("A")  # same terms owe the same


def test_the_contract_rate_and_the_cap() -> None:
    paid = share(rate="0.2").payment(REVENUE, ck.Scenario())
    assert (paid.amount, paid.rate_source, paid.capped, paid.missing) == (
        ck.Money("200", "USD"),
        "contract",
        False,
        "",
    )
    capped = share(rate="0.2", cap=ck.Money("150", "USD")).payment(REVENUE, ck.Scenario())
    assert (capped.amount, capped.capped) == (ck.Money("150", "USD"), True)


def test_an_undisclosed_rate_is_missing_until_assumed() -> None:
    rs = share(reported_rate="0.2")
    unknown = rs.payment(REVENUE, ck.Scenario())
    assert unknown.amount is None
    assert unknown.rate_source == "undisclosed"
    assert "the rate of clause 'rs', which the sources do not disclose (reported: 20 %)" in (
        unknown.missing
    )
    assumed = rs.payment(REVENUE, ck.Scenario(ck.AssumedRate("rs", "0.15")))
    assert (assumed.amount, assumed.rate_source) == (
        ck.Money("150", "USD"),
        "assumed in the scenario",
    )


def test_an_undisclosed_cap_says_at_most() -> None:
    paid = share(rate="0.2", cap_undisclosed=True).payment(REVENUE, ck.Scenario())
    assert paid.amount is None
    assert paid.at_most == ck.Money("200", "USD")
    assert "at most USD 200" in paid.missing


def test_a_cap_in_another_currency_is_refused() -> None:
    with pytest.raises(ck.CurrencyMismatchError):
        share(rate="0.2", cap=ck.Money("150", "EUR")).payment(REVENUE, ck.Scenario())
