"""Issue 11 semantics: defaults by action, outsiders, the checked vocabulary, carve-outs.

Example tests use the generality contracts in tests/contracts.py (a patent
licence and a franchise agreement, neither related to the bundled model);
properties run over clausekit.testing's generated agreements and questions.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import clausekit as ck
from tests.contracts import distribution_agreement, franchise_agreement, patent_licence

P, X = ck.Outcome.PERMITTED, ck.Outcome.PROHIBITED


class TestDefaults:
    def test_using_anothers_ip_without_a_licence_is_prohibited(self) -> None:
        """Before the licence and after its term, nothing grants MedCo the patent."""
        deal = patent_licence()
        use = ck.UseIP(user="MedCo", owner="University", subject="patent/diagnostics")
        for day in ("2019-06-01", "2031-01-01"):
            verdict = deal.ask(use, on=day)
            assert verdict.outcome is X
            assert verdict.by_default
            assert verdict.default is X
            assert verdict.headline() == "PROHIBITED — no licence in force grants this"
        inside = deal.ask(use, on="2025-01-01")
        assert inside.outcome is P
        assert not inside.by_default

    def test_ones_own_ip_is_permitted_by_default(self) -> None:
        """The owner using its own IP is doing its own business."""
        verdict = patent_licence().ask(
            ck.UseIP(user="University", owner="University", subject="patent/other"), on="2031-01-01"
        )
        assert verdict.outcome is P
        assert verdict.default is P

    def test_an_exclusive_licence_excludes_the_licensor_and_others(self) -> None:
        """Within the licensed field the licensor itself is excluded, outside it not."""
        deal = patent_licence()
        inside = ck.UseIP(user="University", owner="University", subject="patent/diagnostics")
        outside = attrs.evolve(inside, subject="patent/therapeutics")
        assert deal.ask(inside, on="2025-01-01").outcome is X
        assert deal.ask(outside, on="2025-01-01").outcome is P

    def test_a_generic_act_takes_its_default(self) -> None:
        """ck.Act(default=PROHIBITED) is using what belongs to someone else."""
        deal = distribution_agreement()
        act = ck.Act(actor="Acme", verb="use-brand", counterparty="Beta", default=X)
        verdict = deal.ask(act, on="2021-01-01")
        assert verdict.outcome is X
        assert verdict.by_default
        assert "no licence in force grants this" in verdict.explain()

    def test_a_bad_default_is_refused(self) -> None:
        """Only PERMITTED or PROHIBITED can be a default."""
        with pytest.raises(ck.InvalidActionError, match=r"Act\.default"):
            ck.Act(actor="Acme", verb="x", default=ck.Outcome.CONDITIONAL)


class TestOutsiders:
    def test_an_outsider_is_asked_about_on_purpose(self) -> None:
        """A Party the agreement does not list is treated as any third party, and named so."""
        deal = distribution_agreement()
        inside = deal.ask(ck.AppointDistributor("Acme", "Gamma", "DE"), on="2021-01-01")
        outside = deal.ask(
            ck.AppointDistributor("Acme", ck.Party("Delta KG"), "DE"), on="2021-01-01"
        )
        assert outside.outcome is inside.outcome
        assert outside.conditions == inside.conditions
        assert outside.notes == (
            "Delta KG is not a party to the agreement (asked about as an outsider)",
        )
        assert "Delta KG is not a party" in outside.explain()

    def test_a_listed_party_given_as_party_is_no_outsider(self) -> None:
        """ck.Party('Gamma Handel') names the listed party: no note."""
        deal = distribution_agreement()
        verdict = deal.ask(
            ck.AppointDistributor("Acme", ck.Party("Gamma Handel"), "DE"), on="2021-01-01"
        )
        assert verdict.notes == ()

    def test_a_listed_outsider_resolves_and_is_named_as_one(self) -> None:
        """A company the agreement lists with outsider=True (named by its terms, not a party):
        its names resolve, as text or as a Party, and the answer says it is not a party."""
        base = distribution_agreement()
        parties = [
            attrs.evolve(p, outsider=True) if p.name == "Gamma Handel" else p for p in base.parties
        ]
        deal = attrs.evolve(base, parties=parties)
        for gamma in ("Gamma", ck.Party("Gamma Handel")):
            verdict = deal.ask(ck.AppointDistributor("Acme", gamma, "DE"), on="2021-01-01")
            assert (
                verdict.outcome
                is base.ask(ck.AppointDistributor("Acme", "Gamma", "DE"), on="2021-01-01").outcome
            )
            assert verdict.notes == (
                "Gamma Handel is not a party to the agreement (an outsider its terms name)",
            )
        acme = deal.ask(ck.AppointDistributor("Acme", "Beta", "DE"), on="2021-01-01")
        assert acme.notes == ()

    def test_a_listed_outsider_round_trips_through_files(self) -> None:
        """outsider = true is a party's key in a contract file."""
        base = distribution_agreement()
        parties = [attrs.evolve(p, outsider=p.name == "Gamma Handel") for p in base.parties]
        deal = attrs.evolve(base, parties=parties)
        text = ck.dumps(deal, format="toml")
        assert "outsider = true" in text
        assert ck.loads(text, format="toml") == deal

    def test_a_misspelt_text_name_still_raises(self) -> None:
        """Text names must resolve, with suggestions."""
        with pytest.raises(ck.UnknownPartyError) as caught:
            distribution_agreement().ask(
                ck.AppointDistributor("Acme", "Gama", "DE"), on="2021-01-01"
            )
        assert "Gamma" in caught.value.suggestions


class TestVocabulary:
    def test_vocabulary_lists_verbs_and_subjects(self) -> None:
        """The verbs and subjects the clauses speak of, and the carve-outs' qualifiers."""
        vocabulary = franchise_agreement().vocabulary()
        assert vocabulary.verbs == {"appoint-distributor", "buy-supplies"}
        assert "DE-BY" in vocabulary.subjects
        assert vocabulary.qualifiers == {"online"}

    @pytest.mark.parametrize("verb", ["buy-suplies", "Buy Supplies", "BUY_SUPPLIES"])
    def test_a_misspelt_verb_raises_with_suggestions(self, verb: str) -> None:
        """A likely misspelling is refused, suggesting the known verb."""
        with pytest.raises(ck.UnknownTermError) as caught:
            franchise_agreement().ask(
                ck.Act(actor="Müller", verb=verb, counterparty="Mehlwerk"), on="2024-01-01"
            )
        assert caught.value.suggestions == ("buy-supplies",)
        assert caught.value.role == "verb"

    def test_an_unrelated_verb_is_answered_by_the_default_and_says_so(self) -> None:
        """A verb no clause speaks of, resembling none, gets the default and a note."""
        verdict = franchise_agreement().ask(
            ck.Act(actor="Müller", verb="paint-shopfront"), on="2024-01-01"
        )
        assert verdict.outcome is P
        assert "no clause of this agreement speaks of the verb 'paint-shopfront'" in verdict.notes

    def test_a_misspelt_subject_raises(self) -> None:
        """Subjects are checked like verbs."""
        with pytest.raises(ck.UnknownTermError) as caught:
            franchise_agreement().ask(
                ck.AppointDistributor("Franchisor", "Mehlwerk", "DE-BX"), on="2024-01-01"
            )
        assert caught.value.role == "subject"

    def test_nested_subjects_lie_within_their_parent(self) -> None:
        """A scope of patent/diagnostics covers patent/diagnostics/imaging."""
        verdict = patent_licence().ask(
            ck.UseIP(user="MedCo", owner="University", subject="patent/diagnostics/imaging"),
            on="2025-01-01",
        )
        assert verdict.outcome is P
        assert verdict.notes == ()

    def test_a_misspelt_assumed_rate_clause_raises(self) -> None:
        """AssumedRate naming no clause is an error with suggestions, not silently ignored."""
        with pytest.raises(ck.UnknownClauseError) as caught:
            franchise_agreement().ask(
                ck.Act(actor="Müller", verb="buy-supplies", counterparty="Franchisor"),
                on="2024-01-01",
                scenario=ck.Scenario(ck.AssumedRate(clause="aproved-suppliers", rate="0.1")),
            )
        assert caught.value.suggestions == ("approved-suppliers",)

    def test_every_suggestion_is_answerable(self) -> None:
        """Asking again with each suggestion gives an answer."""
        deal = franchise_agreement()
        with pytest.raises(ck.UnknownTermError) as caught:
            deal.ask(
                ck.Act(actor="Müller", verb="buy-suply", counterparty="Mehlwerk"), on="2024-01-01"
            )
        for verb in caught.value.suggestions:
            deal.ask(ck.Act(actor="Müller", verb=verb, counterparty="Mehlwerk"), on="2024-01-01")


class TestCarveOuts:
    def test_online_sales_are_carved_out_of_the_territory(self) -> None:
        """The exclusivity does not reach an online appointment; the carve-out is named."""
        deal = franchise_agreement()
        shop = ck.AppointDistributor("Franchisor", "Mehlwerk", "DE-BY")
        online = attrs.evolve(shop, qualifiers=["online"])
        assert deal.ask(shop, on="2024-01-01").outcome is X
        verdict = deal.ask(online, on="2024-01-01")
        assert verdict.outcome is P
        explained = verdict.explain()
        assert "Carve-out 'online-sales'" in explained
        assert "eur-lex.europa.eu/eli/reg/2022/720" in explained

    def test_every_supplier_except_the_named_ones(self) -> None:
        """Buying from a named supplier needs no consent; from anyone else it does."""
        deal = franchise_agreement()
        named = deal.ask(
            ck.Act(actor="Müller", verb="buy-supplies", counterparty="Hefe Nord"), on="2024-01-01"
        )
        other = deal.ask(
            ck.Act(actor="Müller", verb="buy-supplies", counterparty=ck.Party("Backmix GmbH")),
            on="2024-01-01",
        )
        assert named.outcome is P
        assert other.outcome is ck.Outcome.CONDITIONAL
        assert [c.text for c in other.conditions] == ["Brot & Co Franchise GmbH consents"]

    def test_research_use_is_carved_out_of_the_exclusive_licence(self) -> None:
        """Research use by others escapes the exclusivity, yet still needs a licence."""
        deal = patent_licence()
        research = ck.UseIP(
            user="University",
            owner="University",
            subject="patent/diagnostics",
            qualifiers=["research-use"],
        )
        assert deal.ask(research, on="2025-01-01").outcome is P

    def test_a_carve_out_needs_something_to_except(self) -> None:
        """A carve-out that names nothing would except everything: refused."""
        with pytest.raises(ck.AgreementError, match="names no qualifier"):
            ck.CarveOut(
                id="all",
                title="All",
                evidence=[
                    ck.OutsideSource(
                        url="https://example.org", title="t", published="2020-01-01", gloss="g"
                    )
                ],
            )

    @settings(max_examples=60)
    @given(qualifier=st.sampled_from(["online", "research-use", "x"]), day=st.dates())
    def test_adding_a_carve_out_never_turns_permitted_into_anything_else(
        self, qualifier: str, day: object
    ) -> None:
        """A carve-out excepts from restrictions, never from grants."""
        deal = patent_licence()
        use = ck.UseIP(
            user="MedCo", owner="University", subject="patent/diagnostics", qualifiers=[qualifier]
        )
        before = deal.ask(use, on=day)
        carve = ck.CarveOut(
            id="extra",
            title="Extra",
            qualifiers=[qualifier],
            evidence=[deal.amendments[0].evidence[0]],
        )
        amendment = deal.amendments[0]
        licence = amendment.adds[0]
        changed = attrs.evolve(
            deal,
            amendments=[
                attrs.evolve(
                    amendment, adds=[attrs.evolve(licence, carve_outs=[*licence.carve_outs, carve])]
                )
            ],
        )
        after = changed.ask(use, on=day)
        if before.outcome is P:
            assert after.outcome is P

    @settings(max_examples=40)
    @given(name=st.text(alphabet="abcdefghijklmnop", min_size=3, max_size=12))
    def test_an_outsider_is_treated_like_any_listed_third_party(self, name: str) -> None:
        """The answer for an outsider equals the one for a listed third party (Gamma)."""
        deal = distribution_agreement()
        listed = deal.ask(ck.AppointDistributor("Acme", "Gamma", "DE"), on="2021-01-01")
        outside = deal.ask(
            ck.AppointDistributor("Acme", ck.Party("Zz " + name), "DE"), on="2021-01-01"
        )
        assert outside.answer_key() == listed.answer_key()
        assert outside.notes


class TestCheckFindings:
    def test_a_carve_out_no_action_can_reach_is_flagged(self) -> None:
        """A carve-out for a subject outside its clause's scope can never apply."""
        deal = franchise_agreement()
        amendment = deal.amendments[0]
        territory = amendment.adds[0]
        stray = ck.CarveOut(
            id="stray", title="Hamburg", subjects=["DE-HH"], evidence=territory.evidence
        )
        changed = attrs.evolve(
            deal,
            amendments=[
                attrs.evolve(
                    amendment,
                    adds=[attrs.evolve(territory, carve_outs=[stray]), *amendment.adds[1:]],
                )
            ],
        )
        codes = {d.code for d in changed.check().findings}
        assert "unreachable-carve-out" in codes
        assert "unreachable-carve-out" not in {d.code for d in deal.check().findings}

    def test_a_licence_overlapping_an_exclusive_one_is_flagged(self) -> None:
        """A second licensee of the exclusively licensed field is a likely mistake."""
        deal = patent_licence()
        amendment = deal.amendments[0]
        licence = amendment.adds[0]
        second = attrs.evolve(licence, id="second", licensee="University", exclusive=False)
        changed = attrs.evolve(deal, amendments=[attrs.evolve(amendment, adds=[licence, second])])
        found = [d for d in changed.check().findings if d.code == "licence-overlaps-exclusive"]
        assert len(found) == 1
        assert set(found[0].clauses) == {"diagnostics-licence", "second"}
        assert not [d for d in deal.check().findings if d.code == "licence-overlaps-exclusive"]
