"""clausekit.cli.check: a contract file's problems, and the consistency checker's findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import clausekit as ck
from clausekit import io as contract_io
from cli.helpers import (
    BAD_TOML,
    SRC,
    TRAINING,
    as_json,
    run,
)

# --------------------------------------------------------------------------- check


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
            "Did you mean 'aliases'? Valid keys: name, aliases, description, outsider.",
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
