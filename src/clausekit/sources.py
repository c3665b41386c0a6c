"""The evidence base: the seed articles' claims, outside sources, and their conflicts.

The base is data, kept in a folder of TOML files (the repository's top-level
``seeds/`` folder, shipped inside the wheel as ``clausekit/_seeds``):

- one file per seed article, named by its file stem
  (``001_7f6e26588299af66.toml``), holding the article's claims, each with a
  short verbatim excerpt and an English gloss;
- ``outside.toml``: public sources outside the seeds (URL, title, date), whose
  claims carry a gloss but no excerpt, since their text is not in hand;
- ``conflicts.toml``: where sources disagree. Both sides are kept; nothing is
  silently picked.

Excerpts are matched against the articles with :func:`excerpt_occurs`, which
tolerates folded whitespace, typographic quotes and dashes, and mojibake such
as seed 001's ``auĂźer`` (UTF-8 read as cp1250), in either the excerpt or the
article.

Examples:
    >>> from clausekit.sources import evidence_base, excerpt_occurs
    >>> base = evidence_base()
    >>> claim = base.claim("s001.rofr-trigger")
    >>> claim.document
    '001_7f6e26588299af66'
    >>> [c.id for c in base.conflicts_about("rofr-trigger")]
    ['c.rofr-trigger']
    >>> base.earliest_report("aws-deal")
    Date(2025, 11, 3)
    >>> excerpt_occurs("andere Anbieter außer Contoso", "andere Anbieter auĂźer Contoso")
    True
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
import tomllib
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Literal, TypeAlias, cast

import attrs
import pendulum

from clausekit.errors import EvidenceError, InvalidDateError, InvalidPeriodError, closest
from clausekit.evidence import OutsideSource, SeedExcerpt
from clausekit.time import DateRange, day_from_iso

__all__ = [
    "MAX_EXCERPT_WORDS",
    "Claim",
    "ClaimStatus",
    "Conflict",
    "Document",
    "DocumentKind",
    "EvidenceBase",
    "evidence_base",
    "excerpt_occurs",
    "load_evidence_base",
]

DocumentKind: TypeAlias = Literal["seed", "outside"]
ClaimStatus: TypeAlias = Literal["reported", "official-statement", "analysis"]

#: The longest excerpt accepted, in words. Excerpts should stay at about 25.
MAX_EXCERPT_WORDS = 30

_KINDS: tuple[DocumentKind, ...] = ("seed", "outside")
_STATUSES: tuple[ClaimStatus, ...] = ("reported", "official-statement", "analysis")
_KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SEED_STEM = re.compile(r"^(\d{3})_[0-9a-f]+$")
_SEED_CLAIM = re.compile(r"^s(\d{3})\.([a-z0-9]+(?:-[a-z0-9]+)*)$")
_OUTSIDE_CLAIM = re.compile(r"^o\.([a-z0-9]+(?:-[a-z0-9]+)*)\.([a-z0-9]+(?:-[a-z0-9]+)*)$")
_CONFLICT_ID = re.compile(r"^c\.[a-z0-9]+(?:-[a-z0-9]+)*$")

OUTSIDE_FILE = "outside.toml"
CONFLICTS_FILE = "conflicts.toml"


# --------------------------------------------------------------------------- matching

# Typographic quotes, apostrophes and dashes, folded to their ASCII forms.
_PUNCTUATION = str.maketrans(
    {
        "\u201c": '"',  # “
        "\u201d": '"',  # ”
        "\u201e": '"',  # „
        "\u201f": '"',  # ‟
        "\u00ab": '"',  # «
        "\u00bb": '"',  # »
        "\u2018": "'",  # ‘
        "\u2019": "'",  # ’
        "\u201a": "'",  # ‚
        "\u201b": "'",  # ‛
        "\u2039": "'",  # ‹
        "\u203a": "'",  # ›
        "\u00b4": "'",  # ´
        "\u2010": "-",  # ‐
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # ‒
        "\u2013": "-",  # –
        "\u2014": "-",  # —
        "\u2212": "-",  # minus sign
        "\u00ad": None,  # soft hyphen
        "\u200b": None,  # zero-width space
        "\u200c": None,  # zero-width non-joiner
        "\u200d": None,  # zero-width joiner
        "\u2060": None,  # word joiner
        "\ufeff": None,  # byte order mark
    }
)


def _mojibake_pattern(encoding: str) -> re.Pattern[str]:
    """A pattern for UTF-8 byte sequences that were wrongly decoded as ``encoding``."""

    def chars(low: int, high: int) -> str:
        found = []
        for byte in range(low, high + 1):
            try:
                found.append(bytes([byte]).decode(encoding))
            except UnicodeDecodeError:
                continue
        return "[" + "".join(re.escape(c) for c in found) + "]"

    cont = chars(0x80, 0xBF)
    lead2, lead3, lead4 = chars(0xC2, 0xDF), chars(0xE0, 0xEF), chars(0xF0, 0xF4)
    return re.compile(f"{lead2}{cont}|{lead3}{cont}{{2}}|{lead4}{cont}{{3}}")


_MOJIBAKE = tuple((enc, _mojibake_pattern(enc)) for enc in ("cp1250", "cp1252", "latin-1"))


def _repair_mojibake(text: str) -> str:
    """Undo UTF-8 text decoded as cp1250, cp1252 or latin-1, where that decodes cleanly.

    Each suspicious run (a would-be UTF-8 lead byte followed by its
    continuation bytes) is encoded back to bytes and decoded as UTF-8; a run
    that does not decode cleanly is left as it stands.

    Examples:
        >>> _repair_mojibake("auĂźer, fĂĽr, Ă¤")
        'außer, für, ä'
        >>> _repair_mojibake("fÃ¼r")
        'für'
        >>> _repair_mojibake("Äß und é")
        'Äß und é'
    """
    for encoding, pattern in _MOJIBAKE:

        def fix(match: re.Match[str], encoding: str = encoding) -> str:
            run = match.group()
            try:
                return run.encode(encoding).decode("utf-8")
            except UnicodeError:
                return run

        text = pattern.sub(fix, text)
    return text


def _fold_whitespace(text: str) -> str:
    return " ".join(text.split())


def _fold(text: str) -> str:
    """NFC, repaired mojibake, ASCII quotes and dashes, single spaces."""
    text = unicodedata.normalize("NFC", text)
    text = unicodedata.normalize("NFC", _repair_mojibake(text))
    return _fold_whitespace(text.translate(_PUNCTUATION))


def excerpt_occurs(excerpt: str, text: str) -> bool:
    """Tell whether ``excerpt`` occurs in ``text``, tolerating damage to either.

    Both sides are compared after folding runs of whitespace to one space,
    and again after also NFC-normalising, folding typographic quotes and
    dashes to ASCII (``„“”’–`` to ``"'-``), dropping soft hyphens and
    zero-width characters, and repairing mojibake (UTF-8 bytes wrongly
    decoded as cp1250, cp1252 or latin-1, such as ``auĂźer`` for
    ``außer``). So an excerpt stored with the broken characters as they stand
    and one with the repaired characters both match the damaged article.
    Case matters, and so does every other character: an excerpt that is not in
    the text is not found. An empty or blank excerpt proves nothing and never
    occurs.

    Args:
        excerpt: the words claimed to be in the text.
        text: the source text, possibly damaged.

    Returns:
        True when the excerpt occurs in the text.

    Examples:
        >>> excerpt_occurs("500 Milliarden für Stargate", "500 Milliarden fĂĽr Stargate\\n")
        True
        >>> excerpt_occurs("500 Milliarden fĂĽr Stargate", "500 Milliarden für  Stargate")
        True
        >>> excerpt_occurs('"Hunderttausende" Nvidia', "– „Hunderttausende“ Nvidia-Prozessoren")
        True
        >>> excerpt_occurs("600 Milliarden für Stargate", "500 Milliarden fĂĽr Stargate")
        False
    """
    if not excerpt.strip():
        return False
    if _fold_whitespace(excerpt) in _fold_whitespace(text):
        return True
    folded = _fold(excerpt)
    return bool(folded) and folded in _fold(text)


# --------------------------------------------------------------------------- values


def _non_blank(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise EvidenceError(
            f"{type(instance).__name__}.{attribute.name}={value!r} must be non-empty text."
        )


def _optional_text(instance: object, attribute: attrs.Attribute[str | None], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise EvidenceError(
            f"{type(instance).__name__}.{attribute.name}={value!r} must be non-empty text or None."
        )


def _optional_day(
    instance: object, attribute: attrs.Attribute[pendulum.Date | None], value: object
) -> None:
    if value is not None and type(value) is not pendulum.Date:
        raise EvidenceError(
            f"{type(instance).__name__}.{attribute.name}={value!r} must be a pendulum.Date or None."
        )


def _topics(instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: object) -> None:
    if not isinstance(value, tuple) or not value:
        raise EvidenceError(
            f"{type(instance).__name__}.{attribute.name}={value!r} must be a non-empty tuple of "
            "kebab-case tags."
        )
    for tag in value:
        if not isinstance(tag, str) or not _KEBAB.match(tag):
            raise EvidenceError(
                f"{type(instance).__name__}.{attribute.name} holds {tag!r}, which is not a "
                "kebab-case tag such as 'rofr-trigger'."
            )


@attrs.frozen
class Claim:
    """One thing a source says, as the evidence base records it.

    Attributes:
        id: unique across the base: ``s<NNN>.<topic>`` for a seed article,
            ``o.<source-id>.<topic>`` for an outside source.
        document: the id of the document that makes the claim.
        excerpt: the verbatim words (seed articles only; None for outside
            sources, whose text is not in hand).
        gloss: what the claim says, in English.
        topics: kebab-case tags; the same tag marks the same subject across
            documents.
        status: ``"reported"`` (press report), ``"official-statement"`` (a
            company's own words) or ``"analysis"`` (the writer's reading).
        about: the day of the event the claim is about, when known.

    Examples:
        >>> c = Claim(
        ...     id="s003.amazon-share-rise",
        ...     document="003_a1f5f37c4354f31f",
        ...     excerpt="le azioni di Amazon sono aumentate di circa il 5%",
        ...     gloss="Amazon's shares rose by about 5 %",
        ...     topics=("amazon-share-rise",),
        ...     status="reported",
        ... )
        >>> c.is_seed, c.about is None
        (True, True)
    """

    id: str = attrs.field(validator=_non_blank)
    document: str = attrs.field(validator=_non_blank)
    excerpt: str | None = attrs.field(validator=_optional_text)
    gloss: str = attrs.field(validator=_non_blank)
    topics: tuple[str, ...] = attrs.field(validator=_topics)
    status: ClaimStatus = attrs.field(validator=attrs.validators.in_(_STATUSES))
    about: pendulum.Date | None = attrs.field(default=None, validator=_optional_day)

    @property
    def is_seed(self) -> bool:
        """True for a claim with a verbatim excerpt from a seed article."""
        return self.excerpt is not None


def _published(
    instance: object, attribute: attrs.Attribute[pendulum.Date | DateRange], value: object
) -> None:
    if isinstance(value, DateRange):
        return
    if type(value) is not pendulum.Date:
        raise EvidenceError(
            f"Document.published={value!r} must be a pendulum.Date or a clausekit.time.DateRange."
        )


def _claims_tuple(instance: object, attribute: attrs.Attribute[object], value: object) -> None:
    if not isinstance(value, tuple) or not all(isinstance(c, Claim) for c in value):
        raise EvidenceError(f"Document.claims must be a tuple of Claim values, got {value!r}.")


@attrs.frozen
class Document:
    """A source: a seed article or an outside public source, with its claims.

    Attributes:
        id: the seed's file stem (``"001_7f6e26588299af66"``) or the outside
            source's id (``"bloomberg-2019-07-22"``).
        kind: ``"seed"`` or ``"outside"``.
        language: the language of the text (``"de"``, ``"it"``, ``"en"``).
        outlet: the publication, when recognisable.
        published: the publication day, or a :class:`~clausekit.time.DateRange`
            when the text only implies it.
        published_reasoning: how the date was found or inferred.
        url: the address (outside sources).
        title: the headline or a descriptive title.
        claims: what the document says.
        outlet_reasoning: why the outlet is named (or why it is not).

    Examples:
        >>> from clausekit.time import DateRange
        >>> d = Document(
        ...     id="003_a1f5f37c4354f31f",
        ...     kind="seed",
        ...     language="it",
        ...     outlet=None,
        ...     published=DateRange("2025-11-03", "2025-11-09"),
        ...     published_reasoning="the renegotiation of 28 October was 'la scorsa settimana'",
        ...     url=None,
        ...     title=None,
        ...     claims=(),
        ... )
        >>> d.published_day
        Date(2025, 11, 3)
    """

    id: str = attrs.field(validator=_non_blank)
    kind: DocumentKind = attrs.field(validator=attrs.validators.in_(_KINDS))
    language: str | None = attrs.field(validator=_optional_text)
    outlet: str | None = attrs.field(validator=_optional_text)
    published: pendulum.Date | DateRange = attrs.field(validator=_published)
    published_reasoning: str | None = attrs.field(validator=_optional_text)
    url: str | None = attrs.field(validator=_optional_text)
    title: str | None = attrs.field(validator=_optional_text)
    claims: tuple[Claim, ...] = attrs.field(validator=_claims_tuple)
    outlet_reasoning: str | None = attrs.field(default=None, validator=_optional_text)

    @property
    def published_day(self) -> pendulum.Date:
        """The publication day; for a date range, its earliest possible day."""
        if isinstance(self.published, DateRange):
            return self.published.earliest
        return self.published


@attrs.frozen
class Conflict:
    """Two or more claims that disagree, kept side by side.

    Attributes:
        id: ``c.<kebab-topic>``.
        topic: the subject they disagree on (a kebab-case tag).
        claims: the ids of the claims involved (at least two).
        note: what disagrees and which reading is better supported, and why.
    """

    id: str = attrs.field(validator=_non_blank)
    topic: str = attrs.field(validator=_non_blank)
    claims: tuple[str, ...] = attrs.field()
    note: str = attrs.field(validator=_non_blank)

    @claims.validator
    def _two_or_more(self, attribute: attrs.Attribute[tuple[str, ...]], value: object) -> None:
        if not isinstance(value, tuple) or len(set(value)) < 2:
            raise EvidenceError(
                f"Conflict {self.id!r} names {value!r}; a conflict needs at least two "
                "different claims."
            )


def _no_suggestion(suggestions: list[str]) -> str:
    if not suggestions:
        return ""
    return " Did you mean " + " or ".join(repr(s) for s in suggestions) + "?"


@attrs.frozen
class EvidenceBase:
    """The documents and their claims, and the conflicts among them.

    Build it with :func:`load_evidence_base` (or take the bundled one from
    :func:`evidence_base`). Claim ids are unique across the base, and every
    conflict names known claims.

    Examples:
        >>> base = evidence_base()
        >>> base.evidence("s004.rofr-trigger").document
        '004_28a42af719fe1a02'
        >>> print(base.evidence("o.openai-2025-10-28.rofr-removed").url)
        https://openai.com/index/next-chapter-of-microsoft-openai-partnership/
        >>> base.claim("s001.rofr-triger")
        Traceback (most recent call last):
        ...
        clausekit.errors.EvidenceError: No claim 's001.rofr-triger' in the evidence base. Did you mean 's001.rofr-trigger' or ...
    """

    documents: tuple[Document, ...]
    conflicts: tuple[Conflict, ...] = ()
    _documents_by_id: dict[str, Document] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )
    _claims_by_id: dict[str, Claim] = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        documents: dict[str, Document] = {}
        claims: dict[str, Claim] = {}
        for document in self.documents:
            if document.id in documents:
                raise EvidenceError(f"Document id {document.id!r} is used twice; ids must differ.")
            documents[document.id] = document
            for claim in document.claims:
                if claim.id in claims:
                    raise EvidenceError(
                        f"Claim id {claim.id!r} is used twice (documents "
                        f"{claims[claim.id].document!r} and {claim.document!r}); rename one."
                    )
                if claim.document != document.id:
                    raise EvidenceError(
                        f"Claim {claim.id!r} says it belongs to {claim.document!r} but is "
                        f"listed under document {document.id!r}."
                    )
                claims[claim.id] = claim
        seen: set[str] = set()
        for conflict in self.conflicts:
            if conflict.id in seen:
                raise EvidenceError(f"Conflict id {conflict.id!r} is used twice; ids must differ.")
            seen.add(conflict.id)
            for claim_id in conflict.claims:
                if claim_id not in claims:
                    raise EvidenceError(
                        f"Conflict {conflict.id!r} names claim {claim_id!r}, which no document "
                        f"makes.{_no_suggestion(closest(claim_id, claims))}"
                    )
        object.__setattr__(self, "_documents_by_id", documents)
        object.__setattr__(self, "_claims_by_id", claims)

    @property
    def claims(self) -> tuple[Claim, ...]:
        """Every claim, document by document, in file order."""
        return tuple(self._claims_by_id.values())

    @property
    def topics(self) -> frozenset[str]:
        """Every topic tag used by a claim."""
        return frozenset(t for c in self._claims_by_id.values() for t in c.topics)

    def document(self, document_id: str) -> Document:
        """The document with this id.

        Raises:
            EvidenceError: for an unknown id, suggesting the closest known ones.
        """
        try:
            return self._documents_by_id[document_id]
        except KeyError:
            suggestions = closest(document_id, self._documents_by_id)
            raise EvidenceError(
                f"No document {document_id!r} in the evidence base."
                f"{_no_suggestion(suggestions)} Known documents: "
                f"{', '.join(self._documents_by_id)}."
            ) from None

    def claim(self, claim_id: str) -> Claim:
        """The claim with this id.

        Raises:
            EvidenceError: for an unknown id, suggesting the closest known ones.
        """
        try:
            return self._claims_by_id[claim_id]
        except KeyError:
            suggestions = closest(claim_id, self._claims_by_id)
            raise EvidenceError(
                f"No claim {claim_id!r} in the evidence base.{_no_suggestion(suggestions)} "
                "Claim ids look like 's001.rofr-trigger' (seed article 001) or "
                "'o.openai-2025-10-28.rofr-removed' (an outside source)."
            ) from None

    def evidence(self, claim_id: str) -> SeedExcerpt | OutsideSource:
        """The evidence value a clause or amendment can cite for this claim.

        A seed claim gives a :class:`~clausekit.evidence.SeedExcerpt`; an
        outside claim gives an :class:`~clausekit.evidence.OutsideSource` with
        its document's URL, title and publication day (the earliest day, for
        a date range).

        Raises:
            EvidenceError: for an unknown claim, or an outside document
                without URL or title.
        """
        claim = self.claim(claim_id)
        document = self._documents_by_id[claim.document]
        if claim.excerpt is not None:
            return SeedExcerpt(
                document=document.id, excerpt=claim.excerpt, gloss=claim.gloss, claim=claim.id
            )
        if document.url is None or document.title is None:
            raise EvidenceError(
                f"Claim {claim.id!r} has no excerpt, but its document {document.id!r} has no "
                "url and title to cite instead; add them to the document."
            )
        return OutsideSource(
            url=document.url,
            title=document.title,
            published=document.published_day,
            gloss=claim.gloss,
            claim=claim.id,
        )

    def claims_about(self, topic: str) -> tuple[Claim, ...]:
        """Every claim tagged with ``topic``, in file order (empty when none is)."""
        return tuple(c for c in self._claims_by_id.values() if topic in c.topics)

    def conflicts_about(self, topic: str) -> tuple[Conflict, ...]:
        """Every conflict whose topic is ``topic``."""
        return tuple(c for c in self.conflicts if c.topic == topic)

    def conflicts_involving(self, claim_id: str) -> tuple[Conflict, ...]:
        """Every conflict that names the claim ``claim_id``.

        Raises:
            EvidenceError: for an unknown claim id.
        """
        self.claim(claim_id)
        return tuple(c for c in self.conflicts if claim_id in c.claims)

    def earliest_report(self, topic: str) -> pendulum.Date:
        """The earliest publication day among documents with a claim on ``topic``.

        A document published on an uncertain day counts with its earliest
        possible day. Use it to pin the day the public could first know of
        something (an amendment's announced date).

        Raises:
            EvidenceError: when no claim has that topic, suggesting close ones.
        """
        days = [self._documents_by_id[c.document].published_day for c in self.claims_about(topic)]
        if not days:
            suggestions = closest(topic, self.topics)
            raise EvidenceError(
                f"No claim has the topic {topic!r}, so nothing reports it."
                f"{_no_suggestion(suggestions)}"
            )
        return min(days)

    def verify(self, seed_dir: Path) -> tuple[str, ...]:
        """Check every seed excerpt against its article in ``seed_dir``.

        Articles are read as ``<seed_dir>/<document id>.txt`` (UTF-8) and
        matched with :func:`excerpt_occurs`.

        Returns:
            One readable line per problem (an excerpt not found, an article
            missing); empty when every excerpt occurs.
        """
        problems: list[str] = []
        for document in self.documents:
            if document.kind != "seed":
                continue
            article = Path(seed_dir) / f"{document.id}.txt"
            try:
                text = article.read_text(encoding="utf-8")
            except OSError as exc:
                problems.append(
                    f"{document.id}: cannot read the article {article}: {exc.strerror or exc}."
                )
                continue
            for claim in document.claims:
                if claim.excerpt is not None and not excerpt_occurs(claim.excerpt, text):
                    problems.append(
                        f"{document.id}: claim {claim.id}: excerpt {claim.excerpt!r} does not "
                        f"occur in {article.name}; copy the words exactly as they stand."
                    )
        return tuple(problems)


# --------------------------------------------------------------------------- loading


class _Problems:
    """Collects every problem in a base folder, so one error lists them all."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, file: Path, field: str, message: str) -> None:
        where = f"{file.name}: {field}" if field else file.name
        self.lines.append(f"{where}: {message}")


_SEED_DOCUMENT_KEYS = {
    "document": True,
    "kind": True,
    "language": True,
    "outlet": False,
    "outlet_reasoning": False,
    "published": True,
    "published_reasoning": True,
    "url": False,
    "title": False,
    "claims": True,
}
_OUTSIDE_DOCUMENT_KEYS = {
    "id": True,
    "kind": True,
    "url": True,
    "title": True,
    "published": True,
    "outlet": True,
    "language": False,
    "published_reasoning": False,
    "outlet_reasoning": False,
    "claims": True,
}
_SEED_CLAIM_KEYS = {
    "id": True,
    "excerpt": True,
    "gloss": True,
    "topics": True,
    "status": True,
    "about": False,
}
_OUTSIDE_CLAIM_KEYS = {k: v for k, v in _SEED_CLAIM_KEYS.items() if k != "excerpt"}
_CONFLICT_KEYS = {"id": True, "topic": True, "claims": True, "note": True}


def _check_keys(
    table: Mapping[str, object],
    allowed: Mapping[str, bool],
    file: Path,
    where: str,
    problems: _Problems,
) -> bool:
    """Report unknown and missing keys; True when there were none."""
    ok = True
    prefix = f"{where}." if where else ""
    for key in table:
        if key not in allowed:
            hint = _no_suggestion(closest(key, allowed))
            problems.add(
                file,
                f"{prefix}{key}",
                f"unknown key.{hint} Allowed keys here: {', '.join(allowed)}.",
            )
            ok = False
    for key, required in allowed.items():
        if required and key not in table:
            problems.add(file, f"{prefix}{key}", "missing; this field is required here.")
            ok = False
    return ok


def _text(
    table: Mapping[str, object], key: str, file: Path, where: str, problems: _Problems
) -> str | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        problems.add(file, f"{where}.{key}" if where else key, f"{value!r} must be non-empty text.")
        return None
    return value


def _day(value: object, file: Path, field: str, problems: _Problems) -> pendulum.Date | None:
    if isinstance(value, _dt.datetime):
        problems.add(
            file,
            field,
            f"{value!r} has a time of day; write a calendar day such as 2025-01-21.",
        )
        return None
    if isinstance(value, _dt.date):
        return pendulum.Date(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            return day_from_iso(value, field=field)
        except (InvalidDateError, ValueError) as exc:
            problems.add(file, field, f"{value!r} is not a calendar day ({exc}).")
            return None
    problems.add(
        file, field, f'{value!r} is not a calendar day; write an ISO day such as "2025-01-21".'
    )
    return None


def _published_value(
    value: object, file: Path, field: str, problems: _Problems
) -> pendulum.Date | DateRange | None:
    if isinstance(value, dict):
        extra = sorted(set(value) - {"earliest", "latest"})
        missing = sorted({"earliest", "latest"} - set(value))
        if extra or missing:
            problems.add(
                file,
                field,
                "a date range is a table with exactly the keys earliest and latest, e.g. "
                '{ earliest = "2025-01-21", latest = "2025-01-23" }'
                f" (unknown: {extra or 'none'}, missing: {missing or 'none'}).",
            )
            return None
        earliest = _day(value["earliest"], file, f"{field}.earliest", problems)
        latest = _day(value["latest"], file, f"{field}.latest", problems)
        if earliest is None or latest is None:
            return None
        try:
            return DateRange(earliest, latest)
        except InvalidPeriodError as exc:
            problems.add(file, field, f"{exc} Swap earliest and latest.")
            return None
    return _day(value, file, field, problems)


def _claim(
    raw: object,
    *,
    index: int,
    document_id: str,
    kind: DocumentKind,
    file: Path,
    where: str,
    problems: _Problems,
) -> Claim | None:
    here = f"{where}[{index}]"
    if not isinstance(raw, dict):
        problems.add(file, here, "each claim must be a table ([[claims]]).")
        return None
    raw = cast(dict[str, object], raw)
    claim_id = raw.get("id")
    if isinstance(claim_id, str):
        here = f"{where}[{index}] ({claim_id})"
    allowed = _SEED_CLAIM_KEYS if kind == "seed" else _OUTSIDE_CLAIM_KEYS
    if kind == "outside" and "excerpt" in raw:
        problems.add(
            file,
            f"{here}.excerpt",
            "outside sources carry no excerpt (their text is not in hand); "
            "paraphrase in gloss instead.",
        )
        return None
    if not _check_keys(raw, allowed, file, here, problems):
        return None
    before = len(problems.lines)
    if not isinstance(claim_id, str) or not claim_id:
        problems.add(file, f"{here}.id", f"{claim_id!r} must be text.")
    elif kind == "seed":
        match = _SEED_CLAIM.match(claim_id)
        prefix = document_id[:3]
        if match is None or match.group(1) != prefix:
            problems.add(
                file,
                f"{here}.id",
                f"{claim_id!r} does not follow the pattern s{prefix}.<kebab-topic> "
                f"for document {document_id!r}, e.g. 's{prefix}.rofr-trigger'.",
            )
    else:
        match = _OUTSIDE_CLAIM.match(claim_id)
        if match is None or match.group(1) != document_id:
            problems.add(
                file,
                f"{here}.id",
                f"{claim_id!r} does not follow the pattern o.{document_id}.<kebab-topic>.",
            )
    excerpt = _text(raw, "excerpt", file, here, problems)
    if excerpt is not None and len(excerpt.split()) > MAX_EXCERPT_WORDS:
        problems.add(
            file,
            f"{here}.excerpt",
            f"has {len(excerpt.split())} words; keep excerpts to about 25 words "
            f"(at most {MAX_EXCERPT_WORDS}). Split it into two claims or shorten it.",
        )
    gloss = _text(raw, "gloss", file, here, problems)
    topics_raw = raw.get("topics")
    topics: tuple[str, ...] = ()
    if (
        not isinstance(topics_raw, list)
        or not topics_raw
        or not all(isinstance(t, str) and _KEBAB.match(t) for t in topics_raw)
    ):
        problems.add(
            file,
            f"{here}.topics",
            f"{topics_raw!r} must be a non-empty list of kebab-case tags, e.g. "
            '["rofr", "rofr-trigger"].',
        )
    else:
        topics = tuple(cast(list[str], topics_raw))
        if len(set(topics)) != len(topics):
            problems.add(file, f"{here}.topics", f"{topics_raw!r} repeats a tag.")
    status = raw.get("status")
    if status not in _STATUSES:
        problems.add(
            file,
            f"{here}.status",
            f"{status!r} is not one of {', '.join(repr(s) for s in _STATUSES)}.",
        )
    about = None
    if "about" in raw:
        about = _day(raw["about"], file, f"{here}.about", problems)
    if len(problems.lines) > before or gloss is None or not isinstance(claim_id, str):
        return None
    return Claim(
        id=claim_id,
        document=document_id,
        excerpt=excerpt,
        gloss=gloss,
        topics=topics,
        status=cast(ClaimStatus, status),
        about=about,
    )


def _document(
    raw: Mapping[str, object],
    *,
    kind: DocumentKind,
    file: Path,
    where: str,
    problems: _Problems,
) -> Document | None:
    allowed = _SEED_DOCUMENT_KEYS if kind == "seed" else _OUTSIDE_DOCUMENT_KEYS
    id_key = "document" if kind == "seed" else "id"
    document_id = raw.get(id_key)
    here = where
    if kind == "outside" and isinstance(document_id, str):
        here = f"{where} ({document_id})"
    if not _check_keys(raw, allowed, file, here, problems):
        return None
    before = len(problems.lines)

    def field(key: str) -> str:
        return f"{here}.{key}" if here else key

    if raw.get("kind") != kind:
        problems.add(file, field("kind"), f"{raw.get('kind')!r} must be {kind!r} in this file.")
    if not isinstance(document_id, str):
        problems.add(file, field(id_key), f"{document_id!r} must be text.")
        return None
    if kind == "seed":
        if _SEED_STEM.match(document_id) is None:
            problems.add(
                file,
                field(id_key),
                f"{document_id!r} is not a seed file stem such as '001_7f6e26588299af66'.",
            )
        elif file.stem != document_id:
            problems.add(
                file,
                field(id_key),
                f"{document_id!r} does not match the file name; name the file "
                f"{document_id}.toml or fix the id.",
            )
    elif not _KEBAB.match(document_id):
        problems.add(
            file,
            field(id_key),
            f"{document_id!r} is not a kebab-case id such as 'bloomberg-2019-07-22'.",
        )
    texts = {
        key: _text(raw, key, file, here, problems)
        for key in (
            "language",
            "outlet",
            "outlet_reasoning",
            "published_reasoning",
            "url",
            "title",
        )
    }
    url = texts["url"]
    if url is not None and not url.startswith(("https://", "http://")):
        problems.add(file, field("url"), f"{url!r} is not a web address; start it with https://.")
    published = _published_value(raw.get("published"), file, field("published"), problems)
    raw_claims = raw.get("claims")
    claims: list[Claim] = []
    if not isinstance(raw_claims, list) or not raw_claims:
        problems.add(
            file,
            field("claims"),
            "a document needs at least one claim ([[claims]] table"
            + (" under [[documents]]" if kind == "outside" else "")
            + ").",
        )
    else:
        for index, raw_claim in enumerate(raw_claims):
            claim = _claim(
                raw_claim,
                index=index,
                document_id=document_id,
                kind=kind,
                file=file,
                where=field("claims"),
                problems=problems,
            )
            if claim is not None:
                claims.append(claim)
    if len(problems.lines) > before or published is None:
        return None
    return Document(
        id=document_id,
        kind=kind,
        language=texts["language"],
        outlet=texts["outlet"],
        published=published,
        published_reasoning=texts["published_reasoning"],
        url=url,
        title=texts["title"],
        claims=tuple(claims),
        outlet_reasoning=texts["outlet_reasoning"],
    )


def _read_toml(file: Path, problems: _Problems) -> dict[str, object] | None:
    try:
        with file.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        problems.add(file, "", f"is not valid TOML: {exc}.")
    except OSError as exc:
        problems.add(file, "", f"cannot be read: {exc.strerror or exc}.")
    return None


def _conflicts(
    data: Mapping[str, object],
    file: Path,
    claim_files: Mapping[str, str],
    problems: _Problems,
) -> list[Conflict]:
    if set(data) - {"conflicts"}:
        for key in sorted(set(data) - {"conflicts"}):
            problems.add(file, key, "unknown key; this file holds only [[conflicts]] tables.")
    raw_list = data.get("conflicts", [])
    if not isinstance(raw_list, list):
        problems.add(file, "conflicts", "must be an array of tables ([[conflicts]]).")
        return []
    conflicts: list[Conflict] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_list):
        here = f"conflicts[{index}]"
        if not isinstance(raw, dict):
            problems.add(file, here, "each conflict must be a table ([[conflicts]]).")
            continue
        raw = cast(dict[str, object], raw)
        if isinstance(raw.get("id"), str):
            here = f"conflicts[{index}] ({raw['id']})"
        if not _check_keys(raw, _CONFLICT_KEYS, file, here, problems):
            continue
        before = len(problems.lines)
        conflict_id = raw["id"]
        if not isinstance(conflict_id, str) or not _CONFLICT_ID.match(conflict_id):
            problems.add(file, f"{here}.id", f"{conflict_id!r} is not an id like 'c.rofr-trigger'.")
        elif conflict_id in seen:
            problems.add(file, f"{here}.id", f"{conflict_id!r} is used twice; rename one.")
        else:
            seen.add(conflict_id)
        topic = raw["topic"]
        if not isinstance(topic, str) or not _KEBAB.match(topic):
            problems.add(file, f"{here}.topic", f"{topic!r} is not a kebab-case tag.")
        note = _text(raw, "note", file, here, problems)
        names = raw["claims"]
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            problems.add(file, f"{here}.claims", f"{names!r} must be a list of claim ids.")
        else:
            if len(set(names)) < 2:
                problems.add(
                    file,
                    f"{here}.claims",
                    f"{names!r} names fewer than two different claims; a conflict is between "
                    "at least two.",
                )
            for name in names:
                if name not in claim_files:
                    problems.add(
                        file,
                        f"{here}.claims",
                        f"{name!r} is not a claim in any document."
                        f"{_no_suggestion(closest(name, claim_files))}",
                    )
        if len(problems.lines) == before and note is not None:
            conflicts.append(
                Conflict(
                    id=cast(str, conflict_id),
                    topic=cast(str, topic),
                    claims=tuple(cast(list[str], names)),
                    note=note,
                )
            )
    return conflicts


def _declared_claims(
    table: Mapping[str, object], file: Path, where: str
) -> list[tuple[str, Path, str]]:
    """The claim ids written under ``table["claims"]``, whatever else is wrong with them."""
    raw_claims = table.get("claims")
    if not isinstance(raw_claims, list):
        return []
    return [
        (raw["id"], file, f"{where}[{index}]")
        for index, raw in enumerate(raw_claims)
        if isinstance(raw, dict) and isinstance(raw.get("id"), str)
    ]


def _default_folder() -> Path:
    here = Path(__file__).resolve()
    packaged = here.parent / "_seeds"
    if packaged.is_dir():
        return packaged
    checkout = here.parents[2] / "seeds"
    if checkout.is_dir():
        return checkout
    raise EvidenceError(
        f"No evidence base found: neither {packaged} (installed package) nor {checkout} "
        "(source checkout) exists. Reinstall clausekit, or pass the folder to "
        "load_evidence_base(path)."
    )


def load_evidence_base(path: Path | None = None) -> EvidenceBase:
    """Read and check an evidence base folder.

    Every ``*.toml`` file in the folder is read: ``outside.toml`` (outside
    sources), ``conflicts.toml`` (conflicts) and one file per seed article.
    Other files (such as ``README.md``) are ignored. The check is strict:
    unknown or missing keys, malformed ids, duplicate claim ids, conflicts
    naming unknown claims and impossible dates are all reported, together, in
    one error.

    Args:
        path: the folder; by default the bundled base (``clausekit/_seeds`` in
            an installed package, the repository's ``seeds/`` folder in a
            source checkout).

    Returns:
        The evidence base, documents in file-name order.

    Raises:
        EvidenceError: listing every problem found, each with the file, the
            field and the fix.

    Examples:
        >>> base = load_evidence_base()
        >>> sorted(d.id for d in base.documents if d.kind == "seed")[:2]
        ['000_c70b5a730124ae5b', '001_7f6e26588299af66']
    """
    folder = _default_folder() if path is None else Path(path)
    if not folder.is_dir():
        raise EvidenceError(f"Evidence base folder {folder} does not exist or is not a folder.")
    problems = _Problems()
    documents: list[Document] = []
    conflict_data: tuple[Path, dict[str, object]] | None = None
    # Every claim id written in a file, valid or not, with where it was written: duplicates are
    # found even among otherwise malformed claims, and a conflict naming a claim that has some
    # other problem is not reported a second time as naming an unknown claim.
    declared: list[tuple[str, Path, str]] = []
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise EvidenceError(f"Evidence base folder {folder} holds no .toml files.")
    for file in files:
        data = _read_toml(file, problems)
        if data is None:
            continue
        if file.name == CONFLICTS_FILE:
            conflict_data = (file, data)
        elif file.name == OUTSIDE_FILE:
            for key in sorted(set(data) - {"documents"}):
                problems.add(file, key, "unknown key; this file holds only [[documents]] tables.")
            raw_documents = data.get("documents")
            if not isinstance(raw_documents, list):
                problems.add(file, "documents", "must be an array of tables ([[documents]]).")
                continue
            for index, raw in enumerate(raw_documents):
                if not isinstance(raw, dict):
                    problems.add(file, f"documents[{index}]", "must be a table ([[documents]]).")
                    continue
                where = f"documents[{index}]"
                declared.extend(_declared_claims(raw, file, f"{where}.claims"))
                document = _document(raw, kind="outside", file=file, where=where, problems=problems)
                if document is not None:
                    documents.append(document)
        else:
            declared.extend(_declared_claims(data, file, "claims"))
            document = _document(data, kind="seed", file=file, where="", problems=problems)
            if document is not None:
                documents.append(document)
    document_files: dict[str, str] = {}
    for document in documents:
        file_name = f"{document.id}.toml" if document.kind == "seed" else OUTSIDE_FILE
        if document.id in document_files:
            problems.add(
                Path(file_name),
                "id",
                f"document id {document.id!r} is already used in {document_files[document.id]}; "
                "rename one.",
            )
        document_files[document.id] = file_name
    claim_files: dict[str, str] = {}
    for claim_id, file, where in declared:
        if claim_id in claim_files:
            problems.add(
                file,
                f"{where} ({claim_id}).id",
                f"duplicate claim id {claim_id!r}, already used in {claim_files[claim_id]}; "
                "claim ids must be unique across the whole base, rename one.",
            )
        else:
            claim_files[claim_id] = file.name
    conflicts: list[Conflict] = []
    if conflict_data is not None:
        conflicts = _conflicts(conflict_data[1], conflict_data[0], claim_files, problems)
    if problems.lines:
        count = len(problems.lines)
        raise EvidenceError(
            f"Evidence base {folder} has {count} problem{'s' if count != 1 else ''}:\n"
            + "\n".join(f"  {line}" for line in problems.lines)
        )
    return EvidenceBase(documents=tuple(documents), conflicts=tuple(conflicts))


@functools.cache
def evidence_base() -> EvidenceBase:
    """The bundled evidence base, loaded once and cached.

    Examples:
        >>> evidence_base() is evidence_base()
        True
    """
    return load_evidence_base()
