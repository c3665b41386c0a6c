"""clausekit.check.lives: the checker's clause lives agree with what the agreement has in force."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import clausekit as ck
from clausekit import testing as ckst
from clausekit.check.lives import lives, together


class TestLives:
    @given(agreement=ckst.agreements(), data=st.data())
    def test_in_force_on_a_day_is_the_lives_covering_it(
        self, agreement: ck.Agreement, data: st.DataObject
    ) -> None:
        """Ignoring AGI (dormant clauses), a life covers a day exactly when its clause is in force."""
        day = data.draw(ckst.days())
        covering = {
            life.id
            for life in lives(agreement)
            if life.period is not None and day in life.period and not life.dormant
        }
        assert {item.clause.id for item in agreement.in_force(on=day)} == covering

    @given(agreement=ckst.agreements())
    def test_one_life_per_clause_in_order(self, agreement: ck.Agreement) -> None:
        """Every clause has one life, in the order the amendments add them, with canonical parties."""
        found = lives(agreement)
        added = [c.id for a in agreement.amendments for c in a.added()]
        assert [life.id for life in found] == added
        assert [life.order for life in found] == list(range(len(added)))
        canonical = {p.name for p in agreement.parties}
        for life in found:
            assert set(life.clause.parties().values()) <= canonical

    @given(agreement=ckst.agreements())
    def test_together_is_the_common_days(self, agreement: ck.Agreement) -> None:
        """together() of two lives is the intersection of their periods."""
        found = lives(agreement)
        for one in found[:3]:
            for two in found[:3]:
                expected = (
                    None
                    if one.period is None or two.period is None
                    else one.period.intersection(two.period)
                )
                assert together((one, two)) == expected
