"""Loading an evidence base folder, and the bundled base.

Examples:
    >>> from clausekit.evidence.loading import evidence_base
    >>> base = evidence_base()
    >>> base.claim("s001.rofr-trigger").document
    '001_7f6e26588299af66'
    >>> [c.id for c in base.conflicts_about("rofr-trigger")]
    ['c.rofr-trigger']
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from pathlib import Path

from clausekit.errors import EvidenceError
from clausekit.evidence.base import EvidenceBase
from clausekit.evidence.conflicts import Conflict
from clausekit.evidence.documents import Document
from clausekit.evidence.folder import CONFLICTS_FILE, OUTSIDE_FILE, bundled_folder
from clausekit.evidence.tables import ConflictRow, Problems, conflict_rows, document_table

__all__ = ["evidence_base", "load_evidence_base"]


def _read_toml(file: Path, problems: Problems) -> dict[str, object] | None:
    try:
        with file.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        problems.add(file, "", f"is not valid TOML: {exc}.")
    except OSError as exc:
        problems.add(file, "", f"cannot be read: {exc.strerror or exc}.")
    return None


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


def _resolve(rows: list[ConflictRow], documents: list[Document]) -> tuple[Conflict, ...]:
    """The conflicts, each side made of the documents' own claims."""
    claims = {claim.id: claim for document in documents for claim in document.claims}
    return tuple(
        Conflict(
            id=row.id,
            topic=row.topic,
            sides=tuple(tuple(claims[name] for name in side) for side in row.sides),
            note=row.note,
        )
        for row in rows
    )


def load_evidence_base(path: Path | None = None) -> EvidenceBase:
    """Read and check an evidence base folder.

    Every ``*.toml`` file in the folder is read: ``outside.toml`` (outside
    sources), ``conflicts.toml`` (conflicts) and one file per seed article.
    Other files (the articles as ``.txt``, ``README.md``) are not read here;
    :meth:`EvidenceBase.verify <clausekit.evidence.base.EvidenceBase.verify>`
    checks the excerpts against the articles. The check is strict:
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
    folder = bundled_folder() if path is None else Path(path)
    if not folder.is_dir():
        raise EvidenceError(
            f"Evidence base folder {folder} does not exist or is not a folder.", value=str(folder)
        )
    problems = Problems()
    documents: list[Document] = []
    conflict_data: tuple[Path, dict[str, object]] | None = None
    # Every claim id written in a file, valid or not, with where it was written: duplicates are
    # found even among otherwise malformed claims, and a conflict naming a claim that has some
    # other problem is not reported a second time as naming an unknown claim.
    declared: list[tuple[str, Path, str]] = []
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise EvidenceError(
            f"Evidence base folder {folder} holds no .toml files.", value=str(folder)
        )
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
                document = document_table(
                    raw, kind="outside", file=file, where=where, problems=problems
                )
                if document is not None:
                    documents.append(document)
        else:
            declared.extend(_declared_claims(data, file, "claims"))
            document = document_table(data, kind="seed", file=file, where="", problems=problems)
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
    rows: list[ConflictRow] = []
    if conflict_data is not None:
        rows = conflict_rows(conflict_data[1], conflict_data[0], claim_files, problems)
    if problems.lines:
        count = len(problems.lines)
        raise EvidenceError(
            f"Evidence base {folder} has {count} problem{'s' if count != 1 else ''}:\n"
            + "\n".join(f"  {line}" for line in problems.lines),
            value=str(folder),
            problems=problems.lines,
        )
    return EvidenceBase(documents=tuple(documents), conflicts=_resolve(rows, documents))


@functools.cache
def evidence_base() -> EvidenceBase:
    """The bundled evidence base, loaded once and cached.

    Examples:
        >>> evidence_base() is evidence_base()
        True
    """
    return load_evidence_base()
