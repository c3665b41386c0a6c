"""The rofr clause kind rules on the actions it governs, and only on those."""

from __future__ import annotations

import pytest

import clausekit as ck
from tests.clauses.helpers import SRC


class TestRightOfFirstRefusal:
    def test_triggers_name_the_facts(self) -> None:
        """Each trigger adds the fact that satisfies the condition; acceptance refutes it."""
        rofr = ck.RightOfFirstRefusal(
            id="r",
            title="R",
            evidence=[SRC],
            grantor="A",
            holder="B",
            triggers=["declined", "cannot-meet"],
        )
        condition = rofr.condition()
        assert set(condition.satisfied_by) == {
            ck.OfferDeclined(by="B"),
            ck.CannotMeetRequirements(by="B"),
        }
        assert condition.refuted_by == (ck.OfferAccepted(by="B"),)

    @pytest.mark.parametrize("triggers", [[], ["wants-it"]])
    def test_bad_triggers(self, triggers: list[str]) -> None:
        """Triggers must be named from the known set, and there must be at least one."""
        with pytest.raises(ck.AgreementError, match="triggers"):
            ck.RightOfFirstRefusal(
                id="r", title="R", evidence=[SRC], grantor="A", holder="B", triggers=triggers
            )
