"""clausekit.check.dates: lifetimes, announcements and same-day amendments."""

from __future__ import annotations

import pytest

import clausekit as ck
from check.helpers import SRC, amend, deal, excl, only
from clausekit.check import Severity


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

    def test_announced_before_a_report(self) -> None:
        """Ending a clause that is only reported later breaks as_known_on in between."""
        first = ck.Amendment(
            id="a",
            title="Amendment a",
            effective="2020-01-01",
            adds=[excl("e", "Beta")],
            evidence=[SRC],
            reported={"e": "2020-03-01"},
        )
        agreement = deal(first, amend("b", "2020-02-01", ends=["e"]))
        finding = only(agreement.check(), "announced-before-a-report")
        assert finding.period == ck.Period("2020-02-01", "2020-03-01")
        assert finding.amendments == ("a", "b")
        with pytest.raises(ck.AgreementError):
            agreement.as_known_on("2020-02-15")
        later = deal(first, amend("b", "2020-03-01", ends=["e"]))
        assert later.check().findings == ()


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
