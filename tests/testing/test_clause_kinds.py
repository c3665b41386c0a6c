"""clausekit.testing.clause_kinds: clauses() draws every registered clause kind, valid."""

from __future__ import annotations

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import clausekit as ck
from clausekit import testing as ckst
from clausekit.errors import KindError, UnknownKindError
from clausekit.registry import CLAUSE_KINDS
from testing.helpers import run

BUNDLED = [k for k in CLAUSE_KINDS.classes() if k.__module__.startswith("clausekit.")]


class TestClauses:
    def test_every_bundled_kind_comes_up(self) -> None:
        """Over enough draws, each bundled kind is drawn: the registry, not a list, decides."""
        seen: set[type] = set()

        @settings(max_examples=400, database=None)
        @given(clause=ckst.clauses())
        def draw(clause: ck.ClauseBase) -> None:
            seen.add(type(clause))

        draw()
        assert set(BUNDLED) <= seen

    @given(clause=ckst.clauses(["Ann", "Bob"], clause_id="x-1"))
    def test_ids_and_parties_are_valid(self, clause: ck.ClauseBase) -> None:
        """The clause has the id asked for, and names only the parties given."""
        assert clause.id == "x-1"
        assert clause.title == "Clause x-1"
        assert clause.evidence
        assert set(clause.parties().values()) <= {"Ann", "Bob"}
        assert clause.references() == frozenset()

    @given(clause=ckst.clauses(until_after=pendulum.Date(2030, 1, 1)))
    def test_its_own_term_ends_after_the_day_given(self, clause: ck.ClauseBase) -> None:
        """until_after lets the clause end by its own term, always after that day."""
        assert clause.until is None or clause.until > pendulum.Date(2030, 1, 1)

    @given(clause=ckst.clauses(kinds=["exclusivity", ck.Waiver]))
    def test_kinds_by_class_or_tag(self, clause: ck.ClauseBase) -> None:
        """kinds takes classes and kind tags."""
        assert type(clause) in (ck.Exclusivity, ck.Waiver)

    @pytest.mark.parametrize(
        ("kinds", "error"),
        [([ck.Party], KindError), (["exclusivty"], UnknownKindError), ([], KindError)],
    )
    def test_not_a_kind_raises(self, kinds: list[object], error: type[Exception]) -> None:
        """A class that is not a clause kind, a misspelt tag, or no kind at all."""

        @settings(max_examples=1, database=None)
        @given(clause=ckst.clauses(kinds=kinds))  # type: ignore[arg-type]
        def draw(clause: ck.ClauseBase) -> None:
            raise AssertionError(clause)

        with pytest.raises(error):
            draw()

    @given(clause=ckst.clauses(kinds=[ck.RevenueShare]))
    def test_bundled_constraints_hold(self, clause: ck.RevenueShare) -> None:
        """A revenue share's cap is known or undisclosed, never both (its registered strategy)."""
        assert not (clause.cap is not None and clause.cap_undisclosed)

    @given(data=st.data())
    def test_agreement_parties_are_used(self, data: st.DataObject) -> None:
        """Party fields draw from the names given, whatever they are."""
        names = data.draw(st.lists(st.sampled_from("PQRST"), min_size=1, unique=True))
        clause = data.draw(ckst.clauses(names))
        assert set(clause.parties().values()) <= set(names)


class TestUserKinds:
    def test_a_user_kind_is_drawn_with_its_registered_strategy(self) -> None:
        """A kind defined outside clausekit is drawn too, with the fields its hook registers."""
        script = (
            "from hypothesis import given, settings, strategies as st\n"
            "from clausekit import testing as ckst\n"
            "import user_kinds\n"
            "ckst.register_kind_strategy(user_kinds.NonCompete,\n"
            "    field_of_business=st.sampled_from(['sports', 'news']))\n"
            "seen = set()\n"
            "@settings(max_examples=300, database=None)\n"
            "@given(ckst.clauses(['Ann', 'Bob']))\n"
            "def t(clause):\n"
            "    seen.add(clause.kind)\n"
            "    if clause.kind == 'non-compete':\n"
            "        assert clause.field_of_business in ('sports', 'news')\n"
            "        assert {clause.bound, clause.beneficiary} <= {'Ann', 'Bob'}\n"
            "t()\n"
            "print(sorted(seen & {'non-compete', 'matching-right', 'exclusivity'}))\n"
        )
        assert run(script).strip() == "['exclusivity', 'matching-right', 'non-compete']"
