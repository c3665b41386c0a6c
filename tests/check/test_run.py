"""clausekit.check.run: the entry point, on clean and bundled agreements and from the command line."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given

import clausekit as ck
from check.helpers import SEEDS, SRC, amend, crowded_agreements, deal, excl, rofr, waiver
from check.reference import reference_check
from clausekit import cli
from clausekit import io as contract_io
from clausekit import testing as ckst
from clausekit.check import Severity, check
from tests import contracts
from tests.contracts import distribution_agreement, shareholders_agreement


class TestCleanAgreements:
    """Well-formed agreements produce no findings at all."""

    @pytest.mark.parametrize(
        "agreement",
        [distribution_agreement(), shareholders_agreement()],
        ids=["distribution", "shareholders"],
    )
    def test_fixture_contracts_are_clean(self, agreement: ck.Agreement) -> None:
        """The two general-purpose fixture contracts have nothing to report."""
        report = agreement.check()
        assert report.findings == (), report.render()
        assert not report.has_errors
        assert len(report) == 0
        assert report.summary() == f"{agreement.title} ({agreement.id}): no findings."

    def test_agreement_check_delegates_to_check(self) -> None:
        """Agreement.check(**options) is clausekit.check.check(agreement, **options)."""
        agreement = deal(
            amend("a", "2020-01-01", adds=[excl("e", "Beta")]),
            amend("b", "2020-06-01", announced="2020-08-01"),
        )
        assert agreement.check(retroactive_days=30) == check(agreement, retroactive_days=30)
        assert agreement.check() == check(agreement)

    def test_not_an_agreement(self) -> None:
        """check() refuses anything but an agreement, naming what it got."""
        with pytest.raises(ck.QuestionError, match=r"got str 'deal\.toml'"):
            check("deal.toml")  # type: ignore[arg-type]


class TestBundledModel:
    """The checker on clausekit.models.openai_microsoft()."""

    def test_no_errors(self) -> None:
        """The bundled model has no errors; its findings are information about its sources."""
        report = ck.models.openai_microsoft().check()
        assert not report.has_errors, report.render()
        assert not report.warnings, report.render()
        assert set(report.codes()) <= {"disputed-evidence", "purchase-under-first-refusal"}

    def test_every_excerpt_is_in_its_article(self) -> None:
        """With the seed articles of the repository, every excerpt of the model is found."""
        report = ck.models.openai_microsoft().check(sources=SEEDS)
        assert "excerpt-not-in-source" not in report.codes(), report.render()
        assert "source-missing" not in report.codes(), report.render()


class TestCommandLine:
    """clausekit check prints the findings and exits 1 only on errors."""

    @pytest.mark.parametrize(
        ("clauses", "code", "needle"),
        [
            ([excl("e1", "Beta"), excl("e2", "Gamma")], 1, "contradictory-exclusivity"),
            ([rofr("r", "Acme")], 0, "same-party-both-sides"),
            ([excl("e1", "Beta")], 0, ""),
        ],
    )
    def test_exit_code_follows_errors(
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        clauses: list[ck.Clause],
        code: int,
        needle: str,
    ) -> None:
        """Errors exit 1, warnings and a clean file exit 0; the JSON lists the same findings."""
        agreement = deal(amend("a", "2020-01-01", adds=clauses))
        path = tmp_path / "deal.toml"
        contract_io.dump(agreement, path)
        assert cli.main(["check", str(path)]) == code
        out = capsys.readouterr().out
        report = agreement.check()
        for finding in report:
            assert finding.message in out
        assert (needle in " ".join(report.codes())) if needle else report.findings == ()
        assert cli.main(["check", str(path), "--json"]) == code
        data = json.loads(capsys.readouterr().out)
        assert [f["message"] for f in data["findings"]] == [f.message for f in report]


class TestChecker:
    @given(agreement=ckst.agreements())
    def test_check_is_total_and_names_only_real_ids(self, agreement: ck.Agreement) -> None:
        """check() answers any valid agreement, deterministically, naming only its own ids.

        Findings are sorted errors first; has_errors says whether any is an error.
        """
        report = check(agreement)
        assert report == check(agreement)
        clause_ids = {c.id for a in agreement.amendments for c in a.added()}
        amendment_ids = {a.id for a in agreement.amendments}
        for finding in report:
            assert set(finding.clauses) <= clause_ids
            assert set(finding.amendments) <= amendment_ids
            assert finding.message
        ranks = [list(Severity).index(f.severity) for f in report]
        assert ranks == sorted(ranks)
        assert report.has_errors == any(f.severity is Severity.ERROR for f in report)


class TestAgainstTheReference:
    """check() reports exactly what trying every pair of clauses reports (tests/check/reference.py).

    The checker finds the clauses to compare through indexes (by party, verb,
    subject, tag and time) and asks a clause about a purchase only when its
    hooks say it may refuse it; the reference asks every clause naming the
    party, as the first checker did. Their diagnostics, order included, must
    be the same.
    """

    @pytest.mark.parametrize(
        "build",
        [
            contracts.distribution_agreement,
            contracts.shareholders_agreement,
            contracts.patent_licence,
            contracts.franchise_agreement,
            contracts.nba_matching_right,
            contracts.search_default_deal,
            ck.models.openai_microsoft,
        ],
    )
    def test_contracts(self, build: Callable[[], ck.Agreement]) -> None:
        """The fixture contracts and the bundled model, excerpts checked against the seeds."""
        agreement = build()
        expected = reference_check(agreement, sources=SEEDS)
        assert list(check(agreement, sources=SEEDS)) == list(expected)

    @given(agreement=ckst.agreements(max_amendments=8) | crowded_agreements())
    def test_generated_agreements(self, agreement: ck.Agreement) -> None:
        """Generated agreements, crowded ones included (many clauses in force together)."""
        assert list(check(agreement)) == list(reference_check(agreement))

    def test_crowded_open_ended_clauses(self) -> None:
        """Many open-ended clauses on the same parties, verbs and subjects (the checker's worst
        case once): purchases under exclusivities, consents, waivers and rights of first refusal."""
        adds: list[ck.Clause] = []
        for i in range(120):
            a, b = ("Acme", "Beta")[i % 2], ("Gamma", "Delta")[(i // 10) % 2]
            scope = ["api"] if i % 3 else []
            adds.append(
                [
                    excl(f"c{i}", b, bound=a, scope=scope, consent_by=b if i % 4 else None),
                    ck.ComputeDeal(
                        id=f"c{i}",
                        title="Deal",
                        evidence=[SRC],
                        buyer=a,
                        provider=b,
                        scope=["api/us"],
                    ),
                    waiver(f"c{i}", granted_by=b, grantee=a, scope=scope),
                    rofr(f"c{i}", b, grantor=a),
                    ck.ConsentRequirement(
                        id=f"c{i}",
                        title="Consent",
                        evidence=[SRC],
                        bound=a,
                        consent_by=b,
                        verb="procure-compute",
                    ),
                ][i % 5]
            )
        agreement = deal(
            *(
                amend(f"a{j}", f"2020-01-{j + 1:02d}", adds=adds[j * 10 : j * 10 + 10])
                for j in range(12)
            )
        )
        report = check(agreement)
        assert list(report) == list(reference_check(agreement))
        assert {"purchase-under-exclusivity", "contradictory-exclusivity"} <= set(report.codes())
