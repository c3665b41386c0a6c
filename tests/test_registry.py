"""The registries of clause and fact kinds: the class keyword registers, mistakes raise."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import attrs
import pytest

import clausekit as ck
from clausekit.errors import KindError, UnknownKindError
from clausekit.registry import CLAUSE_KINDS, FACT_KINDS, Registry

SOURCE = ck.OutsideSource(
    url="https://example.org/nc", title="Non-compete", published="2020-01-01", gloss="g"
)


@pytest.fixture(autouse=True)
def _registries_as_before() -> Iterator[None]:
    """Kinds defined by a test leave the registries when it ends."""
    with CLAUSE_KINDS.restored(), FACT_KINDS.restored():
        yield


class TestBundled:
    def test_every_bundled_clause_kind_is_registered(self) -> None:
        """Each bundled clause class is found under its own tag, as the final (attrs) class."""
        for cls in (ck.Exclusivity, ck.RightOfFirstRefusal, ck.Waiver, ck.AGIClause):
            assert CLAUSE_KINDS.lookup(cls.kind) is cls

    def test_every_bundled_fact_kind_is_registered(self) -> None:
        """Each bundled fact class is found under its tag."""
        for cls in (ck.OfferDeclined, ck.ConsentGiven, ck.AGIDeclared, ck.Revenue):
            assert FACT_KINDS.lookup(cls.kind) is cls

    def test_misspelt_kind_suggests(self) -> None:
        """A misspelt kind raises UnknownKindError carrying the suggestion as data."""
        with pytest.raises(UnknownKindError) as caught:
            CLAUSE_KINDS.lookup("right-of-first-refusl", where="clause 'rofr'")
        assert caught.value.suggestions[0] == "right-of-first-refusal"
        assert caught.value.family == "clause"
        assert "clause 'rofr'" in str(caught.value)


class TestUserKinds:
    def test_a_user_clause_kind_registers_and_answers(self) -> None:
        """A kind defined here (not in src/) registers by its keyword and rules on questions."""

        @attrs.frozen(kw_only=True)
        class NoPoaching(ck.ClauseBase, kind="test-no-poaching"):
            bound: str
            party_fields: ClassVar[tuple[str, ...]] = ("bound",)

            def verbs(self) -> frozenset[str]:
                return frozenset({"hire-staff-of"})

            def rule(self, action: ck.Resolved, ctx: ck.Context) -> ck.Finding | None:
                if action.actor != self.bound:
                    return None
                return ck.Finding(ck.Outcome.PROHIBITED, f"{self.bound} may not poach.")

        assert CLAUSE_KINDS.lookup("test-no-poaching") is NoPoaching
        deal = ck.Agreement(
            id="d",
            title="D",
            parties=[ck.Party("A"), ck.Party("B")],
            amendments=[
                ck.Amendment(
                    id="s",
                    title="S",
                    effective="2020-01-01",
                    evidence=[SOURCE],
                    adds=[NoPoaching(id="np", title="No poaching", evidence=[SOURCE], bound="A")],
                )
            ],
        )
        verdict = deal.ask(
            ck.Act(actor="A", verb="hire-staff-of", counterparty="B"), on="2021-01-01"
        )
        assert verdict.outcome is ck.Outcome.PROHIBITED
        assert "may not poach" in verdict.explain()

    def test_redefinition_replaces(self) -> None:
        """Defining the same class again (a notebook cell run twice) replaces the first."""
        classes = []
        for _ in range(2):

            @attrs.frozen
            class Rumour(ck.Fact, kind="test-rumour"):
                about: str

            classes.append(Rumour)
        assert FACT_KINDS.lookup("test-rumour") is classes[1]

    def test_a_kind_taken_by_another_class_raises(self) -> None:
        """Two different classes cannot share a kind."""
        with pytest.raises(KindError, match="already has") as caught:

            @attrs.frozen
            class Impostor(ck.Fact, kind="consent-given"):
                by: str

        assert caught.value.other is ck.ConsentGiven

    def test_an_undecorated_kind_is_refused_when_built(self) -> None:
        """A kind without @attrs.frozen has no fields of its own: building one says so."""

        class Bare(ck.ClauseBase, kind="test-bare"):
            pass

        with pytest.raises(KindError, match=r"attrs\.frozen"):
            Bare(id="b", title="B", evidence=[SOURCE])

    @pytest.mark.parametrize("kind", ["", "two words", 3])
    def test_bad_tags_are_refused(self, kind: object) -> None:
        """A kind tag is non-empty text without spaces."""
        with pytest.raises(KindError, match="non-empty tag"):
            Registry("clause").register(kind, type("X", (), {}))  # type: ignore[arg-type]

    def test_callbacks_see_every_class(self) -> None:
        """on_register reaches the classes registered before and after it."""
        registry: Registry[type] = Registry("thing")
        first = type("First", (), {})
        registry.register("first", first)
        seen: list[type] = []
        registry.on_register(seen.append)
        second = type("Second", (), {})
        registry.register("second", second)
        assert seen == [first, second]
        assert registry.kinds() == ("first", "second")

    def test_restored_forgets_kinds_defined_inside(self) -> None:
        """restored() gives back the registry as it was before the block."""
        before = FACT_KINDS.kinds()
        with FACT_KINDS.restored():

            @attrs.frozen
            class Passing(ck.Fact, kind="test-passing"):
                about: str

            assert "test-passing" in FACT_KINDS
        assert FACT_KINDS.kinds() == before
