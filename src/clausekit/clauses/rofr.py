"""Right of first refusal: before dealing with a third party, offer the deal to the holder.

Sources often disagree on what frees the grantor: the holder *declining*
the offer, or the holder being *unable to meet the requirement*. Both
triggers can be modelled, alone or together (either one frees the grantor).

The right may give the holder a window to answer (``respond_within_days``)
and say what silence means (``silence``, declined by default): given
``OfferMade(to=holder, on=day)`` and no answer by the deadline, the holder is
deemed to have answered so from the day after it (see
:mod:`clausekit.clauses.window`).

Examples:
    >>> from clausekit.clauses.rofr import RightOfFirstRefusal
    >>> from clausekit.evidence import OutsideSource
    >>> src = OutsideSource(url="https://example.org/sha", title="SHA", published="2020-01-01",
    ...                     gloss="shares are first offered to Bob")
    >>> RightOfFirstRefusal(id="r", title="ROFR", evidence=[src], grantor="Ann", holder="Bob",
    ...                     verb="transfer-shares").summary()
    'Before Ann may transfer shares (any subject) with a third party, Bob must be offered it; the third party is allowed once Bob declines the offer.'
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Hashable, Iterable, Iterator
from typing import TYPE_CHECKING, ClassVar, final

import attrs
import pendulum

from clausekit._shared import frozen
from clausekit.actions import Verb, verb_phrase
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
from clausekit.scenario import (
    CannotMeetRequirements,
    OfferAccepted,
    OfferDeclined,
    OfferMade,
    Scenario,
)
from clausekit.verdict import Condition, Finding, Outcome

if TYPE_CHECKING:
    from clausekit.check import CheckContext, Diagnostic
    from clausekit.clauses import Clause

__all__ = ["OfferSilence", "RightOfFirstRefusal", "RofrTrigger"]


class OfferSilence(enum.StrEnum):
    """What a holder's silence past the response window counts as."""

    DECLINED = "declined"
    """Silence declines the offer: the grantor is free to deal with the third party."""
    ACCEPTED = "accepted"
    """Silence takes the offer: the grantor must deal with the holder."""


def _silence(value: object) -> OfferSilence:
    try:
        return OfferSilence(str(value))
    except ValueError:
        raise AgreementError(
            f"RightOfFirstRefusal.silence={value!r}; use 'declined' or 'accepted'."
        ) from None


class RofrTrigger(enum.StrEnum):
    """What frees the grantor to deal with a third party."""

    DECLINED = "declined"
    """The holder is offered the deal and declines it."""
    CANNOT_MEET = "cannot-meet"
    """The holder cannot meet the requirement."""


def _triggers(value: Iterable[str]) -> frozenset[RofrTrigger]:
    if isinstance(value, str):
        value = [value]
    out = set()
    for item in value:
        try:
            out.add(RofrTrigger(item))
        except ValueError:
            choices = ", ".join(t.value for t in RofrTrigger)
            raise AgreementError(
                f"RightOfFirstRefusal.triggers has {item!r}; use one or more of {choices}."
            ) from None
    if not out:
        raise AgreementError(
            "RightOfFirstRefusal.triggers is empty; name at least one of declined, cannot-meet."
        )
    return frozen(out)


@functools.lru_cache(maxsize=1024)
def _condition(holder: str, triggers: frozenset[RofrTrigger]) -> Condition:
    # Conditions are immutable: one per (holder, triggers) serves every ruling.
    satisfied: list[OfferDeclined | CannotMeetRequirements] = []
    words = []
    if RofrTrigger.DECLINED in triggers:
        satisfied.append(OfferDeclined(by=holder))
        words.append(f"{holder} declines the offer")
    if RofrTrigger.CANNOT_MEET in triggers:
        satisfied.append(CannotMeetRequirements(by=holder))
        words.append(f"{holder} cannot meet the requirements")
    return Condition(
        text=" or ".join(words),
        satisfied_by=tuple(satisfied),
        refuted_by=(OfferAccepted(by=holder),),
    )


@final
@attrs.frozen(kw_only=True)
class RightOfFirstRefusal(ClauseBase, kind="right-of-first-refusal"):
    """``grantor`` must offer ``holder`` the deal before doing ``verb`` with a third party.

    Attributes:
        grantor: the party bound by the right.
        holder: the party that holds it.
        verb: the kind of action governed.
        scope: the subjects governed; empty = all.
        triggers: what frees the grantor; either one suffices.
        respond_within_days: the holder's window to answer an offer, in days
            from the offer (None: no window).
        silence: what the holder's silence past the window counts as.
    """

    party_fields: ClassVar[tuple[str, ...]] = ("grantor", "holder")

    grantor: str
    holder: str
    verb: str = Verb.PROCURE_COMPUTE.value
    scope: frozenset[str] = attrs.field(factory=frozenset, converter=scope_converter)
    triggers: frozenset[RofrTrigger] = attrs.field(
        default=frozenset({RofrTrigger.DECLINED}), converter=_triggers
    )
    respond_within_days: int | None = attrs.field(default=None, converter=window_days)
    silence: OfferSilence = attrs.field(default=OfferSilence.DECLINED, converter=_silence)

    def verbs(self) -> frozenset[str]:
        """The one verb this clause rules on."""
        return frozen((self.verb,))

    def governs(self, action: Resolved) -> bool:
        return (
            action.actor == self.grantor
            and action.verb == self.verb
            and action.counterparty is not None
            and covers(self.scope, action.subject)
        )

    def condition(self) -> Condition:
        """The open condition that frees the grantor."""
        return _condition(self.holder, self.triggers)

    def rule(self, action: Resolved, ctx: Context) -> Finding | None:
        if not self.governs(action):
            return None
        if action.counterparty == self.holder:
            return Finding(
                Outcome.PERMITTED,
                f"{self.holder} holds the right of first refusal; dealing with it is what the "
                "right protects.",
            )
        condition = self.condition()
        base = (
            f"{self.holder} has a right of first refusal: {action.counterparty} may be used "
            f"only if {condition.text}."
        )
        waived = ctx.consent(self.holder, self, action)
        if waived is not None and waived.effect is Outcome.PERMITTED:
            return attrs.evolve(waived, reason=f"{base} {waived.reason}")
        if self.respond_within_days is not None:
            timed = self._within_window(base, condition, ctx)
            if timed is not None:
                return timed
        status = condition.status(ctx.scenario)
        if status is True:
            given = [f for f in condition.satisfied_by if f in ctx.scenario]
            said = " and ".join(
                f"{self.holder} declines the offer"
                if isinstance(f, OfferDeclined)
                else f"{self.holder} cannot meet the requirements"
                for f in given
            )
            return Finding(Outcome.PERMITTED, f"{base} The scenario says {said}.")
        if status is False:
            return Finding(
                Outcome.PROHIBITED, f"{base} The scenario says {self.holder} accepted the offer."
            )
        return Finding(Outcome.CONDITIONAL, base, conditions=(condition,))

    def consent_parties(self) -> frozenset[str]:
        """The holder: its consent given in advance (a waiver) frees the grantor."""
        return frozenset((self.holder,))

    def ruled_subjects(self) -> frozenset[str] | None:
        """Its scope (None when empty: every subject)."""
        return self.scope or None

    def restricted_parties(self) -> frozenset[str]:
        """The grantor."""
        return frozenset((self.grantor,))

    def allowed_counterparty(self) -> str:
        """The holder: dealing with it needs no refusal first."""
        return self.holder

    def check(self, ctx: CheckContext) -> Iterator[Diagnostic]:
        """``same-party-both-sides``, and ``competing-first-refusals`` with each later right."""
        from clausekit.check import overlaps, parties
        from clausekit.check.diagnostic import Severity

        life = ctx.life(self)
        yield from parties.both_sides(ctx, life, "grantor", "holder")
        for two, scope, when in overlaps.clashes(
            ctx,
            life,
            _first_refusal,
            (self.grantor, self.verb),
            unlike=self.holder,
            subjects=self.scope,
        ):
            other: RightOfFirstRefusal = two.clause  # type: ignore[assignment]
            yield ctx.diagnostic(
                Severity.WARNING,
                "competing-first-refusals",
                f"{self.holder} ({self.id!r}) and {other.holder} ({other.id!r}) both hold a right "
                f"of first refusal when {self.grantor} wants to {verb_phrase(self.verb)} "
                f"({subjects_text(scope)}), during {when}. Who is offered first is not modelled: "
                "both must let the deal go. Check the order the contract gives them.",
                life,
                two,
                period=when,
            )

    def _within_window(self, base: str, condition: Condition, ctx: Context) -> Finding | None:
        """The finding under the response window, or None when no dated offer was made."""
        assert self.respond_within_days is not None
        window = read_window(
            ctx.facts,
            ctx.on,
            party=self.holder,
            asked=OfferMade,
            answers=(OfferDeclined, OfferAccepted, CannotMeetRequirements),
            days=self.respond_within_days,
        )
        if window.status == "none":
            return None
        assert window.asked is not None
        late = window.late_text(self.holder)
        offered = f"{self.holder} was offered the deal on {window.asked.on}"
        if window.status == "open":
            return Finding(
                Outcome.CONDITIONAL,
                f"{base} {offered} and has until {window.deadline} to answer; silence until then "
                f"counts as {self.silence.value}.",
                conditions=(condition,),
            )
        if window.status == "deemed":
            said = (
                f"{offered} and did not answer by {window.deadline}: its silence counts as "
                f"{self.silence.value}.{late}"
            )
            if self.silence is OfferSilence.DECLINED:
                return Finding(Outcome.PERMITTED, f"{base} {said}")
            return Finding(Outcome.PROHIBITED, f"{base} {said}")
        answer = window.answer
        when = f" on {answer.on}" if answer is not None and answer.on is not None else ""
        if isinstance(answer, OfferAccepted):
            return Finding(
                Outcome.PROHIBITED, f"{base} {offered} and accepted it{when}, in time.{late}"
            )
        if answer is not None and attrs.evolve(answer, on=None) in condition.satisfied_by:
            what = (
                "declined it"
                if isinstance(answer, OfferDeclined)
                else "could not meet the requirements"
            )
            return Finding(Outcome.PERMITTED, f"{base} {offered} and {what}{when}, in time.{late}")
        return Finding(Outcome.CONDITIONAL, f"{base}{late}", conditions=(condition,))

    def change_points(self, scenario: Scenario) -> tuple[pendulum.Date, ...]:
        """The day after each offer's deadline, when silence turns into the deemed answer."""
        if self.respond_within_days is None:
            return ()
        return deadlines(
            scenario, party=self.holder, asked=OfferMade, days=self.respond_within_days
        )

    def summary(self) -> str:
        text = (
            f"Before {self.grantor} may {verb_phrase(self.verb)} ({subjects_text(self.scope)}) with a third "
            f"party, {self.holder} must be offered it; the third party is allowed once "
            f"{self.condition().text}."
        )
        if self.respond_within_days is not None:
            text += (
                f" {self.holder} must answer within {self.respond_within_days} days of the offer; "
                f"silence counts as {self.silence.value}."
            )
        return text


def _first_refusal(clause: Clause) -> Iterator[tuple[Hashable, Hashable]]:
    """The checker's grouping: rights of first refusal by (grantor, verb), tagged by holder."""
    if isinstance(clause, RightOfFirstRefusal):
        yield (clause.grantor, clause.verb), clause.holder
