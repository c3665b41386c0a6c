"""Line finders: the line of every field path, per format, by linear scans."""

from __future__ import annotations

from io_samples import BASE_JSON, BASE_TOML, BASE_YAML, line_of

import clausekit as ck
from clausekit.io.formats import parse
from clausekit.io.lines import json_lines, lookup, toml_lines


class TestToml:
    def test_arrays_of_tables_count_within_their_parent(self) -> None:
        """[[amendments.adds]] counts from 0 again under each [[amendments]]."""
        lines = toml_lines(BASE_TOML)
        assert lines[("amendments", 0, "adds", 1, "rate")] == line_of(BASE_TOML, 'rate = "0.20"')
        assert lines[("amendments", 1, "adds", 0, "kind")] == line_of(BASE_TOML, 'kind = "agi"')
        assert lines[("parties", 1, "aliases")] == line_of(BASE_TOML, "aliases")

    def test_many_headers_are_scanned_in_one_pass(self) -> None:
        """Thousands of distinct table headers: each is resolved against its own parent only."""
        text = "".join(f"[[t{i}]]\nx = 1\n[[t{i}.u]]\ny = 2\n" for i in range(5000))
        lines = toml_lines(text)
        assert lines[("t4999", 0, "u", 0, "y")] == 4 * 5000

    def test_nearest_ancestor(self) -> None:
        """A path the scan does not know takes the line of its nearest known ancestor."""
        find = lookup(toml_lines(BASE_TOML))
        assert find(("amendments", 0, "adds", 0, "scope", 0)) == line_of(
            BASE_TOML, 'scope = ["DE"]'
        )


class TestJsonAndYaml:
    def test_every_value_has_its_line(self) -> None:
        """JSON and YAML paths map to the line the value starts on."""
        lines, duplicates = json_lines(BASE_JSON)
        assert duplicates == []
        assert lines[("amendments", 0, "adds", 1, "rate")] == line_of(BASE_JSON, '"rate"')
        _, find = parse(BASE_YAML, "yaml", "x.yaml")
        assert find(("amendments", 1, "effective")) == line_of(BASE_YAML, "effective: '2021-06-01'")

    def test_duplicate_keys_are_reported_with_both_lines(self) -> None:
        """A key given twice in JSON is a problem on its second line, naming the first."""
        text = '{\n "format": "clausekit/1",\n "id": "a",\n "id": "b"\n}'
        error = None
        try:
            ck.loads(text, format="json")
        except ck.ContractFileError as exc:
            error = exc
        assert error is not None
        assert error.problems[0].line == 4
        assert "first on line 3" in error.problems[0].message
