"""clausekit.models loads the bundled data file once and names what it has."""

from __future__ import annotations

from pathlib import Path

import pytest

import clausekit as ck
from clausekit import models


class TestLoading:
    """``clausekit.models`` loads the bundled data file once and names what it has."""

    def test_reachable_from_the_package(self) -> None:
        """``from clausekit import models`` and ``ck.models`` are the same module."""
        assert ck.models is models
        assert "models" in ck.__all__

    def test_cached_and_immutable(self) -> None:
        """Loading twice gives the very same agreement, which cannot be changed."""
        first = models.openai_microsoft()
        assert models.openai_microsoft() is first
        with pytest.raises(AttributeError):
            first.title = "changed"  # type: ignore[misc]

    def test_available_and_load_model(self) -> None:
        """The registry names the model, and loads it by that name."""
        assert models.available() == ("openai-microsoft",)
        assert models.load_model("openai-microsoft") is models.openai_microsoft()

    @pytest.mark.parametrize("name", ["openai-microsfot", "OpenAI–Microsoft", "microsoft"])
    def test_unknown_model_suggests(self, name: str) -> None:
        """An unknown name raises a ClauseKitError (and LookupError) naming the bundled models."""
        with pytest.raises(models.UnknownModelError) as info:
            models.load_model(name)
        err = info.value
        assert isinstance(err, ck.ClauseKitError)
        assert isinstance(err, LookupError)
        assert repr(name) in str(err)
        assert "'openai-microsoft'" in str(err)

    def test_non_string_name(self) -> None:
        """A name that is not text is refused with the same error, not a TypeError."""
        with pytest.raises(models.UnknownModelError, match="openai-microsoft"):
            models.load_model(42)  # type: ignore[arg-type]

    @pytest.mark.parametrize("fmt", ["toml", "yaml", "json"])
    def test_round_trips_through_the_contract_format(self, fmt: str) -> None:
        """Dumped and loaded again in any format, the model is the same agreement."""
        deal = models.openai_microsoft()
        assert ck.loads(ck.dumps(deal, format=fmt), format=fmt) == deal  # type: ignore[arg-type]

    def test_data_file_cites_only_by_claim_id(self) -> None:
        """Every piece of evidence in the file is a reference into the evidence base."""
        text = Path(models.__file__).with_name("openai_microsoft.toml").read_text("utf-8")
        evidence_lines = [line for line in text.splitlines() if line.strip().startswith("{")]
        assert evidence_lines
        assert all(line.strip().startswith('{ claim = "') for line in evidence_lines)

    def test_data_file_is_shipped_in_the_package(self) -> None:
        """The TOML sits inside the package, next to the loader."""
        path = Path(models.__file__).with_name("openai_microsoft.toml")
        assert path.is_file()
        assert path.read_text(encoding="utf-8").startswith("# The Microsoft–OpenAI partnership")
