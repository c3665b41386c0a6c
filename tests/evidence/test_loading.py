"""Tests for :mod:`clausekit.evidence.loading`: reading a base folder, and the bundled base."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from clausekit.errors import EvidenceError
from clausekit.evidence.base import EvidenceBase
from clausekit.evidence.loading import evidence_base, load_evidence_base
from clausekit.time import DateRange
from tests.evidence.helpers import SEEDS, WriteBase


class TestBundled:
    def test_default_location_is_the_repository_seeds_folder(self, base: EvidenceBase) -> None:
        """In a source checkout the default base is the repository's top-level seeds/ folder."""
        assert load_evidence_base(SEEDS) == base
        assert load_evidence_base() == base

    def test_evidence_base_is_cached(self) -> None:
        """evidence_base() loads once and returns the same object afterwards."""
        assert evidence_base() is evidence_base()


class TestFolder:
    def test_valid_folder_loads(self, write_base: WriteBase) -> None:
        """The small folder the malformed cases start from is itself valid."""
        base = load_evidence_base(write_base())
        assert [d.id for d in base.documents] == ["001_abc123", "002_def456", "example-2025-01-21"]
        assert base.document("002_def456").published == DateRange("2025-11-03", "2025-11-09")
        assert base.claim("s001.alpha").about == pendulum.Date(2025, 1, 21)
        assert [c.id for c in base.conflicts] == ["c.alpha-beta"]

    def test_conflict_sides_are_read_as_written(self, write_base: WriteBase) -> None:
        """A claim id stands on a side of its own; a list of ids is one side."""
        base = load_evidence_base(write_base())
        [conflict] = base.conflicts
        assert [[c.id for c in side] for side in conflict.sides] == [
            ["s001.alpha"],
            ["s002.beta", "o.example-2025-01-21.gamma"],
        ]
        assert conflict.other_side("s001.alpha") == (
            base.claim("s002.beta"),
            base.claim("o.example-2025-01-21.gamma"),
        )

    def test_every_problem_is_reported_at_once(self, write_base: WriteBase) -> None:
        """Problems in several files are listed together, not one per run."""
        folder = write_base(
            {
                "001_abc123.toml": ('kind = "seed"', 'kind = "seed"\ncolour = "red"'),
                "002_def456.toml": ('gloss = "beta"\n', ""),
            }
        )
        with pytest.raises(EvidenceError, match="2 problems") as caught:
            load_evidence_base(folder)
        assert "001_abc123.toml" in str(caught.value)
        assert "002_def456.toml" in str(caught.value)
        assert len(caught.value.problems) == 2
        assert caught.value.problems[0].startswith("001_abc123.toml: colour: unknown key")
        assert caught.value.value == str(folder)

    def test_missing_folder_raises(self, tmp_path: Path) -> None:
        """A folder that does not exist is an EvidenceError naming it."""
        with pytest.raises(EvidenceError, match="does not exist"):
            load_evidence_base(tmp_path / "absent")

    def test_folder_without_toml_files_raises(self, tmp_path: Path) -> None:
        """An empty folder is not an evidence base."""
        with pytest.raises(EvidenceError, match=r"no \.toml files"):
            load_evidence_base(tmp_path)

    def test_readme_and_articles_are_not_read_as_tables(self, write_base: WriteBase) -> None:
        """Files other than TOML (README.md, the articles as .txt) are not loaded as data."""
        folder = write_base()
        (folder / "README.md").write_text("# notes\n", encoding="utf-8")
        (folder / "001_abc123.txt").write_text("alpha words = [", encoding="utf-8")
        assert load_evidence_base(folder).claim("s002.beta").gloss == "beta"
