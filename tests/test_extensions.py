"""clausekit.extensions: user modules (--import) and installed extensions, loaded once."""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

import pytest

import clausekit as ck
from clausekit import extensions
from clausekit.errors import ExtensionError


def entry_point(name: str, value: str) -> metadata.EntryPoint:
    return metadata.EntryPoint(name=name, value=value, group=extensions.ENTRY_POINT_GROUP)


@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[metadata.EntryPoint]:
    """A fresh loader whose entry point group holds what the test puts in the returned list."""
    found: list[metadata.EntryPoint] = []

    def entry_points(*, group: str) -> list[metadata.EntryPoint]:
        assert group == "clausekit.extensions"
        return list(found)

    monkeypatch.setattr(extensions.metadata, "entry_points", entry_points)
    monkeypatch.setattr(extensions, "_loaded", None)
    monkeypatch.syspath_prepend(str(tmp_path))
    return found


class TestLoadExtensions:
    def test_imports_each_entry_point_once(
        self, installed: list[metadata.EntryPoint], tmp_path: Path
    ) -> None:
        """Every entry point's module is imported on the first call, and not again."""
        (tmp_path / "ext_counter.py").write_text(
            "import builtins\nbuiltins.ext_counter_runs = getattr(builtins, 'ext_counter_runs', 0) + 1\n",
            encoding="utf-8",
        )
        installed.append(entry_point("counter", "ext_counter"))
        try:
            assert extensions.load_extensions() == ("counter",)
            assert extensions.load_extensions() == ("counter",)
            import builtins

            assert builtins.ext_counter_runs == 1  # type: ignore[attr-defined]
        finally:
            sys.modules.pop("ext_counter", None)
            import builtins

            del builtins.ext_counter_runs  # type: ignore[attr-defined]

    def test_a_broken_extension_is_named(self, installed: list[metadata.EntryPoint]) -> None:
        """An entry point that fails to import raises ExtensionError naming it and the fix."""
        installed.append(entry_point("broken-kinds", "no_such_package.kinds"))
        with pytest.raises(ExtensionError) as info:
            extensions.load_extensions()
        error = info.value
        assert (error.entry_point, error.module) == ("broken-kinds", "no_such_package.kinds")
        assert "ModuleNotFoundError" in error.cause
        assert str(error).startswith(
            "the clausekit extension 'broken-kinds' (no_such_package.kinds, entry point group "
            "'clausekit.extensions') failed to load: ModuleNotFoundError"
        )
        assert "Fix or uninstall the package" in str(error)
        assert isinstance(error, ck.ClauseKitError)
        assert isinstance(error, LookupError)
        installed.clear()
        assert extensions.load_extensions() == ()  # the next call tries again

    def test_ck_load_loads_extensions_first(
        self, installed: list[metadata.EntryPoint], tmp_path: Path
    ) -> None:
        """ck.load reports a broken installed extension before reading the file."""
        installed.append(entry_point("broken-kinds", "no_such_package.kinds"))
        with pytest.raises(ExtensionError, match="'broken-kinds'"):
            ck.load(tmp_path / "whatever.toml")


class TestImportModule:
    def test_imports_a_module(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """import_module imports by dotted name and returns the module."""
        monkeypatch.syspath_prepend(str(tmp_path))
        (tmp_path / "my_kinds_x.py").write_text("VALUE = 7\n", encoding="utf-8")
        try:
            assert extensions.import_module("my_kinds_x").VALUE == 7
        finally:
            sys.modules.pop("my_kinds_x", None)

    @pytest.mark.parametrize(
        ("name", "source", "cause"),
        [
            ("no_such_kinds", None, "ModuleNotFoundError: No module named 'no_such_kinds'"),
            ("raising_kinds", "raise RuntimeError('boom')\n", "RuntimeError: boom"),
            ("", None, "ValueError: an empty module name"),
        ],
    )
    def test_a_module_that_fails(
        self,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        name: str,
        source: str | None,
        cause: str,
    ) -> None:
        """A module that cannot be imported, or raises: ExtensionError with the cause and fix."""
        monkeypatch.syspath_prepend(str(tmp_path))
        if source is not None:
            (tmp_path / f"{name}.py").write_text(source, encoding="utf-8")
        with pytest.raises(ExtensionError) as info:
            extensions.import_module(name)
        assert info.value.cause == cause
        assert info.value.module == name
        assert str(info.value).startswith(f"--import {name!r} failed: {cause}.")
        assert "e.g. --import my_kinds" in str(info.value)
