"""Hypothesis strategies for clausekit values, for testing the library and your own models.

Install with the ``testing`` extra (``pip install clausekit[testing]``).
Every strategy builds values that are valid by construction; combine them
with your own agreement to property-test it:

Examples:
    >>> from hypothesis import given, settings
    >>> import clausekit as ck
    >>> from clausekit import testing as ckst
    >>> @settings(max_examples=20, database=None)
    ... @given(agreement=ckst.agreements(), day=ckst.days())
    ... def test_every_question_is_answered(agreement, day):
    ...     party = agreement.parties[0].name
    ...     action = ck.Act(actor=party, verb="procure-compute", counterparty=party)
    ...     assert agreement.ask(action, on=day).outcome in ck.Outcome
    >>> test_every_question_is_answered()

:func:`clauses` and :func:`facts` draw every kind in the registries
(:mod:`clausekit.registry`), bundled or your own, built from each kind's
attrs fields; :func:`register_kind_strategy` says what to draw where the
field types alone do not (see :mod:`clausekit.testing.kinds`).

Importing :mod:`hypothesis` also registers these strategies for
:func:`hypothesis.strategies.from_type` (through a ``hypothesis`` entry
point), so ``st.from_type(ck.Period)``, ``st.from_type(ck.Exclusivity)`` or
``st.builds(MyThing)`` with a ``Period`` field just work, for every clause
and fact kind, including kinds registered later:

    >>> from hypothesis import strategies as st
    >>> @settings(max_examples=10, database=None)
    ... @given(period=st.from_type(ck.Period), party=st.from_type(ck.Party),
    ...        clause=st.from_type(ck.Exclusivity))
    ... def test_registered(period, party, clause):
    ...     assert period.start in period and party.name in ckst.PARTY_NAMES
    ...     assert clause.bound in ckst.PARTY_NAMES
    >>> test_registered()

The package holds one module per concern: ``base`` (the generated
vocabulary), ``dates``, ``amounts``, ``participants``, ``sources``
(evidence), ``kinds`` (a strategy for any kind, and the per-kind hook),
``clause_kinds``, ``scenario`` (facts and scenarios), ``deals``
(agreements, amendments, actions, questions), ``texts`` (contract files)
and ``hook`` (the ``hypothesis`` entry point).
"""

from __future__ import annotations

# First, before anything imports hypothesis: the entry point hypothesis calls on import.
from clausekit.testing.hook import _hypothesis_setup_hook

# isort: split
from clausekit.testing.amounts import money, rates
from clausekit.testing.base import CURRENCIES, MAX_DAY, MIN_DAY, PARTY_NAMES, SUBJECTS, VERBS
from clausekit.testing.clause_kinds import clauses
from clausekit.testing.dates import date_ranges, days, periods
from clausekit.testing.deals import actions, agreements, amendments, questions
from clausekit.testing.kinds import Pool, register_kind_strategy
from clausekit.testing.participants import parties, party
from clausekit.testing.scenario import facts, scenarios, timed_scenarios
from clausekit.testing.sources import evidence
from clausekit.testing.texts import contract_texts

__all__ = [
    "CURRENCIES",
    "MAX_DAY",
    "MIN_DAY",
    "PARTY_NAMES",
    "SUBJECTS",
    "VERBS",
    "Pool",
    "_hypothesis_setup_hook",
    "actions",
    "agreements",
    "amendments",
    "clauses",
    "contract_texts",
    "date_ranges",
    "days",
    "evidence",
    "facts",
    "money",
    "parties",
    "party",
    "periods",
    "questions",
    "rates",
    "register_kind_strategy",
    "scenarios",
    "timed_scenarios",
]
