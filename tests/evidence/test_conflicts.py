"""Tests for :mod:`clausekit.evidence.conflicts`: claims that disagree, side by side."""

from __future__ import annotations

import pytest

from clausekit.errors import EvidenceError
from clausekit.evidence.claims import Claim
from clausekit.evidence.conflicts import Conflict


def claim(name: str) -> Claim:
    return Claim(
        id=f"o.{name}.point",
        document=name,
        excerpt=None,
        gloss=f"{name} says so",
        topics=("point",),
        status="reported",
    )


A, B, C, D = (claim(n) for n in "abcd")


def conflict(*sides: tuple[Claim, ...]) -> Conflict:
    return Conflict(id="c.point", topic="point", sides=sides, note="they disagree")


class TestSides:
    def test_claims_are_the_ids_side_by_side(self) -> None:
        """claims lists every claim id, side after side, in order."""
        assert conflict((A,), (B, C)).claims == (A.id, B.id, C.id)

    def test_other_side_is_every_claim_on_another_side(self) -> None:
        """A claim's other side is every claim not on its own side, in order."""
        c = conflict((A, D), (B,), (C,))
        assert c.other_side(A.id) == (B, C)
        assert c.other_side(D.id) == (B, C)
        assert c.other_side(B.id) == (A, D, C)

    def test_side_of_is_the_claims_that_agree(self) -> None:
        """A claim's side holds the claims that agree with it, itself included."""
        c = conflict((A, D), (B,))
        assert c.side_of(D.id) == (A, D)
        assert c.side_of(B.id) == (B,)

    def test_involves(self) -> None:
        """involves() tells whether the conflict names a claim."""
        c = conflict((A,), (B,))
        assert c.involves(A.id)
        assert not c.involves(C.id)

    def test_a_claim_not_named_raises_with_the_claims_named(self) -> None:
        """Asking about a claim the conflict does not name raises, listing the ones it does."""
        with pytest.raises(EvidenceError, match=r"does not name claim 'o\.c\.point'.*o\.a\.point"):
            conflict((A,), (B,)).other_side(C.id)

    def test_the_error_carries_the_claim_and_the_conflict(self) -> None:
        """The error names the claim asked about, the conflict, and close claim ids."""
        with pytest.raises(EvidenceError) as caught:
            conflict((A,), (B,)).other_side("o.a.pointt")
        assert caught.value.value == "o.a.pointt"
        assert caught.value.ids == ("c.point",)
        assert caught.value.suggestions[0] == A.id

    def test_equal_conflicts_are_equal_and_hash_alike(self) -> None:
        """A conflict is a value: equal fields, equal conflicts."""
        assert conflict((A,), (B,)) == conflict((A,), (B,))
        assert hash(conflict((A,), (B,))) == hash(conflict((A,), (B,)))
        assert conflict((A,), (B,)) != conflict((B,), (A,))


class TestValidation:
    @pytest.mark.parametrize(
        ("sides", "fragment"),
        [
            (((A, B),), "at least two sides"),
            (((A,), (A,)), "two different claims"),
            (((A, B), (B,)), "more than once"),
            (((A,), ()), "non-empty tuples"),
            (((A,), ("o.b.point",)), "Claim values"),
            ([(A,), (B,)], "tuple of non-empty tuples"),
        ],
    )
    def test_malformed_sides_are_refused(self, sides: object, fragment: str) -> None:
        """Fewer than two sides, a repeated claim or sides that are not claims raise."""
        with pytest.raises(EvidenceError, match=fragment):
            Conflict(id="c.point", topic="point", sides=sides, note="n")  # type: ignore[arg-type]
