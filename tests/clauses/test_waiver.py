"""The waiver clause kind rules on the actions it governs, and only on those."""

from __future__ import annotations

import pytest

import clausekit as ck
from clausekit.verdict import Outcome
from tests.clauses.helpers import SRC, act, ctx


class TestWaiver:
    excl = ck.Exclusivity(
        id="x", title="X", evidence=[SRC], bound="A", beneficiary="B", consent_by="B"
    )

    @pytest.mark.parametrize(
        ("waiver_fields", "counterparty", "effect"),
        [
            ({"counterparties": ["D"]}, "D", Outcome.PERMITTED),
            ({"counterparties": ["D"]}, "E", Outcome.CONDITIONAL),
            ({"scope": ["research"]}, "D", Outcome.CONDITIONAL),
            ({"waives": ["other"]}, "D", Outcome.CONDITIONAL),
            ({"waives": ["x"]}, "D", Outcome.PERMITTED),
        ],
    )
    def test_waiver_counts_as_consent_only_where_it_covers(
        self, waiver_fields: dict[str, list[str]], counterparty: str, effect: Outcome
    ) -> None:
        """A waiver gives consent for the counterparties, scope and clauses it names."""
        waiver = ck.Waiver(
            id="w", title="W", evidence=[SRC], granted_by="B", grantee="A", **waiver_fields
        )
        finding = self.excl.rule(act("A", "procure-compute", counterparty, "training"), ctx(waiver))
        assert finding is not None
        assert finding.effect is effect
        if effect is Outcome.PERMITTED:
            assert finding.relies_on == (waiver,)

    def test_waiver_by_someone_else_does_not_count(self) -> None:
        """Only the party whose consent is needed can waive."""
        waiver = ck.Waiver(id="w", title="W", evidence=[SRC], granted_by="Z", grantee="A")
        finding = self.excl.rule(act("A", "procure-compute", "D"), ctx(waiver))
        assert finding is not None
        assert finding.effect is Outcome.CONDITIONAL
