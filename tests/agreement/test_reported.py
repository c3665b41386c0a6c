"""Terms first reported after their amendment's announcement (``Amendment.reported``).

A distributor's agreement of 2020 whose end and whose carve-out only came out
later: as known before the report, the clause has no known end, the later
clause is absent, and the view changes on the day of the report.
"""

from __future__ import annotations

import attrs
import pytest

import clausekit as ck
from clausekit.io import dumps, loads

SOURCE = ck.OutsideSource(
    url="https://example.org/acme-beta",
    title="Acme–Beta distribution (test fixture)",
    published="2020-01-01",
    gloss="Acme appoints Beta exclusive distributor.",
)
LATER = ck.OutsideSource(
    url="https://example.org/acme-beta-court",
    title="Court filing (test fixture)",
    published="2022-03-01",
    gloss="The filing shows the exclusivity ran until 2024 and a side letter covered Austria.",
)
APPOINT_DE = ck.Act(actor="Acme", verb="appoint-distributor", counterparty="Gamma", subject="DE")
APPOINT_AT = ck.Act(actor="Acme", verb="appoint-distributor", counterparty="Gamma", subject="AT")


def territory(**changes: object) -> ck.Exclusivity:
    fields: dict[str, object] = {
        "id": "territory",
        "title": "Exclusive distributor for DE",
        "evidence": [SOURCE, LATER],
        "bound": "Acme",
        "beneficiary": "Beta",
        "verb": "appoint-distributor",
        "scope": ["DE"],
        "until": "2024-01-01",
    }
    fields.update(changes)
    return ck.Exclusivity(**fields)  # type: ignore[arg-type]


def austria() -> ck.Exclusivity:
    return ck.Exclusivity(
        id="austria",
        title="Exclusive distributor for AT, a side letter",
        evidence=[LATER],
        bound="Acme",
        beneficiary="Beta",
        verb="appoint-distributor",
        scope=["AT"],
    )


def deal(reported: dict[str, str], *, extra: tuple[ck.Amendment, ...] = ()) -> ck.Agreement:
    signed = ck.Amendment(
        id="signed",
        title="Signed",
        effective="2020-01-01",
        evidence=[SOURCE],
        adds=[territory(), austria()],
        reported=reported,
    )
    parties = [ck.Party("Acme"), ck.Party("Beta"), ck.Party("Gamma")]
    return ck.Agreement(id="d", title="D", parties=parties, amendments=[signed, *extra])


class TestField:
    def test_an_end_reported_later_is_unknown_before_the_report(self) -> None:
        """As known the day before the report the clause has no end; from the day of it, it has."""
        d = deal({"territory.until": "2022-03-01"})
        before = d.as_known_on("2022-02-28").ask(APPOINT_DE, on="2025-01-01")
        after = d.as_known_on("2022-03-01").ask(APPOINT_DE, on="2025-01-01")
        assert before.outcome == ck.Outcome.PROHIBITED
        assert after.outcome == ck.Outcome.PERMITTED
        assert d.as_known_on("2022-02-28").clause("territory").until is None

    def test_the_full_agreement_knows_every_term(self) -> None:
        """Report days only matter as known on a day: the agreement itself has the end."""
        d = deal({"territory.until": "2022-03-01"})
        assert d.ask(APPOINT_DE, on="2025-01-01").outcome == ck.Outcome.PERMITTED

    def test_the_undisclosed_field_takes_its_default(self) -> None:
        """A field reported later falls back to its attrs default, here an empty scope."""
        d = deal({"territory.scope": "2022-03-01"})
        assert d.as_known_on("2021-01-01").clause("territory").scope == frozenset()
        assert d.as_known_on("2022-03-01").clause("territory").scope == {"DE"}

    def test_no_answer_as_known_cites_the_later_source(self) -> None:
        """The clause known before the report cites only what was public then."""
        view = deal({"territory.until": "2022-03-01"}).as_known_on("2021-06-01")
        verdict = view.ask(APPOINT_DE, on="2021-06-01")
        assert LATER not in verdict.evidence
        assert SOURCE in verdict.evidence

    def test_the_report_day_is_a_knowledge_change_day(self) -> None:
        """Asking the day before first and then the day of gives each its own view (memo)."""
        d = deal({"territory.until": "2022-03-01"})
        assert d.as_known_on("2022-02-28").clause("territory").until is None
        assert str(d.as_known_on("2022-03-01").clause("territory").until) == "2024-01-01"
        assert d.as_known_on("2022-02-27").clause("territory").until is None


class TestClause:
    def test_a_clause_reported_later_is_absent_before_the_report(self) -> None:
        """Before the filing nobody knew of the side letter: Austria was free as far as known."""
        d = deal({"austria": "2022-03-01"})
        before = d.as_known_on("2021-01-01")
        assert "austria" not in {c.clause.id for c in before.in_force(on="2021-01-01")}
        assert before.ask(APPOINT_AT, on="2021-01-01").outcome == ck.Outcome.PERMITTED
        after = d.as_known_on("2022-03-01").ask(APPOINT_AT, on="2021-01-01")
        assert after.outcome == ck.Outcome.PROHIBITED
        assert "austria" in {r.clause_id for r in after.rulings}

    def test_a_replacement_reported_later_leaves_the_old_clause(self) -> None:
        """A replacement not yet reported is not made: the clause it replaces stays in force."""
        loosened = ck.Amendment(
            id="loosened",
            title="Loosened",
            effective="2021-01-01",
            evidence=[SOURCE],
            replaces=[
                ck.Replacement("territory", territory(id="territory-de", scope=["DE", "AT"]))
            ],
            reported={"territory-de": "2022-03-01"},
        )
        d = deal({}, extra=(loosened,))
        before = {c.clause.id for c in d.as_known_on("2021-06-01").in_force(on="2021-06-01")}
        after = {c.clause.id for c in d.as_known_on("2022-03-01").in_force(on="2021-06-01")}
        assert "territory" in before
        assert "territory-de" not in before
        assert "territory-de" in after
        assert "territory" not in after

    def test_an_ending_reported_later_is_not_made_before_the_report(self) -> None:
        """An amendment's ending known only later: until then the clause runs on."""
        ended = ck.Amendment(
            id="ended",
            title="Ended",
            effective="2021-01-01",
            evidence=[SOURCE],
            ends=["territory"],
            reported={"territory": "2022-03-01"},
        )
        d = deal({}, extra=(ended,))
        assert "territory" in {
            c.clause.id for c in d.as_known_on("2021-06-01").in_force(on="2021-06-01")
        }
        after = d.as_known_on("2022-03-01").in_force(on="2021-06-01")
        assert "territory" not in {c.clause.id for c in after}


class TestValidation:
    @pytest.mark.parametrize(
        ("reported", "error", "suggestions"),
        [
            ({"teritory.until": "2022-03-01"}, ck.errors.UnknownClauseError, ("territory",)),
            ({"territory.untl": "2022-03-01"}, ck.errors.UnknownFieldError, ("until",)),
            ({"austri": "2022-03-01"}, ck.errors.UnknownClauseError, ("austria",)),
        ],
    )
    def test_an_unknown_term_is_refused_with_suggestions(
        self, reported: dict[str, str], error: type[Exception], suggestions: tuple[str, ...]
    ) -> None:
        """A misspelt clause id or field raises its lookup error, naming the closest ones."""
        with pytest.raises(error) as caught:
            deal(reported)
        assert caught.value.suggestions[: len(suggestions)] == suggestions  # type: ignore[attr-defined]
        assert caught.value.place.field == "reported"  # type: ignore[attr-defined]

    def test_a_required_field_cannot_be_undisclosed(self) -> None:
        """A field without a default has nothing to stand for it: report the whole clause."""
        with pytest.raises(ck.errors.UnknownFieldError, match="report the whole clause") as caught:
            deal({"territory.bound": "2022-03-01"})
        assert (caught.value.field, caught.value.clause_id) == ("bound", "territory")

    def test_a_report_before_the_announcement_is_refused(self) -> None:
        """A term cannot be reported before the amendment that holds it was announced."""
        with pytest.raises(ck.AgreementError, match="before the amendment was announced"):
            deal({"territory.until": "2019-12-31"})

    def test_a_term_given_twice_is_refused(self) -> None:
        """Pairs may be given instead of a mapping, but one term has one first report."""
        with pytest.raises(ck.AgreementError, match="twice"):
            deal([("territory.until", "2022-03-01"), ("territory.until", "2023-01-01")])  # type: ignore[arg-type]

    def test_a_bad_day_is_refused(self) -> None:
        """The day is a calendar day like every other."""
        with pytest.raises(ck.errors.InvalidDateError):
            deal({"territory.until": "2022-02-30"})

    def test_stored_sorted_and_looked_up(self) -> None:
        """The mapping is kept as sorted pairs; reported_on finds a term's day."""
        d = deal({"territory.until": "2022-03-01", "austria": "2023-01-01"})
        a = d.amendments[0]
        assert [t for t, _ in a.reported] == ["austria", "territory.until"]
        assert str(a.reported_on("austria")) == "2023-01-01"
        assert a.reported_on("territory") is None
        hash(a)  # still a hashable value


class TestFiles:
    @pytest.mark.parametrize("fmt", ["toml", "yaml", "json"])
    def test_round_trip(self, fmt: str) -> None:
        """reported is a table from term to day in every format, read back equal."""
        d = deal({"territory.until": "2022-03-01", "austria": "2023-01-01"})
        text = dumps(d, format=fmt)
        assert "territory.until" in text
        assert loads(text, format=fmt) == d

    def test_toml_table(self) -> None:
        """In TOML the reports are a table of their own under the amendment."""
        text = dumps(deal({"territory.until": "2022-03-01"}), format="toml")
        assert '[amendments.reported]\n"territory.until" = "2022-03-01"' in text

    def test_a_misspelt_term_in_a_file_is_reported_at_its_key(self) -> None:
        """The file error names the key in the reported table, with its line."""
        text = dumps(deal({"territory.until": "2022-03-01"}), format="toml")
        bad = text.replace('"territory.until"', '"territory.untill"')
        with pytest.raises(ck.ContractFileError, match="Did you mean 'until'") as caught:
            loads(bad, format="toml")
        [problem] = caught.value.problems
        assert problem.path.endswith('reported."territory.untill"')
        assert problem.line == text.splitlines().index('"territory.until" = "2022-03-01"') + 1

    def test_a_day_that_is_no_day_in_a_file(self) -> None:
        """A number where a day belongs is refused with the term's path."""
        text = dumps(deal({"territory.until": "2022-03-01"}), format="toml")
        with pytest.raises(ck.ContractFileError) as caught:
            loads(
                text.replace('"territory.until" = "2022-03-01"', '"territory.until" = 5'),
                format="toml",
            )
        [problem] = caught.value.problems
        assert problem.path.endswith('reported."territory.until"')

    def test_evolve_keeps_the_reports(self) -> None:
        """attrs.evolve re-checks the reports against the new clauses."""
        a = deal({"territory.until": "2022-03-01"}).amendments[0]
        with pytest.raises(ck.errors.UnknownClauseError):
            attrs.evolve(a, adds=[austria()])


class TestReferences:
    def test_a_clause_reported_after_a_known_amendment_names_it_is_an_error(self) -> None:
        """A later amendment known on a day ends a clause reported only after that day: the
        view as known on the day is incomplete, and the error says where to look."""
        ended = ck.Amendment(
            id="ended", title="Ended", effective="2021-01-01", evidence=[SOURCE], ends=["austria"]
        )
        d = deal({"austria": "2022-03-01"}, extra=(ended,))
        with pytest.raises(ck.AgreementError, match="reported days"):
            d.as_known_on("2021-06-01")
        assert [a.id for a in d.as_known_on("2022-03-01").amendments] == ["signed", "ended"]
