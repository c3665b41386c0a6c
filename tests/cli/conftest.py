"""The command-line tests' fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

import clausekit as ck
from clausekit import io as contract_io
from cli.helpers import AGREEMENTS


@pytest.fixture
def deals(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, ck.Agreement]:
    """The three test agreements as TOML contract files in a fresh working directory.

    Returns each agreement as loaded back from its file, keyed by file name.
    """
    monkeypatch.chdir(tmp_path)
    loaded: dict[str, ck.Agreement] = {}
    for name, make in AGREEMENTS.items():
        contract_io.dump(make(), tmp_path / name)
        loaded[name] = contract_io.load(tmp_path / name)
    return loaded
