"""Verdicts: the outcome of a question, the rulings behind it, and its explanation.

Combination rule: a prohibition beats everything; a ruling that cannot be
made (``UNKNOWN``) beats a conditional permission; conditions accumulate;
where no clause in force governs the action the answer is ``PERMITTED`` and
says so.

Examples:
    >>> from clausekit.verdict import Outcome, combine
    >>> combine([Outcome.PERMITTED, Outcome.CONDITIONAL])
    <Outcome.CONDITIONAL: 'conditional'>
    >>> combine([Outcome.CONDITIONAL, Outcome.PROHIBITED, Outcome.UNKNOWN])
    <Outcome.PROHIBITED: 'prohibited'>
    >>> combine([])
    <Outcome.PERMITTED: 'permitted'>
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Literal

import attrs
import pendulum

from clausekit.evidence import Evidence
from clausekit.scenario import Fact, Scenario

if TYPE_CHECKING:
    from clausekit.actions import Action
    from clausekit.agreement import Amendment
    from clausekit.clauses import Clause
    from clausekit.clauses.carve_out import CarveOut

__all__ = [
    "NO_CLAUSE_REASON",
    "NO_LICENCE_REASON",
    "Condition",
    "Finding",
    "Outcome",
    "Reading",
    "Ruling",
    "Verdict",
    "combine",
    "derive",
]

NO_CLAUSE_REASON = "no clause in force restricts this"
NO_LICENCE_REASON = "no licence in force grants this"


class Outcome(enum.StrEnum):
    """The answer to "may this be done?"."""

    PERMITTED = "permitted"
    """Allowed, with nothing further required."""
    PROHIBITED = "prohibited"
    """Not allowed."""
    CONDITIONAL = "conditional"
    """Allowed if and only if the verdict's named conditions hold."""
    UNKNOWN = "unknown"
    """A fact or a term the answer needs is missing or undisclosed."""


# Enum members looked up once: attribute access on an Enum class is slow in Python 3.11.
_CONDITIONAL = Outcome.CONDITIONAL
_UNKNOWN = Outcome.UNKNOWN
_PROHIBITED = Outcome.PROHIBITED

_PRECEDENCE = {
    Outcome.PROHIBITED: 3,
    Outcome.UNKNOWN: 2,
    Outcome.CONDITIONAL: 1,
    Outcome.PERMITTED: 0,
}


def combine(outcomes: Iterable[Outcome]) -> Outcome:
    """Combine the outcomes of several rulings into one (see the module docstring)."""
    return max(outcomes, key=_PRECEDENCE.__getitem__, default=Outcome.PERMITTED)


@attrs.frozen
class Condition:
    """A fact that must hold for a conditional permission to become a permission.

    The condition holds when the scenario contains any fact of ``satisfied_by``
    and fails when it contains any fact of ``refuted_by``; otherwise it is open.

    Attributes:
        text: the condition in words ("Contoso consents").
        satisfied_by: facts any one of which makes it hold.
        refuted_by: facts any one of which makes it fail.
    """

    text: str
    satisfied_by: tuple[Fact, ...]
    refuted_by: tuple[Fact, ...] = ()

    def status(self, scenario: Scenario) -> bool | None:
        """True if the scenario satisfies it, False if it refutes it, None while open."""
        if not scenario:
            return None
        if any(f in scenario for f in self.satisfied_by):
            return True
        if any(f in scenario for f in self.refuted_by):
            return False
        return None

    def __str__(self) -> str:
        return self.text


@attrs.frozen
class Finding:
    """What one clause says about one action on one day, before it is tied to its amendment.

    Attributes:
        effect: the clause's outcome for the action.
        reason: one or two sentences a lawyer could paste into a memo.
        conditions: for ``CONDITIONAL``, what must hold.
        missing: for ``UNKNOWN``, which facts or terms are missing.
        relies_on: other clauses the finding rests on (a waiver, an approval).
        grants: True when the clause grants the action (a licence): for an
            action prohibited by default, only a grant lifts the default.
        carve_out: the carve-out of the clause that took the action out of
            its reach, when that is what the finding reports.
    """

    effect: Outcome
    reason: str
    conditions: tuple[Condition, ...] = ()
    missing: tuple[str, ...] = ()
    relies_on: tuple[Clause, ...] = ()
    grants: bool = False
    carve_out: CarveOut | None = None


@attrs.frozen
class Ruling:
    """One clause's finding on one action, with the amendment that put the clause in force."""

    clause: Clause
    amendment: Amendment
    finding: Finding

    @property
    def clause_id(self) -> str:
        return self.clause.id

    @property
    def effect(self) -> Outcome:
        return self.finding.effect

    @property
    def reason(self) -> str:
        return self.finding.reason

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        """The clause's evidence (or its carve-out's) followed by that of every clause it relies on."""
        carve_out = self.finding.carve_out
        out = list(carve_out.evidence if carve_out is not None else self.clause.evidence)
        for other in self.finding.relies_on:
            out.extend(e for e in other.evidence if e not in out)
        return tuple(out)

    def key(self) -> tuple[str, Outcome, str]:
        """What makes two rulings the same answer (used to merge timeline segments)."""
        return (self.clause.id, self.finding.effect, self.finding.reason)


@attrs.frozen
class Reading:
    """The answer under one reading of a dispute or of an uncertain date.

    Attributes:
        description: the reading in words ("OfferAccepted(by='WBD')",
            "amendment 'x' took effect on 2025-01-01 (earliest)").
        outcome: the answer under this reading.
        headline: the answer's one line under this reading.
        rulings: the rulings under this reading.
    """

    description: str
    outcome: Outcome
    headline: str = ""
    rulings: tuple[Ruling, ...] = ()

    def key(self) -> tuple[object, ...]:
        return (self.description, self.outcome, self.headline)


def readings_differ(readings: tuple[Reading, ...]) -> bool:
    """True when the readings do not all give the same answer."""
    return len({(r.outcome, r.headline) for r in readings}) > 1


def disputed_missing(readings: tuple[Reading, ...]) -> str:
    """What an answer that depends on its readings is missing, in words."""
    return "which reading holds: " + "; or ".join(
        f"{r.description} ({r.outcome.value})" for r in readings
    )


Derived = tuple[Outcome, tuple[Condition, ...], tuple[str, ...], bool]
"""A verdict's outcome, open conditions, missing facts, and whether the action's default decided."""


def derive(rulings: tuple[Ruling, ...], default: Outcome = Outcome.PERMITTED) -> Derived:
    """A verdict's outcome, open conditions and missing facts, from its rulings and the default.

    ``default`` is what holds where no clause speaks. A ``PERMITTED`` default
    decides only when no clause rules; a ``PROHIBITED`` one (using what
    belongs to someone else) holds unless a ruling grants the action, and
    then combines with the rulings like a prohibition.
    """
    if default is _PROHIBITED and not any(r.finding.grants for r in rulings):
        return _PROHIBITED, (), (), True
    if not rulings:
        return Outcome.PERMITTED, (), (), True
    if len(rulings) == 1:  # the common case, without the generators
        finding = rulings[0].finding
        effect = finding.effect
        if effect is _CONDITIONAL:
            conditions = finding.conditions
            return effect, conditions if len(conditions) < 2 else _dedupe(conditions), (), False
        if effect is _UNKNOWN:
            missing = finding.missing
            return effect, (), missing if len(missing) < 2 else _dedupe(missing), False
        return effect, (), (), False
    outcome = combine(r.finding.effect for r in rulings)
    # Only the rulings that decide the outcome speak: a prohibition leaves no condition
    # open and nothing missing; an unknown leaves no condition to meet yet.
    conditions = (
        _dedupe(
            c
            for r in rulings
            if r.finding.effect is Outcome.CONDITIONAL
            for c in r.finding.conditions
        )
        if outcome is _CONDITIONAL
        else ()
    )
    missing = (
        _dedupe(
            m for r in rulings if r.finding.effect is Outcome.UNKNOWN for m in r.finding.missing
        )
        if outcome is _UNKNOWN
        else ()
    )
    return outcome, conditions, missing, False


def headline_for(derived: Derived, default: Outcome = Outcome.PERMITTED) -> str:
    """A verdict's one-line headline from its derived answer and the action's default."""
    outcome, conditions, missing, by_default = derived
    text = outcome.value.upper()
    if outcome is Outcome.CONDITIONAL:
        text += " — permitted only if " + " and ".join(c.text for c in conditions)
    elif outcome is Outcome.UNKNOWN:
        text += " — missing: " + "; ".join(missing)
    elif by_default:
        text += " — " + (NO_LICENCE_REASON if default is Outcome.PROHIBITED else NO_CLAUSE_REASON)
    return text


def _dedupe(items: Iterable[Any]) -> tuple[Any, ...]:
    seen: dict[Any, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return tuple(seen)


@attrs.frozen
class Verdict:
    """The answer to one question about one action on one day.

    Attributes:
        action: what was asked about.
        action_text: the action in words, with the agreement's names for the parties.
        on: the day asked about.
        outcome: the combined outcome.
        rulings: every clause that spoke, in the order of the agreement.
        conditions: for ``CONDITIONAL``, every condition still open.
        missing: for ``UNKNOWN``, every fact or term that is missing.
        assumptions: what the answer takes as given because the scenario is silent.
        scenario: the facts the question was asked under.
        known_on: for an agreement "as known on" a day, that day.
        agreement: the title of the agreement asked.
        default: what holds for this action where no clause speaks (the
            action's default between these parties).
        notes: what the reader should know about the question itself (a party
            outside the agreement, a verb no clause speaks of).
        by_default: True when the answer rests on the default: no clause
            decided it (or, for a default prohibition, none granted it).
        readings: where the facts are disputed or a date uncertain, the answer
            under each reading. When they differ the outcome is ``UNKNOWN``;
            when they agree the answer is theirs and the dispute does not matter.
    """

    action: Action
    action_text: str
    on: pendulum.Date
    rulings: tuple[Ruling, ...]
    scenario: Scenario = attrs.field(factory=Scenario)
    assumptions: tuple[str, ...] = ()
    known_on: pendulum.Date | None = None
    agreement: str = ""
    default: Outcome = Outcome.PERMITTED
    notes: tuple[str, ...] = ()
    readings: tuple[Reading, ...] = ()
    outcome: Outcome = attrs.field(init=False)
    conditions: tuple[Condition, ...] = attrs.field(init=False)
    missing: tuple[str, ...] = attrs.field(init=False)
    by_default: bool = attrs.field(init=False)
    # Text that does not depend on the day (the headline, the "Why" section per width, the
    # memo split where the day goes), built on first use. Verdicts an agreement gives for
    # the same answer on other days share this dict, so the explanation is written once
    # per answer, not once per day.
    _texts: dict[object, Any] = attrs.field(init=False, factory=dict, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        set_ = object.__setattr__
        outcome, conditions, missing, by_default = derive(self.rulings, self.default)
        if readings_differ(self.readings):
            outcome, conditions, missing, by_default = (
                Outcome.UNKNOWN,
                (),
                (disputed_missing(self.readings),),
                False,
            )
        set_(self, "outcome", outcome)
        set_(self, "conditions", conditions)
        set_(self, "missing", missing)
        set_(self, "by_default", by_default)

    @classmethod
    def _assemble(
        cls,
        *,
        action: Action,
        action_text: str,
        on: pendulum.Date,
        rulings: tuple[Ruling, ...],
        scenario: Scenario,
        assumptions: tuple[str, ...],
        known_on: pendulum.Date | None,
        agreement: str,
        derived: Derived,
        texts: dict[object, Any],
        default: Outcome = Outcome.PERMITTED,
        notes: tuple[str, ...] = (),
        readings: tuple[Reading, ...] = (),
    ) -> Verdict:
        """A verdict from parts the engine has already computed and checked.

        ``derived`` must be ``derive(rulings, default)`` and ``texts`` a dict shared only
        by verdicts that differ in nothing but ``on``, ``assumptions`` and ``known_on``
        (one answer of one agreement, on the days of its stretch, or of the views of it as
        known on the days of one knowledge stretch): the explanation keeps text in it that
        holds for all of them. This skips ``__init__`` on the agreement's hot path; the
        result equals ``Verdict(...)`` built from the same fields.
        """
        self = object.__new__(cls)
        set_ = object.__setattr__
        set_(self, "action", action)
        set_(self, "action_text", action_text)
        set_(self, "on", on)
        set_(self, "rulings", rulings)
        set_(self, "scenario", scenario)
        set_(self, "assumptions", assumptions)
        set_(self, "known_on", known_on)
        set_(self, "agreement", agreement)
        set_(self, "readings", readings)
        set_(self, "outcome", derived[0])
        set_(self, "conditions", derived[1])
        set_(self, "missing", derived[2])
        set_(self, "by_default", derived[3])
        set_(self, "default", default)
        set_(self, "notes", notes)
        set_(self, "_texts", texts)
        return self

    @property
    def default_reason(self) -> str:
        """Why the default holds, in words: nothing restricts, or no licence grants."""
        return NO_LICENCE_REASON if self.default is Outcome.PROHIBITED else NO_CLAUSE_REASON

    @property
    def reason(self) -> str:
        """The main reason in one line: the deciding ruling's reason, or the default's."""
        if self.by_default:
            return self.default_reason
        deciding = [r for r in self.rulings if r.effect is self.outcome]
        return deciding[0].reason if deciding else NO_CLAUSE_REASON

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        """Every piece of evidence behind the rulings and their amendments."""
        out: list[Evidence] = []
        for r in self.rulings:
            out.extend(e for e in (*r.evidence, *r.amendment.evidence) if e not in out)
        return tuple(out)

    def key(self) -> tuple[object, ...]:
        """What makes two verdicts on different days the same answer."""
        return (
            self.outcome,
            self.conditions,
            self.missing,
            self.by_default,
            tuple(r.key() for r in self.rulings),
            tuple(r.key() for r in self.readings),
        )

    def answer_key(self) -> tuple[object, ...]:
        """The answer alone: outcome, open conditions and missing facts."""
        return (self.outcome, self.conditions, self.missing)

    def headline(self) -> str:
        """One line: the outcome and what it depends on."""
        text = self._texts.get("headline")
        if text is None:
            text = self._texts["headline"] = self._headline()
        return text

    def _headline(self) -> str:
        return headline_for(
            (self.outcome, self.conditions, self.missing, self.by_default), self.default
        )

    def explain(self, *, width: int = 88, format: Literal["text", "markdown"] = "text") -> str:
        """The answer as a memo: the question, the answer, the reasons, then each source once.

        Each ruling names its clause and amendment and the numbers of its sources;
        each source is listed once with the claims it supports under it (see
        :mod:`clausekit.render.explain`).

        Args:
            width: the line width plain text wraps at.
            format: ``"text"`` (for a terminal or an email) or ``"markdown"``.

        Raises:
            RenderFormatError: for any other format, or a width under 40.
            ArgumentTypeError: for a width that is not a whole number.
        """
        return _explainer()(self, width=width, format=format)

    def __str__(self) -> str:
        return self.explain()

    @property
    def dispute_matters(self) -> bool:
        """True when the answer depends on which reading holds (see :attr:`readings`)."""
        return readings_differ(self.readings)

    def _repr_html_(self) -> str:
        """Jupyter shows a verdict as its coloured answer with the explanation folded away."""
        from clausekit.render.html import verdict_to_html

        return verdict_to_html(self)


@functools.cache
def _explainer() -> Callable[..., str]:
    """:func:`clausekit.render.explain.explain`, imported on first use and then kept.

    An import statement in :meth:`Verdict.explain` itself cost more than a remembered
    explanation (about 1 µs a call): the renderers load only when first asked for.
    """
    from clausekit.render.explain import explain

    return explain
