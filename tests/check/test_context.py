"""clausekit.check.context: finding the lives in force together, and building diagnostics."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import clausekit as ck
from check.helpers import SRC, amend, deal, excl
from clausekit import testing as ckst
from clausekit.check import CheckContext, Severity
from clausekit.check.context import names_both, speaks_on
from clausekit.check.lives import lives, together
from clausekit.check.overlaps import shared_subjects
from clausekit.testing.base import SUBJECTS


class TestAlongside:
    @given(agreement=ckst.agreements(max_amendments=6))
    def test_alongside_is_every_life_of_the_group_sharing_a_day(
        self, agreement: ck.Agreement
    ) -> None:
        """alongside() equals the brute-force search: same group, a day in common, not itself."""
        found = lives(agreement)
        ctx = CheckContext(found)
        for life in found:
            for key in {k for k, _ in speaks_on(life.clause)}:
                expected = [
                    other
                    for other in found
                    if other is not life
                    and key in {k for k, _ in speaks_on(other.clause)}
                    and together((life, other)) is not None
                ]
                assert list(ctx.alongside(life, speaks_on, key)) == expected

    @given(
        agreement=ckst.agreements(max_amendments=6),
        sharing=st.frozensets(
            st.sampled_from([*SUBJECTS, *(f"{s}/part" for s in SUBJECTS), "elsewhere"]),
            max_size=2,
        ),
    )
    def test_sharing_keeps_the_lives_whose_subjects_share_one(
        self, agreement: ck.Agreement, sharing: frozenset[str]
    ) -> None:
        """With sharing=, exactly the lives whose scope shares a subject come (nested ones
        too); unordered, the same lives come, each once."""
        found = lives(agreement)
        ctx = CheckContext(found)
        for life in found:
            keys = sorted({k for k, _ in speaks_on(life.clause)}, key=repr)
            every = list(ctx.alongside(life, speaks_on, *keys))
            expected = [
                o for o in every if shared_subjects(sharing, o.clause.subjects()) is not None
            ]
            assert list(ctx.alongside(life, speaks_on, *keys, sharing=sharing)) == expected
            unordered = list(ctx.alongside(life, speaks_on, *keys, ordered=False))
            assert sorted(unordered, key=lambda o: o.order) == every

    def test_names_both_includes_a_party_with_itself(self) -> None:
        """A clause naming one party twice is found under (party, party) too."""
        clause = excl("e", "Acme")
        assert {k for k, _ in names_both(clause)} == {
            ("Acme", "Acme"),
        }


class TestDiagnostic:
    def test_built_from_lives(self) -> None:
        """ctx.diagnostic() takes the ids, adding amendments and evidence of the lives given."""
        agreement = deal(
            amend("a", "2020-01-01", adds=[excl("e1", "Beta")]),
            amend("b", "2021-01-01", adds=[excl("e2", "Gamma")]),
        )
        ctx = CheckContext(lives(agreement))
        one, two = ctx.life("e1"), ctx.life("e2")
        made = ctx.diagnostic(
            Severity.WARNING, "x", "Something.", one, two, amendments=("z",), period=one.period
        )
        assert made.clauses == ("e1", "e2")
        assert made.amendments == ("a", "b", "z")
        assert made.citations == (SRC,)
        assert made.period == ck.Period("2020-01-01", None)
