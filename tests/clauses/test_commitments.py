"""The commitments clause kind rules on the actions it governs, and only on those."""

from __future__ import annotations

import pytest

import clausekit as ck
from clausekit.verdict import Outcome
from tests.clauses.helpers import SRC, act, ctx


class TestCommitments:
    @pytest.mark.parametrize(
        "clause",
        [
            ck.SpendCommitment(
                id="s", title="S", evidence=[SRC], committer="A", recipient="B", amount=None
            ),
            ck.ComputeDeal(
                id="d",
                title="D",
                evidence=[SRC],
                buyer="A",
                provider="B",
                amount=ck.Money("38000000000", "USD"),
            ),
        ],
    )
    def test_purchase_from_the_counterparty_is_permitted(self, clause: ck.Clause) -> None:
        """A commitment speaks, permitting, when its buyer procures from its provider."""
        finding = clause.rule(act("A", "procure-compute", "B", "training"), ctx())
        assert finding is not None
        assert finding.effect is Outcome.PERMITTED
        assert clause.rule(act("A", "procure-compute", "C", "training"), ctx()) is None

    def test_float_amount_refused(self) -> None:
        """Money in a clause must be exact."""
        with pytest.raises(ck.InvalidAmountError, match="is a float"):
            ck.ComputeDeal(
                id="d", title="D", evidence=[SRC], buyer="A", provider="B", amount=(1.5, "USD")
            )
