"""Strategies for the text of contract files, in each format."""

from __future__ import annotations

from hypothesis import strategies as st

from clausekit import io as contract_io
from clausekit.errors import ContractFileError, FileProblem
from clausekit.testing.base import memo
from clausekit.testing.deals import agreements

__all__ = ["contract_texts"]


@memo
def contract_texts(
    format: contract_io.Format, *, max_amendments: int = 5
) -> st.SearchStrategy[str]:
    """The text of valid contract files in ``format`` (``"toml"``, ``"yaml"`` or ``"json"``).

    Each is a generated agreement written by :func:`clausekit.io.dumps`, so
    ``clausekit.loads(text, format=format)`` reads it back.
    """
    if format not in ("toml", "yaml", "json"):
        raise ContractFileError(
            "contract_words()",
            [FileProblem("", f"unknown file format {format!r}; use 'toml', 'yaml' or 'json'.")],
        )
    return agreements(max_amendments=max_amendments).map(
        lambda agreement: contract_io.dumps(agreement, format=format)
    )
