"""clausekit.cli.facts: the --fact syntax, for bundled and registered fact kinds."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import clausekit as ck
from clausekit import cli, render
from clausekit import testing as ckst
from cli.helpers import (
    run,
)

# --------------------------------------------------------------------------- facts


GOOD_FACTS: list[tuple[str, ck.Fact]] = [
    ("offer-declined:Microsoft Corp", ck.OfferDeclined(by="Microsoft Corp")),
    ("offer-accepted:Bob", ck.OfferAccepted(by="Bob")),
    ("cannot-meet:Bob", ck.CannotMeetRequirements(by="Bob")),
    ("consent-given:Board", ck.ConsentGiven(by="Board")),
    ("consent-refused: Board ", ck.ConsentRefused(by="Board")),
    ("Consent-Given:Board", ck.ConsentGiven(by="Board")),
    ("agi-declared:2030-01-01", ck.AGIDeclared(on="2030-01-01")),
    ("agi-declared:2030-01-01:verified", ck.AGIDeclared(on="2030-01-01", verified=True)),
    ("agi-declared:2030-01-01:unverified", ck.AGIDeclared(on="2030-01-01", verified=False)),
    ("agi-declared:2030-01-01:unknown", ck.AGIDeclared(on="2030-01-01")),
    (
        "agi-declared:2030-01-01:verified:2030-03-01",
        ck.AGIDeclared(on="2030-01-01", verified=True, verified_on="2030-03-01"),
    ),
    ("assumed-rate:rs=0.20", ck.AssumedRate("rs", "0.20")),
    ("assumed-rate:rev-share = 1", ck.AssumedRate("rev-share", "1")),
    ("revenue:10000000000 USD:2025", ck.Revenue("10000000000 USD", "2025")),
    (
        "revenue:12.50 EUR:2025-01-01/2025-07-01:Acme",
        ck.Revenue("12.50 EUR", "2025-01-01/2025-07-01", earned_by="Acme"),
    ),
]

BAD_FACTS: list[tuple[str, type[Exception], str]] = [
    ("declined:Bob", ck.InvalidFactError, "Did you mean 'offer-declined'"),
    ("consent:Bob", ck.InvalidFactError, "'consent-given' or 'consent-refused'"),
    ("offer-declined", ck.InvalidFactError, "nothing after 'offer-declined:'"),
    ("offer-declined:", ck.InvalidFactError, "nothing after"),
    ("agi-declared:2030-02-30", ck.InvalidDateError, "2030-02-30"),
    ("agi-declared:2030-01-01:maybe", ck.InvalidFactError, "'maybe'"),
    ("agi-declared:2030-01-01:verified:2029-01-01", ck.InvalidFactError, "before the declaration"),
    ("agi-declared:2030-01-01:verified:2030-02-01:x", ck.InvalidFactError, "agi-declared:DAY"),
    ("agi-declared:2030-01-01T10:00", ck.NotADayError, "calendar day"),
    ("assumed-rate:rs", ck.InvalidFactError, "assumed-rate:CLAUSE=RATE"),
    ("assumed-rate:=0.2", ck.InvalidFactError, "assumed-rate:CLAUSE=RATE"),
    ("assumed-rate:rs=20%", ck.InvalidRateError, "'20%'"),
    ("assumed-rate:rs=1.5", ck.InvalidRateError, "between 0 and 1"),
    ("revenue:100 USD", ck.InvalidFactError, "revenue:AMOUNT CUR:PERIOD"),
    ("revenue:100:2025", ck.InvalidAmountError, "'100'"),
    ("revenue:100 XYZ:2025", ck.InvalidAmountError, "ISO 4217"),
    ("revenue:1e3.5 USD:2025", ck.InvalidAmountError, "1e3.5"),
    ("revenue:100 USD:last year", ck.InvalidPeriodError, "last year"),
    ("revenue:-5 USD:2025", ck.InvalidAmountError, "negative"),
]


class TestFactParsing:
    @pytest.mark.parametrize(("text", "fact"), GOOD_FACTS, ids=[t for t, _ in GOOD_FACTS])
    def test_good_facts(self, text: str, fact: ck.Fact) -> None:
        """Each documented --fact form reads into the fact it names."""
        assert cli.parse_fact(text) == fact

    @pytest.mark.parametrize(
        ("text", "error", "match"), BAD_FACTS, ids=[t for t, _, _ in BAD_FACTS]
    )
    def test_bad_facts(self, text: str, error: type[Exception], match: str) -> None:
        """A malformed --fact raises a clausekit error that quotes the bad part."""
        with pytest.raises(error) as info:
            cli.parse_fact(text)
        assert isinstance(info.value, ck.ClauseKitError)
        assert match in str(info.value)

    @pytest.mark.parametrize(("text", "error", "match"), BAD_FACTS[:4])
    def test_bad_facts_on_the_command_line_exit_2(
        self, capsys: pytest.CaptureFixture[str], text: str, error: type[Exception], match: str
    ) -> None:
        """On the command line a bad --fact is a one-line usage error (exit 2)."""
        code, _, err = run(capsys, "ask", "x.toml", "--actor", "A", "--on", "2025-01-01",
                           "--fact", text)  # fmt: skip
        assert code == 2
        assert err.startswith("clausekit ask: error: argument --fact: ")
        assert match in err
        assert len(err.splitlines()) == 1

    @given(scenario=ckst.scenarios(clause_ids=["c0", "c1"]))
    def test_format_fact_round_trips(self, scenario: ck.Scenario) -> None:
        """parse_fact(format_fact(f)) == f for every generated fact."""
        for fact in scenario:
            assert cli.parse_fact(render.format_fact(fact)) == fact

    @given(
        amount=ckst.money(),
        period=ckst.periods(),
        by=st.none() | st.sampled_from(ckst.PARTY_NAMES),
    )
    def test_revenue_round_trips(self, amount: ck.Money, period: ck.Period, by: str | None) -> None:
        """Revenue facts, open-ended periods and cents included, survive the --fact syntax."""
        fact = ck.Revenue(amount, period, earned_by=by)
        assert cli.parse_fact(render.format_fact(fact)) == fact


class TestAnyRegisteredKind:
    """The forms every registered fact kind reads: KIND:VALUE, KIND:FIELD=VALUE,..., @DAY."""

    @pytest.mark.parametrize(
        ("text", "fact"),
        [
            (
                "offer-declined:Microsoft@2025-03-01",
                ck.OfferDeclined(by="Microsoft", on="2025-03-01"),
            ),
            ("consent-given:by=Board", ck.ConsentGiven(by="Board")),
            ("consent-given:by=Board@2025-01-02", ck.ConsentGiven(by="Board", on="2025-01-02")),
            ("assumed-rate:clause=rs,rate=0.25", ck.AssumedRate("rs", "0.25")),
            (
                "agi-declared:on=2030-01-01,verified=true",
                ck.AGIDeclared(on="2030-01-01", verified=True),
            ),
            ("revenue:amount=5 USD,period=2025", ck.Revenue("5 USD", "2025")),
            ("revenue:5 USD:2025@2025-12-31", ck.Revenue("5 USD", "2025", on="2025-12-31")),
        ],
    )
    def test_generic_forms(self, text: str, fact: ck.Fact) -> None:
        """Fields by name and the @DAY suffix work for the bundled kinds."""
        assert cli.parse_fact(text) == fact

    @pytest.mark.parametrize(
        ("text", "match"),
        [
            ("offer-declined:Microsoft@2025-02-30", "2025-02-30"),
            (
                "offer-declined:who=Microsoft",
                "names a field 'who' that offer-declined facts do not",
            ),
            ("consent-given:bye=Board", "Did you mean 'by'?"),
            ("consent-given:by=Board,Acme", "has 'Acme' where FIELD=VALUE belongs"),
            ("offer-declinde:Microsoft", "Did you mean 'offer-declined'"),
            ("no-such-kind:WBD", "A kind of your own needs --import MODULE"),
            ("revenue:amount=5 USD", "lacks period: write revenue:amount=...,period=..."),
        ],
    )
    def test_mistakes(self, text: str, match: str) -> None:
        """A misspelt kind or field, a bad day: a clausekit error naming it."""
        with pytest.raises(ck.ClauseKitError, match=re.escape(match)):
            cli.parse_fact(text)

    def test_a_user_kind_reads_after_its_module(self) -> None:
        """A fact kind defined in a user's module reads as KIND:VALUE once it is imported.

        In a fresh process, so that the kind is not left registered in this one.
        """
        script = (
            "import user_kinds\n"
            "from clausekit import cli, render\n"
            "fact = cli.parse_fact('offer-matched:WBD@2025-05-01')\n"
            "assert fact == user_kinds.OfferMatched(by='WBD', on='2025-05-01'), fact\n"
            "print(render.format_fact(fact))\n"
        )
        done = subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).parents[1],
                              capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
        assert (done.returncode, done.stdout) == (0, "offer-matched:WBD@2025-05-01\n"), done.stderr

    def test_the_help_lists_the_generic_forms(self) -> None:
        """The --fact help shows KIND:VALUE, KIND:FIELD=VALUE and @DAY."""
        for form in ("KIND:VALUE", "KIND:FIELD=VALUE,FIELD=VALUE", "@DAY"):
            assert form in cli.FACT_HELP
