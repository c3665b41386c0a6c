"""Calendar days, half-open periods and uncertain dates."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import Any

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import clausekit as ck
from clausekit import testing as ckst
from clausekit.errors import ArgumentTypeError
from clausekit.time import FIRST_DAY, LAST_DAY, DateRange, Period, day_from_iso, to_day, to_period


class TestToDay:
    def test_accepts_the_three_day_forms(self) -> None:
        """A pendulum.Date, a datetime.date and an ISO string all give the same pendulum.Date."""
        expected = pendulum.Date(2025, 1, 15)
        for value in (pendulum.Date(2025, 1, 15), dt.date(2025, 1, 15), "2025-01-15"):
            result = to_day(value)
            assert result == expected
            assert type(result) is pendulum.Date

    @pytest.mark.parametrize(
        ("value", "error", "fragment"),
        [
            ("2025-02-30", ck.InvalidDateError, "'2025-02-30' is not a calendar day"),
            ("2025-13-01", ck.InvalidDateError, "month must be in 1..12"),
            ("15.01.2025", ck.InvalidDateError, "expected the form YYYY-MM-DD"),
            ("2025-1-5", ck.InvalidDateError, "expected the form YYYY-MM-DD"),
            (dt.datetime(2025, 1, 15, 9, 30), ck.NotADayError, "Pass a calendar day instead"),
            (pendulum.datetime(2025, 1, 15), ck.NotADayError, "is a date and time"),
            ("2025-01-15T10:00:00", ck.NotADayError, "is a date and time"),
            (20250115, ck.NotADayError, "but got int"),
            (None, ck.NotADayError, "but got NoneType"),
        ],
    )
    def test_refuses_what_is_not_a_day(self, value: object, error: type, fragment: str) -> None:
        """Impossible days, timestamps and other types raise a typed error naming the value."""
        with pytest.raises(error, match=fragment.replace("(", r"\(").replace(")", r"\)")):
            to_day(value, field="on")

    def test_errors_are_value_and_type_errors_too(self) -> None:
        """Leaves subclass the built-in exception a caller would catch."""
        with pytest.raises(ValueError, match="not a calendar day"):
            to_day("2025-02-30")
        with pytest.raises(TypeError, match="date and time"):
            to_day(dt.datetime(2025, 1, 1))


class TestPeriod:
    @pytest.mark.parametrize(
        ("text", "start", "end"),
        [
            ("2025", "2025-01-01", "2026-01-01"),
            ("2025-01", "2025-01-01", "2025-02-01"),
            ("2024-02", "2024-02-01", "2024-03-01"),
            ("2025-12", "2025-12-01", "2026-01-01"),
            ("2025-01-15", "2025-01-15", "2025-01-16"),
            ("2025-01-01/2025-03-01", "2025-01-01", "2025-03-01"),
            ("2025-01-01/..", "2025-01-01", None),
        ],
    )
    def test_parse(self, text: str, start: str, end: str | None) -> None:
        """Years, months, days and ISO intervals name the expected half-open period."""
        assert Period.parse(text) == Period(start, end)

    @pytest.mark.parametrize(
        ("text", "error", "fragment"),
        [
            ("January 2025", ck.InvalidPeriodError, "does not name a period"),
            ("2025-13", ck.InvalidDateError, "month must be 01 to 12"),
            ("2025-03-01/2025-01-01", ck.InvalidPeriodError, "must end after it starts"),
            ("2025-01-01/2025-01-01", ck.InvalidPeriodError, "must end after it starts"),
            ("2025-02-30/2025-03-01", ck.InvalidDateError, "not a calendar day"),
        ],
    )
    def test_parse_refuses(self, text: str, error: type, fragment: str) -> None:
        """Unreadable, empty and inverted periods raise with the value and the accepted forms."""
        with pytest.raises(error, match=fragment):
            Period.parse(text)

    def test_to_period_refuses_other_types(self) -> None:
        """A number is not a period; the message lists the forms that are."""
        with pytest.raises(ck.InvalidPeriodError, match="Use a year"):
            to_period(2025)

    def test_half_open(self) -> None:
        """The start day is inside, the end day is not."""
        january = Period.parse("2025-01")
        assert to_day("2025-01-01") in january
        assert to_day("2025-01-31") in january
        assert to_day("2025-02-01") not in january
        assert january.days == 31
        assert january.last_day == to_day("2025-01-31")

    def test_open_ended(self) -> None:
        """An open-ended period contains every later day and has no day count."""
        period = Period("2025-01-01")
        assert to_day("2099-12-31") in period
        assert period.is_open
        with pytest.raises(ck.InvalidPeriodError, match="open-ended"):
            _ = period.days

    def test_split_at_points(self) -> None:
        """Points inside cut the period; points outside or on its start are ignored."""
        pieces = Period.parse("2025-01").split(
            [to_day("2025-01-21"), to_day("2024-06-01"), to_day("2025-01-01")]
        )
        assert [str(p) for p in pieces] == ["2025-01-01/2025-01-21", "2025-01-21/2025-02-01"]

    def test_intersection(self) -> None:
        """Disjoint periods have no intersection; overlapping ones share exactly their common days."""
        a, b = Period("2025-01-01", "2025-03-01"), Period("2025-02-01", None)
        assert a & b == Period("2025-02-01", "2025-03-01")
        assert Period("2025-01-01", "2025-02-01") & Period("2025-02-01", "2025-03-01") is None


class TestPeriodLaws:
    @given(ckst.periods(), ckst.periods())
    def test_intersection_commutes(self, a: Period, b: Period) -> None:
        """a ∩ b = b ∩ a."""
        assert a.intersection(b) == b.intersection(a)

    @given(ckst.periods(), ckst.periods(), ckst.periods())
    def test_intersection_associates(self, a: Period, b: Period, c: Period) -> None:
        """(a ∩ b) ∩ c = a ∩ (b ∩ c)."""
        ab = a & b
        bc = b & c
        left = None if ab is None else ab & c
        right = None if bc is None else a & bc
        assert left == right

    @given(ckst.periods(), ckst.periods(), ckst.days())
    def test_membership_of_intersection(self, a: Period, b: Period, day: pendulum.Date) -> None:
        """A day is in a ∩ b exactly when it is in both."""
        both = a & b
        assert (both is not None and day in both) == (day in a and day in b)

    @given(ckst.periods(), st.lists(ckst.days(), max_size=8))
    def test_split_covers_exactly(self, period: Period, points: list[pendulum.Date]) -> None:
        """Pieces are contiguous, non-empty, and cover the period without gaps or overlaps."""
        pieces = period.split(points)
        assert pieces[0].start == period.start
        assert pieces[-1].end == period.end
        for left, right in itertools.pairwise(pieces):
            assert left.end == right.start
        inside = {p for p in points if p in period and p != period.start}
        assert len(pieces) == len(inside) + 1


class TestDateRange:
    def test_sure_answers_outside_the_range(self) -> None:
        """Days after the range are after the date; days before it are before."""
        r = DateRange("2025-10-27", "2025-10-31")
        assert r.is_before_or_on(to_day("2025-10-31"))
        assert not r.is_before_or_on(to_day("2025-10-26"))

    def test_inside_the_range_raises(self) -> None:
        """A day inside the uncertain range is ambiguous: clausekit raises instead of guessing."""
        with pytest.raises(ck.AmbiguityError, match="falls inside the uncertain date"):
            DateRange("2025-10-27", "2025-10-31").is_before_or_on(to_day("2025-10-28"))

    def test_inverted_range(self) -> None:
        """A range must list its earliest day first."""
        with pytest.raises(ck.InvalidPeriodError, match="is before earliest"):
            DateRange("2025-10-31", "2025-10-27")


class TestCalendarEdges:
    """0001-01-01 and 9999-12-31, and periods reaching them: answered or refused clearly."""

    def test_first_and_last_day(self) -> None:
        """Both ends of the calendar are days clausekit can name."""
        assert to_day("0001-01-01") == FIRST_DAY == pendulum.Date(1, 1, 1)
        assert to_day("9999-12-31") == LAST_DAY == pendulum.Date(9999, 12, 31)
        assert str(Period(FIRST_DAY, LAST_DAY)) == "0001-01-01/9999-12-31"
        assert Period(FIRST_DAY, LAST_DAY).days == 3652058

    @pytest.mark.parametrize("text", ["9999", "9999-12", "9999-12-31"])
    def test_periods_past_the_last_day_are_refused_with_a_fix(self, text: str) -> None:
        """A period whose end would be 10000-01-01 is refused, naming the value and a fix."""
        with pytest.raises(ck.InvalidPeriodError, match="the last day clausekit can name") as info:
            to_period(text, field="during")
        message = str(info.value)
        assert f"during={text!r}" in message
        assert "on='9999-12-31'" in message

    @pytest.mark.parametrize(("text", "fix"), [("9999", "9999-01-01"), ("9999-12", "9999-12-01")])
    def test_the_suggested_period_is_accepted(self, text: str, fix: str) -> None:
        """The period the message suggests parses, and ends on the last day (excluded)."""
        with pytest.raises(ck.InvalidPeriodError) as info:
            to_period(text)
        assert f"during='{fix}/9999-12-31'" in str(info.value)
        assert to_period(f"{fix}/9999-12-31") == Period(fix, LAST_DAY)

    @pytest.mark.parametrize("text", ["0000", "0000-01", "0000-01-01", "0000-01-01/2025-01-01"])
    def test_year_zero_is_not_a_day(self, text: str) -> None:
        """There is no year 0: an InvalidDateError, not Python's ValueError."""
        with pytest.raises(ck.InvalidDateError, match="is not a calendar day"):
            to_period(text, field="during")

    def test_open_periods_from_the_last_day(self) -> None:
        """The last day starts an open period, and Period.of_day gives exactly that."""
        assert Period.parse("9999-12-31/..") == Period(LAST_DAY) == Period.of_day(LAST_DAY)
        assert LAST_DAY in Period.of_day("9999-12-31")
        assert Period.of_day("2025-01-15") == Period("2025-01-15", "2025-01-16")
        assert Period.of_day("0001-01-01").days == 1

    def test_date_ranges_at_the_edges(self) -> None:
        """Uncertain dates at both ends compare like any other."""
        last = DateRange("9999-12-30", "9999-12-31")
        assert last.is_before_or_on(LAST_DAY)
        assert not last.is_before_or_on("9999-12-29")
        assert DateRange(FIRST_DAY, FIRST_DAY).is_before_or_on("0001-01-01")

    def test_split_at_the_edges(self) -> None:
        """Splitting the whole calendar at its edges changes nothing; inside, it cuts."""
        whole = Period(FIRST_DAY, LAST_DAY)
        assert whole.split([FIRST_DAY, LAST_DAY]) == (whole,)
        assert len(whole.split(["5000-01-01"])) == 2


class TestEdgesThroughTheAgreement:
    """The questions of issue 14 that raised OverflowError or ValueError."""

    SRC = ck.OutsideSource(
        url="https://example.org/x", title="X", published="0001-01-01", gloss="g"
    )

    def deal(self) -> ck.Agreement:
        """An exclusivity from 0001-01-01 that ends on 9999-12-31 (two amendments that day)."""

        def excl(clause_id: str, **fields: object) -> ck.Exclusivity:
            return ck.Exclusivity(
                id=clause_id,
                title="E",
                evidence=[self.SRC],
                bound="Acme",
                beneficiary="Beta",
                consent_by="Beta",
                **fields,  # type: ignore[arg-type]
            )

        return ck.Agreement(
            id="d",
            title="D",
            parties=[ck.Party("Acme"), ck.Party("Beta"), ck.Party("Gamma")],
            amendments=[
                ck.Amendment(
                    id="a",
                    title="A",
                    effective="0001-01-01",
                    evidence=[self.SRC],
                    adds=[excl("e1")],
                ),
                ck.Amendment(
                    id="b",
                    title="B",
                    effective="9999-12-31",
                    evidence=[self.SRC],
                    ends=["e1"],
                    adds=[excl("e2", scope=["research"])],
                ),
                ck.Amendment(
                    id="c", title="C", effective="9999-12-31", evidence=[self.SRC], ends=["e2"]
                ),
            ],
        )

    ACTION = ck.ProcureCompute(buyer="Acme", provider="Gamma", workload="training")

    def test_compare_up_to_the_last_day_names_the_change_on_it(self) -> None:
        """compare(a, '2025-01-01', '9999-12-31') answers, with the change on the last day."""
        comparison = self.deal().compare(self.ACTION, "2025-01-01", "9999-12-31")
        assert comparison.first.outcome is ck.Outcome.CONDITIONAL
        assert comparison.second.outcome is ck.Outcome.PERMITTED
        assert [c.day for c in comparison.changes] == [LAST_DAY]
        assert "amendment 'b' takes effect" in comparison.changes[0].cause

    def test_compare_over_the_bundled_model(self) -> None:
        """On the bundled model, comparing to 9999-12-31 finds what comparing to 9999-12-30 does."""
        deal = ck.models.openai_microsoft()
        aws = ck.ProcureCompute(buyer="OpenAI", provider="AWS", workload=ck.Workload.TRAINING)
        last = deal.compare(aws, "2025-01-01", "9999-12-31")
        before = deal.compare(aws, "2025-01-01", "9999-12-30")
        assert [c.day for c in last.changes] == [c.day for c in before.changes]
        assert last.second.answer_key() == before.second.answer_key()

    def test_asking_on_and_during_the_edges(self) -> None:
        """Days at both ends are answered; a period past the last day is refused clearly."""
        deal = self.deal()
        assert deal.ask(self.ACTION, on="0001-01-01").outcome is ck.Outcome.CONDITIONAL
        assert deal.ask(self.ACTION, on="9999-12-31").outcome is ck.Outcome.PERMITTED
        timeline = deal.ask(self.ACTION, during="0001-01-01/9999-12-31")
        assert [s.verdict.outcome for s in timeline.segments] == [ck.Outcome.CONDITIONAL]
        for during in ("9999", "9999-12-31"):
            with pytest.raises(ck.InvalidPeriodError, match="on='9999-12-31'"):
                deal.ask(self.ACTION, during=during)
        with pytest.raises(ck.InvalidDateError, match="year must be 0001 to 9999"):
            deal.ask(self.ACTION, during="0000")

    def test_clause_map_reaching_the_last_day(self) -> None:
        """The clause map of an agreement amended in the year 9999 draws, ending on 9999-12-31."""
        clause_map = self.deal().clause_map()
        assert "0001-01-01/9999-12-31" in clause_map.to_markdown()
        assert clause_map.to_svg().startswith("<svg")

    def test_check_and_as_known_on_at_the_last_day(self) -> None:
        """The checker's same-day finding on 9999-12-31 has a period; as_known_on works there."""
        deal = self.deal()
        report = deal.check()
        same_day = [f for f in report.findings if f.code == "same-day-amendments"]
        assert [f.period for f in same_day] == [Period(LAST_DAY)]
        known = deal.as_known_on("9999-12-31")
        assert known.ask(self.ACTION, on="9999-12-31").outcome is ck.Outcome.PERMITTED


class TestTypedArguments:
    @pytest.mark.parametrize(
        ("call", "fragment"),
        [
            (lambda: Period("2025-01-01").intersection("2025"), "other='2025'"),
            (lambda: Period("2025-01-01").contains_period(None), "other=None"),
            (lambda: Period("2025-01-01").split(None), "points=None"),
        ],
    )
    def test_wrong_types_name_the_argument(self, call: Any, fragment: str) -> None:
        """Methods given the wrong type raise ArgumentTypeError naming argument and value."""
        with pytest.raises(ArgumentTypeError, match=re.escape(fragment)):
            call()

    def test_split_reads_days_it_is_given_as_text(self) -> None:
        """A point given as ISO text cuts like the day it names (never silently ignored)."""
        period = Period("2025-01-01", "2025-02-01")
        assert period.split(["2025-01-21"]) == period.split([pendulum.Date(2025, 1, 21)])
        with pytest.raises(ck.InvalidDateError):
            period.split(["21/01/2025"])

    def test_day_from_iso_refuses_other_types(self) -> None:
        """day_from_iso(None) is a NotADayError, not an AttributeError."""
        with pytest.raises(ck.NotADayError, match="but got NoneType"):
            day_from_iso(None)  # type: ignore[arg-type]

    def test_date_range_compares_days_only(self) -> None:
        """is_before_or_on takes a day (or ISO text), and refuses anything else."""
        with pytest.raises(ck.NotADayError, match="day=5"):
            DateRange("2025-01-01", "2025-01-05").is_before_or_on(5)  # type: ignore[arg-type]


class TestErrorData:
    def test_day_and_period_errors_carry_value_and_field(self) -> None:
        """Date and period errors carry the offending value and the argument as attributes."""
        with pytest.raises(ck.InvalidDateError) as day:
            to_day("2025-02-30", field="on")
        assert (day.value.value, day.value.field) == ("2025-02-30", "on")
        with pytest.raises(ck.InvalidPeriodError) as period:
            to_period("9999", field="during")
        assert (period.value.value, period.value.field) == ("9999", "during")
        with pytest.raises(ck.NotADayError) as not_a_day:
            to_day(5, field="start")
        assert (not_a_day.value.value, not_a_day.value.field) == (5, "start")
