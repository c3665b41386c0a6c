"""The permission clause kind rules on the actions it governs, and only on those."""

from __future__ import annotations

import attrs
import pytest

import clausekit as ck
from clausekit.clauses import Resolved
from clausekit.verdict import Outcome
from tests.clauses.helpers import DAY, SRC, act, ctx


class TestPermission:
    clause = ck.Permission(
        id="p",
        title="P",
        evidence=[SRC],
        grantee="A",
        granted_by="B",
        verb="procure-compute",
        scope=["training"],
    )

    @pytest.mark.parametrize(
        "action",
        [
            act("C", "procure-compute", "D", "training"),
            act("A", "transfer-shares", "D", "training"),
            act("A", "procure-compute", "D", "api"),
        ],
    )
    def test_silent_outside_its_scope(self, action: Resolved) -> None:
        """Another actor, verb or subject is not governed."""
        assert self.clause.rule(action, ctx()) is None

    def test_permits_and_grants(self) -> None:
        """Within its scope it permits, as a grant, naming the term."""
        finding = self.clause.rule(act("A", "procure-compute", "D", "training"), ctx())
        assert finding is not None
        assert finding.effect is Outcome.PERMITTED
        assert finding.grants
        assert finding.reason == (
            "A may procure compute (training) with any counterparty, as B agreed."
        )

    def test_counterparties_limit_it(self) -> None:
        """Naming counterparties permits only dealings with them."""
        clause = attrs.evolve(self.clause, counterparties=frozenset({"D"}))
        assert clause.rule(act("A", "procure-compute", "D", "training"), ctx()) is not None
        assert clause.rule(act("A", "procure-compute", "E", "training"), ctx()) is None
        assert "with D" in clause.summary()

    def test_a_prohibition_in_force_still_wins(self) -> None:
        """A permission never outweighs a restriction: an exclusivity in force prohibits."""
        excl = ck.Exclusivity(
            id="x", title="X", evidence=[SRC], bound="A", beneficiary="B", scope=["training"]
        )
        deal = ck.Agreement(
            id="d",
            title="D",
            parties=[ck.Party("A"), ck.Party("B"), ck.Party("D")],
            amendments=[
                ck.Amendment(
                    id="a", title="A", effective="2020-01-01", evidence=[SRC], adds=[excl]
                ),
                ck.Amendment(
                    id="b", title="B", effective="2021-01-01", evidence=[SRC], adds=[self.clause]
                ),
                ck.Amendment(id="c", title="C", effective="2022-01-01", evidence=[SRC], ends=["x"]),
            ],
        )
        buy = ck.ProcureCompute(buyer="A", provider="D", workload="training")
        assert deal.ask(buy, on="2021-06-01").outcome is Outcome.PROHIBITED
        later = deal.ask(buy, on="2022-06-01")
        assert later.outcome is Outcome.PERMITTED
        assert [r.clause_id for r in later.rulings] == ["p"]
        assert not later.by_default

    def test_it_lifts_a_default_prohibition(self) -> None:
        """Using what belongs to someone else is permitted where a permission grants it."""
        clause = ck.Permission(
            id="brand", title="Brand", evidence=[SRC], grantee="A", verb="use-brand"
        )
        deal = ck.Agreement(
            id="d",
            title="D",
            parties=[ck.Party("A"), ck.Party("B")],
            amendments=[
                ck.Amendment(
                    id="a", title="A", effective="2020-01-01", evidence=[SRC], adds=[clause]
                )
            ],
        )
        use = ck.Act(actor="A", verb="use-brand", counterparty="B", default=Outcome.PROHIBITED)
        assert deal.ask(use, on=DAY).outcome is Outcome.PERMITTED
