"""Reading: load() from paths (regular files only), loads() and from_dict(), with typed arguments."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest
from io_samples import BASE_DEAL, BASE_TOML, write

import clausekit as ck
from clausekit import io as ckio
from clausekit.errors import ArgumentTypeError, ContractFileError


class TestFiles:
    def test_file_problems(self, tmp_path: Path) -> None:
        """A missing file, an unknown suffix and non-UTF-8 bytes are ContractFileErrors."""
        with pytest.raises(ContractFileError, match="cannot read the file"):
            ck.load(tmp_path / "missing.toml")
        with pytest.raises(
            ContractFileError, match=r"cannot tell the format from the suffix '\.txt'"
        ):
            ck.load(write(tmp_path, "deal.txt", BASE_TOML))
        bad = tmp_path / "latin1.toml"
        bad.write_bytes(BASE_TOML.encode() + b'note = "caf\xe9"\n')
        with pytest.raises(ContractFileError, match="not UTF-8") as info:
            ck.load(bad)
        assert info.value.problems[0].line == BASE_TOML.count("\n") + 1
        with pytest.raises(ContractFileError, match="unknown file format 'xml'"):
            ck.loads(BASE_TOML, format="xml")  # type: ignore[arg-type]

    def test_json_schema_key_is_allowed(self) -> None:
        """A top-level $schema key (for editors) is accepted and ignored."""
        data = {"$schema": "./contract.schema.json", **ckio.to_dict(BASE_DEAL)}
        assert ck.loads(json.dumps(data), format="json") == BASE_DEAL

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")
    def test_a_named_pipe_is_refused_without_blocking(self, tmp_path: Path) -> None:
        """A FIFO with no writer is refused at once (a read would block forever)."""
        fifo = tmp_path / "deal.toml"
        os.mkfifo(fifo)
        outcome: list[BaseException] = []

        def read() -> None:
            try:
                ck.load(fifo)
            except BaseException as exc:
                outcome.append(exc)

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        reader.join(timeout=10)
        if reader.is_alive():  # unblock the reader before failing
            with fifo.open("w"):
                pass
            pytest.fail("load() blocked on a named pipe")
        assert isinstance(outcome[0], ContractFileError)
        assert "is a named pipe (FIFO), not a contract file" in str(outcome[0])

    def test_a_directory_and_a_device_are_refused(self, tmp_path: Path) -> None:
        """Only regular files are read: a directory or a device is named for what it is."""
        with pytest.raises(ContractFileError, match="it is a directory, not a contract file"):
            ck.load(tmp_path, format="toml")
        if Path("/dev/zero").exists():
            with pytest.raises(ContractFileError, match="it is a device, not a contract file"):
                ck.load("/dev/zero", format="toml")

    def test_load_takes_path_objects_and_text(self, tmp_path: Path) -> None:
        """A str and a pathlib.Path name the same file."""
        path = write(tmp_path, "deal.toml", BASE_TOML)
        assert ck.load(path) == ck.load(str(path)) == BASE_DEAL


class TestArguments:
    @pytest.mark.parametrize(
        ("call", "argument", "fix"),
        [
            (lambda: ck.load(None), "path=None", "Pass load() the path of a .toml"),  # type: ignore[arg-type]
            (lambda: ck.load(b"x.toml"), "path=b'x.toml'", "Pass load() the path"),  # type: ignore[arg-type]
            (lambda: ck.load(""), "path=''", "Pass load() the path"),
            (lambda: ck.loads(b"x", format="toml"), "text=b'x'", "Decode the bytes first"),  # type: ignore[arg-type]
            (lambda: ck.loads(None, format="toml"), "text=None", "Pass loads() the file's"),  # type: ignore[arg-type]
            (lambda: ck.loads("x", format=3), "format=3", "'toml', 'yaml', 'json'"),  # type: ignore[arg-type]
            (lambda: ck.loads("x", format="toml", source=1), "source=1", "source='deal.toml'"),  # type: ignore[arg-type]
            (lambda: ck.loads("x", format="toml", evidence="b"), "evidence='b'", "evidence_base()"),  # type: ignore[arg-type]
            (lambda: ckio.from_dict(None), "data=None", "Pass from_dict() a dict"),  # type: ignore[arg-type]
            (lambda: ckio.from_dict([1]), "data=[1]", "Pass from_dict() a dict"),  # type: ignore[arg-type]
            (lambda: ckio.to_dict(None), "agreement=None", "Pass to_dict() an agreement"),  # type: ignore[arg-type]
            (lambda: ck.dumps("x", format="toml"), "agreement='x'", "an agreement"),  # type: ignore[arg-type]
            (lambda: ck.dump(BASE_DEAL, None), "path=None", "Pass dump() the path"),  # type: ignore[arg-type]
            (lambda: ck.dump(BASE_DEAL, "x.toml", format=7), "format=7", "'toml'"),  # type: ignore[arg-type]
        ],
    )
    def test_wrong_types_name_the_argument_and_the_fix(
        self, call: object, argument: str, fix: str
    ) -> None:
        """Each public function refuses a wrong type with a clausekit TypeError naming it."""
        with pytest.raises(ArgumentTypeError) as info:
            call()  # type: ignore[operator]
        assert isinstance(info.value, TypeError)
        assert argument in str(info.value)
        assert fix in str(info.value)

    def test_from_dict_leaves_its_argument_alone(self) -> None:
        """from_dict reads plain data shaped like a file, without changing it."""
        data = json.loads(json.dumps(ckio.to_dict(BASE_DEAL)))
        kept = json.dumps(data)
        assert ckio.from_dict(data) == BASE_DEAL
        assert json.dumps(data) == kept
