"""clausekit.testing.deals: agreements, amendments, actions and whole questions."""

from __future__ import annotations

from hypothesis import given

import clausekit as ck
from clausekit import testing as ckst

Question = tuple[ck.Agreement, ck.Action, ck.Scenario, object]


class TestQuestions:
    @given(question=ckst.questions())
    def test_questions_name_only_the_agreements_parties(self, question: Question) -> None:
        """Action and scenario name only the agreement's parties, so asking never fails."""
        agreement, action, scenario, day = question
        names = {n for p in agreement.parties for n in p.names}
        assert action.actor in names
        assert action.counterparty in names
        assert {getattr(f, "by", None) for f in scenario} - {None} <= names
        assert agreement.ask(action, on=day, scenario=scenario).outcome in ck.Outcome


class TestAgreements:
    @given(agreement=ckst.agreements(kinds=[ck.Exclusivity]))
    def test_kinds_limit_the_clauses(self, agreement: ck.Agreement) -> None:
        """With kinds, clauses are of those kinds (and the AGI clauses agreements add)."""
        for amendment in agreement.amendments:
            for clause in amendment.added():
                assert type(clause) in (ck.Exclusivity, ck.AGIClause)

    @given(agreement=ckst.agreements(max_amendments=3))
    def test_at_most_max_amendments_in_order(self, agreement: ck.Agreement) -> None:
        """Between one and max_amendments amendments, in order of their days."""
        days = [a.effective for a in agreement.amendments]
        assert 1 <= len(days) <= 3
        assert days == sorted(days)

    @given(amendment=ckst.amendments(["Ann", "Bob"], amendment_id="z", max_clauses=2))
    def test_an_amendment_stands_alone(self, amendment: ck.Amendment) -> None:
        """An amendment's clauses are its own, named after it, between the names given."""
        deal = ck.Agreement(
            id="d", title="D", parties=[ck.Party("Ann"), ck.Party("Bob")], amendments=[amendment]
        )
        assert 1 <= len(amendment.added()) <= 2
        assert all(c.id.startswith("z-c") for c in amendment.added())
        assert deal.amendments == (amendment,)

    @given(action=ckst.actions(["Ann"], kind="act"))
    def test_actions_of_one_kind(self, action: ck.Action) -> None:
        """kind picks Act or ProcureCompute."""
        assert isinstance(action, ck.Act)
        assert action.actor == "Ann"
