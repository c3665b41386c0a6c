"""Kinds come from the registry at call time: kinds defined here work in every format.

``NonCompete`` (a clause kind) and ``OfferMatched`` (a fact kind) are
defined in this test module, after ``clausekit.io`` was imported: contract
and scenario files read and write them, a misspelt tag suggests them, and
the JSON Schema lists the clause kind (but the shipped schema, of the
bundled kinds, does not).
"""

from __future__ import annotations

from typing import ClassVar

import attrs
import jsonschema
import pytest
from io_samples import FORMATS, raised

import clausekit as ck
from clausekit import io as ckio
from clausekit.io.kinds import CLAUSES, FACTS

SOURCE = ck.OutsideSource(
    url="https://example.org/nc", title="Non-compete", published="2020-01-01", gloss="g"
)


@attrs.frozen(kw_only=True)
class NonCompete(ck.ClauseBase, kind="test-io-non-compete"):
    """``bound`` does not compete with the other party in ``field_of_business``.

    Attributes:
        bound: the party that may not compete.
        field_of_business: where it may not compete.
        months: how long after the agreement ends.
    """

    bound: str
    field_of_business: str = "streaming"
    months: int | None = None
    party_fields: ClassVar[tuple[str, ...]] = ("bound",)

    def verbs(self) -> frozenset[str]:
        return frozenset({"compete"})

    def rule(self, action: ck.Resolved, ctx: ck.Context) -> ck.Finding | None:
        if action.actor != self.bound or action.verb != "compete":
            return None
        return ck.Finding(ck.Outcome.PROHIBITED, f"{self.bound} may not compete.")


def deal_with(clause: ck.ClauseBase) -> ck.Agreement:
    return ck.Agreement(
        id="nc",
        title="Non-compete deal",
        parties=[ck.Party("Acme"), ck.Party("Beta")],
        amendments=[
            ck.Amendment(
                id="signed",
                title="Signed",
                effective="2020-01-01",
                evidence=[SOURCE],
                adds=[clause],
            )
        ],
    )


@attrs.frozen
class OfferMatched(ck.Fact, kind="test-io-offer-matched"):
    """``by`` matched the offer."""

    by: str
    price: ck.Money | None = None
    party_fields: ClassVar[tuple[str, ...]] = ("by",)


DEAL = deal_with(NonCompete(id="nc-1", title="No competing", evidence=[SOURCE], bound="Acme"))


class TestUserKind:
    def test_registered_after_import_and_found_at_call_time(self) -> None:
        """The io layer sees the kind without being told: it asks the registry when it runs."""
        assert CLAUSES.get("test-io-non-compete") is NonCompete
        assert "test-io-non-compete" in CLAUSES.kinds()

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_round_trips_exactly_in_every_format(self, fmt: ckio.Format) -> None:
        """Written with its kind tag first and its defaults left out; read back equal."""
        text = ck.dumps(DEAL, format=fmt)
        assert "test-io-non-compete" in text
        assert "field_of_business" not in text  # equal to its default
        back = ck.loads(text, format=fmt)
        assert back == DEAL
        assert type(back.amendments[0].adds[0]) is NonCompete
        assert ck.dumps(back, format=fmt) == text

    def test_answers_after_a_round_trip(self) -> None:
        """The loaded clause rules like the one built in Python."""
        back = ck.loads(ck.dumps(DEAL, format="toml"), format="toml")
        verdict = back.ask(
            ck.Act(actor="Acme", verb="compete", counterparty="Beta"), on="2021-01-01"
        )
        assert verdict.outcome is ck.Outcome.PROHIBITED

    def test_a_misspelt_tag_suggests_the_user_kind(self) -> None:
        """'test-io-non-compet' is answered with the registered tag that looks like it."""
        text = ck.dumps(DEAL, format="json").replace(
            '"test-io-non-compete"', '"test-io-non-compet"'
        )
        error = raised(text, "json")
        assert "Did you mean 'test-io-non-compete'" in error.problems[0].message
        assert error.problems[0].path == "amendments[0].adds[0].kind"

    def test_its_fields_are_checked_like_a_bundled_kind(self) -> None:
        """A wrong type in a user kind's field is reported with its path."""
        data = ckio.to_dict(DEAL)
        data["amendments"][0]["adds"][0]["months"] = "six"
        with pytest.raises(ck.ContractFileError) as info:
            ckio.from_dict(data)
        assert info.value.problems[0].path == "amendments[0].adds[0].months"

    def test_the_schema_lists_it(self) -> None:
        """json_schema() has the kind, with its documented fields; the shipped schema has not."""
        schema = ckio.json_schema()
        refs = {r["$ref"] for r in schema["$defs"]["Clause"]["oneOf"]}
        assert "#/$defs/NonCompete" in refs
        fields = schema["$defs"]["NonCompete"]["properties"]
        assert fields["kind"] == {"const": "test-io-non-compete"}
        assert fields["bound"]["description"] == "The party that may not compete."
        assert schema["$defs"]["NonCompete"]["required"] == [
            "kind",
            "id",
            "title",
            "evidence",
            "bound",
        ]
        validator = jsonschema.Draft202012Validator(schema)
        assert list(validator.iter_errors(ckio.to_dict(DEAL))) == []
        shipped = ckio.json_schema(bundled_only=True)
        assert "NonCompete" not in shipped["$defs"]


class TestUserFactKind:
    def test_registered_after_import_and_found_at_call_time(self) -> None:
        """The fact kind is in the registry the io layer reads."""
        assert FACTS.get("test-io-offer-matched") is OfferMatched

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_round_trips_exactly_in_every_format(self, fmt: ckio.Format) -> None:
        """A scenario with the user fact (and a bundled one) reads back equal, tag and all."""
        scenario = ck.Scenario(
            OfferMatched(by="Beta", price=ck.Money("12.50", "EUR"), on="2025-03-01"),
            ck.ConsentGiven(by="Acme"),
        )
        text = ckio.dumps_scenario(scenario, format=fmt)
        assert "test-io-offer-matched" in text
        back = ckio.loads_scenario(text, format=fmt)
        assert back == scenario
        assert ckio.dumps_scenario(back, format=fmt) == text

    def test_a_misspelt_fact_tag_suggests_the_user_kind(self) -> None:
        """'test-io-offer-matchd' is answered with the registered tag that looks like it."""
        text = ckio.dumps_scenario(ck.Scenario(OfferMatched(by="Beta")), format="yaml")
        with pytest.raises(ck.ContractFileError) as info:
            ckio.loads_scenario(text.replace("matched", "matchd"), format="yaml")
        problem = info.value.problems[0]
        assert problem.path == "facts[0].kind"
        assert "Did you mean 'test-io-offer-matched'" in problem.message
        assert problem.line == 3
