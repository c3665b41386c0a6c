"""AGI clause: a declared (and, where required, verified) AGI ends or starts named clauses.

The trigger is a dated scenario fact, :class:`~clausekit.facts.AGIDeclared`,
so the same agreement can be asked under "no AGI" and under "AGI declared on
a day"; that day becomes a change point of every timeline. The profit
threshold, where one is recorded, is the definition the parties reportedly
use; :meth:`AGIClause.profit_test` applies it to a profit figure.

Examples:
    >>> from clausekit.clauses.agi import AGIClause
    >>> from clausekit.evidence import OutsideSource
    >>> from clausekit.money import Money
    >>> from clausekit.scenario import AGIDeclared, Scenario
    >>> src = OutsideSource(url="https://example.org/agi", title="AGI", published="2020-01-01",
    ...                     gloss="AGI ends the licence once verified")
    >>> agi = AGIClause(id="agi", title="AGI", evidence=[src], declared_by="Acme",
    ...                 verification_required=True, verifier="an expert panel",
    ...                 profit_threshold=Money("100000000000", "USD"), ends=["licence"])
    >>> agi.trigger(Scenario(AGIDeclared(on="2030-01-01", verified=True)))
    Trigger(day=Date(2030, 1, 1), certain=True, text='AGI declared on 2030-01-01 and verified by an expert panel')
    >>> agi.trigger(Scenario(AGIDeclared(on="2030-01-01", verified=False))) is None
    True
    >>> agi.profit_test(Money("120000000000", "USD"))
    True
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, ClassVar, final

import attrs
import pendulum

from clausekit.clauses.base import ClauseBase, scope_converter
from clausekit.clauses.trigger import Trigger
from clausekit.money import Money, check_same_currency, format_money, to_money
from clausekit.scenario import Scenario
from clausekit.time import to_day

if TYPE_CHECKING:
    from clausekit.check import CheckContext, Diagnostic

__all__ = ["AGIClause", "AGITrigger", "profit_test"]


AGITrigger = Trigger
"""The trigger of an AGI clause: a :class:`~clausekit.clauses.trigger.Trigger` (the old name)."""


def _optional_money(value: object) -> Money | None:
    return None if value is None else to_money(value, field="profit_threshold")


def _optional_reported(value: object) -> pendulum.Date | None:
    return None if value is None else to_day(value, field="profit_threshold_first_reported")


@final
@attrs.frozen(kw_only=True)
class AGIClause(ClauseBase, kind="agi"):
    """When ``declared_by`` declares AGI (verified, if required), ``ends`` stop and ``starts`` begin.

    Attributes:
        declared_by: the party whose declaration counts.
        verification_required: whether the declaration must be verified.
        verifier: who verifies, in words ("an independent expert panel").
        profit_threshold: the profit definition of AGI, where one is recorded.
        profit_threshold_first_reported: the day the profit definition was
            first made public, when later than the clause; as known before
            then, the definition is undisclosed.
        ends: ids of the clauses that end on the trigger day.
        starts: ids of clauses that lie dormant until the trigger day.
    """

    party_fields: ClassVar[tuple[str, ...]] = ("declared_by",)

    declared_by: str
    verification_required: bool = False
    verifier: str = ""
    profit_threshold: Money | None = attrs.field(default=None, converter=_optional_money)
    profit_threshold_first_reported: pendulum.Date | None = attrs.field(
        default=None, converter=_optional_reported
    )
    ends: frozenset[str] = attrs.field(factory=frozenset, converter=scope_converter)
    starts: frozenset[str] = attrs.field(factory=frozenset, converter=scope_converter)

    def affects(self) -> frozenset[str]:
        """Every clause id this clause ends or starts."""
        return self.ends | self.starts

    def references(self) -> frozenset[str]:
        """The clauses it ends or starts."""
        return self.affects()

    def check(self, ctx: CheckContext) -> Iterator[Diagnostic]:
        """``agi-clause-out-of-force``: it ends or starts a clause never in force while it is."""
        from clausekit.check import references
        from clausekit.check.diagnostic import Severity
        from clausekit.check.lives import days_text

        life = ctx.life(self)
        for affected, other in references.out_of_force(ctx, life):
            how = "end" if affected in self.ends else "start"
            yield ctx.diagnostic(
                Severity.WARNING,
                "agi-clause-out-of-force",
                f"AGI clause {self.id!r} would {how} clause {affected!r}, but {affected!r} is "
                f"never in force while {self.id!r} is ({days_text(life)} against "
                f"{days_text(other)}); a declaration can change nothing there. Name the clause "
                "in force in its place, or fix the dates.",
                life,
                other,
                period=life.period,
            )

    trigger_event: ClassVar[str] = "AGI is declared"

    def ends_on_trigger(self) -> frozenset[str]:
        """The clauses a declaration ends (:attr:`ends`)."""
        return self.ends

    def starts_on_trigger(self) -> frozenset[str]:
        """The clauses dormant until a declaration (:attr:`starts`)."""
        return self.starts

    def trigger(self, scenario: Scenario) -> Trigger | None:
        """The day the clause fires under ``scenario``, or None if it does not fire."""
        declared = scenario.agi_declaration()
        if declared is None:
            return None
        if not self.verification_required:
            return Trigger(declared.on, True, f"AGI declared on {declared.on}", facts=[declared])
        by = f" by {self.verifier}" if self.verifier else ""
        if declared.verified is None:
            readings = []
            for verified, text in ((True, "verified"), (False, "not verified")):
                fact = attrs.evolve(declared, verified=verified)
                reading = Scenario(*(fact if f is declared else f for f in scenario.facts))
                readings.append((f"the AGI declaration of {declared.on} {text}", reading))
            return Trigger(
                declared.on,
                False,
                f"AGI declared on {declared.on}, verification{by} unknown",
                missing=(
                    f"whether the AGI declaration of {declared.on} was verified{by} "
                    f"(clause {self.id!r})"
                ),
                doubt="an AGI declaration whose verification is unknown",
                readings=readings,
                facts=[declared],
            )
        if declared.verified is False:
            return None  # a declaration found not verified fires nothing
        when = f" on {declared.verified_on}" if declared.verified_on else ""
        return Trigger(
            declared.effective,
            True,
            f"AGI declared on {declared.on} and verified{by}{when}",
            facts=[declared],
        )

    def assumption(self, scenario: Scenario, affected: str, day: pendulum.Date) -> str | None:
        """With no declaration in the scenario, the answer assumes none up to ``day``."""
        if scenario.agi_declaration() is not None:
            return None
        how = "end" if affected in self.ends else "start"
        return (
            f"no AGI declaration up to {day.isoformat()} (the scenario gives none); "
            f"under clause {self.id!r} an AGI declaration would {how} {affected!r}"
        )

    def profit_test(self, profits: Money) -> bool | None:
        """Whether ``profits`` meet the profit definition; None if none is recorded.

        Raises:
            CurrencyMismatchError: when the currencies differ.
        """
        if self.profit_threshold is None:
            return None
        check_same_currency(profits, self.profit_threshold, where=f"AGI clause {self.id!r}")
        return bool(profits >= self.profit_threshold)

    def as_known_on(self, day: pendulum.Date) -> AGIClause:
        """Before the profit definition was first reported, the clause records none."""
        reported = self.profit_threshold_first_reported
        if reported is None or reported <= day:
            return self
        return attrs.evolve(self, profit_threshold=None, profit_threshold_first_reported=None)

    def reported_days(self) -> tuple[pendulum.Date, ...]:
        """The day the profit definition was first reported, if recorded."""
        reported = self.profit_threshold_first_reported
        return () if reported is None else (reported,)

    def summary(self) -> str:
        verified = f", verified by {self.verifier}," if self.verification_required else ""
        text = f"If {self.declared_by} declares AGI{verified}"
        parts = []
        if self.ends:
            parts.append("ends " + ", ".join(sorted(self.ends)))
        if self.starts:
            parts.append("starts " + ", ".join(sorted(self.starts)))
        text += " it " + " and ".join(parts or ["changes nothing named"])
        if self.profit_threshold is not None:
            text += f" (AGI defined as profits of at least {format_money(self.profit_threshold)})"
        return text + "."


def profit_test(clauses: Iterable[ClauseBase], profits: Money) -> bool | None:
    """Whether ``profits`` meet the profit definition of the first AGI clause among ``clauses``
    that records one (:meth:`clausekit.Agreement.agi_profit_test`); None when none does."""
    for clause in clauses:
        if isinstance(clause, AGIClause) and clause.profit_threshold is not None:
            return clause.profit_test(profits)
    return None
