"""The ``hypothesis`` entry point: clausekit's strategies for ``st.from_type``.

``pyproject.toml`` names :func:`_hypothesis_setup_hook` (re-exported by
:mod:`clausekit.testing`) as clausekit's ``hypothesis`` entry point, so
hypothesis calls it while ``import hypothesis`` runs, whatever imported
hypothesis first. When that is :mod:`clausekit.testing` itself, the package
is still half-initialised then; so this module imports nothing of hypothesis
at module level, and the factories it registers import the strategies only
when ``from_type`` first needs them, by which time the package is complete.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["_hypothesis_setup_hook"]


def _hypothesis_setup_hook() -> None:
    """Register clausekit's strategies for ``st.from_type`` (hypothesis calls this on import).

    Every clause and fact kind registered in :mod:`clausekit.registry`, now
    or later (a user's kind defined after ``import hypothesis`` too), gets
    ``clauses(kinds=[Kind])`` or ``facts(kinds=[Kind])``; the value types get
    their own strategies. Only clausekit's own types are registered
    (``Money`` among them, never ``Decimal`` or ``pendulum.Date``).
    """
    from hypothesis import strategies as hs

    from clausekit.actions import Act, ProcureCompute
    from clausekit.agreement import Agreement, Amendment
    from clausekit.evidence import OutsideSource, SeedExcerpt
    from clausekit.money import Money
    from clausekit.parties import Party
    from clausekit.registry import CLAUSE_KINDS, FACT_KINDS
    from clausekit.scenario import Scenario
    from clausekit.time import DateRange, Period

    registered: list[tuple[type, Callable[[type], Any]]] = [
        (Money, _money),
        (Period, _periods),
        (DateRange, _date_ranges),
        (Party, _party),
        (SeedExcerpt, _seed_excerpts),
        (OutsideSource, _outside_sources),
        (Scenario, _scenarios),
        (ProcureCompute, _procurements),
        (Act, _acts),
        (Agreement, _agreements),
        (Amendment, _amendments),
    ]
    for cls, factory in registered:
        hs.register_type_strategy(cls, factory)

    def clause_kind(cls: type) -> None:
        hs.register_type_strategy(cls, _clauses_of)

    def fact_kind(cls: type) -> None:
        hs.register_type_strategy(cls, _facts_of)

    CLAUSE_KINDS.on_register(clause_kind)
    FACT_KINDS.on_register(fact_kind)


# The factories import the strategies when from_type first needs them (see the module).


def _money(_: type) -> Any:
    from clausekit.testing.amounts import money

    return money()


def _periods(_: type) -> Any:
    from clausekit.testing.dates import periods

    return periods()


def _date_ranges(_: type) -> Any:
    from clausekit.testing.dates import date_ranges

    return date_ranges()


def _party(_: type) -> Any:
    from clausekit.testing.participants import party

    return party()


def _seed_excerpts(_: type) -> Any:
    from clausekit.testing.sources import evidence

    return evidence(kind="seed")


def _outside_sources(_: type) -> Any:
    from clausekit.testing.sources import evidence

    return evidence(kind="outside")


def _scenarios(_: type) -> Any:
    from clausekit.testing.scenario import scenarios

    return scenarios()


def _procurements(_: type) -> Any:
    from clausekit.testing.deals import actions

    return actions(kind="procure-compute")


def _acts(_: type) -> Any:
    from clausekit.testing.deals import actions

    return actions(kind="act")


def _agreements(_: type) -> Any:
    from clausekit.testing.deals import agreements

    return agreements()


def _amendments(_: type) -> Any:
    from clausekit.testing.deals import amendments

    return amendments()


def _clauses_of(kind: type) -> Any:
    from clausekit.testing.clause_kinds import clauses

    return clauses(kinds=(kind,))


def _facts_of(kind: type) -> Any:
    from clausekit.testing.scenario import facts

    return facts(kinds=(kind,))
