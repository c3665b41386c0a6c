"""Answers as Markdown: tables for timelines and clause maps, ready to paste into a memo or a page."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clausekit.render.clause_map import ClauseLife, ClauseMap
    from clausekit.timeline import Timeline
    from clausekit.verdict import Verdict

__all__ = ["clause_map_to_markdown", "depends_on", "timeline_to_markdown"]


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell: no pipes, no line breaks."""
    return " ".join(text.replace("\\", "\\\\").replace("|", "\\|").split())


def depends_on(verdict: Verdict) -> str:
    """What an answer depends on, in a few words: its conditions, what is missing, or its reason."""
    if verdict.outcome == "conditional":
        return "if " + " and ".join(c.text for c in verdict.conditions)
    if verdict.outcome == "unknown":
        return "missing: " + "; ".join(verdict.missing)
    return verdict.reason


def timeline_to_markdown(timeline: Timeline) -> str:
    """A timeline as a Markdown table: one row per segment, days half-open ``[from, until)``.

    Examples:
        >>> import clausekit as ck
        >>> src = ck.OutsideSource(url="https://example.org/d", title="Deal", published="2020-01-01",
        ...                        gloss="Acme distributes only via Beta in DE")
        >>> deal = ck.Agreement(id="d", title="Deal", parties=[ck.Party("Acme"), ck.Party("Beta"),
        ...     ck.Party("Gamma")], amendments=[ck.Amendment(id="signed", title="Signed",
        ...     effective="2020-01-01", evidence=[src], adds=[ck.Exclusivity(id="excl",
        ...     title="Exclusive in DE", evidence=[src], bound="Acme", beneficiary="Beta",
        ...     verb="appoint-distributor", scope=["DE"], until="2024-01-01")])])
        >>> gamma = ck.AppointDistributor(principal="Acme", distributor="Gamma", territory="DE")
        >>> print(timeline_to_markdown(deal.timeline(gamma, start="2019-01-01", end="2025-01-01")))
        **Acme appointing Gamma as distributor in DE**, 2019-01-01/2025-01-01
        <BLANKLINE>
        | From | Until (excluded) | Answer | Depends on / why | Clauses | What changed |
        |---|---|---|---|---|---|
        | 2019-01-01 | 2020-01-01 | PERMITTED | no clause in force restricts this | — | start of the period asked about (2019-01-01) |
        | 2020-01-01 | 2024-01-01 | PROHIBITED | Acme may appoint a distributor (DE) only with Beta; Gamma is another counterparty. No consent can lift this exclusivity. | excl | amendment 'signed' takes effect (Signed) |
        | 2024-01-01 | 2025-01-01 | PERMITTED | no clause in force restricts this | — | clause 'excl' reaches its end |
    """
    text = timeline.segments[0].verdict.action_text if timeline.segments else ""
    lines = [
        f"**{_cell(text)}**, {timeline.period}",
        "",
        "| From | Until (excluded) | Answer | Depends on / why | Clauses | What changed |",
        "|---|---|---|---|---|---|",
    ]
    for segment in timeline.segments:
        verdict = segment.verdict
        until = segment.period.end.isoformat() if segment.period.end else "…"
        clauses = ", ".join(r.clause.id for r in verdict.rulings) or "—"
        cells = [
            segment.period.start.isoformat(),
            until,
            verdict.outcome.value.upper(),
            _cell(depends_on(verdict)),
            _cell(clauses),
            _cell(segment.cause),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _came(life: ClauseLife) -> str:
    a = life.amendment.id
    if life.added == "replaced":
        return f"{a} (replacing {life.replaced})"
    if life.added == "before":
        return f"{a} (in force before {life.start})"
    return a


def _went(life: ClauseLife) -> str:
    if life.ended is None:
        return "—"
    if life.ended == "expired":
        return "its term ends"
    by = life.ended_by.id if life.ended_by is not None else ""
    if life.ended == "replaced":
        return f"{by} (replaced by {life.replaced_by})"
    return by


def clause_map_to_markdown(clause_map: ClauseMap) -> str:
    """A clause map as Markdown: one table row per clause and stretch, then the amendments.

    Examples:
        >>> import clausekit as ck
        >>> src = ck.OutsideSource(url="https://example.org/d", title="Deal",
        ...                        published="2020-01-01", gloss="Beta is the only distributor")
        >>> deal = ck.Agreement(id="d", title="Deal", parties=[ck.Party("Acme"),
        ...     ck.Party("Beta")], amendments=[ck.Amendment(id="signed", title="Signed",
        ...     effective="2020-01-01", evidence=[src], adds=[ck.Exclusivity(id="excl",
        ...     title="Exclusive in DE", evidence=[src], bound="Acme", beneficiary="Beta",
        ...     verb="appoint-distributor", scope=["DE"], until="2024-01-01")])])
        >>> print(clause_map_to_markdown(deal.clause_map(start="2019-01-01", end="2025-01-01")))
        **Deal: clauses in force**, 2019-01-01/2025-01-01
        <BLANKLINE>
        | Clause | Kind | From | Until (excluded) | Put in force by | Ended by |
        |---|---|---|---|---|---|
        | excl — Exclusive in DE | exclusivity | 2020-01-01 | 2024-01-01 | signed | its term ends |
        <BLANKLINE>
        | Effective | Amendment | What it did |
        |---|---|---|
        | 2020-01-01 | signed — Signed | adds excl |
    """
    m = clause_map
    lines = [
        f"**{_cell(m.agreement)}: clauses in force**, {m.start}/{m.end}",
        "",
        "| Clause | Kind | From | Until (excluded) | Put in force by | Ended by |",
        "|---|---|---|---|---|---|",
    ]
    for life in m.lives:
        cells = [
            f"{life.clause.id} — {life.clause.title}",
            life.clause.kind,
            life.start.isoformat(),
            life.end.isoformat() if life.end is not None else "…",
            _came(life),
            _went(life),
        ]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    if m.markers:
        lines += ["", "| Effective | Amendment | What it did |", "|---|---|---|"]
        for marker in m.markers:
            a = marker.amendment
            cells = [marker.day.isoformat(), f"{a.id} — {a.title}", marker.describe()]
            lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    if m.today is not None:
        lines += ["", f"Today: {m.today}."]
    return "\n".join(lines)
