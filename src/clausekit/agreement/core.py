"""The agreement: parties and amendments, and the questions it answers."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, overload

import attrs
import pendulum

from clausekit.actions import Action
from clausekit.agreement import (
    knowledge,
    money,
    readings,
    resolution,
    rulings,
    timelines,
    triggers,
    uncertain,
)
from clausekit.agreement.amendment import Amendment, InForce
from clausekit.agreement.compiled import (
    _NO_FACTS,
    _Among,
    _Answer,
    _compile,
    _Compiled,
    _remember,
)
from clausekit.agreement.owed import Owed
from clausekit.agreement.vocabulary import Vocabulary
from clausekit.clauses import Clause, Resolved, agi
from clausekit.clauses.base import valid_id
from clausekit.errors import (
    AgreementError,
    InvalidPeriodError,
    QuestionError,
    UnknownClauseError,
    closest,
)
from clausekit.money import to_money
from clausekit.parties import Party, PartyRegistry, to_parties
from clausekit.scenario import Scenario
from clausekit.time import DateRange, Period, to_day, to_period
from clausekit.timeline import Comparison, Timeline
from clausekit.verdict import Verdict

if TYPE_CHECKING:
    from clausekit.check import Report
    from clausekit.render.clause_map import ClauseMap


def _party_tuple(value: Iterable[Party]) -> tuple[Party, ...]:
    return to_parties(value)  # each checked to be a Party, naming its index


def _amendment_tuple(value: Iterable[Amendment]) -> tuple[Amendment, ...]:
    return tuple(value)


def _optional_start(value: object) -> pendulum.Date | None:
    return None if value is None else to_day(value, field="start")


def _optional_known(value: object) -> pendulum.Date | None:
    return None if value is None else to_day(value, field="known_on")


@attrs.frozen(kw_only=True)
class Agreement:
    """Parties and the ordered amendments between them; asks and answers questions.

    Attributes:
        id: a short id (``"acme-beta-supply"``).
        title: a human title.
        parties: every party any clause or question may name.
        amendments: in order of their effective dates; the first is the original agreement.
        start: the day the agreement starts (defaults to the first amendment's day).
        description: a paragraph for readers.
        known_on: for an agreement "as known on" a day (see :meth:`as_known_on`), that day.

    Raises:
        AgreementError: for duplicate ids, unordered amendments, an amendment
            before the start, ending an unknown or already ended clause.
        UnknownPartyError: for a clause that names an unknown party.
        InvalidPeriodError: for a clause that ends before it starts.
    """

    id: str = attrs.field(validator=valid_id)
    title: str
    parties: tuple[Party, ...] = attrs.field(converter=_party_tuple)
    amendments: tuple[Amendment, ...] = attrs.field(converter=_amendment_tuple)
    start: pendulum.Date | None = attrs.field(default=None, converter=_optional_start)
    description: str = ""
    known_on: pendulum.Date | None = attrs.field(default=None, converter=_optional_known)
    _compiled: _Compiled = attrs.field(init=False, repr=False, eq=False)
    # Facts in time: the reading with uncertain amendments at their latest days (uncertain.py).
    _latest: Agreement | None = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        if not self.amendments:
            raise AgreementError(
                f"Agreement {self.id!r} has no amendments; the first amendment is the original "
                "agreement and must add its clauses."
            ).at(field="amendments")
        registry = PartyRegistry(self.parties)
        start = self.start if self.start is not None else self.amendments[0].effective
        object.__setattr__(self, "_compiled", _compile(self.amendments, registry, start))
        object.__setattr__(self, "_latest", uncertain.latest_reading(self))

    def __getstate__(self) -> dict[str, object]:
        # Pickle what the agreement was built from; the compiled change days (and the
        # answers remembered) are rebuilt on arrival, which is smaller to send and
        # faster to load than pickling them.
        return {name: getattr(self, name) for name in _STATE}

    def __setstate__(self, state: dict[str, object]) -> None:
        for name in _STATE:
            object.__setattr__(self, name, state[name])
        self.__attrs_post_init__()

    # ------------------------------------------------------------------ lookups

    @property
    def registry(self) -> PartyRegistry:
        """Resolves party names and aliases."""
        return self._compiled.registry

    @property
    def starts_on(self) -> pendulum.Date:
        """The day the agreement starts."""
        return self._compiled.start

    @property
    def change_days(self) -> tuple[pendulum.Date, ...]:
        """Every day on which the set of clauses in force changes (without scenario facts)."""
        return self._compiled.days

    def vocabulary(self) -> Vocabulary:
        """The verbs, subjects and qualifiers this agreement's clauses speak of.

        A question whose verb or subject looks like a misspelling of one of
        these raises :class:`~clausekit.errors.UnknownTermError`; one unlike
        all of them is answered by the action's default, and says so.
        """
        return self._compiled.vocabulary

    def party(self, name: str) -> Party:
        """The party called ``name`` (name or alias, any case)."""
        return self._compiled.registry.resolve(name)

    def amendment(self, amendment_id: str) -> Amendment:
        """The amendment with id ``amendment_id``.

        Raises:
            UnknownClauseError: with the closest ids.
        """
        for amendment in self.amendments:
            if amendment.id == amendment_id:
                return amendment
        ids = [a.id for a in self.amendments]
        hint = closest(amendment_id, ids)
        raise UnknownClauseError(
            f"No amendment {amendment_id!r} in {self.title!r}."
            + (f" Did you mean {hint[0]!r}?" if hint else "")
            + f" Amendments: {', '.join(ids)}."
        )

    def clause(self, clause_id: str) -> Clause:
        """The clause with id ``clause_id``, as written (whenever it is in force).

        Raises:
            UnknownClauseError: with the closest ids.
        """
        for amendment in self.amendments:
            for clause in amendment.added():
                if clause.id == clause_id:
                    return clause
        raise UnknownClauseError.for_id(
            clause_id, self._compiled.clause_ids, where=f"The question about {self.title!r}"
        )

    # ------------------------------------------------------------------ resolution

    def _resolve(self, action: Action) -> Resolved:
        return resolution.resolve(self._compiled, action, agreement=self.title)

    def _scenario(self, scenario: Scenario | None) -> Scenario:
        return resolution.resolve_scenario(self._compiled, scenario)

    # ------------------------------------------------------------------ in force

    def _effective(
        self, day: pendulum.Date, scenario: Scenario, *, among: _Among | None = None
    ) -> triggers.InForceUnder:
        """Clauses in force on ``day`` under ``scenario``'s events (see :mod:`.triggers`);
        only those of ``among`` when given."""
        return triggers.in_force_under(self._compiled, day, scenario, among=among)

    def in_force(self, *, on: object, scenario: Scenario | None = None) -> tuple[InForce, ...]:
        """The clauses in force on ``on`` (under ``scenario``'s dated facts), in agreement order.

        A clause whose standing depends on an unverified AGI declaration is listed,
        and so is one an amendment with an uncertain effective date may already
        have added (the earliest reading; ``ask`` gives both readings).
        """
        day = to_day(on, field="on")
        return tuple(self._effective(day, self._scenario(scenario)).items)

    def changes(self, start: object, end: object) -> tuple[Amendment, ...]:
        """The amendments that take effect after ``start`` and on or before ``end``."""
        a, b = to_day(start, field="start"), to_day(end, field="end")
        if b < a:
            raise InvalidPeriodError.inverted(a, b, where="changes()")
        return tuple(x for x in self.amendments if a < x.effective <= b)

    # ------------------------------------------------------------------ asking

    def _facts(self, scenario: Scenario | None) -> tuple[Scenario, tuple[pendulum.Date, ...]]:
        """The scenario with canonical names, and every change point under it (remembered)."""
        compiled = self._compiled
        if scenario is None and self._latest is None:  # no facts: no dated fact adds a point
            return _NO_FACTS, compiled.days
        # Anything but a Scenario is refused by _scenario (QuestionError), before hashing.
        known = scenario is None or isinstance(scenario, Scenario)
        found = compiled.scenarios.get(scenario) if known else None
        if found is None:
            facts = self._scenario(scenario)
            found = (facts, tuple(sorted(set(self._change_points(facts)))))
            _remember(compiled.scenarios, scenario, found)
        return found

    def _answer(
        self,
        action: Action,
        scenario: Scenario | None,
        facts: Scenario,
        points: tuple[pendulum.Date, ...],
        day: pendulum.Date,
    ) -> _Answer:
        """The answer for ``day``: remembered per (action, scenario, stretch between points)."""
        compiled = self._compiled
        key = (action, scenario, bisect.bisect_right(points, day))
        answer = compiled.answers.get(key)
        if answer is None:
            answer = self._work_out(self._resolved(action), day, facts)
            _remember(compiled.answers, key, answer)
        return answer

    def _resolved(self, action: Action) -> Resolved:
        """The action as this agreement reads it (remembered); raises for an unknown party."""
        compiled = self._compiled
        resolved = compiled.resolved.get(action)
        if resolved is None:
            resolved = self._resolve(action)
            _remember(compiled.resolved, action, resolved)
        return resolved

    def _answer_once(
        self, action: Action, day: pendulum.Date, scenario: Scenario | None
    ) -> Verdict:
        """``ask(action, on=day, scenario=scenario)`` for a caller that asks it only once.

        Same verdict, but nothing is remembered: clausekit.portfolio asks each agreement
        of a portfolio one question, so remembering would only cost time and memory.
        """
        facts, _ = self._facts(scenario)
        answer = self._work_out(self._resolve(action), day, facts, remember=False)
        return self._verdict(action, answer, facts, day)

    def _verdict(
        self, action: Action, answer: _Answer, facts: Scenario, day: pendulum.Date
    ) -> Verdict:
        assumptions: tuple[str, ...] = ()
        if answer.assumed:
            words = (clause.assumption(facts, affected, day) for clause, affected in answer.assumed)
            assumptions = tuple(dict.fromkeys(w for w in words if w is not None))
        return Verdict._assemble(
            action=action,
            action_text=answer.resolved.text,
            on=day,
            rulings=answer.rulings,
            scenario=facts,
            assumptions=assumptions,
            known_on=self.known_on,
            agreement=self.title,
            derived=answer.derived,
            texts=answer.texts,
            default=answer.resolved.default,
            notes=answer.resolved.notes,
            readings=answer.readings,
        )

    def _work_out(
        self, resolved: Resolved, day: pendulum.Date, scenario: Scenario, *, remember: bool = True
    ) -> _Answer:
        """The answer on ``day``, per reading where facts are disputed or a date uncertain."""
        if scenario.disputes or self._latest is not None:
            return readings.work_out(self, resolved, day, scenario)
        return self._work_out_plain(resolved, day, scenario, remember=remember)

    def _work_out_plain(
        self, resolved: Resolved, day: pendulum.Date, scenario: Scenario, *, remember: bool = True
    ) -> _Answer:
        """The rulings of every clause in force on ``day`` that speaks to the action
        (:func:`clausekit.agreement.rulings.work_out`)."""
        return rulings.work_out(self, resolved, day, scenario, remember=remember)

    @overload
    def ask(
        self,
        action: Action,
        *,
        on: object,
        during: None = None,
        scenario: Scenario | None = None,
    ) -> Verdict: ...

    @overload
    def ask(
        self,
        action: Action,
        *,
        on: None = None,
        during: object,
        scenario: Scenario | None = None,
    ) -> Timeline: ...

    def ask(
        self,
        action: Action,
        *,
        on: object = None,
        during: object = None,
        scenario: Scenario | None = None,
    ) -> Verdict | Timeline:
        """May ``action`` be done on a day (``on=``) or during a period (``during=``)?

        Args:
            action: what a party wants to do.
            on: a calendar day; returns a :class:`~clausekit.verdict.Verdict`.
            during: a period (``"2025-01"``, a :class:`~clausekit.time.Period`);
                returns a :class:`~clausekit.timeline.Timeline` split at every change.
            scenario: the facts to assume; any fact not given is unknown.

        Raises:
            QuestionError: when neither or both of ``on`` and ``during`` are given.
            UnknownPartyError: when the action names a party the agreement does not know.
        """
        if (on is None) == (during is None):
            raise QuestionError.on_or_during(on, during)
        if during is not None:
            period = to_period(during, field="during")
            return self._timeline(action, period, scenario)
        day = to_day(on, field="on")
        facts, points = self._facts(scenario)
        answer = self._answer(action, scenario, facts, points, day)
        last = answer.last
        # Views "as known on" days of one knowledge stretch share their answers (knowledge.py)
        # but not their day: the verdict names it.
        if last is not None and last.on == day and last.known_on == self.known_on:
            return last
        verdict = answer.last = self._verdict(action, answer, facts, day)
        return verdict

    def _change_points(self, scenario: Scenario) -> list[pendulum.Date]:
        points = list(self._compiled.days)
        for reading in (
            (scenario,) if not scenario.disputes else (s for _, s in scenario.readings())
        ):
            points += triggers.trigger_days(self._compiled, reading)
            points += readings.fact_change_points(self._compiled, reading)
        if self._latest is not None:
            points += self._latest._change_points(scenario)
        return points

    def _timeline(self, action: Action, period: Period, scenario: Scenario | None) -> Timeline:
        return timelines.timeline(self, action, period, scenario)

    def timeline(
        self, action: Action, *, start: object, end: object, scenario: Scenario | None = None
    ) -> Timeline:
        """The answers from ``start`` (included) to ``end`` (excluded), one segment per answer.

        Computed from the agreement's change points, never day by day.
        """
        period = Period(to_day(start, field="start"), to_day(end, field="end"))
        return self._timeline(action, period, scenario)

    def compare(
        self, action: Action, first: object, second: object, *, scenario: Scenario | None = None
    ) -> Comparison:
        """Both verdicts, and every amendment between the two days that changed the answer."""
        return timelines.compare(self, action, first, second, scenario=scenario)

    def as_known_on(self, day: object) -> Agreement:
        """The agreement as the public could know it on ``day``.

        Only amendments announced on or before ``day`` are kept, only evidence
        published by ``day`` is cited, and a term first reported later is
        undisclosed; the result answers every question as it could have been
        answered then (see :mod:`clausekit.agreement.knowledge`).

        Raises:
            AgreementError: when nothing had been announced by ``day``, or a known
                amendment refers to a clause from one not yet announced.
            AmbiguityError: when ``day`` falls inside an uncertain announcement date.
        """
        return knowledge.as_known_on(self, day)

    def revenue_share(
        self,
        payer: str,
        *,
        revenue: object = None,
        during: object = None,
        scenario: Scenario | None = None,
    ) -> Owed:
        """The revenue share ``payer`` owes on a revenue.

        Give the revenue either as ``revenue=`` and ``during=``, or as one
        :class:`~clausekit.facts.Revenue` fact in ``scenario``. A rate the
        contract does not disclose makes the amount unknown unless the
        scenario assumes one with :class:`~clausekit.facts.AssumedRate`.

        Raises:
            QuestionError: when the revenue is given neither way, or both.
            AmbiguityError: when the revenue-share terms change inside the period
                (split the revenue by period and ask per piece).
        """
        return money.revenue_share(self, payer, revenue=revenue, during=during, scenario=scenario)

    def agi_profit_test(self, profits: object, *, on: object) -> bool | None:
        """Whether ``profits`` meet the AGI profit definition in force on ``on``.

        Returns None when no AGI clause in force records a profit definition.
        """
        day = to_day(on, field="on")
        amount = to_money(profits, field="profits")
        return agi.profit_test((i.clause for i in self._compiled.state(day)), amount)

    def check(self, **options: Any) -> Report:
        """Contradictions and likely mistakes in the agreement; see :func:`clausekit.check.check`."""
        from clausekit.check import check

        return check(self, **options)

    def clause_map(
        self, *, start: object = None, end: object = None, today: object = None
    ) -> ClauseMap:
        """Which clause was in force when, from ``start`` to ``end`` (excluded), as a value.

        See :func:`clausekit.render.clause_map`; the map draws itself with
        ``to_svg()``, ``to_mermaid()`` and ``to_markdown()``.
        """
        from clausekit.render.clause_map import clause_map

        return clause_map(self, start=start, end=end, today=today)

    def _repr_html_(self) -> str:
        """Jupyter shows the title, the parties and the amendments as tables."""
        from clausekit.render.html import agreement_to_html

        return agreement_to_html(self)

    def describe(self) -> str:
        """The agreement's amendments and clauses, in order, as text."""
        lines = [f"{self.title} ({self.id}), from {self.starts_on}"]
        if self.known_on is not None:
            lines[0] += f", as known on {self.known_on}"
        for amendment in self.amendments:
            announced = (
                str(amendment.announced)
                if isinstance(amendment.announced, DateRange)
                else amendment.announced.isoformat()
            )
            lines.append(
                f"- {amendment.effective_range or amendment.effective} {amendment.id}: "
                f"{amendment.title} (announced {announced})"
            )
            for old in amendment.ended():
                lines.append(f"    ends {old}")
            for clause in amendment.added():
                named = clause.with_canonical_parties(self.registry.canonical)
                lines.append(f"    adds {clause.id}: {named.summary()}")
        return "\n".join(lines)


_STATE = tuple(f.name for f in attrs.fields(Agreement) if f.init)
"""The fields an agreement is pickled with (everything but the compiled state)."""
