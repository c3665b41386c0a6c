"""Each clause kind rules on the actions it governs, and only on those."""

from __future__ import annotations

import attrs
import pendulum
import pytest

import clausekit as ck
from clausekit.clauses import Context, Resolved
from clausekit.verdict import Outcome

SRC = ck.OutsideSource(url="https://example.org/c", title="C", published="2020-01-01", gloss="g")
DAY = pendulum.Date(2021, 1, 1)


def act(actor: str, verb: str, counterparty: str | None, subject: str = "") -> Resolved:
    return Resolved(actor, verb, counterparty, subject, f"{actor} {verb} {counterparty}")


def ctx(*in_force: ck.Clause, scenario: ck.Scenario | None = None) -> Context:
    return Context(on=DAY, scenario=scenario or ck.Scenario(), in_force=in_force)


class TestExclusivity:
    clause = ck.Exclusivity(
        id="x", title="X", evidence=[SRC], bound="A", beneficiary="B", scope=["training"]
    )

    @pytest.mark.parametrize(
        "action",
        [
            act("C", "procure-compute", "D", "training"),
            act("A", "transfer-shares", "D", "training"),
            act("A", "procure-compute", "D", "api"),
        ],
    )
    def test_silent_outside_its_scope(self, action: Resolved) -> None:
        """Another actor, verb or subject is not governed."""
        assert self.clause.rule(action, ctx(self.clause)) is None

    def test_no_consent_route_prohibits(self) -> None:
        """Without consent_by any other counterparty is prohibited."""
        finding = self.clause.rule(act("A", "procure-compute", "D", "training"), ctx())
        assert finding is not None
        assert finding.effect is Outcome.PROHIBITED

    def test_empty_scope_means_every_subject(self) -> None:
        """An exclusivity with no scope governs every subject."""
        clause = ck.Exclusivity(id="x", title="X", evidence=[SRC], bound="A", beneficiary="B")
        assert clause.rule(act("A", "procure-compute", "D", "anything"), ctx()) is not None


class TestWaiver:
    excl = ck.Exclusivity(
        id="x", title="X", evidence=[SRC], bound="A", beneficiary="B", consent_by="B"
    )

    @pytest.mark.parametrize(
        ("waiver_fields", "counterparty", "effect"),
        [
            ({"counterparties": ["D"]}, "D", Outcome.PERMITTED),
            ({"counterparties": ["D"]}, "E", Outcome.CONDITIONAL),
            ({"scope": ["research"]}, "D", Outcome.CONDITIONAL),
            ({"waives": ["other"]}, "D", Outcome.CONDITIONAL),
            ({"waives": ["x"]}, "D", Outcome.PERMITTED),
        ],
    )
    def test_waiver_counts_as_consent_only_where_it_covers(
        self, waiver_fields: dict[str, list[str]], counterparty: str, effect: Outcome
    ) -> None:
        """A waiver gives consent for the counterparties, scope and clauses it names."""
        waiver = ck.Waiver(
            id="w", title="W", evidence=[SRC], granted_by="B", grantee="A", **waiver_fields
        )
        finding = self.excl.rule(act("A", "procure-compute", counterparty, "training"), ctx(waiver))
        assert finding is not None
        assert finding.effect is effect
        if effect is Outcome.PERMITTED:
            assert finding.relies_on == (waiver,)

    def test_waiver_by_someone_else_does_not_count(self) -> None:
        """Only the party whose consent is needed can waive."""
        waiver = ck.Waiver(id="w", title="W", evidence=[SRC], granted_by="Z", grantee="A")
        finding = self.excl.rule(act("A", "procure-compute", "D"), ctx(waiver))
        assert finding is not None
        assert finding.effect is Outcome.CONDITIONAL


class TestIPLicense:
    licence = ck.IPLicense(
        id="ip",
        title="IP",
        evidence=[SRC],
        licensor="O",
        licensee="M",
        scope=["models"],
        excludes=["agi-technology"],
        exclusive=True,
    )

    @pytest.mark.parametrize(
        ("subject", "effect"),
        [("models", Outcome.PERMITTED), ("agi-technology", Outcome.PROHIBITED), ("other", None)],
    )
    def test_scope_and_exclusions(self, subject: str, effect: Outcome | None) -> None:
        """Licensed subjects are permitted, excluded ones prohibited, others not governed."""
        finding = self.licence.rule(act("M", "use-ip", "O", subject), ctx())
        assert (finding.effect if finding else None) is effect

    def test_an_exclusive_licence_excludes_other_users(self) -> None:
        """An exclusive licence prohibits anyone else's use of the licensed subject."""
        finding = self.licence.rule(act("Z", "use-ip", "O", "models"), ctx())
        assert finding is not None
        assert finding.effect is ck.Outcome.PROHIBITED
        assert "excludes Z" in finding.reason

    def test_a_non_exclusive_licence_speaks_only_of_its_licensee(self) -> None:
        """A non-exclusive licence says nothing about others' use (their default holds)."""
        licence = attrs.evolve(self.licence, exclusive=False)
        assert licence.rule(act("Z", "use-ip", "O", "models"), ctx()) is None

    def test_the_grant_is_marked_as_a_grant(self) -> None:
        """The licensee's use within scope is a grant: it lifts the default prohibition."""
        finding = self.licence.rule(act("M", "use-ip", "O", "models"), ctx())
        assert finding is not None
        assert finding.grants

    def test_a_sole_licence_keeps_the_licensor_in(self) -> None:
        """With licensor_keeps_use the licensor's own use is not excluded; everyone else's is."""
        sole = attrs.evolve(self.licence, licensor_keeps_use=True)
        assert self.licence.rule(act("O", "use-ip", "O", "models"), ctx()) is not None
        assert sole.rule(act("O", "use-ip", "O", "models"), ctx()) is None
        other = sole.rule(act("Z", "use-ip", "O", "models"), ctx())
        assert other is not None
        assert other.effect is Outcome.PROHIBITED
        assert sole.summary() == (
            "M may use the IP of O (models), except agi-technology, exclusively "
            "(O still uses it itself)."
        )

    def test_a_sole_licence_in_an_agreement(self) -> None:
        """Asked of an agreement, the licensor's own use falls back to its default: permitted."""
        deal = ck.Agreement(
            id="d",
            title="D",
            parties=[ck.Party("O"), ck.Party("M"), ck.Party("Z")],
            amendments=[
                ck.Amendment(
                    id="a",
                    title="A",
                    effective="2020-01-01",
                    evidence=[SRC],
                    adds=[attrs.evolve(self.licence, licensor_keeps_use=True)],
                )
            ],
        )
        own = deal.ask(ck.UseIP(user="O", owner="O", subject="models"), on=DAY)
        assert own.outcome is Outcome.PERMITTED
        assert own.by_default
        other = deal.ask(ck.UseIP(user="Z", owner="O", subject="models"), on=DAY)
        assert other.outcome is Outcome.PROHIBITED
        assert [r.clause_id for r in other.rulings] == ["ip"]


class TestPermission:
    clause = ck.Permission(
        id="p",
        title="P",
        evidence=[SRC],
        grantee="A",
        granted_by="B",
        verb="procure-compute",
        scope=["training"],
    )

    @pytest.mark.parametrize(
        "action",
        [
            act("C", "procure-compute", "D", "training"),
            act("A", "transfer-shares", "D", "training"),
            act("A", "procure-compute", "D", "api"),
        ],
    )
    def test_silent_outside_its_scope(self, action: Resolved) -> None:
        """Another actor, verb or subject is not governed."""
        assert self.clause.rule(action, ctx()) is None

    def test_permits_and_grants(self) -> None:
        """Within its scope it permits, as a grant, naming the term."""
        finding = self.clause.rule(act("A", "procure-compute", "D", "training"), ctx())
        assert finding is not None
        assert finding.effect is Outcome.PERMITTED
        assert finding.grants
        assert finding.reason == (
            "A may procure compute (training) with any counterparty, as B agreed."
        )

    def test_counterparties_limit_it(self) -> None:
        """Naming counterparties permits only dealings with them."""
        clause = attrs.evolve(self.clause, counterparties=frozenset({"D"}))
        assert clause.rule(act("A", "procure-compute", "D", "training"), ctx()) is not None
        assert clause.rule(act("A", "procure-compute", "E", "training"), ctx()) is None
        assert "with D" in clause.summary()

    def test_a_prohibition_in_force_still_wins(self) -> None:
        """A permission never outweighs a restriction: an exclusivity in force prohibits."""
        excl = ck.Exclusivity(
            id="x", title="X", evidence=[SRC], bound="A", beneficiary="B", scope=["training"]
        )
        deal = ck.Agreement(
            id="d",
            title="D",
            parties=[ck.Party("A"), ck.Party("B"), ck.Party("D")],
            amendments=[
                ck.Amendment(
                    id="a", title="A", effective="2020-01-01", evidence=[SRC], adds=[excl]
                ),
                ck.Amendment(
                    id="b", title="B", effective="2021-01-01", evidence=[SRC], adds=[self.clause]
                ),
                ck.Amendment(id="c", title="C", effective="2022-01-01", evidence=[SRC], ends=["x"]),
            ],
        )
        buy = ck.ProcureCompute(buyer="A", provider="D", workload="training")
        assert deal.ask(buy, on="2021-06-01").outcome is Outcome.PROHIBITED
        later = deal.ask(buy, on="2022-06-01")
        assert later.outcome is Outcome.PERMITTED
        assert [r.clause_id for r in later.rulings] == ["p"]
        assert not later.by_default

    def test_it_lifts_a_default_prohibition(self) -> None:
        """Using what belongs to someone else is permitted where a permission grants it."""
        clause = ck.Permission(
            id="brand", title="Brand", evidence=[SRC], grantee="A", verb="use-brand"
        )
        deal = ck.Agreement(
            id="d",
            title="D",
            parties=[ck.Party("A"), ck.Party("B")],
            amendments=[
                ck.Amendment(
                    id="a", title="A", effective="2020-01-01", evidence=[SRC], adds=[clause]
                )
            ],
        )
        use = ck.Act(actor="A", verb="use-brand", counterparty="B", default=Outcome.PROHIBITED)
        assert deal.ask(use, on=DAY).outcome is Outcome.PERMITTED


class TestCommitments:
    @pytest.mark.parametrize(
        "clause",
        [
            ck.SpendCommitment(
                id="s", title="S", evidence=[SRC], committer="A", recipient="B", amount=None
            ),
            ck.ComputeDeal(
                id="d",
                title="D",
                evidence=[SRC],
                buyer="A",
                provider="B",
                amount=ck.Money("38000000000", "USD"),
            ),
        ],
    )
    def test_purchase_from_the_counterparty_is_permitted(self, clause: ck.Clause) -> None:
        """A commitment speaks, permitting, when its buyer procures from its provider."""
        finding = clause.rule(act("A", "procure-compute", "B", "training"), ctx())
        assert finding is not None
        assert finding.effect is Outcome.PERMITTED
        assert clause.rule(act("A", "procure-compute", "C", "training"), ctx()) is None

    def test_float_amount_refused(self) -> None:
        """Money in a clause must be exact."""
        with pytest.raises(ck.InvalidAmountError, match="is a float"):
            ck.ComputeDeal(
                id="d", title="D", evidence=[SRC], buyer="A", provider="B", amount=(1.5, "USD")
            )


class TestRightOfFirstRefusal:
    def test_triggers_name_the_facts(self) -> None:
        """Each trigger adds the fact that satisfies the condition; acceptance refutes it."""
        rofr = ck.RightOfFirstRefusal(
            id="r",
            title="R",
            evidence=[SRC],
            grantor="A",
            holder="B",
            triggers=["declined", "cannot-meet"],
        )
        condition = rofr.condition()
        assert set(condition.satisfied_by) == {
            ck.OfferDeclined(by="B"),
            ck.CannotMeetRequirements(by="B"),
        }
        assert condition.refuted_by == (ck.OfferAccepted(by="B"),)

    @pytest.mark.parametrize("triggers", [[], ["wants-it"]])
    def test_bad_triggers(self, triggers: list[str]) -> None:
        """Triggers must be named from the known set, and there must be at least one."""
        with pytest.raises(ck.AgreementError, match="triggers"):
            ck.RightOfFirstRefusal(
                id="r", title="R", evidence=[SRC], grantor="A", holder="B", triggers=triggers
            )


@pytest.mark.parametrize("bad_id", ["", "has space", 7])
def test_clause_ids_are_checked(bad_id: object) -> None:
    """A clause id is non-empty text without spaces."""
    with pytest.raises(ck.AgreementError, match="must be a non-empty id"):
        ck.Exclusivity(id=bad_id, title="X", evidence=[SRC], bound="A", beneficiary="B")  # type: ignore[arg-type]
