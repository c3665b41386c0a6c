"""--outsider, --qualifier and --default: issue 11's semantics on the command line."""

from __future__ import annotations

import pytest

import clausekit as ck
from clausekit import render
from cli.helpers import as_json, run, run_json


@pytest.mark.usefixtures("deals")
class TestOutsiders:
    def test_an_outsider_is_answered_and_named(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--outsider asks about a party the agreement does not list; JSON equals the API."""
        data = run_json(
            capsys,
            "ask",
            "cloud.toml",
            "--buyer",
            "Acme",
            "--outsider",
            "Nimbus",
            "--workload",
            "training",
            "--on",
            "2025-01-15",
        )
        action = ck.ProcureCompute(buyer="Acme", provider=ck.Party("Nimbus"), workload="training")
        verdict = deals["cloud.toml"].ask(action, on="2025-01-15")
        assert data == as_json(render.verdict_to_dict(verdict))
        assert data["notes"] == [
            "Nimbus is not a party to the agreement (asked about as an outsider)"
        ]
        assert data["action"]["counterparty"] == "Nimbus"

    def test_a_misspelt_counterparty_still_fails(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Only --outsider skips the check of names: --counterparty must be the agreement's."""
        code, _, err = run(
            capsys,
            "ask",
            "cloud.toml",
            "--buyer",
            "Acme",
            "--provider",
            "Nimbus",
            "--workload",
            "training",
            "--on",
            "2025-01-15",
        )
        assert code == 2
        assert "Unknown party 'Nimbus'" in err

    def test_outsider_and_counterparty_together_are_refused(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """One other party per question."""
        code, _, err = run(
            capsys,
            "ask",
            "cloud.toml",
            "--buyer",
            "Acme",
            "--provider",
            "CC",
            "--outsider",
            "Nimbus",
            "--workload",
            "training",
            "--on",
            "2025-01-15",
        )
        assert code == 2
        assert "not both" in err


@pytest.mark.usefixtures("deals")
class TestQualifiersAndDefaults:
    def test_qualifiers_reach_the_action(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--qualifier is repeatable and shows in the action's JSON."""
        data = run_json(
            capsys,
            "ask",
            "cloud.toml",
            "--buyer",
            "Acme",
            "--provider",
            "CC",
            "--workload",
            "training",
            "--qualifier",
            "open-weight",
            "--qualifier",
            "local",
            "--on",
            "2025-01-15",
        )
        assert data["action"]["qualifiers"] == ["local", "open-weight"]

    def test_a_default_of_prohibited(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--default prohibited for a verb of one's own: no licence grants it."""
        data = run_json(
            capsys,
            "ask",
            "cloud.toml",
            "--actor",
            "Acme",
            "--verb",
            "use-brand",
            "--counterparty",
            "CC",
            "--default",
            "prohibited",
            "--on",
            "2025-01-15",
        )
        assert data["outcome"] == "prohibited"
        assert data["by_default"] is True
        assert data["headline"] == "PROHIBITED — no licence in force grants this"

    def test_default_is_refused_for_named_verbs(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Named actions carry their own default."""
        code, _, err = run(
            capsys,
            "ask",
            "cloud.toml",
            "--buyer",
            "Acme",
            "--provider",
            "CC",
            "--workload",
            "training",
            "--default",
            "prohibited",
            "--on",
            "2025-01-15",
        )
        assert code == 2
        assert "--default is for a --verb of your own" in err

    def test_a_misspelt_verb_suggests(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A verb close to the vocabulary's is an error with the suggestion, exit 2."""
        code, _, err = run(
            capsys,
            "ask",
            "cloud.toml",
            "--actor",
            "Acme",
            "--verb",
            "procure-computer",
            "--counterparty",
            "CC",
            "--subject",
            "training",
            "--on",
            "2025-01-15",
        )
        assert code == 2
        assert "Did you mean 'procure-compute'?" in err
