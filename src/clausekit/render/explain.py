"""A verdict's explanation, written like a memo: the answer, the reasons, then each source once.

:meth:`Verdict.explain() <clausekit.verdict.Verdict.explain>` delegates here.
The explanation has two parts. *Why* lists every ruling: its outcome, its
clause and the amendment that put the clause in force, the reason, the open
conditions or missing facts, and the numbers of the sources it rests on.
*Sources* lists each source once, numbered, with the claims it supports
under it: a seed article by its document id, each claim an excerpt as it
stands in the source with its English gloss; an outside source by title,
publication day and address, each claim in English. The claim ids of the
evidence base follow each claim.

:func:`group_sources` computes that grouping; the text, the Markdown and
the JSON of a verdict (:func:`clausekit.render.verdict_to_dict`) all use it.

Examples:
    >>> import clausekit as ck
    >>> deal = ck.Agreement(id="d", title="Deal", parties=[ck.Party("Acme"), ck.Party("Beta"),
    ...     ck.Party("Gamma")], amendments=[ck.Amendment(id="signed", title="Signed",
    ...     effective="2020-01-01", evidence=[ck.OutsideSource(url="https://example.org/d",
    ...     title="Deal", published="2020-01-01", gloss="Acme signs with Beta")],
    ...     adds=[ck.Exclusivity(id="excl", title="Exclusive in DE", bound="Acme",
    ...     beneficiary="Beta", verb="appoint-distributor", scope=["DE"], consent_by="Beta",
    ...     evidence=[ck.OutsideSource(url="https://example.org/d", title="Deal",
    ...     published="2020-01-01", gloss="Beta is the only distributor in DE")])])])
    >>> gamma = ck.AppointDistributor(principal="Acme", distributor="Gamma", territory="DE")
    >>> print(deal.ask(gamma, on="2021-05-01").explain())
    Question: is Acme appointing Gamma as distributor in DE permitted on 2021-05-01 under Deal?
    Answer:   CONDITIONAL — permitted only if Beta consents
    Why:
      1. CONDITIONAL by clause 'excl' (Exclusive in DE), in force since 2020-01-01 through
         amendment 'signed' (Signed).
         Acme may appoint a distributor (DE) only with Beta; Gamma is another
         counterparty. Beta's consent lifts the exclusivity.
         Condition: Beta consents.
         Sources: [1]
    Sources:
      [1] Deal, 2020-01-01, https://example.org/d
          - Beta is the only distributor in DE
          - Acme signs with Beta
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Literal

import attrs

from clausekit._checks import check_type
from clausekit.errors import RenderFormatError
from clausekit.evidence import Evidence, SeedExcerpt
from clausekit.render._wrap import fill

if TYPE_CHECKING:
    import pendulum

    from clausekit.evidence import EvidenceBase
    from clausekit.verdict import Reading, Ruling, Verdict

__all__ = [
    "FORMATS",
    "MIN_WIDTH",
    "SourceGroup",
    "conflict_notes",
    "explain",
    "group_sources",
    "readings_lines",
    "source_line",
]

Format = Literal["text", "markdown"]

FORMATS: tuple[str, ...] = ("text", "markdown")
"""The formats :func:`explain` writes: plain text (wrapped to a width) and Markdown."""

MIN_WIDTH = 40
"""The narrowest width plain text wraps to: the memo indents up to 9 columns."""


@attrs.frozen
class SourceGroup:
    """One source an answer rests on, with every claim of it the answer uses.

    Attributes:
        number: the source's number in the answer, from 1, in order of first use.
        source: the first piece of evidence from this source; it names the source
            (a seed's document id, an outside source's title, day and address).
        claims: every piece of evidence from this source the answer uses, in order
            of first use, each once.
        clauses: the ids of the clauses whose rulings cite it.
        amendments: the ids of the amendments whose rulings cite it.
    """

    number: int
    source: Evidence
    claims: tuple[Evidence, ...]
    clauses: tuple[str, ...]
    amendments: tuple[str, ...]


def source_key(evidence: Evidence) -> tuple[str, str]:
    """What makes two pieces of evidence the same source: the seed document or the address."""
    if isinstance(evidence, SeedExcerpt):
        return ("seed", evidence.document)
    return ("outside", evidence.url)


def source_line(evidence: Evidence) -> str:
    """The source a piece of evidence comes from, in one line (without the claim).

    Examples:
        >>> import clausekit as ck
        >>> source_line(ck.SeedExcerpt(document="004_28a42af719fe1a02", excerpt="Nicht mehr.",
        ...                            gloss="Not any more."))
        'seed 004_28a42af719fe1a02'
    """
    if isinstance(evidence, SeedExcerpt):
        return f"seed {evidence.document}"
    return f"{evidence.title}, {evidence.published.isoformat()}, {evidence.url}"


def claim_line(evidence: Evidence) -> str:
    """One claim in words: a seed's excerpt with its gloss, or an outside source's gloss."""
    tail = f" — claim {evidence.claim}" if evidence.claim else ""
    if isinstance(evidence, SeedExcerpt):
        return f'"{evidence.excerpt}" ({evidence.gloss}){tail}'
    return f"{evidence.gloss}{tail}"


def _ruling_evidence(ruling: Ruling) -> Iterable[tuple[Evidence, str, str]]:
    """(evidence, clause id, amendment id or "") for every source a ruling cites."""
    for evidence in ruling.evidence:
        yield evidence, ruling.clause.id, ""
    for evidence in ruling.amendment.evidence:
        yield evidence, "", ruling.amendment.id


def group_sources(
    rulings: Sequence[Ruling],
) -> tuple[tuple[SourceGroup, ...], tuple[tuple[int, ...], ...]]:
    """Each source the rulings cite, once, with its claims; and each ruling's source numbers.

    Returns:
        The source groups numbered from 1 in order of first use, and for each
        ruling (in the order given) the numbers of the sources it cites.
    """
    order: dict[tuple[str, str], int] = {}
    claims: list[dict[Evidence, None]] = []
    clauses: list[dict[str, None]] = []
    amendments: list[dict[str, None]] = []
    per_ruling: list[tuple[int, ...]] = []
    for ruling in rulings:
        numbers: dict[int, None] = {}
        for evidence, clause_id, amendment_id in _ruling_evidence(ruling):
            key = source_key(evidence)
            index = order.get(key)
            if index is None:
                index = order[key] = len(claims)
                claims.append({})
                clauses.append({})
                amendments.append({})
            claims[index].setdefault(evidence, None)
            if clause_id:
                clauses[index].setdefault(clause_id, None)
            if amendment_id:
                amendments[index].setdefault(amendment_id, None)
            numbers.setdefault(index + 1, None)
        per_ruling.append(tuple(numbers))
    groups = tuple(
        SourceGroup(
            number=index + 1,
            source=next(iter(claims[index])),
            claims=tuple(claims[index]),
            clauses=tuple(clauses[index]),
            amendments=tuple(amendments[index]),
        )
        for index in range(len(claims))
    )
    return groups, tuple(per_ruling)


def _check_options(width: int, format: str) -> None:
    if format not in FORMATS:
        raise RenderFormatError.for_value(format, choices=FORMATS, where="explain()")
    check_type(
        width,
        int,
        argument="width",
        expected="a whole number of columns",
        fix=f"Pass width=88, or any width of {MIN_WIDTH} or more.",
    )
    if width < MIN_WIDTH:
        raise RenderFormatError.for_width(width, minimum=MIN_WIDTH, where="explain()")


_KEPT_TEXTS = 4
"""How many renderings (headline, then per format and width) an answer keeps."""

_DAY = "\x00"
"""Stands for the day in a memo written once for every day of an answer (see :func:`explain`)."""


def explain(verdict: Verdict, *, width: int = 88, format: Format = "text") -> str:
    """The verdict as a memo: question, answer, facts, assumptions, why, and the sources.

    Args:
        verdict: the answer to explain.
        width: the line width plain text wraps at (Markdown is not wrapped).
        format: ``"text"`` for a terminal or an email, ``"markdown"`` for a document.

    Raises:
        RenderFormatError: for a format other than those in :data:`FORMATS`, or a
            width under :data:`MIN_WIDTH`.
        ArgumentTypeError: for a width that is not a whole number.
    """
    # Verdicts an agreement gives from one answer (see Verdict._assemble) share ``texts``
    # and differ only in their day and the assumptions that name it. Without assumptions
    # their memos differ only where the day is written: the memo is kept once, split where
    # the day goes, and each verdict joins the pieces with its day. Only a memo written
    # for valid options is kept, so a hit needs no check (``type``: 88.0 == 88 is no width).
    texts = verdict._texts
    # known_on in the key: views "as known on" days of one knowledge stretch share their
    # answers' texts (agreement/knowledge.py), and the question names the view's day.
    pieces_key = ("memo", format, width, verdict.known_on)
    pieces = texts.get(pieces_key) if type(width) is int and not verdict.assumptions else None
    if pieces is not None:
        return verdict.on.isoformat().join(pieces)
    _check_options(width, format)
    if verdict.assumptions or len(texts) >= _KEPT_TEXTS:
        return _memo(verdict, verdict.on.isoformat(), width, format)
    memo = _memo(verdict, _DAY, width, format, keep=False)  # the pieces hold the "Why"
    pieces = tuple(memo.split(_DAY))
    if len(pieces) != 2 + (not verdict.rulings or verdict.by_default):
        # The mark stands in the verdict's own text too (as written, _memo keeps it).
        return _memo(verdict, verdict.on.isoformat(), width, format)
    texts[pieces_key] = pieces
    return verdict.on.isoformat().join(pieces)


def _memo(verdict: Verdict, day: str, width: int, format: Format, *, keep: bool = True) -> str:
    """The memo, with ``day`` written for the verdict's day (options checked).

    ``keep``: keep the "Why" section for the verdicts sharing this one's texts.
    """
    markdown = format == "markdown"
    known = (
        f" (as the public could know it on {verdict.known_on.isoformat()})"
        if verdict.known_on
        else ""
    )
    where = f" under {verdict.agreement}" if verdict.agreement else ""
    question = f"is {verdict.action_text} permitted on {day}{where}{known}?"
    head: list[tuple[str, str]] = [("Question", question), ("Answer", verdict.headline())]
    if verdict.scenario:
        head.append(("Facts", verdict.scenario.describe()))
    head.extend(("Assumed", assumption) for assumption in verdict.assumptions)
    head.extend(("Note", note) for note in verdict.notes)
    head.extend(readings_lines(verdict.readings))
    if not verdict.rulings:
        head.append(
            (
                "Why",
                f"{verdict.reason} — none of the clauses in force on {day} governs this action.",
            )
        )
    elif verdict.by_default:
        head.append(
            (
                "Default",
                f"{verdict.default.value.upper()} — {verdict.default_reason}: no clause in "
                f"force on {day} grants this action.",
            )
        )
    if markdown:
        lines = [f"**{label}:** {_md(text)}" if label else _md(text) for label, text in head]
        out = "\n\n".join(lines)
    else:
        out = "\n".join(f"{label + ':' if label else '':<9} {text}" for label, text in head)
    if not verdict.rulings:
        return out
    # The "Why" and "Sources" sections depend on the rulings only: verdicts with the same
    # rulings share the dict they are kept in (see Verdict._assemble).
    texts = verdict._texts
    key = (format, width)
    why = texts.get(key)
    if why is None:
        why = (_why_markdown if markdown else _why_text)(verdict.rulings, width, verdict.known_on)
        # Bounded: the usual renderings are kept, not one text per width ever asked.
        if keep and len(texts) < _KEPT_TEXTS:
            texts[key] = why
    return out + ("\n\n" if markdown else "\n") + why


def readings_lines(readings: Sequence[Reading]) -> list[tuple[str, str]]:
    """The "Readings" lines of an answer under a dispute or an uncertain date.

    When every reading gives the same answer, one line says so and that the
    dispute does not change it; otherwise one line per reading with its answer.
    """
    if not readings:
        return []
    if len({(r.outcome, r.headline) for r in readings}) == 1:
        said = " or ".join(r.description for r in readings)
        return [
            (
                "Readings",
                f"{said}: every reading gives {readings[0].outcome.value.upper()}; the dispute "
                "does not change the answer.",
            )
        ]
    lines = [("Readings", "the answer depends on which holds:")]
    lines += [("", f"{n}. {r.description}: {r.headline}") for n, r in enumerate(readings, 1)]
    return lines


@functools.cache
def _evidence_base() -> Callable[[], EvidenceBase]:
    """:func:`clausekit.evidence.evidence_base`, imported once (it loads the bundled files
    on first use); an import statement per cited claim cost about a microsecond each."""
    from clausekit.evidence import evidence_base

    return evidence_base


def conflict_notes(evidence: Evidence, *, known_on: pendulum.Date | None = None) -> tuple[str, ...]:
    """For a cited claim that a recorded conflict involves: the conflict and the other side.

    Empty when the evidence base records no conflict about the claim. With
    ``known_on`` (an answer as known on a day), the other side names only the
    claims published by then, and a conflict none of whose other side was
    published yet is left out.
    """
    if evidence.claim is None:
        return ()
    base = _evidence_base()()
    notes = []
    for conflict in base.disputes(evidence, known_on=known_on):
        others = base.other_side(conflict, evidence.claim, known_on=known_on)
        notes.append(
            f"disputed ({conflict.id}): {', '.join(f'{c.id} ({c.gloss})' for c in others)}"
        )
    return tuple(notes)


def _ruling_head(number: int, ruling: Ruling, *, code: str = "'") -> str:
    a = ruling.amendment
    effect = ruling.effect.value.upper()
    if code == "`":
        effect = f"**{effect}**"
        title, a_title = _md(ruling.clause.title), _md(a.title)
    else:
        title, a_title = ruling.clause.title, a.title
    return (
        f"{number}. {effect} by clause {code}{ruling.clause.id}{code} ({title}), in force since "
        f"{a.effective.isoformat()} through amendment {code}{a.id}{code} ({a_title})."
    )


def _why_text(rulings: Sequence[Ruling], width: int, known_on: pendulum.Date | None) -> str:
    groups, numbers = group_sources(rulings)
    lines = ["Why:"]
    body = "     "

    def para(text: str) -> str:
        return fill(text, width=width, initial_indent=body, subsequent_indent=body)

    for number, (ruling, cited) in enumerate(zip(rulings, numbers, strict=True), start=1):
        lines.append(
            fill(
                _ruling_head(number, ruling),
                width=width,
                initial_indent="  ",
                subsequent_indent=body,
            )
        )
        lines.append(para(ruling.reason))
        lines.extend(para(f"Condition: {c.text}.") for c in ruling.finding.conditions)
        lines.extend(para(f"Missing: {m}.") for m in ruling.finding.missing)
        lines.append(para("Sources: " + ", ".join(f"[{n}]" for n in cited)))
    lines.append("Sources:")
    for group in groups:
        label = f"  [{group.number}] "
        lines.append(
            fill(
                source_line(group.source),
                width=width,
                initial_indent=label,
                subsequent_indent=" " * len(label),
                break_long_words=False,  # keep addresses whole, so they stay clickable
            )
        )
        for claim in group.claims:
            for text, indent in (
                (claim_line(claim), "- "),
                *((n, "  ! ") for n in conflict_notes(claim, known_on=known_on)),
            ):
                lines.append(
                    fill(
                        text,
                        width=width,
                        initial_indent=" " * len(label) + indent,
                        subsequent_indent=" " * (len(label) + len(indent)),
                        break_long_words=False,
                    )
                )
    return "\n".join(lines)


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|"})


def _md(text: str) -> str:
    """Text that Markdown shows as written: its markup characters escaped, on one line."""
    return " ".join(text.translate(_MD_SPECIAL).split())


def _md_claim(evidence: Evidence) -> str:
    tail = f" (claim `{evidence.claim}`)" if evidence.claim else ""
    if isinstance(evidence, SeedExcerpt):
        return f"“{_md(evidence.excerpt)}” — {_md(evidence.gloss)}{tail}"
    return f"{_md(evidence.gloss)}{tail}"


def _md_source(evidence: Evidence) -> str:
    if isinstance(evidence, SeedExcerpt):
        return f"seed `{evidence.document}`"
    return f"[{_md(evidence.title)}]({evidence.url}), {evidence.published.isoformat()}"


def _why_markdown(rulings: Sequence[Ruling], width: int, known_on: pendulum.Date | None) -> str:
    del width  # Markdown is not wrapped: the reader's screen does that
    groups, numbers = group_sources(rulings)
    lines = ["**Why:**", ""]
    for number, (ruling, cited) in enumerate(zip(rulings, numbers, strict=True), start=1):
        lines.append(_ruling_head(number, ruling, code="`"))
        lines.append(f"    - {_md(ruling.reason)}")
        lines.extend(f"    - Condition: {_md(c.text)}." for c in ruling.finding.conditions)
        lines.extend(f"    - Missing: {_md(m)}." for m in ruling.finding.missing)
        lines.append("    - Sources: " + ", ".join(f"\\[{n}\\]" for n in cited))
    lines.extend(["", "**Sources:**", ""])
    for group in groups:
        lines.append(f"{group.number}. {_md_source(group.source)}")
        for claim in group.claims:
            lines.append(f"    - {_md_claim(claim)}")
            lines.extend(
                f"        - ⚠ {_md(note)}" for note in conflict_notes(claim, known_on=known_on)
            )
    return "\n".join(lines)
