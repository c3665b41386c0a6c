"""Build-time pieces of the clausekit documentation (an mkdocs hook, see ``hooks:`` in mkdocs.yml).

Everything on the site that the library can compute is computed here while
the site builds, never pasted: the case study's excerpts, clauses and tables
of questions and answers, the timeline picture, the clause kinds, the JSON
Schema, the command line's help and the error catalogue. A page asks for a
piece with a marker on a line of its own::

    <!-- clausekit:NAME ARGUMENT -->

An unknown marker, an unknown amendment id, or a case study that leaves out an
amendment of the model fails the build, so a stale page cannot be published.
The ```python blocks of the pages are not run here: Sybil runs them in the
test suite (conftest.py at the repository root).
"""

from __future__ import annotations

import argparse
import contextlib
import html
import importlib
import inspect
import os
import pkgutil
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import tomli_w
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import clausekit as ck
from clausekit import io as ckio
from clausekit.clauses import CLAUSE_KINDS
from clausekit.clauses.base import ClauseBase
from clausekit.evidence import EvidenceBase, OutsideSource, SeedExcerpt, evidence_base
from clausekit.money import format_money
from clausekit.render import timeline_to_markdown

MARKER = re.compile(
    r"^(?P<indent>[ ]*)<!-- clausekit:(?P<name>[a-z-]+)(?: (?P<arg>[^>]*?))? -->$", re.MULTILINE
)

TIMELINE_SVG = "img/openai-aws-training-2019-2026.svg"
"""Where the generated picture of the headline timeline lands in the site."""

LANGUAGES = {"de": "German", "it": "Italian", "en": "English"}


# --------------------------------------------------------------------------- the questions


def deal() -> ck.Agreement:
    return ck.models.openai_microsoft()


AWS_TRAINING = ck.ProcureCompute(buyer="OpenAI", provider="AWS", workload=ck.Workload.TRAINING)
AWS_API = ck.ProcureCompute(buyer="OpenAI", provider="AWS", workload=ck.Workload.API)
ORACLE_PRODUCTS = ck.ProcureCompute(buyer="OpenAI", provider="Oracle", workload="inference")
STARGATE_RESEARCH = ck.ProcureCompute(buyer="OpenAI", provider="Stargate", workload="research")
MICROSOFT_MODELS = ck.UseIP(user="Microsoft", owner="OpenAI", subject="models")

PER_AMENDMENT: tuple[tuple[str, ck.Action], ...] = (
    ("OpenAI buys training compute from AWS", AWS_TRAINING),
    ("OpenAI serves its API from AWS", AWS_API),
    ("OpenAI runs its products on Oracle", ORACLE_PRODUCTS),
    ("OpenAI buys research compute from Stargate", STARGATE_RESEARCH),
    ("Microsoft uses OpenAI's models", MICROSOFT_MODELS),
)
"""The questions asked before and after every amendment of the case study."""


@attrs.frozen
class Question:
    text: str
    action: ck.Action
    on: str
    facts: tuple[ck.Fact, ...] = ()
    facts_text: str = ""
    known_on: str | None = None


QUESTIONS: tuple[Question, ...] = (
    Question("Could OpenAI buy training compute from AWS?", AWS_TRAINING, "2025-01-15"),
    Question("… a month later?", AWS_TRAINING, "2025-02-15"),
    Question(
        "… if Microsoft declined the offer?",
        AWS_TRAINING,
        "2025-02-15",
        (ck.OfferDeclined(by="Microsoft"),),
        "Microsoft declined the offer",
    ),
    Question(
        "… if Microsoft took the offer itself?",
        AWS_TRAINING,
        "2025-02-15",
        (ck.OfferAccepted(by="Microsoft"),),
        "Microsoft accepted the offer",
    ),
    Question("… in November 2025?", AWS_TRAINING, "2025-11-15"),
    Question(
        "… in November 2025, as the public knew it in June?",
        AWS_TRAINING,
        "2025-11-15",
        known_on="2025-06-01",
    ),
    Question("Could OpenAI serve its API from AWS?", AWS_API, "2025-11-15"),
    Question(
        "… once AGI is declared and verified?",
        AWS_API,
        "2025-11-15",
        (ck.AGIDeclared(on="2025-11-01", verified=True),),
        "AGI declared 2025-11-01, verified",
    ),
    Question(
        "… once AGI is declared, verification unknown?",
        AWS_API,
        "2025-11-15",
        (ck.AGIDeclared(on="2025-11-01"),),
        "AGI declared 2025-11-01",
    ),
    Question("… after the amended agreement of 2026?", AWS_API, "2026-06-01"),
    Question("Could OpenAI run its products on Oracle?", ORACLE_PRODUCTS, "2024-05-01"),
    Question("… after the one-off exception?", ORACLE_PRODUCTS, "2024-07-01"),
    Question("May Microsoft use OpenAI's models?", MICROSOFT_MODELS, "2025-11-15"),
)
"""The case study's table of questions and answers."""


# --------------------------------------------------------------------------- formatting


def cell(text: str) -> str:
    """Text safe in a Markdown table cell: HTML-escaped, no pipes, one line."""
    return " ".join(html.escape(text, quote=False).replace("|", "&#124;").split())


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


def code(text: str) -> str:
    return f"`{text}`"


def fence(text: str, language: str, *, indent: str = "") -> str:
    body = "\n".join((indent + line) if line else "" for line in text.rstrip("\n").split("\n"))
    return f"{indent}```{language}\n{body}\n{indent}```"


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


def clause_kinds(arg: str) -> str:
    """A table of the clause kinds: file tag, class, what it governs, its own fields."""
    common = {a.name for a in attrs.fields(ClauseBase)}
    lines = ["| `kind` in a file | class | what it is | its own fields |", "|---|---|---|---|"]
    for tag, cls in CLAUSE_KINDS.items():
        doc = inspect.getdoc(cls) or ""
        summary = doc.split("\n\n", 1)[0].replace("\n", " ")
        own = [f"`{a.name}`" for a in attrs.fields(cls) if a.name not in common]
        lines.append(
            f"| `{tag}` | [`{cls.__name__}`][clausekit.{cls.__name__}] | {cell(summary)} | "
            f"{', '.join(own)} |"
        )
    return "\n".join(lines)


def json_schema(arg: str) -> str:
    """The shipped JSON Schema of contract files, as a code block."""
    from clausekit.schema import SCHEMA_FILE

    return fence(SCHEMA_FILE.read_text(encoding="utf-8"), "json")


SCHEMA_ORDER = (
    "Party",
    "Amendment",
    "Replacement",
    "Evidence",
    "ClaimReference",
    "SeedExcerpt",
    "OutsideSource",
    "Day",
    "DateRange",
    "Money",
    "Clause",
)


def _schema_type(node: dict[str, Any]) -> str:
    """A schema node in words, linking to the sections of named definitions."""
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    if "const" in node:
        return f'`"{node["const"]}"`'
    if "enum" in node:
        return " or ".join(
            f"`{v!r}`" if not isinstance(v, str) else f'`"{v}"`' for v in node["enum"]
        )
    if "oneOf" in node:
        return " or ".join(_schema_type(n) for n in node["oneOf"])
    kind = node.get("type")
    if kind == "array":
        items = _schema_type(node.get("items", {}))
        extra = ", at least one" if node.get("minItems") else ""
        extra += ", no repeats" if node.get("uniqueItems") else ""
        return f"list of {items}{extra}"
    if isinstance(kind, list):
        return " or ".join(str(k) for k in kind)
    text = str(kind or "any")
    if "pattern" in node:
        text += f" matching `{node['pattern']}`"
    return text


def _schema_section(name: str, node: dict[str, Any], level: str = "###") -> list[str]:
    anchor = name.lower()
    lines = [f"{level} {name} {{ #{anchor} }}", ""]
    if node.get("description"):
        lines += [cell(node["description"]), ""]
    properties = node.get("properties")
    if properties:
        required = set(node.get("required", ()))
        lines += ["| key | value | required | meaning |", "|---|---|---|---|"]
        for key, prop in properties.items():
            need = "yes" if key in required else ""
            lines.append(
                f"| `{key}` | {_schema_type(prop)} | {need} | {cell(prop.get('description', ''))} |"
            )
        if node.get("additionalProperties") is False:
            lines += ["", "No other key is allowed."]
    else:
        lines.append(f"Value: {_schema_type(node)}.")
    return [*lines, ""]


def schema_tables(arg: str) -> str:
    """Every object of the contract file, key by key, from the shipped JSON Schema."""
    import json

    from clausekit.schema import SCHEMA_FILE

    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    defs: dict[str, Any] = schema["$defs"]
    lines = _schema_section("Agreement", schema, level="###")
    named = [n for n in SCHEMA_ORDER if n in defs]
    kinds = [cls.__name__ for cls in CLAUSE_KINDS.values() if cls.__name__ in defs]
    rest = sorted(set(defs) - set(named) - set(kinds))
    for name in [*named, *rest]:
        lines += _schema_section(name, defs[name])
    lines += ["## Clause kinds", ""]
    for name in kinds:
        lines += _schema_section(name, defs[name])
    return "\n".join(lines)


@contextlib.contextmanager
def columns(width: int) -> Iterator[None]:
    """argparse wraps help to the terminal width: fix it, so the page is the same everywhere."""
    old = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(width)
    try:
        yield
    finally:
        if old is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = old


def cli_help(arg: str) -> str:
    """``clausekit --help`` and every sub-command's ``--help``, as the parser prints them."""
    from clausekit.cli import build_parser

    parser = build_parser()
    parts: list[str] = []
    with columns(100):
        parts += ["### `clausekit`", "", fence(parser.format_help(), "text"), ""]
        for action in parser._actions:  # argparse keeps its sub-commands here
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    parts += [f"### `clausekit {name}`", "", fence(sub.format_help(), "text"), ""]
    return "\n".join(parts)


def error_classes() -> list[type[ck.ClauseKitError]]:
    """Every ClauseKitError subclass in the library, after importing all its modules."""
    for module in pkgutil.walk_packages(ck.__path__, "clausekit."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    found: list[type[ck.ClauseKitError]] = []
    todo: list[type[ck.ClauseKitError]] = [ck.ClauseKitError]
    while todo:
        cls = todo.pop(0)
        if cls not in found and not cls.__name__.startswith("_"):
            found.append(cls)
        todo += cls.__subclasses__()
    return found


def error_table(arg: str) -> str:
    """The error classes: where each lives, what built-in exception it also is, and when."""
    lines = ["| error | also a | module | raised when |", "|---|---|---|---|"]
    for cls in error_classes():
        builtins = [b.__name__ for b in cls.__mro__[1:] if b.__module__ == "builtins"]
        builtins = [b for b in builtins if b not in ("Exception", "BaseException", "object")]
        doc = (inspect.getdoc(cls) or "").split("\n\n", 1)[0].replace("\n", " ")
        anchor = f"#{cls.__name__.lower()}"
        lines.append(
            f"| [`{cls.__name__}`]({anchor}) | {', '.join(builtins) or '—'} | "
            f"`{cls.__module__}` | {cell(doc)} |"
        )
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
    "clause-kinds": clause_kinds,
    "json-schema": json_schema,
    "schema-tables": schema_tables,
    "cli-help": cli_help,
    "error-table": error_table,
    "notebook": lambda arg: notebook_display(arg),
}


# --------------------------------------------------------------------------- the pictures


def headline_timeline() -> ck.Timeline:
    return deal().timeline(AWS_TRAINING, start="2019-01-01", end="2027-01-01")


def headline_svg() -> str:
    return headline_timeline().to_svg(
        title="Could OpenAI buy training compute from AWS? 2019–2026",
        amendments=deal().amendments,
        width=760,
    )


def api_svg() -> str:
    timeline = deal().timeline(AWS_API, start="2019-01-01", end="2027-01-01")
    return timeline.to_svg(title="Could OpenAI serve its API from AWS? 2019–2026", width=760)


CLAUSE_MAP_SVG = "img/openai-microsoft-clause-map.svg"
"""Where the clause map of the bundled model lands in the site (case study, notebook how-to)."""


def clause_map_svg() -> str:
    """The clause map, as examples/tour.ipynb draws it (today: the second headline day)."""
    return (
        deal()
        .clause_map(start="2019-01-01", end="2027-01-01", today="2025-11-15")
        .to_svg(title="Microsoft–OpenAI partnership: which clause was in force when")
    )


def notebook_timeline_svg() -> str:
    """The timeline examples/tour.ipynb shows (Jupyter's picture of a Timeline)."""
    return deal().timeline(AWS_TRAINING, start="2019-01-01", end="2027-01-01")._repr_svg_()


def notebook_display(arg: str) -> str:
    """What examples/tour.ipynb shows for a value, as the HTML Jupyter renders."""
    scenario = ck.Scenario(ck.AssumedRate("revenue-share-openai-to-microsoft", "0.20"))
    values: dict[str, Callable[[], Any]] = {
        "agreement": deal,
        "january": lambda: deal().ask(AWS_TRAINING, on="2025-01-15"),
        "compare": lambda: deal().compare(AWS_TRAINING, "2025-01-15", "2025-11-15"),
        "owed": lambda: deal().revenue_share(
            "OpenAI", revenue=ck.Money("10000000000", "USD"), during="2024", scenario=scenario
        ),
    }
    try:
        value = values[arg]()
    except KeyError:
        raise PluginError(
            f"<!-- clausekit:notebook {arg} -->: known values are {', '.join(values)}."
        ) from None
    return f'<div class="ck-notebook-output">{value._repr_html_()}</div>'


PICTURES: dict[str, Callable[[], str]] = {
    TIMELINE_SVG: headline_svg,
    "img/openai-aws-api-2019-2026.svg": api_svg,
    CLAUSE_MAP_SVG: clause_map_svg,
    "img/notebook-timeline.svg": notebook_timeline_svg,
}
"""Pictures drawn by the library during the build, by their path in the site."""


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


def check_error_catalogue(markdown: str) -> None:
    """The error catalogue must have a section, with an example, for every error class."""
    sections = dict.fromkeys(re.findall(r"(?m)^### (\w+)\s*$", markdown))
    classes = [cls.__name__ for cls in error_classes()]
    missing = [name for name in classes if name not in sections]
    stale = [name for name in sections if name not in classes]
    if missing or stale:
        raise PluginError(
            "reference/errors.md must have one '### Name' section per ClauseKitError subclass.\n"
            f"  without a section: {missing}\n  sections for no error class: {stale}"
        )
    for name in classes:
        body = markdown.split(f"### {name}\n", 1)[1].split("\n### ", 1)[0]
        if ">>> " not in body:
            raise PluginError(f"reference/errors.md: the section on {name} has no example.")


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fail the build if a marker was not replaced (e.g. one written inside other text)."""
    if "clausekit:" in html_text and "<!-- clausekit:" in html_text:
        raise PluginError(f"{page.file.src_uri}: a <!-- clausekit:... --> marker was not replaced.")
    return html_text
