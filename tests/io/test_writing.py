"""Writing: dump() picks the format by suffix and writes whole files atomically, or not at all."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from io_samples import BASE_DEAL, BASE_TOML, write

import clausekit as ck
from clausekit.errors import ContractFileError


class TestDump:
    def test_files_on_disk(self, tmp_path: Path) -> None:
        """dump() picks the format by suffix and load() reads it back, for every suffix."""
        agreement = ck.load(write(tmp_path, "base.toml", BASE_TOML))
        for suffix in (".toml", ".yaml", ".yml", ".json"):
            path = tmp_path / f"deal{suffix}"
            ck.dump(agreement, path)
            assert ck.load(path) == agreement
        assert not list(tmp_path.glob(".*.tmp"))

    def test_a_missing_directory_is_a_clausekit_error(self, tmp_path: Path) -> None:
        """dump() into a directory that does not exist says so, and creates nothing."""
        with pytest.raises(ContractFileError, match=r"the directory .* does not exist"):
            ck.dump(BASE_DEAL, tmp_path / "nodir" / "x.toml")
        assert list(tmp_path.iterdir()) == []

    def test_an_existing_file_is_replaced_whole(self, tmp_path: Path) -> None:
        """Overwriting keeps the file's permissions and leaves no temporary file behind."""
        target = write(tmp_path, "deal.toml", "old")
        target.chmod(0o640)
        ck.dump(BASE_DEAL, target)
        assert ck.load(target) == BASE_DEAL
        assert stat.S_IMODE(target.stat().st_mode) == 0o640
        assert sorted(p.name for p in tmp_path.iterdir()) == ["deal.toml"]

    def test_a_directory_is_not_written_over(self, tmp_path: Path) -> None:
        """A target that is a directory is refused by what it is."""
        (tmp_path / "deal.toml").mkdir()
        with pytest.raises(ContractFileError, match="exists and is a directory"):
            ck.dump(BASE_DEAL, tmp_path / "deal.toml")

    def test_a_failed_rename_keeps_the_old_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """When the final rename fails, the old file is whole and the temporary file is gone."""
        target = write(tmp_path, "deal.toml", BASE_TOML)

        def broken(source: object, destination: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr("clausekit.io.writing.os.replace", broken)
        with pytest.raises(ContractFileError, match="No space left on device"):
            ck.dump(BASE_DEAL, target, format="json")
        assert target.read_text(encoding="utf-8") == BASE_TOML
        assert sorted(p.name for p in tmp_path.iterdir()) == ["deal.toml"]
