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


class TestCanonicalParties:
    """The agreement keeps each clause with its parties' canonical names; the copy is made
    field by field rather than through ``attrs.evolve``, and must be the same clause."""

    @settings(max_examples=60)
    @given(clause=ckst.clauses())
    def test_the_canonical_copy_equals_attrs_evolve(self, clause: ck.Clause) -> None:
        """Renamed field by field == built again by attrs.evolve, post-init checks included."""
        import attrs

        def canonical(name: str) -> str:
            return f"The {name}"

        got = clause.with_canonical_parties(canonical)
        changes: dict[str, object] = {}
        for name in clause.party_fields:
            value = getattr(clause, name)
            if isinstance(value, str):
                changes[name] = canonical(value)
            elif isinstance(value, frozenset):
                changes[name] = frozenset(canonical(v) for v in value)
        carve_outs = tuple(c.with_canonical_parties(canonical) for c in clause.carve_outs)
        if carve_outs != clause.carve_outs:
            changes["carve_outs"] = carve_outs
        assert got == attrs.evolve(clause, **changes)
        assert type(got) is type(clause)
        assert (got is clause) == (not changes)
        assert clause.with_canonical_parties(lambda name: name) is clause

    def test_a_kind_with_a_field_init_does_not_take_is_built_through_evolve(self) -> None:
        """A field set by the kind itself is set again for the new names, as attrs.evolve does."""
        import attrs

        @attrs.frozen(kw_only=True)
        class Named(ck.ClauseBase, kind="test-named-once"):
            bound: str
            shout: str = attrs.field(init=False)
            party_fields = ("bound",)

            def __attrs_post_init__(self) -> None:
                super().__attrs_post_init__()
                object.__setattr__(self, "shout", self.bound.upper())

        try:
            clause = Named(id="n", title="N", evidence=[SRC], bound="acme")
            assert clause.with_canonical_parties(lambda name: "Acme GmbH").shout == "ACME GMBH"
        finally:
            from clausekit.registry import CLAUSE_KINDS

            CLAUSE_KINDS.unregister("test-named-once")

    def test_a_kind_with_a_pre_init_is_built_through_evolve(self) -> None:
        """A kind's __attrs_pre_init__ runs for the copy too, as attrs.evolve runs it."""
        import attrs

        seen: list[str] = []

        @attrs.frozen(kw_only=True)
        class Counted(ck.ClauseBase, kind="test-counted-once"):
            bound: str
            party_fields = ("bound",)

            def __attrs_pre_init__(self) -> None:
                seen.append("made")

        try:
            clause = Counted(id="n", title="N", evidence=[SRC], bound="acme")
            assert clause.with_canonical_parties(lambda name: "Acme GmbH").bound == "Acme GmbH"
            assert seen == ["made", "made"]
        finally:
            from clausekit.registry import CLAUSE_KINDS

            CLAUSE_KINDS.unregister("test-counted-once")
