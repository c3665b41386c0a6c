"""The AGI clause: its trigger under each kind of declaration, its hooks, its profit test."""

from __future__ import annotations

import pendulum
import pytest

import clausekit as ck
from clausekit.clauses import agi
from tests.clauses.helpers import SRC


def clause(**terms: object) -> ck.AGIClause:
    fields: dict[str, object] = {"declared_by": "Lab", "ends": ["licence"], "starts": ["later"]}
    fields.update(terms)
    return ck.AGIClause(id="agi", title="AGI", evidence=[SRC], **fields)  # type: ignore[arg-type]


def declared(**facts: object) -> ck.Scenario:
    return ck.Scenario(ck.AGIDeclared(on="2030-01-01", **facts))  # type: ignore[arg-type]


def test_the_hooks_name_what_it_ends_and_starts() -> None:
    c = clause()
    assert c.ends_on_trigger() == frozenset({"licence"})
    assert c.starts_on_trigger() == frozenset({"later"})
    assert c.references() == frozenset({"licence", "later"})
    assert c.trigger_event == "AGI is declared"


def test_no_declaration_fires_nothing_and_is_assumed() -> None:
    c = clause()
    assert c.trigger(ck.Scenario()) is None
    day = pendulum.Date(2031, 5, 1)
    assert c.assumption(ck.Scenario(), "licence", day) == (
        "no AGI declaration up to 2031-05-01 (the scenario gives none); "
        "under clause 'agi' an AGI declaration would end 'licence'"
    )
    assert "would start 'later'" in (c.assumption(ck.Scenario(), "later", day) or "")
    assert c.assumption(declared(), "licence", day) is None


def test_an_unverified_clause_fires_on_the_declaration_day() -> None:
    trigger = clause().trigger(declared())
    assert trigger is not None
    assert (trigger.day, trigger.certain) == (pendulum.Date(2030, 1, 1), True)
    assert [type(f) for f in trigger.facts] == [ck.AGIDeclared]


def test_a_required_verification_unknown_gives_two_readings() -> None:
    trigger = clause(verification_required=True, verifier="a panel").trigger(declared())
    assert trigger is not None
    assert not trigger.certain
    assert trigger.missing == (
        "whether the AGI declaration of 2030-01-01 was verified by a panel (clause 'agi')"
    )
    assert [text for text, _ in trigger.readings] == [
        "the AGI declaration of 2030-01-01 verified",
        "the AGI declaration of 2030-01-01 not verified",
    ]
    verified = [s.agi_declaration() for _, s in trigger.readings]
    assert [d.verified for d in verified if d is not None] == [True, False]


def test_verified_fires_on_the_verification_day_and_refused_never() -> None:
    c = clause(verification_required=True)
    fired = c.trigger(declared(verified=True, verified_on="2030-02-01"))
    assert fired is not None
    assert fired.day == pendulum.Date(2030, 2, 1)
    assert fired.certain
    assert c.trigger(declared(verified=False)) is None


def test_profit_test_reads_the_first_clause_with_a_definition() -> None:
    threshold = clause(profit_threshold=ck.Money("100", "USD"))
    assert agi.profit_test([clause(), threshold], ck.Money("100", "USD")) is True
    assert agi.profit_test([threshold], ck.Money("99.99", "USD")) is False
    assert agi.profit_test([clause()], ck.Money("1", "USD")) is None
    with pytest.raises(ck.CurrencyMismatchError):
        agi.profit_test([threshold], ck.Money("100", "EUR"))
