"""clausekit.check.references: a clause naming a clause never in force with it."""

from __future__ import annotations

import clausekit as ck
from check.helpers import SRC, amend, deal, excl, only


class TestReferences:
    """References to clauses out of force."""

    def test_agi_clause_naming_a_clause_out_of_force(self) -> None:
        """An AGI clause that would end a clause only in force after the AGI clause itself ended."""
        agi = ck.AGIClause(id="agi", title="AGI", evidence=[SRC], declared_by="Acme", ends=["late"])
        agreement = deal(
            amend("a", "2020-01-01", adds=[agi]),
            amend("b", "2021-01-01", ends=["agi"]),
            amend("c", "2022-01-01", adds=[excl("late", "Beta")]),
        )
        finding = only(agreement.check(), "agi-clause-out-of-force")
        assert finding.clauses == ("agi", "late")
        assert "would end clause 'late'" in finding.message
        assert "2020-01-01/2021-01-01" in finding.message
