"""clausekit.agreement.timelines: timelines and comparisons that visit only what can change
the answer, and refuse an answer too large to work out."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from typing import Any

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import clausekit as ck
from check.helpers import NESTED, crowded_agreements
from clausekit import testing as ckst
from clausekit.agreement import timelines
from clausekit.agreement.compiled import _Compiled
from clausekit.errors import QuestionTooLargeError

SRC = ck.OutsideSource(
    url="https://example.org/timelines", title="Fixture", published="2000-01-01", gloss="g"
)


def every_clause_every_day() -> Iterator[None]:
    """The reference: every clause in force is asked on every change point, as at first."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            _Compiled,
            "speaking_to",
            lambda self, verb, subject, remember=True: self.among(range(len(self.lives))),
        )
        patch.setattr(
            timelines,
            "_pieces",
            lambda agreement, action, period, facts, points, question: period.split(points),
        )
        yield


def answers(
    deal: ck.Agreement, action: ck.Action, scenario: ck.Scenario, day: pendulum.Date
) -> list[Any]:
    """Everything a question over time says: the timeline's segments, a comparison, a day."""
    fresh = pickle.loads(pickle.dumps(deal))  # nothing remembered from an earlier question
    timeline = fresh.timeline(action, start="1990-01-01", end="2040-01-01", scenario=scenario)
    comparison = fresh.compare(action, "1995-01-01", day, scenario=scenario)
    return [
        [
            (s.period, s.verdict.explain(), s.cause, s.opened_by and s.opened_by.id)
            for s in timeline.segments
        ],
        comparison.first.explain(),
        comparison.second.explain(),
        [(c.day, c.cause, c.amendment and c.amendment.id) for c in comparison.changes],
        fresh.ask(action, on=day, scenario=scenario).explain(),
    ]


def reference(
    deal: ck.Agreement, action: ck.Action, scenario: ck.Scenario, day: pendulum.Date
) -> list[Any]:
    for _ in every_clause_every_day():
        return answers(deal, action, scenario, day)
    raise AssertionError("unreachable")


@st.composite
def crowded_questions(draw: st.DrawFn) -> tuple[ck.Agreement, ck.Act, ck.Scenario, pendulum.Date]:
    """A crowded agreement (many clauses in force together) and a question that one of its
    clauses speaks to, more often than not: its party, its verb, a subject within its scope."""
    deal = draw(crowded_agreements())
    names = ["Acme", "Beta", "Gamma"]
    clause = draw(st.sampled_from([c for a in deal.amendments for c in a.added()]))
    own = sorted(clause.subjects())
    action = ck.Act(
        actor=draw(st.sampled_from([*clause.parties().values(), *names])),
        verb=draw(st.sampled_from([*sorted(clause.verbs() or ()), "procure-compute", "use-ip"])),
        counterparty=draw(st.sampled_from(names)),
        subject=draw(
            st.sampled_from(["", *own, *(f"{s}/part" for s in own), *NESTED, "elsewhere"])
        ),
    )
    scenario = draw(ckst.scenarios(names))
    return deal, action, scenario, draw(ckst.days(pendulum.Date(2019, 1, 1)))


class TestSameAnswers:
    """Visiting only the clauses and days that speak to the action changes no answer."""

    @given(question=ckst.questions(max_amendments=6) | crowded_questions())
    def test_as_asking_every_clause_on_every_change_point(
        self, question: tuple[ck.Agreement, ck.Action, ck.Scenario, pendulum.Date]
    ) -> None:
        """Timeline, comparison and a day's verdict equal those of the first engine, which
        asked every clause in force on every change point."""
        deal, action, scenario, day = question
        try:
            expected = reference(deal, action, scenario, day)
        except ck.ClauseKitError as error:
            with pytest.raises(type(error)):
                answers(deal, action, scenario, day)
            return
        assert answers(deal, action, scenario, day) == expected

    def test_the_bundled_model(self) -> None:
        """The bundled model, over the whole calendar's worth of its changes."""
        deal = ck.models.openai_microsoft()
        for action in (
            ck.ProcureCompute(buyer="OpenAI", provider="AWS", workload="training"),
            ck.UseIP(user="Microsoft", owner="OpenAI", subject="models"),
        ):
            day = pendulum.Date(2026, 6, 1)
            assert answers(deal, action, ck.Scenario(), day) == reference(
                deal, action, ck.Scenario(), day
            )


def same_territory(n: int) -> ck.Agreement:
    """``n`` amendments, a day apart, each adding an exclusivity over territory T0."""
    return ck.Agreement(
        id="crowded",
        title="Crowded",
        parties=[ck.Party("Acme"), ck.Party("Beta"), ck.Party("Gamma")],
        amendments=[
            ck.Amendment(
                id=f"a{i}",
                title=f"Amendment {i}",
                effective=pendulum.Date(2000, 1, 1).add(days=i),
                evidence=[SRC],
                adds=[
                    ck.Exclusivity(
                        id=f"t{i}",
                        title="Exclusive in T0",
                        evidence=[SRC],
                        bound="Acme",
                        beneficiary="Beta",
                        verb="appoint-distributor",
                        scope=["T0"],
                    )
                ],
            )
            for i in range(n)
        ],
    )


T0 = ck.AppointDistributor(principal="Acme", distributor="Gamma", territory="T0")


class TestTooLarge:
    """An answer of more rulings than WORK_LIMIT is refused up front, with the fix."""

    def test_a_timeline_every_ruling_of_which_grows(self) -> None:
        """500 clauses over T0, added a day apart: 125,250 rulings, over the limit."""
        deal = same_territory(500)
        with pytest.raises(QuestionTooLargeError) as info:
            deal.timeline(T0, start="2000-01-01", end="2002-01-01")
        error = info.value
        assert isinstance(error, ValueError)
        assert (error.question, error.size, error.limit) == ("timeline", 125_250, 100_000)
        assert (error.clauses, error.stretches) == (500, 500)
        message = str(error)
        assert "125,250 rulings" in message
        assert "Ask about a shorter period, or a narrower action" in message
        assert "ask(on=day) answers any single day" in message

    def test_compare_and_ask_during_are_refused_alike(self) -> None:
        """compare() and ask(during=) walk the same stretches and are refused the same way."""
        deal = same_territory(500)
        with pytest.raises(QuestionTooLargeError, match=r"^compare\(\) of") as info:
            deal.compare(T0, "2000-01-01", "2001-12-31")
        assert info.value.question == "compare"
        with pytest.raises(QuestionTooLargeError, match=r"^timeline\(\)"):
            deal.ask(T0, during="2000-01-01/2002-01-01")

    def test_every_reading_counts(self) -> None:
        """Under disputes each reading is worked out: 300 clauses (45,150 rulings) are answered
        alone and refused under two disputes, four readings (180,600 rulings)."""
        deal = same_territory(300)
        alone = deal.timeline(T0, start="2000-01-01", end="2002-01-01")
        assert len(alone.segments) == 300
        disputed = ck.Scenario(
            ck.Disputed(ck.ConsentGiven(by="Beta"), ck.ConsentRefused(by="Beta")),
            ck.Disputed(ck.OfferDeclined(by="Beta"), ck.OfferAccepted(by="Beta")),
        )
        with pytest.raises(QuestionTooLargeError) as info:
            deal.timeline(T0, start="2000-01-01", end="2002-01-01", scenario=disputed)
        assert info.value.size == 4 * 45_150

    def test_a_narrower_question_is_answered(self) -> None:
        """A shorter period, one day, or an action no clause speaks to: each is answered."""
        deal = same_territory(500)
        assert len(deal.timeline(T0, start="2000-01-01", end="2000-06-01").segments) == 152
        assert len(deal.ask(T0, on="2001-06-01").rulings) == 500
        elsewhere = ck.AppointDistributor(principal="Acme", distributor="Gamma", territory="T1")
        assert len(deal.timeline(elsewhere, start="2000-01-01", end="2002-01-01").segments) == 1

    def test_the_error_pickles_with_its_data(self) -> None:
        """The error crosses processes (portfolios) with its attributes."""
        with pytest.raises(QuestionTooLargeError) as info:
            same_territory(500).timeline(T0, start="2000-01-01", end="2002-01-01")
        copy = pickle.loads(pickle.dumps(info.value))
        assert (copy.size, copy.limit, str(copy)) == (125_250, 100_000, str(info.value))


class TestWhereTheAnswerMayChange:
    """The stretches visited: where a clause speaking to the action starts or ends, where a
    triggering clause does, and where the scenario's facts and triggers fall."""

    def test_a_trigger_clause_added_after_the_event_splits_there(self) -> None:
        """AGI declared in June 2020; the clause that makes it end the exclusivity comes in
        2021: the answer changes on the day that clause takes effect, not on the declaration."""
        exclusive = ck.Exclusivity(
            id="excl", title="Only Beta", evidence=[SRC], bound="Acme", beneficiary="Beta"
        )
        agi = ck.AGIClause(
            id="agi", title="AGI ends it", evidence=[SRC], declared_by="Acme", ends=["excl"]
        )
        deal = ck.Agreement(
            id="d",
            title="D",
            parties=[ck.Party("Acme"), ck.Party("Beta"), ck.Party("Gamma")],
            amendments=[
                ck.Amendment(
                    id="a", title="A", effective="2020-01-01", evidence=[SRC], adds=[exclusive]
                ),
                ck.Amendment(id="b", title="B", effective="2021-01-01", evidence=[SRC], adds=[agi]),
            ],
        )
        buy = ck.ProcureCompute(buyer="Acme", provider="Gamma", workload="training")
        declared = ck.Scenario(ck.AGIDeclared(on="2020-06-01"))
        timeline = deal.timeline(buy, start="2020-01-01", end="2022-01-01", scenario=declared)
        assert [(str(s.period), s.verdict.outcome.value) for s in timeline.segments] == [
            ("2020-01-01/2021-01-01", "prohibited"),
            ("2021-01-01/2022-01-01", "permitted"),
        ]
        assert timeline.segments[1].opened_by is not None
        assert timeline.segments[1].opened_by.id == "b"
