"""Response windows: an offer or a request for consent answered in time, late, or not at all."""

from __future__ import annotations

import pytest

import clausekit as ck
from clausekit.clauses.window import read_window
from clausekit.time import to_day

SRC = ck.OutsideSource(
    url="https://example.org/sha", title="SHA", published="2020-01-01", gloss="offer Bob first"
)
SELL = ck.Act(actor="Ann", verb="transfer-shares", counterparty="Carol", subject="shares")


def deal(**terms: object) -> ck.Agreement:
    """Ann must offer her shares to Bob first; Bob has 30 days (by default) to answer."""
    rofr = ck.RightOfFirstRefusal(
        id="rofr",
        title="ROFR",
        evidence=[SRC],
        grantor="Ann",
        holder="Bob",
        verb="transfer-shares",
        **{"respond_within_days": 30, **terms},  # type: ignore[arg-type]
    )
    return ck.Agreement(
        id="sha",
        title="SHA",
        parties=[ck.Party("Ann"), ck.Party("Bob"), ck.Party("Carol")],
        amendments=[
            ck.Amendment(id="o", title="SHA", effective="2020-01-01", adds=[rofr], evidence=[SRC])
        ],
    )


OFFER = ck.OfferMade(to="Bob", on="2025-03-01")


class TestReadWindow:
    def test_statuses(self) -> None:
        """No offer: none; before the deadline: open; after it in silence: deemed."""
        facts = ck.Scenario(OFFER)
        kinds = {
            "party": "Bob",
            "asked": ck.OfferMade,
            "answers": (ck.OfferDeclined, ck.OfferAccepted),
            "days": 30,
        }
        assert read_window(facts, to_day("2025-02-01"), **kinds).status == "none"  # type: ignore[arg-type]
        assert read_window(facts, to_day("2025-03-31"), **kinds).status == "open"  # type: ignore[arg-type]
        deemed = read_window(facts, to_day("2025-04-01"), **kinds)  # type: ignore[arg-type]
        assert (deemed.status, deemed.deadline) == ("deemed", to_day("2025-03-31"))


class TestRightOfFirstRefusalWindow:
    def test_silence_declines_the_day_after_the_deadline(self) -> None:
        """The timeline splits at the offer and the day after the deadline."""
        timeline = deal().timeline(
            SELL, start="2025-01-01", end="2025-06-01", scenario=ck.Scenario(OFFER)
        )
        starts = [str(s.period.start) for s in timeline.segments]
        outcomes = [s.outcome for s in timeline.segments]
        assert starts == ["2025-01-01", "2025-03-01", "2025-04-01"]
        assert outcomes == [ck.Outcome.CONDITIONAL, ck.Outcome.CONDITIONAL, ck.Outcome.PERMITTED]
        assert "did not answer by 2025-03-31" in timeline.segments[-1].verdict.reason
        assert "deadline" in timeline.segments[-1].cause

    def test_silence_may_accept(self) -> None:
        """With silence meaning acceptance, the third party is barred after the deadline."""
        v = deal(silence="accepted").ask(SELL, on="2025-05-01", scenario=ck.Scenario(OFFER))
        assert v.outcome is ck.Outcome.PROHIBITED

    def test_an_answer_in_time_counts(self) -> None:
        """Accepting within the window bars the third party from the answer on."""
        facts = ck.Scenario(OFFER, ck.OfferAccepted(by="Bob", on="2025-03-20"))
        assert deal().ask(SELL, on="2025-03-19", scenario=facts).outcome is ck.Outcome.CONDITIONAL
        v = deal().ask(SELL, on="2025-03-20", scenario=facts)
        assert v.outcome is ck.Outcome.PROHIBITED
        assert "accepted it on 2025-03-20, in time" in v.reason

    def test_a_late_answer_does_not_count(self) -> None:
        """Bob's acceptance after the deadline is too late; the explanation says so."""
        facts = ck.Scenario(OFFER, ck.OfferAccepted(by="Bob", on="2025-04-05"))
        v = deal().ask(SELL, on="2025-05-01", scenario=facts)
        assert v.outcome is ck.Outcome.PERMITTED
        assert "answer of 2025-04-05 came after the deadline of 2025-03-31" in v.reason

    def test_without_a_dated_offer_the_plain_facts_decide(self) -> None:
        """No dated offer: no window; an undated answer decides as before."""
        facts = ck.Scenario(ck.OfferDeclined(by="Bob"))
        assert deal().ask(SELL, on="2025-05-01", scenario=facts).outcome is ck.Outcome.PERMITTED

    @pytest.mark.parametrize("days", [0, -1, 1.5, True, "30"])
    def test_window_must_be_whole_days(self, days: object) -> None:
        """A window is a whole number of days, at least one."""
        with pytest.raises(ck.AgreementError, match="respond_within_days"):
            deal(respond_within_days=days)

    def test_silence_is_checked(self) -> None:
        """Silence is declined or accepted."""
        with pytest.raises(ck.AgreementError, match="'declined' or 'accepted'"):
            deal(silence="maybe")

    def test_summary_names_the_window(self) -> None:
        """The clause in words names the window and what silence means."""
        assert (
            "within 30 days of the offer; silence counts as declined"
            in deal().clause("rofr").summary()
        )


class TestConsentWindow:
    def consent_deal(self, silence: str) -> ck.Agreement:
        req = ck.ConsentRequirement(
            id="consent",
            title="Board consent",
            evidence=[SRC],
            bound="Ann",
            consent_by="Board",
            verb="transfer-shares",
            respond_within_days=10,
            silence=silence,
        )
        return ck.Agreement(
            id="c",
            title="C",
            parties=[ck.Party("Ann"), ck.Party("Board"), ck.Party("Carol")],
            amendments=[
                ck.Amendment(id="o", title="C", effective="2020-01-01", adds=[req], evidence=[SRC])
            ],
        )

    @pytest.mark.parametrize(
        ("silence", "after"), [("given", ck.Outcome.PERMITTED), ("refused", ck.Outcome.PROHIBITED)]
    )
    def test_silence_after_the_request(self, silence: str, after: ck.Outcome) -> None:
        """Deemed approval or deemed refusal from the day after the deadline."""
        facts = ck.Scenario(ck.ConsentRequested(of="Board", on="2025-01-01"))
        agreement = self.consent_deal(silence)
        assert agreement.ask(SELL, on="2025-01-11", scenario=facts).outcome is (
            ck.Outcome.CONDITIONAL
        )
        assert agreement.ask(SELL, on="2025-01-12", scenario=facts).outcome is after

    def test_consent_in_time(self) -> None:
        """Consent given within the window permits; a later refusal is too late."""
        facts = ck.Scenario(
            ck.ConsentRequested(of="Board", on="2025-01-01"),
            ck.ConsentGiven(by="Board", on="2025-01-05"),
            ck.ConsentRefused(by="Board", on="2025-02-01"),
        )
        v = self.consent_deal("refused").ask(SELL, on="2025-03-01", scenario=facts)
        assert v.outcome is ck.Outcome.PERMITTED
        assert "came after the deadline" in v.reason
