"""Fixtures for the evidence package: the bundled base and a small base folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from clausekit.evidence import EvidenceBase, evidence_base
from tests.evidence.helpers import FILES, WriteBase


@pytest.fixture(scope="session")
def base() -> EvidenceBase:
    """The bundled evidence base."""
    return evidence_base()


@pytest.fixture
def write_base(tmp_path: Path) -> WriteBase:
    """Write a small valid base folder, applying ``{file: (old, new)}`` text edits to it."""

    def write(edits: dict[str, tuple[str, str]] | None = None) -> Path:
        folder = tmp_path / "seeds"
        folder.mkdir()
        for name, text in FILES.items():
            if edits and name in edits:
                old, new = edits[name]
                assert old in text, f"test edit {old!r} does not apply to {name}"
                text = text.replace(old, new)
            (folder / name).write_text(text, encoding="utf-8")
        return folder

    return write
