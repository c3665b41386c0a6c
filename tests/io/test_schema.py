"""The JSON Schema: computed from the types and the registry, shipped, and as strict as the loader."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import given, settings
from io_samples import BAD_FILES, BASE_JSON, BASE_TOML, BASE_YAML

import clausekit as ck
import clausekit.testing as ckt
from clausekit import io as ckio
from clausekit.registry import CLAUSE_KINDS
from clausekit.schema import SCHEMA_FILE

agreements = ckt.agreements


# --------------------------------------------------------------------------- JSON Schema


SCHEMA_CATCHES = {
    "wrong-kind",
    "float-money",
    "unknown-key",
    "missing-evidence",
    "empty-evidence",
    "negative-amount",
    "missing-format",
    "unknown-version",
    "float-rate",
    "lone-string-for-list",
    "unknown-money-key",
    "enum-typo",
    "not-a-mapping",
    "null-value",
    "format-typo",
    "yaml-word-that-is-not-text",
}


class TestSchema:
    def test_shipped_file_is_current(self) -> None:
        """The shipped schema equals json_schema(); run `python -m clausekit.schema` if not."""
        shipped = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
        assert shipped == ckio.json_schema(bundled_only=True), "stale: python -m clausekit.schema"
        assert SCHEMA_FILE.read_text(encoding="utf-8") == ckio.schema_text()

    def test_is_a_valid_draft_2020_12_schema(self) -> None:
        """The schema itself passes the draft 2020-12 meta-schema."""
        schema = ckio.json_schema()
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        jsonschema.Draft202012Validator.check_schema(schema)

    def test_one_of_per_clause_kind(self) -> None:
        """Clauses are a oneOf with one entry per kind, each with a kind const."""
        schema = ckio.json_schema()
        refs = [r["$ref"].rsplit("/", 1)[1] for r in schema["$defs"]["Clause"]["oneOf"]]
        kinds = {schema["$defs"][name]["properties"]["kind"]["const"] for name in refs}
        assert kinds == set(CLAUSE_KINDS)
        for name in refs:
            assert schema["$defs"][name]["additionalProperties"] is False

    def test_formats_and_patterns(self) -> None:
        """Days have format date; money amounts a digits pattern; currencies three letters."""
        defs = ckio.json_schema()["$defs"]
        assert defs["Day"]["format"] == "date"
        amount = defs["Money"]["properties"]["amount"]["pattern"]
        assert re.match(amount, "38000000000")
        assert re.match(amount, "12.50")
        assert not re.match(amount, "1e9")
        assert not re.match(amount, "-5")

    @settings(max_examples=30)
    @given(agreement=agreements())
    def test_written_files_are_valid(self, agreement: ck.Agreement) -> None:
        """Everything dump writes validates against the schema."""
        validator = validator_for_schema()
        assert list(validator.iter_errors(json.loads(ck.dumps(agreement, format="json")))) == []

    def test_sample_files_validate(self) -> None:
        """The sample files and the bundled model validate as parsed from TOML, YAML and JSON."""
        validator = validator_for_schema()
        for text, parse in ((BASE_YAML, yaml.safe_load), (BASE_JSON, json.loads)):
            assert list(validator.iter_errors(parse(text))) == []
        assert list(validator.iter_errors(tomllib.loads(BASE_TOML))) == []
        model = Path(ck.__file__).parent / "models" / "openai_microsoft.toml"
        assert list(validator.iter_errors(tomllib.loads(model.read_text(encoding="utf-8")))) == []

    @pytest.mark.parametrize(
        "case", [c for c in BAD_FILES if c[0] in SCHEMA_CATCHES], ids=lambda c: c[0]
    )
    def test_schema_rejects_what_the_loader_rejects(self, case: tuple[Any, ...]) -> None:
        """Shape errors the loader reports are schema violations too."""
        _, fmt, text, *_ = case
        parse: dict[str, Any] = {"toml": tomllib.loads, "yaml": yaml.safe_load, "json": json.loads}
        data = json.loads(json.dumps(parse[fmt](text), default=str))
        assert list(validator_for_schema().iter_errors(data))


def validator_for_schema() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        ckio.json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
