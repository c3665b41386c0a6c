"""The revenue share in each regime: none, two-way, one-way and capped, and after AGI."""

from __future__ import annotations

import pendulum
import pytest

import clausekit as ck
from tests.models.openai_microsoft.helpers import (
    MS,
    OAI,
    RS_OPENAI,
    U,
    claims_of,
    owed,
)


class TestRevenueShare:
    """The revenue share in each regime: none, two-way, one-way and capped, and after AGI."""

    @pytest.mark.parametrize(
        ("payer", "day", "clauses"),
        [
            (OAI, "2023-01-22", []),
            (OAI, "2023-01-23", [RS_OPENAI]),
            (MS, "2023-01-23", ["revenue-share-microsoft-to-openai"]),
            (OAI, "2026-04-26", [RS_OPENAI]),
            (OAI, "2026-04-27", ["revenue-share-openai-to-microsoft-capped"]),
            (MS, "2026-04-26", ["revenue-share-microsoft-to-openai"]),
            (MS, "2026-04-27", []),
            (OAI, "2030-12-31", ["revenue-share-openai-to-microsoft-capped"]),
            (OAI, "2031-01-01", []),
        ],
    )
    def test_the_day_before_and_the_day_of_each_change(
        self, deal: ck.Agreement, payer: str, day: str, clauses: list[str]
    ) -> None:
        """Revenue earned on one day: which revenue-share clause binds the payer, if any."""
        share = owed(deal, payer, f"{day}/{pendulum.Date.fromisoformat(day).add(days=1)}")
        assert [s.clause.id for s in share.shares] == clauses
        for one in share.shares:
            assert claims_of(one.clause)

    def test_none_before_2023(self, deal: ck.Agreement) -> None:
        """No source reports a revenue share before the 2023 extension: nothing is owed."""
        share = owed(deal, OAI, "2022")
        assert (share.shares, share.amount) == ((), ck.Money("0", "USD"))

    def test_undisclosed_rate_is_unknown_2024(self, deal: ck.Agreement) -> None:
        """2024: the rate is undisclosed, so the amount is unknown; the clause and source named."""
        share = owed(deal, OAI, "2024")
        assert share.outcome is U
        assert share.amount is None
        (one,) = share.shares
        assert (one.clause.id, one.amendment.id) == (RS_OPENAI, "extension-2023")
        assert "o.rappler-2023-01-23.revenue-share-two-way" in claims_of(one.clause)
        assert "20 %" in share.explain()

    def test_assumed_rate_across_the_2025_amendments(self, deal: ck.Agreement) -> None:
        """2025 spans two amendments that leave the revenue share as it was: USD 2 bn at 20 %."""
        share = owed(deal, OAI, "2025", ck.AssumedRate(RS_OPENAI, "0.20"))
        assert share.amount == ck.Money("2000000000", "USD")
        assert "s002.revenue-share-two-way" in claims_of(share.shares[0].clause)

    def test_microsoft_pays_too_until_april_2026(self, deal: ck.Agreement) -> None:
        """The revenue share flows both ways until 2026-04-27 (no rate reported that way)."""
        share = owed(deal, MS, "2025-11-01/2026-04-27")
        assert [s.clause.id for s in share.shares] == ["revenue-share-microsoft-to-openai"]
        assert share.outcome is U
        assert "s002.revenue-share-two-way" in claims_of(share.shares[0].clause)

    def test_2026_splits_at_the_amendment(self, deal: ck.Agreement) -> None:
        """The terms change on 2026-04-27, so a 2026 total is refused, not guessed."""
        with pytest.raises(ck.AmbiguityError, match="2026-04-27"):
            owed(deal, OAI, "2026")

    def test_one_way_and_capped_from_april_2026(self, deal: ck.Agreement) -> None:
        """From 2026-04-27 OpenAI pays under an undisclosed cap: at most; Microsoft pays nothing."""
        capped = "revenue-share-openai-to-microsoft-capped"
        share = owed(deal, OAI, "2027", ck.AssumedRate(capped, "0.20"))
        assert share.amount is None
        assert [s.at_most for s in share.shares] == [ck.Money("2000000000", "USD")]
        assert "o.novaranews-2026-04-27.revenue-share-one-way" in claims_of(share.shares[0].clause)
        assert owed(deal, MS, "2027").amount == ck.Money("0", "USD")

    def test_nothing_after_2030(self, deal: ck.Agreement) -> None:
        """OpenAI pays through 2030: nothing is owed on 2031 revenue."""
        assert owed(deal, OAI, "2031").shares == ()

    def test_agi_ends_it_before_october_2025(self, deal: ck.Agreement) -> None:
        """An AGI declaration in 2024 ends the revenue share (seed 004's reading, cited)."""
        share = owed(deal, OAI, "2024-07-01/2025-01-01", ck.AGIDeclared(on="2024-06-01"))
        assert share.shares == ()
        assert "s004.agi-caveat" in claims_of(deal.clause("agi-2023"))

    def test_verified_agi_ends_it_until_the_2026_terms(self, deal: ck.Agreement) -> None:
        """Verified AGI (2026-01-15) ends the revenue share; the capped one is independent of it."""
        fact = ck.AGIDeclared(on="2026-01-15", verified=True)
        assert owed(deal, OAI, "2026-02-01/2026-04-01", fact).shares == ()
        after = owed(deal, OAI, "2026-05-01/2026-06-01", fact)
        assert [s.clause.id for s in after.shares] == ["revenue-share-openai-to-microsoft-capped"]

    def test_unverified_agi_leaves_the_share_unknown(self, deal: ck.Agreement) -> None:
        """The share 'remains until the expert panel verifies AGI' (OpenAI, 2025-10-28): with
        a declaration whose verification is not given, even an assumed rate gives no amount
        (was USD 2 bn, as if the declaration had been rejected); each verification settles it."""
        declared = ck.AGIDeclared(on="2025-11-01")
        rate = ck.AssumedRate(RS_OPENAI, "0.20")
        share = owed(deal, OAI, "2025-12-01/2026-01-01", declared, rate)
        assert share.outcome is U
        assert share.amount is None
        assert share.missing == (
            "whether the AGI declaration of 2025-11-01 was verified by an independent expert "
            "panel (clause 'agi-verified')",
        )
        assert "o.openai-2025-10-28.revenue-share-until-agi" in claims_of(
            deal.clause("agi-verified")
        )
        rejected = ck.AGIDeclared(on="2025-11-01", verified=False)
        verified = ck.AGIDeclared(on="2025-11-01", verified=True)
        twenty_pct = ck.Money("2000000000", "USD")
        assert owed(deal, OAI, "2025-12-01/2026-01-01", rejected, rate).amount == twenty_pct
        assert owed(deal, OAI, "2025-12-01/2026-01-01", verified, rate).amount == ck.Money(
            "0", "USD"
        )

    def test_disputed_verification_leaves_the_share_unknown(self, deal: ck.Agreement) -> None:
        """A verification in dispute: nothing owed if verified, 20 % if not, so no amount (was
        USD 2 bn, the dispute ignored)."""
        disputed = ck.Disputed(
            ck.AGIDeclared(on="2025-11-01", verified=True),
            ck.AGIDeclared(on="2025-11-01", verified=False),
        )
        rate = ck.AssumedRate(RS_OPENAI, "0.20")
        share = owed(deal, OAI, "2025-12-01/2026-01-01", disputed, rate)
        assert share.amount is None
        assert share.missing[0].startswith("which reading holds: ")
        assert "(USD 0); or " in share.missing[0]

    @pytest.mark.parametrize(
        ("known", "clauses"), [("2025-01-20", [RS_OPENAI]), ("2025-01-21", [])]
    )
    def test_2031_as_known_before_and_on_2025_01_21(
        self, deal: ck.Agreement, known: str, clauses: list[str]
    ) -> None:
        """Before Microsoft's post of 2025-01-21 no end of the revenue share was public: as
        known then, 2031 revenue is still shared; from that day it is not."""
        share = owed(deal.as_known_on(known), OAI, "2031")
        assert [s.clause.id for s in share.shares] == clauses

    @pytest.mark.parametrize(
        ("known", "clauses"), [("2025-01-20", [RS_OPENAI]), ("2025-01-21", [])]
    )
    def test_agi_in_2024_as_known_before_and_on_2025_01_21(
        self, deal: ck.Agreement, known: str, clauses: list[str]
    ) -> None:
        """That AGI ends the revenue share is first reported by seed 004 (from 2025-01-21)."""
        share = owed(
            deal.as_known_on(known), OAI, "2024-07-01/2025-01-01", ck.AGIDeclared(on="2024-06-01")
        )
        assert [s.clause.id for s in share.shares] == clauses
