"""Immutable all the way down: nothing reachable from a value can be changed (issue 10, item 4).

Every clause, amendment, agreement, scenario, verdict, timeline and money
amount is walked through the attrs fields it is built from (and the tuples,
frozensets and read-only mappings they hold): each attrs instance refuses
assignment, and no mutable container (list, dict, set, bytearray) nor a
py-moneyed ``Money`` (mutable) is reachable from it. What an agreement
remembers of its answers is not part of the value and is not walked.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from types import MappingProxyType
from typing import Any

import attrs
import moneyed
import pendulum
import pytest
from hypothesis import given, settings

import clausekit as ck
from clausekit import testing as ckst

MUTABLE = (list, dict, set, bytearray, moneyed.Money)


def reachable(value: object, path: str = "value") -> Iterator[tuple[str, object]]:
    """``value`` and everything its fields and containers hold, each with its path."""
    seen: set[int] = set()
    stack: list[tuple[str, object]] = [(path, value)]
    while stack:
        where, item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        yield where, item
        if isinstance(item, (str, bytes, int, float, enum.Enum, pendulum.Date)) or item is None:
            continue
        if attrs.has(type(item)):
            # The value's own fields; caches an agreement keeps (init=False) are not part of it.
            for field in attrs.fields(type(item)):
                if field.init:
                    stack.append((f"{where}.{field.name}", getattr(item, field.name)))
        elif isinstance(item, (tuple, frozenset)):
            stack.extend((f"{where}[{i}]", x) for i, x in enumerate(item))
        elif isinstance(item, MappingProxyType):
            stack.extend((f"{where}[{k!r}]", x) for k, x in item.items())


def assert_immutable(value: object) -> None:
    """No mutable container is reachable, and every attrs instance refuses assignment."""
    for where, item in reachable(value):
        assert not isinstance(item, MUTABLE), f"{where} is a mutable {type(item).__name__}"
        if attrs.has(type(item)) and attrs.fields(type(item)):
            first = attrs.fields(type(item))[0].name
            with pytest.raises(AttributeError):
                setattr(item, first, getattr(item, first))


@settings(max_examples=30, deadline=None)
@given(ckst.agreements())
def test_agreements_amendments_and_clauses(agreement: ck.Agreement) -> None:
    """An agreement, its amendments, clauses, parties, evidence and money cannot change."""
    assert_immutable(agreement)


@settings(max_examples=30, deadline=None)
@given(ckst.questions())
def test_verdicts_and_scenarios(question: Any) -> None:
    """A verdict, with its rulings, conditions and citations, and its scenario cannot change."""
    agreement, action, scenario, day = question
    verdict = agreement.ask(action, on=day, scenario=scenario)
    verdict.explain()  # explaining adds nothing to a verdict that can be changed
    assert_immutable(scenario)
    assert_immutable(verdict)


def test_the_bundled_model_timeline_and_comparison() -> None:
    """The bundled model and its timeline and comparison are immutable as well."""
    deal = ck.models.openai_microsoft()
    aws = ck.ProcureCompute(buyer="OpenAI", provider="AWS", workload=ck.Workload.TRAINING)
    assert_immutable(deal)
    assert_immutable(deal.timeline(aws, start="2019-01-01", end="2027-01-01"))
    assert_immutable(deal.compare(aws, "2025-01-15", "2025-11-15"))
    rate = ck.Scenario(ck.AssumedRate("revenue-share-openai-to-microsoft", "0.2"))
    revenue = ck.Money("10000000000", "USD")
    assert_immutable(deal.revenue_share("OpenAI", revenue=revenue, during="2025", scenario=rate))


def test_the_walk_finds_mutable_values() -> None:
    """The check itself catches a list inside a frozen value (it is not vacuous)."""

    @attrs.frozen
    class Holder:
        items: Any

    with pytest.raises(AssertionError, match=r"value\.items is a mutable list"):
        assert_immutable(Holder([1]))
    with pytest.raises(AssertionError, match="mutable Money"):
        assert_immutable(Holder((moneyed.Money("1", "USD"),)))
