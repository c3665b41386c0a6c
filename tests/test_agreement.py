"""Agreements: construction checks, and the questions asked of two non-OpenAI contracts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import clausekit as ck
from tests.contracts import (
    DIST_SOURCE,
    SHA_SOURCE,
    distribution_agreement,
    shareholders_agreement,
)

GAMMA_DE = ck.AppointDistributor(principal="Acme", distributor="Gamma", territory="DE")
GAMMA_AT = ck.AppointDistributor(principal="Acme", distributor="Gamma", territory="AT")
TO_RIVAL = ck.TransferShares(seller="Ann", buyer="Rival Corp")
TO_FUND = ck.TransferShares(seller="Ann", buyer="Friendly Fund")


class TestDistributionAgreement:
    """A territorial exclusivity, narrowed by a renewal and ending by its own term."""

    def test_before_the_agreement_nothing_restricts(self) -> None:
        """Before the first amendment takes effect, no clause governs: PERMITTED, and it says so."""
        verdict = distribution_agreement().ask(GAMMA_DE, on="2019-12-31")
        assert verdict.outcome is ck.Outcome.PERMITTED
        assert verdict.rulings == ()
        assert "no clause in force restricts this" in verdict.explain()

    def test_other_distributor_needs_consent(self) -> None:
        """Under the exclusivity, another distributor needs the beneficiary's consent."""
        verdict = distribution_agreement().ask(GAMMA_DE, on="2021-05-01")
        assert verdict.outcome is ck.Outcome.CONDITIONAL
        assert [c.text for c in verdict.conditions] == ["Beta Vertrieb consents"]
        assert verdict.rulings[0].clause_id == "territory"
        assert verdict.rulings[0].amendment.id == "signed"
        assert DIST_SOURCE.url in verdict.explain()

    def test_beneficiary_itself_is_permitted(self) -> None:
        """Appointing the exclusive distributor itself is what the clause requires."""
        action = ck.AppointDistributor(principal="Acme GmbH", distributor="Beta", territory="DE")
        verdict = distribution_agreement().ask(action, on="2021-05-01")
        assert verdict.outcome is ck.Outcome.PERMITTED
        assert verdict.rulings[0].effect is ck.Outcome.PERMITTED

    def test_consent_given_and_refused(self) -> None:
        """The consent named by the condition decides the answer either way."""
        deal = distribution_agreement()
        given = deal.ask(
            GAMMA_DE, on="2021-05-01", scenario=ck.Scenario(ck.ConsentGiven(by="Beta"))
        )
        refused = deal.ask(
            GAMMA_DE, on="2021-05-01", scenario=ck.Scenario(ck.ConsentRefused(by="Beta Vertrieb"))
        )
        assert given.outcome is ck.Outcome.PERMITTED
        assert refused.outcome is ck.Outcome.PROHIBITED

    def test_replacement_narrows_scope_and_drops_consent(self) -> None:
        """After the renewal Austria is free and Germany is exclusive with no consent route."""
        deal = distribution_agreement()
        assert deal.ask(GAMMA_AT, on="2024-01-01").outcome is ck.Outcome.PERMITTED
        de = deal.ask(GAMMA_DE, on="2024-01-01")
        assert de.outcome is ck.Outcome.PROHIBITED
        assert de.rulings[0].clause_id == "territory-de"
        assert "No consent can lift" in de.reason

    def test_clause_ends_by_its_own_term(self) -> None:
        """The German exclusivity runs until 2026-01-01 (excluded)."""
        deal = distribution_agreement()
        assert deal.ask(GAMMA_DE, on="2025-12-31").outcome is ck.Outcome.PROHIBITED
        assert deal.ask(GAMMA_DE, on="2026-01-01").outcome is ck.Outcome.PERMITTED

    def test_timeline_segments_and_causes(self) -> None:
        """The timeline splits where the answer changes and names what changed it."""
        timeline = distribution_agreement().timeline(GAMMA_DE, start="2019-01-01", end="2027-01-01")
        assert [(str(s.period), s.outcome) for s in timeline.segments] == [
            ("2019-01-01/2020-01-01", ck.Outcome.PERMITTED),
            ("2020-01-01/2023-07-01", ck.Outcome.CONDITIONAL),
            ("2023-07-01/2026-01-01", ck.Outcome.PROHIBITED),
            ("2026-01-01/2027-01-01", ck.Outcome.PERMITTED),
        ]
        opened = [s.opened_by.id if s.opened_by else None for s in timeline.segments]
        assert opened == [None, "signed", "renewal", None]
        assert "clause 'territory-de' reaches its end" in timeline.segments[3].cause

    def test_ask_during_returns_a_timeline(self) -> None:
        """ask(during=) splits the period at every change inside it."""
        timeline = distribution_agreement().ask(GAMMA_DE, during="2023")
        assert isinstance(timeline, ck.Timeline)
        assert timeline.change_days == (ck.Period.parse("2023-07-01").start,)
        assert timeline.at(dt.date(2023, 3, 1)).outcome is ck.Outcome.CONDITIONAL

    def test_compare_names_the_amendment(self) -> None:
        """A comparison names the amendment between the two days that changed the answer."""
        comparison = distribution_agreement().compare(GAMMA_DE, "2021-01-01", "2024-01-01")
        assert [a.id for a in comparison.changed_by] == ["renewal"]
        assert comparison.first.outcome is ck.Outcome.CONDITIONAL
        assert comparison.second.outcome is ck.Outcome.PROHIBITED
        assert not comparison.same
        assert "renewal" in comparison.explain()

    def test_as_known_on_uses_announcement_not_effect(self) -> None:
        """The renewal was announced 2023-06-15, effective 2023-07-01."""
        deal = distribution_agreement()
        before = deal.as_known_on("2023-06-14")
        after = deal.as_known_on("2023-06-15")
        assert [a.id for a in before.amendments] == ["signed"]
        assert before.ask(GAMMA_DE, on="2024-01-01").outcome is ck.Outcome.CONDITIONAL
        assert after.ask(GAMMA_DE, on="2024-01-01").outcome is ck.Outcome.PROHIBITED
        verdict = before.ask(GAMMA_DE, on="2024-01-01")
        assert verdict.known_on == ck.Period.parse("2023-06-14").start
        assert "as the public could know it on 2023-06-14" in verdict.explain()

    def test_as_known_on_before_anything_was_announced(self) -> None:
        """Asking as known on a day before any announcement is an error, not an empty answer."""
        with pytest.raises(ck.AgreementError, match="had been announced by 2019-01-01"):
            distribution_agreement().as_known_on("2019-01-01")

    def test_in_force_and_changes(self) -> None:
        """in_force lists the clauses with their amendments; changes lists amendments between days."""
        deal = distribution_agreement()
        assert [(i.clause.id, i.amendment.id) for i in deal.in_force(on="2024-01-01")] == [
            ("territory-de", "renewal")
        ]
        assert deal.in_force(on="2026-06-01") == ()
        assert [a.id for a in deal.changes("2020-01-01", "2024-01-01")] == ["renewal"]


class TestShareholdersAgreement:
    """A right of first refusal on shares and a board consent for sales to a competitor."""

    def test_rofr_alone(self) -> None:
        """A sale to a friendly fund needs only Bob's refusal."""
        verdict = shareholders_agreement().ask(TO_FUND, on="2020-01-01")
        assert verdict.outcome is ck.Outcome.CONDITIONAL
        assert [c.text for c in verdict.conditions] == ["Bob declines the offer"]

    def test_conditions_accumulate(self) -> None:
        """A sale to a competitor needs both Bob's refusal and the board's consent."""
        verdict = shareholders_agreement().ask(TO_RIVAL, on="2020-01-01")
        assert verdict.outcome is ck.Outcome.CONDITIONAL
        assert {c.text for c in verdict.conditions} == {
            "Bob declines the offer",
            "Board consents",
        }

    def test_one_fact_leaves_the_other_condition(self) -> None:
        """Bob declining leaves the board's consent open."""
        verdict = shareholders_agreement().ask(
            TO_RIVAL, on="2020-01-01", scenario=ck.Scenario(ck.OfferDeclined(by="Bob"))
        )
        assert verdict.outcome is ck.Outcome.CONDITIONAL
        assert [c.text for c in verdict.conditions] == ["Board consents"]

    def test_all_facts_permit(self) -> None:
        """With both facts given (by alias too) the sale is permitted."""
        scenario = ck.Scenario(ck.OfferDeclined(by="Bob"), ck.ConsentGiven(by="Supervisory Board"))
        verdict = shareholders_agreement().ask(TO_RIVAL, on="2020-01-01", scenario=scenario)
        assert verdict.outcome is ck.Outcome.PERMITTED
        assert "Facts:" in verdict.explain()

    def test_prohibition_beats_permission(self) -> None:
        """Bob declining permits under the ROFR, but the board's refusal still prohibits."""
        scenario = ck.Scenario(ck.OfferDeclined(by="Bob"), ck.ConsentRefused(by="Board"))
        verdict = shareholders_agreement().ask(TO_RIVAL, on="2020-01-01", scenario=scenario)
        assert {r.effect for r in verdict.rulings} == {ck.Outcome.PERMITTED, ck.Outcome.PROHIBITED}
        assert verdict.outcome is ck.Outcome.PROHIBITED

    def test_holder_accepting_prohibits(self) -> None:
        """If Bob takes the shares himself, the sale to a third party is prohibited."""
        verdict = shareholders_agreement().ask(
            TO_FUND, on="2020-01-01", scenario=ck.Scenario(ck.OfferAccepted(by="Bob"))
        )
        assert verdict.outcome is ck.Outcome.PROHIBITED

    def test_selling_to_the_holder(self) -> None:
        """Selling to the holder of the right is what the right protects."""
        action = ck.TransferShares(seller="Ann", buyer="Bob")
        assert shareholders_agreement().ask(action, on="2020-01-01").outcome is ck.Outcome.PERMITTED

    def test_other_actions_are_not_governed(self) -> None:
        """Bob selling is not restricted: the right binds Ann only."""
        action = ck.TransferShares(seller="Bob", buyer="Rival Corp")
        verdict = shareholders_agreement().ask(action, on="2020-01-01")
        assert verdict.outcome is ck.Outcome.PERMITTED
        assert verdict.reason == "no clause in force restricts this"


class TestQuestionErrors:
    @pytest.mark.parametrize(
        ("kwargs", "error", "fragment"),
        [
            ({}, ck.QuestionError, "got neither"),
            ({"on": "2020-01-01", "during": "2020"}, ck.QuestionError, "got both"),
            ({"on": dt.datetime(2020, 1, 1, 12)}, ck.NotADayError, "Pass a calendar day"),
            ({"on": "2020-02-30"}, ck.InvalidDateError, "'2020-02-30' is not a calendar day"),
            ({"during": "2020-13"}, ck.InvalidDateError, "month must be 01 to 12"),
            ({"during": "soon"}, ck.InvalidPeriodError, "does not name a period"),
            ({"during": "2020-01-01/.."}, ck.InvalidPeriodError, "needs an end"),
            (
                {"on": "2020-01-01", "scenario": "Bob declines"},
                ck.QuestionError,
                "not a clausekit.Scenario",
            ),
        ],
    )
    def test_bad_questions(self, kwargs: dict[str, Any], error: type, fragment: str) -> None:
        """Each malformed question raises a typed error that names the value and the fix."""
        with pytest.raises(error, match=fragment.replace(".", r"\.")):
            shareholders_agreement().ask(TO_FUND, **kwargs)

    def test_unknown_party_in_action(self) -> None:
        """An action naming an unknown party raises with the closest names."""
        with pytest.raises(ck.UnknownPartyError, match="Did you mean 'Rival Corp'"):
            shareholders_agreement().ask(
                ck.TransferShares(seller="Ann", buyer="Rival"), on="2020-01-01"
            )

    def test_unknown_party_in_scenario(self) -> None:
        """A fact naming an unknown party raises too."""
        with pytest.raises(ck.UnknownPartyError, match="in the scenario"):
            shareholders_agreement().ask(
                TO_FUND, on="2020-01-01", scenario=ck.Scenario(ck.OfferDeclined(by="Bobby"))
            )


def _clause(clause_id: str, **overrides: Any) -> ck.Exclusivity:
    fields: dict[str, Any] = {
        "id": clause_id,
        "title": "Exclusive",
        "evidence": [SHA_SOURCE],
        "bound": "Ann",
        "beneficiary": "Bob",
        "verb": "transfer-shares",
    }
    fields.update(overrides)
    return ck.Exclusivity(**fields)


def _amendment(amendment_id: str, effective: str, **overrides: Any) -> ck.Amendment:
    fields: dict[str, Any] = {
        "id": amendment_id,
        "title": amendment_id,
        "effective": effective,
        "evidence": [SHA_SOURCE],
    }
    fields.update(overrides)
    return ck.Amendment(**fields)


PARTIES = [ck.Party("Ann"), ck.Party("Bob"), ck.Party("Cid")]


class TestConstructionErrors:
    @pytest.mark.parametrize(
        ("amendments", "kwargs", "error", "fragment"),
        [
            (
                [_amendment("a", "2020-01-01", ends=["nope"])],
                {},
                ck.UnknownClauseError,
                "names clause 'nope', which no earlier amendment added",
            ),
            (
                [
                    _amendment("a", "2020-01-01", adds=[_clause("x")]),
                    _amendment("b", "2021-01-01", adds=[_clause("x")]),
                ],
                {},
                ck.AgreementError,
                "already added a clause with that id",
            ),
            (
                [_amendment("a", "2020-01-01", adds=[_clause("x")]), _amendment("a", "2021-01-01")],
                {},
                ck.AgreementError,
                "Two amendments share the id 'a'",
            ),
            (
                [_amendment("a", "2020-01-01", adds=[_clause("x")])],
                {"start": "2021-01-01"},
                ck.AgreementError,
                "takes effect before the agreement starts",
            ),
            (
                [_amendment("b", "2021-01-01"), _amendment("a", "2020-01-01")],
                {},
                ck.AgreementError,
                "List amendments in order of their effective dates",
            ),
            (
                [_amendment("a", "2020-01-01", adds=[_clause("x", until="2019-01-01")])],
                {},
                ck.InvalidPeriodError,
                "A clause must end after it starts",
            ),
            (
                [_amendment("a", "2020-01-01", adds=[_clause("x", beneficiary="Bobb")])],
                {},
                ck.UnknownPartyError,
                "clause 'x', field beneficiary",
            ),
            (
                [
                    _amendment("a", "2020-01-01", adds=[_clause("x")]),
                    _amendment("b", "2021-01-01", ends=["x"]),
                    _amendment("c", "2022-01-01", ends=["x"]),
                ],
                {},
                ck.AgreementError,
                "which amendment 'b' already ended",
            ),
            ([], {}, ck.AgreementError, "has no amendments"),
        ],
    )
    def test_refused_at_construction(
        self, amendments: list[ck.Amendment], kwargs: dict[str, Any], error: type, fragment: str
    ) -> None:
        """Invalid agreements are refused when built, with the place and the fix."""
        with pytest.raises(error, match=fragment):
            ck.Agreement(id="t", title="T", parties=PARTIES, amendments=amendments, **kwargs)

    def test_clause_without_evidence(self) -> None:
        """Every clause must cite evidence."""
        with pytest.raises(ck.EvidenceError, match="has no evidence"):
            _clause("x", evidence=[])

    def test_amendment_without_evidence(self) -> None:
        """Every amendment must cite evidence."""
        with pytest.raises(ck.EvidenceError, match="Amendment 'a' has no evidence"):
            _amendment("a", "2020-01-01", evidence=[])

    def test_scope_as_string(self) -> None:
        """A lone string scope would split into letters; it is refused."""
        with pytest.raises(ck.AgreementError, match="single string"):
            _clause("x", scope="DE")

    def test_agi_clause_must_name_known_clauses(self) -> None:
        """An AGI clause that ends an unknown clause is refused."""
        agi = ck.AGIClause(
            id="agi", title="AGI", evidence=[SHA_SOURCE], declared_by="Ann", ends=["y"]
        )
        with pytest.raises(ck.UnknownClauseError, match="Clause 'agi'"):
            ck.Agreement(
                id="t",
                title="T",
                parties=PARTIES,
                amendments=[_amendment("a", "2020-01-01", adds=[agi])],
            )


def _agi_agreement(*, verification: bool) -> ck.Agreement:
    agi = ck.AGIClause(
        id="agi",
        title="AGI clause",
        evidence=[SHA_SOURCE],
        declared_by="Ann",
        verification_required=verification,
        verifier="a panel",
        profit_threshold=("100", "USD"),
        ends=["excl"],
        starts=["after-agi"],
    )
    after = ck.ConsentRequirement(
        id="after-agi",
        title="No transfers after AGI",
        evidence=[SHA_SOURCE],
        bound="Ann",
        consent_by=None,
        verb="transfer-shares",
        counterparties=["Cid"],
    )
    return ck.Agreement(
        id="agi-test",
        title="AGI test",
        parties=PARTIES,
        amendments=[_amendment("a", "2020-01-01", adds=[_clause("excl"), agi, after])],
    )


TO_CID = ck.TransferShares(seller="Ann", buyer="Cid")


class TestAGI:
    def test_no_declaration_is_an_explicit_assumption(self) -> None:
        """Without an AGI fact the clause it would end still binds, and the verdict says so."""
        verdict = _agi_agreement(verification=False).ask(TO_CID, on="2025-01-01")
        assert verdict.outcome is ck.Outcome.PROHIBITED
        assert [r.clause_id for r in verdict.rulings] == ["excl"]
        assert any("no AGI declaration" in a for a in verdict.assumptions)

    def test_declaration_ends_and_starts_clauses(self) -> None:
        """From the declaration on, 'excl' is gone and the dormant 'after-agi' binds."""
        deal = _agi_agreement(verification=False)
        scenario = ck.Scenario(ck.AGIDeclared(on="2030-01-01"))
        before = deal.ask(TO_CID, on="2029-12-31", scenario=scenario)
        after = deal.ask(TO_CID, on="2030-01-01", scenario=scenario)
        assert [r.clause_id for r in before.rulings] == ["excl"]
        assert [r.clause_id for r in after.rulings] == ["after-agi"]
        assert [i.clause.id for i in deal.in_force(on="2030-06-01", scenario=scenario)] == [
            "agi",
            "after-agi",
        ]

    def test_declaration_is_a_change_point(self) -> None:
        """A dated scenario fact splits the timeline on its day, with the cause named."""
        deal = _agi_agreement(verification=False)
        timeline = deal.timeline(
            ck.TransferShares(seller="Ann", buyer="Bob"),
            start="2029-01-01",
            end="2031-01-01",
            scenario=ck.Scenario(ck.AGIDeclared(on="2030-01-01")),
        )
        assert timeline.change_days == (ck.Period.parse("2030-01-01").start,)
        assert "AGI declared on 2030-01-01" in timeline.segments[1].cause
        assert timeline.segments[1].opened_by is None

    @pytest.mark.parametrize(
        ("verified", "outcome"),
        [
            (True, ck.Outcome.PROHIBITED),
            (False, ck.Outcome.PROHIBITED),
            (None, ck.Outcome.PROHIBITED),
        ],
    )
    def test_verification(self, verified: bool | None, outcome: ck.Outcome) -> None:
        """A required verification decides; while it is unknown both readings are asked, and
        here they agree (prohibited before and after), so the answer says it does not matter."""
        deal = _agi_agreement(verification=True)
        scenario = ck.Scenario(ck.AGIDeclared(on="2030-01-01", verified=verified))
        verdict = deal.ask(TO_CID, on="2030-06-01", scenario=scenario)
        assert verdict.outcome is outcome
        if verified is None:
            assert [r.outcome for r in verdict.readings] == [outcome, outcome]
            assert "the AGI declaration of 2030-01-01 verified" in verdict.explain()
        else:
            expected = "after-agi" if verified else "excl"
            assert expected in [r.clause_id for r in verdict.rulings]

    def test_profit_test(self) -> None:
        """The recorded profit definition is applied exactly, and currencies must match."""
        deal = _agi_agreement(verification=False)
        assert deal.agi_profit_test(("100", "USD"), on="2021-01-01") is True
        assert deal.agi_profit_test(("99.99", "USD"), on="2021-01-01") is False
        assert deal.agi_profit_test(("100", "USD"), on="2019-01-01") is None
        with pytest.raises(ck.CurrencyMismatchError, match="currencies differ"):
            deal.agi_profit_test(("100", "EUR"), on="2021-01-01")


def _revenue_agreement(rate: str | None, cap: str | None = None) -> ck.Agreement:
    share = ck.RevenueShare(
        id="rs",
        title="Revenue share",
        evidence=[SHA_SOURCE],
        payer="Ann",
        payee="Bob",
        rate=rate,
        reported_rate="0.20",
        cap=None if cap is None else (cap, "USD"),
        until="2026-07-01",
    )
    return ck.Agreement(
        id="rs-test",
        title="Revenue test",
        parties=PARTIES,
        amendments=[_amendment("a", "2020-01-01", adds=[share])],
    )


class TestRevenueShare:
    def test_undisclosed_rate_is_unknown(self) -> None:
        """With no rate in the contract the amount is unknown and the missing term is named."""
        owed = _revenue_agreement(None).revenue_share("Ann", revenue=("1000", "USD"), during="2025")
        assert owed.amount is None
        assert owed.outcome is ck.Outcome.UNKNOWN
        assert "AssumedRate('rs', rate)" in owed.missing[0]
        assert "reported: 20 %" in owed.missing[0]

    def test_assumed_rate_gives_exact_money(self) -> None:
        """An assumed rate gives an exact Decimal amount in the revenue's currency."""
        scenario = ck.Scenario(ck.Revenue(("1000.10", "USD"), "2025"), ck.AssumedRate("rs", "0.2"))
        owed = _revenue_agreement(None).revenue_share("Ann", scenario=scenario)
        assert owed.amount == ck.Money("200.02", "USD")
        assert owed.shares[0].rate_source == "assumed in the scenario"

    def test_contract_rate_and_cap(self) -> None:
        """A contract rate applies as written; a cap limits the amount."""
        assert _revenue_agreement("0.1").revenue_share(
            "Ann", revenue=("1000", "USD"), during="2025"
        ).amount == ck.Money("100", "USD")
        capped = _revenue_agreement("0.5", cap="300").revenue_share(
            "Ann", revenue=("1000", "USD"), during="2025"
        )
        assert capped.amount == ck.Money("300", "USD")
        assert capped.shares[0].capped

    def test_terms_changing_inside_the_period_raise(self) -> None:
        """clausekit will not pro-rate revenue across a change of terms."""
        with pytest.raises(ck.AmbiguityError, match="split the revenue at 2026-07-01"):
            _revenue_agreement("0.1").revenue_share("Ann", revenue=("1000", "USD"), during="2026")

    def test_nobody_owes_outside_the_clause(self) -> None:
        """Without a revenue-share clause binding the payer, nothing is owed."""
        owed = _revenue_agreement("0.1").revenue_share(
            "Bob", revenue=("1000", "USD"), during="2025"
        )
        assert owed.amount == ck.Money("0", "USD")
        assert owed.shares == ()

    @pytest.mark.parametrize(
        ("kwargs", "fragment"),
        [
            ({}, "needs the revenue of Ann"),
            ({"revenue": ("1000", "USD")}, "needs during="),
        ],
    )
    def test_revenue_must_be_given(self, kwargs: dict[str, Any], fragment: str) -> None:
        """The revenue comes from the arguments or one Revenue fact."""
        with pytest.raises(ck.QuestionError, match=fragment):
            _revenue_agreement("0.1").revenue_share("Ann", **kwargs)


def test_restated_revenue_share_with_equal_terms_is_no_change() -> None:
    """A clause restated with the same terms inside the period does not make the amount ambiguous."""
    first = ck.RevenueShare(
        id="rs", title="RS", evidence=[SHA_SOURCE], payer="Ann", payee="Bob", rate="0.1"
    )
    restated = ck.RevenueShare(
        id="rs-2", title="RS restated", evidence=[SHA_SOURCE], payer="Ann", payee="Bob", rate="0.1"
    )
    changed = ck.RevenueShare(
        id="rs-3", title="RS raised", evidence=[SHA_SOURCE], payer="Ann", payee="Bob", rate="0.2"
    )
    deal = ck.Agreement(
        id="t",
        title="T",
        parties=PARTIES,
        amendments=[
            _amendment("a", "2020-01-01", adds=[first]),
            _amendment("b", "2025-06-01", replaces=[ck.Replacement("rs", restated)]),
            _amendment("c", "2026-06-01", replaces=[ck.Replacement("rs-2", changed)]),
        ],
    )
    owed = deal.revenue_share("Ann", revenue=("1000", "USD"), during="2025")
    assert owed.amount == ck.Money("100", "USD")
    with pytest.raises(ck.AmbiguityError, match="change on 2026-06-01"):
        deal.revenue_share("Ann", revenue=("1000", "USD"), during="2026")


def test_agi_cause_named_once_by_the_clause_in_force() -> None:
    """A declaration opens one segment whose cause names the AGI clause in force, once."""
    agi_1 = ck.AGIClause(
        id="agi-1", title="AGI", evidence=[SHA_SOURCE], declared_by="Ann", ends=["x"]
    )
    agi_2 = ck.AGIClause(
        id="agi-2", title="AGI", evidence=[SHA_SOURCE], declared_by="Ann", ends=["x"]
    )
    deal = ck.Agreement(
        id="t",
        title="T",
        parties=PARTIES,
        amendments=[
            _amendment("a", "2020-01-01", adds=[_clause("x"), agi_1]),
            _amendment("b", "2021-01-01", replaces=[ck.Replacement("agi-1", agi_2)]),
        ],
    )
    timeline = deal.timeline(
        ck.TransferShares(seller="Ann", buyer="Cid"),
        start="2022-01-01",
        end="2024-01-01",
        scenario=ck.Scenario(ck.AGIDeclared(on="2023-01-01")),
    )
    cause = timeline.segments[1].cause
    assert cause.count("AGI declared on 2023-01-01") == 1
    assert "clause 'agi-2'" in cause


def test_timeline_at_names_the_day_asked() -> None:
    """Timeline.at(day) equals ask(on=day), its day included, not the segment's first day."""
    deal = distribution_agreement()
    timeline = deal.ask(GAMMA_DE, during="2021")
    verdict = timeline.at("2021-03-03")
    assert verdict == deal.ask(GAMMA_DE, on="2021-03-03")
    assert "on 2021-03-03" in verdict.explain()
