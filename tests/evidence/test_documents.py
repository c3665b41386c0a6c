"""Tests for :mod:`clausekit.evidence.documents`: sources and when the public could read them."""

from __future__ import annotations

from typing import Any

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from clausekit.errors import EvidenceError
from clausekit.evidence.documents import Document
from clausekit.testing import days
from clausekit.time import DateRange


def document(**changes: Any) -> Document:
    fields: dict[str, Any] = {
        "id": "example",
        "kind": "outside",
        "language": "en",
        "outlet": "Example",
        "published": pendulum.Date(2025, 3, 1),
        "published_reasoning": None,
        "url": "https://example.org/a",
        "title": "Example",
        "claims": (),
    }
    return Document(**(fields | changes))


class TestPublication:
    def test_a_day_is_its_own_earliest_day(self) -> None:
        """A document published on a known day could be read from that day."""
        assert document().published_earliest == pendulum.Date(2025, 3, 1)

    def test_a_range_counts_from_its_first_day(self) -> None:
        """A document dated by a range could be read from the range's first day."""
        d = document(published=DateRange("2025-03-01", "2025-03-05"))
        assert d.published_earliest == pendulum.Date(2025, 3, 1)

    @given(first=days(), length=st.integers(0, 60), asked=days())
    def test_published_by_is_the_earliest_day_on_or_before(
        self, first: pendulum.Date, length: int, asked: pendulum.Date
    ) -> None:
        """published_by(day) holds exactly from the earliest possible day on, never before."""
        latest = first.add(days=length)
        d = document(published=DateRange(first, latest))
        assert d.published_by(asked) is (first <= asked)


class TestValidation:
    @pytest.mark.parametrize(
        ("changes", "fragment"),
        [
            ({"published": "2025-03-01"}, "pendulum.Date or a clausekit.time.DateRange"),
            ({"claims": ["a claim"]}, "tuple of Claim values"),
            ({"id": " "}, "Document.id="),
            ({"title": ""}, "Document.title="),
        ],
    )
    def test_malformed_documents_are_refused(self, changes: dict[str, Any], fragment: str) -> None:
        """A publication that is not a day or range, or claims that are not Claims, raise."""
        with pytest.raises(EvidenceError, match=fragment):
            document(**changes)

    def test_unknown_kind_is_refused(self) -> None:
        """A document is a seed or an outside source."""
        with pytest.raises(ValueError, match="kind"):
            document(kind="rumour")
