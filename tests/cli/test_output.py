"""clausekit.cli.output: files written whole or not at all, and never over the contract read."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import clausekit as ck
from clausekit.cli import output
from clausekit.cli.exits import UsageError
from cli.helpers import TRAINING, run

RENDER = ["render", "cloud.toml", *TRAINING, "--from", "2019-01-01", "--to", "2027-01-01"]
OLD = '{"an existing answer": "kept"}\n'


def files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


class TestWriteFile:
    def test_writes_the_text_and_nothing_else(self, tmp_path: Path) -> None:
        """The file holds the text (with a final newline); no temporary file is left."""
        output.write_file(tmp_path / "a.md", "text", reads=[])
        assert (tmp_path / "a.md").read_bytes() == b"text\n"
        assert files(tmp_path) == {"a.md"}

    def test_replaces_an_existing_file_keeping_its_mode(self, tmp_path: Path) -> None:
        """Writing over a file replaces its content and keeps its permissions."""
        target = tmp_path / "a.md"
        target.write_text("old", encoding="utf-8")
        target.chmod(0o640)
        output.write_file(target, "new\n", reads=[])
        assert target.read_text(encoding="utf-8") == "new\n"
        assert target.stat().st_mode & 0o777 == 0o640

    def test_a_failed_replace_leaves_the_old_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """When the final rename fails, the old file is untouched and the temporary is gone."""
        target = tmp_path / "a.json"
        target.write_text(OLD, encoding="utf-8")

        def refuse(src: object, dst: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(output.os, "replace", refuse)
        with pytest.raises(UsageError, match="No space left on device; any file already there"):
            output.write_file(target, "new", reads=[])
        assert target.read_text(encoding="utf-8") == OLD
        assert files(tmp_path) == {"a.json"}

    @pytest.mark.parametrize("spelling", ["same", "absolute", "dotted", "symlink"])
    def test_never_over_the_input(self, tmp_path: Path, spelling: str) -> None:
        """The contract read is refused as --output however it is spelt."""
        contract = tmp_path / "deal.toml"
        contract.write_text("x", encoding="utf-8")
        link = tmp_path / "link.toml"
        link.symlink_to(contract)
        target = {
            "same": contract,
            "absolute": contract.resolve(),
            "dotted": tmp_path / "." / "deal.toml",
            "symlink": link,
        }[spelling]
        with pytest.raises(UsageError, match="is the contract file this command reads"):
            output.write_file(target, "new", reads=[str(contract)])
        assert contract.read_text(encoding="utf-8") == "x"


class TestRenderOutput:
    def test_output_equal_to_the_contract_is_refused(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """render --output naming its own contract file: exit 2, one line, the file unchanged."""
        before = (tmp_path / "cloud.toml").read_bytes()
        code, out, err = run(capsys, *RENDER, "--output", "./cloud.toml")
        assert (code, out) == (2, "")
        assert err == (
            "clausekit render: error: --output './cloud.toml' is the contract file this "
            "command reads; write the answer to another file.\n"
        )
        assert (tmp_path / "cloud.toml").read_bytes() == before

    def test_output_a_folder_is_refused(
        self, deals: dict[str, ck.Agreement], capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """render --output naming a folder: exit 2 with one line."""
        (tmp_path / "out").mkdir()
        code, _, err = run(capsys, *RENDER, "--output", "out")
        assert code == 2
        assert "is a folder; give the path of a file in it" in err

    @pytest.mark.skipif(not shutil.which("bash"), reason="needs bash for ulimit")
    def test_a_size_limit_leaves_the_old_file(
        self, deals: dict[str, ck.Agreement], tmp_path: Path
    ) -> None:
        """Under ``ulimit -f 1`` the write fails: exit 2, one line, the old file intact."""
        (tmp_path / "v.json").write_text(OLD, encoding="utf-8")
        command = shlex.join([sys.executable, "-m", "clausekit", *RENDER, "--format", "json",
                            "--output", "v.json"])  # fmt: skip
        done = subprocess.run(
            ["bash", "-c", f"ulimit -f 1; {command}"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            env={**os.environ},
        )
        assert (done.returncode, done.stdout) == (2, "")
        assert done.stderr.startswith("clausekit render: error: cannot write --output 'v.json': ")
        assert len(done.stderr.splitlines()) == 1
        assert (tmp_path / "v.json").read_text(encoding="utf-8") == OLD
        assert files(tmp_path) == {"v.json", *(n for n in files(tmp_path) if n.endswith(".toml"))}
