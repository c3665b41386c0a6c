"""The consistency checker: what an agreement says that cannot all be true, or looks mistaken.

Construction already refuses what can never make sense (a clause ended
twice, an unknown party, a clause ending before it starts). :func:`check`
looks for what construction cannot catch, because each piece is fine on its
own: two exclusivities in force together for different beneficiaries, a
purchase recorded while an exclusivity forbids it, a waiver with nothing to
waive, an amendment announced long after it took effect, an excerpt that is
not in its source. Each :class:`Finding` has a severity, a stable code, the
clause and amendment ids, the days it concerns, and the evidence behind it.

======================================  ========  =====================================================
code                                    severity  what it means
======================================  ========  =====================================================
``contradictory-exclusivity``           error     two exclusivities bind one party, same verb and scope,
                                                  to different beneficiaries, at the same time
``purchase-under-exclusivity``          error/    a compute deal or spend commitment with a provider an
                                        warning   exclusivity (or flat prohibition) in force excludes
``purchase-under-first-refusal``        info      a purchase from a third party while a right of first
                                                  refusal covers it: the holder must have let it go
``competing-first-refusals``            warning   two holders of a right of first refusal over the
                                                  same action at the same time
``never-in-force``                      warning   a clause ended on the day it takes effect
``ends-expired-clause``                 warning   an amendment ends a clause whose own term already
                                                  ended it
``agi-clause-out-of-force``             warning   an AGI clause names a clause never in force while the
                                                  AGI clause is
``waiver-waives-nothing``               warning   a waiver with no clause in force needing its consent
``self-consent``                        warning   a clause the bound party can lift by its own consent
``same-party-both-sides``               warning   one party on both sides of a clause
``announced-long-after``                warning   announced more than ``retroactive_days`` after it took
                                                  effect (retroactive amendments are real: a flag)
``announced-long-before``               warning   announced more than ``advance_days`` before it took
                                                  effect
``announced-before-what-it-changes``    warning   an amendment public before the one that added a clause
                                                  it ends: ``as_known_on`` fails in between
``same-day-amendments``                 warning   two amendments on one day touch the same clause: the
                                                  result depends on their order in the list
``excerpt-not-in-source``               error     a seed excerpt that does not occur in its article
``source-missing``                      warning   a cited seed article is not in the ``sources`` folder
``unknown-claim``                       warning   evidence names a claim id the evidence base lacks
``evidence-differs-from-claim``         warning   evidence names a claim but quotes something else
``disputed-evidence``                   info      evidence rests on a claim the sources disagree about
======================================  ========  =====================================================

Examples:
    >>> import clausekit as ck
    >>> src = ck.OutsideSource(url="https://example.org/d", title="Deal", published="2020-01-01",
    ...                        gloss="Acme distributes only via Beta, and only via Gamma")
    >>> def only_with(clause_id, beneficiary):
    ...     return ck.Exclusivity(id=clause_id, title=f"Only {beneficiary}", evidence=[src],
    ...                           bound="Acme", beneficiary=beneficiary,
    ...                           verb="appoint-distributor", scope=["DE"])
    >>> deal = ck.Agreement(id="d", title="Deal", parties=[ck.Party(n) for n in ("Acme", "Beta", "Gamma")],
    ...     amendments=[ck.Amendment(id="signed", title="Signed", effective="2020-01-01", evidence=[src],
    ...                              adds=[only_with("excl-beta", "Beta"), only_with("excl-gamma", "Gamma")])])
    >>> report = deal.check()
    >>> report.has_errors
    True
    >>> [(f.severity.value, f.code, f.clauses) for f in report]
    [('error', 'contradictory-exclusivity', ('excl-beta', 'excl-gamma'))]
"""

from __future__ import annotations

import enum
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import attrs
import pendulum

from clausekit.actions import Verb, verb_phrase
from clausekit.agreement import Agreement, Amendment
from clausekit.clauses import (
    AGIClause,
    Clause,
    ComputeDeal,
    ConsentRequirement,
    Exclusivity,
    RevenueShare,
    RightOfFirstRefusal,
    SpendCommitment,
    Waiver,
)
from clausekit.clauses.base import subjects_text
from clausekit.errors import EvidenceError, QuestionError
from clausekit.evidence import Evidence, SeedExcerpt, cite
from clausekit.sources import Conflict, EvidenceBase, excerpt_occurs
from clausekit.time import Period

__all__ = ["Finding", "Report", "Severity", "check"]


class Severity(enum.StrEnum):
    """How serious a finding is. Only errors make ``clausekit check`` exit 1."""

    ERROR = "error"
    """The agreement says things that cannot all hold; some answers rest on a contradiction."""
    WARNING = "warning"
    """Probably a mistake in the model, or something a reader must know; answers stand."""
    INFO = "info"
    """Worth knowing; nothing to fix."""


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def _ids(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _evidence(value: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return tuple(dict.fromkeys(value))


@attrs.frozen(kw_only=True)
class Finding:
    """One problem the checker found.

    Attributes:
        severity: error, warning or info.
        code: a stable, kebab-case name for the kind of problem
            (``"contradictory-exclusivity"``), for filtering and tests.
        message: what is wrong, with the values involved and how to fix it.
        clauses: the ids of the clauses involved.
        amendments: the ids of the amendments involved.
        period: the days the problem concerns (half-open; None when it has no dates).
        citations: the evidence of the clauses and amendments involved.
    """

    severity: Severity = attrs.field(converter=Severity)
    code: str
    message: str
    clauses: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    amendments: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    period: Period | None = None
    citations: tuple[Evidence, ...] = attrs.field(default=(), converter=_evidence)

    def sort_key(self) -> tuple[Any, ...]:
        """Errors first, then by first day, code and ids: a stable order for reports."""
        start = self.period.start if self.period is not None else pendulum.Date(1, 1, 1)
        return (_RANK[self.severity], start, self.code, self.clauses, self.amendments, self.message)

    def render(self, *, citations: bool = True) -> str:
        """The finding as text: a headline, the ids and dates, then one line per citation.

        Examples:
            >>> print(Finding(severity="warning", code="never-in-force", message="Clause 'c' ...",
            ...               clauses=["c"], amendments=["a"], period=None).render())
            warning [never-in-force] Clause 'c' ...
                clauses: c; amendments: a
        """
        lines = [f"{self.severity.value} [{self.code}] {self.message}"]
        where = []
        if self.clauses:
            where.append("clauses: " + ", ".join(self.clauses))
        if self.amendments:
            where.append("amendments: " + ", ".join(self.amendments))
        if self.period is not None:
            where.append(f"days: {self.period}")
        if where:
            lines.append("    " + "; ".join(where))
        if citations:
            lines += ["    - " + cite(e) for e in self.citations]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """The finding as JSON-ready plain data (days as ISO strings, citations as text)."""
        return {
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
            "clauses": list(self.clauses),
            "amendments": list(self.amendments),
            "period": None
            if self.period is None
            else {
                "start": self.period.start.isoformat(),
                "end": self.period.end.isoformat() if self.period.end else None,
            },
            "citations": [cite(e) for e in self.citations],
        }

    def __str__(self) -> str:
        return self.render(citations=False)


def _findings(value: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(value, key=Finding.sort_key))


@attrs.frozen(kw_only=True)
class Report:
    """Everything :func:`check` found in one agreement, errors first.

    Iterating a report yields its findings; ``len(report)`` counts them.

    Attributes:
        agreement: the id of the agreement checked.
        title: its title.
        findings: every finding, errors first, then by day.
    """

    agreement: str
    title: str
    findings: tuple[Finding, ...] = attrs.field(default=(), converter=_findings)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def of(self, severity: Severity | str) -> tuple[Finding, ...]:
        """The findings of one severity."""
        wanted = Severity(severity)
        return tuple(f for f in self.findings if f.severity is wanted)

    def codes(self) -> tuple[str, ...]:
        """The code of every finding, in report order (repeats kept)."""
        return tuple(f.code for f in self.findings)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of severity error."""
        return self.of(Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings of severity warning."""
        return self.of(Severity.WARNING)

    @property
    def has_errors(self) -> bool:
        """True when any finding is an error (``clausekit check`` then exits 1)."""
        return bool(self.errors)

    def summary(self) -> str:
        """One line: how many findings of each severity."""
        if not self.findings:
            return f"{self.title} ({self.agreement}): no findings."
        counts = ", ".join(
            f"{len(self.of(s))} {s.value}{'s' if len(self.of(s)) != 1 and s is not Severity.INFO else ''}"
            for s in Severity
        )
        return f"{self.title} ({self.agreement}): {len(self.findings)} findings ({counts})."

    def render(self, *, citations: bool = True) -> str:
        """The summary line, then every finding (see :meth:`Finding.render`)."""
        return "\n".join([self.summary(), *(f.render(citations=citations) for f in self.findings)])

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready plain data."""
        return {
            "agreement": self.agreement,
            "title": self.title,
            "has_errors": self.has_errors,
            "findings": [f.to_dict() for f in self.findings],
        }

    def __str__(self) -> str:
        return self.render()


# --------------------------------------------------------------------------- clause lives


@attrs.frozen
class _Life:
    """One clause as it stands in the agreement: who added it, until when, who ended it."""

    clause: Clause  # with canonical party names
    added_by: Amendment
    start: pendulum.Date
    end: pendulum.Date | None  # the day after the last day in force, or None
    ended_by: Amendment | None
    dormant: bool  # started only by an AGI declaration

    @property
    def id(self) -> str:
        return self.clause.id

    @property
    def period(self) -> Period | None:
        """The days in force (ignoring AGI), or None when there are none."""
        if self.end is not None and self.end <= self.start:
            return None
        return Period(self.start, self.end)

    def citations(self) -> tuple[Evidence, ...]:
        return self.clause.evidence


def _lives(agreement: Agreement) -> dict[str, _Life]:
    canonical = agreement.registry.canonical
    added: dict[str, tuple[Clause, Amendment]] = {}
    ended: dict[str, Amendment] = {}
    for amendment in agreement.amendments:
        for clause in amendment.added():
            added[clause.id] = (clause.with_canonical_parties(canonical), amendment)
        for old in amendment.ended():
            ended[old] = amendment
    dormant = {
        i for clause, _ in added.values() if isinstance(clause, AGIClause) for i in clause.starts
    }
    lives: dict[str, _Life] = {}
    for clause_id, (clause, amendment) in added.items():
        ender = ended.get(clause_id)
        ends = [d for d in (clause.until, ender.effective if ender else None) if d is not None]
        lives[clause_id] = _Life(
            clause=clause,
            added_by=amendment,
            start=amendment.effective,
            end=min(ends) if ends else None,
            ended_by=ender,
            dormant=clause_id in dormant,
        )
    return lives


def _together(*lives: _Life) -> Period | None:
    """The days on which every one of ``lives`` is in force, or None."""
    common: Period | None = None
    for life in lives:
        period = life.period
        if period is None:
            return None
        common = period if common is None else common.intersection(period)
        if common is None:
            return None
    return common


def _scope_overlap(a: frozenset[str], b: frozenset[str]) -> frozenset[str] | None:
    """The subjects both scopes cover: ``frozenset()`` for every subject, None for none."""
    if not a:
        return b
    if not b:
        return a
    return (a & b) or None


def _ids_of(*lives: _Life) -> tuple[tuple[str, ...], tuple[str, ...]]:
    clauses = tuple(life.id for life in lives)
    amendments = tuple(dict.fromkeys(life.added_by.id for life in lives))
    return clauses, amendments


def _agi_note(*lives: _Life) -> str:
    dormant = [life.id for life in lives if life.dormant]
    if not dormant:
        return ""
    return f" ({', '.join(repr(d) for d in dormant)} only once AGI is declared)"


# --------------------------------------------------------------------------- the checks


_C = TypeVar("_C")
_T = TypeVar("_T")


def _of_kind(lives: dict[str, _Life], kind: type[_C]) -> list[tuple[_Life, _C]]:
    return [(life, life.clause) for life in lives.values() if isinstance(life.clause, kind)]


def _pairs(items: Sequence[_T]) -> Iterator[tuple[_T, _T]]:
    for i, first in enumerate(items):
        for second in items[i + 1 :]:
            yield first, second


def _exclusivities(lives: dict[str, _Life]) -> Iterator[Finding]:
    for (one, a), (two, b) in _pairs(_of_kind(lives, Exclusivity)):
        if a.bound != b.bound or a.verb != b.verb or a.beneficiary == b.beneficiary:
            continue
        scope = _scope_overlap(a.scope, b.scope)
        when = _together(one, two)
        if scope is None or when is None:
            continue
        routes = [f"{c.consent_by} may consent under {c.id!r}" for c in (a, b) if c.consent_by]
        lifted = f" ({'; '.join(routes)})" if routes else " (no consent can lift either)"
        clauses, amendments = _ids_of(one, two)
        yield Finding(
            severity=Severity.ERROR,
            code="contradictory-exclusivity",
            message=(
                f"Clauses {a.id!r} and {b.id!r} are both in force during {when}"
                f"{_agi_note(one, two)}: {a.bound} may {verb_phrase(a.verb)} "
                f"({subjects_text(scope)}) only with {a.beneficiary}, and only with "
                f"{b.beneficiary}{lifted}. End one of them when the other starts, or narrow "
                "their scopes so they do not overlap."
            ),
            clauses=clauses,
            amendments=amendments,
            period=when,
            citations=(*one.citations(), *two.citations()),
        )


def _prohibits_purchase(clause: Clause, buyer: str, provider: str) -> bool:
    """True when ``clause`` restricts ``buyer`` procuring compute from ``provider``."""
    verb = Verb.PROCURE_COMPUTE.value
    if isinstance(clause, Exclusivity):
        return clause.bound == buyer and clause.verb == verb and clause.beneficiary != provider
    if isinstance(clause, ConsentRequirement):
        return (
            clause.bound == buyer
            and clause.verb == verb
            and (not clause.counterparties or provider in clause.counterparties)
        )
    return False


def _waived(lives: dict[str, _Life], restriction: _Life, buyer: str, provider: str) -> bool:
    """True when a waiver in force alongside ``restriction`` lifts it for this purchase."""
    clause = restriction.clause
    consent_by = getattr(clause, "consent_by", None)
    for life in lives.values():
        waiver = life.clause
        if (
            isinstance(waiver, Waiver)
            and waiver.granted_by == consent_by
            and waiver.grantee == buyer
            and waiver.verb == Verb.PROCURE_COMPUTE.value
            and (not waiver.counterparties or provider in waiver.counterparties)
            and (not waiver.waives or clause.id in waiver.waives)
            and _together(life, restriction) is not None
        ):
            return True
    return False


def _purchases(lives: dict[str, _Life]) -> Iterator[Finding]:
    purchases: list[tuple[_Life, ComputeDeal | SpendCommitment]] = [
        *_of_kind(lives, ComputeDeal),
        *_of_kind(lives, SpendCommitment),
    ]
    for deal_life, deal in purchases:
        buyer, provider = (
            (deal.buyer, deal.provider)
            if isinstance(deal, ComputeDeal)
            else (deal.committer, deal.recipient)
        )
        for life in lives.values():
            clause = life.clause
            if life is deal_life:
                continue
            scope = _scope_overlap(deal.scope, getattr(clause, "scope", frozenset()))
            when = _together(deal_life, life)
            if scope is None or when is None:
                continue
            clauses, amendments = _ids_of(deal_life, life)
            citations = (*deal_life.citations(), *life.citations())
            if isinstance(clause, RightOfFirstRefusal):
                if not (
                    clause.grantor == buyer
                    and clause.verb == Verb.PROCURE_COMPUTE.value
                    and clause.holder != provider
                ):
                    continue
                yield Finding(
                    severity=Severity.INFO,
                    code="purchase-under-first-refusal",
                    message=(
                        f"{deal.id!r} records {buyer} buying compute from {provider} "
                        f"({subjects_text(scope)}) while {clause.holder} holds a right of first "
                        f"refusal over it ({clause.id!r}, during {when}). Questions about these "
                        f"purchases stay conditional on '{clause.condition().text}' unless the "
                        "scenario says so."
                    ),
                    clauses=clauses,
                    amendments=amendments,
                    period=when,
                    citations=citations,
                )
                continue
            if not _prohibits_purchase(clause, buyer, provider):
                continue
            consent_by = getattr(clause, "consent_by", None)
            if consent_by is not None and _waived(lives, life, buyer, provider):
                continue
            what = f"{clause.id!r} allows {buyer} to procure compute " + (
                f"({subjects_text(clause.scope)}) only with {clause.beneficiary}"
                if isinstance(clause, Exclusivity)
                else "only with consent"
                if consent_by is not None
                else "from them not at all"
            )
            if consent_by is not None:
                severity = Severity.WARNING
                fix = (
                    f"The purchase implies {consent_by} consented: record that consent as a "
                    "Waiver, or questions about it stay conditional."
                )
            elif not deal.scope:
                severity = Severity.WARNING
                fix = (
                    f"{deal.id!r} has no scope, so it claims every subject, including "
                    f"{subjects_text(scope)}; give it the scope the purchase really covers."
                )
            else:
                severity = Severity.ERROR
                fix = (
                    f"The agreement records a purchase it forbids outright ({subjects_text(scope)})."
                    " End the restriction first, add the waiver that allowed the purchase, or "
                    "narrow the scopes."
                )
            yield Finding(
                severity=severity,
                code="purchase-under-exclusivity",
                message=(
                    f"{deal.id!r} records {buyer} buying compute from {provider} "
                    f"({subjects_text(deal.scope)}), but during {when} {what}. {fix}"
                ),
                clauses=clauses,
                amendments=amendments,
                period=when,
                citations=citations,
            )


def _first_refusals(lives: dict[str, _Life]) -> Iterator[Finding]:
    for (one, a), (two, b) in _pairs(_of_kind(lives, RightOfFirstRefusal)):
        if a.grantor != b.grantor or a.verb != b.verb or a.holder == b.holder:
            continue
        scope = _scope_overlap(a.scope, b.scope)
        when = _together(one, two)
        if scope is None or when is None:
            continue
        clauses, amendments = _ids_of(one, two)
        yield Finding(
            severity=Severity.WARNING,
            code="competing-first-refusals",
            message=(
                f"{a.holder} ({a.id!r}) and {b.holder} ({b.id!r}) both hold a right of first "
                f"refusal when {a.grantor} wants to {verb_phrase(a.verb)} "
                f"({subjects_text(scope)}), during {when}. Who is offered first is not modelled: "
                "both must let the deal go. Check the order the contract gives them."
            ),
            clauses=clauses,
            amendments=amendments,
            period=when,
            citations=(*one.citations(), *two.citations()),
        )


def _lifetimes(lives: dict[str, _Life]) -> Iterator[Finding]:
    for life in lives.values():
        clause = life.clause
        ender = life.ended_by
        if ender is not None and ender.effective <= life.start:
            yield Finding(
                severity=Severity.WARNING,
                code="never-in-force",
                message=(
                    f"Clause {clause.id!r} is added by {life.added_by.id!r} and ended by "
                    f"{ender.id!r}, both effective {life.start}: it is never in force. Remove "
                    "it, or fix one of the two dates."
                ),
                clauses=(clause.id,),
                amendments=(life.added_by.id, ender.id),
                citations=(*life.citations(), *ender.evidence),
            )
        elif ender is not None and clause.until is not None and clause.until < ender.effective:
            yield Finding(
                severity=Severity.WARNING,
                code="ends-expired-clause",
                message=(
                    f"Amendment {ender.id!r} (effective {ender.effective}) ends clause "
                    f"{clause.id!r}, whose own term already ended it: its last day was "
                    f"{clause.until.subtract(days=1)} (until={clause.until}). Drop the end from "
                    f"{ender.id!r}, or correct the clause's 'until'."
                ),
                clauses=(clause.id,),
                amendments=(life.added_by.id, ender.id),
                period=Period(clause.until, ender.effective),
                citations=(*life.citations(), *ender.evidence),
            )
        if isinstance(clause, AGIClause):
            for affected in sorted(clause.affects()):
                other = lives.get(affected)
                if other is None or _together(life, other) is not None:
                    continue
                how = "end" if affected in clause.ends else "start"
                yield Finding(
                    severity=Severity.WARNING,
                    code="agi-clause-out-of-force",
                    message=(
                        f"AGI clause {clause.id!r} would {how} clause {affected!r}, but "
                        f"{affected!r} is never in force while {clause.id!r} is "
                        f"({_days(life)} against {_days(other)}); a declaration can change "
                        f"nothing there. Name the clause in force in its place, or fix the dates."
                    ),
                    clauses=(clause.id, affected),
                    amendments=tuple(dict.fromkeys((life.added_by.id, other.added_by.id))),
                    period=life.period,
                    citations=(*life.citations(), *other.citations()),
                )


def _days(life: _Life) -> str:
    period = life.period
    return "never" if period is None else str(period)


def _needs_consent_of(clause: Clause, waiver: Waiver) -> bool:
    """True when ``clause`` asks for the consent ``waiver`` gives, for some action."""
    if isinstance(clause, Exclusivity):
        party, bound = clause.consent_by, clause.bound
    elif isinstance(clause, ConsentRequirement):
        party, bound = clause.consent_by, clause.bound
        if (
            clause.counterparties
            and waiver.counterparties
            and not clause.counterparties & waiver.counterparties
        ):
            return False
    elif isinstance(clause, RightOfFirstRefusal):
        party, bound = clause.holder, clause.grantor
    else:
        return False
    return (
        party == waiver.granted_by
        and bound == waiver.grantee
        and clause.verb == waiver.verb
        and (not waiver.waives or clause.id in waiver.waives)
        and _scope_overlap(clause.scope, waiver.scope) is not None
    )


def _waivers(lives: dict[str, _Life]) -> Iterator[Finding]:
    for life in lives.values():
        waiver = life.clause
        if not isinstance(waiver, Waiver) or life.period is None:
            continue
        if any(
            _needs_consent_of(other.clause, waiver) and _together(life, other) is not None
            for other in lives.values()
        ):
            continue
        named = (
            f"the clauses it names ({', '.join(sorted(waiver.waives))})"
            if waiver.waives
            else f"any clause needing {waiver.granted_by}'s consent"
        )
        yield Finding(
            severity=Severity.WARNING,
            code="waiver-waives-nothing",
            message=(
                f"Waiver {waiver.id!r} ({waiver.granted_by} consents to {waiver.grantee} "
                f"{verb_phrase(waiver.verb)}, {subjects_text(waiver.scope)}) waives nothing: "
                f"while it is in force ({life.period}) none of {named} for that action is. "
                "Check its parties, verb and scope, or the dates of the clause it waives."
            ),
            clauses=(waiver.id,),
            amendments=(life.added_by.id,),
            period=life.period,
            citations=life.citations(),
        )


def _self_reference(lives: dict[str, _Life]) -> Iterator[Finding]:
    for life in lives.values():
        clause = life.clause
        if isinstance(clause, (Exclusivity, ConsentRequirement)) and clause.consent_by == (
            clause.bound
        ):
            yield Finding(
                severity=Severity.WARNING,
                code="self-consent",
                message=(
                    f"Clause {clause.id!r} binds {clause.bound} but lets {clause.consent_by} "
                    "itself consent, so it never binds. Name the party whose consent the "
                    "contract requires in consent_by."
                ),
                clauses=(clause.id,),
                amendments=(life.added_by.id,),
                period=life.period,
                citations=life.citations(),
            )
            continue
        sides: tuple[str, str, str] | None = None
        if isinstance(clause, RightOfFirstRefusal):
            sides = ("grantor", "holder", clause.grantor if clause.grantor == clause.holder else "")
        elif isinstance(clause, Waiver):
            sides = (
                "granted_by",
                "grantee",
                clause.grantee if clause.grantee == clause.granted_by else "",
            )
        elif isinstance(clause, RevenueShare):
            sides = ("payer", "payee", clause.payer if clause.payer == clause.payee else "")
        if sides is None or not sides[2]:
            continue
        yield Finding(
            severity=Severity.WARNING,
            code="same-party-both-sides",
            message=(
                f"Clause {clause.id!r} ({clause.kind}) names {sides[2]} as both {sides[0]} and "
                f"{sides[1]}, so it has no effect. Name the other party in one of the two fields."
            ),
            clauses=(clause.id,),
            amendments=(life.added_by.id,),
            period=life.period,
            citations=life.citations(),
        )


def _announcements(
    agreement: Agreement, lives: dict[str, _Life], *, retroactive_days: int, advance_days: int
) -> Iterator[Finding]:
    for amendment in agreement.amendments:
        earliest = amendment.announced_earliest
        latest = getattr(amendment.announced, "latest", earliest)
        late = (earliest - amendment.effective).days
        if late > retroactive_days:
            yield Finding(
                severity=Severity.WARNING,
                code="announced-long-after",
                message=(
                    f"Amendment {amendment.id!r} took effect on {amendment.effective} but was "
                    f"announced on {amendment.announced}, {late} days later (more than "
                    f"{retroactive_days}). Retroactive amendments exist; if this one is not, fix "
                    "'effective' or 'announced'. Until the announcement, as_known_on() does not "
                    "see it."
                ),
                amendments=(amendment.id,),
                period=Period(amendment.effective, earliest),
                citations=amendment.evidence,
            )
        early = (amendment.effective - latest).days
        if early > advance_days:
            yield Finding(
                severity=Severity.WARNING,
                code="announced-long-before",
                message=(
                    f"Amendment {amendment.id!r} was announced on {amendment.announced}, {early} "
                    f"days before it took effect on {amendment.effective} (more than "
                    f"{advance_days}). Check that 'effective' is the day it binds, not a later "
                    "milestone."
                ),
                amendments=(amendment.id,),
                period=Period(latest, amendment.effective),
                citations=amendment.evidence,
            )
        for old in amendment.ended():
            source = lives[old].added_by
            if source.announced_earliest > latest:
                yield Finding(
                    severity=Severity.WARNING,
                    code="announced-before-what-it-changes",
                    message=(
                        f"Amendment {amendment.id!r} (announced {amendment.announced}) ends "
                        f"clause {old!r}, which amendment {source.id!r} adds but was only "
                        f"announced on {source.announced}: as_known_on() any day in between "
                        "raises an error. Check the two announced dates."
                    ),
                    clauses=(old,),
                    amendments=(source.id, amendment.id),
                    period=Period(latest, source.announced_earliest),
                    citations=(*amendment.evidence, *source.evidence),
                )


def _same_day(agreement: Agreement) -> Iterator[Finding]:
    by_day: dict[pendulum.Date, list[Amendment]] = {}
    for amendment in agreement.amendments:
        by_day.setdefault(amendment.effective, []).append(amendment)
    for day, group in by_day.items():
        for i, first in enumerate(group):
            touched = {c.id for c in first.added()} | set(first.ended())
            for second in group[i + 1 :]:
                shared = touched & ({c.id for c in second.added()} | set(second.ended()))
                if not shared:
                    continue
                yield Finding(
                    severity=Severity.WARNING,
                    code="same-day-amendments",
                    message=(
                        f"Amendments {first.id!r} and {second.id!r} both take effect on {day} and "
                        f"both touch clause(s) {', '.join(sorted(shared))}: the result depends on "
                        "their order in the list, which the contract may not intend. Merge them "
                        "into one amendment, or give them their true, different days."
                    ),
                    clauses=tuple(sorted(shared)),
                    amendments=(first.id, second.id),
                    period=Period.of_day(day),
                    citations=(*first.evidence, *second.evidence),
                )


def _cited(agreement: Agreement) -> Iterator[tuple[Evidence, str, tuple[str, ...], str]]:
    """Every piece of evidence: (evidence, owner text, clause ids, amendment id)."""
    for amendment in agreement.amendments:
        for evidence in amendment.evidence:
            yield evidence, f"amendment {amendment.id!r}", (), amendment.id
        for clause in amendment.added():
            for evidence in clause.evidence:
                yield evidence, f"clause {clause.id!r}", (clause.id,), amendment.id


def _evidence_findings(
    agreement: Agreement, *, sources: Path | None, base: EvidenceBase | None
) -> Iterator[Finding]:
    articles: dict[str, str | None] = {}
    evidence_base: EvidenceBase | None = base
    disputed: dict[str, tuple[Conflict, list[tuple[Evidence, tuple[str, ...], str]]]] = {}
    for evidence, owner, clauses, amendment in _cited(agreement):
        common: dict[str, Any] = {
            "clauses": clauses,
            "amendments": (amendment,),
            "citations": (evidence,),
        }
        if sources is not None and isinstance(evidence, SeedExcerpt):
            if evidence.document not in articles:
                try:
                    articles[evidence.document] = (sources / f"{evidence.document}.txt").read_text(
                        encoding="utf-8"
                    )
                except (OSError, UnicodeDecodeError):
                    articles[evidence.document] = None
            text = articles[evidence.document]
            if text is None:
                yield Finding(
                    severity=Severity.WARNING,
                    code="source-missing",
                    message=(
                        f"{owner.capitalize()} cites seed {evidence.document!r}, but "
                        f"{sources / (evidence.document + '.txt')} cannot be read, so its excerpt "
                        "cannot be checked. Pass the folder that holds the seed articles."
                    ),
                    **common,
                )
            elif not excerpt_occurs(evidence.excerpt, text):
                yield Finding(
                    severity=Severity.ERROR,
                    code="excerpt-not-in-source",
                    message=(
                        f"{owner.capitalize()} quotes {evidence.excerpt!r} from seed "
                        f"{evidence.document!r}, but those words do not occur in the article. "
                        "Copy the words exactly as they stand (damaged characters included)."
                    ),
                    **common,
                )
        if evidence.claim is None:
            continue
        if evidence_base is None:
            from clausekit.sources import evidence_base as bundled

            evidence_base = bundled()
        try:
            claim = evidence_base.claim(evidence.claim)
        except EvidenceError as exc:
            yield Finding(
                severity=Severity.WARNING,
                code="unknown-claim",
                message=f"{owner.capitalize()} cites claim {evidence.claim!r}: {exc}",
                **common,
            )
            continue
        if isinstance(evidence, SeedExcerpt) and (
            claim.document != evidence.document
            or claim.excerpt is None
            or not (
                excerpt_occurs(evidence.excerpt, claim.excerpt)
                or excerpt_occurs(claim.excerpt, evidence.excerpt)
            )
        ):
            yield Finding(
                severity=Severity.WARNING,
                code="evidence-differs-from-claim",
                message=(
                    f"{owner.capitalize()} cites claim {evidence.claim!r} with seed "
                    f"{evidence.document!r} and excerpt {evidence.excerpt!r}, but the evidence "
                    f"base has that claim in {claim.document!r} as {claim.excerpt!r}. Cite it as "
                    f"{{claim = {evidence.claim!r}}} or fix the excerpt."
                ),
                **common,
            )
        for conflict in evidence_base.conflicts_involving(evidence.claim):
            disputed.setdefault(conflict.id, (conflict, []))[1].append(
                (evidence, clauses, amendment)
            )
    for conflict, uses in disputed.values():
        used = sorted({e.claim for e, _, _ in uses if e.claim is not None})
        others = [c for c in conflict.claims if c not in used]
        yield Finding(
            severity=Severity.INFO,
            code="disputed-evidence",
            message=(
                f"The sources disagree on {conflict.topic} (conflict {conflict.id!r}); the model "
                f"rests on {', '.join(used)}"
                + (f", not on {', '.join(others)}" if others else " (every side of it)")
                + f". {conflict.note.strip()}"
            ),
            clauses=tuple(dict.fromkeys(c for _, ids, _ in uses for c in ids)),
            amendments=tuple(dict.fromkeys(a for _, _, a in uses)),
            citations=tuple(e for e, _, _ in uses),
        )


# --------------------------------------------------------------------------- entry point


def check(
    agreement: Agreement,
    *,
    sources: str | os.PathLike[str] | None = None,
    evidence: EvidenceBase | None = None,
    retroactive_days: int = 90,
    advance_days: int = 366,
) -> Report:
    """Look for contradictions and likely mistakes in ``agreement`` (see the module table).

    Args:
        agreement: the agreement to check.
        sources: a folder holding the seed articles as ``<document>.txt``; when
            given, every seed excerpt is looked for in its article.
        evidence: the evidence base claim ids are looked up in; the bundled
            one by default (loaded only when some evidence names a claim).
        retroactive_days: flag an amendment announced more than this many days
            after it took effect.
        advance_days: flag an amendment announced more than this many days
            before it took effect.

    Returns:
        A :class:`Report`, errors first; ``report.has_errors`` tells whether any
        finding is an error.

    Raises:
        QuestionError: when ``agreement`` is not an :class:`~clausekit.Agreement`.
        EvidenceError: when ``sources`` is given but is not a folder.
    """
    if not isinstance(agreement, Agreement):
        raise QuestionError(
            f"check() needs a clausekit.Agreement, got {type(agreement).__name__} {agreement!r}. "
            "Build one, or load a contract file with clausekit.load(path)."
        )
    folder = None if sources is None else Path(sources)
    if folder is not None and not folder.is_dir():
        raise EvidenceError(
            f"check(sources={str(sources)!r}): no such folder. Pass the folder that holds the seed "
            "articles as <document>.txt, or leave sources out to skip the excerpt check."
        )
    lives = _lives(agreement)
    findings: list[Finding] = [
        *_exclusivities(lives),
        *_purchases(lives),
        *_first_refusals(lives),
        *_lifetimes(lives),
        *_waivers(lives),
        *_self_reference(lives),
        *_announcements(
            agreement, lives, retroactive_days=retroactive_days, advance_days=advance_days
        ),
        *_same_day(agreement),
        *_evidence_findings(agreement, sources=folder, base=evidence),
    ]
    return Report(agreement=agreement.id, title=agreement.title, findings=findings)
