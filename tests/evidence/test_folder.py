"""Tests for :mod:`clausekit.evidence.folder`: the bundled base and the articles beside it."""

from __future__ import annotations

import hashlib
import tomllib

import pytest

from clausekit.evidence.folder import CONFLICTS_FILE, OUTSIDE_FILE, bundled_folder
from tests.evidence.helpers import REPO, SEED_STEMS, SEEDS

#: The SHA-256 of each seed article as given: the repository keeps them byte for byte.
ARTICLE_SHA256 = {
    "000_c70b5a730124ae5b": "16a624a560e25e328af136306a3682e3a3fc7fac5268d0bcb43b50df5197c294",
    "001_7f6e26588299af66": "95e4136027e2d9d32cef0524cbe65a4bc6aae8853be0d7048e83a10747165039",
    "002_5c3c73b25faf4d89": "d25b26acaadd13094bf520ff77ebb6fb094b095a0b013d06355203f79ba88383",
    "003_a1f5f37c4354f31f": "d75a0a4572aec338861867b646da69b4bc5d7d8e2f2fa656101c6b05125a6d33",
    "004_28a42af719fe1a02": "38b9b04ba902fb2e0898e66491e556490924a4886b35ce7477fe2cd08b5bad5f",
}


class TestBundledFolder:
    def test_a_checkout_uses_the_repository_seeds(self) -> None:
        """In a source checkout the bundled folder is the top-level seeds/ of the repository."""
        assert bundled_folder() == SEEDS
        assert (SEEDS / OUTSIDE_FILE).is_file()
        assert (SEEDS / CONFLICTS_FILE).is_file()

    @pytest.mark.parametrize("stem", SEED_STEMS)
    def test_each_article_is_in_the_repository_byte_for_byte(self, stem: str) -> None:
        """Each seed article sits beside its evidence file, unchanged, damaged characters and all."""
        article = SEEDS / f"{stem}.txt"
        assert (SEEDS / f"{stem}.toml").is_file()
        assert hashlib.sha256(article.read_bytes()).hexdigest() == ARTICLE_SHA256[stem]

    def test_the_wheel_ships_the_whole_folder(self) -> None:
        """The wheel force-includes seeds/ as clausekit/_seeds: articles and evidence files."""
        with (REPO / "pyproject.toml").open("rb") as handle:
            config = tomllib.load(handle)
        wheel = config["tool"]["hatch"]["build"]["targets"]["wheel"]
        assert wheel["force-include"] == {"seeds": "clausekit/_seeds"}

    def test_no_machine_path_in_the_evidence_files(self) -> None:
        """The evidence files name no folder of the machine they were written on."""
        for file in SEEDS.iterdir():
            if file.suffix in {".toml", ".md"}:
                text = file.read_text(encoding="utf-8")
                assert "/work/" not in text, file.name
                assert "/home/" not in text, file.name
