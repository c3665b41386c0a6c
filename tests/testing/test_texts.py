"""clausekit.testing.texts: the text of contract files, in each format."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

import clausekit as ck
from clausekit import io as contract_io
from clausekit import testing as ckst
from testing.helpers import scaled

FORMATS: tuple[contract_io.Format, ...] = ("toml", "yaml", "json")


@pytest.mark.parametrize("fmt", FORMATS)
def test_contract_texts_load_in_their_format(fmt: contract_io.Format) -> None:
    """clausekit.testing.contract_texts(fmt) gives files that load in that format."""

    @settings(max_examples=scaled(0.1), database=None)
    @given(text=ckst.contract_texts(fmt, max_amendments=2))
    def loads(text: str) -> None:
        assert isinstance(contract_io.loads(text, format=fmt), ck.Agreement)

    loads()


def test_an_unknown_format_is_refused() -> None:
    """A format other than toml, yaml or json raises ContractFileError naming the choices."""
    with pytest.raises(ck.ContractFileError, match="use 'toml', 'yaml' or 'json'"):
        ckst.contract_texts("xml")  # type: ignore[arg-type]
