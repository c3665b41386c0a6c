"""Tests for :mod:`clausekit.evidence.excerpts`: matching excerpts against damaged text."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from clausekit.evidence.excerpts import excerpt_occurs, repair_mojibake
from tests.evidence.helpers import SEED_STEMS, SEEDS


def _article(stem: str) -> str:
    return (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")


class TestSeedArticles:
    """The articles in the repository's ``seeds/`` folder, damage and all."""

    @pytest.mark.parametrize(
        ("stem", "excerpt"),
        [
            ("000_c70b5a730124ae5b", "ließ die Amazon-Aktie um 5 % steigen"),
            ("001_7f6e26588299af66", "sofern Microsoft selbst als Anbieter zum Zuge kommen möchte"),
            ("001_7f6e26588299af66", "andere Cloud-Anbieter auĂźer Google nutzen"),
            ("001_7f6e26588299af66", "andere Cloud-Anbieter ausser Microsoft nutzen"),
            ("003_a1f5f37c4354f31f", "che ha destinato 14 miliardi di dollari alla startup"),
        ],
    )
    def test_text_not_in_the_article_is_rejected(self, stem: str, excerpt: str) -> None:
        """Plausible but wrong excerpts (a changed number, a dropped negation) are not found."""
        assert not excerpt_occurs(excerpt, _article(stem))

    @pytest.mark.parametrize(
        "excerpt",
        [
            "andere Cloud-Anbieter auĂźer Microsoft nutzen",
            "andere Cloud-Anbieter außer Microsoft nutzen",
            "500 Milliarden fĂĽr Stargate",
            "500 Milliarden für Stargate",
        ],
    )
    def test_damaged_article_matches_broken_and_repaired(self, excerpt: str) -> None:
        """Seed 001's mojibake matches both as it stands and repaired."""
        assert excerpt_occurs(excerpt, _article("001_7f6e26588299af66"))

    def test_seed_001_has_exactly_two_damaged_words(self) -> None:
        """The only damage in the seeds is seed 001's ``auĂźer`` and ``fĂĽr`` (seeds/README.md)."""
        text = _article("001_7f6e26588299af66")
        repaired = repair_mojibake(text)
        changes = [
            (damaged, fixed)
            for damaged, fixed in zip(text.split(), repaired.split(), strict=True)
            if damaged != fixed
        ]
        assert changes == [("auĂźer", "außer"), ("fĂĽr", "für")]

    @pytest.mark.parametrize("stem", [s for s in SEED_STEMS if not s.startswith("001")])
    def test_other_seeds_are_undamaged(self, stem: str) -> None:
        """No other seed article holds a mojibake run that repairs to something else."""
        text = _article(stem)
        assert repair_mojibake(text) == text


class TestRepairMojibake:
    @pytest.mark.parametrize(
        ("damaged", "repaired"),
        [
            ("auĂźer", "außer"),  # UTF-8 read as cp1250, as in seed 001
            ("fĂĽr", "für"),
            ("fÃ¼r", "für"),  # read as cp1252 / latin-1
            ("â€ž", "„"),  # a typographic quote read as cp1252
        ],
    )
    def test_damaged_runs_are_repaired(self, damaged: str, repaired: str) -> None:
        """UTF-8 bytes decoded as cp1250, cp1252 or latin-1 decode back to the original."""
        assert repair_mojibake(damaged) == repaired

    @pytest.mark.parametrize("text", ["Äß und é", "Ära", "Änderung", "l’esclusività", ""])
    def test_clean_text_is_left_alone(self, text: str) -> None:
        """Accented letters that are not damage stay as they are."""
        assert repair_mojibake(text) == text

    @given(st.text())
    def test_repair_of_damaged_text_gives_the_original(self, text: str) -> None:
        """Any text encoded as UTF-8 and decoded as cp1250 is repaired back to itself."""
        try:
            damaged = text.encode("utf-8").decode("cp1250")
        except UnicodeDecodeError:
            assume(False)
        assume(repair_mojibake(text) == text)
        assert repair_mojibake(damaged) == text


class TestExcerptOccurs:
    ARTICLE = "OpenAI darf jetzt auch andere Cloud-Anbieter auĂźer Microsoft nutzen\n500 Milliarden fĂĽr Stargate"

    @pytest.mark.parametrize(
        "excerpt",
        [
            "Cloud-Anbieter auĂźer Microsoft",
            "Cloud-Anbieter außer Microsoft",
            "500 Milliarden fĂĽr Stargate",
            "500 Milliarden für Stargate",
            "nutzen 500 Milliarden",
        ],
    )
    def test_broken_and_repaired_characters_both_match(self, excerpt: str) -> None:
        """An excerpt matches the damaged text with the broken or the repaired characters."""
        assert excerpt_occurs(excerpt, self.ARTICLE)

    def test_broken_excerpt_matches_a_clean_text_too(self) -> None:
        """A broken excerpt also matches a clean copy of the text."""
        assert excerpt_occurs("auĂźer Microsoft", "andere Cloud-Anbieter außer Microsoft")
        assert excerpt_occurs("fĂĽr Stargate", "500 Milliarden für Stargate")

    def test_latin1_mojibake_is_repaired(self) -> None:
        """UTF-8 read as latin-1/cp1252 (``fÃ¼r``) is repaired as well."""
        assert excerpt_occurs("für Stargate", "500 Milliarden fÃ¼r Stargate")

    @pytest.mark.parametrize(
        "excerpt",
        [
            "Cloud-Anbieter außer Google",
            "Cloud-Anbieter ausser Microsoft",
            "Cloud-Anbieter auer Microsoft",
            "600 Milliarden für Stargate",
            "500 milliarden für Stargate",
            "500 Milliarden fur Stargate",
        ],
    )
    def test_altered_excerpt_is_not_found(self, excerpt: str) -> None:
        """A changed word, letter, case or number is not found."""
        assert not excerpt_occurs(excerpt, self.ARTICLE)

    def test_whitespace_quotes_and_dashes_are_folded(self) -> None:
        """Line breaks, typographic quotes and dashes do not stop a match."""
        text = "Zugriff auf ein riesiges Netzwerk – „Hunderttausende“ Nvidia-Prozessoren –,\n die"
        assert excerpt_occurs('Netzwerk - "Hunderttausende" Nvidia-Prozessoren -, die', text)
        assert excerpt_occurs("l’esclusività", "OpenAI rompe l'esclusività con Microsoft")

    def test_decomposed_characters_match_composed_ones(self) -> None:
        """NFD text (``u`` + combining diaeresis) matches NFC excerpts."""
        assert excerpt_occurs("für Stargate", "500 Milliarden fu\u0308r Stargate")

    @pytest.mark.parametrize("excerpt", ["", "   ", "\n"])
    def test_blank_excerpt_never_occurs(self, excerpt: str) -> None:
        """An empty excerpt proves nothing and is never found."""
        assert not excerpt_occurs(excerpt, "any text at all")

    @given(text=st.text(), data=st.data())
    def test_any_substring_with_changed_whitespace_occurs(
        self, text: str, data: st.DataObject
    ) -> None:
        """Any non-blank substring of a text, with its whitespace changed, still occurs."""
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
        piece = text[start:end]
        assume(piece.strip())
        words = piece.split()
        spaces = st.text(alphabet=" \t\n\r\u00a0\u2003", min_size=1, max_size=3)
        gaps = data.draw(st.lists(spaces, min_size=len(words) + 1, max_size=len(words) + 1))
        leading = data.draw(st.booleans())
        changed = (gaps[0] if leading else "") + "".join(
            w + g for w, g in zip(words, gaps[1:], strict=True)
        )
        assert excerpt_occurs(changed, text)

    @given(
        text=st.text(alphabet="abcXYZ \n\"'-", min_size=1),
        data=st.data(),
    )
    def test_any_substring_with_typographic_punctuation_occurs(
        self, text: str, data: st.DataObject
    ) -> None:
        """Any substring still occurs after straight quotes and hyphens turn typographic."""
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start + 1, len(text)))
        piece = text[start:end]
        assume(piece.strip())
        fancy = {'"': st.sampled_from("„“”«»"), "'": st.sampled_from("’‘‚"), "-": st.just("–")}
        changed = "".join(data.draw(fancy[c]) if c in fancy else c for c in piece)
        assert excerpt_occurs(changed, text)
