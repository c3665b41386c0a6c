"""clausekit.testing.scenario: facts() draws every registered fact kind; scenarios are consistent."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

import clausekit as ck
from clausekit import testing as ckst
from clausekit.registry import FACT_KINDS
from testing.helpers import run

BUNDLED = [k for k in FACT_KINDS.classes() if k.__module__.startswith("clausekit.")]


class TestFacts:
    @given(fact=ckst.facts())
    def test_facts_are_valid_in_a_scenario(self, fact: ck.Fact) -> None:
        """Any generated fact makes a scenario on its own."""
        assert fact in ck.Scenario(fact)

    def test_every_bundled_kind_comes_up(self) -> None:
        """Over enough draws, each bundled fact kind is drawn."""
        seen: set[type] = set()

        @settings(max_examples=300, database=None)
        @given(fact=ckst.facts())
        def draw(fact: ck.Fact) -> None:
            seen.add(type(fact))

        draw()
        assert set(BUNDLED) <= seen

    @given(fact=ckst.facts(["Ann"], kinds=["assumed-rate", ck.ConsentGiven], clause_ids=["k"]))
    def test_names_and_clause_ids_come_from_the_arguments(self, fact: ck.Fact) -> None:
        """Party fields from the names, a fact's clause from the clause ids."""
        if isinstance(fact, ck.AssumedRate):
            assert fact.clause == "k"
        else:
            assert isinstance(fact, ck.ConsentGiven)
            assert fact.by == "Ann"

    @given(fact=ckst.facts(kinds=[ck.AGIDeclared]))
    def test_verified_on_or_after_the_declaration(self, fact: ck.AGIDeclared) -> None:
        """An AGI declaration is verified on its day or later (its registered strategy)."""
        assert fact.verified_on is None or fact.verified_on >= fact.on

    @pytest.mark.parametrize("kinds", [[ck.Exclusivity], ["no-such-fact"], []])
    def test_not_a_fact_kind_raises(self, kinds: list[object]) -> None:
        """Anything but fact kinds is refused with InvalidFactError naming the kinds."""

        @settings(max_examples=1, database=None)
        @given(fact=ckst.facts(kinds=kinds))  # type: ignore[arg-type]
        def draw(fact: ck.Fact) -> None:
            raise AssertionError(fact)

        with pytest.raises(ck.InvalidFactError, match="consent-given"):
            draw()

    def test_a_user_fact_kind_is_drawn(self) -> None:
        """A fact kind defined outside clausekit is drawn by facts()."""
        script = (
            "from hypothesis import given, settings\n"
            "from clausekit import testing as ckst\n"
            "import user_kinds\n"
            "seen = set()\n"
            "@settings(max_examples=300, database=None)\n"
            "@given(ckst.facts(['Ann']))\n"
            "def t(fact):\n"
            "    seen.add(fact.kind)\n"
            "t()\n"
            "print(sorted(seen & {'release-granted', 'offer-matched'}))\n"
        )
        assert run(script).strip() == "['offer-matched', 'release-granted']"


class TestScenarios:
    @given(scenario=ckst.scenarios(["Ann", "Bob"], ["c1"]))
    def test_consistent_and_about_the_names(self, scenario: ck.Scenario) -> None:
        """No fact with its opposite; only the parties and clause ids given appear."""
        for fact in scenario:
            by = getattr(fact, "by", None)
            assert by in (None, "Ann", "Bob")
            if isinstance(fact, ck.AssumedRate):
                assert fact.clause == "c1"

    @given(scenario=ckst.scenarios())
    def test_no_rate_without_clause_ids(self, scenario: ck.Scenario) -> None:
        """Without clause ids no rate is assumed (an agreement refuses one for a missing clause)."""
        assert not any(isinstance(f, ck.AssumedRate) for f in scenario)
