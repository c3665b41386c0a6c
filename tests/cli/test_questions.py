"""clausekit.cli.questions: ask, timeline, compare, in-force, revenue-share and render, against the API."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import clausekit as ck
from clausekit import cli, render
from cli.helpers import (
    AWS_LIKE,
    SRC,
    TRAINING,
    as_json,
    run,
    run_json,
)

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

    def test_disputed_readings(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--disputed asks each reading; dated forms work as with --fact, and JSON names them."""
        argv = ("ask", "cloud.toml", *TRAINING, "--on", "2025-02-15")
        data = run_json(
            capsys, *argv, "--disputed", "offer-declined:CC@2025-02-01|offer-accepted:CC@2025-02-01"
        )
        assert data["outcome"] == "unknown"
        assert [r["outcome"] for r in data["readings"]] == ["permitted", "prohibited"]

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
            "qualifiers": [],
            "text": "Acme GmbH: hire staff",
        }
        assert data["rulings"] == []
        assert data["notes"] == ["no clause of this agreement speaks of the verb 'hire-staff'"]

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

        monkeypatch.setattr(cli.questions, "verdict_to_dict", broken)
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


# --------------------------------------------------------------------------- JSON shape

VERDICT_KEYS = [
    "kind", "agreement", "action", "on", "known_on", "outcome", "headline", "reason",
    "conditions", "missing", "default", "by_default", "notes", "assumptions", "facts", "rulings",
    "sources", "readings", "explanation",
]  # fmt: skip
RULING_KEYS = [
    "clause", "amendment", "effect", "reason", "conditions", "missing", "evidence", "sources",
]  # fmt: skip
SOURCE_KEYS = ["number", "source", "claims", "clauses", "amendments"]
OUTSIDE_SOURCE_KEYS = ["type", "url", "title", "published", "citation"]
OUTSIDE_CLAIM_KEYS = ["claim", "gloss", "text"]
AMENDMENT_KEYS = ["id", "title", "effective", "announced"]
CLAUSE_KEYS = ["id", "kind", "title", "summary"]
ACTION_KEYS = ["actor", "verb", "counterparty", "subject", "qualifiers", "text"]
OUTSIDE_KEYS = ["type", "url", "title", "published", "gloss", "claim", "citation", "disputed"]
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
    for source in verdict["sources"]:
        yield list(source), SOURCE_KEYS
        yield list(source["source"]), OUTSIDE_SOURCE_KEYS
        for claim in source["claims"]:
            yield list(claim), OUTSIDE_CLAIM_KEYS

    def test_svg_format(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--format svg prints Timeline.to_svg()."""
        code, out, _ = run(capsys, *self.ARGV, "--format", "svg")
        assert (code, out) == (0, self.api(deals).to_svg())


class TestRenderMap:
    """render --map: the clause map, for no action, in svg, mermaid or markdown."""

    def api(self, deals: dict[str, ck.Agreement], **kw: object) -> render.ClauseMap:
        return deals["cloud.toml"].clause_map(**kw)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("fmt", "method"),
        [("svg", "to_svg"), ("mermaid", "to_mermaid"), ("markdown", "to_markdown")],
    )
    def test_formats(
        self,
        deals: dict[str, ck.Agreement],
        capsys: pytest.CaptureFixture[str],
        fmt: str,
        method: str,
    ) -> None:
        """Each format prints what the ClauseMap method returns, --from/--to/--today passed on."""
        code, out, err = run(capsys, "render", "cloud.toml", "--map", "--from", "2019-01-01",
                             "--to", "2027-01-01", "--today", "2025-11-15", "--format", fmt)  # fmt: skip
        expected = getattr(
            self.api(deals, start="2019-01-01", end="2027-01-01", today="2025-11-15"), method
        )()
        assert (code, err) == (0, "")
        assert out == expected if expected.endswith("\n") else out == expected + "\n"

    def test_defaults_and_during(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Without --from/--to the map spans the agreement; --during gives both ends."""
        code, out, _ = run(capsys, "render", "cloud.toml", "--map")
        assert (code, out) == (0, self.api(deals).to_markdown() + "\n")
        code, out, _ = run(capsys, "render", "cloud.toml", "--map", "--during", "2025")
        expected = self.api(deals, start="2025-01-01", end="2026-01-01").to_markdown()
        assert (code, out) == (0, expected + "\n")

    def test_output_file(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """--output writes the picture there and prints nothing."""
        target = tmp_path / "map.svg"
        code, out, err = run(capsys, "render", "cloud.toml", "--map", "--format", "svg",
                             "--output", str(target))  # fmt: skip
        assert (code, out, err) == (0, "", "")
        assert target.read_text(encoding="utf-8") == self.api(deals).to_svg()

    @pytest.mark.parametrize(
        ("extra", "message"),
        [
            (["--buyer", "Acme"], "drop --actor"),
            (["--workload", "training"], "drop --workload"),
            (["--fact", "consent-given:CloudCo"], "drop --fact"),
            (["--format", "json"], "--format json is for timelines"),
            (["--from", "2025-01-01", "--to", "2024-01-01"], "is not after --from"),
            (["--during", "2025", "--from", "2025-01-01"], "either --during or --from"),
        ],
    )
    def test_refused(
        self, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
    ) -> None:
        """What --map cannot use is refused with exit 2 and one line saying what to drop."""
        code, out, err = run(capsys, "render", "cloud.toml", "--map", *extra)
        assert (code, out) == (2, "")
        assert err.startswith("clausekit render: error: ")
        assert message in err
        assert err.count("\n") == 1

    def test_timeline_still_needs_an_action(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Without --map, render needs --actor (and --today needs --map)."""
        code, _, err = run(capsys, "render", "cloud.toml", "--during", "2025")
        assert code == 2
        assert "render needs --actor" in err
        code, _, err = run(capsys, "render", "cloud.toml", "--buyer", "Acme", "--workload",
                           "training", "--during", "2025", "--today", "2025-06-01")  # fmt: skip
        assert code == 2
        assert "add --map" in err


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
        snippet = (Path(__file__).parents[2] / "docs" / "_snippets" / "cli.md").read_text(
            encoding="utf-8"
        )
        for key in {*VERDICT_KEYS, *RULING_KEYS, *SOURCE_KEYS, *SEGMENT_KEYS, *OWED_KEYS,
                    *SHARE_KEYS}:  # fmt: skip
            assert f'"{key}"' in (cli.__doc__ or ""), key
            assert f"`{key}`" in snippet or f'"{key}"' in snippet, key
