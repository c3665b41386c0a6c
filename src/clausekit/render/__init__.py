"""Render answers for people and programs: text, JSON-ready dicts, Markdown, Mermaid, SVG, HTML.

Every function here is pure: it reads a verdict, a timeline, a comparison, the
clauses in force, a revenue share owed or a clause map and returns text or
plain data, never touching files, the clock or the locale. One module per
format:

- :mod:`clausekit.render.explain`: a verdict's explanation, as a memo (text or Markdown);
- :mod:`clausekit.render.dicts`: the JSON-ready dicts of ``clausekit ... --json``;
- :mod:`clausekit.render.markdown` and :mod:`clausekit.render.mermaid`: tables and gantt charts;
- :mod:`clausekit.render.svg`: a timeline as a picture;
- :mod:`clausekit.render.clause_map`: which clause was in force when, as a value;
- :mod:`clausekit.render.map_svg`: that clause map as a picture;
- :mod:`clausekit.render.html`: the fragments notebooks show.

The names below are re-exported here, so ``from clausekit.render import
verdict_to_dict`` works whichever module holds it.
"""

from clausekit.render.clause_map import ClauseLife, ClauseMap, MapMarker, clause_map
from clausekit.render.dicts import (
    FACT_KINDS,
    action_to_dict,
    amendment_to_dict,
    clause_to_dict,
    comparison_to_dict,
    evidence_to_dict,
    format_fact,
    in_force_to_dict,
    money_to_dict,
    owed_to_dict,
    period_to_dict,
    ruling_to_dict,
    source_groups_to_dict,
    timeline_to_dict,
    verdict_to_dict,
)
from clausekit.render.explain import SourceGroup, explain, group_sources
from clausekit.render.html import (
    agreement_to_html,
    comparison_to_html,
    owed_to_html,
    timeline_to_html,
    verdict_to_html,
)
from clausekit.render.map_svg import clause_map_to_svg
from clausekit.render.markdown import clause_map_to_markdown, timeline_to_markdown
from clausekit.render.mermaid import clause_map_to_mermaid, timeline_to_mermaid
from clausekit.render.svg import OUTCOME_COLOURS, timeline_to_svg

__all__ = [
    "FACT_KINDS",
    "OUTCOME_COLOURS",
    "ClauseLife",
    "ClauseMap",
    "MapMarker",
    "SourceGroup",
    "action_to_dict",
    "agreement_to_html",
    "amendment_to_dict",
    "clause_map",
    "clause_map_to_markdown",
    "clause_map_to_mermaid",
    "clause_map_to_svg",
    "clause_to_dict",
    "comparison_to_dict",
    "comparison_to_html",
    "evidence_to_dict",
    "explain",
    "format_fact",
    "group_sources",
    "in_force_to_dict",
    "money_to_dict",
    "owed_to_dict",
    "owed_to_html",
    "period_to_dict",
    "ruling_to_dict",
    "source_groups_to_dict",
    "timeline_to_dict",
    "timeline_to_html",
    "timeline_to_markdown",
    "timeline_to_mermaid",
    "timeline_to_svg",
    "verdict_to_dict",
    "verdict_to_html",
]
