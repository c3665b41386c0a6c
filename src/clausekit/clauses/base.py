"""What every clause kind shares, and the context a clause rules in.

A clause kind is a frozen attrs class with the common fields of
:class:`ClauseBase` (``id``, ``title``, ``evidence``, ``until``, ``note``) and
its own terms, registered by a class keyword::

    @attrs.frozen(kw_only=True)
    class NonCompete(ck.ClauseBase, kind="non-compete"):
        bound: str
        party_fields = ("bound",)
        def verbs(self): return frozenset({"compete"})
        def rule(self, action, ctx): ...

The hooks a kind may override (every one has a working default):

- ``party_fields`` (class attribute): which of its fields name parties
  (checked and resolved by the agreement);
- ``verbs()``: the verbs of the actions it may rule on;
- ``ruled_subjects()``: the subjects of the actions it may rule on (None:
  any); the agreement asks it only about those, as only about its verbs;
- ``subjects()``: the subjects it speaks of (its scope), for the agreement's
  vocabulary;
- ``references()``: ids of other clauses it refers to (checked to exist);
- ``rule(action, ctx)``: what it says about a resolved action on a day, or
  ``None`` when it does not govern that action;
- ``summary()``: its terms in words;
- ``consent_parties()``: the parties whose consent lifts it for an action
  it governs (the checker matches waivers and purchases against them);
- ``restricted_parties()`` and ``allowed_counterparty()``: whose actions it
  may refuse, and the counterparty it always lets them deal with (the
  checker asks a clause only about actions it may refuse);
- ``check(ctx)``: the problems of this kind the consistency checker
  reports (:mod:`clausekit.check`), given a
  :class:`~clausekit.check.CheckContext`; none by default;
- ``change_points(scenario)``: extra days its answer may change (a deadline);
- ``as_known_on(day)``: the clause with the terms not yet reported by ``day``
  undisclosed;
- ``ends_on_trigger()``, ``starts_on_trigger()``, ``trigger(scenario)`` and
  ``assumption(scenario, affected, day)``: for a clause that ends or starts
  other clauses when an event of the scenario fires it (see
  :mod:`clausekit.clauses.trigger`); ``trigger_event`` (class attribute)
  names that event in words;
- ``payment_terms(payer)`` and ``payment(revenue, scenario)``: for a clause
  that makes a party owe a share of its revenue (see
  :mod:`clausekit.clauses.payment`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar, cast

import attrs
import pendulum

from clausekit._shared import frozen
from clausekit.clauses.carve_out import CarveOut
from clausekit.clauses.scope import covers, scope_converter, subjects_text
from clausekit.errors import AgreementError, KindError
from clausekit.evidence import Evidence, require_evidence
from clausekit.evidence.citations import evidence_tuple
from clausekit.registry import CLAUSE_KINDS, register_subclass
from clausekit.scenario import ConsentGiven, ConsentRefused, Scenario
from clausekit.time import to_day
from clausekit.verdict import Condition, Finding, Outcome

if TYPE_CHECKING:
    from clausekit.check import CheckContext, Diagnostic
    from clausekit.clauses.payment import Payment
    from clausekit.clauses.trigger import Trigger
    from clausekit.clauses.waiver import Waiver
    from clausekit.money import Money

__all__ = [
    "ClauseBase",
    "Context",
    "Resolved",
    "covers",
    "scope_converter",
    "subjects_text",
    "valid_id",
]


@attrs.frozen
class Resolved:
    """An action as the agreement reads it: canonical party names, its qualifiers and default.

    Attributes:
        actor: who acts (canonical name, or an outsider's name).
        verb: what it does.
        counterparty: with whom, or None.
        subject: over which subject ("" for none).
        text: the action in words.
        qualifiers: words that may bring the action under a clause's carve-out.
        default: what holds where no clause speaks.
        notes: what the answer should say about the question itself (an
            outsider, a verb no clause speaks of).
    """

    actor: str
    verb: str
    counterparty: str | None
    subject: str
    text: str
    qualifiers: frozenset[str] = frozenset()
    default: Outcome = Outcome.PERMITTED
    notes: tuple[str, ...] = ()


def valid_id(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    """attrs validator: an id is non-empty text without spaces (clauses, amendments, agreements)."""
    # One whitespace split is [value] exactly when value is non-empty and has no whitespace.
    if not isinstance(value, str) or value.split(None, 1) != [value]:
        raise AgreementError(
            f"{type(instance).__name__}.{attribute.name}={value!r} must be a non-empty id "
            "without spaces, e.g. 'exclusivity-compute'."
        ).at(field=attribute.name)


def _evidence(value: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return evidence_tuple(value)  # one tuple for the same evidence, shared


def _until(value: object) -> pendulum.Date | None:
    return None if value is None else to_day(value, field="until")


def _carve_outs(value: Iterable[CarveOut]) -> tuple[CarveOut, ...]:
    # A function rather than ``converter=tuple``: for a built-in converter attrs reads
    # the signature from its text, which costs ``import clausekit`` about 10 ms
    # (the tokenizer's patterns), once for each of the dozen clause classes.
    return tuple(value)


@attrs.frozen(kw_only=True)
class ClauseBase:
    """The fields every clause has.

    Attributes:
        id: unique within the agreement; amendments end or replace clauses by id.
        title: a short human title.
        evidence: at least one piece of evidence.
        until: the day the clause stops (excluded), when its own term ends it.
        note: anything a reader should know (what is reported rather than contract text).
    """

    kind: ClassVar[str] = ""
    """The kind's tag in contract files, set by the ``kind=`` class keyword."""

    def __init_subclass__(cls, kind: str | None = None, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        register_subclass(CLAUSE_KINDS, cls, kind)

    id: str = attrs.field(validator=valid_id)
    title: str
    evidence: tuple[Evidence, ...] = attrs.field(converter=_evidence)
    until: pendulum.Date | None = attrs.field(default=None, converter=_until)
    note: str = ""
    carve_outs: tuple[CarveOut, ...] = attrs.field(default=(), converter=_carve_outs)

    def __attrs_post_init__(self) -> None:
        cls = type(self)
        if "__attrs_attrs__" not in cls.__dict__:
            raise KindError(
                f"{cls.__qualname__} is not an attrs class of its own; decorate it with "
                "@attrs.frozen(kw_only=True) so its fields are part of the clause.",
                kind=cls.kind,
                cls=cls,
            )
        require_evidence(f"{cls.__name__} {self.id!r}", self.evidence)

    party_fields: ClassVar[tuple[str, ...]] = ()
    """Names of the fields that hold a party name."""

    def parties(self) -> dict[str, str]:
        """Field name → party name, for every field that names a party."""
        out: dict[str, str] = {}
        for name in self.party_fields:
            value = getattr(self, name)
            if isinstance(value, str):
                out[name] = value
            elif isinstance(value, frozenset):
                for i, item in enumerate(sorted(value)):
                    out[f"{name}[{i}]"] = item
        return out

    def with_canonical_parties(self, canonical: Callable[[str], str]) -> ClauseBase:
        """The same clause with every party name replaced by ``canonical(name)``.

        Returns the clause itself when every name is already canonical.
        """
        changes: dict[str, Any] = {}
        for name in self.party_fields:
            value = getattr(self, name)
            new: object = value
            if isinstance(value, str):
                new = canonical(value)
            elif isinstance(value, frozenset):
                new = frozen(canonical(v) for v in value)
            if new != value:
                changes[name] = new
        carve_outs = tuple(c.with_canonical_parties(canonical) for c in self.carve_outs)
        if carve_outs != self.carve_outs:
            changes["carve_outs"] = carve_outs
        if not changes:
            return self
        return _renamed(self, changes)

    def verbs(self) -> frozenset[str] | None:
        """The verbs of the actions this clause may rule on; None when it may rule on any.

        The agreement asks a clause only about actions whose verb is listed
        here, so a kind that overrides :meth:`rule` either lists its verbs or
        keeps the default, None. A kind that never rules lists none.
        """
        return _NO_VERBS if type(self).rule is ClauseBase.rule else None

    def ruled_subjects(self) -> frozenset[str] | None:
        """The subjects of the actions this clause may rule on (a subject within one of them
        included); None when it may rule on any subject (the default).

        The agreement asks a clause only about actions on these subjects, so
        that the clauses in force on other subjects cost a question nothing.
        """
        return None

    def subjects(self) -> frozenset[str]:
        """The subjects this clause speaks of (its scope); empty when it names none.

        The default reads a field named ``scope`` when the kind has one.
        """
        scope = getattr(self, "scope", None)
        return scope if isinstance(scope, frozenset) else frozenset()

    def references(self) -> frozenset[str]:
        """Ids of the other clauses this clause refers to; the agreement checks they exist."""
        return frozenset()

    def rule(self, action: Resolved, ctx: Context) -> Finding | None:
        """What the clause says about ``action`` under ``ctx``; None when it does not govern it."""
        return None

    def carved_out(self, action: Resolved) -> CarveOut | None:
        """The first of the clause's carve-outs that covers ``action``, if any."""
        for carve_out in self.carve_outs:
            if carve_out.covers(
                qualifiers=action.qualifiers,
                counterparty=action.counterparty,
                subject=action.subject,
            ):
                return carve_out
        return None

    def summary(self) -> str:
        """The clause's terms in words."""
        return self.title

    def consent_parties(self) -> frozenset[str]:
        """The parties whose consent lifts this clause for an action it governs (none by default)."""
        return frozenset()

    def restricted_parties(self) -> frozenset[str] | None:
        """Of the parties this clause names, those whose actions it may prohibit or make
        conditional; None: any of them.

        The checker asks a clause about an action another clause records only
        when its actor is one of these, so a kind that only ever permits
        returns none. The default: none for a kind that never rules, else None.
        """
        return _NO_VERBS if type(self).rule is ClauseBase.rule else None

    def allowed_counterparty(self) -> str | None:
        """A counterparty this clause never refuses (an exclusive beneficiary), or None.

        The checker does not ask the clause about dealings with that party.
        """
        return None

    def check(self, ctx: CheckContext) -> Iterator[Diagnostic]:
        """The problems of this clause the consistency checker reports; none by default.

        ``ctx`` holds every clause's life and finds the ones in force together
        (see :class:`clausekit.check.CheckContext`). Yield
        :class:`clausekit.check.Diagnostic` values, built with ``ctx.diagnostic``.
        """
        return iter(())

    # Facts in time (see clausekit.scenario and clausekit.agreement.knowledge).

    def change_points(self, scenario: Scenario) -> tuple[pendulum.Date, ...]:
        """Days on which the clause's answer may change under ``scenario`` beyond its facts'
        own days (a response window's deadline); the agreement splits timelines there."""
        return ()

    def as_known_on(self, day: pendulum.Date) -> ClauseBase:
        """The clause as the public could know it on ``day``: a term first reported later
        is undisclosed. The default knows every term from the start."""
        return self

    def reported_days(self) -> tuple[pendulum.Date, ...]:
        """The days a term of this clause was first reported (where :meth:`as_known_on` changes)."""
        return ()

    # Clauses that end or start others when an event fires them (see clausekit.clauses.trigger).

    trigger_event: ClassVar[str] = "its trigger fires"
    """The event that fires the clause, in words, to follow "only once" ("AGI is declared")."""

    def ends_on_trigger(self) -> frozenset[str]:
        """Ids of the clauses that end on the day :meth:`trigger` fires; none by default."""
        return frozenset()

    def starts_on_trigger(self) -> frozenset[str]:
        """Ids of the clauses that lie dormant until :meth:`trigger` fires; none by default."""
        return frozenset()

    def trigger(self, scenario: Scenario) -> Trigger | None:
        """When the clause fires under ``scenario``, or None when it does not (the default).

        Only a clause that ends or starts others fires; the agreement asks it
        while it is in force, and the trigger's day is a change point.
        """
        return None

    def assumption(self, scenario: Scenario, affected: str, day: pendulum.Date) -> str | None:
        """What an answer on ``day`` takes as given about clause ``affected`` (one this clause
        ends or starts) when ``scenario`` does not fire it; None when the scenario settles
        it (the default): "no AGI declaration up to <day> (the scenario gives none); ..."."""
        return None

    # Clauses that make a party owe money (see clausekit.clauses.payment).

    def payment_terms(self, payer: str) -> tuple[object, ...] | None:
        """The terms on which this clause makes ``payer`` (a canonical name) owe money,
        comparable between clauses (equal terms owe the same), or None when it makes
        ``payer`` owe nothing (the default)."""
        return None

    def payment(self, revenue: Money, scenario: Scenario) -> Payment:
        """What this clause makes owed on ``revenue`` under ``scenario`` (an assumed rate).

        Asked only of a clause whose :meth:`payment_terms` bind the payer.
        """
        raise NotImplementedError(
            f"{type(self).__name__} gives payment_terms() but not payment(); a kind that makes "
            "a party owe money overrides both."
        )


@attrs.frozen
class Context:
    """What a clause may consult when it rules: the day, the facts and the clauses in force.

    Attributes:
        on: the day asked about.
        scenario: the facts holding on that day, without their days
            (:meth:`~clausekit.scenario.Scenario.as_of`).
        in_force: the clauses in force that day that may speak to the action
            (by :meth:`ClauseBase.verbs` and :meth:`ClauseBase.ruled_subjects`), and
            the consents given in advance for its verb (:meth:`consents_on`).
        history: every fact with its day (for a response window), or None when
            it is ``scenario`` itself.
        consents: the consents given in advance among ``in_force`` (see
            :meth:`consents_on`), when the caller has picked them out already;
            None: :meth:`consent` looks for them in ``in_force``.
    """

    on: pendulum.Date
    scenario: Scenario
    in_force: tuple[ClauseBase, ...]
    history: Scenario | None = None
    consents: tuple[ClauseBase, ...] | None = None

    @property
    def facts(self) -> Scenario:
        """Every fact with its day: :attr:`history`, else :attr:`scenario`."""
        return self.scenario if self.history is None else self.history

    def consent(self, party: str, ruling_clause: ClauseBase, action: Resolved) -> Finding | None:
        """Whether ``party`` consents to ``action``, for the clause ``ruling_clause``.

        A standing consent (a :class:`~clausekit.clauses.waiver.Waiver` in
        force that covers the action) or ``ConsentGiven`` in the scenario give
        ``PERMITTED``; ``ConsentRefused`` gives ``PROHIBITED``; otherwise the
        answer is ``CONDITIONAL`` on the consent. Returns None only when
        nothing decides and the caller should build its own condition.
        """
        # By kind rather than isinstance: waiver.py imports this module, and an import
        # statement here would run on every ruling.
        standing = self.in_force if self.consents is None else self.consents
        waivers: list[Waiver] = [
            w
            for w in cast("tuple[Waiver, ...]", standing)
            if w.kind == "waiver" and w.covers(party, ruling_clause.id, action)
        ]
        if waivers:
            names = ", ".join(repr(w.id) for w in waivers)
            return Finding(
                Outcome.PERMITTED,
                f"{party} has already consented: {names} ({waivers[0].title}).",
                relies_on=tuple(waivers),
            )
        if not self.scenario:
            return None
        condition = _consent_condition(party)
        if condition.satisfied_by[0] in self.scenario:
            return Finding(Outcome.PERMITTED, f"{party} consents (given in the scenario).")
        if condition.refuted_by[0] in self.scenario:
            return Finding(Outcome.PROHIBITED, f"{party} refuses consent (given in the scenario).")
        return None

    @staticmethod
    def consents_on(clause: ClauseBase) -> frozenset[str]:
        """The verbs of the actions for which ``clause``, in force, is a consent :meth:`consent`
        reads: a waiver's verb; none for any other clause."""
        return frozenset((getattr(clause, "verb", ""),)) if clause.kind == "waiver" else frozenset()

    @staticmethod
    def consent_condition(party: str) -> Condition:
        """The open condition "``party`` consents"."""
        return _consent_condition(party)


@functools.lru_cache(maxsize=1024)
def _consent_condition(party: str) -> Condition:
    # Conditions are immutable: one per party serves every ruling that needs its consent.
    return Condition(
        text=f"{party} consents",
        satisfied_by=(ConsentGiven(by=party),),
        refuted_by=(ConsentRefused(by=party),),
    )


def _renamed(clause: ClauseBase, changes: dict[str, Any]) -> ClauseBase:
    """``attrs.evolve(clause, **changes)`` for a clause whose party names change, at a
    fraction of the cost.

    Every other field of ``clause`` was converted and validated when it was built, and
    converting it again gives the same value: only the changed fields go through their
    converters and validators, and the kind's own checks (``__attrs_post_init__``) run
    again, so a check across fields sees the new names. A kind with its own ``__init__``
    or ``__attrs_pre_init__``, a field ``__init__`` does not take, a converter that takes
    the instance, or a cached hash is built through ``attrs.evolve``.
    """
    cls = type(clause)
    plan = _COPYABLE.get(cls)
    if plan is None:
        plan = _COPYABLE[cls] = _copyable(cls)
    if plan is _EVOLVE:
        return attrs.evolve(clause, **changes)
    names, fields = plan
    for name, value in changes.items():
        converter = fields[name].converter
        if converter is not None:
            changes[name] = converter(value)  # type: ignore[operator]
    made = object.__new__(cls)
    put = object.__setattr__
    for name in names:
        put(made, name, changes[name] if name in changes else getattr(clause, name))
    for name, value in changes.items():
        field = fields[name]
        if field.validator is not None:
            field.validator(made, field, value)
    post_init = getattr(made, "__attrs_post_init__", None)
    if post_init is not None:
        post_init()
    return made


_Plan = tuple[tuple[str, ...], dict[str, "attrs.Attribute[Any]"]]

_EVOLVE: _Plan = ((), {})
"""The plan of a kind copied through ``attrs.evolve``."""

_NO_VERBS: frozenset[str] = frozenset()
"""The verbs of a kind that never rules: one empty set for every clause (each is 216 bytes)."""

_COPYABLE: dict[type, _Plan] = {}
"""Per kind: its field names and fields by name, for a copy made field by field (_renamed)."""


def _copyable(cls: type) -> _Plan:
    fields: tuple[attrs.Attribute[Any], ...] = attrs.fields(cls)
    init = getattr(cls.__init__, "__code__", None)  # type: ignore[misc]
    if (
        init is None
        or not init.co_filename.startswith("<attrs generated")  # a kind's own __init__
        or hasattr(cls, "__attrs_pre_init__")
        or "_attrs_cached_hash" in getattr(cls, "__slots__", ())
        or any(not field.init or isinstance(field.converter, attrs.Converter) for field in fields)
    ):
        return _EVOLVE
    return tuple(field.name for field in fields), {field.name: field for field in fields}
