"""Reading a question as the agreement does: canonical party names (or outsiders), the
vocabulary checked, the action's default and qualifiers; scenarios with canonical names."""

from __future__ import annotations

from clausekit.actions import Action, ActionBase
from clausekit.agreement.compiled import _NO_FACTS, _Compiled
from clausekit.clauses import Resolved
from clausekit.errors import QuestionError, UnknownClauseError, UnknownPartyError
from clausekit.parties import Party
from clausekit.scenario import Scenario

__all__ = ["resolve", "resolve_scenario"]


def _party_of(
    compiled: _Compiled,
    value: object,
    *,
    kind: str,
    role: str,
    outsiders: list[str],
    named: list[str],
) -> str:
    """The canonical name of a party field: text must name a party of the agreement (else
    UnknownPartyError with suggestions); a Party the agreement does not list is an outsider,
    and one it lists as ``outsider`` is named by its terms without being a party."""
    registry = compiled.registry
    if isinstance(value, Party):
        try:
            name = registry.canonical(value.name)
        except UnknownPartyError:
            outsiders.append(value.name)
            return value.name
    else:
        # The name as the agreement spells it needs no message: the text of ``where`` is
        # only written for a name the registry must fold or does not know.
        found = registry.spelled(value)
        name = found if found is not None else registry.canonical(value, where=f"{kind} ({role})")  # type: ignore[arg-type]
    if name in registry.outsiders:
        named.append(name)
    return name


def resolve(compiled: _Compiled, action: Action, *, agreement: str) -> Resolved:
    """The action as this agreement reads it (see :class:`~clausekit.clauses.base.Resolved`)."""
    if not isinstance(action, ActionBase):
        raise QuestionError(
            f"action={action!r} is not a clausekit action; ask about one such as "
            "ck.ProcureCompute(...), ck.UseIP(...) or ck.Act(actor=..., verb=...).",
        )
    kind = type(action).__name__
    outsiders: list[str] = []
    named: list[str] = []
    actor = _party_of(
        compiled, action.actor, kind=kind, role="actor", outsiders=outsiders, named=named
    )
    other = action.counterparty
    counterparty = (
        None
        if other is None
        else _party_of(
            compiled, other, kind=kind, role="counterparty", outsiders=outsiders, named=named
        )
    )
    notes = compiled.vocabulary.check(verb=action.verb, subject=action.subject, agreement=agreement)
    if outsiders or named:
        notes = (
            *(
                f"{name} is not a party to the agreement (asked about as an outsider)"
                for name in dict.fromkeys(outsiders)
            ),
            *(
                f"{name} is not a party to the agreement (an outsider its terms name)"
                for name in dict.fromkeys(named)
            ),
            *notes,
        )
    return Resolved(
        actor=actor,
        verb=action.verb,
        counterparty=counterparty,
        subject=action.subject,
        text=action.describe(actor, counterparty),
        qualifiers=action.qualifiers,
        default=action.default_for(actor, counterparty),
        notes=notes,
    )


def resolve_scenario(compiled: _Compiled, scenario: Scenario | None) -> Scenario:
    """The scenario with the agreement's names, its clause references checked."""
    if scenario is None:
        return _NO_FACTS
    if not isinstance(scenario, Scenario):
        raise QuestionError(
            f"scenario={scenario!r} is not a clausekit.Scenario; build one with "
            "Scenario(fact, ...)."
        )
    if not scenario:
        return scenario
    registry = compiled.registry
    clause_ids = compiled.clause_ids
    for fact in scenario:
        for ref in fact.references():
            if ref not in clause_ids:
                raise UnknownClauseError.for_id(
                    ref, clause_ids, where=f"The scenario's fact {fact!r}"
                )
    return scenario.resolved(lambda name: registry.canonical(name, where="the scenario"))
