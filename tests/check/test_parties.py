"""clausekit.check.parties: one party on both sides, and self-consent."""

from __future__ import annotations

import pytest

import clausekit as ck
from check.helpers import SRC, amend, deal, excl, only, rofr, waiver


class TestParties:
    """Clauses whose parties make them pointless."""

    def test_consent_by_the_bound_party(self) -> None:
        """An exclusivity the bound party may lift by its own consent never binds."""
        agreement = deal(amend("a", "2020-01-01", adds=[excl("e", "Beta", consent_by="Acme")]))
        finding = only(agreement.check(), "self-consent")
        assert "lets Acme itself consent" in finding.message

    @pytest.mark.parametrize(
        "clause",
        [
            rofr("r", "Acme"),
            waiver("w", granted_by="Acme"),
            ck.RevenueShare(id="rs", title="RS", evidence=[SRC], payer="Beta", payee="Beta"),
        ],
        ids=["rofr", "waiver", "revenue-share"],
    )
    def test_same_party_on_both_sides(self, clause: ck.Clause) -> None:
        """A right of first refusal, waiver or revenue share with one party on both sides."""
        agreement = deal(amend("a", "2020-01-01", adds=[clause]))
        finding = only(agreement.check(), "same-party-both-sides")
        assert finding.clauses == (clause.id,)
        assert clause.kind in finding.message
