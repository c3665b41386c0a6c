"""The ip license clause kind rules on the actions it governs, and only on those."""

from __future__ import annotations

import attrs
import pytest

import clausekit as ck
from clausekit.verdict import Outcome
from tests.clauses.helpers import DAY, SRC, act, ctx


class TestIPLicense:
    licence = ck.IPLicense(
        id="ip",
        title="IP",
        evidence=[SRC],
        licensor="O",
        licensee="M",
        scope=["models"],
        excludes=["agi-technology"],
        exclusive=True,
    )

    @pytest.mark.parametrize(
        ("subject", "effect"),
        [("models", Outcome.PERMITTED), ("agi-technology", Outcome.PROHIBITED), ("other", None)],
    )
    def test_scope_and_exclusions(self, subject: str, effect: Outcome | None) -> None:
        """Licensed subjects are permitted, excluded ones prohibited, others not governed."""
        finding = self.licence.rule(act("M", "use-ip", "O", subject), ctx())
        assert (finding.effect if finding else None) is effect

    def test_an_exclusive_licence_excludes_other_users(self) -> None:
        """An exclusive licence prohibits anyone else's use of the licensed subject."""
        finding = self.licence.rule(act("Z", "use-ip", "O", "models"), ctx())
        assert finding is not None
        assert finding.effect is ck.Outcome.PROHIBITED
        assert "excludes Z" in finding.reason

    def test_a_non_exclusive_licence_speaks_only_of_its_licensee(self) -> None:
        """A non-exclusive licence says nothing about others' use (their default holds)."""
        licence = attrs.evolve(self.licence, exclusive=False)
        assert licence.rule(act("Z", "use-ip", "O", "models"), ctx()) is None

    def test_the_grant_is_marked_as_a_grant(self) -> None:
        """The licensee's use within scope is a grant: it lifts the default prohibition."""
        finding = self.licence.rule(act("M", "use-ip", "O", "models"), ctx())
        assert finding is not None
        assert finding.grants

    def test_a_sole_licence_keeps_the_licensor_in(self) -> None:
        """With licensor_keeps_use the licensor's own use is not excluded; everyone else's is."""
        sole = attrs.evolve(self.licence, licensor_keeps_use=True)
        assert self.licence.rule(act("O", "use-ip", "O", "models"), ctx()) is not None
        assert sole.rule(act("O", "use-ip", "O", "models"), ctx()) is None
        other = sole.rule(act("Z", "use-ip", "O", "models"), ctx())
        assert other is not None
        assert other.effect is Outcome.PROHIBITED
        assert sole.summary() == (
            "M may use the IP of O (models), except agi-technology, exclusively "
            "(O still uses it itself)."
        )

    def test_a_sole_licence_in_an_agreement(self) -> None:
        """Asked of an agreement, the licensor's own use falls back to its default: permitted."""
        deal = ck.Agreement(
            id="d",
            title="D",
            parties=[ck.Party("O"), ck.Party("M"), ck.Party("Z")],
            amendments=[
                ck.Amendment(
                    id="a",
                    title="A",
                    effective="2020-01-01",
                    evidence=[SRC],
                    adds=[attrs.evolve(self.licence, licensor_keeps_use=True)],
                )
            ],
        )
        own = deal.ask(ck.UseIP(user="O", owner="O", subject="models"), on=DAY)
        assert own.outcome is Outcome.PERMITTED
        assert own.by_default
        other = deal.ask(ck.UseIP(user="Z", owner="O", subject="models"), on=DAY)
        assert other.outcome is Outcome.PROHIBITED
        assert [r.clause_id for r in other.rulings] == ["ip"]
