"""Build-time pieces of the clausekit documentation (an mkdocs hook, see ``hooks:`` in mkdocs.yml).

Everything on the site that the library can compute is computed here while
the site builds, never pasted: the case study's excerpts, clauses and tables
of questions and answers, the timeline picture, the clause kinds, the JSON
Schema, the command line's help and the error catalogue. A page asks for a
piece with a marker on a line of its own::

    <!-- clausekit:NAME ARGUMENT -->

An unknown marker, an unknown amendment id, or a case study that leaves out an
amendment of the model fails the build, so a stale page cannot be published.
The reference pieces (``_hooks/reference.py``) and the pictures
(``_hooks/pictures.py``) live beside this file; mkdocs puts this folder on
``sys.path`` while it loads the hook.
The ```python blocks of the pages are not run here: Sybil runs them in the
test suite (conftest.py at the repository root).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

import tomli_w

# mkdocs puts this folder on sys.path while it loads the hook: the pieces live beside it.
from _hooks.ledger import claim_ledger, clause_ledger
from _hooks.pictures import PICTURES, headline_timeline, notebook_display
from _hooks.questions import PER_AMENDMENT, QUESTIONS, deal
from _hooks.reference import (
    check_error_catalogue,
    clause_kinds,
    cli_help,
    error_table,
    json_schema,
    schema_tables,
)
from _hooks.text import cell, code, fence
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import clausekit as ck
from clausekit import io as ckio
from clausekit.evidence import EvidenceBase, OutsideSource, SeedExcerpt, evidence_base
from clausekit.money import format_money
from clausekit.render import timeline_to_markdown

MARKER = re.compile(
    r"^(?P<indent>[ ]*)<!-- clausekit:(?P<name>[a-z-]+)(?: (?P<arg>[^>]*?))? -->$", re.MULTILINE
)

LANGUAGES = {"de": "German", "it": "Italian", "en": "English"}


# --------------------------------------------------------------------------- formatting


def badge(outcome: ck.Outcome) -> str:
    return f'<span class="ck-outcome ck-{outcome.value}">{outcome.value.upper()}</span>'


def depends(verdict: ck.Verdict) -> str:
    if verdict.outcome is ck.Outcome.CONDITIONAL:
        return "if " + " and ".join(c.text for c in verdict.conditions)
    if verdict.outcome is ck.Outcome.UNKNOWN:
        return "missing: " + "; ".join(verdict.missing)
    deciding = [r.clause.id for r in verdict.rulings if r.effect is verdict.outcome]
    if deciding:
        return "by " + ", ".join(deciding)
    return verdict.reason


def answer(verdict: ck.Verdict) -> str:
    return f"{badge(verdict.outcome)} {cell(depends(verdict))}"


def seed_line(base: EvidenceBase, evidence: SeedExcerpt) -> str:
    document = base.document(evidence.document)
    language = LANGUAGES.get(document.language or "", document.language or "original")
    number = evidence.document.split("_", 1)[0]
    outlet = f", {document.outlet}" if document.outlet else ""
    claim = f" · claim {code(evidence.claim)}" if evidence.claim else ""
    return (
        f'- <q lang="{html.escape(document.language or "")}">{html.escape(evidence.excerpt)}</q> '
        f"<small>({language}, seed {number}{outlet}, published {document.published})</small>  \n"
        f"  *{html.escape(evidence.gloss)}*{claim}"
    )


def outside_line(evidence: OutsideSource) -> str:
    claim = f" · claim {code(evidence.claim)}" if evidence.claim else ""
    return (
        f"- [{html.escape(evidence.title)}]({evidence.url}), {evidence.published}: "
        f"{html.escape(evidence.gloss)}{claim}"
    )


def from_base(base: EvidenceBase, evidence: ck.Evidence) -> ck.Evidence:
    """The evidence as the evidence base holds it today (so the page shows the base, not a copy)."""
    return base.evidence(evidence.claim) if evidence.claim else evidence


# --------------------------------------------------------------------------- pieces


def amendment_section(arg: str) -> str:
    """One amendment of the case study: dates, sources, clauses, and what changed."""
    agreement, base = deal(), evidence_base()
    amendment = agreement.amendment(arg.strip())
    announced = amendment.announced
    lines = [
        f"*Amendment {code(amendment.id)} · effective **{amendment.effective}** · "
        f"announced {announced}*",
        "",
    ]
    if amendment.note:
        lines += [f"> {cell(amendment.note)}", ""]
    evidence: list[ck.Evidence] = []
    for item in (*amendment.evidence, *(e for c in amendment.added() for e in c.evidence)):
        item = from_base(base, item)
        if item not in evidence:
            evidence.append(item)
    seeds = [e for e in evidence if isinstance(e, SeedExcerpt)]
    outside = [e for e in evidence if isinstance(e, OutsideSource)]
    if seeds:
        lines += ["**What the seed articles say** (verbatim, with an English gloss):", ""]
        lines += [seed_line(base, e) for e in seeds]
        lines.append("")
    if outside:
        lines += ["**Outside sources:**", ""]
        lines += [outside_line(e) for e in outside]
        lines.append("")
    lines += [
        "**The clauses that model it:**",
        "",
        "| change | clause | kind | terms |",
        "|---|---|---|---|",
    ]
    for clause_id in amendment.ends:
        old = agreement.clause(clause_id)
        lines.append(f"| ends | {code(old.id)} | {old.kind} | {cell(old.summary())} |")
    for replacement in amendment.replaces:
        old, new = agreement.clause(replacement.old), replacement.new
        lines.append(f"| ends | {code(old.id)} | {old.kind} | {cell(old.summary())} |")
        lines.append(f"| replaces it with | {code(new.id)} | {new.kind} | {cell(new.summary())} |")
    for clause in amendment.adds:
        lines.append(f"| adds | {code(clause.id)} | {clause.kind} | {cell(clause.summary())} |")
    if not amendment.ended() and not amendment.added():
        lines.append("| — | — | — | changes no clause: it confirms the terms in force |")
    lines.append("")
    data = ckio.to_dict(agreement, evidence=base)
    (written,) = (a for a in data["amendments"] if a["id"] == amendment.id)
    lines += [
        '??? example "As written in the model file (`src/clausekit/models/openai_microsoft.toml`)"',
        "",
        fence(tomli_w.dumps({"amendments": [written]}), "toml", indent="    "),
        "",
    ]
    before = amendment.effective.subtract(days=1)
    lines += [
        "**Questions and answers, the day before and the day it took effect:**",
        "",
        f"| question | {before} | {amendment.effective} | changed? |",
        "|---|---|---|---|",
    ]
    for text, action in PER_AMENDMENT:
        was = agreement.ask(action, on=before)
        now = agreement.ask(action, on=amendment.effective)
        changed = "**yes**" if was.answer_key() != now.answer_key() else "no"
        lines.append(f"| {cell(text)} | {answer(was)} | {answer(now)} | {changed} |")
    return "\n".join(lines)


def questions_table(arg: str) -> str:
    """The case study's questions, each answered by the bundled model."""
    agreement = deal()
    lines = [
        "| question | on | facts | answer | clauses that spoke |",
        "|---|---|---|---|---|",
    ]
    for q in QUESTIONS:
        asked = agreement.as_known_on(q.known_on) if q.known_on else agreement
        verdict = asked.ask(q.action, on=q.on, scenario=ck.Scenario(*q.facts))
        facts = q.facts_text or "—"
        if q.known_on:
            facts = f"as known on {q.known_on}"
        spoke = ", ".join(f"{code(r.clause.id)} ({r.amendment.id})" for r in verdict.rulings)
        lines.append(
            f"| {cell(q.text)} | {q.on} | {cell(facts)} | {answer(verdict)} | {spoke or '—'} |"
        )
    return "\n".join(lines)


def money_table(arg: str) -> str:
    """Revenue share owed by OpenAI, as the model can and cannot compute it."""
    agreement = deal()
    rate_clause = "revenue-share-openai-to-microsoft"
    cases: list[tuple[str, str, ck.Scenario]] = [
        ("2025", "—", ck.Scenario()),
        ("2025", "assume the reported 20 %", ck.Scenario(ck.AssumedRate(rate_clause, "0.20"))),
        ("2026", "assume 20 %", ck.Scenario(ck.AssumedRate(rate_clause, "0.20"))),
    ]
    revenue = ck.Money("10000000000", "USD")
    lines = [
        f"| revenue of {format_money(revenue)} earned in | facts | owed to Microsoft |",
        "|---|---|---|",
    ]
    for during, facts, scenario in cases:
        try:
            owed = agreement.revenue_share(
                "OpenAI", revenue=revenue, during=during, scenario=scenario
            )
        except ck.AmbiguityError as exc:
            result = f"{badge(ck.Outcome.UNKNOWN)} refused: {cell(str(exc))}"
        else:
            if owed.amount is not None:
                result = f"**{format_money(owed.amount)}**"
            else:
                result = f"{badge(owed.outcome)} missing: {cell('; '.join(owed.missing))}"
        lines.append(f"| {during} | {cell(facts)} | {result} |")
    return "\n".join(lines)


def headline_timeline_table(arg: str) -> str:
    """The headline timeline as a Markdown table (clausekit.render.timeline_to_markdown)."""
    return timeline_to_markdown(headline_timeline())


def conflicts(arg: str) -> str:
    """Every conflict in the evidence base, side by side, with the note on which reading holds."""
    base = evidence_base()
    lines: list[str] = []
    for conflict in base.conflicts:
        lines += [f"**{code(conflict.id)}** (topic {code(conflict.topic)})", ""]
        for number, side in enumerate(conflict.sides, start=1):
            lines += [f"*Side {number}:*", ""]
            for claim in side:
                evidence = base.evidence(claim.id)
                if isinstance(evidence, SeedExcerpt):
                    lines.append(seed_line(base, evidence))
                else:
                    lines.append(outside_line(evidence))
            lines.append("")
        lines += [f"> {cell(conflict.note)}", ""]
    return "\n".join(lines)


SNIPPETS = Path(__file__).parent / "_snippets"


def _slug(heading: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", heading.strip("# ").lower()).strip("-")


def snippet_section(arg: str) -> str:
    """One section of a snippet another engineer wrote: ``FILE#heading-slug``, heading left out.

    The section runs to the next heading of the same or a higher level; the page
    gives it a heading of its own. An unknown file or section fails the build.
    """
    name, _, wanted = arg.strip().partition("#")
    lines = (SNIPPETS / name).read_text(encoding="utf-8").split("\n")
    fenced = False
    headings: list[tuple[int, int]] = []
    for number, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and re.match(r"#{1,6} ", line):
            headings.append((number, len(line) - len(line.lstrip("#"))))
    for index, (number, level) in enumerate(headings):
        if _slug(lines[number]) == wanted:
            end = next((n for n, lv in headings[index + 1 :] if lv <= level), len(lines))
            return "\n".join(lines[number + 1 : end]).strip("\n")
    raise PluginError(
        f"docs/_snippets/{name} has no section {wanted!r}; sections: "
        + ", ".join(_slug(lines[n]) for n, _ in headings)
    )


PIECES: dict[str, Callable[[str], str]] = {
    "snippet": snippet_section,
    "amendment": amendment_section,
    "questions": questions_table,
    "money": money_table,
    "timeline-table": headline_timeline_table,
    "conflicts": conflicts,
    "clause-ledger": clause_ledger,
    "claim-ledger": claim_ledger,
    "clause-kinds": clause_kinds,
    "json-schema": json_schema,
    "schema-tables": schema_tables,
    "cli-help": cli_help,
    "error-table": error_table,
    "notebook": notebook_display,
}


# --------------------------------------------------------------------------- mkdocs events


OPTIONAL_PAGES = {"performance.md": "Performance"}
"""Pages other engineers write: linked from the navigation once they exist."""


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Put the optional pages that exist into the navigation, before the reference."""
    nav = config.nav
    if nav is None:
        return config
    docs_dir = Path(config.docs_dir)
    listed = {str(v) for item in nav if isinstance(item, dict) for v in item.values()}
    for page, title in OPTIONAL_PAGES.items():
        if (docs_dir / page).exists() and page not in listed:
            where = next(
                (i for i, item in enumerate(nav) if isinstance(item, dict) and "Reference" in item),
                len(nav),
            )
            nav.insert(where, {title: page})
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the pictures the library draws to the site (generated files, never committed)."""
    for path, draw in PICTURES.items():
        files.append(File.generated(config, path, content=draw()))
    return files


def _replace(match: re.Match[str], page: Page) -> str:
    name, arg = match.group("name"), match.group("arg") or ""
    try:
        piece = PIECES[name]
    except KeyError:
        raise PluginError(
            f"{page.file.src_uri}: unknown marker <!-- clausekit:{name} -->; "
            f"known: {', '.join(sorted(PIECES))}."
        ) from None
    indent = match.group("indent")
    return "\n".join(indent + line if line else "" for line in piece(arg).split("\n"))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace every ``<!-- clausekit:... -->`` marker with the piece it names."""
    if page.file.src_uri == "case-study.md":
        check_case_study(markdown)
    if page.file.src_uri == "reference/errors.md":
        check_error_catalogue(markdown)
    # Sybil runs ```python blocks; those that are doctests read better highlighted as a session.
    markdown = re.sub(r"(?m)^(\s*)```python\n(\s*>>> )", r"\1```pycon\n\2", markdown)
    return MARKER.sub(lambda m: _replace(m, page), markdown)


def check_case_study(markdown: str) -> None:
    """The case study must walk through every amendment of the model, in order."""
    listed = [m.group("arg") for m in MARKER.finditer(markdown) if m.group("name") == "amendment"]
    expected = [a.id for a in deal().amendments]
    if listed != expected:
        raise PluginError(
            "case-study.md must have one <!-- clausekit:amendment ID --> marker per amendment of "
            f"the model, in order.\n  model: {expected}\n  page:  {listed}"
        )


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fail the build if a marker was not replaced (e.g. one written inside other text)."""
    if "clausekit:" in html_text and "<!-- clausekit:" in html_text:
        raise PluginError(f"{page.file.src_uri}: a <!-- clausekit:... --> marker was not replaced.")
    return html_text
