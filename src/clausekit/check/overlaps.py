"""Overlaps and conflicts: clauses in force together that clash, or that rule on what another records.

Helpers for the :meth:`~clausekit.ClauseBase.check` hooks of clause kinds;
each kind decides what clashes and words its own diagnostics.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from typing import TYPE_CHECKING

from clausekit.actions import verb_phrase
from clausekit.check.context import CheckContext, Grouping, restricting
from clausekit.check.lives import Life, together
from clausekit.clauses.base import Context, Resolved
from clausekit.clauses.scope import covers
from clausekit.scenario import Scenario
from clausekit.time import Period

if TYPE_CHECKING:
    from clausekit.verdict import Finding

__all__ = ["clashes", "rulings", "shared_subjects"]

_NO_FACTS = Scenario()


def shared_subjects(a: frozenset[str], b: frozenset[str]) -> frozenset[str] | None:
    """The subjects both scopes cover: ``frozenset()`` for every subject, None for none.

    Examples:
        >>> shared_subjects(frozenset({"api", "training"}), frozenset({"api"}))
        frozenset({'api'})
        >>> shared_subjects(frozenset(), frozenset()), shared_subjects(frozenset({"a"}), frozenset({"b"}))
        (frozenset(), None)
    """
    if not a:
        return b
    if not b:
        return a
    # Subjects nest: "patent/diagnostics" is shared by a scope naming "patent".
    return frozenset({x for x in a if covers(b, x)} | {y for y in b if covers(a, y)}) or None


def clashes(
    ctx: CheckContext,
    life: Life,
    grouping: Grouping,
    key: Hashable,
    *,
    unlike: Hashable,
    subjects: frozenset[str],
) -> Iterator[tuple[Life, frozenset[str], Period]]:
    """The later-added lives of group ``key`` tagged otherwise, in force with ``life`` on shared subjects.

    Yields ``(other, shared subjects, days together)``; each pair comes once,
    from the clause added first.
    """
    for other in ctx.alongside(life, grouping, key, unlike=unlike, sharing=subjects):
        if other.order < life.order:
            continue
        shared = shared_subjects(subjects, other.clause.subjects())
        when = together((life, other))
        if shared is not None and when is not None:
            yield other, shared, when


def rulings(
    ctx: CheckContext,
    life: Life,
    *,
    actor: str,
    verb: str,
    counterparty: str,
    subjects: frozenset[str],
) -> Iterator[tuple[Life, frozenset[str], Period, Finding]]:
    """What the other clauses in force with ``life`` say about an action it records, when not a yes.

    The action is ``actor`` doing ``verb`` with ``counterparty`` on
    ``subjects`` (empty: any). Each other clause that may refuse it (it names
    ``actor`` among its ``restricted_parties()``, speaks on ``verb`` and on a
    shared subject, and ``counterparty`` is not its ``allowed_counterparty()``)
    is asked, on the first day both are in force, with no facts, and with the
    consents given in advance (waivers) in force alongside it. Yields
    ``(other, shared subjects, days together, its finding)`` for each clause
    whose finding is not ``PERMITTED``.
    """
    from clausekit.verdict import Outcome

    seen: set[str] = set()
    actions: dict[str, Resolved] = {}
    for key in ((verb, actor), (None, actor)):
        for other in ctx.alongside(life, restricting, key, unlike=counterparty, sharing=subjects):
            if other.id in seen:
                continue
            seen.add(other.id)
            shared = shared_subjects(subjects, other.clause.subjects())
            when = together((life, other))
            if shared is None or when is None:
                continue
            consents = ctx.consents_given(other, actor)
            rule_ctx = Context(on=when.start, scenario=_NO_FACTS, in_force=consents)
            for subject in sorted(shared) or [""]:
                action = actions.get(subject)
                if action is None:
                    action = actions[subject] = Resolved(
                        actor=actor,
                        verb=verb,
                        counterparty=counterparty,
                        subject=subject,
                        text=f"{actor}: {verb_phrase(verb)}"
                        + (f" ({subject})" if subject else "")
                        + f" with {counterparty}",
                    )
                finding = other.clause.rule(action, rule_ctx)
                if finding is not None and finding.effect is not Outcome.PERMITTED:
                    yield other, shared, when, finding
                    break
