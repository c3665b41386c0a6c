"""Tests for :mod:`clausekit.evidence.citations`: seed excerpts, outside sources, citing them."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from clausekit.errors import EvidenceError, InvalidDateError, NotADayError
from clausekit.evidence.citations import (
    Evidence,
    OutsideSource,
    SeedExcerpt,
    cite,
    evidence_tuple,
    require_evidence,
)
from clausekit.testing import days, evidence


def outside(published: object = "2020-01-01") -> OutsideSource:
    return OutsideSource(
        url="https://example.org/deal", title="Deal", published=published, gloss="Acme and Beta"
    )


class TestSeedExcerpt:
    @pytest.mark.parametrize("field", ["document", "excerpt", "gloss"])
    @pytest.mark.parametrize("value", ["", "  ", None, 3])
    def test_blank_or_non_text_fields_are_refused(self, field: str, value: object) -> None:
        """Document, excerpt and gloss must be non-empty text; the message names the field."""
        fields: dict[str, object] = {"document": "001_x", "excerpt": "Wort", "gloss": "word"}
        fields[field] = value
        with pytest.raises(EvidenceError, match=rf"SeedExcerpt\.{field}="):
            SeedExcerpt(**fields)  # type: ignore[arg-type]

    def test_cited_with_document_claim_excerpt_and_gloss(self) -> None:
        """A seed citation names the document, the claim, the words and their gloss."""
        seed = SeedExcerpt(document="001_x", excerpt="Wort", gloss="word", claim="s001.w")
        assert cite(seed) == 'seed 001_x [s001.w]: "Wort" (word)'


class TestOutsideSource:
    @pytest.mark.parametrize(
        "published", ["2020-01-01", dt.date(2020, 1, 1), pendulum.Date(2020, 1, 1)]
    )
    def test_published_takes_any_calendar_day(self, published: object) -> None:
        """ISO text, datetime.date and pendulum.Date all become the same pendulum.Date."""
        assert outside(published).published == pendulum.Date(2020, 1, 1)

    def test_a_time_of_day_is_refused(self) -> None:
        """A datetime is not a publication day."""
        with pytest.raises(NotADayError, match="published="):
            outside(dt.datetime(2020, 1, 1, 12, 0))

    @pytest.mark.parametrize("url", ["example.org/deal", "ftp://example.org", ""])
    def test_url_must_be_a_web_address(self, url: str) -> None:
        """An address without http(s) is refused, with the fix."""
        with pytest.raises(EvidenceError, match="https://"):
            OutsideSource(url=url, title="Deal", published="2020-01-01", gloss="g")

    def test_cited_with_title_day_and_url(self) -> None:
        """An outside citation names title, day, claim, address and gloss."""
        source = OutsideSource(
            url="https://example.org/d",
            title="Deal",
            published="2020-01-01",
            gloss="g",
            claim="o.d",
        )
        assert cite(source) == "Deal, 2020-01-01 [o.d], https://example.org/d: g"

    @given(published=days(), asked=days())
    def test_published_by_compares_days(
        self, published: pendulum.Date, asked: pendulum.Date
    ) -> None:
        """An outside source is published by a day exactly when its day is on or before it."""
        source = outside(published)
        assert source.published_earliest == published
        assert source.published_by(asked) is (published <= asked)

    def test_published_by_takes_iso_text(self) -> None:
        """The day asked may be ISO text, like every day in clausekit."""
        assert outside("2020-01-01").published_by("2020-01-01")
        assert not outside("2020-01-01").published_by("2019-12-31")

    def test_published_by_refuses_a_non_day(self) -> None:
        """A day that is not a calendar day raises, naming it."""
        with pytest.raises(InvalidDateError, match="2020-02-30"):
            outside().published_by("2020-02-30")


class TestRequireEvidence:
    @given(evidence())
    def test_any_evidence_is_accepted(self, item: Evidence) -> None:
        """Generated seed excerpts and outside sources pass, returned as given."""
        assert require_evidence("clause 'x'", (item,)) == (item,)

    def test_no_evidence_is_refused(self) -> None:
        """An empty tuple is refused, naming the owner."""
        with pytest.raises(EvidenceError, match="clause 'x' has no evidence"):
            require_evidence("clause 'x'", ())

    def test_something_else_is_refused(self) -> None:
        """A string is not evidence."""
        with pytest.raises(EvidenceError, match="not evidence"):
            require_evidence("clause 'x'", ("a source",))  # type: ignore[arg-type]


class TestSharedTuples:
    """Clauses and amendments citing the same evidence objects share one tuple of them."""

    @given(first=st.lists(evidence(), max_size=3), second=st.lists(evidence(), max_size=3))
    def test_each_list_gives_back_its_own_tuple(
        self, first: list[Evidence], second: list[Evidence]
    ) -> None:
        """In any order, a list gives back a tuple of exactly its items; the same objects,
        the same tuple."""
        for items in (first, second, first):
            made = evidence_tuple(items)
            assert type(made) is tuple
            assert len(made) == len(items)
            assert all(a is b for a, b in zip(made, items, strict=True))
            assert evidence_tuple(list(items)) is made or not items

    def test_equal_but_distinct_evidence_is_not_confused(self) -> None:
        """Keyed by the objects themselves: equal evidence elsewhere gets its own tuple."""
        one, other = outside(), outside()
        assert one == other
        assert evidence_tuple([one])[0] is one
        assert evidence_tuple([other])[0] is other

    def test_what_is_not_evidence_is_not_kept(self) -> None:
        """Anything else goes on to be refused by require_evidence, unshared."""
        with pytest.raises(EvidenceError):
            require_evidence("Clause 'x'", evidence_tuple(["not evidence"]))  # type: ignore[list-item]
