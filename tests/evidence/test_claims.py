"""Tests for :mod:`clausekit.evidence.claims`: what one source says."""

from __future__ import annotations

from typing import Any

import pendulum
import pytest

from clausekit.errors import EvidenceError
from clausekit.evidence.claims import Claim


def fields(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "s001.alpha",
        "document": "001_x",
        "excerpt": "alpha words",
        "gloss": "alpha",
        "topics": ("alpha",),
        "status": "reported",
    }
    return base | changes


class TestClaim:
    def test_seed_and_outside_claims(self) -> None:
        """A claim with an excerpt is a seed claim; one without is an outside claim."""
        assert Claim(**fields()).is_seed
        assert not Claim(**fields(id="o.x.alpha", excerpt=None)).is_seed

    def test_about_is_a_day(self) -> None:
        """The day a claim is about is a pendulum.Date, or None."""
        day = pendulum.Date(2025, 1, 21)
        assert Claim(**fields(about=day)).about == day
        assert Claim(**fields()).about is None

    @pytest.mark.parametrize(
        ("changes", "fragment"),
        [
            ({"id": ""}, "Claim.id="),
            ({"gloss": "  "}, "Claim.gloss="),
            ({"excerpt": ""}, "Claim.excerpt="),
            ({"topics": ()}, "non-empty tuple"),
            ({"topics": ["alpha"]}, "non-empty tuple"),
            ({"topics": ("Alpha Topic",)}, "kebab-case"),
            ({"about": "2025-01-21"}, "pendulum.Date"),
        ],
    )
    def test_malformed_claims_are_refused(self, changes: dict[str, Any], fragment: str) -> None:
        """Blank text, bad topics and days that are not dates raise EvidenceError."""
        with pytest.raises(EvidenceError, match=fragment):
            Claim(**fields(**changes))

    def test_the_error_carries_the_field_and_value(self) -> None:
        """A malformed tag is named in the error's value, with the field it was in."""
        with pytest.raises(EvidenceError) as caught:
            Claim(**fields(topics=("alpha", "Beta")))
        assert (caught.value.field, caught.value.value) == ("Claim.topics", "Beta")

    def test_unknown_status_is_refused(self) -> None:
        """The status is one of reported, official-statement, analysis."""
        with pytest.raises(ValueError, match="status"):
            Claim(**fields(status="rumour"))
