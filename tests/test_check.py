"""The consistency checker: one small agreement per finding, a clean one, and the bundled model."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs
import pytest

import clausekit as ck
from clausekit import cli
from clausekit import io as contract_io
from clausekit.check import Diagnostic, Report, Severity, check
from clausekit.evidence import evidence_base
from tests.contracts import distribution_agreement, shareholders_agreement

#: The seed articles, in the repository beside the evidence files.
SEEDS = Path(__file__).resolve().parents[1] / "seeds"

SRC = ck.OutsideSource(
    url="https://example.org/contracts/check",
    title="Checker fixture",
    published="2020-01-01",
    gloss="a made-up contract for the checker's tests",
)
PARTIES = [ck.Party(n) for n in ("Acme", "Beta", "Gamma", "Delta")]


def amend(
    amendment_id: str,
    effective: str,
    *,
    adds: Sequence[ck.Clause] = (),
    ends: Sequence[str] = (),
    announced: object = None,
    evidence: Sequence[ck.Evidence] = (SRC,),
) -> ck.Amendment:
    """An amendment with the fixture's evidence."""
    extra: dict[str, Any] = {} if announced is None else {"announced": announced}
    return ck.Amendment(
        id=amendment_id,
        title=f"Amendment {amendment_id}",
        effective=effective,
        adds=list(adds),
        ends=list(ends),
        evidence=list(evidence),
        **extra,
    )


def deal(*amendments: ck.Amendment) -> ck.Agreement:
    """An agreement between Acme, Beta, Gamma and Delta."""
    return ck.Agreement(id="fixture", title="Fixture", parties=PARTIES, amendments=amendments)


def excl(clause_id: str, beneficiary: str, **fields: Any) -> ck.Exclusivity:
    """Acme may procure compute only from ``beneficiary``."""
    return ck.Exclusivity(
        id=clause_id,
        title=f"Only {beneficiary}",
        evidence=[SRC],
        bound=fields.pop("bound", "Acme"),
        beneficiary=beneficiary,
        **fields,
    )


def deal_with(clause_id: str, provider: str, **fields: Any) -> ck.ComputeDeal:
    """Acme buys compute from ``provider``."""
    return ck.ComputeDeal(
        id=clause_id,
        title="Compute deal",
        evidence=[SRC],
        buyer="Acme",
        provider=provider,
        **fields,
    )


def rofr(clause_id: str, holder: str, **fields: Any) -> ck.RightOfFirstRefusal:
    """``holder`` has a right of first refusal over Acme's compute purchases."""
    return ck.RightOfFirstRefusal(
        id=clause_id,
        title="ROFR",
        evidence=fields.pop("evidence", [SRC]),
        grantor=fields.pop("grantor", "Acme"),
        holder=holder,
        **fields,
    )


def waiver(clause_id: str, **fields: Any) -> ck.Waiver:
    """Beta waives, for Acme, unless told otherwise."""
    return ck.Waiver(
        id=clause_id,
        title="Waiver",
        evidence=[SRC],
        granted_by=fields.pop("granted_by", "Beta"),
        grantee=fields.pop("grantee", "Acme"),
        **fields,
    )


def only(report: Report, code: str) -> Diagnostic:
    """The single finding with ``code``, after asserting it is the only one of that code."""
    found = [f for f in report if f.code == code]
    assert len(found) == 1, report.render()
    return found[0]


class TestCleanAgreements:
    """Well-formed agreements produce no findings at all."""

    @pytest.mark.parametrize(
        "agreement",
        [distribution_agreement(), shareholders_agreement()],
        ids=["distribution", "shareholders"],
    )
    def test_fixture_contracts_are_clean(self, agreement: ck.Agreement) -> None:
        """The two general-purpose fixture contracts have nothing to report."""
        report = agreement.check()
        assert report.findings == (), report.render()
        assert not report.has_errors
        assert len(report) == 0
        assert report.summary() == f"{agreement.title} ({agreement.id}): no findings."

    def test_agreement_check_delegates_to_check(self) -> None:
        """Agreement.check(**options) is clausekit.check.check(agreement, **options)."""
        agreement = deal(
            amend("a", "2020-01-01", adds=[excl("e", "Beta")]),
            amend("b", "2020-06-01", announced="2020-08-01"),
        )
        assert agreement.check(retroactive_days=30) == check(agreement, retroactive_days=30)
        assert agreement.check() == check(agreement)


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


class TestLifetimes:
    """Clauses whose dates make them pointless, found after construction."""

    def test_clause_ended_the_day_it_starts(self) -> None:
        """Added and ended by two amendments of the same day: never in force."""
        agreement = deal(
            amend("a", "2020-01-01", adds=[excl("e", "Beta")]),
            amend("b", "2020-01-01", ends=["e"]),
        )
        report = agreement.check()
        finding = only(report, "never-in-force")
        assert finding.severity is Severity.WARNING
        assert (finding.clauses, finding.amendments) == (("e",), ("a", "b"))
        assert agreement.in_force(on="2020-01-01") == ()

    def test_ending_a_clause_that_already_expired(self) -> None:
        """An amendment ending a clause its own term already ended."""
        agreement = deal(
            amend("a", "2020-01-01", adds=[excl("e", "Beta", until="2021-01-01")]),
            amend("b", "2022-01-01", ends=["e"]),
        )
        finding = only(agreement.check(), "ends-expired-clause")
        assert finding.period == ck.Period("2021-01-01", "2022-01-01")
        assert "2020-12-31" in finding.message

    def test_ending_on_its_last_term_day_is_fine(self) -> None:
        """An amendment ending a clause on the very day its term ends agrees with it."""
        agreement = deal(
            amend("a", "2020-01-01", adds=[excl("e", "Beta", until="2021-01-01")]),
            amend("b", "2021-01-01", ends=["e"]),
        )
        assert agreement.check().findings == ()

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


class TestPointlessClauses:
    """Clauses that cannot do anything as written."""

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


class TestAnnouncements:
    """Announced dates that look wrong or make as_known_on fail."""

    def test_announced_long_after(self) -> None:
        """Announced 91 days after taking effect: flagged (a warning: retroactivity is real)."""
        agreement = deal(amend("a", "2020-01-01", announced="2020-04-01"))
        finding = only(agreement.check(), "announced-long-after")
        assert finding.severity is Severity.WARNING
        assert "91 days later" in finding.message
        assert finding.period == ck.Period("2020-01-01", "2020-04-01")
        assert not agreement.check().has_errors

    def test_threshold_is_a_keyword(self) -> None:
        """90 days late is within the default threshold; a smaller threshold flags it."""
        agreement = deal(amend("a", "2020-01-01", announced="2020-03-31"))
        assert agreement.check().findings == ()
        assert agreement.check(retroactive_days=30).codes() == ("announced-long-after",)

    def test_date_range_counts_from_its_earliest_day(self) -> None:
        """An uncertain announcement is late only if even its earliest day is late."""
        agreement = deal(
            amend("a", "2020-01-01", announced=ck.DateRange("2020-03-01", "2020-06-01"))
        )
        assert agreement.check().findings == ()

    def test_announced_long_before(self) -> None:
        """Announced years before it takes effect: flagged."""
        agreement = deal(
            amend("a", "2020-01-01"),
            amend("b", "2023-01-01", announced="2020-06-01"),
        )
        finding = only(agreement.check(), "announced-long-before")
        assert finding.amendments == ("b",)
        assert agreement.check(advance_days=2000).findings == ()

    def test_announced_before_what_it_changes(self) -> None:
        """Ending a clause whose amendment was announced later breaks as_known_on in between."""
        agreement = deal(
            amend("a", "2020-01-01", adds=[excl("e", "Beta")], announced="2020-03-01"),
            amend("b", "2020-02-01", ends=["e"], announced="2020-02-01"),
        )
        finding = only(agreement.check(), "announced-before-what-it-changes")
        assert finding.period == ck.Period("2020-02-01", "2020-03-01")
        with pytest.raises(ck.AgreementError):
            agreement.as_known_on("2020-02-15")


class TestOrder:
    """Answers that depend on the order of amendments in the list."""

    def test_same_day_amendments_touching_one_clause(self) -> None:
        """Two amendments effective the same day, one adding and one replacing a clause."""
        agreement = deal(
            amend("a", "2020-01-01", adds=[excl("e", "Beta")]),
            ck.Amendment(
                id="b",
                title="B",
                effective="2020-01-01",
                evidence=[SRC],
                replaces=[ck.Replacement("e", excl("e2", "Gamma"))],
            ),
        )
        report = agreement.check()
        finding = only(report, "same-day-amendments")
        assert (finding.clauses, finding.amendments) == (("e",), ("a", "b"))
        assert finding.period == ck.Period("2020-01-01", "2020-01-02")

    def test_same_day_amendments_on_different_clauses_are_fine(self) -> None:
        """Two amendments on one day that touch different clauses do not depend on order."""
        agreement = deal(
            amend("a", "2020-01-01", adds=[excl("e", "Beta", scope=["api"])]),
            amend("b", "2020-01-01", adds=[excl("f", "Beta", scope=["training"])]),
        )
        assert agreement.check().findings == ()


def seed(document: str, excerpt: str, claim: str | None = None) -> ck.SeedExcerpt:
    """A seed excerpt with a gloss."""
    return ck.SeedExcerpt(document=document, excerpt=excerpt, gloss="a gloss", claim=claim)


class TestEvidence:
    """Citations that do not match their source or the evidence base."""

    @pytest.fixture
    def articles(self, tmp_path: Path) -> Path:
        """A folder with one article, its umlaut damaged as in seed 001."""
        (tmp_path / "100_article.txt").write_text(
            "Die Firma kauft Rechenleistung auĂźer bei Beta.\n", encoding="utf-8"
        )
        return tmp_path

    def test_excerpt_found_despite_damaged_characters(self, articles: Path) -> None:
        """An excerpt with the repaired umlaut is found in the damaged article."""
        agreement = deal(
            amend("a", "2020-01-01", evidence=[seed("100_article", "Rechenleistung außer bei")])
        )
        assert agreement.check(sources=articles).findings == ()

    def test_excerpt_not_in_source(self, articles: Path) -> None:
        """An excerpt that is not in the article is an error naming the words and the document."""
        agreement = deal(
            amend(
                "a",
                "2020-01-01",
                adds=[excl("e", "Beta")],
                evidence=[seed("100_article", "kauft nur bei Gamma")],
            )
        )
        finding = only(agreement.check(sources=articles), "excerpt-not-in-source")
        assert finding.severity is Severity.ERROR
        assert "'kauft nur bei Gamma'" in finding.message
        assert "'100_article'" in finding.message
        assert agreement.check().findings == ()  # without sources= nothing is read

    def test_missing_article(self, articles: Path) -> None:
        """A cited article missing from the folder is a warning, not a crash."""
        agreement = deal(amend("a", "2020-01-01", evidence=[seed("404_gone", "words")]))
        finding = only(agreement.check(sources=str(articles)), "source-missing")
        assert "404_gone.txt" in finding.message

    def test_sources_must_be_a_folder(self, tmp_path: Path) -> None:
        """sources= naming no folder is refused with the fix."""
        agreement = deal(amend("a", "2020-01-01"))
        with pytest.raises(ck.EvidenceError, match="no such folder"):
            agreement.check(sources=tmp_path / "nowhere")

    def test_unknown_claim(self) -> None:
        """Evidence naming a claim id the evidence base lacks, with the closest id suggested."""
        cited = ck.OutsideSource(
            url="https://example.org/x",
            title="X",
            published="2020-01-01",
            gloss="g",
            claim="s001.rofr-triger",
        )
        agreement = deal(amend("a", "2020-01-01", evidence=[cited]))
        finding = only(agreement.check(), "unknown-claim")
        assert "'s001.rofr-triger'" in finding.message
        assert "Did you mean 's001.rofr-trigger'" in finding.message

    def test_evidence_differs_from_its_claim(self) -> None:
        """A seed excerpt tagged with a claim id but quoting something else."""
        agreement = deal(
            amend(
                "a",
                "2020-01-01",
                evidence=[seed("001_7f6e26588299af66", "ganz andere Worte", "s001.rofr-trigger")],
            )
        )
        finding = only(agreement.check(), "evidence-differs-from-claim")
        assert "{claim = 's001.rofr-trigger'}" in finding.message

    def test_disputed_evidence_is_information(self) -> None:
        """Resting on one side of a conflict is reported once per conflict, as info."""
        base = evidence_base()
        cited = base.evidence("s001.rofr-trigger")
        agreement = deal(
            amend("a", "2020-01-01", adds=[rofr("r", "Beta", evidence=[cited])], evidence=[cited])
        )
        report = agreement.check()
        finding = only(report, "disputed-evidence")
        assert finding.severity is Severity.INFO
        assert "'c.rofr-trigger'" in finding.message
        assert "not on s002.rofr-trigger" in finding.message
        assert (finding.clauses, finding.amendments) == (("r",), ("a",))
        assert not report.has_errors


class TestReport:
    """How a report orders, renders and serialises its findings."""

    @pytest.fixture
    def report(self) -> Report:
        """An error, a warning and an info, found in that order of severity."""
        agreement = deal(
            amend("a", "2020-01-01", adds=[rofr("r", "Beta", scope=["training"])]),
            amend(
                "b",
                "2021-01-01",
                announced="2021-12-01",
                adds=[
                    excl("e1", "Gamma", scope=["api"]),
                    excl("e2", "Delta", scope=["api"]),
                    deal_with("d", "Delta", scope=["training"]),
                ],
            ),
        )
        return agreement.check()

    def test_errors_first(self, report: Report) -> None:
        """Findings are sorted by severity, errors first; has_errors reflects them."""
        assert [f.severity for f in report] == [
            Severity.ERROR,
            Severity.WARNING,
            Severity.INFO,
        ]
        assert report.codes() == (
            "contradictory-exclusivity",
            "announced-long-after",
            "purchase-under-first-refusal",
        )
        assert report.has_errors
        assert len(report.errors) == len(report.warnings) == len(report.of("info")) == 1

    def test_text(self, report: Report) -> None:
        """The text names each severity, code, clause, amendment, period and citation."""
        text = report.render()
        assert text.splitlines()[0] == "Fixture (fixture): 3 findings (1 error, 1 warning, 1 info)."
        assert "error [contradictory-exclusivity] Clauses 'e1' and 'e2'" in text
        assert "clauses: e1, e2; amendments: b; days: 2021-01-01/.." in text
        assert f"- {SRC.title}, 2020-01-01, {SRC.url}" in text
        assert str(report) == text
        assert SRC.url not in report.render(citations=False)

    def test_json(self, report: Report) -> None:
        """to_dict() is plain JSON data."""
        data = json.loads(json.dumps(report.to_dict()))
        assert data["has_errors"] is True
        first = data["findings"][0]
        assert first["severity"] == "error"
        assert first["code"] == "contradictory-exclusivity"
        assert first["clauses"] == ["e1", "e2"]
        assert first["period"] == {"start": "2021-01-01", "end": None}

    def test_findings_are_frozen_values(self, report: Report) -> None:
        """Reports and findings are immutable and compare by value."""
        finding = report.findings[0]
        with pytest.raises(AttributeError):
            finding.code = "other"  # type: ignore[misc]
        assert Diagnostic(**attrs.asdict(finding, recurse=False)) == finding
        assert attrs.evolve(finding, code="other") != finding

    def test_not_an_agreement(self) -> None:
        """check() refuses anything but an agreement, naming what it got."""
        with pytest.raises(ck.QuestionError, match=r"got str 'deal\.toml'"):
            check("deal.toml")  # type: ignore[arg-type]


class TestBundledModel:
    """The checker on clausekit.models.openai_microsoft()."""

    def test_no_errors(self) -> None:
        """The bundled model has no errors; its findings are information about its sources."""
        report = ck.models.openai_microsoft().check()
        assert not report.has_errors, report.render()
        assert not report.warnings, report.render()
        assert set(report.codes()) <= {"disputed-evidence", "purchase-under-first-refusal"}

    def test_every_excerpt_is_in_its_article(self) -> None:
        """With the seed articles of the repository, every excerpt of the model is found."""
        report = ck.models.openai_microsoft().check(sources=SEEDS)
        assert "excerpt-not-in-source" not in report.codes(), report.render()
        assert "source-missing" not in report.codes(), report.render()


class TestCommandLine:
    """clausekit check prints the findings and exits 1 only on errors."""

    @pytest.mark.parametrize(
        ("clauses", "code", "needle"),
        [
            ([excl("e1", "Beta"), excl("e2", "Gamma")], 1, "contradictory-exclusivity"),
            ([rofr("r", "Acme")], 0, "same-party-both-sides"),
            ([excl("e1", "Beta")], 0, ""),
        ],
    )
    def test_exit_code_follows_errors(
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        clauses: list[ck.Clause],
        code: int,
        needle: str,
    ) -> None:
        """Errors exit 1, warnings and a clean file exit 0; the JSON lists the same findings."""
        agreement = deal(amend("a", "2020-01-01", adds=clauses))
        path = tmp_path / "deal.toml"
        contract_io.dump(agreement, path)
        assert cli.main(["check", str(path)]) == code
        out = capsys.readouterr().out
        report = agreement.check()
        for finding in report:
            assert finding.message in out
        assert (needle in " ".join(report.codes())) if needle else report.findings == ()
        assert cli.main(["check", str(path), "--json"]) == code
        data = json.loads(capsys.readouterr().out)
        assert [f["message"] for f in data["findings"]] == [f.message for f in report]
