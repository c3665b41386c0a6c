"""Consent requirement: an action needs a party's approval (or is barred outright).

The party asked may have a window to answer (``respond_within_days``) and its
silence a meaning (``silence``: refused by default, or given): given
``ConsentRequested(of=party, on=day)`` and no answer by the deadline, the
consent counts as refused or given from the day after it (see
:mod:`clausekit.clauses.window`).

Examples:
    >>> from clausekit.clauses.consent import ConsentRequirement
    >>> from clausekit.evidence import OutsideSource
    >>> src = OutsideSource(url="https://example.org/sha", title="SHA", published="2020-01-01",
    ...                     gloss="transfers need board approval")
    >>> ConsentRequirement(id="c", title="Board approval", evidence=[src], bound="Ann",
    ...                    consent_by="Board", verb="transfer-shares").summary()
    'Ann may transfer shares (any subject) with any counterparty only with the consent of Board.'
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar, final

import attrs
import pendulum

from clausekit.actions import verb_phrase
from clausekit.clauses.base import (
    ClauseBase,
    Context,
    Resolved,
    covers,
    scope_converter,
    subjects_text,
)
from clausekit.clauses.window import deadlines, read_window, window_days
from clausekit.errors import AgreementError
from clausekit.scenario import ConsentGiven, ConsentRefused, ConsentRequested, Scenario
from clausekit.verdict import Finding, Outcome

if TYPE_CHECKING:
    from clausekit.check import CheckContext, Diagnostic

__all__ = ["ConsentRequirement", "ConsentSilence"]


class ConsentSilence(enum.StrEnum):
    """What silence past a consent's response window counts as."""

    REFUSED = "refused"
    """Silence refuses consent."""
    GIVEN = "given"
    """Silence gives consent (deemed approval)."""


def _silence(value: object) -> ConsentSilence:
    try:
        return ConsentSilence(str(value))
    except ValueError:
        raise AgreementError(
            f"ConsentRequirement.silence={value!r}; use 'refused' or 'given'."
        ) from None


@final
@attrs.frozen(kw_only=True)
class ConsentRequirement(ClauseBase, kind="consent-requirement"):
    """``bound`` may ``verb`` (within ``scope``, with ``counterparties``) only with consent.

    With ``consent_by=None`` the action is prohibited outright (a covenant not to).

    Attributes:
        bound: the party whose action needs consent.
        consent_by: whose consent is needed; None (the default) for a flat prohibition.
        verb: the kind of action governed.
        scope: the subjects governed; empty = all.
        counterparties: the counterparties governed; empty = any.
        respond_within_days: the window to answer a request for consent, in
            days from the request (None: no window).
        silence: what silence past the window counts as.
    """

    party_fields: ClassVar[tuple[str, ...]] = ("bound", "consent_by", "counterparties")

    bound: str
    consent_by: str | None = None
    verb: str
    scope: frozenset[str] = attrs.field(factory=frozenset, converter=scope_converter)
    counterparties: frozenset[str] = attrs.field(factory=frozenset, converter=scope_converter)
    respond_within_days: int | None = attrs.field(default=None, converter=window_days)
    silence: ConsentSilence = attrs.field(default=ConsentSilence.REFUSED, converter=_silence)

    def verbs(self) -> frozenset[str]:
        """The one verb this clause rules on."""
        return frozenset((self.verb,))

    def governs(self, action: Resolved) -> bool:
        return (
            action.actor == self.bound
            and action.verb == self.verb
            and covers(self.scope, action.subject)
            and (not self.counterparties or action.counterparty in self.counterparties)
        )

    def rule(self, action: Resolved, ctx: Context) -> Finding | None:
        if not self.governs(action):
            return None
        if self.consent_by is None:
            return Finding(Outcome.PROHIBITED, f"{self.summary()}")
        base = f"{action.text} needs the consent of {self.consent_by}."
        if self.respond_within_days is not None:
            timed = self._within_window(base, self.consent_by, ctx, action)
            if timed is not None:
                return timed
        decided = ctx.consent(self.consent_by, self, action)
        if decided is not None:
            return attrs.evolve(decided, reason=f"{base} {decided.reason}")
        return Finding(
            Outcome.CONDITIONAL, base, conditions=(ctx.consent_condition(self.consent_by),)
        )

    def consent_parties(self) -> frozenset[str]:
        """``consent_by``; none for a flat prohibition."""
        return frozenset(() if self.consent_by is None else (self.consent_by,))

    def ruled_subjects(self) -> frozenset[str] | None:
        """Its scope (None when empty: every subject)."""
        return self.scope or None

    def restricted_parties(self) -> frozenset[str]:
        """The bound party."""
        return frozenset((self.bound,))

    def check(self, ctx: CheckContext) -> Iterator[Diagnostic]:
        """``self-consent``: the bound party may consent to its own action."""
        from clausekit.check import parties

        yield from parties.self_consent(ctx, ctx.life(self), bound=self.bound)

    def _within_window(
        self, base: str, party: str, ctx: Context, action: Resolved
    ) -> Finding | None:
        """The finding under the response window, or None when no dated request was made."""
        assert self.respond_within_days is not None
        window = read_window(
            ctx.facts,
            ctx.on,
            party=party,
            asked=ConsentRequested,
            answers=(ConsentGiven, ConsentRefused),
            days=self.respond_within_days,
        )
        if window.status == "none":
            return None
        standing = ctx.consent(party, self, action)  # a waiver in force still decides
        if standing is not None and standing.relies_on:
            return attrs.evolve(standing, reason=f"{base} {standing.reason}")
        assert window.asked is not None
        late = window.late_text(party)
        asked = f"{party} was asked on {window.asked.on}"
        if window.status == "open":
            return Finding(
                Outcome.CONDITIONAL,
                f"{base} {asked} and has until {window.deadline} to answer; silence until then "
                f"counts as {self.silence.value}.",
                conditions=(ctx.consent_condition(party),),
            )
        if window.status == "deemed":
            said = (
                f"{base} {asked} and did not answer by {window.deadline}: its silence counts as "
                f"consent {self.silence.value}.{late}"
            )
            if self.silence is ConsentSilence.GIVEN:
                return Finding(Outcome.PERMITTED, said)
            return Finding(Outcome.PROHIBITED, said)
        answer = window.answer
        when = f" on {answer.on}" if answer is not None and answer.on is not None else ""
        if isinstance(answer, ConsentGiven):
            return Finding(Outcome.PERMITTED, f"{base} {asked} and consented{when}, in time.{late}")
        return Finding(Outcome.PROHIBITED, f"{base} {asked} and refused{when}, in time.{late}")

    def change_points(self, scenario: Scenario) -> tuple[pendulum.Date, ...]:
        """The day after each request's deadline, when silence turns into the deemed answer."""
        if self.respond_within_days is None or self.consent_by is None:
            return ()
        return deadlines(
            scenario, party=self.consent_by, asked=ConsentRequested, days=self.respond_within_days
        )

    def summary(self) -> str:
        others = (
            " or ".join(sorted(self.counterparties)) if self.counterparties else "any counterparty"
        )
        what = f"{verb_phrase(self.verb)} ({subjects_text(self.scope)}) with {others}"
        if self.consent_by is None:
            return f"{self.bound} may not {what}."
        text = f"{self.bound} may {what} only with the consent of {self.consent_by}."
        if self.respond_within_days is not None:
            text += (
                f" {self.consent_by} must answer within {self.respond_within_days} days of the "
                f"request; silence counts as consent {self.silence.value}."
            )
        return text
