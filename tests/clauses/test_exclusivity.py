"""The exclusivity clause kind rules on the actions it governs, and only on those."""

from __future__ import annotations

import pytest

import clausekit as ck
from clausekit.clauses import Resolved
from clausekit.verdict import Outcome
from tests.clauses.helpers import SRC, act, ctx


class TestExclusivity:
    clause = ck.Exclusivity(
        id="x", title="X", evidence=[SRC], bound="A", beneficiary="B", scope=["training"]
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
        assert self.clause.rule(action, ctx(self.clause)) is None

    def test_no_consent_route_prohibits(self) -> None:
        """Without consent_by any other counterparty is prohibited."""
        finding = self.clause.rule(act("A", "procure-compute", "D", "training"), ctx())
        assert finding is not None
        assert finding.effect is Outcome.PROHIBITED

    def test_empty_scope_means_every_subject(self) -> None:
        """An exclusivity with no scope governs every subject."""
        clause = ck.Exclusivity(id="x", title="X", evidence=[SRC], bound="A", beneficiary="B")
        assert clause.rule(act("A", "procure-compute", "D", "anything"), ctx()) is not None
