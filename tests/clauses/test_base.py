"""What every clause kind shares: ids are checked; the hooks that say whom a clause may refuse."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import clausekit as ck
from clausekit import testing as ckst
from clausekit.clauses.scope import covers
from clausekit.testing.base import PARTY_NAMES, SUBJECTS
from clausekit.verdict import Outcome
from tests.clauses.helpers import SRC, act, ctx


@pytest.mark.parametrize("bad_id", ["", "has space", 7])
def test_clause_ids_are_checked(bad_id: object) -> None:
    """A clause id is non-empty text without spaces."""
    with pytest.raises(ck.AgreementError, match="must be a non-empty id"):
        ck.Exclusivity(id=bad_id, title="X", evidence=[SRC], bound="A", beneficiary="B")  # type: ignore[arg-type]


class TestWhatAClauseMayRuleOn:
    """The hooks that narrow which clauses are asked never hide a ruling.

    The agreement asks a clause only about actions on its ``verbs()`` and
    ``ruled_subjects()``; the checker asks it about a recorded action only
    when the actor is among its ``restricted_parties()`` and the counterparty
    is not its ``allowed_counterparty()``. A clause that ruled outside them
    would go unasked.
    """

    @pytest.mark.parametrize(
        "kind",
        [
            ck.Exclusivity,
            ck.ConsentRequirement,
            ck.RightOfFirstRefusal,
            ck.IPLicense,
            ck.ComputeDeal,
            ck.SpendCommitment,
            ck.Permission,
            ck.Waiver,
            ck.AGIClause,
            ck.RevenueShare,
        ],
    )
    @settings(max_examples=100)
    @given(data=st.data())
    def test_a_refusal_falls_within_the_hooks(
        self, kind: type[ck.Clause], data: st.DataObject
    ) -> None:
        """Whatever the clause rules on lies within its verbs and ruled subjects; whatever it
        refuses a party it names, that party is restricted and the counterparty not allowed.

        The action is drawn among the clause's own parties, verbs and subjects
        (and others), with consent given, refused or unknown.
        """
        clause = data.draw(ckst.clauses(PARTY_NAMES[:3], kinds=[kind]))
        named = [*sorted(set(clause.parties().values())), "Outsider"]
        verbs = [*sorted(clause.verbs() or ()), "use-ip", "procure-compute"]
        own = sorted(clause.subjects() | getattr(clause, "excludes", frozenset()))
        subjects = ["", *own, *(f"{s}/part" for s in own), *SUBJECTS, "elsewhere"]
        actor = data.draw(st.sampled_from(named))
        # The actor and the allowed counterparty again: dealing with oneself and with the
        # allowed party are the edges the hooks must get right.
        counterparty = data.draw(
            st.sampled_from([*named, "", actor, clause.allowed_counterparty() or actor])
        )
        action = act(
            actor,
            data.draw(st.sampled_from(verbs)),
            counterparty,
            data.draw(st.sampled_from(subjects)),
        )
        consent = data.draw(st.sampled_from((None, ck.ConsentGiven, ck.ConsentRefused)))
        facts = [] if consent is None else [consent(by=p) for p in named]
        finding = clause.rule(action, ctx(scenario=ck.Scenario(*facts)))
        if finding is None:
            return
        verbs_ruled, subjects_ruled = clause.verbs(), clause.ruled_subjects()
        assert verbs_ruled is None or action.verb in verbs_ruled
        assert subjects_ruled is None or covers(subjects_ruled, action.subject)
        if finding.effect is Outcome.PERMITTED:
            return
        restricted = clause.restricted_parties()
        assert restricted is None or actor in restricted or actor == "Outsider"
        assert counterparty != clause.allowed_counterparty()

    def test_kinds_that_only_permit_restrict_nobody(self) -> None:
        """Purchases, permissions and clauses that never rule restrict no one."""
        only_permit = [
            ck.ComputeDeal(id="d", title="D", evidence=[SRC], buyer="A", provider="B"),
            ck.Permission(id="p", title="P", evidence=[SRC], grantee="A", verb="use-ip"),
            ck.Waiver(id="w", title="W", evidence=[SRC], granted_by="A", grantee="B"),
        ]
        assert [c.restricted_parties() for c in only_permit] == [frozenset()] * 3
