"""The command line: exit codes, one-line errors, help with examples, text and JSON answers.

Exit codes, stderr and ``--help`` are checked through a real subprocess
(``python -m clausekit``); everything else calls :func:`clausekit.cli.main`
in-process, and every JSON answer is compared with what the Python API
returns for the same question.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import clausekit as ck
from clausekit import cli, render
from clausekit import io as contract_io
from clausekit import testing as ckst
from contracts import distribution_agreement, shareholders_agreement

COMMANDS = ("ask", "timeline", "compare", "in-force", "check", "render", "revenue-share")

SRC = ck.OutsideSource(
    url="https://example.org/contracts/cloud",
    title="Acme–CloudCo cloud agreement (test fixture)",
    published="2019-07-22",
    gloss="Acme buys compute only from CloudCo and shares revenue with it.",
)


def cloud_agreement() -> ck.Agreement:
    """Acme buys compute only from CloudCo; from 2025-01-21 CloudCo has a ROFR; it ends 2025-10-28."""
    return ck.Agreement(
        id="acme-cloudco",
        title="Acme–CloudCo cloud agreement",
        parties=[
            ck.Party("Acme"),
            ck.Party("CloudCo", aliases=("CC",)),
            ck.Party("OtherCloud", aliases=("OC",)),
        ],
        amendments=[
            ck.Amendment(
                id="signed",
                title="Investment",
                effective="2019-07-22",
                evidence=[SRC],
                adds=[
                    ck.Exclusivity(
                        id="excl",
                        title="Exclusive cloud",
                        evidence=[SRC],
                        bound="Acme",
                        beneficiary="CloudCo",
                        consent_by="CloudCo",
                    ),
                    ck.Exclusivity(
                        id="api-excl",
                        title="API only on CloudCo",
                        evidence=[SRC],
                        bound="Acme",
                        beneficiary="CloudCo",
                        scope=["api"],
                    ),
                    ck.AGIClause(
                        id="agi", title="AGI", evidence=[SRC], declared_by="Acme", ends=["api-excl"]
                    ),
                    ck.RevenueShare(
                        id="rs",
                        title="Revenue share",
                        evidence=[SRC],
                        payer="Acme",
                        payee="CloudCo",
                        reported_rate="0.20",
                    ),
                ],
            ),
            ck.Amendment(
                id="rofr-2025",
                title="Exclusivity becomes a right of first refusal",
                effective="2025-01-21",
                evidence=[SRC],
                replaces=[
                    ck.Replacement(
                        "excl",
                        ck.RightOfFirstRefusal(
                            id="rofr",
                            title="Right of first refusal on compute",
                            evidence=[SRC],
                            grantor="Acme",
                            holder="CloudCo",
                            scope=["training", "research", "inference"],
                            triggers=["declined", "cannot-meet"],
                        ),
                    )
                ],
            ),
            ck.Amendment(
                id="definitive",
                title="Definitive agreement",
                effective="2025-10-28",
                announced="2025-10-28",
                evidence=[SRC],
                ends=["rofr"],
            ),
        ],
    )


AGREEMENTS: dict[str, Callable[[], ck.Agreement]] = {
    "cloud.toml": cloud_agreement,
    "distribution.toml": distribution_agreement,
    "shareholders.toml": shareholders_agreement,
}

TRAINING = ["--buyer", "Acme", "--provider", "OtherCloud", "--workload", "training"]
AWS_LIKE = ck.ProcureCompute(buyer="Acme", provider="OtherCloud", workload=ck.Workload.TRAINING)


@pytest.fixture
def deals(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, ck.Agreement]:
    """The three test agreements as TOML contract files in a fresh working directory.

    Returns each agreement as loaded back from its file, keyed by file name.
    """
    monkeypatch.chdir(tmp_path)
    loaded: dict[str, ck.Agreement] = {}
    for name, make in AGREEMENTS.items():
        contract_io.dump(make(), tmp_path / name)
        loaded[name] = contract_io.load(tmp_path / name)
    return loaded


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Call main(argv) in-process; return the exit code, stdout and stderr."""
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    """Call main(argv) with --json; it must exit 0 and print one JSON document."""
    code, out, err = run(capsys, *argv, "--json")
    assert (code, err) == (0, "")
    return json.loads(out)


def as_json(data: object) -> Any:
    """What a dict looks like after a JSON round trip (tuples become lists, and so on)."""
    return json.loads(json.dumps(data))


def subprocess_run(*argv: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m clausekit argv`` in a real process."""
    return subprocess.run(
        [sys.executable, "-m", "clausekit", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=120,
        check=False,
    )


# --------------------------------------------------------------------------- processes


class TestExitCodesInAProcess:
    @pytest.mark.parametrize(
        ("argv", "needle"),
        [
            (["ask", "x.toml", "--actor", "A", "--workload", "api", "--on", "2025-02-30"], "--on"),
            (["ask", "x.toml", "--actor", "A", "--on", "2025-01-01", "--during", "2025"], "--on"),
            (
                ["ask", "x.toml", "--actor", "A", "--fact", "declined:Bob", "--on", "2025-01-01"],
                "declined",
            ),
            (
                [
                    "ask",
                    "x.toml",
                    "--actor",
                    "A",
                    "--fact",
                    "assumed-rate:rs=0.2x",
                    "--on",
                    "2025-01-01",
                ],
                "0.2x",
            ),
            (
                ["timeline", "x.toml", "--actor", "A", "--workload", "api", "--from", "2025-01-01"],
                "--to",
            ),
            (
                ["compare", "x.toml", "--actor", "A", "2025-01-01", "2025-01-01T10:00"],
                "calendar day",
            ),
            (["render", "x.toml", "--actor", "A", "--format", "svg"], "svg"),
            (["nonsense"], "nonsense"),
            ([], "COMMAND"),
            (
                [
                    "ask",
                    "no-such-file.toml",
                    "--buyer",
                    "A",
                    "--provider",
                    "B",
                    "--workload",
                    "api",
                    "--on",
                    "2025-01-01",
                ],
                "no-such-file.toml",
            ),
        ],
    )
    def test_usage_errors_exit_2_with_one_line(self, argv: list[str], needle: str) -> None:
        """Bad arguments exit 2 with exactly one line on stderr naming the problem, no traceback."""
        done = subprocess_run(*argv)
        assert done.returncode == 2
        assert done.stdout == ""
        lines = done.stderr.splitlines()
        assert len(lines) == 1, done.stderr
        assert "error:" in lines[0]
        assert needle in lines[0]
        assert "Traceback" not in done.stderr

    def test_an_answer_exits_0(self, deals: dict[str, ck.Agreement], tmp_path: Path) -> None:
        """A question about a contract file is answered on stdout with exit 0 and no stderr."""
        done = subprocess_run("ask", "cloud.toml", *TRAINING, "--on", "2025-01-15", cwd=tmp_path)
        assert (done.returncode, done.stderr) == (0, "")
        expected = deals["cloud.toml"].ask(AWS_LIKE, on="2025-01-15").explain()
        assert done.stdout == expected + "\n"

    def test_a_bundled_model_by_name(self) -> None:
        """MODEL may name a bundled model; the JSON answer equals the Python API's."""
        model = ck.models.available()[0]
        deal = ck.models.load_model(model)
        day = deal.amendments[-1].effective
        done = subprocess_run("in-force", model, "--on", day.isoformat(), "--json")
        assert done.returncode == 0, done.stderr
        expected = render.in_force_to_dict(deal.in_force(on=day), on=day, agreement=deal.title)
        assert json.loads(done.stdout) == as_json(expected)

    def test_an_invalid_file_exits_1_one_line_per_problem(
        self, deals: dict[str, ck.Agreement], tmp_path: Path
    ) -> None:
        """An invalid contract file exits 1 and puts each problem on its own stderr line."""
        (tmp_path / "bad.toml").write_text(BAD_TOML, encoding="utf-8")
        done = subprocess_run("check", "bad.toml", cwd=tmp_path)
        assert (done.returncode, done.stdout) == (1, "")
        lines = done.stderr.splitlines()
        assert lines[0] == "clausekit: error: bad.toml: 2 problems found"
        assert lines[1].startswith("clausekit: error: bad.toml:6: parties[0].alias: ")
        assert lines[2].startswith("clausekit: error: bad.toml:10: amendments[0].effective: ")
        assert len(lines) == 3
        assert "Traceback" not in done.stderr

    def test_an_unknown_party_exits_2(self, deals: dict[str, ck.Agreement], tmp_path: Path) -> None:
        """A party the contract does not know is a usage error with a suggestion."""
        done = subprocess_run("ask", "cloud.toml", "--buyer", "Acme", "--provider", "Othercloud ",
                              "--workload", "api", "--on", "2025-01-15", cwd=tmp_path)  # fmt: skip
        assert done.returncode == 0  # names are matched ignoring case and surrounding spaces
        done = subprocess_run("ask", "cloud.toml", "--buyer", "Acme", "--provider", "Amazon",
                              "--workload", "api", "--on", "2025-01-15", cwd=tmp_path)  # fmt: skip
        assert (done.returncode, done.stdout) == (2, "")
        assert done.stderr.count("\n") == 1
        assert done.stderr.startswith("clausekit: error: Unknown party 'Amazon'")

    @pytest.mark.parametrize("command", COMMANDS)
    def test_every_help_example_runs(
        self, deals: dict[str, ck.Agreement], tmp_path: Path, command: str
    ) -> None:
        """The worked examples in --help are real: run against the test contracts, they exit 0."""
        for example in cli.EXAMPLES[command].split("\nclausekit "):
            argv = shlex.split(example.replace("\\\n", " "))
            if argv[0] == "clausekit":
                argv = argv[1:]
            done = subprocess_run(*argv, cwd=tmp_path)
            assert done.returncode == 0, (argv, done.stderr)
        if command == "render":
            assert (tmp_path / "sale.mmd").read_text(encoding="utf-8").startswith("gantt\n")

    def test_output_is_utf8_whatever_the_locale(
        self, deals: dict[str, ck.Agreement], tmp_path: Path
    ) -> None:
        """With an ASCII-only stdout encoding the answer is still written, as UTF-8."""
        done = subprocess.run(
            [sys.executable, "-m", "clausekit", "timeline", "cloud.toml", *TRAINING,
             "--from", "2019-01-01", "--to", "2027-01-01"],
            capture_output=True,
            cwd=tmp_path,
            env={**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"},
            timeout=120,
            check=False,
        )  # fmt: skip
        assert (done.returncode, done.stderr) == (0, b"")
        expected = deals["cloud.toml"].timeline(AWS_LIKE, start="2019-01-01", end="2027-01-01")
        assert done.stdout.decode("utf-8") == expected.explain() + "\n"
        assert "—".encode() in done.stdout

    @pytest.mark.parametrize("command", COMMANDS)
    def test_help_shows_a_worked_example(self, command: str) -> None:
        """Every command's --help exits 0 and ends with its worked example, verbatim."""
        done = subprocess_run(command, "--help")
        assert done.returncode == 0, done.stderr
        assert "example:" in done.stdout
        for line in cli.EXAMPLES[command].splitlines():
            assert line in done.stdout
        assert done.stdout.rstrip().endswith(cli.EXAMPLES[command].splitlines()[-1])

    def test_help_of_the_questions_lists_the_fact_forms(self) -> None:
        """ask --help documents every --fact kind."""
        done = subprocess_run("ask", "--help")
        for kind in render.FACT_KINDS.values():
            assert f"{kind}:" in done.stdout

    def test_top_level_help_names_every_command(self) -> None:
        """clausekit --help lists the commands and the exit codes."""
        done = subprocess_run("--help")
        assert done.returncode == 0
        for command in COMMANDS:
            assert command in done.stdout
        assert "exit codes" in done.stdout


# --------------------------------------------------------------------------- ask


class TestAsk:
    def test_text_is_the_verdicts_explanation(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """ask --on prints exactly the engine's explanation of the verdict."""
        code, out, err = run(capsys, "ask", "cloud.toml", *TRAINING, "--on", "2025-01-15")
        expected = deals["cloud.toml"].ask(AWS_LIKE, on="2025-01-15")
        assert (code, err) == (0, "")
        assert out == expected.explain() + "\n"
        assert "CONDITIONAL" in out

    def test_json_equals_the_api(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """ask --on --json is verdict_to_dict of the API's verdict for the same question."""
        data = run_json(capsys, "ask", "cloud.toml", *TRAINING, "--on", "2025-01-15")
        verdict = deals["cloud.toml"].ask(AWS_LIKE, on="2025-01-15")
        assert data == as_json(render.verdict_to_dict(verdict))
        assert data["outcome"] == verdict.outcome.value == "conditional"
        assert data["conditions"] == ["CloudCo consents"]
        assert data["on"] == "2025-01-15"
        assert [r["clause"]["id"] for r in data["rulings"]] == ["excl"]
        assert data["rulings"][0]["evidence"][0]["url"] == SRC.url

    def test_facts_change_the_answer(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--fact offer-declined:CC (an alias) frees Acme under the ROFR, as in the API."""
        argv = ("ask", "cloud.toml", *TRAINING, "--on", "2025-02-15")
        without = run_json(capsys, *argv)
        declined = run_json(capsys, *argv, "--fact", "offer-declined:CC")
        api = deals["cloud.toml"].ask(
            AWS_LIKE, on="2025-02-15", scenario=ck.Scenario(ck.OfferDeclined(by="CC"))
        )
        assert without["outcome"] == "conditional"
        assert declined == as_json(render.verdict_to_dict(api))
        assert declined["outcome"] == "permitted"
        assert declined["facts"] == ["offer-declined:CloudCo"]

    def test_during_splits_the_period(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """ask --during 2025-01 answers per segment, split on the day the ROFR starts."""
        data = run_json(capsys, "ask", "cloud.toml", *TRAINING, "--during", "2025-01")
        timeline = deals["cloud.toml"].ask(AWS_LIKE, during="2025-01")
        assert data == as_json(render.timeline_to_dict(timeline))
        assert [s["period"] for s in data["segments"]] == [
            {"start": "2025-01-01", "end": "2025-01-21"},
            {"start": "2025-01-21", "end": "2025-02-01"},
        ]
        assert data["segments"][1]["opened_by"]["id"] == "rofr-2025"
        code, out, _ = run(capsys, "ask", "cloud.toml", *TRAINING, "--during", "2025-01")
        assert code == 0
        assert out.startswith(timeline.explain())
        for segment in timeline.segments:
            assert segment.verdict.explain() in out

    def test_as_known_on_hides_later_amendments(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--as-known-on 2025-06-01 answers for November without the October amendment."""
        argv = ("ask", "cloud.toml", *TRAINING, "--on", "2025-11-15")
        now = run_json(capsys, *argv)
        then = run_json(capsys, *argv, "--as-known-on", "2025-06-01")
        api = deals["cloud.toml"].as_known_on("2025-06-01").ask(AWS_LIKE, on="2025-11-15")
        assert now["outcome"] == "permitted"
        assert then == as_json(render.verdict_to_dict(api))
        assert (then["outcome"], then["known_on"]) == ("conditional", "2025-06-01")

    def test_other_actions_by_verb_and_subject(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--verb/--subject ask about any action: a share transfer under the SHA."""
        data = run_json(
            capsys,
            "ask",
            "shareholders.toml",
            "--actor",
            "Ann",
            "--counterparty",
            "Rival Corp",
            "--verb",
            "transfer-shares",
            "--on",
            "2020-01-01",
            "--fact",
            "offer-declined:Bob",
        )
        api = deals["shareholders.toml"].ask(
            ck.TransferShares(seller="Ann", buyer="Rival Corp"),
            on="2020-01-01",
            scenario=ck.Scenario(ck.OfferDeclined(by="Bob")),
        )
        assert data == as_json(render.verdict_to_dict(api))
        assert data["outcome"] == "conditional"
        assert data["conditions"] == ["Board consents"]
        assert data["action"]["verb"] == "transfer-shares"

    def test_a_custom_verb_is_an_act(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A verb no clause knows is asked as an Act and permitted, saying no clause restricts it."""
        data = run_json(
            capsys, "ask", "distribution.toml", "--actor", "Acme", "--verb", "hire-staff",
            "--on", "2021-01-01",
        )  # fmt: skip
        assert data["outcome"] == "permitted"
        assert data["action"] == {
            "actor": "Acme",
            "verb": "hire-staff",
            "counterparty": None,
            "subject": "",
            "text": "Acme GmbH: hire staff",
        }
        assert data["rulings"] == []

    @pytest.mark.parametrize(
        ("extra", "needle"),
        [
            (["--provider", "Amazon", "--workload", "training"], "Unknown party 'Amazon'"),
            (
                [
                    "--provider",
                    "OtherCloud",
                    "--workload",
                    "training",
                    "--fact",
                    "consent-given:Nobody",
                ],
                "Unknown party 'Nobody'",
            ),
            (
                [
                    "--provider",
                    "OC",
                    "--workload",
                    "training",
                    "--fact",
                    "consent-given:CC",
                    "--fact",
                    "consent-refused:CloudCo",
                ],
                "contradict",
            ),
            (["--provider", "OC", "--workload", "api", "--verb", "use-ip"], "--workload"),
            (["--provider", "OC"], "--workload"),
            (["--workload", "api"], "--provider"),
            (["--provider", "OC", "--verb", "appoint-distributor"], "--subject"),
            (
                ["--provider", "OC", "--workload", "api", "--as-known-on", "2019-01-01"],
                "announced",
            ),
        ],
    )
    def test_question_errors_exit_2(
        self,
        deals: dict[str, ck.Agreement],
        capsys: pytest.CaptureFixture[str],
        extra: list[str],
        needle: str,
    ) -> None:
        """An unknown party, contradictory facts or an incomplete action: exit 2, one line."""
        code, out, err = run(capsys, "ask", "cloud.toml", "--actor", "Acme", *extra, "--on",
                             "2025-02-01")  # fmt: skip
        assert (code, out) == (2, "")
        assert len(err.splitlines()) == 1
        assert err.startswith(("clausekit ask: error: ", "clausekit: error: "))
        assert needle in err

    def test_a_bug_is_one_line_and_exit_3(
        self,
        deals: dict[str, ck.Agreement],
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """An unexpected exception inside clausekit prints one line, no traceback, exit 3."""

        def broken(verdict: ck.Verdict) -> dict[str, Any]:
            raise RuntimeError("renderer exploded")

        monkeypatch.setattr(cli, "verdict_to_dict", broken)
        code, out, err = run(capsys, "ask", "cloud.toml", *TRAINING, "--on", "2025-01-15", "--json")
        assert (code, out) == (3, "")
        assert err == (
            "clausekit: internal error: RuntimeError: renderer exploded. This is a bug in "
            "clausekit; please report it with the command you ran.\n"
        )

    def test_unknown_party_suggests_the_closest(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The party error carries the engine's "did you mean"."""
        _, _, err = run(capsys, "ask", "cloud.toml", "--buyer", "Acme", "--provider", "OtherCluod",
                        "--workload", "training", "--on", "2025-01-01")  # fmt: skip
        assert "Did you mean 'OtherCloud'?" in err


# --------------------------------------------------------------------------- other questions


class TestTimelineAndCompare:
    def test_timeline_text_and_json(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """timeline prints Timeline.explain(); --json is timeline_to_dict of the same timeline."""
        argv = ("timeline", "cloud.toml", *TRAINING, "--from", "2019-01-01", "--to", "2027-01-01")
        api = deals["cloud.toml"].timeline(AWS_LIKE, start="2019-01-01", end="2027-01-01")
        code, out, _ = run(capsys, *argv)
        assert (code, out) == (0, api.explain() + "\n")
        data = run_json(capsys, *argv)
        assert data == as_json(render.timeline_to_dict(api))
        assert [s["outcome"] for s in data["segments"]] == [
            "permitted",
            "conditional",
            "conditional",
            "permitted",
        ]

    def test_compare_text_and_json(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """compare names both answers and the amendment that changed it, as the API does."""
        argv = ("compare", "cloud.toml", *TRAINING, "2025-01-15", "2025-11-15")
        api = deals["cloud.toml"].compare(AWS_LIKE, "2025-01-15", "2025-11-15")
        code, out, _ = run(capsys, *argv)
        assert code == 0
        assert out.startswith(api.explain())
        assert api.first.explain() in out
        assert api.second.explain() in out
        data = run_json(capsys, *argv)
        assert data == as_json(render.comparison_to_dict(api))
        assert (data["first"]["outcome"], data["second"]["outcome"]) == ("conditional", "permitted")
        assert data["same"] is False
        assert [c["amendment"]["id"] for c in data["changes"]] == ["rofr-2025", "definitive"]

    def test_in_force(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """in-force lists each clause with its amendment, in text and JSON, as the API does."""
        deal = deals["cloud.toml"]
        data = run_json(capsys, "in-force", "cloud.toml", "--on", "2025-02-15")
        api = deal.in_force(on="2025-02-15")
        assert data == as_json(
            render.in_force_to_dict(
                api, on=ck.Period.parse("2025-02-15").start, agreement=deal.title
            )
        )
        assert [c["id"] for c in data["clauses"]] == [i.clause.id for i in api]
        assert "rofr" in [c["id"] for c in data["clauses"]]
        code, out, _ = run(capsys, "in-force", "cloud.toml", "--on", "2025-02-15")
        assert code == 0
        for item in api:
            assert f"{item.clause.id} ({item.clause.kind}): {item.clause.summary()}" in out

    def test_in_force_with_an_agi_fact(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An AGI declaration given as a fact ends the clauses the AGI clause names."""
        data = run_json(
            capsys, "in-force", "cloud.toml", "--on", "2026-01-01", "--fact",
            "agi-declared:2025-12-01",
        )  # fmt: skip
        assert "api-excl" not in [c["id"] for c in data["clauses"]]

    def test_nothing_in_force(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Before the agreement starts, in-force says no clause is in force."""
        code, out, _ = run(capsys, "in-force", "cloud.toml", "--on", "2019-01-01")
        assert code == 0
        assert out == "No clause of Acme–CloudCo cloud agreement is in force on 2019-01-01.\n"


class TestRevenueShare:
    def test_undisclosed_rate_is_unknown(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without an assumed rate the amount is null and the missing term is named."""
        argv = ("revenue-share", "cloud.toml", "--payer", "Acme", "--revenue", "10000000000 USD",
                "--during", "2025")  # fmt: skip
        data = run_json(capsys, *argv)
        api = deals["cloud.toml"].revenue_share("Acme", revenue="10000000000 USD", during="2025")
        assert data == as_json(render.owed_to_dict(api))
        assert (data["outcome"], data["amount"]) == ("unknown", None)
        assert data["shares"][0]["rate_source"] == "undisclosed"
        code, out, _ = run(capsys, *argv)
        hint = "  (to assume a rate: --fact assumed-rate:rs=RATE, e.g. 0.20)"
        assert (code, out) == (0, f"{api.explain()}\n{hint}\n")

    def test_assumed_rate_gives_an_exact_amount(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """assumed-rate:rs=0.20 gives 20 % of the revenue, exactly, money as strings."""
        data = run_json(
            capsys, "revenue-share", "cloud.toml", "--payer", "Acme", "--revenue",
            "10000000000 USD", "--during", "2025", "--fact", "assumed-rate:rs=0.20",
        )  # fmt: skip
        assert data["amount"] == {"amount": "2000000000.00", "currency": "USD"}
        assert data["revenue"] == {"amount": "10000000000", "currency": "USD"}
        assert data["shares"][0]["rate"] == "0.20"
        assert Decimal(data["amount"]["amount"]) == Decimal("0.20") * Decimal("10000000000")

    def test_revenue_as_a_fact(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The revenue may be given as a revenue:... fact instead of --revenue/--during."""
        data = run_json(
            capsys, "revenue-share", "cloud.toml", "--payer", "Acme", "--fact",
            "revenue:500 EUR:2025-01", "--fact", "assumed-rate:rs=0.1",
        )  # fmt: skip
        assert data["amount"] == {"amount": "50.0", "currency": "EUR"}
        assert data["period"] == {"start": "2025-01-01", "end": "2025-02-01"}

    def test_no_revenue_is_a_usage_error(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Neither --revenue nor a revenue fact: exit 2 with the engine's message."""
        code, _, err = run(capsys, "revenue-share", "cloud.toml", "--payer", "Acme")
        assert code == 2
        assert "revenue" in err
        assert len(err.splitlines()) == 1


# --------------------------------------------------------------------------- render


class TestRender:
    ARGV = (
        "render",
        "distribution.toml",
        "--actor",
        "Acme",
        "--counterparty",
        "Gamma",
        "--verb",
        "appoint-distributor",
        "--subject",
        "DE",
        "--from",
        "2019-01-01",
        "--to",
        "2027-01-01",
    )

    def api(self, deals: dict[str, ck.Agreement]) -> ck.Timeline:
        return deals["distribution.toml"].timeline(
            ck.AppointDistributor(principal="Acme", distributor="Gamma", territory="DE"),
            start="2019-01-01",
            end="2027-01-01",
        )

    @pytest.mark.parametrize(
        ("fmt", "renderer"),
        [
            ("markdown", render.timeline_to_markdown),
            ("mermaid", render.timeline_to_mermaid),
        ],
    )
    def test_formats_print_the_renderers_output(
        self,
        deals: dict[str, ck.Agreement],
        capsys: pytest.CaptureFixture[str],
        fmt: str,
        renderer: Callable[[ck.Timeline], str],
    ) -> None:
        """--format markdown|mermaid prints exactly what the pure renderer returns."""
        code, out, _ = run(capsys, *self.ARGV, "--format", fmt)
        assert (code, out) == (0, renderer(self.api(deals)) + "\n")

    def test_json_format(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--format json prints timeline_to_dict."""
        code, out, _ = run(capsys, *self.ARGV, "--format", "json")
        assert code == 0
        assert json.loads(out) == as_json(render.timeline_to_dict(self.api(deals)))

    def test_output_writes_only_that_path(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """--output PATH writes the chart there, prints nothing, and creates no other file."""
        target = tmp_path / "out" / "chart.mmd"
        target.parent.mkdir()
        before = set(tmp_path.rglob("*"))
        code, out, err = run(capsys, *self.ARGV, "--format", "mermaid", "--output", str(target))
        assert (code, out, err) == (0, "", "")
        expected = render.timeline_to_mermaid(self.api(deals)) + "\n"
        assert target.read_text(encoding="utf-8") == expected
        assert set(tmp_path.rglob("*")) - before == {target}

    def test_unwritable_output_is_a_usage_error(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """An --output in a missing directory: exit 2, one line, nothing created."""
        target = tmp_path / "missing" / "chart.md"
        code, _, err = run(capsys, *self.ARGV, "--output", str(target))
        assert code == 2
        assert "cannot write --output" in err
        assert len(err.splitlines()) == 1
        assert not target.parent.exists()

    @pytest.mark.parametrize(
        "extra",
        [
            [],
            ["--from", "2019-01-01"],
            ["--during", "2025", "--from", "2019-01-01", "--to", "2020-01-01"],
        ],
    )
    def test_period_must_be_given_once(
        self,
        deals: dict[str, ck.Agreement],
        capsys: pytest.CaptureFixture[str],
        extra: list[str],
    ) -> None:
        """render needs --from and --to, or --during; anything else exits 2."""
        code, _, err = run(capsys, *self.ARGV[:10], *extra)
        assert code == 2
        assert err.startswith("clausekit render: error: ")

    def test_during_instead_of_from_to(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--during 2023 renders the year, split on the renewal day."""
        code, out, _ = run(capsys, *self.ARGV[:10], "--during", "2023")
        assert code == 0
        assert "| 2023-01-01 | 2023-07-01 | CONDITIONAL |" in out
        assert "| 2023-07-01 | 2024-01-01 | PROHIBITED |" in out


# --------------------------------------------------------------------------- check


BAD_TOML = """\
format = "clausekit/1"
id = "bad"
title = "Bad"
[[parties]]
name = "Acme"
alias = ["A"]
[[amendments]]
id = "a"
title = "A"
effective = "2025-02-30"
evidence = [{ url = "https://example.org/x", title = "X", published = "2020-01-01", gloss = "g" }]
"""


class TestCheck:
    def test_a_valid_file(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A valid contract: exit 0 and a one-line summary of what it holds."""
        code, out, err = run(capsys, "check", "shareholders.toml")
        assert (code, err) == (0, "")
        assert out == (
            "shareholders.toml: a valid contract file — 5 parties, 1 amendments, 2 clauses\n"
            "Nordlicht shareholders' agreement (nordlicht-sha): no findings.\n"
        )

    def test_an_invalid_file_lists_every_problem(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An invalid file: exit 1, every problem on its own stderr line, nothing on stdout."""
        Path("bad.toml").write_text(BAD_TOML, encoding="utf-8")
        code, out, err = run(capsys, "check", "bad.toml")
        assert (code, out) == (1, "")
        lines = err.splitlines()
        assert lines == [
            "clausekit: error: bad.toml: 2 problems found",
            "clausekit: error: bad.toml:6: parties[0].alias: unknown key 'alias' for a party. "
            "Did you mean 'aliases'? Valid keys: name, aliases, description.",
            "clausekit: error: bad.toml:10: amendments[0].effective: effective='2025-02-30' is not "
            "a calendar day: day is out of range for month. Pass an ISO date such as '2025-01-15'.",
        ]

    def test_an_invalid_file_as_json(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """check --json describes every problem with its field path and line, and exits 1."""
        Path("bad.toml").write_text(BAD_TOML, encoding="utf-8")
        code, out, _ = run(capsys, "check", "bad.toml", "--json")
        data = json.loads(out)
        assert code == 1
        assert (data["kind"], data["valid"], data["agreement"]) == ("check", False, None)
        assert [(p["path"], p["line"]) for p in data["problems"]] == [
            ("parties[0].alias", 6),
            ("amendments[0].effective", 10),
        ]
        with pytest.raises(ck.ContractFileError) as info:
            contract_io.load("bad.toml")
        assert [p["message"] for p in data["problems"]] == [p.message for p in info.value.problems]

    @pytest.mark.parametrize(
        "argv",
        [
            ["in-force", "bad.toml", "--on", "2025-01-01"],
            ["ask", "bad.toml", *TRAINING, "--on", "2025-01-01"],
            ["revenue-share", "bad.toml", "--payer", "Acme"],
        ],
    )
    def test_an_invalid_file_in_any_command_exits_1(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str], argv: list[str]
    ) -> None:
        """Every command reports a file that will not load with exit 1, not 2."""
        Path("bad.toml").write_text(BAD_TOML, encoding="utf-8")
        code, out, err = run(capsys, *argv)
        assert (code, out) == (1, "")
        assert err.splitlines()[0] == "clausekit: error: bad.toml: 2 problems found"

    def test_a_file_of_unknown_format(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An existing file whose suffix names no format is an invalid contract file (exit 1)."""
        Path("notes.txt").write_text("hello", encoding="utf-8")
        code, _, err = run(capsys, "check", "notes.txt")
        assert code == 1
        assert "suffix '.txt'" in err

    @pytest.mark.parametrize(
        ("clauses", "expected", "codes"),
        [
            ([], 0, []),
            ([("rofr", "Acme", "Acme")], 0, ["same-party-both-sides"]),
            (
                [("excl", "Acme", "Beta"), ("excl", "Acme", "Gamma")],
                1,
                ["contradictory-exclusivity"],
            ),
        ],
    )
    def test_findings_of_the_checker(
        self,
        deals: dict[str, ck.Agreement],
        capsys: pytest.CaptureFixture[str],
        clauses: list[tuple[str, str, str]],
        expected: int,
        codes: list[str],
    ) -> None:
        """The checker's findings are printed and listed in JSON; only errors make exit 1."""
        agreement = checked_agreement(clauses)
        contract_io.dump(agreement, "checked.toml")
        report = agreement.check()
        assert [f.code for f in report] == codes
        code, out, err = run(capsys, "check", "checked.toml")
        assert (code, err) == (expected, "")
        assert out.splitlines()[1] == report.summary()
        for finding in report:
            assert finding.render(citations=False) in out
        code, out, _ = run(capsys, "check", "checked.toml", "--json")
        data = json.loads(out)
        assert code == expected
        assert (data["valid"], data["agreement"]) == (True, {"id": "checked", "title": "Checked"})
        assert data["findings"] == as_json([f.to_dict() for f in report])


def checked_agreement(clauses: list[tuple[str, str, str]]) -> ck.Agreement:
    """Acme, Beta and Gamma with the given exclusivities and rights of first refusal.

    Each clause is ``(kind, bound party, other party)``.
    """
    built: list[ck.Clause] = [
        ck.Exclusivity(id=f"c{i}", title="Only", evidence=[SRC], bound=bound, beneficiary=other)
        if kind == "excl"
        else ck.RightOfFirstRefusal(
            id=f"c{i}", title="First refusal", evidence=[SRC], grantor=bound, holder=other
        )
        for i, (kind, bound, other) in enumerate(clauses)
    ]
    return ck.Agreement(
        id="checked",
        title="Checked",
        parties=[ck.Party("Acme"), ck.Party("Beta"), ck.Party("Gamma")],
        amendments=[
            ck.Amendment(id="a", title="A", effective="2020-01-01", evidence=[SRC], adds=built)
        ],
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

    @given(scenario=ckst.scenarios())
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


# --------------------------------------------------------------------------- JSON shape

VERDICT_KEYS = [
    "kind", "agreement", "action", "on", "known_on", "outcome", "headline", "reason",
    "conditions", "missing", "assumptions", "facts", "rulings", "explanation",
]  # fmt: skip
RULING_KEYS = ["clause", "amendment", "effect", "reason", "conditions", "missing", "evidence"]
AMENDMENT_KEYS = ["id", "title", "effective", "announced"]
CLAUSE_KEYS = ["id", "kind", "title", "summary"]
ACTION_KEYS = ["actor", "verb", "counterparty", "subject", "text"]
OUTSIDE_KEYS = ["type", "url", "title", "published", "gloss", "claim", "citation"]
SEGMENT_KEYS = ["period", "outcome", "headline", "opened_by", "cause", "verdict"]
OWED_KEYS = [
    "kind", "payer", "revenue", "period", "outcome", "amount", "missing", "shares", "explanation",
]  # fmt: skip
SHARE_KEYS = ["clause", "amendment", "payee", "rate", "rate_source", "amount", "capped"]


def walk_verdict(verdict: dict[str, Any]) -> Iterator[tuple[list[str], list[str]]]:
    """(actual keys, documented keys) for a verdict and everything inside it."""
    yield list(verdict), VERDICT_KEYS
    yield list(verdict["action"]), ACTION_KEYS
    for ruling in verdict["rulings"]:
        yield list(ruling), RULING_KEYS
        yield list(ruling["clause"]), CLAUSE_KEYS
        yield list(ruling["amendment"]), AMENDMENT_KEYS
        for evidence in ruling["evidence"]:
            yield list(evidence), OUTSIDE_KEYS


class TestJsonStability:
    def test_verdict_keys(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A verdict and its rulings have exactly the documented keys, in order."""
        data = run_json(capsys, "ask", "cloud.toml", *TRAINING, "--on", "2025-02-15")
        assert data["kind"] == "verdict"
        for actual, documented in walk_verdict(data):
            assert actual == documented

    def test_timeline_and_comparison_keys(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Timelines and comparisons have the documented keys, verdicts nested unchanged."""
        timeline = run_json(capsys, "timeline", "cloud.toml", *TRAINING, "--from", "2019-01-01",
                            "--to", "2027-01-01")  # fmt: skip
        assert list(timeline) == ["kind", "action", "period", "segments"]
        assert list(timeline["period"]) == ["start", "end"]
        for segment in timeline["segments"]:
            assert list(segment) == SEGMENT_KEYS
            for actual, documented in walk_verdict(segment["verdict"]):
                assert actual == documented
        comparison = run_json(capsys, "compare", "cloud.toml", *TRAINING, "2025-01-15",
                              "2025-11-15")  # fmt: skip
        assert list(comparison) == ["kind", "action", "first", "second", "same", "changes"]
        assert len(comparison["changes"]) == 2
        for change in comparison["changes"]:
            assert list(change) == ["day", "amendment", "cause", "before", "after"]

    def test_money_and_in_force_keys(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Revenue shares and clauses in force have the documented keys; money is two strings."""
        owed = run_json(capsys, "revenue-share", "cloud.toml", "--payer", "Acme", "--revenue",
                        "7 USD", "--during", "2025", "--fact", "assumed-rate:rs=0.5")  # fmt: skip
        assert list(owed) == OWED_KEYS
        assert [list(s) for s in owed["shares"]] == [SHARE_KEYS]
        for money in (owed["revenue"], owed["amount"], owed["shares"][0]["amount"]):
            assert list(money) == ["amount", "currency"]
            assert all(isinstance(v, str) for v in money.values())
        in_force = run_json(capsys, "in-force", "cloud.toml", "--on", "2025-02-15")
        assert list(in_force) == ["kind", "agreement", "on", "known_on", "clauses"]
        assert all(list(c) == [*CLAUSE_KEYS, "amendment"] for c in in_force["clauses"])

    def test_keys_are_documented(self) -> None:
        """Every key the tests pin appears in the module docstring and the docs snippet."""
        snippet = (Path(__file__).parent.parent / "docs" / "_snippets" / "cli.md").read_text(
            encoding="utf-8"
        )
        for key in {*VERDICT_KEYS, *RULING_KEYS, *SEGMENT_KEYS, *OWED_KEYS, *SHARE_KEYS}:
            assert f'"{key}"' in (cli.__doc__ or ""), key
            assert f"`{key}`" in snippet or f'"{key}"' in snippet, key
