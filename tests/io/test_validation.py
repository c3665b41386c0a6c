"""Validation: every problem in a malformed file, each with its line, path, and fix."""

from __future__ import annotations

import pytest
from io_samples import (
    BAD_FILES,
    BASE_DEAL,
    BASE_TOML,
    Marker,
    edit,
    line_of,
    raised,
)

import clausekit as ck
from clausekit import io as ckio
from clausekit.errors import ContractFileError


class TestBadFiles:
    @pytest.mark.parametrize(
        ("fmt", "text", "cause", "fragment", "path", "marker"),
        [pytest.param(*case[1:], id=case[0]) for case in BAD_FILES],
    )
    def test_each_problem_is_reported_clearly(
        self,
        fmt: str,
        text: str,
        cause: type[Exception] | None,
        fragment: str,
        path: str,
        marker: Marker,
    ) -> None:
        """The error names the file, the field path, the line, and says what is wrong."""
        error = raised(text, fmt, source=f"deal.{fmt}")
        messages = [p.message for p in error.problems]
        assert any(fragment in m for m in messages), messages
        problem = next(p for p in error.problems if fragment in p.message)
        assert problem.path == path
        if marker is not None:
            assert problem.line == line_of(text, marker), str(error)
        assert str(error).startswith(f"deal.{fmt}: ")
        if cause is not None:
            assert isinstance(error.__cause__, cause), repr(error.__cause__)
        assert isinstance(error, ck.ClauseKitError)
        assert isinstance(error, ValueError)

    def test_the_table_is_long_enough(self) -> None:
        """At least twenty kinds of malformed files are covered."""
        assert len(BAD_FILES) >= 20

    def test_all_problems_at_once(self) -> None:
        """A file with three mistakes lists all three, each at its own line."""
        text = edit(BASE_TOML, 'beneficiary = "Beta"', 'beneficary = "Beta"')
        text = edit(text, 'effective = "2021-06-01"', 'effective = "2021-06-31"')
        text = edit(text, 'amount = "100000000000"', "amount = 1.5")
        error = raised(text, "toml", source="three.toml")
        unknown = [p for p in error.problems if "beneficary" in p.path]
        dates = [p for p in error.problems if p.path == "amendments[1].effective"]
        floats = [p for p in error.problems if p.path.endswith("profit_threshold.amount")]
        assert len(unknown) == len(dates) == len(floats) == 1
        assert str(error).startswith("three.toml: 3 problems found")
        assert "It is required and missing" in unknown[0].message
        assert {p.line for p in error.problems} >= {
            line_of(text, "beneficary"),
            line_of(text, "2021-06-31"),
            line_of(text, "amount = 1.5"),
        }

    def test_unknown_parties_are_all_reported(self) -> None:
        """Every unknown party name is reported, not only the first."""
        text = edit(BASE_TOML, 'beneficiary = "Beta"', 'beneficiary = "Betta"')
        text = edit(text, 'payer = "Acme"', 'payer = "Acme Inc"')
        error = raised(text, "toml")
        assert [p.path for p in error.problems] == [
            "amendments[0].adds[0].beneficiary",
            "amendments[0].adds[1].payer",
        ]

    def test_failed_load_changes_nothing(self) -> None:
        """A failed load leaves no trace: the next load of a good file works the same."""
        before = ckio.to_dict(BASE_DEAL)
        for case in BAD_FILES:
            with pytest.raises(ContractFileError):
                ck.loads(case[2], format=case[1])  # type: ignore[arg-type]
        assert ck.loads(BASE_TOML, format="toml") == BASE_DEAL
        assert ckio.to_dict(BASE_DEAL) == before


class TestCheckerAgreesWithTheConverter:
    def test_an_empty_key_is_an_unknown_key(self) -> None:
        """'' is a key like any other: unknown, reported on its path (not skipped)."""
        data = ckio.to_dict(BASE_DEAL)
        data["parties"][0][""] = "x"
        with pytest.raises(ContractFileError) as info:
            ckio.from_dict(data)
        assert [p.path for p in info.value.problems] == ["parties[0]."]
        assert "unknown key '' for a party" in info.value.problems[0].message
