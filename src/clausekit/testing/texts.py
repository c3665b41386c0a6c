"""Strategies for the text of contract files, in each format."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st

from clausekit import io as contract_io
from clausekit.clauses.base import ClauseBase
from clausekit.errors import ContractFileError, FileProblem
from clausekit.testing.base import memo
from clausekit.testing.deals import agreements

__all__ = ["contract_texts"]


@memo
def contract_texts(
    format: contract_io.Format,
    *,
    max_amendments: int = 5,
    kinds: Sequence[type[ClauseBase] | str] | None = None,
) -> st.SearchStrategy[str]:
    """The text of valid contract files in ``format`` (``"toml"``, ``"yaml"`` or ``"json"``).

    Each is a generated agreement written by :func:`clausekit.io.dumps`, so
    ``clausekit.loads(text, format=format)`` reads it back (in a process where
    the clause kinds in it are registered: ``kinds`` limits them, as in
    :func:`agreements`).
    """
    if format not in ("toml", "yaml", "json"):
        raise ContractFileError(
            "contract_texts()",
            [FileProblem("", f"unknown file format {format!r}; use 'toml', 'yaml' or 'json'.")],
        )
    return agreements(max_amendments=max_amendments, kinds=kinds).map(
        lambda agreement: contract_io.dumps(agreement, format=format)
    )
