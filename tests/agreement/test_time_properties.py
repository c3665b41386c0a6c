"""Properties of facts in time: timelines agree with single days, disputes, knowledge time."""

from __future__ import annotations

import attrs
import pendulum
from hypothesis import assume, given
from hypothesis import strategies as st

import clausekit as ck
import clausekit.testing as ckst
from clausekit.agreement.knowledge import published_on


@st.composite
def uncertain(draw: st.DrawFn) -> ck.Agreement:
    """A generated agreement, one of whose amendments sometimes takes effect on an uncertain day."""
    agreement = draw(ckst.agreements())
    if draw(st.booleans()):
        index = draw(st.integers(0, len(agreement.amendments) - 1))
        amendments = list(agreement.amendments)
        a = amendments[index]
        amendments[index] = attrs.evolve(
            a, effective_latest=a.effective.add(days=draw(st.integers(1, 400)))
        )
        try:
            agreement = attrs.evolve(agreement, amendments=amendments)
        except ck.ClauseKitError:
            assume(False)  # that order of amendments is invalid at the latest day
    return agreement


@st.composite
def timed_questions(
    draw: st.DrawFn,
) -> tuple[ck.Agreement, ck.Act | ck.ProcureCompute, ck.Scenario, pendulum.Date, pendulum.Date]:
    """An agreement, an action, dated facts around its change days, and a stretch to ask about."""
    agreement = draw(uncertain())
    names = [p.name for p in agreement.parties]
    action = draw(ckst.actions(names))
    first, last = agreement.change_days[0], agreement.change_days[-1]
    low, high = first.subtract(days=30), last.add(days=400)
    scenario = draw(ckst.timed_scenarios(names, min_day=low, max_day=high))
    start = draw(ckst.days(low, high))
    end = draw(ckst.days(start.add(days=1), high.add(days=1)))
    return agreement, action, scenario, start, end


class TestTimelineAgreesWithDays:
    @given(question=timed_questions(), data=st.data())
    def test_every_sampled_day(self, question: tuple, data: st.DataObject) -> None:  # type: ignore[type-arg]
        """The timeline's segment for a day has the answer ask(on=day) gives, facts and dates in time."""
        agreement, action, scenario, start, end = question
        timeline = agreement.timeline(action, start=start, end=end, scenario=scenario)
        for _ in range(5):
            day = data.draw(ckst.days(start, end.subtract(days=1)))
            verdict = agreement.ask(action, on=day, scenario=scenario)
            assert timeline.at(day).key() == verdict.key()


class TestDisputes:
    @given(question=ckst.questions(), fact=ckst.facts(kinds=(ck.OfferAccepted, ck.ConsentGiven)))
    def test_identical_readings_are_the_plain_fact(self, question: tuple, fact: ck.Fact) -> None:  # type: ignore[type-arg]
        """Disputed(f, f) answers exactly as f does."""
        agreement, action, scenario, day = question
        try:
            plain = scenario.with_facts(fact)
        except ck.ContradictoryFactsError:
            assume(False)
            raise
        disputed = scenario.with_facts(ck.Disputed(fact, fact))
        assert disputed == plain
        try:
            expected = agreement.ask(action, on=day, scenario=plain)
        except ck.UnknownPartyError:
            assume(False)
            raise
        assert agreement.ask(action, on=day, scenario=disputed) == expected


def _cited(agreement: ck.Agreement, action: object, day: pendulum.Date) -> list[ck.Evidence]:
    verdict = agreement.ask(action, on=day)  # type: ignore[arg-type]
    timeline = agreement.timeline(action, start=day, end=day.add(days=400))  # type: ignore[arg-type]
    out = list(verdict.evidence)
    for segment in timeline.segments:
        out += segment.verdict.evidence
    return out


class TestKnowledgeTime:
    @given(question=ckst.questions(), known=ckst.days())
    def test_never_cites_the_future(self, question: tuple, known: pendulum.Date) -> None:  # type: ignore[type-arg]
        """No verdict or timeline of the agreement as known on D cites a source published after D."""
        agreement, action, _, day = question
        try:
            view = agreement.as_known_on(known)
        except (ck.AmbiguityError, ck.AgreementError):
            assume(False)
            raise
        for evidence in _cited(view, action, day):
            published = published_on(evidence)
            assert published is not None
            assert published <= known

    @given(question=ckst.questions(), data=st.data())
    def test_never_uses_a_term_reported_later(self, question: tuple, data: st.DataObject) -> None:  # type: ignore[type-arg]
        """As known on D, no clause, ending or field first reported after D is in the view, and
        no answer rests on one: a clause reported later rules nothing, a field reported later
        holds its default. D is drawn just before a report day, where the terms differ."""
        agreement, action, scenario, day = question
        reports = sorted({d for a in agreement.amendments for _, d in a.reported})
        if reports:
            report = data.draw(st.sampled_from(reports))
            known = report.subtract(days=data.draw(st.integers(0, 60)))
        else:
            known = data.draw(ckst.days())
        try:
            view = agreement.as_known_on(known)
        except (ck.AmbiguityError, ck.AgreementError):
            assume(False)
            raise
        late: set[str] = set()
        views = {a.id: a for a in view.amendments}
        for amendment in agreement.amendments:
            seen = views.get(amendment.id)
            for term, reported in amendment.reported:
                if reported <= known or seen is None:
                    continue
                late.add(term)
                added = {c.id: c for c in seen.added()}
                whole = term in {c.id for c in amendment.added()} | set(amendment.ends)
                if whole:
                    assert term not in added
                    assert term not in seen.ends
                    continue
                clause_id, _, field = term.rpartition(".")
                default = attrs.fields_dict(type(added[clause_id]))[field].default
                assert getattr(added[clause_id], field) == (
                    default.factory() if isinstance(default, attrs.Factory) else default  # type: ignore[arg-type]
                )
        try:
            verdict = view.ask(action, on=day, scenario=scenario)
        except (ck.AmbiguityError, ck.AgreementError, ck.errors.UnknownClauseError):
            return  # a fact about a clause the view does not know yet
        for ruling in verdict.rulings:
            assert ruling.clause_id not in late

    @given(agreement=ckst.agreements(), a=ckst.days(), b=ckst.days())
    def test_monotone(self, agreement: ck.Agreement, a: pendulum.Date, b: pendulum.Date) -> None:
        """Knowing on a later day never forgets an amendment or a source known earlier."""
        early, late = min(a, b), max(a, b)
        try:
            first, second = agreement.as_known_on(early), agreement.as_known_on(late)
        except (ck.AmbiguityError, ck.AgreementError):
            assume(False)
            raise
        later = {x.id: x for x in second.amendments}
        for amendment in first.amendments:
            assert amendment.id in later
            assert set(amendment.evidence) <= set(later[amendment.id].evidence)
            clauses = {c.id: c for c in later[amendment.id].added()}
            for clause in amendment.added():
                assert set(clause.evidence) <= set(clauses[clause.id].evidence)
