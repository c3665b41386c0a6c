"""clausekit.check.overlaps: clauses in force together that clash, or rule on what another records."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given

import clausekit as ck
from check.helpers import SRC, amend, deal, deal_with, excl, only, rofr, waiver
from clausekit import testing as ckst
from clausekit.check import Severity
from clausekit.check.lives import lives, together


class TestContradictions:
    """Terms in force together that cannot all hold."""

    def test_two_exclusivities_to_different_beneficiaries(self) -> None:
        """Acme only with Beta and only with Gamma, overlapping scope and time: an error."""
        agreement = deal(
            amend("a", "2020-01-01", adds=[excl("only-beta", "Beta", scope=["training", "api"])]),
            amend("b", "2021-01-01", adds=[excl("only-gamma", "Gamma", scope=["training"])]),
        )
        report = agreement.check()
        finding = only(report, "contradictory-exclusivity")
        assert finding.severity is Severity.ERROR
        assert finding.clauses == ("only-beta", "only-gamma")
        assert finding.amendments == ("a", "b")
        assert finding.period == ck.Period("2021-01-01", None)
        assert "training" in finding.message
        assert "api" not in finding.message
        assert "no consent can lift either" in finding.message
        assert finding.citations == (SRC,)
        assert report.has_errors

    @pytest.mark.parametrize(
        ("second", "why"),
        [
            (excl("only-gamma", "Gamma", scope=["api"]), "disjoint scopes"),
            (excl("only-beta-2", "Beta", scope=["training"]), "same beneficiary"),
            (excl("gamma-only", "Gamma", bound="Delta", scope=["training"]), "other bound party"),
            (excl("g", "Gamma", verb="appoint-distributor", scope=["training"]), "other verb"),
        ],
    )
    def test_exclusivities_that_do_not_collide(self, second: ck.Exclusivity, why: str) -> None:
        """Scopes, beneficiaries, bound parties or verbs that differ leave nothing to report."""
        agreement = deal(
            amend("a", "2020-01-01", adds=[excl("only-beta", "Beta", scope=["training"]), second])
        )
        assert "contradictory-exclusivity" not in agreement.check().codes(), why

    def test_successive_exclusivities_do_not_collide(self) -> None:
        """One exclusivity ending the day the other starts is not a contradiction."""
        agreement = deal(
            amend("a", "2020-01-01", adds=[excl("only-beta", "Beta")]),
            amend("b", "2021-01-01", ends=["only-beta"], adds=[excl("only-gamma", "Gamma")]),
        )
        assert agreement.check().findings == ()

    def test_aliases_are_the_same_party(self) -> None:
        """A clause naming a party by alias collides with one naming it by name."""
        parties = [ck.Party("Acme", aliases=("ACME Corp",)), ck.Party("Beta"), ck.Party("Gamma")]
        agreement = ck.Agreement(
            id="x",
            title="X",
            parties=parties,
            amendments=[
                amend(
                    "a",
                    "2020-01-01",
                    adds=[excl("e1", "Beta"), excl("e2", "Gamma", bound="ACME Corp")],
                )
            ],
        )
        assert only(agreement.check(), "contradictory-exclusivity").severity is Severity.ERROR

    def test_purchase_an_exclusivity_forbids_outright(self) -> None:
        """A compute deal for a subject only Beta may supply, with no consent route: an error."""
        agreement = deal(
            amend("a", "2020-01-01", adds=[excl("only-beta", "Beta", scope=["training"])]),
            amend("b", "2021-03-01", adds=[deal_with("gamma-deal", "Gamma", scope=["training"])]),
        )
        finding = only(agreement.check(), "purchase-under-exclusivity")
        assert finding.severity is Severity.ERROR
        assert finding.clauses == ("gamma-deal", "only-beta")
        assert finding.period == ck.Period("2021-03-01", None)
        assert "forbids outright" in finding.message

    def test_purchase_with_a_consent_route_is_a_warning(self) -> None:
        """With consent possible, the deal implies a consent the model does not record."""
        agreement = deal(
            amend("a", "2020-01-01", adds=[excl("only-beta", "Beta", consent_by="Beta")]),
            amend("b", "2021-03-01", adds=[deal_with("gamma-deal", "Gamma", scope=["training"])]),
        )
        finding = only(agreement.check(), "purchase-under-exclusivity")
        assert finding.severity is Severity.WARNING
        assert "record that consent as a Waiver" in finding.message

    def test_purchase_with_the_consent_recorded_is_clean(self) -> None:
        """A waiver in force that covers the purchase settles it."""
        agreement = deal(
            amend("a", "2020-01-01", adds=[excl("only-beta", "Beta", consent_by="Beta")]),
            amend(
                "b",
                "2021-03-01",
                adds=[
                    deal_with("gamma-deal", "Gamma", scope=["training"]),
                    waiver("ok-gamma", counterparties=["Gamma"], one_off=True),
                ],
            ),
        )
        assert agreement.check().findings == ()

    def test_purchase_without_a_scope_is_a_warning(self) -> None:
        """A deal with no scope collides only by claiming every subject: narrow its scope."""
        agreement = deal(
            amend("a", "2020-01-01", adds=[excl("api-beta", "Beta", scope=["api"])]),
            amend("b", "2021-03-01", adds=[deal_with("gamma-deal", "Gamma")]),
        )
        finding = only(agreement.check(), "purchase-under-exclusivity")
        assert finding.severity is Severity.WARNING
        assert "has no scope" in finding.message

    def test_purchase_from_the_beneficiary_is_clean(self) -> None:
        """Buying from the exclusive provider itself is what the exclusivity asks for."""
        agreement = deal(
            amend("a", "2020-01-01", adds=[excl("only-beta", "Beta")]),
            amend("b", "2021-03-01", adds=[deal_with("beta-deal", "Beta")]),
        )
        assert agreement.check().findings == ()

    def test_purchase_under_a_flat_prohibition(self) -> None:
        """A consent requirement with nobody to consent prohibits outright, like an exclusivity."""
        ban = ck.ConsentRequirement(
            id="no-gamma",
            title="Never Gamma",
            evidence=[SRC],
            bound="Acme",
            consent_by=None,
            verb="procure-compute",
            counterparties=["Gamma"],
        )
        agreement = deal(
            amend("a", "2020-01-01", adds=[ban]),
            amend("b", "2021-03-01", adds=[deal_with("gamma-deal", "Gamma", scope=["api"])]),
        )
        assert only(agreement.check(), "purchase-under-exclusivity").severity is Severity.ERROR

    def test_purchase_under_a_first_refusal_is_information(self) -> None:
        """A third-party deal while a ROFR covers it only implies the holder let it go."""
        agreement = deal(
            amend("a", "2020-01-01", adds=[rofr("beta-first", "Beta", scope=["training"])]),
            amend("b", "2021-03-01", adds=[deal_with("gamma-deal", "Gamma")]),
        )
        finding = only(agreement.check(), "purchase-under-first-refusal")
        assert finding.severity is Severity.INFO
        assert "'Beta declines the offer'" in finding.message
        assert not agreement.check().has_errors

    def test_competing_rights_of_first_refusal(self) -> None:
        """Two holders of a right of first refusal over the same purchases: a warning."""
        agreement = deal(
            amend(
                "a",
                "2020-01-01",
                adds=[rofr("beta-first", "Beta"), rofr("gamma-first", "Gamma", scope=["api"])],
            )
        )
        finding = only(agreement.check(), "competing-first-refusals")
        assert finding.severity is Severity.WARNING
        assert finding.clauses == ("beta-first", "gamma-first")
        assert "(api)" in finding.message


class TestWaivers:
    """A waiver that waives nothing in force with it."""

    def test_waiver_with_nothing_to_waive(self) -> None:
        """A waiver when no clause in force needs the granter's consent."""
        agreement = deal(
            amend("a", "2020-01-01", adds=[excl("e", "Beta", consent_by="Beta", scope=["api"])]),
            amend("b", "2021-01-01", ends=["e"]),
            amend("c", "2022-01-01", adds=[waiver("w", counterparties=["Gamma"])]),
        )
        finding = only(agreement.check(), "waiver-waives-nothing")
        assert finding.clauses == ("w",)
        assert finding.period == ck.Period("2022-01-01", None)

    @pytest.mark.parametrize(
        ("fields", "needed"),
        [
            ({}, True),
            ({"scope": ["training"]}, False),
            ({"granted_by": "Gamma"}, False),
            ({"verb": "transfer-shares"}, False),
            ({"waives": ["e"]}, True),
        ],
    )
    def test_waiver_matches_the_consent_it_gives(
        self, fields: dict[str, Any], needed: bool
    ) -> None:
        """A waiver counts only if its granter, grantee, verb and scope match a consent needed."""
        agreement = deal(
            amend(
                "a",
                "2020-01-01",
                adds=[excl("e", "Beta", consent_by="Beta", scope=["api"]), waiver("w", **fields)],
            )
        )
        assert ("waiver-waives-nothing" not in agreement.check().codes()) is needed

    def test_waiver_naming_a_clause_out_of_force(self) -> None:
        """A waiver that names a clause that ended before the waiver started waives nothing."""
        agreement = deal(
            amend("a", "2020-01-01", adds=[rofr("r", "Beta")]),
            amend("b", "2021-01-01", ends=["r"], adds=[rofr("r2", "Beta")]),
            amend("c", "2022-01-01", adds=[waiver("w", waives=["r"])]),
        )
        assert only(agreement.check(), "waiver-waives-nothing").clauses == ("w",)


def shared(a: frozenset[str], b: frozenset[str]) -> bool:
    """The oracle's scope rule: empty means every subject."""
    return not a or not b or bool(a & b)


class TestAgainstBruteForce:
    """The indexed checker finds exactly the pairs that trying every pair finds."""

    @given(agreement=ckst.agreements(max_amendments=8, kinds=(ck.Exclusivity,)))
    def test_contradictory_exclusivities(self, agreement: ck.Agreement) -> None:
        """Same bound party and verb, other beneficiaries, a shared subject, a day in common."""
        found = [life for life in lives(agreement) if isinstance(life.clause, ck.Exclusivity)]
        expected = {
            (a.id, b.id)
            for i, a in enumerate(found)
            for b in found[i + 1 :]
            if a.clause.bound == b.clause.bound
            and a.clause.verb == b.clause.verb
            and a.clause.beneficiary != b.clause.beneficiary
            and shared(a.clause.scope, b.clause.scope)
            and together((a, b)) is not None
        }
        report = agreement.check()
        assert {f.clauses for f in report if f.code == "contradictory-exclusivity"} == expected

    @given(agreement=ckst.agreements(max_amendments=8, kinds=(ck.RightOfFirstRefusal,)))
    def test_competing_first_refusals(self, agreement: ck.Agreement) -> None:
        """Same grantor and verb, other holders, a shared subject, a day in common."""
        found = [
            life for life in lives(agreement) if isinstance(life.clause, ck.RightOfFirstRefusal)
        ]
        expected = {
            (a.id, b.id)
            for i, a in enumerate(found)
            for b in found[i + 1 :]
            if a.clause.grantor == b.clause.grantor
            and a.clause.verb == b.clause.verb
            and a.clause.holder != b.clause.holder
            and shared(a.clause.scope, b.clause.scope)
            and together((a, b)) is not None
        }
        report = agreement.check()
        assert {f.clauses for f in report if f.code == "competing-first-refusals"} == expected
