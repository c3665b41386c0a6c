"""clausekit.check.report and clausekit.check.diagnostic: ordering, text, JSON, frozen values."""

from __future__ import annotations

import json

import attrs
import pytest

from check.helpers import SRC, amend, deal, deal_with, excl, rofr
from clausekit.check import Diagnostic, Report, Severity


class TestReport:
    """How a report orders, renders and serialises its findings."""

    @pytest.fixture
    def report(self) -> Report:
        """An error, a warning and an info, found in that order of severity."""
        agreement = deal(
            amend("a", "2020-01-01", adds=[rofr("r", "Beta", scope=["training"])]),
            amend(
                "b",
                "2021-01-01",
                announced="2021-12-01",
                adds=[
                    excl("e1", "Gamma", scope=["api"]),
                    excl("e2", "Delta", scope=["api"]),
                    deal_with("d", "Delta", scope=["training"]),
                ],
            ),
        )
        return agreement.check()

    def test_errors_first(self, report: Report) -> None:
        """Findings are sorted by severity, errors first; has_errors reflects them."""
        assert [f.severity for f in report] == [
            Severity.ERROR,
            Severity.WARNING,
            Severity.INFO,
        ]
        assert report.codes() == (
            "contradictory-exclusivity",
            "announced-long-after",
            "purchase-under-first-refusal",
        )
        assert report.has_errors
        assert len(report.errors) == len(report.warnings) == len(report.of("info")) == 1

    def test_text(self, report: Report) -> None:
        """The text names each severity, code, clause, amendment, period and citation."""
        text = report.render()
        assert text.splitlines()[0] == "Fixture (fixture): 3 findings (1 error, 1 warning, 1 info)."
        assert "error [contradictory-exclusivity] Clauses 'e1' and 'e2'" in text
        assert "clauses: e1, e2; amendments: b; days: 2021-01-01/.." in text
        assert f"- {SRC.title}, 2020-01-01, {SRC.url}" in text
        assert str(report) == text
        assert SRC.url not in report.render(citations=False)

    def test_json(self, report: Report) -> None:
        """to_dict() is plain JSON data."""
        data = json.loads(json.dumps(report.to_dict()))
        assert data["has_errors"] is True
        first = data["findings"][0]
        assert first["severity"] == "error"
        assert first["code"] == "contradictory-exclusivity"
        assert first["clauses"] == ["e1", "e2"]
        assert first["period"] == {"start": "2021-01-01", "end": None}

    def test_findings_are_frozen_values(self, report: Report) -> None:
        """Reports and findings are immutable and compare by value."""
        finding = report.findings[0]
        with pytest.raises(AttributeError):
            finding.code = "other"  # type: ignore[misc]
        assert Diagnostic(**attrs.asdict(finding, recurse=False)) == finding
        assert attrs.evolve(finding, code="other") != finding

    def test_one_finding_is_singular(self) -> None:
        """The summary counts one finding without a plural."""
        report = Report(
            agreement="d",
            title="Deal",
            findings=[Diagnostic(severity="warning", code="x", message="X.")],
        )
        assert report.summary() == "Deal (d): 1 finding (0 errors, 1 warning, 0 info)."
