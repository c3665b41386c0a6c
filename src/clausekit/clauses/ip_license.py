"""IP licence: the licensee may use the licensor's IP within a scope, until a date or trigger.

The licence ends on its ``until`` day or when an AGI clause names it; after
that it no longer speaks.

Examples:
    >>> from clausekit.clauses.ip_license import IPLicense
    >>> from clausekit.evidence import OutsideSource
    >>> src = OutsideSource(url="https://example.org/ip", title="Licence", published="2020-01-01",
    ...                     gloss="Beta may use Acme's models")
    >>> IPLicense(id="ip", title="Model licence", evidence=[src], licensor="Acme",
    ...           licensee="Beta", scope=["models"], exclusive=True).summary()
    'Beta may use the IP of Acme (models), exclusively.'
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from typing import TYPE_CHECKING, ClassVar, final

import attrs

from clausekit.actions import Verb
from clausekit.clauses.base import (
    ClauseBase,
    Context,
    Resolved,
    covers,
    scope_converter,
    subjects_text,
)
from clausekit.verdict import Finding, Outcome

if TYPE_CHECKING:
    from clausekit.check import CheckContext, Diagnostic
    from clausekit.clauses import Clause

__all__ = ["IPLicense"]

_USE_IP = frozenset((Verb.USE_IP.value,))


def _licences(clause: Clause) -> Iterator[tuple[Hashable, Hashable]]:
    """The checker's grouping: IP licences by licensor, tagged by licensee."""
    if isinstance(clause, IPLicense):
        yield clause.licensor, clause.licensee


@final
@attrs.frozen(kw_only=True)
class IPLicense(ClauseBase, kind="ip-license"):
    """``licensee`` may use ``licensor``'s IP for subjects in ``scope``; never for ``excludes``.

    Attributes:
        licensor: the owner of the IP.
        licensee: the party licensed.
        scope: the bodies of IP licensed (``"models"``, ``"research"``); empty = all.
        excludes: bodies of IP expressly left out (``"agi-technology"``).
        exclusive: whether the licence is exclusive: an exclusive licence
            keeps everyone else, the licensor included, from the licensed
            subjects (a carve-out can except some uses).
        licensor_keeps_use: with ``exclusive``, the licensor still uses the
            IP itself (what is often called a *sole* licence): the
            exclusivity keeps out everyone else, but not the licensor.
    """

    party_fields: ClassVar[tuple[str, ...]] = ("licensor", "licensee")

    licensor: str
    licensee: str
    scope: frozenset[str] = attrs.field(factory=frozenset, converter=scope_converter)
    excludes: frozenset[str] = attrs.field(factory=frozenset, converter=scope_converter)
    exclusive: bool = False
    licensor_keeps_use: bool = False

    def verbs(self) -> frozenset[str]:
        """A licence rules on using IP."""
        return _USE_IP

    def rule(self, action: Resolved, ctx: Context) -> Finding | None:
        if action.verb != Verb.USE_IP.value or action.counterparty != self.licensor:
            return None
        if action.actor != self.licensee:
            return self._excludes_others(action)
        if self.excludes and covers(self.excludes, action.subject):
            return Finding(
                Outcome.PROHIBITED,
                f"The licence of {self.licensor}'s IP to {self.licensee} excludes "
                f"{action.subject}.",
            )
        if not covers(self.scope, action.subject):
            return None
        kind = "an exclusive" if self.exclusive else "a non-exclusive"
        until = f" until {self.until}" if self.until else ""
        excluded = f", except {subjects_text(self.excludes)}" if self.excludes else ""
        return Finding(
            Outcome.PERMITTED,
            f"{self.licensee} holds {kind} licence to {self.licensor}'s IP "
            f"({subjects_text(self.scope)}{excluded}){until}.",
            grants=True,
        )

    def ruled_subjects(self) -> frozenset[str] | None:
        """Its scope and the subjects it excludes (None when the scope is empty: every subject)."""
        return self.scope | self.excludes if self.scope else None

    def restricted_parties(self) -> frozenset[str]:
        """The licensor, kept out by an exclusive licence (unless it keeps its use); the
        licensee, when the licence excludes subjects."""
        kept_out = self.exclusive and not self.licensor_keeps_use
        return frozenset(
            [*((self.licensor,) if kept_out else ()), *((self.licensee,) if self.excludes else ())]
        )

    def _excludes_others(self, action: Resolved) -> Finding | None:
        """An exclusive licence keeps everyone else, the licensor included, from its subject."""
        if not self.exclusive or not covers(self.scope, action.subject):
            return None
        if self.licensor_keeps_use and action.actor == self.licensor:
            return None
        if self.excludes and covers(self.excludes, action.subject):
            return None
        return Finding(
            Outcome.PROHIBITED,
            f"{self.licensee} holds an exclusive licence to {self.licensor}'s IP "
            f"({subjects_text(self.scope)}), which excludes {action.actor}.",
        )

    def check(self, ctx: CheckContext) -> Iterator[Diagnostic]:
        """``licence-overlaps-exclusive`` with each later licence of the same IP to another party.

        Two licences of one licensor's IP to different licensees overlap when
        they share subjects on the same days; if either is exclusive, the
        other licensee's use is prohibited by it while its own licence grants it.
        """
        from clausekit.check import overlaps
        from clausekit.check.diagnostic import Severity

        life = ctx.life(self)
        for two, scope, when in overlaps.clashes(
            ctx, life, _licences, self.licensor, unlike=self.licensee, subjects=self.scope
        ):
            other: IPLicense = two.clause  # type: ignore[assignment]
            exclusive = [c for c in (self, other) if c.exclusive]
            if not exclusive:
                continue
            holder = exclusive[0]
            yield ctx.diagnostic(
                Severity.WARNING,
                "licence-overlaps-exclusive",
                f"Clauses {self.id!r} and {other.id!r} both license {self.licensor}'s IP "
                f"({subjects_text(scope)}) during {when}, to {self.licensee} and to "
                f"{other.licensee}; {holder.licensee} holds it exclusively under {holder.id!r}, "
                "so the other licensee's use is prohibited. Narrow the scopes, end one licence, "
                "or add a carve-out to the exclusive one.",
                life,
                two,
                period=when,
            )

    def summary(self) -> str:
        text = f"{self.licensee} may use the IP of {self.licensor} ({subjects_text(self.scope)})"
        if self.excludes:
            text += f", except {subjects_text(self.excludes)}"
        if not self.exclusive:
            return text + ", non-exclusively."
        if self.licensor_keeps_use:
            return text + f", exclusively ({self.licensor} still uses it itself)."
        return text + ", exclusively."
