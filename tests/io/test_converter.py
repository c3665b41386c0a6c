"""The converter: agreement → plain data → agreement, exactly, in every format.

Generated agreements come from :mod:`clausekit.testing` (every registered
clause kind); a kind defined here, outside ``src/``, round-trips like a
built-in one.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import attrs
import pendulum
from hypothesis import given, settings
from hypothesis import strategies as st
from io_samples import (
    BASE,
    BASE_TOML,
    CLAIM,
    FORMATS,
    assert_exact_types,
    assert_same_money,
)

import clausekit as ck
import clausekit.testing as ckt
from clausekit import io as ckio
from clausekit.io.converter import structure, unstructure

agreements = ckt.agreements


# --------------------------------------------------------------------------- round trips


class TestRoundTrip:
    @settings(max_examples=40)
    @given(agreement=agreements(), fmt=st.sampled_from(FORMATS))
    def test_every_format_gives_back_an_equal_agreement(
        self, agreement: ck.Agreement, fmt: ckio.Format
    ) -> None:
        """agreement → file text → agreement is ==, with exact types and money kept."""
        text = ck.dumps(agreement, format=fmt)
        back = ck.loads(text, format=fmt)
        assert back == agreement
        assert_exact_types(back)
        assert_same_money(agreement, back)
        assert [a.id for a in back.amendments] == [a.id for a in agreement.amendments]
        for mine, theirs in zip(back.amendments, agreement.amendments, strict=True):
            assert [c.id for c in mine.adds] == [c.id for c in theirs.adds]

    @settings(max_examples=25)
    @given(agreement=agreements(), fmt=st.sampled_from(FORMATS))
    def test_text_is_stable(self, agreement: ck.Agreement, fmt: ckio.Format) -> None:
        """Writing what was read gives the same text again."""
        text = ck.dumps(agreement, format=fmt)
        assert ck.dumps(ck.loads(text, format=fmt), format=fmt) == text

    @settings(max_examples=25)
    @given(agreement=agreements())
    def test_dict_round_trip_and_input_untouched(self, agreement: ck.Agreement) -> None:
        """from_dict(to_dict(a)) == a, and from_dict does not modify its argument."""
        data = ckio.to_dict(agreement)
        kept = copy.deepcopy(data)
        assert ckio.from_dict(data) == agreement
        assert data == kept
        assert next(iter(data)) == "format"

    def test_native_dates_are_read_as_pendulum_dates(self) -> None:
        """TOML and YAML dates (datetime.date once parsed) become pendulum.Date, never date."""
        toml_deal = ck.loads(
            BASE_TOML.replace('effective = "2020-01-01"', "effective = 2020-01-01"), format="toml"
        )
        yaml_text = ck.dumps(toml_deal, format="yaml").replace("'2020-01-01'", "2020-01-01")
        for deal in (toml_deal, ck.loads(yaml_text, format="yaml")):
            day = deal.amendments[0].effective
            assert type(day) is pendulum.Date
            assert day == pendulum.Date(2020, 1, 1)

    def test_money_and_rates_are_strings_in_files(self) -> None:
        """Money is {amount, currency} with the amount as a string; a rate is a string."""
        data = ckio.to_dict(ck.loads(BASE_TOML, format="toml"))
        rs = data["amendments"][0]["adds"][1]
        assert rs["cap"] == {"amount": "1000000.50", "currency": "EUR"}
        assert rs["rate"] == "0.20"
        agi = data["amendments"][1]["adds"][0]
        assert agi["profit_threshold"] == {"amount": "100000000000", "currency": "USD"}

    def test_defaults_are_left_out_and_kind_comes_first(self) -> None:
        """Optional fields equal to their default are not written; each clause starts with kind."""
        data = ckio.to_dict(ck.loads(BASE_TOML, format="toml"))
        first = data["amendments"][0]
        assert "announced" not in first  # equal to effective
        assert "ends" not in first
        assert "replaces" not in first
        assert "note" not in first
        assert next(iter(first["adds"][0])) == "kind"
        assert "until" not in first["adds"][0]
        second = data["amendments"][1]
        assert second["announced"] == {"earliest": "2021-05-01", "latest": "2021-05-31"}

    def test_sets_are_sorted_lists_and_enums_values(self) -> None:
        """A frozenset is written as a sorted list; an enum by its value."""
        deal = ck.loads(BASE_TOML, format="toml")
        rofr = ck.RightOfFirstRefusal(
            id="r",
            title="R",
            evidence=[BASE.evidence(CLAIM)],
            grantor="Acme",
            holder="Beta",
            scope=["training", "api", "research"],
            triggers=["declined", "cannot-meet"],
        )
        later = ck.Amendment(
            id="late",
            title="L",
            effective="2030-01-01",
            evidence=[BASE.evidence(CLAIM)],
            adds=[rofr],
        )
        data = ckio.to_dict(attrs.evolve(deal, amendments=(*deal.amendments, later)))
        written = data["amendments"][-1]["adds"][0]
        assert written["scope"] == ["api", "research", "training"]
        assert written["triggers"] == ["cannot-meet", "declined"]

    def test_claim_references(self) -> None:
        """Evidence equal to the base's for its claim is written {claim}; anything else inline."""
        exact = BASE.evidence(CLAIM)
        changed = attrs.evolve(exact, gloss=exact.gloss + " (edited)")
        deal = ck.loads(BASE_TOML, format="toml")
        amendment = attrs.evolve(deal.amendments[0], evidence=(exact, changed))
        data = ckio.to_dict(attrs.evolve(deal, amendments=(amendment, *deal.amendments[1:])))
        written = data["amendments"][0]["evidence"]
        assert written[0] == {"claim": CLAIM}
        assert written[1]["gloss"].endswith("(edited)")
        assert written[1]["claim"] == CLAIM
        assert ckio.from_dict(data).amendments[0].evidence == (exact, changed)

    def test_consent_requirement_without_consenter(self) -> None:
        """consent_by=None (a flat prohibition) is left out of the file and read back as None."""
        flat = ck.ConsentRequirement(
            id="no-sale",
            title="No sale",
            evidence=[BASE.evidence(CLAIM)],
            bound="Acme",
            consent_by=None,
            verb="transfer-shares",
        )
        deal = ck.loads(BASE_TOML, format="toml")
        later = ck.Amendment(
            id="late",
            title="L",
            effective="2030-01-01",
            evidence=[BASE.evidence(CLAIM)],
            adds=[flat],
        )
        deal = attrs.evolve(deal, amendments=(*deal.amendments, later))
        for fmt in FORMATS:
            text = ck.dumps(deal, format=fmt)
            assert "consent_by" not in json.dumps(ckio.to_dict(deal)["amendments"][-1])
            read = ck.loads(text, format=fmt).amendments[-1].adds[0]
            assert isinstance(read, ck.ConsentRequirement)
            assert read.consent_by is None

    def test_bundled_model_round_trips(self) -> None:
        """The bundled contract file reads, and survives every format unchanged."""
        model = Path(ck.__file__).parent / "models" / "openai_microsoft.toml"
        deal = ck.load(model)
        for fmt in FORMATS:
            assert ck.loads(ck.dumps(deal, format=fmt), format=fmt) == deal


class TestSharedEvidence:
    """The converter shares evidence read before (same texts, same object): a source cited
    by every clause is built once. The sharing must never answer for other evidence."""

    @settings(max_examples=60)
    @given(first=ckt.evidence(), second=ckt.evidence())
    def test_each_text_gives_back_its_own_evidence(
        self, first: ck.Evidence, second: ck.Evidence
    ) -> None:
        """Read in any order, each evidence's data gives back that evidence, shared when equal."""
        for evidence in (first, second, first, second):
            data = unstructure(evidence)
            again = structure(data, ck.Evidence)
            assert again == evidence
            assert type(again) is type(evidence)
            assert structure(dict(data), ck.Evidence) is again
