"""Every ``$ clausekit ...`` line in the README and the command-line docs runs and exits 0.

The ```console blocks are not Python, so Sybil does not run them; this test
does, in-process, from a folder holding the contract files they name.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from clausekit import cli
from clausekit import io as contract_io
from contracts import distribution_agreement

ROOT = Path(__file__).parents[2]
DOCUMENTS = ["README.md", "docs/_snippets/cli.md", "docs/how-to/command-line.md"]


def console_commands(document: str) -> list[list[str]]:
    """The command lines of the document's ```console blocks, continuation lines joined."""
    commands: list[list[str]] = []
    inside = False
    pending = ""
    for line in (ROOT / document).read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            inside = line.strip() == "```console"
            continue
        if not inside:
            continue
        text = pending + line.strip()
        if text.endswith("\\"):
            pending = text[:-1] + " "
            continue
        pending = ""
        if text.startswith("$ clausekit"):
            commands.append(shlex.split(text[2:], comments=False))
    return commands


CASES = [
    pytest.param(words, id=f"{document}:{' '.join(words[1:3])}")
    for document in DOCUMENTS
    for words in console_commands(document)
]


def test_every_document_shows_commands() -> None:
    """The README and both docs pages show at least one command each."""
    assert all(console_commands(document) for document in DOCUMENTS)


@pytest.mark.parametrize("words", CASES)
def test_documented_command_runs(
    words: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The documented command exits 0 (a file it writes lands in a scratch folder)."""
    monkeypatch.chdir(tmp_path)
    contract_io.dump(distribution_agreement(), tmp_path / "my-contract.toml")
    if ">" in words:  # a shell redirection: keep the command, drop where its output goes
        words = words[: words.index(">")]
    if words[1:2] == ["completion"]:
        pytest.importorskip("shtab")
    code = cli.main(words[1:])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    if "--output" in words:
        assert (tmp_path / words[words.index("--output") + 1]).stat().st_size > 0
    else:
        assert captured.out
