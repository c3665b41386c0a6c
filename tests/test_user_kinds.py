"""A clause kind and a fact kind defined in tests/ (tests/user_kinds.py), not in src/, working
everywhere a bundled kind works: questions and explanations, the three file formats, the JSON
Schema, the checker, clausekit.testing, and the command line with --import."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import types
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs
import jsonschema
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import clausekit as ck
import clausekit.testing as ckst
from clausekit.io import json_schema
from clausekit.registry import ACTION_KINDS, CLAUSE_KINDS, FACT_KINDS

TESTS = Path(__file__).parent


@pytest.fixture(scope="module", autouse=True)
def user_kinds() -> Iterator[types.ModuleType]:
    """tests/user_kinds.py, registered for this module's tests only.

    Kinds left registered would change the kind lists other tests and the docs print.
    """
    with CLAUSE_KINDS.restored(), FACT_KINDS.restored(), ACTION_KINDS.restored():
        module = sys.modules.get("tests.user_kinds")
        module = importlib.reload(module) if module else importlib.import_module("tests.user_kinds")
        yield module


def media_rights() -> ck.Agreement:
    return sys.modules["tests.user_kinds"].media_rights()  # type: ignore[no-any-return]


def kind(name: str) -> type:
    return getattr(sys.modules["tests.user_kinds"], name)  # type: ignore[no-any-return]


RIVAL_DEAL = ck.Act(actor="League", verb="license-media-rights", counterparty="Rival", subject="tv")


def test_both_kinds_are_registered() -> None:
    """Importing the module registered its kinds by their keywords."""
    assert CLAUSE_KINDS.lookup("matching-right") is kind("MatchingRight")
    assert FACT_KINDS.lookup("offer-matched") is kind("OfferMatched")


def test_ask_and_explain() -> None:
    """The user's clause rules, the user's fact decides, and explain() shows the ruling."""
    deal = media_rights()
    unknown = deal.ask(RIVAL_DEAL, on="2024-08-01")
    assert unknown.outcome is ck.Outcome.UNKNOWN
    assert unknown.missing == ("whether Incumbent matched the offer",)
    matched = deal.ask(
        RIVAL_DEAL, on="2024-08-01", scenario=ck.Scenario(kind("OfferMatched")(by="INC"))
    )
    assert matched.outcome is ck.Outcome.PROHIBITED
    assert "Incumbent matched the offer" in matched.explain()
    assert "matching-right" not in deal.ask(RIVAL_DEAL, on="2013-01-01").explain()


@pytest.mark.parametrize("fmt", ["toml", "yaml", "json"])
def test_files_round_trip_exactly(fmt: str) -> None:
    """The kind tag is written and read back in each format."""
    deal = media_rights()
    text = ck.dumps(deal, format=fmt)
    assert "matching-right" in text
    assert ck.loads(text, format=fmt) == deal


def test_a_misspelt_kind_suggests_the_user_kind() -> None:
    """A file naming 'matching-rigth' is told about 'matching-right'."""
    text = ck.dumps(media_rights(), format="json").replace('"matching-right"', '"matching-rigth"')
    with pytest.raises(ck.ContractFileError, match="matching-right"):
        ck.loads(text, format="json")


def test_the_json_schema_knows_the_kind_and_validates_the_file() -> None:
    """json_schema() is computed from the registry, user kinds included."""
    schema = json_schema()
    assert "matching-right" in json.dumps(schema)
    jsonschema.validate(json.loads(ck.dumps(media_rights(), format="json")), schema)


def test_the_checker_runs_over_the_user_kind() -> None:
    """check() needs no change for a new kind: the default hook finds nothing wrong."""
    report = media_rights().check()
    assert not report.has_errors


@settings(max_examples=25)
@given(st.data())
def test_testing_strategies_draw_the_user_kinds(data: st.DataObject) -> None:
    """st.from_type works for both kinds; the fact joins generated scenarios' facts."""
    clause = data.draw(st.from_type(kind("MatchingRight")))
    assert isinstance(clause, kind("MatchingRight"))
    fact = data.draw(st.from_type(kind("OfferMatched")))
    assert isinstance(fact, kind("OfferMatched"))
    assert ck.Scenario(fact)


def test_the_command_line_imports_the_user_module(tmp_path: Path) -> None:
    """clausekit --import user_kinds reads a file with the kind and takes --fact offer-matched."""
    contract = tmp_path / "media.toml"
    ck.dump(media_rights(), contract)
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "clausekit",
            "--import",
            "user_kinds",
            "ask",
            str(contract),
            "--actor",
            "League",
            "--verb",
            "license-media-rights",
            "--counterparty",
            "Rival",
            "--subject",
            "tv",
            "--on",
            "2024-08-01",
            "--fact",
            "offer-matched:Incumbent",
            "--json",
        ],
        capture_output=True,
        text=True,
        cwd=TESTS,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["outcome"] == "prohibited"


def test_clausekit_testing_clauses_draw_every_registered_kind() -> None:
    """clauses() reaches the user's kind among the registered ones."""
    seen: set[str] = set()

    @settings(max_examples=200, derandomize=True)
    @given(ckst.clauses())
    def collect(clause: ck.ClauseBase) -> None:
        seen.add(type(clause).kind)

    collect()
    assert "matching-right" in seen


# ----------------------------------------------------------- trigger and payment hooks

USE_CATALOGUE = ck.UseIP(user="Publisher", owner="Studio", subject="catalogue")


def acquired(day: str) -> ck.Scenario:
    return ck.Scenario(kind("Acquired")(party="Publisher", on=day))


def catalogue() -> ck.Agreement:
    return sys.modules["tests.user_kinds"].licensing_deal()  # type: ignore[no-any-return]


def test_a_user_trigger_ends_and_starts_clauses_on_its_day() -> None:
    """The agreement honours a user kind's trigger hooks as it does an AGI clause's."""
    deal = catalogue()
    before = deal.ask(USE_CATALOGUE, on="2024-05-31", scenario=acquired("2024-06-01"))
    after = deal.ask(USE_CATALOGUE, on="2024-06-01", scenario=acquired("2024-06-01"))
    assert before.outcome is ck.Outcome.PERMITTED
    assert [r.clause.id for r in before.rulings] == ["licence"]
    assert after.outcome is ck.Outcome.PROHIBITED  # the licence ended: using IP falls back
    assert after.rulings == ()
    in_force = {
        i.clause.id for i in deal.in_force(on="2024-06-01", scenario=acquired("2024-06-01"))
    }
    assert in_force == {"exit-royalty", "coc"}
    asleep = {i.clause.id for i in deal.in_force(on="2024-06-01")}
    assert asleep == {"licence", "royalty", "coc"}  # dormant until the trigger fires


def test_a_silent_scenario_names_the_kinds_assumption() -> None:
    verdict = catalogue().ask(USE_CATALOGUE, on="2024-06-01")
    assert verdict.outcome is ck.Outcome.PERMITTED
    assert verdict.assumptions == (
        "Publisher not acquired up to 2024-06-01 (the scenario says nothing of it)",
    )
    assert (
        catalogue().ask(USE_CATALOGUE, on="2024-06-01", scenario=acquired("2030-01-01")).assumptions
        == ()
    )


def test_a_timeline_splits_on_the_trigger_day_and_names_it() -> None:
    timeline = catalogue().ask(USE_CATALOGUE, during="2024", scenario=acquired("2024-06-01"))
    assert [s.verdict.outcome for s in timeline.segments] == [
        ck.Outcome.PERMITTED,
        ck.Outcome.PROHIBITED,
    ]
    second = timeline.segments[1]
    assert second.period.start == pendulum.date(2024, 6, 1)
    assert "Publisher acquired on 2024-06-01 (scenario; clause 'coc')" in second.cause
    assert "Acquired(" not in second.cause  # the trigger's words stand for the fact


def test_a_user_payment_kind_makes_revenue_share_owed() -> None:
    deal = catalogue()
    owed = deal.revenue_share("Publisher", revenue=ck.Money("1000", "USD"), during="2023")
    assert owed.amount == ck.Money("100", "USD")
    assert [(s.clause.id, s.payee, s.rate_source) for s in owed.shares] == [
        ("royalty", "Studio", "contract")
    ]
    later = deal.revenue_share(
        "Publisher", revenue=ck.Money("1000", "USD"), during="2025", scenario=acquired("2024-06-01")
    )
    assert later.amount == ck.Money("250", "USD")
    with pytest.raises(ck.AmbiguityError):  # the terms change inside the period
        deal.revenue_share(
            "Publisher",
            revenue=ck.Money("1000", "USD"),
            during="2024",
            scenario=acquired("2024-06-01"),
        )


def test_the_checker_names_the_users_trigger_event() -> None:
    """A clause a user trigger starts is dormant, and the checker says until what."""
    from clausekit.check import CheckContext
    from clausekit.check.lives import lives

    by_id = {life.id: life for life in lives(catalogue())}
    assert by_id["exit-royalty"].dormant
    assert by_id["exit-royalty"].dormant_until == "the target is acquired"
    assert not by_id["royalty"].dormant
    note = CheckContext.dormant_note(by_id["royalty"], by_id["exit-royalty"])
    assert note == " ('exit-royalty' only once the target is acquired)"


def test_a_user_fact_kind_gives_its_own_short_form() -> None:
    """``from_short``/``short_form`` let a kind read and write ``--fact KIND:...`` its own way."""
    from clausekit.cli.facts import parse_fact
    from clausekit.money import to_money
    from clausekit.render import format_fact

    @attrs.frozen(repr=False)
    class Valuation(ck.Fact, kind="valuation"):
        amount: ck.Money = attrs.field(converter=lambda v: to_money(v, field="amount"))

        @classmethod
        def from_short(cls, rest: str, fail: Callable[[str], Exception]) -> Valuation:
            number, _, currency = rest.partition(" ")
            if not currency:
                raise fail("must read valuation:AMOUNT CUR, e.g. 'valuation:100 USD'")
            return cls(ck.Money(number, currency))

        def short_form(self) -> str:
            return f"{self.amount.amount} {self.amount.currency}"

    fact = parse_fact("valuation:100 USD@2024-01-01")
    assert fact == Valuation(ck.Money("100", "USD"), on="2024-01-01")
    assert format_fact(fact) == "valuation:100 USD@2024-01-01"
    assert parse_fact("valuation:amount=100 USD") == Valuation(ck.Money("100", "USD"))
    with pytest.raises(ck.InvalidFactError, match=r"--fact 'valuation:100' must read valuation"):
        parse_fact("valuation:100")


# ----------------------------------------------------------------------- action kinds


def test_a_user_action_kind_is_registered_by_its_verb_and_keeps_its_default() -> None:
    from clausekit.actions import verb_phrase
    from clausekit.registry import ACTION_KINDS

    use_brand = kind("UseBrand")
    assert ACTION_KINDS.lookup("use-brand") is use_brand
    assert verb_phrase("use-brand") == "use the brand"
    action = use_brand(licensee="Publisher", owner="Studio")
    assert (action.actor, action.verb, action.counterparty, action.subject) == (
        "Publisher",
        "use-brand",
        "Studio",
        "",
    )
    verdict = catalogue().ask(action, on="2024-01-01")
    assert verdict.outcome is ck.Outcome.PROHIBITED
    assert verdict.by_default
    assert "Publisher: use the brand with Studio" in verdict.explain()


def test_the_command_line_builds_a_user_action_from_its_verb(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from clausekit.cli import main

    contract = tmp_path / "catalogue.toml"
    ck.dump(catalogue(), contract)
    ask = [
        "ask",
        str(contract),
        "--actor",
        "Publisher",
        "--verb",
        "use-brand",
        "--on",
        "2024-01-01",
    ]
    assert main([*ask, "--counterparty", "Studio", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert (answer["outcome"], answer["action"]["text"]) == (
        "prohibited",
        "Publisher: use the brand with Studio",
    )
    assert main(ask) == 2
    assert "use-brand needs --counterparty (the owner of the brand)." in capsys.readouterr().err
    assert main([*ask, "--counterparty", "Studio", "--default", "permitted"]) == 2
    assert "--default is for a --verb of your own" in capsys.readouterr().err
