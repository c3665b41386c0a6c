"""Scenario facts: unknown is not false, contradictions are refused, order does not matter."""

from __future__ import annotations

import pickle
from collections.abc import Hashable

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import clausekit as ck
from clausekit import testing as ckst


class TestScenario:
    def test_order_and_duplicates_do_not_matter(self) -> None:
        """The same facts in any order, repeated or not, make equal scenarios."""
        a = ck.Scenario(ck.ConsentGiven(by="X"), ck.OfferDeclined(by="Y"))
        b = ck.Scenario(ck.OfferDeclined(by="Y"), ck.ConsentGiven(by="X"), ck.ConsentGiven(by="X"))
        assert a == b
        assert hash(a) == hash(b)

    @pytest.mark.parametrize(
        ("a", "b"),
        [
            (ck.ConsentGiven(by="X"), ck.ConsentRefused(by="X")),
            (ck.OfferDeclined(by="X"), ck.OfferAccepted(by="X")),
            (ck.CannotMeetRequirements(by="X"), ck.OfferAccepted(by="X")),
            (ck.AssumedRate("rs", "0.1"), ck.AssumedRate("rs", "0.2")),
            (ck.AGIDeclared(on="2030-01-01"), ck.AGIDeclared(on="2031-01-01")),
        ],
    )
    def test_contradictions_are_refused(self, a: ck.Fact, b: ck.Fact) -> None:
        """A fact and its opposite about the same party cannot both be given."""
        with pytest.raises(ck.ContradictoryFactsError, match="contradict each other"):
            ck.Scenario(a, b)

    def test_same_fact_types_about_different_parties_are_fine(self) -> None:
        """Consent by one party and refusal by another do not contradict."""
        assert len(ck.Scenario(ck.ConsentGiven(by="X"), ck.ConsentRefused(by="Y")).facts) == 2

    def test_contradiction_through_aliases(self) -> None:
        """Two names of one party contradict once resolved."""
        scenario = ck.Scenario(ck.ConsentGiven(by="Acme"), ck.ConsentRefused(by="Acme GmbH"))
        with pytest.raises(ck.ContradictoryFactsError):
            scenario.resolved(lambda name: "Acme GmbH")

    def test_not_a_fact(self) -> None:
        """Anything but a fact is refused, naming the facts that exist."""
        with pytest.raises(ck.InvalidFactError, match=r"is not a fact\. Fact kinds"):
            ck.Scenario("Microsoft declines")  # type: ignore[arg-type]

    @pytest.mark.parametrize("by", ["", "  ", None])
    def test_facts_need_a_party(self, by: object) -> None:
        """A party fact without a party is refused."""
        with pytest.raises(ck.InvalidFactError, match="must name a party"):
            ck.ConsentGiven(by=by)  # type: ignore[arg-type]

    def test_agi_verification_cannot_precede_declaration(self) -> None:
        """A declaration is verified on or after the day it is made."""
        with pytest.raises(ck.InvalidFactError, match="before the declaration"):
            ck.AGIDeclared(on="2030-01-10", verified=True, verified_on="2030-01-01")

    def test_revenue_and_rate_are_exact(self) -> None:
        """Revenue takes money and a period; a float rate is refused."""
        revenue = ck.Revenue(("10000000000", "USD"), "2025")
        assert revenue.period == ck.Period.parse("2025")
        with pytest.raises(ck.InvalidRateError):
            ck.AssumedRate("rs", 0.2)  # type: ignore[arg-type]


class TestDatedFacts:
    """A fact with a day holds from that day on; an undated fact holds on every day asked."""

    def test_a_dated_fact_holds_from_its_day(self) -> None:
        """Before its day the fact is not in the day's view; on and after it, it is (without its day)."""
        s = ck.Scenario(ck.ConsentGiven(by="X", on="2025-03-01"))
        assert ck.ConsentGiven(by="X") not in s.as_of("2025-02-28")
        assert ck.ConsentGiven(by="X") in s.as_of("2025-03-01")
        assert ck.ConsentGiven(by="X") in s.as_of("2030-01-01")

    def test_the_latest_dated_fact_of_a_topic_wins(self) -> None:
        """Consent refused in March and given in June: refused in April, given in July."""
        s = ck.Scenario(
            ck.ConsentRefused(by="X", on="2025-03-01"), ck.ConsentGiven(by="X", on="2025-06-01")
        )
        assert s.as_of("2025-04-01") == ck.Scenario(ck.ConsentRefused(by="X"))
        assert s.as_of("2025-07-01") == ck.Scenario(ck.ConsentGiven(by="X"))
        assert s.dated_days == (pendulum.Date(2025, 3, 1), pendulum.Date(2025, 6, 1))

    def test_undated_facts_and_agi_declarations_keep_their_form(self) -> None:
        """An undated fact is in every day's view; an AGI declaration keeps its own day."""
        agi = ck.AGIDeclared(on="2030-01-01")
        s = ck.Scenario(ck.OfferDeclined(by="X"), agi, ck.ConsentGiven(by="Y", on="2025-01-01"))
        assert s.as_of("2020-01-01") == ck.Scenario(ck.OfferDeclined(by="X"), agi)
        assert ck.Scenario(ck.OfferDeclined(by="X")).as_of("2020-01-01") == ck.Scenario(
            ck.OfferDeclined(by="X")
        )

    @pytest.mark.parametrize(
        ("a", "b"),
        [
            (ck.ConsentGiven(by="X", on="2025-01-01"), ck.ConsentRefused(by="X", on="2025-01-01")),
            (ck.ConsentGiven(by="X"), ck.ConsentRefused(by="X", on="2025-01-01")),
        ],
    )
    def test_same_day_or_undated_contradictions_are_refused(self, a: ck.Fact, b: ck.Fact) -> None:
        """Opposite facts on one day, or an undated fact against a dated opposite, contradict."""
        with pytest.raises(ck.ContradictoryFactsError, match="contradict each other"):
            ck.Scenario(a, b)

    def test_repr_shows_the_day_as_text(self) -> None:
        """A dated fact's repr is valid Python that builds it again."""
        fact = ck.OfferDeclined(by="X", on="2025-03-01")
        assert repr(fact) == "OfferDeclined(by='X', on='2025-03-01')"
        assert eval(repr(fact), vars(ck)) == fact

    def test_offer_and_request_name_a_party(self) -> None:
        """OfferMade names whom the offer went to; ConsentRequested whom consent was asked of."""
        assert ck.OfferMade(to="X", on="2025-01-01").to == "X"
        assert ck.ConsentRequested(of="X", on="2025-01-01").of == "X"
        with pytest.raises(ck.InvalidFactError, match=r"OfferMade\(to='Contoso'\)"):
            ck.OfferMade(to="", on="2025-01-01")


def reference_as_of(scenario: ck.Scenario, asked: pendulum.Date) -> ck.Scenario:
    """Scenario.as_of as first written: every fact looked at for every day asked."""
    if not scenario.dated_days:
        return scenario

    def dated(fact: ck.Fact) -> pendulum.Date | None:
        return None if fact.timeless else fact.on

    latest: dict[Hashable, pendulum.Date] = {}
    for fact in scenario.facts:
        on = dated(fact)
        if on is not None and on <= asked:
            for topic, _ in fact.exclusions():
                if latest.get(topic, on) <= on:
                    latest[topic] = on
    held: list[ck.Fact | ck.Disputed] = []
    for fact in scenario.facts:
        on = dated(fact)
        if on is None:
            held.append(fact)
        elif on <= asked and all(latest[t] == on for t, _ in fact.exclusions()):
            held.append(attrs.evolve(fact, on=None))
    held.extend(scenario.disputes)
    return ck.Scenario(*held)


@st.composite
def crowded_scenarios(draw: st.DrawFn) -> ck.Scenario:
    """Many dated facts on a few topics and days: topics superseded, and back again."""
    kinds = (ck.ConsentGiven, ck.ConsentRefused, ck.OfferDeclined, ck.OfferAccepted)
    facts: list[ck.Fact] = []
    taken: set[tuple[str, str, int]] = set()
    for _ in range(draw(st.integers(0, 20))):
        kind = draw(st.sampled_from(kinds))
        party = draw(st.sampled_from(("X", "Y")))
        day = draw(st.integers(0, 12))
        topic = ("consent" if "Consent" in kind.__name__ else "offer", party, day)
        if topic in taken:  # one answer per topic and day
            continue
        taken.add(topic)
        facts.append(kind(by=party, on=pendulum.Date(2025, 1, 1).add(days=day)))
    if draw(st.booleans()):
        facts.append(ck.OfferDeclined(by="Z"))
    return ck.Scenario(*facts)


class TestViews:
    """as_of() sweeps the facts' days once and remembers the views; the answers stay the same."""

    @given(
        scenario=ckst.scenarios() | crowded_scenarios(),
        asked=st.lists(
            ckst.days(pendulum.Date(2024, 12, 25), pendulum.Date(2025, 2, 1)), max_size=8
        ),
    )
    def test_same_views_as_looking_at_every_fact(
        self, scenario: ck.Scenario, asked: list[pendulum.Date]
    ) -> None:
        """Days asked in any order (forward, back, again) give the view of every fact read anew."""
        days = [*asked, *scenario.dated_days, *sorted(asked), *asked]
        for day in days:
            assert scenario.as_of(day) == reference_as_of(scenario, day)

    def test_a_topic_superseded_and_back(self) -> None:
        """Consent given, refused, then given again: each view holds the latest, once."""
        s = ck.Scenario(
            ck.ConsentGiven(by="X", on="2025-01-01"),
            ck.ConsentRefused(by="X", on="2025-02-01"),
            ck.ConsentGiven(by="X", on="2025-03-01"),
            ck.OfferDeclined(by="Y", on="2025-02-01"),
        )
        for day in ("2025-03-15", "2025-01-15", "2025-02-15", "2024-12-31"):
            assert s.as_of(day) == reference_as_of(s, pendulum.parse(day).date())  # type: ignore[union-attr]
        assert s.as_of("2025-03-15") == ck.Scenario(
            ck.ConsentGiven(by="X"), ck.OfferDeclined(by="Y")
        )

    def test_hash_is_kept_and_rebuilt_after_pickling(self) -> None:
        """Equal scenarios hash alike; a pickled one is built again (string hashes vary by process)."""
        s = ck.Scenario(ck.ConsentGiven(by="X", on="2025-01-01"), ck.OfferDeclined(by="Y"))
        copy = pickle.loads(pickle.dumps(s))
        assert copy == s
        assert hash(copy) == hash(s)
        assert {s: 1}[
            ck.Scenario(ck.OfferDeclined(by="Y"), ck.ConsentGiven(by="X", on="2025-01-01"))
        ] == 1


class TestDisputed:
    """Readings of a dispute stay apart; contradictions stated as plain facts stay an error."""

    def test_needs_two_readings(self) -> None:
        """One reading is no dispute."""
        with pytest.raises(ck.InvalidFactError, match="needs at least two"):
            ck.Disputed(ck.OfferAccepted(by="X"))

    def test_readings_must_be_facts(self) -> None:
        """A reading is a fact or a tuple of facts."""
        with pytest.raises(ck.InvalidFactError, match="not a fact"):
            ck.Disputed(ck.OfferAccepted(by="X"), "declined")  # type: ignore[arg-type]

    def test_identical_readings_are_the_plain_fact(self) -> None:
        """A dispute whose readings are all the same fact is that fact."""
        fact = ck.OfferAccepted(by="X", on="2025-01-01")
        assert ck.Scenario(ck.Disputed(fact, fact)) == ck.Scenario(fact)

    def test_readings_combine_with_the_other_facts(self) -> None:
        """Each reading is the scenario's facts plus that reading's facts."""
        s = ck.Scenario(
            ck.ConsentGiven(by="Y"),
            ck.Disputed(
                ck.OfferAccepted(by="X"), ck.OfferDeclined(by="X"), note="X says it matched"
            ),
        )
        readings = dict(s.readings())
        assert readings["OfferAccepted(by='X')"] == ck.Scenario(
            ck.ConsentGiven(by="Y"), ck.OfferAccepted(by="X")
        )
        assert len(readings) == 2
        assert "disputed: OfferAccepted(by='X') or OfferDeclined(by='X')" in s.describe()

    def test_a_reading_that_contradicts_the_facts_is_refused(self) -> None:
        """A reading must be consistent with the facts both sides agree on."""
        with pytest.raises(ck.ContradictoryFactsError, match="disputed reading"):
            ck.Scenario(
                ck.OfferDeclined(by="X"),
                ck.Disputed(ck.OfferAccepted(by="X"), ck.CannotMeetRequirements(by="X")),
            )

    def test_contradictory_plain_facts_stay_an_error(self) -> None:
        """Stating both sides as facts is still a contradiction."""
        with pytest.raises(ck.ContradictoryFactsError):
            ck.Scenario(ck.OfferAccepted(by="X"), ck.OfferDeclined(by="X"))


class TestScenarioFiles:
    def test_a_dispute_is_never_dropped_from_a_file(self) -> None:
        """Scenario files cannot hold disputes yet: writing one is refused, not silently lossy."""
        from clausekit import io as ckio

        s = ck.Scenario(ck.Disputed(ck.OfferAccepted(by="X"), ck.OfferDeclined(by="X")))
        with pytest.raises(ck.InvalidFactError, match="cannot hold disputes yet"):
            ckio.dumps_scenario(s, format="toml")
