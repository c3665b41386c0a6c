"""Tests for :mod:`clausekit.evidence.base`: the indexed evidence base and what it answers."""

from __future__ import annotations

import re
from pathlib import Path

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from clausekit.errors import ClauseKitError, EvidenceError
from clausekit.evidence.base import EvidenceBase
from clausekit.evidence.citations import Evidence, OutsideSource, SeedExcerpt
from clausekit.evidence.claims import MAX_EXCERPT_WORDS, Claim
from clausekit.evidence.conflicts import Conflict
from clausekit.evidence.documents import Document
from clausekit.evidence.excerpts import excerpt_occurs
from clausekit.evidence.folder import bundled_folder
from clausekit.evidence.loading import load_evidence_base
from clausekit.testing import days
from clausekit.time import DateRange
from tests.evidence.helpers import SEED_STEMS, SEEDS, WriteBase


def outside_claim(document: str, topic: str = "shared-topic") -> Claim:
    return Claim(
        id=f"o.{document}.{topic}",
        document=document,
        excerpt=None,
        gloss="says it",
        topics=(topic,),
        status="reported",
    )


def outside_document(
    document: str, published: pendulum.Date | DateRange, *claims: Claim
) -> Document:
    return Document(
        id=document,
        kind="outside",
        language="en",
        outlet="Example",
        published=published,
        published_reasoning=None,
        url=f"https://example.org/{document}",
        title=document,
        claims=claims or (outside_claim(document),),
    )


# --------------------------------------------------------------------------- the bundled base


class TestBundledBase:
    def test_base_loads(self, base: EvidenceBase) -> None:
        """The bundled base loads, with the five seeds and the outside sources."""
        seeds = [d.id for d in base.documents if d.kind == "seed"]
        assert seeds == list(SEED_STEMS)
        assert any(d.kind == "outside" for d in base.documents)
        assert base.conflicts

    def test_claim_ids_follow_the_pattern_of_their_document(self, base: EvidenceBase) -> None:
        """Seed claims are s<NNN>.<topic>, outside claims o.<source-id>.<topic>."""
        for document in base.documents:
            for claim in document.claims:
                if document.kind == "seed":
                    assert re.fullmatch(rf"s{document.id[:3]}\.[a-z0-9-]+", claim.id), claim.id
                else:
                    assert claim.id.startswith(f"o.{document.id}."), claim.id

    @pytest.mark.parametrize("stem", SEED_STEMS)
    def test_every_seed_document_has_claims_and_a_dated_reasoning(
        self, base: EvidenceBase, stem: str
    ) -> None:
        """Each seed article has its claims, each with an excerpt, and says how it is dated."""
        document = base.document(stem)
        assert len(document.claims) >= 8
        assert all(c.excerpt is not None and c.is_seed for c in document.claims)
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


class TestVerify:
    def test_the_bundled_folder_is_the_repository_seeds_folder(self) -> None:
        """In a source checkout the bundled base is the repository's own seeds/, not ../shared."""
        assert bundled_folder() == SEEDS

    def test_every_excerpt_occurs_in_the_repository_copy_of_its_article(
        self, base: EvidenceBase
    ) -> None:
        """verify() reads the five articles from the repository and finds every excerpt there."""
        articles = sorted(p.stem for p in SEEDS.glob("*.txt"))
        assert articles == list(SEED_STEMS)
        assert base.verify() == ()
        assert base.verify(SEEDS) == ()

    def test_verify_reads_the_articles_it_checks(self, base: EvidenceBase, tmp_path: Path) -> None:
        """Without the articles verify() fails for each seed: the check above really read them."""
        problems = base.verify(tmp_path)
        assert len(problems) == len(SEED_STEMS)
        assert all("cannot read the article" in p for p in problems)

    def test_every_altered_excerpt_is_not_found(self, base: EvidenceBase) -> None:
        """Each excerpt with one word inserted is no longer found: the check can fail."""
        for claim in base.claims:
            if claim.excerpt is None:
                continue
            words = claim.excerpt.split()
            altered = " ".join([*words[:1], "NICHTS", *words[1:]])
            text = (SEEDS / f"{claim.document}.txt").read_text(encoding="utf-8")
            assert not excerpt_occurs(altered, text), claim.id

    def test_verify_reports_an_excerpt_missing_from_its_article(
        self, write_base: WriteBase, tmp_path: Path
    ) -> None:
        """verify() names the claim and the article when an excerpt is not there."""
        folder = write_base()
        (folder / "001_abc123.txt").write_text("Some alpha words here.", encoding="utf-8")
        (folder / "002_def456.txt").write_text("No matching text.", encoding="utf-8")
        problems = load_evidence_base(folder).verify(folder)
        assert len(problems) == 1
        assert "s002.beta" in problems[0]
        assert "002_def456.txt" in problems[0]


# --------------------------------------------------------------------------- look-ups


class TestLookups:
    def test_unknown_claim_suggests_the_closest(self, base: EvidenceBase) -> None:
        """A misspelt claim id raises EvidenceError naming the closest ids."""
        with pytest.raises(EvidenceError, match=r"Did you mean 's002\.rofr-trigger'"):
            base.claim("s002.rofr-triger")

    def test_unknown_claim_error_carries_its_data(self, base: EvidenceBase) -> None:
        """The error holds the id given and the suggestions, not only a message."""
        with pytest.raises(EvidenceError) as caught:
            base.claim("s002.rofr-triger")
        assert caught.value.value == "s002.rofr-triger"
        assert caught.value.suggestions[0] == "s002.rofr-trigger"

    def test_unknown_topic_error_carries_its_data(self, base: EvidenceBase) -> None:
        """earliest_report() of a misspelt topic names the topic and the close ones."""
        with pytest.raises(EvidenceError) as caught:
            base.earliest_report("rofr-triger")
        assert caught.value.value == "rofr-triger"
        assert "rofr-trigger" in caught.value.suggestions

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
        document = outside_document("example", DateRange("2025-03-01", "2025-03-05"))
        evidence = EvidenceBase(documents=(document,)).evidence("o.example.shared-topic")
        assert isinstance(evidence, OutsideSource)
        assert evidence.published == pendulum.Date(2025, 3, 1)

    def test_claims_about_gathers_every_document(self, base: EvidenceBase) -> None:
        """claims_about() finds the claims on a topic across all documents."""
        ids = {c.id for c in base.claims_about("rofr-trigger")}
        assert {"s001.rofr-trigger", "s002.rofr-trigger", "s004.rofr-trigger"} <= ids
        assert base.claims_about("no-such-topic") == ()

    def test_topics_are_every_tag(self, base: EvidenceBase) -> None:
        """topics holds every tag any claim carries."""
        assert base.topics == {t for c in base.claims for t in c.topics}

    def test_duplicate_claim_ids_are_refused_when_built_directly(self) -> None:
        """EvidenceBase itself refuses two claims with the same id."""
        claim = outside_claim("a")
        with pytest.raises(EvidenceError, match="used twice"):
            EvidenceBase(
                documents=(outside_document("a", pendulum.Date(2025, 1, 1), claim, claim),)
            )

    def test_the_base_holds_tuples_whatever_it_is_given(self) -> None:
        """Documents given as a list are kept as a tuple: the base cannot change afterwards."""
        documents = [outside_document("a", pendulum.Date(2025, 1, 1))]
        base = EvidenceBase(documents=documents)
        documents.append(outside_document("b", pendulum.Date(2025, 1, 1)))
        assert base.documents == (outside_document("a", pendulum.Date(2025, 1, 1)),)
        assert [c.id for c in base.claims] == ["o.a.shared-topic"]
        assert base == EvidenceBase(documents=tuple(documents[:1]))

    def test_duplicate_document_ids_are_refused(self) -> None:
        """Two documents with one id are refused."""
        document = outside_document("a", pendulum.Date(2025, 1, 1))
        with pytest.raises(EvidenceError, match="Document id 'a' is used twice"):
            EvidenceBase(documents=(document, document))


# --------------------------------------------------------------------------- knowledge time


class TestKnowledgeTime:
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
        base = EvidenceBase(
            documents=(
                outside_document("late", pendulum.Date(2025, 5, 1)),
                outside_document("range", DateRange("2025-03-10", "2025-06-01")),
                outside_document("early", pendulum.Date(2025, 3, 12)),
            )
        )
        assert base.earliest_report("shared-topic") == pendulum.Date(2025, 3, 10)

    def test_earliest_report_of_an_unknown_topic_raises(self, base: EvidenceBase) -> None:
        """A topic no claim has raises EvidenceError suggesting a close one."""
        with pytest.raises(EvidenceError, match="'rofr-trigger'"):
            base.earliest_report("rofr-triger")

    def test_every_claim_is_published_from_its_documents_earliest_day(
        self, base: EvidenceBase
    ) -> None:
        """Each claim's evidence is published exactly from its document's earliest day on."""
        for claim in base.claims:
            first = base.document(claim.document).published_earliest
            evidence = base.evidence(claim.id)
            assert base.published_earliest(evidence) == first, claim.id
            assert base.published_by(evidence, first), claim.id
            assert not base.published_by(evidence, first.subtract(days=1)), claim.id

    def test_a_seed_dated_by_a_range_counts_from_its_first_day(self, base: EvidenceBase) -> None:
        """Seed 001 appeared between 2025-01-21 and 2025-01-23: it counts from the 21st."""
        assert base.document("001_7f6e26588299af66").published == DateRange(
            "2025-01-21", "2025-01-23"
        )
        cited = base.evidence("s001.rofr-trigger")
        assert base.published_by(cited, "2025-01-21")
        assert not base.published_by(cited, "2025-01-20")

    def test_the_agi_profit_threshold_was_not_public_before_2024_12_26(
        self, base: EvidenceBase
    ) -> None:
        """No source of the USD 100 bn definition is published by the day before it came out."""
        for claim in base.claims_about("agi-profit-definition"):
            assert not base.published_by(base.evidence(claim.id), "2024-12-25"), claim.id

    def test_an_inline_excerpt_is_dated_by_its_document(self, base: EvidenceBase) -> None:
        """A seed excerpt written inline, without a claim id, takes its document's day."""
        inline = SeedExcerpt(document="003_a1f5f37c4354f31f", excerpt="OpenAI", gloss="OpenAI")
        assert base.published_earliest(inline) == base.document(inline.document).published_earliest

    def test_an_excerpt_of_an_unknown_document_is_never_taken_as_published(
        self, base: EvidenceBase
    ) -> None:
        """A user's own document is not in the base: no known day, so not published by any day."""
        own = SeedExcerpt(document="nordlicht-sha-2018", excerpt="Ann shall offer", gloss="g")
        assert base.published_earliest(own) is None
        assert not base.published_by(own, "2100-01-01")

    @given(
        published=days(),
        asked=days(),
        claim=st.sampled_from((None, "o.unknown.claim", "s001.rofr-trigger")),
    )
    def test_an_outside_source_is_dated_by_itself(
        self, base: EvidenceBase, published: pendulum.Date, asked: pendulum.Date, claim: str | None
    ) -> None:
        """An inline outside source answers by its own day, whatever claim it names."""
        source = OutsideSource(
            url="https://example.org/a", title="A", published=published, gloss="g", claim=claim
        )
        assert base.published_by(source, asked) is source.published_by(asked)

    @given(asked=days(), later=st.integers(0, 4000))
    def test_published_by_is_monotone(
        self, base: EvidenceBase, asked: pendulum.Date, later: int
    ) -> None:
        """What the public could read on a day it can still read on every later day."""
        for claim in base.claims:
            evidence: Evidence = base.evidence(claim.id)
            if base.published_by(evidence, asked):
                assert base.published_by(evidence, asked.add(days=later))


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
    def test_each_conflict_spans_two_documents(self, base: EvidenceBase) -> None:
        """Every conflict names claims from at least two documents, with a note."""
        for conflict in base.conflicts:
            claims = [base.claim(claim_id) for claim_id in conflict.claims]
            assert len({c.document for c in claims}) >= 2, conflict.id
            assert conflict.note.strip(), conflict.id

    def test_conflicts_are_made_of_the_documents_own_claims(self, base: EvidenceBase) -> None:
        """Every claim on every side is the very claim its document makes."""
        for conflict in base.conflicts:
            for side in conflict.sides:
                for claim in side:
                    assert base.claim(claim.id) == claim

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

    def test_conflicts_involving_agrees_with_a_scan(self, base: EvidenceBase) -> None:
        """The index gives, for every claim, exactly the conflicts that name it, in file order."""
        for claim in base.claims:
            scan = tuple(c for c in base.conflicts if claim.id in c.claims)
            assert base.conflicts_involving(claim.id) == scan

    def test_disputes_of_cited_evidence(self, base: EvidenceBase) -> None:
        """disputes() gives, for a citation, the conflicts of the claim it cites."""
        for claim in base.claims:
            cited = base.evidence(claim.id)
            assert base.disputes(cited) == base.conflicts_involving(claim.id)

    @pytest.mark.parametrize(
        "evidence",
        [
            SeedExcerpt(document="001_x", excerpt="Wort", gloss="word"),
            SeedExcerpt(document="001_x", excerpt="Wort", gloss="word", claim="s1.own"),
            OutsideSource(url="https://example.org", title="T", published="2020-01-01", gloss="g"),
        ],
    )
    def test_evidence_outside_the_base_is_disputed_by_nothing(
        self, base: EvidenceBase, evidence: Evidence
    ) -> None:
        """A citation without a claim, or with a claim of its own, has no conflicts, and no error."""
        assert base.disputes(evidence) == ()

    def test_conflicts_involving_an_unknown_claim_raises(self, base: EvidenceBase) -> None:
        """An unknown claim id is an error, not an empty answer."""
        with pytest.raises(EvidenceError, match=r"s001\.rofr-trigger"):
            base.conflicts_involving("s001.rofr-trig")

    @pytest.mark.parametrize(
        ("claim", "other_side"),
        [
            (
                "s001.rofr-trigger",
                {"s002.rofr-trigger", "s004.rofr-trigger"},
            ),
            (
                "s000.exclusivity-terminated",
                {
                    "o.microsoft-2025-01-21.rofr",
                    "o.openai-2025-10-28.rofr-removed",
                    "o.openai-2025-10-28.api-third-party-exclusive",
                },
            ),
            ("o.openai-2025-10-28.rofr-removed", {"s000.exclusivity-terminated"}),
            ("s003.microsoft-investment-13bn", {"s002.microsoft-investment-14bn"}),
        ],
    )
    def test_the_other_side_of_a_cited_claim(
        self, base: EvidenceBase, claim: str, other_side: set[str]
    ) -> None:
        """The other side names the claims that disagree, never those that agree."""
        [conflict] = base.conflicts_involving(claim)
        assert {c.id for c in conflict.other_side(claim)} == other_side

    def test_a_conflict_naming_an_unknown_claim_is_refused(self) -> None:
        """A conflict built from claims that no document makes is refused, with a suggestion."""
        a = outside_claim("a")
        conflict = Conflict(
            id="c.x", topic="x", sides=((a,), (outside_claim("b"),)), note="they disagree"
        )
        with pytest.raises(EvidenceError, match=r"'o\.b\.shared-topic', which no document makes"):
            EvidenceBase(
                documents=(outside_document("a", pendulum.Date(2025, 1, 1), a),),
                conflicts=(conflict,),
            )

    def test_a_conflict_with_a_changed_claim_is_refused(self) -> None:
        """A conflict must hold the documents' own claims, not look-alikes."""
        a, b = outside_claim("a"), outside_claim("b")
        changed = Claim(
            id=b.id, document="b", excerpt=None, gloss="other", topics=b.topics, status=b.status
        )
        conflict = Conflict(id="c.x", topic="x", sides=((a,), (changed,)), note="n")
        with pytest.raises(EvidenceError, match="differs from the one document 'b' makes"):
            EvidenceBase(
                documents=(
                    outside_document("a", pendulum.Date(2025, 1, 1), a),
                    outside_document("b", pendulum.Date(2025, 1, 1), b),
                ),
                conflicts=(conflict,),
            )
