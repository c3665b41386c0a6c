"""clausekit._shared: equal sets shared across agreements without changing what they hold."""

from __future__ import annotations

import enum

from hypothesis import given
from hypothesis import strategies as st

import clausekit as ck
from clausekit._shared import frozen


class Kind(enum.StrEnum):
    TRAINING = "training"
    RESEARCH = "research"


MEMBERS = st.one_of(
    st.lists(st.text(max_size=5), max_size=4),
    st.lists(st.sampled_from(list(Kind)), max_size=2),
    st.lists(st.sampled_from(["training", "research"]), max_size=2),
)


@given(first=MEMBERS, second=MEMBERS)
def test_sharing_keeps_members_and_their_types(first: list[str], second: list[str]) -> None:
    """frozen() equals frozenset(), holds members of the same types, in any order of calls."""
    for values in (first, second, first):
        shared = frozen(values)
        assert shared == frozenset(values)
        assert sorted(type(v).__name__ for v in shared) == sorted(
            type(v).__name__ for v in frozenset(values)
        )


def test_equal_scopes_are_one_object() -> None:
    """Two clauses with equal scopes share the set; their answers do not depend on it."""
    source = ck.OutsideSource(
        url="https://example.org/shared", title="Shared", published="2020-01-01", gloss="g"
    )
    clauses = [
        ck.Exclusivity(
            id="x", title="X", evidence=[source], bound="A", beneficiary=b, scope=["b", "a"]
        )
        for b in ("B", "C")
    ]
    assert clauses[0].scope is clauses[1].scope
    assert clauses[0].scope == frozenset({"a", "b"})


def test_every_error_class_is_exported_from_clausekit_and_clausekit_errors() -> None:
    """One place holds every error (clausekit.errors), and the package exports each of them."""
    import clausekit as ck
    import clausekit.errors as errors

    classes = {
        name
        for name in errors.__all__
        if isinstance(getattr(errors, name), type)
        and issubclass(getattr(errors, name), BaseException)
    }
    assert classes <= set(ck.__all__)
    assert all(getattr(ck, name) is getattr(errors, name) for name in classes)
    assert all(getattr(errors, name).__module__ == "clausekit.errors" for name in classes)
