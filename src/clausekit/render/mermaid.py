"""Answers as Mermaid gantt charts, for documents that render Mermaid (GitHub, MkDocs, GitLab)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from clausekit.render.markdown import depends_on

if TYPE_CHECKING:
    from clausekit.render.clause_map import ClauseMap
    from clausekit.timeline import Timeline

__all__ = ["clause_map_to_mermaid", "timeline_to_mermaid"]


_MERMAID_TAGS = {
    "prohibited": "crit, ",
    "conditional": "active, ",
    "unknown": "done, ",
    "permitted": "",
}


def _mermaid_text(text: str) -> str:
    """Text safe in a Mermaid gantt line (``:``, ``;`` and ``#`` have meanings there)."""
    return " ".join(text.replace(":", " -").replace(";", ",").replace("#", "no.").split())


def timeline_to_mermaid(timeline: Timeline) -> str:
    """A timeline as a Mermaid gantt chart, one bar per segment.

    Bars are tagged by outcome: ``crit`` for prohibited, ``active`` for
    conditional, ``done`` for unknown, untagged for permitted. Mermaid ends a
    bar at the start of its end day, which matches the half-open periods.

    Examples:
        >>> import clausekit as ck
        >>> src = ck.OutsideSource(url="https://example.org/d", title="Deal", published="2020-01-01",
        ...                        gloss="Acme distributes only via Beta in DE")
        >>> deal = ck.Agreement(id="d", title="Deal", parties=[ck.Party("Acme"), ck.Party("Beta"),
        ...     ck.Party("Gamma")], amendments=[ck.Amendment(id="signed", title="Signed",
        ...     effective="2020-01-01", evidence=[src], adds=[ck.Exclusivity(id="excl",
        ...     title="Exclusive in DE", evidence=[src], bound="Acme", beneficiary="Beta",
        ...     verb="appoint-distributor", scope=["DE"], consent_by="Beta")])])
        >>> gamma = ck.AppointDistributor(principal="Acme", distributor="Gamma", territory="DE")
        >>> print(timeline_to_mermaid(deal.timeline(gamma, start="2019-01-01", end="2021-01-01")))
        gantt
            title Acme appointing Gamma as distributor in DE
            dateFormat YYYY-MM-DD
            axisFormat %Y-%m-%d
            section Answer
            PERMITTED :s1, 2019-01-01, 2020-01-01
            CONDITIONAL if Beta consents :active, s2, 2020-01-01, 2021-01-01
    """
    text = timeline.segments[0].verdict.action_text if timeline.segments else "timeline"
    lines = [
        "gantt",
        f"    title {_mermaid_text(text)}",
        "    dateFormat YYYY-MM-DD",
        "    axisFormat %Y-%m-%d",
        "    section Answer",
    ]
    for number, segment in enumerate(timeline.segments, start=1):
        verdict = segment.verdict
        label = verdict.outcome.value.upper()
        if verdict.outcome in ("conditional", "unknown"):
            label += " " + depends_on(verdict)
        # A timeline is always bounded (the engine refuses open-ended ones).
        end = segment.period.end or segment.period.start.add(days=1)
        lines.append(
            f"    {_mermaid_text(label)} :{_MERMAID_TAGS[verdict.outcome]}s{number}, "
            f"{segment.period.start.isoformat()}, {end.isoformat()}"
        )
    return "\n".join(lines)


def clause_map_to_mermaid(clause_map: ClauseMap) -> str:
    """A clause map as a Mermaid gantt chart: a section per clause kind, a bar per clause.

    Amendments follow as milestones in a section of their own, and ``today``
    (when the map has one) as a milestone too. A clause still in force at the
    map's end is drawn to the map's end.

    Examples:
        >>> import clausekit as ck
        >>> src = ck.OutsideSource(url="https://example.org/d", title="Deal",
        ...                        published="2020-01-01", gloss="Beta is the only distributor")
        >>> deal = ck.Agreement(id="d", title="Deal", parties=[ck.Party("Acme"),
        ...     ck.Party("Beta")], amendments=[ck.Amendment(id="signed", title="Signed",
        ...     effective="2020-01-01", evidence=[src], adds=[ck.Exclusivity(id="excl",
        ...     title="Exclusive in DE", evidence=[src], bound="Acme", beneficiary="Beta",
        ...     verb="appoint-distributor", scope=["DE"], until="2024-01-01")])])
        >>> print(deal.clause_map(start="2019-01-01", end="2025-01-01", today="2024-06-01").to_mermaid())
        gantt
            title Deal - clauses in force
            dateFormat YYYY-MM-DD
            axisFormat %Y
            section exclusivity
            excl :c1, 2020-01-01, 2024-01-01
            section Amendments
            signed :milestone, m1, 2020-01-01, 0d
            today :milestone, crit, t1, 2024-06-01, 0d
    """
    m = clause_map
    lines = [
        "gantt",
        f"    title {_mermaid_text(m.agreement + ': clauses in force')}",
        "    dateFormat YYYY-MM-DD",
        "    axisFormat " + ("%Y" if (m.end - m.start).days > 3 * 366 else "%Y-%m"),
    ]
    kinds = dict.fromkeys(life.clause.kind for life in m.lives)
    for kind in kinds:
        lines.append(f"    section {_mermaid_text(kind)}")
        for number, life in enumerate(m.lives, start=1):
            if life.clause.kind != kind:
                continue
            end = life.end or m.end
            lines.append(
                f"    {_mermaid_text(life.clause.id)} :c{number}, "
                f"{life.start.isoformat()}, {end.isoformat()}"
            )
    if m.markers or m.today is not None:
        lines.append("    section Amendments")
    for number, marker in enumerate(m.markers, start=1):
        lines.append(
            f"    {_mermaid_text(marker.amendment.id)} :milestone, m{number}, "
            f"{marker.day.isoformat()}, 0d"
        )
    if m.today is not None:
        lines.append(f"    today :milestone, crit, t1, {m.today.isoformat()}, 0d")
    return "\n".join(lines)
