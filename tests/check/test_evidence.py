"""clausekit.check.evidence: excerpts, seed articles and claims."""

from __future__ import annotations

from pathlib import Path

import pytest

import clausekit as ck
from check.helpers import amend, deal, excl, only, rofr, seed
from clausekit.check import Severity
from clausekit.evidence import evidence_base


class TestEvidence:
    """Citations that do not match their source or the evidence base."""

    @pytest.fixture
    def articles(self, tmp_path: Path) -> Path:
        """A folder with one article, its umlaut damaged as in seed 001."""
        (tmp_path / "100_article.txt").write_text(
            "Die Firma kauft Rechenleistung auĂźer bei Beta.\n", encoding="utf-8"
        )
        return tmp_path

    def test_excerpt_found_despite_damaged_characters(self, articles: Path) -> None:
        """An excerpt with the repaired umlaut is found in the damaged article."""
        agreement = deal(
            amend("a", "2020-01-01", evidence=[seed("100_article", "Rechenleistung außer bei")])
        )
        assert agreement.check(sources=articles).findings == ()

    def test_excerpt_not_in_source(self, articles: Path) -> None:
        """An excerpt that is not in the article is an error naming the words and the document."""
        agreement = deal(
            amend(
                "a",
                "2020-01-01",
                adds=[excl("e", "Beta")],
                evidence=[seed("100_article", "kauft nur bei Gamma")],
            )
        )
        finding = only(agreement.check(sources=articles), "excerpt-not-in-source")
        assert finding.severity is Severity.ERROR
        assert "'kauft nur bei Gamma'" in finding.message
        assert "'100_article'" in finding.message
        assert agreement.check().findings == ()  # without sources= nothing is read

    def test_missing_article(self, articles: Path) -> None:
        """A cited article missing from the folder is a warning, not a crash."""
        agreement = deal(amend("a", "2020-01-01", evidence=[seed("404_gone", "words")]))
        finding = only(agreement.check(sources=str(articles)), "source-missing")
        assert "404_gone.txt" in finding.message

    def test_sources_must_be_a_folder(self, tmp_path: Path) -> None:
        """sources= naming no folder is refused with the fix."""
        agreement = deal(amend("a", "2020-01-01"))
        with pytest.raises(ck.EvidenceError, match="no such folder"):
            agreement.check(sources=tmp_path / "nowhere")

    def test_unknown_claim(self) -> None:
        """Evidence naming a claim id the evidence base lacks, with the closest id suggested."""
        cited = ck.OutsideSource(
            url="https://example.org/x",
            title="X",
            published="2020-01-01",
            gloss="g",
            claim="s001.rofr-triger",
        )
        agreement = deal(amend("a", "2020-01-01", evidence=[cited]))
        finding = only(agreement.check(), "unknown-claim")
        assert "'s001.rofr-triger'" in finding.message
        assert "Did you mean 's001.rofr-trigger'" in finding.message

    def test_evidence_differs_from_its_claim(self) -> None:
        """A seed excerpt tagged with a claim id but quoting something else."""
        agreement = deal(
            amend(
                "a",
                "2020-01-01",
                evidence=[seed("001_7f6e26588299af66", "ganz andere Worte", "s001.rofr-trigger")],
            )
        )
        finding = only(agreement.check(), "evidence-differs-from-claim")
        assert "{claim = 's001.rofr-trigger'}" in finding.message

    def test_disputed_evidence_is_information(self) -> None:
        """Resting on one side of a conflict is reported once per conflict, as info."""
        base = evidence_base()
        cited = base.evidence("s001.rofr-trigger")
        agreement = deal(
            amend("a", "2020-01-01", adds=[rofr("r", "Beta", evidence=[cited])], evidence=[cited])
        )
        report = agreement.check()
        finding = only(report, "disputed-evidence")
        assert finding.severity is Severity.INFO
        assert "'c.rofr-trigger'" in finding.message
        assert "not on s002.rofr-trigger" in finding.message
        assert (finding.clauses, finding.amendments) == (("r",), ("a",))
        assert not report.has_errors
