"""Scenario files: facts tagged by kind, in every format, with every problem reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from io_samples import FORMATS

import clausekit as ck
import clausekit.testing as ckt
from clausekit import io as ckio
from clausekit.errors import ArgumentTypeError, ContractFileError

SCENARIO = ck.Scenario(
    ck.OfferDeclined(by="Microsoft", on="2025-03-01"),
    ck.AGIDeclared(on="2030-01-01", verified=True),
    ck.Revenue(amount="1000000.50 USD", period="2025-01", earned_by="OpenAI"),
    ck.AssumedRate(clause="rs", rate="0.20"),
)


class TestRoundTrip:
    @settings(max_examples=30)
    @given(scenario=ckt.scenarios(), fmt=st.sampled_from(FORMATS))
    def test_generated_scenarios_read_back_equal(
        self, scenario: ck.Scenario, fmt: ckio.Format
    ) -> None:
        """Every generated scenario survives every format."""
        assert (
            ckio.loads_scenario(ckio.dumps_scenario(scenario, format=fmt), format=fmt) == scenario
        )

    def test_kinds_first_and_plain_values(self) -> None:
        """Each fact starts with its kind; money and rates are strings, periods their ISO text."""
        facts = ckio.scenario_to_dict(SCENARIO)["facts"]
        assert all(next(iter(fact)) == "kind" for fact in facts)
        revenue = next(f for f in facts if f["kind"] == "revenue")
        assert revenue["amount"] == {"amount": "1000000.50", "currency": "USD"}
        assert revenue["period"] == "2025-01-01/2025-02-01"
        assert next(f for f in facts if f["kind"] == "assumed-rate")["rate"] == "0.20"

    def test_files_on_disk(self, tmp_path: Path) -> None:
        """dump_scenario picks the format by suffix; load_scenario reads it back."""
        for suffix in (".toml", ".yaml", ".json"):
            path = tmp_path / f"facts{suffix}"
            ckio.dump_scenario(SCENARIO, path)
            assert ckio.load_scenario(path) == SCENARIO

    def test_a_period_may_be_written_short(self) -> None:
        """A period reads like the API's: a year, a month or an interval."""
        text = 'format = "clausekit/1"\n[[facts]]\nkind = "revenue"\namount = { amount = "5", currency = "EUR" }\nperiod = "2025"\n'
        (fact,) = ckio.loads_scenario(text, format="toml").facts
        assert fact == ck.Revenue(amount="5 EUR", period="2025")


class TestProblems:
    def test_every_problem_with_its_line(self) -> None:
        """A wrong field, a bad day and a missing key are all reported, each on its line."""
        text = (
            'format = "clausekit/1"\n'
            "[[facts]]\n"
            'kind = "offer-declined"\n'
            'bye = "Microsoft"\n'
            "[[facts]]\n"
            'kind = "agi-declared"\n'
            'on = "2030-02-30"\n'
        )
        with pytest.raises(ContractFileError) as info:
            ckio.loads_scenario(text, format="toml", source="facts.toml")
        problems = {p.path: p for p in info.value.problems}
        assert problems["facts[0].bye"].line == 4
        assert "Did you mean 'by'?" in problems["facts[0].bye"].message
        assert problems["facts[1].on"].line == 7
        assert "Pass an ISO date" in problems["facts[1].on"].message

    def test_an_unquoted_yaml_on_key_says_to_quote_it(self) -> None:
        """YAML 1.1 reads `on:` as true: the problem names the key and the fix."""
        text = "format: clausekit/1\nfacts:\n- kind: offer-declined\n  by: Microsoft\n  on: 2025-03-01\n"
        with pytest.raises(ContractFileError) as info:
            ckio.loads_scenario(text, format="yaml")
        (problem,) = info.value.problems
        assert problem.path == "facts[0].on"
        assert "quote it: 'on'" in problem.message
        assert problem.line == 5
        assert ckio.loads_scenario(text.replace("  on:", "  'on':"), format="yaml").facts[0].on

    def test_contradictory_facts_are_a_file_problem(self) -> None:
        """Consent given and refused by the same party: refused with the engine's message."""
        data = ckio.scenario_to_dict(ck.Scenario(ck.ConsentGiven(by="A")))
        data["facts"].append({"kind": "consent-refused", "by": "A"})
        with pytest.raises(ContractFileError, match="contradict each other") as info:
            ckio.scenario_from_dict(data)
        assert isinstance(info.value.__cause__, ck.ContradictoryFactsError)

    def test_unknown_top_level_key_and_missing_facts(self) -> None:
        """Only format and facts belong at the top; facts is required."""
        with pytest.raises(ContractFileError) as info:
            ckio.scenario_from_dict({"format": "clausekit/1", "fcts": []})
        messages = " ".join(p.message for p in info.value.problems)
        assert "Did you mean 'facts'?" in messages
        assert "missing required key 'facts'" in messages

    def test_wrong_argument_types(self) -> None:
        """Writing something that is not a scenario names the argument and the fix."""
        with pytest.raises(ArgumentTypeError, match="scenario=None"):
            ckio.dumps_scenario(None, format="json")  # type: ignore[arg-type]
        with pytest.raises(ArgumentTypeError, match="text=3"):
            ckio.loads_scenario(3, format="json")  # type: ignore[arg-type]
        with pytest.raises(ArgumentTypeError, match=r"data=\[\]"):
            ckio.scenario_from_dict([])
