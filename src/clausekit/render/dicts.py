"""Answers as JSON-ready dicts, for other programs (the command line's ``--json``).

Every function here is pure: it reads a :class:`~clausekit.verdict.Verdict`,
:class:`~clausekit.timeline.Timeline`, :class:`~clausekit.timeline.Comparison`
(or the clauses in force, or a revenue share owed) and returns a value, never
touching files, the clock or the locale.

The ``*_to_dict`` functions return plain ``dict``/``list``/``str``/``bool``/
``None`` values that :func:`json.dumps` accepts as they are. Their shape is the
one ``clausekit ... --json`` prints and is documented in :mod:`clausekit.cli`:
days are ISO strings, money is ``{"amount": "…", "currency": "…"}`` with the
exact decimal amount as a string, outcomes are lower-case values
(``"conditional"``).

Examples:
    >>> import clausekit as ck
    >>> from clausekit.render import money_to_dict, format_fact, period_to_dict
    >>> money_to_dict(ck.Money("2000000000.00", "USD"))
    {'amount': '2000000000.00', 'currency': 'USD'}
    >>> period_to_dict(ck.Period.parse("2025-01"))
    {'start': '2025-01-01', 'end': '2025-02-01'}
    >>> format_fact(ck.AGIDeclared(on="2030-01-01", verified=True))
    'agi-declared:2030-01-01:verified'
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs
import pendulum

from clausekit.actions import party_name
from clausekit.evidence import Evidence, SeedExcerpt, cite
from clausekit.render.explain import SourceGroup, claim_line, group_sources, source_line
from clausekit.scenario import (
    AGIDeclared,
    AssumedRate,
    CannotMeetRequirements,
    ConsentGiven,
    ConsentRefused,
    Fact,
    OfferAccepted,
    OfferDeclined,
    Revenue,
)
from clausekit.time import DateRange, Period

if TYPE_CHECKING:
    import pendulum

    from clausekit.actions import Action
    from clausekit.agreement import Amendment, InForce, Owed
    from clausekit.clauses import Clause
    from clausekit.money import Money
    from clausekit.timeline import Comparison, Timeline
    from clausekit.verdict import Ruling, Verdict

__all__ = [
    "FACT_KINDS",
    "action_to_dict",
    "amendment_to_dict",
    "clause_to_dict",
    "comparison_to_dict",
    "evidence_to_dict",
    "format_fact",
    "in_force_to_dict",
    "money_to_dict",
    "owed_to_dict",
    "period_to_dict",
    "ruling_to_dict",
    "source_groups_to_dict",
    "timeline_to_dict",
    "verdict_to_dict",
]

JSON = dict[str, Any]

FACT_KINDS: dict[type, str] = {
    cls: cls.kind
    for cls in (
        OfferDeclined,
        OfferAccepted,
        CannotMeetRequirements,
        ConsentGiven,
        ConsentRefused,
        AGIDeclared,
        AssumedRate,
        Revenue,
    )
}
"""The token that names each bundled fact type in the command line's ``--fact KIND:…`` syntax
(every fact class carries its own as ``kind``)."""


def _day(day: pendulum.Date | None) -> str | None:
    return None if day is None else day.isoformat()


def _decimal(value: Decimal) -> str:
    """An exact decimal as plain digits, never in exponent form."""
    return format(value, "f")


def money_to_dict(money: Money) -> dict[str, str]:
    """``{"amount": "<exact decimal>", "currency": "<ISO 4217 code>"}``, both strings."""
    return {"amount": _decimal(money.amount), "currency": money.currency}


def period_to_dict(period: Period) -> dict[str, str | None]:
    """``{"start": "<ISO day>", "end": "<ISO day, excluded>" or None when open-ended}``."""
    return {"start": period.start.isoformat(), "end": _day(period.end)}


def format_fact(fact: Fact) -> str:
    """A fact in the command line's ``--fact`` syntax; :func:`clausekit.cli.parse_fact` reads it back.

    Examples:
        >>> import clausekit as ck
        >>> format_fact(ck.OfferDeclined(by="Beta"))
        'offer-declined:Beta'
        >>> format_fact(ck.AssumedRate("rs", "0.20"))
        'assumed-rate:rs=0.20'
        >>> format_fact(ck.Revenue("10000000000 USD", "2025"))
        'revenue:10000000000 USD:2025-01-01/2026-01-01'
    """
    kind = type(fact).kind
    short = fact.short_form()
    if short is not None:
        return (
            f"{kind}:{short}" if fact.on is None or fact.timeless else f"{kind}:{short}@{fact.on}"
        )
    fields = [a.name for a in attrs.fields(type(fact)) if a.name != "on"]
    values = [getattr(fact, name) for name in fields]
    text = (
        f"{kind}:{values[0]}"
        if len(fields) == 1
        else f"{kind}:" + ",".join(f"{n}={v}" for n, v in zip(fields, values, strict=True))
    )
    return text if fact.on is None else f"{text}@{fact.on.isoformat()}"


def evidence_to_dict(evidence: Evidence, *, known_on: pendulum.Date | None = None) -> JSON:
    """A seed excerpt or an outside source, with its one-line ``citation``.

    ``disputed`` lists the recorded conflicts the claim is part of; with
    ``known_on`` (an answer as known on a day), only claims published by then.
    """
    if isinstance(evidence, SeedExcerpt):
        return {
            "type": "seed",
            "document": evidence.document,
            "excerpt": evidence.excerpt,
            "gloss": evidence.gloss,
            "claim": evidence.claim,
            "citation": cite(evidence),
            "disputed": _disputed(evidence, known_on),
        }
    return {
        "type": "outside",
        "url": evidence.url,
        "title": evidence.title,
        "published": evidence.published.isoformat(),
        "gloss": evidence.gloss,
        "claim": evidence.claim,
        "citation": cite(evidence),
        "disputed": _disputed(evidence, known_on),
    }


def _disputed(evidence: Evidence, known_on: pendulum.Date | None) -> list[JSON]:
    """The recorded conflicts the cited claim is part of, each with the claims on the other side
    (as known on ``known_on``, only those published by then)."""
    claim = evidence.claim
    if claim is None:
        return []
    from clausekit.evidence import evidence_base

    base = evidence_base()
    return [
        {
            "conflict": c.id,
            "other_side": [o.id for o in base.other_side(c, claim, known_on=known_on)],
        }
        for c in base.disputes(evidence, known_on=known_on)
    ]


def amendment_to_dict(amendment: Amendment) -> JSON:
    """An amendment by id, title, effective day and announced day (each a day or a date range)."""
    return {
        "id": amendment.id,
        "title": amendment.title,
        "effective": _day_or_range(amendment.effective_range or amendment.effective),
        "announced": _day_or_range(amendment.announced),
    }


def _day_or_range(value: pendulum.Date | DateRange) -> str | dict[str, str]:
    if isinstance(value, DateRange):
        return {"earliest": value.earliest.isoformat(), "latest": value.latest.isoformat()}
    return value.isoformat()


def clause_to_dict(clause: Clause) -> JSON:
    """A clause by id, kind (its file tag), title and terms in words."""
    return {
        "id": clause.id,
        "kind": clause.kind,
        "title": clause.title,
        "summary": clause.summary(),
    }


def action_to_dict(action: Action, text: str) -> JSON:
    """An action's four parts as asked, and ``text``: the action in words with canonical names."""
    counterparty = action.counterparty
    return {
        "actor": party_name(action.actor),
        "verb": action.verb,
        "counterparty": None if counterparty is None else party_name(counterparty),
        "subject": action.subject,
        "qualifiers": sorted(action.qualifiers),
        "text": text,
    }


def ruling_to_dict(
    ruling: Ruling, *, sources: Iterable[int] = (), known_on: pendulum.Date | None = None
) -> JSON:
    """One clause's ruling: the clause, its amendment, the effect, why, and the sources.

    ``sources`` are the numbers of the verdict's ``sources`` entries the ruling cites;
    ``known_on`` the day an answer as known on a day was known (see :func:`evidence_to_dict`).
    """
    return {
        "clause": clause_to_dict(ruling.clause),
        "amendment": amendment_to_dict(ruling.amendment),
        "effect": ruling.effect.value,
        "reason": ruling.reason,
        "conditions": [c.text for c in ruling.finding.conditions],
        "missing": list(ruling.finding.missing),
        "evidence": [
            evidence_to_dict(e, known_on=known_on)
            for e in _unique((*ruling.evidence, *ruling.amendment.evidence))
        ],
        "sources": list(sources),
    }


def source_groups_to_dict(groups: Iterable[SourceGroup]) -> list[JSON]:
    """Each source once, numbered, with the claims it supports (as in ``explain()``).

    Every entry is ``{"number", "source", "claims", "clauses", "amendments"}``:
    ``source`` names the source (``type`` ``"seed"`` with its ``document``, or
    ``"outside"`` with ``url``, ``title`` and ``published``) and its one-line
    ``citation``; each claim has its ``claim`` id, its ``gloss`` (English), the
    ``excerpt`` as it stands in a seed, and its ``text`` as ``explain()`` writes it.
    """
    out = []
    for group in groups:
        first = group.source
        source: JSON
        if isinstance(first, SeedExcerpt):
            source = {"type": "seed", "document": first.document}
        else:
            source = {
                "type": "outside",
                "url": first.url,
                "title": first.title,
                "published": first.published.isoformat(),
            }
        source["citation"] = source_line(first)
        claims = []
        for claim in group.claims:
            item: JSON = {"claim": claim.claim, "gloss": claim.gloss}
            if isinstance(claim, SeedExcerpt):
                item["excerpt"] = claim.excerpt
            item["text"] = claim_line(claim)
            claims.append(item)
        out.append(
            {
                "number": group.number,
                "source": source,
                "claims": claims,
                "clauses": list(group.clauses),
                "amendments": list(group.amendments),
            }
        )
    return out


def _unique(items: Iterable[Evidence]) -> list[Evidence]:
    out: list[Evidence] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out


def verdict_to_dict(verdict: Verdict) -> JSON:
    """A verdict: the question, the answer, every ruling, each source once, and the explanation.

    ``sources`` lists each source once with the claims it supports (see
    :func:`source_groups_to_dict`); each ruling's ``sources`` gives the numbers of
    those it cites, and its ``evidence`` every piece of evidence it rests on.

    Examples:
        >>> import clausekit as ck
        >>> src = ck.OutsideSource(url="https://example.org/d", title="Deal", published="2020-01-01",
        ...                        gloss="Acme distributes only via Beta in DE")
        >>> deal = ck.Agreement(id="d", title="Deal", parties=[ck.Party("Acme"), ck.Party("Beta"),
        ...     ck.Party("Gamma")], amendments=[ck.Amendment(id="signed", title="Signed",
        ...     effective="2020-01-01", evidence=[src], adds=[ck.Exclusivity(id="excl",
        ...     title="Exclusive in DE", evidence=[src], bound="Acme", beneficiary="Beta",
        ...     verb="appoint-distributor", scope=["DE"], consent_by="Beta")])])
        >>> v = deal.ask(ck.AppointDistributor(principal="Acme", distributor="Gamma", territory="DE"),
        ...              on="2021-05-01")
        >>> d = verdict_to_dict(v)
        >>> d["outcome"], d["on"], d["conditions"], d["rulings"][0]["clause"]["id"]
        ('conditional', '2021-05-01', ['Beta consents'], 'excl')
        >>> d["rulings"][0]["sources"], [s["source"]["citation"] for s in d["sources"]]
        ([1], ['Deal, 2020-01-01, https://example.org/d'])
        >>> [c["gloss"] for c in d["sources"][0]["claims"]]
        ['Acme distributes only via Beta in DE']
    """
    groups, numbers = group_sources(verdict.rulings)
    return {
        "kind": "verdict",
        "agreement": verdict.agreement,
        "action": action_to_dict(verdict.action, verdict.action_text),
        "on": verdict.on.isoformat(),
        "known_on": _day(verdict.known_on),
        "outcome": verdict.outcome.value,
        "headline": verdict.headline(),
        "reason": verdict.reason,
        "conditions": [c.text for c in verdict.conditions],
        "missing": list(verdict.missing),
        "default": verdict.default.value,
        "by_default": verdict.by_default,
        "notes": list(verdict.notes),
        "assumptions": list(verdict.assumptions),
        "facts": [format_fact(f) for f in verdict.scenario],
        "rulings": [
            ruling_to_dict(r, sources=n, known_on=verdict.known_on)
            for r, n in zip(verdict.rulings, numbers, strict=True)
        ],
        "sources": source_groups_to_dict(groups),
        "readings": [
            {"reading": r.description, "outcome": r.outcome.value, "headline": r.headline}
            for r in verdict.readings
        ],
        "explanation": verdict.explain(),
    }


def timeline_to_dict(timeline: Timeline) -> JSON:
    """A timeline: the period asked about and one entry per segment, each with its verdict."""
    text = timeline.segments[0].verdict.action_text if timeline.segments else ""
    return {
        "kind": "timeline",
        "action": action_to_dict(timeline.action, text),
        "period": period_to_dict(timeline.period),
        "segments": [
            {
                "period": period_to_dict(s.period),
                "outcome": s.outcome.value,
                "headline": s.verdict.headline(),
                "opened_by": None if s.opened_by is None else amendment_to_dict(s.opened_by),
                "cause": s.cause,
                "verdict": verdict_to_dict(s.verdict),
            }
            for s in timeline.segments
        ],
    }


def comparison_to_dict(comparison: Comparison) -> JSON:
    """Both verdicts, whether the answer is the same, and every change in between."""
    return {
        "kind": "comparison",
        "action": action_to_dict(comparison.action, comparison.first.action_text),
        "first": verdict_to_dict(comparison.first),
        "second": verdict_to_dict(comparison.second),
        "same": comparison.same,
        "changes": [
            {
                "day": c.day.isoformat(),
                "amendment": None if c.amendment is None else amendment_to_dict(c.amendment),
                "cause": c.cause,
                "before": c.before.outcome.value,
                "after": c.after.outcome.value,
            }
            for c in comparison.changes
        ],
    }


def in_force_to_dict(
    in_force: Iterable[InForce],
    *,
    on: pendulum.Date,
    agreement: str,
    known_on: pendulum.Date | None = None,
) -> JSON:
    """The clauses in force on ``on``, each with the amendment that put it there."""
    return {
        "kind": "in-force",
        "agreement": agreement,
        "on": on.isoformat(),
        "known_on": _day(known_on),
        "clauses": [
            {**clause_to_dict(item.clause), "amendment": amendment_to_dict(item.amendment)}
            for item in in_force
        ],
    }


def owed_to_dict(owed: Owed) -> JSON:
    """A revenue share owed: the total (None while a rate is missing) and each clause's share."""
    return {
        "kind": "revenue-share",
        "payer": owed.payer,
        "revenue": money_to_dict(owed.revenue),
        "period": period_to_dict(owed.period),
        "outcome": owed.outcome.value,
        "amount": None if owed.amount is None else money_to_dict(owed.amount),
        "missing": list(owed.missing),
        "shares": [
            {
                "clause": clause_to_dict(s.clause),
                "amendment": amendment_to_dict(s.amendment),
                "payee": s.payee,
                "rate": None if s.rate is None else _decimal(s.rate),
                "rate_source": s.rate_source,
                "amount": None if s.amount is None else money_to_dict(s.amount),
                "capped": s.capped,
            }
            for s in owed.shares
        ],
        "explanation": owed.explain(),
    }
