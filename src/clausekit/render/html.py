"""Answers as HTML fragments, for Jupyter (``_repr_html_``) and web pages.

Each function returns a small ``<div>`` whose text is escaped; colours are
inline, so a fragment looks the same wherever it is pasted. Notebooks show
:class:`~clausekit.verdict.Verdict`, :class:`~clausekit.timeline.Timeline`,
:class:`~clausekit.timeline.Comparison`, :class:`~clausekit.agreement.Agreement`
and :class:`~clausekit.agreement.Owed` this way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from clausekit.money import format_money, format_rate
from clausekit.render.svg import OUTCOME_COLOURS, TEXT_ON, timeline_to_svg

if TYPE_CHECKING:
    from clausekit.agreement import Agreement, Owed
    from clausekit.timeline import Comparison, Timeline
    from clausekit.verdict import Verdict

__all__ = [
    "agreement_to_html",
    "comparison_to_html",
    "owed_to_html",
    "timeline_to_html",
    "verdict_to_html",
]

_TABLE = 'style="border-collapse:collapse;text-align:left"'
_CELL = 'style="padding:2px 8px;vertical-align:top;text-align:left"'


def _row(*cells: str, head: bool = False) -> str:
    tag = "th" if head else "td"
    return "<tr>" + "".join(f"<{tag} {_CELL}>{cell}</{tag}>" for cell in cells) + "</tr>"


def _table(head: tuple[str, ...], rows: list[str]) -> str:
    return f"<table {_TABLE}><thead>{_row(*head, head=True)}</thead><tbody>{''.join(rows)}</tbody></table>"


def _badge(outcome: str) -> str:
    return (
        f'<span style="display:inline-block;padding:1px 8px;border-radius:3px;'
        f"background:{OUTCOME_COLOURS[outcome]};color:{TEXT_ON[outcome]};"
        f'font-weight:600">{outcome.upper()}</span>'
    )


def verdict_to_html(verdict: Verdict) -> str:
    """A verdict as a small HTML fragment: the question, a coloured answer, the explanation.

    Examples:
        >>> import clausekit as ck
        >>> src = ck.OutsideSource(url="https://example.org/d", title="Deal",
        ...                        published="2020-01-01", gloss="Beta is the only distributor")
        >>> deal = ck.Agreement(id="d", title="Deal", parties=[ck.Party("Acme"),
        ...     ck.Party("Beta"), ck.Party("Gamma")], amendments=[ck.Amendment(id="signed",
        ...     title="Signed", effective="2020-01-01", evidence=[src], adds=[ck.Exclusivity(
        ...     id="excl", title="Exclusive in DE", evidence=[src], bound="Acme",
        ...     beneficiary="Beta", verb="appoint-distributor", scope=["DE"],
        ...     consent_by="Beta")])])
        >>> gamma = ck.AppointDistributor(principal="Acme", distributor="Gamma", territory="DE")
        >>> html = verdict_to_html(deal.ask(gamma, on="2021-03-01"))
        >>> "CONDITIONAL" in html and "Beta consents" in html
        True
    """
    rest = verdict.headline().partition(" — ")[2]
    question = f"{verdict.action_text}, on {verdict.on.isoformat()}"
    return (
        '<div class="clausekit-verdict">'
        f"<div>{escape(question)}</div>"
        f"<div>{_badge(verdict.outcome)} {escape(rest)}</div>"
        f"<details><summary>Why</summary><pre>{escape(verdict.explain())}</pre></details>"
        "</div>"
    )


def timeline_to_html(timeline: Timeline) -> str:
    """A timeline as HTML: its SVG picture, then one table row per segment."""
    rows = []
    for segment in timeline.segments:
        until = segment.period.end.isoformat() if segment.period.end else "…"
        rest = segment.verdict.headline().partition(" — ")[2] or segment.verdict.reason
        rows.append(
            f"<tr><td>{segment.period.start.isoformat()}</td><td>{until}</td>"
            f"<td>{_badge(segment.outcome)}</td><td>{escape(rest)}</td>"
            f"<td>{escape(segment.cause)}</td></tr>"
        )
    return (
        '<div class="clausekit-timeline">'
        + timeline_to_svg(timeline)
        + "<table><thead><tr><th>From</th><th>Until (excluded)</th><th>Answer</th>"
        "<th>Depends on / why</th><th>What changed</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></div>"
    )


def comparison_to_html(comparison: Comparison) -> str:
    """Both answers, side by side with their days, and every change of answer between them.

    Examples:
        >>> import clausekit as ck
        >>> src = ck.OutsideSource(url="https://example.org/d", title="Deal",
        ...                        published="2020-01-01", gloss="Beta is the only distributor")
        >>> deal = ck.Agreement(id="d", title="Deal", parties=[ck.Party("Acme"),
        ...     ck.Party("Beta"), ck.Party("Gamma")], amendments=[ck.Amendment(id="signed",
        ...     title="Signed", effective="2020-01-01", evidence=[src], adds=[ck.Exclusivity(
        ...     id="excl", title="Exclusive in DE", evidence=[src], bound="Acme",
        ...     beneficiary="Beta", verb="appoint-distributor", scope=["DE"])])])
        >>> gamma = ck.AppointDistributor(principal="Acme", distributor="Gamma", territory="DE")
        >>> html = comparison_to_html(deal.compare(gamma, "2019-06-01", "2021-01-01"))
        >>> "PERMITTED" in html and "PROHIBITED" in html and "signed" in html
        True
    """
    rows = []
    for verdict in (comparison.first, comparison.second):
        rest = verdict.headline().partition(" — ")[2] or verdict.reason
        rows.append(_row(verdict.on.isoformat(), _badge(verdict.outcome), escape(rest)))
    changes = "".join(
        f"<li>{escape(c.day.isoformat())}: {escape(c.cause)} — "
        f"{_badge(c.before.outcome)} → {_badge(c.after.outcome)}</li>"
        for c in comparison.changes
    )
    changed = (
        f"<div>Changed by:</div><ul>{changes}</ul>"
        if changes
        else "<div>No amendment between the two days changed the answer.</div>"
    )
    return (
        '<div class="clausekit-comparison">'
        f"<div><b>{escape(comparison.first.action_text)}</b></div>"
        + _table(("Day", "Answer", "Depends on / why"), rows)
        + changed
        + "</div>"
    )


def agreement_to_html(agreement: Agreement) -> str:
    """An agreement's title, parties (with their aliases) and amendments in order.

    Examples:
        >>> import clausekit as ck
        >>> src = ck.OutsideSource(url="https://example.org/supply", title="Supply deal",
        ...                        published="2020-01-01", gloss="Acme buys compute from CloudCo")
        >>> deal = ck.Agreement(id="supply", title="Supply deal",
        ...     parties=[ck.Party("Acme", aliases=("Acme Inc.",)), ck.Party("CloudCo")],
        ...     amendments=[ck.Amendment(id="signed", title="Signed", effective="2020-01-01",
        ...         evidence=[src], adds=[ck.Exclusivity(id="only-cloudco", title="Only CloudCo",
        ...             evidence=[src], bound="Acme", beneficiary="CloudCo")])])
        >>> html = agreement_to_html(deal)
        >>> "Acme Inc." in html and "<code>only-cloudco</code>" in html
        True
    """
    parties = [
        _row(escape(p.name), escape(", ".join(p.aliases)) or "—", escape(p.description))
        for p in agreement.parties
    ]
    amendments = []
    for a in agreement.amendments:
        changes = [f"adds <code>{escape(c.id)}</code>" for c in a.adds]
        changes += [
            f"replaces <code>{escape(r.old)}</code> by <code>{escape(r.new.id)}</code>"
            for r in a.replaces
        ]
        changes += [f"ends <code>{escape(old)}</code>" for old in a.ends]
        amendments.append(
            _row(
                a.effective.isoformat(),
                escape(str(a.announced)),
                f"<code>{escape(a.id)}</code>",
                escape(a.title),
                "; ".join(changes) or "—",
            )
        )
    known = f", as known on {agreement.known_on}" if agreement.known_on is not None else ""
    return (
        '<div class="clausekit-agreement">'
        f"<div><b>{escape(agreement.title)}</b> (<code>{escape(agreement.id)}</code>), "
        f"from {agreement.starts_on}{escape(known)}</div>"
        + _table(("Party", "Also called", "Who"), parties)
        + _table(("Effective", "Announced", "Amendment", "Title", "Clauses"), amendments)
        + "</div>"
    )


def owed_to_html(owed: Owed) -> str:
    """A revenue share owed: the total (or what is missing) and one row per clause.

    Examples:
        >>> import clausekit as ck
        >>> src = ck.OutsideSource(url="https://example.org/share", title="Revenue share",
        ...                        published="2020-01-01", gloss="Acme pays Beta a share")
        >>> deal = ck.Agreement(id="share", title="Revenue share",
        ...     parties=[ck.Party("Acme"), ck.Party("Beta")],
        ...     amendments=[ck.Amendment(id="signed", title="Signed", effective="2020-01-01",
        ...         evidence=[src], adds=[ck.RevenueShare(id="rs", title="Share", evidence=[src],
        ...             payer="Acme", payee="Beta")])])
        >>> html = owed_to_html(deal.revenue_share("Acme", revenue="10000000000 USD",
        ...     during="2024", scenario=ck.Scenario(ck.AssumedRate("rs", "0.20"))))
        >>> "USD 2,000,000,000" in html
        True
    """
    head = f"Revenue share owed by {owed.payer} on {format_money(owed.revenue)} ({owed.period})"
    if owed.amount is not None:
        total = f"<b>{escape(format_money(owed.amount))}</b>"
    else:
        total = _badge(owed.outcome) + " missing: " + escape("; ".join(owed.missing))
    rows = []
    for share in owed.shares:
        rate = format_rate(share.rate) if share.rate is not None else "undisclosed"
        amount = format_money(share.amount) if share.amount is not None else "unknown"
        rows.append(
            _row(
                escape(share.payee),
                escape(amount + (" (capped)" if share.capped else "")),
                escape(f"{rate} ({share.rate_source})"),
                f"<code>{escape(share.clause.id)}</code>",
                f"<code>{escape(share.amendment.id)}</code>",
            )
        )
    table = _table(("To", "Amount", "Rate", "Clause", "Amendment"), rows) if rows else ""
    return f'<div class="clausekit-owed"><div>{escape(head)}: {total}</div>{table}</div>'
