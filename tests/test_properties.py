"""Invariants of the engine over generated agreements, actions, scenarios and days.

Each property draws a whole question from :func:`clausekit.testing.questions`,
whose action and scenario name only the agreement's parties, so no example
is thrown away for naming a stranger.
"""

from __future__ import annotations

import datetime

import attrs
import pendulum
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import clausekit as ck
from clausekit import testing as ckst

Question = tuple[ck.Agreement, ck.Action, ck.Scenario, pendulum.Date]


class TestAnswers:
    @given(
        agreement=ckst.agreements(),
        action=ckst.actions(),
        scenario=ckst.scenarios(),
        day=ckst.days(),
    )
    def test_every_question_gets_a_verdict(
        self,
        agreement: ck.Agreement,
        action: ck.Action,
        scenario: ck.Scenario,
        day: pendulum.Date,
    ) -> None:
        """Any question, strangers included, is answered or refused with a ClauseKitError."""
        try:
            verdict = agreement.ask(action, on=day, scenario=scenario)
        except ck.ClauseKitError:
            return
        assert verdict.outcome in ck.Outcome
        assert verdict.explain()

    @given(question=ckst.questions())
    def test_ask_is_deterministic_and_pure(self, question: Question) -> None:
        """Asking twice gives equal verdicts and leaves the agreement unchanged."""
        agreement, action, scenario, day = question
        snapshot = repr(agreement)
        first = agreement.ask(action, on=day, scenario=scenario)
        second = agreement.ask(action, on=day, scenario=scenario)
        assert first == second
        assert first.explain() == second.explain()
        assert repr(agreement) == snapshot

    @given(question=ckst.questions())
    def test_prohibition_always_wins(self, question: Question) -> None:
        """If any ruling prohibits, the verdict prohibits; otherwise no ruling prohibits."""
        agreement, action, scenario, day = question
        verdict = agreement.ask(action, on=day, scenario=scenario)
        prohibits = any(r.effect is ck.Outcome.PROHIBITED for r in verdict.rulings)
        assert (verdict.outcome is ck.Outcome.PROHIBITED) == prohibits

    @given(question=ckst.questions())
    def test_every_ruling_cites_evidence(self, question: Question) -> None:
        """Every clause that speaks cites evidence, and the explanation shows every citation."""
        agreement, action, scenario, day = question
        verdict = agreement.ask(action, on=day, scenario=scenario)
        text = verdict.explain(width=10_000)
        for ruling in verdict.rulings:
            assert ruling.evidence
            assert ruling.clause_id in text
            for evidence in ruling.evidence:
                assert evidence.gloss in text


#: Kinds that can make an answer CONDITIONAL, and a waiver that can settle one.
CONDITIONING = (ck.RightOfFirstRefusal, ck.Exclusivity, ck.ConsentRequirement, ck.Waiver)


class TestRemembered:
    """What an agreement remembers between questions never changes an answer."""

    @given(
        question=ckst.questions(),
        others=st.lists(ckst.days(), max_size=5),
        width=st.sampled_from([40, 61, 88]),
        fmt=st.sampled_from(["text", "markdown"]),
    )
    def test_explanations_from_memory_are_written_afresh(
        self, question: Question, others: list[pendulum.Date], width: int, fmt: str
    ) -> None:
        """Each day's verdict and memo, after other days of the same answers were asked and
        explained, are those an agreement that remembers nothing gives and a verdict that
        shares nothing writes (attrs.evolve builds each anew)."""
        agreement, action, scenario, day = question
        for when in (*others, day, *others, day):
            verdict = agreement.ask(action, on=when, scenario=scenario)
            assert verdict == attrs.evolve(agreement).ask(action, on=when, scenario=scenario)
            fresh = attrs.evolve(verdict)
            assert verdict.explain(width=width, format=fmt) == fresh.explain(  # type: ignore[arg-type]
                width=width,
                format=fmt,  # type: ignore[arg-type]
            )

    @given(question=ckst.questions(), known=ckst.days())
    def test_views_as_known_on_days_of_one_stretch_keep_their_day(
        self, question: Question, known: pendulum.Date
    ) -> None:
        """Views as known on two neighbouring days (mostly one knowledge stretch, sharing
        their answers) each give the verdict and memo a view built afresh gives, their day
        included, whichever is asked first and however often."""
        agreement, action, scenario, day = question
        for when in (known, known.add(days=1), known, known.add(days=1)):
            try:
                view = agreement.as_known_on(when)
                verdict = view.ask(action, on=day, scenario=scenario)
            except ck.ClauseKitError:
                continue  # nothing announced yet, or facts about clauses not known yet
            assert verdict.known_on == when
            assert verdict == attrs.evolve(view).ask(action, on=day, scenario=scenario)
            assert verdict.explain() == attrs.evolve(verdict).explain()

    @given(question=ckst.questions())
    def test_a_day_is_the_same_day_in_every_form(self, question: Question) -> None:
        """A datetime.date, a pendulum.Date and ISO text for one day get the same answer and memo,
        whichever form is asked first."""
        agreement, action, scenario, day = question
        forms = (datetime.date(day.year, day.month, day.day), day, day.isoformat())
        verdicts = [agreement.ask(action, on=form, scenario=scenario) for form in forms]
        verdicts += [agreement.ask(action, on=form, scenario=scenario) for form in forms]
        assert all(type(v.on) is pendulum.Date and v.on == day for v in verdicts)
        assert all(v == verdicts[0] for v in verdicts)
        assert len({v.explain() for v in verdicts}) == 1


@st.composite
def conditional_questions(
    draw: st.DrawFn,
) -> tuple[ck.Agreement, ck.Act, ck.Scenario, pendulum.Date]:
    """A question aimed at a clause that can make a verdict CONDITIONAL."""
    agreement = draw(ckst.agreements(kinds=CONDITIONING))
    candidates = [
        (clause, amendment)
        for amendment in agreement.amendments
        for clause in amendment.added()
        if isinstance(clause, ck.RightOfFirstRefusal)
        or (isinstance(clause, (ck.Exclusivity, ck.ConsentRequirement)) and clause.consent_by)
    ]
    assume(candidates)
    clause, amendment = draw(st.sampled_from(candidates))
    actor = clause.grantor if isinstance(clause, ck.RightOfFirstRefusal) else clause.bound
    subject = draw(st.sampled_from(sorted(clause.scope) or list(ckst.SUBJECTS)))
    counterparty = draw(st.sampled_from([p.name for p in agreement.parties]))
    action = ck.Act(actor=actor, verb=clause.verb, counterparty=counterparty, subject=subject)
    names = [p.name for p in agreement.parties]
    ids = sorted(c.id for a in agreement.amendments for c in a.added())
    scenario = draw(ckst.scenarios(names, ids))
    return agreement, action, scenario, amendment.effective


class TestConditions:
    @given(question=conditional_questions())
    def test_supplying_the_named_facts_permits(
        self, question: tuple[ck.Agreement, ck.Act, ck.Scenario, pendulum.Date]
    ) -> None:
        """Adding a fact that satisfies each open condition turns CONDITIONAL into PERMITTED."""
        agreement, action, scenario, day = question
        verdict = agreement.ask(action, on=day, scenario=scenario)
        assume(verdict.outcome is ck.Outcome.CONDITIONAL)
        try:
            supplied = scenario.with_facts(*(c.satisfied_by[0] for c in verdict.conditions))
        except ck.ContradictoryFactsError:
            assume(False)
            raise
        assert agreement.ask(action, on=day, scenario=supplied).outcome is ck.Outcome.PERMITTED

    @given(question=conditional_questions(), data=st.data())
    def test_refusing_a_named_fact_prohibits(
        self,
        question: tuple[ck.Agreement, ck.Act, ck.Scenario, pendulum.Date],
        data: st.DataObject,
    ) -> None:
        """Adding the refusal of any open condition turns CONDITIONAL into PROHIBITED."""
        agreement, action, scenario, day = question
        verdict = agreement.ask(action, on=day, scenario=scenario)
        assume(verdict.outcome is ck.Outcome.CONDITIONAL)
        condition = data.draw(st.sampled_from(verdict.conditions))
        assume(condition.refuted_by)
        try:
            refused = scenario.with_facts(condition.refuted_by[0])
        except ck.ContradictoryFactsError:
            assume(False)
            raise
        assert agreement.ask(action, on=day, scenario=refused).outcome is ck.Outcome.PROHIBITED


class TestTime:
    @given(question=ckst.questions(), data=st.data())
    def test_timeline_agrees_with_ask_on_every_sampled_day(
        self, question: Question, data: st.DataObject
    ) -> None:
        """Each segment's verdict equals ask(on=) on any day inside it (checked on sampled days)."""
        agreement, action, scenario, _ = question
        start = data.draw(ckst.days(ckst.MIN_DAY, pendulum.Date(2035, 1, 1)), label="start")
        end = data.draw(ckst.days(start.add(days=1), ckst.MAX_DAY), label="end")
        timeline = agreement.timeline(action, start=start, end=end, scenario=scenario)
        assert timeline.segments[0].period.start == start
        assert timeline.segments[-1].period.end == end
        for segment in timeline.segments:
            last = segment.period.last_day
            assert last is not None
            probes = {segment.period.start, last}
            probes.add(data.draw(ckst.days(segment.period.start, last), label="probe"))
            for day in probes:
                asked = agreement.ask(action, on=day, scenario=scenario)
                assert asked.key() == segment.verdict.key(), (str(segment.period), day)

    @given(question=ckst.questions())
    def test_adjacent_segments_differ(self, question: Question) -> None:
        """A timeline never holds two adjacent segments with the same answer."""
        agreement, action, scenario, _ = question
        timeline = agreement.timeline(
            action, start="2000-01-01", end="2040-01-01", scenario=scenario
        )
        for left, right in zip(timeline.segments, timeline.segments[1:], strict=False):
            assert left.verdict.key() != right.verdict.key()

    @given(agreement=ckst.agreements())
    def test_known_after_every_announcement_is_the_agreement(self, agreement: ck.Agreement) -> None:
        """As known on a day after every announcement, source and report, the agreement is
        complete."""
        last = max(
            a.announced.latest if isinstance(a.announced, ck.DateRange) else a.announced
            for a in agreement.amendments
        )
        reported = [day for a in agreement.amendments for _, day in a.reported]
        published = [
            e.published
            for a in agreement.amendments
            for item in (a, *a.added())
            for e in item.evidence
            if isinstance(e, ck.OutsideSource)
        ]
        known = agreement.as_known_on(max([last, *published, *reported]))
        assert [a.id for a in known.amendments] == [a.id for a in agreement.amendments]
        assert known.change_days == agreement.change_days

    @given(agreement=ckst.agreements(), first=ckst.days(), second=ckst.days())
    def test_as_known_on_is_monotone(
        self, agreement: ck.Agreement, first: pendulum.Date, second: pendulum.Date
    ) -> None:
        """What is known on a day is still known on every later day."""
        early, late = sorted((first, second))
        try:
            known_early = {a.id for a in agreement.as_known_on(early).amendments}
            known_late = {a.id for a in agreement.as_known_on(late).amendments}
        except ck.ClauseKitError:
            assume(False)
            raise
        assert known_early <= known_late


@pytest.mark.parametrize("workload", list(ck.Workload))
def test_no_clause_means_permitted_and_says_so(workload: ck.Workload) -> None:
    """With no clause governing the action, the answer is PERMITTED with the stated reason."""
    source = ck.OutsideSource(
        url="https://example.org/x", title="X", published="2020-01-01", gloss="nothing relevant"
    )
    deal = ck.Agreement(
        id="empty",
        title="Nothing relevant",
        parties=[ck.Party("A"), ck.Party("B")],
        amendments=[ck.Amendment(id="a", title="A", effective="2020-01-01", evidence=[source])],
    )
    verdict = deal.ask(
        ck.ProcureCompute(buyer="A", provider="B", workload=workload), on="2021-01-01"
    )
    assert verdict.outcome is ck.Outcome.PERMITTED
    assert verdict.reason == "no clause in force restricts this"


@given(first=ckst.agreements(), second=ckst.agreements())
def test_shared_vocabularies_and_verb_tables_are_each_agreements_own(
    first: ck.Agreement, second: ck.Agreement
) -> None:
    """Agreements whose clauses speak alike share one vocabulary and one table of verbs:
    whatever was built or asked before, each agreement's are its clauses' own."""
    from clausekit.agreement.vocabulary import Vocabulary

    for agreement in (first, second, first):
        clauses = [item.clause for item, _, _ in agreement._compiled.lives]
        assert agreement.vocabulary() == Vocabulary.of(clauses)
        assert dict(agreement._compiled.verbs) == {c.id: c.verbs() for c in clauses}
