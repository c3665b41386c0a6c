"""Tests for the evidence base (``seeds/``) and its loader, :mod:`clausekit.sources`."""

from __future__ import annotations

import re
from pathlib import Path

import pendulum
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from clausekit.errors import ClauseKitError, EvidenceError
from clausekit.evidence import OutsideSource, SeedExcerpt
from clausekit.sources import (
    MAX_EXCERPT_WORDS,
    Claim,
    Document,
    EvidenceBase,
    evidence_base,
    excerpt_occurs,
    load_evidence_base,
)
from clausekit.time import DateRange

REPO = Path(__file__).resolve().parents[1]
SHARED_SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
SEED_STEMS = (
    "000_c70b5a730124ae5b",
    "001_7f6e26588299af66",
    "002_5c3c73b25faf4d89",
    "003_a1f5f37c4354f31f",
    "004_28a42af719fe1a02",
)


@pytest.fixture(scope="module")
def base() -> EvidenceBase:
    """The bundled evidence base."""
    return evidence_base()


@pytest.fixture
def shared_seeds() -> Path:
    """The seed articles, beside the repository; skipped where they are absent."""
    if not SHARED_SEEDS.is_dir():
        pytest.skip(
            f"The shared/seeds folder beside the repo ({SHARED_SEEDS}) is absent, as in a user's "
            "clone; the excerpts are checked against the articles in CI where it exists."
        )
    return SHARED_SEEDS


def _article(shared_seeds: Path, stem: str) -> str:
    return (shared_seeds / f"{stem}.txt").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- the bundled base


class TestBundledBase:
    def test_base_loads(self, base: EvidenceBase) -> None:
        """The bundled base loads, with the five seeds and the outside sources."""
        seeds = [d.id for d in base.documents if d.kind == "seed"]
        assert seeds == list(SEED_STEMS)
        assert any(d.kind == "outside" for d in base.documents)
        assert base.conflicts

    def test_default_location_is_the_repository_seeds_folder(self, base: EvidenceBase) -> None:
        """In a source checkout the default base is the repository's top-level seeds/ folder."""
        assert load_evidence_base(REPO / "seeds") == base

    def test_evidence_base_is_cached(self) -> None:
        """evidence_base() loads once and returns the same object afterwards."""
        assert evidence_base() is evidence_base()

    def test_claim_ids_are_unique(self, base: EvidenceBase) -> None:
        """No two claims share an id, across all documents."""
        ids = [c.id for d in base.documents for c in d.claims]
        assert len(ids) == len(set(ids))

    def test_claim_ids_follow_the_pattern_of_their_document(self, base: EvidenceBase) -> None:
        """Seed claims are s<NNN>.<topic>, outside claims o.<source-id>.<topic>."""
        for document in base.documents:
            for claim in document.claims:
                if document.kind == "seed":
                    assert re.fullmatch(rf"s{document.id[:3]}\.[a-z0-9-]+", claim.id), claim.id
                else:
                    assert claim.id.startswith(f"o.{document.id}."), claim.id

    @pytest.mark.parametrize("stem", SEED_STEMS)
    def test_every_seed_document_has_claims(self, base: EvidenceBase, stem: str) -> None:
        """Each seed article has its claims (roughly 8 to 20), each with an excerpt."""
        document = base.document(stem)
        assert len(document.claims) >= 8
        assert all(c.excerpt is not None and c.is_seed for c in document.claims)

    @pytest.mark.parametrize("stem", SEED_STEMS)
    def test_every_seed_says_how_its_date_was_found(self, base: EvidenceBase, stem: str) -> None:
        """Each seed has a publication day or range, with the reasoning beside it."""
        document = base.document(stem)
        assert document.published_reasoning
        assert isinstance(document.published, (pendulum.Date, DateRange))

    def test_excerpts_are_short(self, base: EvidenceBase) -> None:
        """Every excerpt stays within about 25 words."""
        for claim in base.claims:
            if claim.excerpt is not None:
                assert len(claim.excerpt.split()) <= 25, claim.id
        assert MAX_EXCERPT_WORDS >= 25

    def test_outside_sources_cite_a_url_and_carry_no_excerpt(self, base: EvidenceBase) -> None:
        """Outside documents have a URL, a title and a day; their claims have only a gloss."""
        outside = [d for d in base.documents if d.kind == "outside"]
        assert len(outside) == 9
        for document in outside:
            assert document.url is not None
            assert document.url.startswith("https://")
            assert document.title
            assert isinstance(document.published, pendulum.Date)
            assert all(c.excerpt is None for c in document.claims)

    def test_damaged_excerpt_is_stored_as_it_stands(self, base: EvidenceBase) -> None:
        """The mojibake of seed 001 is kept in the stored excerpt, never repaired."""
        assert "auĂźer" in (base.claim("s001.other-providers-allowed").excerpt or "")
        assert "fĂĽr" in (base.claim("s001.stargate-500bn").excerpt or "")


class TestExcerptsInArticles:
    def test_every_excerpt_occurs_in_its_article(
        self, base: EvidenceBase, shared_seeds: Path
    ) -> None:
        """verify() finds every stored excerpt in its seed article."""
        assert base.verify(shared_seeds) == ()

    def test_every_altered_excerpt_is_not_found(
        self, base: EvidenceBase, shared_seeds: Path
    ) -> None:
        """Each excerpt with one word inserted is no longer found: the check can fail."""
        for claim in base.claims:
            if claim.excerpt is None:
                continue
            words = claim.excerpt.split()
            altered = " ".join([*words[:1], "NICHTS", *words[1:]])
            assert not excerpt_occurs(altered, _article(shared_seeds, claim.document)), claim.id

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
    def test_text_not_in_the_article_is_rejected(
        self, shared_seeds: Path, stem: str, excerpt: str
    ) -> None:
        """Plausible but wrong excerpts (a changed number, a dropped negation) are not found."""
        assert not excerpt_occurs(excerpt, _article(shared_seeds, stem))

    @pytest.mark.parametrize(
        "excerpt",
        [
            "andere Cloud-Anbieter auĂźer Microsoft nutzen",
            "andere Cloud-Anbieter außer Microsoft nutzen",
            "500 Milliarden fĂĽr Stargate",
            "500 Milliarden für Stargate",
        ],
    )
    def test_damaged_article_matches_broken_and_repaired(
        self, shared_seeds: Path, excerpt: str
    ) -> None:
        """Seed 001's mojibake matches both as it stands and repaired."""
        assert excerpt_occurs(excerpt, _article(shared_seeds, "001_7f6e26588299af66"))

    def test_verify_reports_an_excerpt_missing_from_its_article(self, tmp_path: Path) -> None:
        """verify() names the claim and the article when an excerpt is not there."""
        folder = _write_base(tmp_path)
        articles = tmp_path / "articles"
        articles.mkdir()
        (articles / "001_abc123.txt").write_text("Some alpha words here.", encoding="utf-8")
        (articles / "002_def456.txt").write_text("No matching text.", encoding="utf-8")
        problems = load_evidence_base(folder).verify(articles)
        assert len(problems) == 1
        assert "s002.beta" in problems[0]
        assert "002_def456.txt" in problems[0]

    def test_verify_reports_a_missing_article(self, tmp_path: Path) -> None:
        """verify() says so when an article file is absent."""
        folder = _write_base(tmp_path)
        problems = load_evidence_base(folder).verify(tmp_path / "nowhere")
        assert len(problems) == 2
        assert all("cannot read the article" in p for p in problems)


# --------------------------------------------------------------------------- matching


class TestExcerptMatcher:
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

    def test_repaired_excerpt_matches_a_clean_text_too(self) -> None:
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


# --------------------------------------------------------------------------- conflicts

REQUIRED_CONFLICTS = {
    "microsoft-investment-amount": {
        "s003.microsoft-investment-13bn",
        "s002.microsoft-investment-14bn",
    },
    "exclusivity-end": {"s000.exclusivity-terminated", "o.openai-2025-10-28.rofr-removed"},
    "exclusivity-period": {"s003.exclusive-2019-2023", "o.microsoft-2025-01-21.rofr"},
    "rofr-trigger": {"s001.rofr-trigger", "s002.rofr-trigger", "s004.rofr-trigger"},
    "compute-commitments-total": {"s003.deals-worth-1-4", "o.openai-2025-10-28.azure-250bn"},
    "amazon-share-rise": {"s000.amazon-share-rise", "s003.amazon-share-rise"},
}


class TestConflicts:
    def test_each_conflict_spans_two_claims_from_two_documents(self, base: EvidenceBase) -> None:
        """Every conflict names at least two known claims, from at least two documents."""
        for conflict in base.conflicts:
            claims = [base.claim(claim_id) for claim_id in conflict.claims]
            assert len(set(conflict.claims)) >= 2, conflict.id
            assert len({c.document for c in claims}) >= 2, conflict.id
            assert conflict.note.strip(), conflict.id

    def test_conflict_topic_is_tagged_on_its_claims(self, base: EvidenceBase) -> None:
        """claims_about(conflict.topic) finds at least one claim of every conflict."""
        for conflict in base.conflicts:
            found = {c.id for c in base.claims_about(conflict.topic)}
            assert found & set(conflict.claims), conflict.id

    @pytest.mark.parametrize(("topic", "expected"), sorted(REQUIRED_CONFLICTS.items()))
    def test_known_conflict_is_recorded(
        self, base: EvidenceBase, topic: str, expected: set[str]
    ) -> None:
        """The conflicts RECORD.md lists are in the base, both sides kept."""
        conflicts = base.conflicts_about(topic)
        assert len(conflicts) == 1
        assert expected <= set(conflicts[0].claims)

    def test_conflicts_involving_a_claim(self, base: EvidenceBase) -> None:
        """conflicts_involving() finds the conflicts naming a claim, and none for others."""
        ids = [c.id for c in base.conflicts_involving("s001.rofr-trigger")]
        assert ids == ["c.rofr-trigger"]
        assert base.conflicts_involving("s001.stargate-partners") == ()

    def test_conflicts_involving_an_unknown_claim_raises(self, base: EvidenceBase) -> None:
        """An unknown claim id is an error, not an empty answer."""
        with pytest.raises(EvidenceError, match=r"s001\.rofr-trigger"):
            base.conflicts_involving("s001.rofr-trig")


# --------------------------------------------------------------------------- look-ups


class TestLookups:
    def test_unknown_claim_suggests_the_closest(self, base: EvidenceBase) -> None:
        """A misspelt claim id raises EvidenceError naming the closest ids."""
        with pytest.raises(EvidenceError, match=r"Did you mean 's002\.rofr-trigger'"):
            base.claim("s002.rofr-triger")

    def test_unknown_document_suggests_the_closest(self, base: EvidenceBase) -> None:
        """A misspelt document id raises EvidenceError naming the closest."""
        with pytest.raises(EvidenceError, match="openai-2025-10-28"):
            base.document("openai-2025-10-29")

    def test_errors_are_clausekit_errors(self, base: EvidenceBase) -> None:
        """Look-up errors can be caught as ClauseKitError and as ValueError."""
        with pytest.raises(ClauseKitError):
            base.claim("nope")
        with pytest.raises(ValueError, match="nope"):
            base.claim("nope")

    def test_seed_claim_gives_a_seed_excerpt(self, base: EvidenceBase) -> None:
        """A seed claim becomes a SeedExcerpt with its excerpt as stored."""
        evidence = base.evidence("s001.other-providers-allowed")
        assert isinstance(evidence, SeedExcerpt)
        assert evidence.document == "001_7f6e26588299af66"
        assert evidence.claim == "s001.other-providers-allowed"
        assert "auĂźer" in evidence.excerpt

    def test_outside_claim_gives_an_outside_source(self, base: EvidenceBase) -> None:
        """An outside claim becomes an OutsideSource with its document's URL, title and day."""
        evidence = base.evidence("o.openai-2025-10-28.rofr-removed")
        assert isinstance(evidence, OutsideSource)
        assert (
            evidence.url == "https://openai.com/index/next-chapter-of-microsoft-openai-partnership/"
        )
        assert evidence.published == pendulum.Date(2025, 10, 28)
        assert "right of first refusal" in evidence.gloss

    def test_outside_source_with_a_date_range_cites_its_earliest_day(self) -> None:
        """For a publication known only as a range, the evidence carries the earliest day."""
        claim = Claim(
            id="o.example.point",
            document="example",
            excerpt=None,
            gloss="a point",
            topics=("point",),
            status="reported",
        )
        document = Document(
            id="example",
            kind="outside",
            language="en",
            outlet="Example",
            published=DateRange("2025-03-01", "2025-03-05"),
            published_reasoning="only the week is known",
            url="https://example.org/a",
            title="Example",
            claims=(claim,),
        )
        evidence = EvidenceBase(documents=(document,)).evidence("o.example.point")
        assert isinstance(evidence, OutsideSource)
        assert evidence.published == pendulum.Date(2025, 3, 1)

    def test_claims_about_gathers_every_document(self, base: EvidenceBase) -> None:
        """claims_about() finds the claims on a topic across all documents."""
        ids = {c.id for c in base.claims_about("rofr-trigger")}
        assert {"s001.rofr-trigger", "s002.rofr-trigger", "s004.rofr-trigger"} <= ids
        assert base.claims_about("no-such-topic") == ()

    @pytest.mark.parametrize(
        ("topic", "day"),
        [
            ("rofr-trigger", pendulum.Date(2025, 1, 21)),
            ("aws-deal", pendulum.Date(2025, 11, 3)),
            ("rofr-removal", pendulum.Date(2025, 10, 28)),
            ("exclusivity", pendulum.Date(2019, 7, 22)),
            ("agi-profit-definition", pendulum.Date(2024, 12, 26)),
        ],
    )
    def test_earliest_report_of_the_bundled_base(
        self, base: EvidenceBase, topic: str, day: pendulum.Date
    ) -> None:
        """earliest_report() gives the first day any source reported the topic."""
        assert base.earliest_report(topic) == day

    def test_earliest_report_picks_the_earliest_day(self) -> None:
        """Among days and date ranges, the earliest possible day wins, whatever the order."""

        def document(doc_id: str, published: pendulum.Date | DateRange) -> Document:
            claim = Claim(
                id=f"o.{doc_id}.topic",
                document=doc_id,
                excerpt=None,
                gloss="says it",
                topics=("shared-topic",),
                status="reported",
            )
            return Document(
                id=doc_id,
                kind="outside",
                language="en",
                outlet="Example",
                published=published,
                published_reasoning=None,
                url=f"https://example.org/{doc_id}",
                title=doc_id,
                claims=(claim,),
            )

        base = EvidenceBase(
            documents=(
                document("late", pendulum.Date(2025, 5, 1)),
                document("range", DateRange("2025-03-10", "2025-06-01")),
                document("early", pendulum.Date(2025, 3, 12)),
            )
        )
        assert base.earliest_report("shared-topic") == pendulum.Date(2025, 3, 10)

    def test_earliest_report_of_an_unknown_topic_raises(self, base: EvidenceBase) -> None:
        """A topic no claim has raises EvidenceError suggesting a close one."""
        with pytest.raises(EvidenceError, match="'rofr-trigger'"):
            base.earliest_report("rofr-triger")

    def test_duplicate_claim_ids_are_refused_when_built_directly(self) -> None:
        """EvidenceBase itself refuses two claims with the same id."""
        claim = Claim(
            id="o.a.x", document="a", excerpt=None, gloss="x", topics=("x",), status="reported"
        )
        document = Document(
            id="a",
            kind="outside",
            language=None,
            outlet=None,
            published=pendulum.Date(2025, 1, 1),
            published_reasoning=None,
            url="https://example.org",
            title="A",
            claims=(claim, claim),
        )
        with pytest.raises(EvidenceError, match="used twice"):
            EvidenceBase(documents=(document,))


# --------------------------------------------------------------------------- malformed folders

SEED_001 = """\
document = "001_abc123"
kind = "seed"
language = "de"
published = "2025-01-22"
published_reasoning = "stated in the text"

[[claims]]
id = "s001.alpha"
excerpt = "alpha words"
gloss = "alpha"
topics = ["alpha"]
status = "reported"
about = "2025-01-21"
"""

SEED_002 = """\
document = "002_def456"
kind = "seed"
language = "it"
published = { earliest = "2025-11-03", latest = "2025-11-09" }
published_reasoning = "the week after the event"

[[claims]]
id = "s002.beta"
excerpt = "beta words"
gloss = "beta"
topics = ["beta"]
status = "analysis"
"""

OUTSIDE = """\
[[documents]]
id = "example-2025-01-21"
kind = "outside"
url = "https://example.org/news"
title = "Example: news"
published = "2025-01-21"
outlet = "Example"

[[documents.claims]]
id = "o.example-2025-01-21.gamma"
gloss = "gamma"
topics = ["gamma"]
status = "official-statement"
"""

CONFLICTS = """\
[[conflicts]]
id = "c.alpha-beta"
topic = "alpha"
claims = ["s001.alpha", "s002.beta"]
note = "they disagree"
"""

FILES = {
    "001_abc123.toml": SEED_001,
    "002_def456.toml": SEED_002,
    "outside.toml": OUTSIDE,
    "conflicts.toml": CONFLICTS,
}


def _write_base(tmp_path: Path, edits: dict[str, tuple[str, str]] | None = None) -> Path:
    """Write a small valid base folder, applying ``{file: (old, new)}`` text edits."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    for name, text in FILES.items():
        if edits and name in edits:
            old, new = edits[name]
            assert old in text, f"test edit {old!r} does not apply to {name}"
            text = text.replace(old, new)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


DUPLICATE_CLAIM = """
[[claims]]
id = "s002.beta"
excerpt = "more beta"
gloss = "beta again"
topics = ["beta"]
status = "reported"
"""

MALFORMED = [
    pytest.param(
        {"001_abc123.toml": ('kind = "seed"', 'kind = "seed"\ncolour = "red"')},
        ("001_abc123.toml", "colour", "unknown key"),
        id="unknown-key",
    ),
    pytest.param(
        {"002_def456.toml": ('gloss = "beta"\n', "")},
        ("002_def456.toml", "gloss", "missing"),
        id="missing-gloss",
    ),
    pytest.param(
        {"002_def456.toml": ('status = "analysis"\n', 'status = "analysis"\n' + DUPLICATE_CLAIM)},
        ("002_def456.toml", "s002.beta", "duplicate claim id"),
        id="duplicate-id",
    ),
    pytest.param(
        {"conflicts.toml": ('"s002.beta"]', '"s002.betta"]')},
        ("conflicts.toml", "claims", "'s002.betta'", "Did you mean 's002.beta'"),
        id="conflict-with-unknown-claim",
    ),
    pytest.param(
        {"001_abc123.toml": ('published = "2025-01-22"', 'published = "2025-02-30"')},
        ("001_abc123.toml", "published", "'2025-02-30'", "not a calendar day"),
        id="impossible-date",
    ),
    pytest.param(
        {"001_abc123.toml": ('about = "2025-01-21"', 'about = "2025-13-01"')},
        ("001_abc123.toml", "about", "'2025-13-01'"),
        id="impossible-about-date",
    ),
    pytest.param(
        {"002_def456.toml": ('earliest = "2025-11-03"', 'earliest = "2025-11-30"')},
        ("002_def456.toml", "published", "Swap earliest and latest"),
        id="inverted-date-range",
    ),
    pytest.param(
        {"outside.toml": ('gloss = "gamma"', 'excerpt = "gamma"\ngloss = "gamma"')},
        ("outside.toml", "excerpt", "outside sources carry no excerpt"),
        id="excerpt-in-outside-source",
    ),
    pytest.param(
        {"002_def456.toml": ('status = "analysis"', 'status = "rumour"')},
        ("002_def456.toml", "status", "'rumour'"),
        id="unknown-status",
    ),
    pytest.param(
        {"001_abc123.toml": ('id = "s001.alpha"', 'id = "s002.alpha"')},
        ("001_abc123.toml", "id", "s001.<kebab-topic>"),
        id="claim-id-of-another-document",
    ),
    pytest.param(
        {"001_abc123.toml": ('document = "001_abc123"', 'document = "001_abc999"')},
        ("001_abc123.toml", "document", "does not match the file name"),
        id="document-id-not-the-file-name",
    ),
    pytest.param(
        {"conflicts.toml": ('claims = ["s001.alpha", "s002.beta"]', 'claims = ["s001.alpha"]')},
        ("conflicts.toml", "claims", "fewer than two"),
        id="conflict-with-one-claim",
    ),
    pytest.param(
        {"001_abc123.toml": ('topics = ["alpha"]', 'topics = ["Alpha Topic"]')},
        ("001_abc123.toml", "topics", "kebab-case"),
        id="topic-not-kebab-case",
    ),
    pytest.param(
        {"001_abc123.toml": ('excerpt = "alpha words"', f'excerpt = "{"word " * 31}"')},
        ("001_abc123.toml", "excerpt", "31 words"),
        id="excerpt-too-long",
    ),
    pytest.param(
        {"outside.toml": ('url = "https://example.org/news"', 'url = "example.org/news"')},
        ("outside.toml", "url", "https://"),
        id="url-without-scheme",
    ),
    pytest.param(
        {"conflicts.toml": ("[[conflicts]]", "[[conflict]]")},
        ("conflicts.toml", "conflict", "unknown key"),
        id="misspelt-table",
    ),
    pytest.param(
        {
            "001_abc123.toml": ('kind = "seed"', 'kind = "seed'),
        },
        ("001_abc123.toml", "not valid TOML"),
        id="invalid-toml",
    ),
]


class TestMalformedFolders:
    def test_valid_folder_loads(self, tmp_path: Path) -> None:
        """The small folder the malformed cases start from is itself valid."""
        base = load_evidence_base(_write_base(tmp_path))
        assert [d.id for d in base.documents] == ["001_abc123", "002_def456", "example-2025-01-21"]
        assert base.document("002_def456").published == DateRange("2025-11-03", "2025-11-09")
        assert base.claim("s001.alpha").about == pendulum.Date(2025, 1, 21)
        assert [c.id for c in base.conflicts] == ["c.alpha-beta"]

    @pytest.mark.parametrize(("edits", "fragments"), MALFORMED)
    def test_malformed_folder_raises_naming_file_and_field(
        self, tmp_path: Path, edits: dict[str, tuple[str, str]], fragments: tuple[str, ...]
    ) -> None:
        """A malformed base raises EvidenceError naming the file, the field and the problem."""
        folder = _write_base(tmp_path, edits)
        with pytest.raises(EvidenceError) as caught:
            load_evidence_base(folder)
        message = str(caught.value)
        for fragment in fragments:
            assert fragment in message

    def test_every_problem_is_reported_at_once(self, tmp_path: Path) -> None:
        """Problems in several files are listed together, not one per run."""
        folder = _write_base(
            tmp_path,
            {
                "001_abc123.toml": ('kind = "seed"', 'kind = "seed"\ncolour = "red"'),
                "002_def456.toml": ('gloss = "beta"\n', ""),
            },
        )
        with pytest.raises(EvidenceError, match="2 problems") as caught:
            load_evidence_base(folder)
        assert "001_abc123.toml" in str(caught.value)
        assert "002_def456.toml" in str(caught.value)

    def test_missing_folder_raises(self, tmp_path: Path) -> None:
        """A folder that does not exist is an EvidenceError naming it."""
        with pytest.raises(EvidenceError, match="does not exist"):
            load_evidence_base(tmp_path / "absent")

    def test_folder_without_toml_files_raises(self, tmp_path: Path) -> None:
        """An empty folder is not an evidence base."""
        with pytest.raises(EvidenceError, match=r"no \.toml files"):
            load_evidence_base(tmp_path)

    def test_readme_is_ignored(self, tmp_path: Path) -> None:
        """Files other than TOML (such as README.md) are not read."""
        folder = _write_base(tmp_path)
        (folder / "README.md").write_text("# notes\n", encoding="utf-8")
        assert load_evidence_base(folder).claim("s002.beta").gloss == "beta"
