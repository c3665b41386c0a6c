"""Reading the tables of an evidence base folder into values, reporting every problem.

The loader (:mod:`clausekit.evidence.loading`) reads each TOML file and hands
its tables here: a seed article or an outside source becomes a
:class:`~clausekit.evidence.documents.Document`, a ``[[conflicts]]`` table a
:class:`ConflictRow` (claim ids, resolved to claims once every document is
read). Nothing raises here: each problem is added to a :class:`Problems`
list with its file, field and fix, so that one error lists them all.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping
from pathlib import Path
from typing import cast

import attrs
import pendulum

from clausekit.errors import InvalidDateError, InvalidPeriodError, closest, did_you_mean
from clausekit.evidence._validators import KEBAB
from clausekit.evidence.claims import MAX_EXCERPT_WORDS, STATUSES, Claim, ClaimStatus
from clausekit.evidence.documents import Document, DocumentKind
from clausekit.time import DateRange, day_from_iso

__all__ = ["ConflictRow", "Problems", "check_keys", "conflict_rows", "document_table"]

_SEED_STEM = re.compile(r"^(\d{3})_[0-9a-f]+$")
_SEED_CLAIM = re.compile(r"^s(\d{3})\.([a-z0-9]+(?:-[a-z0-9]+)*)$")
_OUTSIDE_CLAIM = re.compile(r"^o\.([a-z0-9]+(?:-[a-z0-9]+)*)\.([a-z0-9]+(?:-[a-z0-9]+)*)$")
_CONFLICT_ID = re.compile(r"^c\.[a-z0-9]+(?:-[a-z0-9]+)*$")


class Problems:
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


def check_keys(
    table: Mapping[str, object],
    allowed: Mapping[str, bool],
    file: Path,
    where: str,
    problems: Problems,
) -> bool:
    """Report unknown and missing keys; True when there were none."""
    ok = True
    prefix = f"{where}." if where else ""
    for key in table:
        if key not in allowed:
            hint = did_you_mean(closest(key, allowed))
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
    table: Mapping[str, object], key: str, file: Path, where: str, problems: Problems
) -> str | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        problems.add(file, f"{where}.{key}" if where else key, f"{value!r} must be non-empty text.")
        return None
    return value


def _day(value: object, file: Path, field: str, problems: Problems) -> pendulum.Date | None:
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
    value: object, file: Path, field: str, problems: Problems
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
    problems: Problems,
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
    if not check_keys(raw, allowed, file, here, problems):
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
        or not all(isinstance(t, str) and KEBAB.match(t) for t in topics_raw)
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
    if status not in STATUSES:
        problems.add(
            file,
            f"{here}.status",
            f"{status!r} is not one of {', '.join(repr(s) for s in STATUSES)}.",
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


def document_table(
    raw: Mapping[str, object],
    *,
    kind: DocumentKind,
    file: Path,
    where: str,
    problems: Problems,
) -> Document | None:
    allowed = _SEED_DOCUMENT_KEYS if kind == "seed" else _OUTSIDE_DOCUMENT_KEYS
    id_key = "document" if kind == "seed" else "id"
    document_id = raw.get(id_key)
    here = where
    if kind == "outside" and isinstance(document_id, str):
        here = f"{where} ({document_id})"
    if not check_keys(raw, allowed, file, here, problems):
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
    elif not KEBAB.match(document_id):
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


@attrs.frozen
class ConflictRow:
    """A ``[[conflicts]]`` table as written: claim ids, side by side, not yet resolved."""

    id: str
    topic: str
    sides: tuple[tuple[str, ...], ...]
    note: str


def _sides(names: object, file: Path, here: str, problems: Problems) -> tuple[tuple[str, ...], ...]:
    """``claims = ["a", ["b", "c"]]``: a claim id is a side of its own, a list is one side."""
    if not isinstance(names, list) or not names:
        problems.add(
            file,
            f"{here}.claims",
            f"{names!r} must be a list of claim ids, or of lists of claim ids that agree "
            '(one list per side), e.g. ["s001.a", ["s002.b", "s004.b"]].',
        )
        return ()
    sides: list[tuple[str, ...]] = []
    for entry in names:
        side = [entry] if isinstance(entry, str) else entry
        if not isinstance(side, list) or not side or not all(isinstance(n, str) for n in side):
            problems.add(
                file,
                f"{here}.claims",
                f"{entry!r} is neither a claim id nor a non-empty list of claim ids (one side).",
            )
            return ()
        sides.append(tuple(cast(list[str], side)))
    return tuple(sides)


def conflict_rows(
    data: Mapping[str, object],
    file: Path,
    claim_files: Mapping[str, str],
    problems: Problems,
) -> list[ConflictRow]:
    """The conflicts of ``conflicts.toml``, each naming claims that ``claim_files`` declares."""
    for key in sorted(set(data) - {"conflicts"}):
        problems.add(file, key, "unknown key; this file holds only [[conflicts]] tables.")
    raw_list = data.get("conflicts", [])
    if not isinstance(raw_list, list):
        problems.add(file, "conflicts", "must be an array of tables ([[conflicts]]).")
        return []
    rows: list[ConflictRow] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_list):
        here = f"conflicts[{index}]"
        if not isinstance(raw, dict):
            problems.add(file, here, "each conflict must be a table ([[conflicts]]).")
            continue
        raw = cast(dict[str, object], raw)
        if isinstance(raw.get("id"), str):
            here = f"conflicts[{index}] ({raw['id']})"
        if not check_keys(raw, _CONFLICT_KEYS, file, here, problems):
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
        if not isinstance(topic, str) or not KEBAB.match(topic):
            problems.add(file, f"{here}.topic", f"{topic!r} is not a kebab-case tag.")
        note = _text(raw, "note", file, here, problems)
        sides = _sides(raw["claims"], file, here, problems)
        names = [name for side in sides for name in side]
        if sides and (len(sides) < 2 or len(set(names)) < 2):
            problems.add(
                file,
                f"{here}.claims",
                f"{raw['claims']!r} names fewer than two sides or two different claims; a "
                "conflict is between at least two.",
            )
        for name in sorted({n for n in names if names.count(n) > 1}):
            problems.add(
                file, f"{here}.claims", f"{name!r} is named twice; a claim stands on one side."
            )
        for name in dict.fromkeys(names):
            if name not in claim_files:
                problems.add(
                    file,
                    f"{here}.claims",
                    f"{name!r} is not a claim in any document.{did_you_mean(closest(name, claim_files))}",
                )
        if len(problems.lines) == before and note is not None:
            rows.append(
                ConflictRow(
                    id=cast(str, conflict_id), topic=cast(str, topic), sides=sides, note=note
                )
            )
    return rows
