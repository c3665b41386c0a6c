"""Parsing: syntax errors with their line, and the limits every format holds to.

The limits are stated in :mod:`clausekit.io.formats`; each is refused with a
clausekit error that names the limit (never a hang, a ``ValueError`` or a
``UnicodeEncodeError``), and the scans that enforce them are linear: the
inputs below would take minutes with a quadratic scan, and well under a
second here (timed in the benchmark, not asserted).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from io_samples import BASE_DEAL, BASE_JSON, BASE_TOML, BASE_YAML, edit, line_of, raised, write

import clausekit as ck
from clausekit import io as ckio
from clausekit.errors import ContractFileError
from clausekit.io.formats import MAX_DIGITS, MAX_VALUES, bracket_depth


class TestSyntax:
    def test_syntax_errors_carry_their_line(self) -> None:
        """Parser errors in each format name the line the parser stopped at."""
        toml_error = raised(edit(BASE_TOML, 'title = "Signed"', 'title = "Signed'), "toml")
        assert toml_error.problems[0].line == line_of(BASE_TOML, 'title = "Signed"')
        yaml_text = edit(BASE_YAML, "  title: Signed", "  title: [Signed")
        assert raised(yaml_text, "yaml").problems[0].line is not None
        json_text = edit(BASE_JSON, '"title": "Signed",', '"title": "Signed"')
        assert raised(json_text, "json").problems[0].line == line_of(json_text, '"effective"')

    def test_byte_order_mark_is_ignored(self) -> None:
        """Text starting with a byte order mark reads like text without one."""
        for fmt, text in (("toml", BASE_TOML), ("yaml", BASE_YAML), ("json", BASE_JSON)):
            assert ck.loads("\ufeff" + text, format=fmt) == BASE_DEAL  # type: ignore[arg-type]

    @pytest.mark.parametrize("fmt", ["toml", "yaml", "json"])
    def test_empty_text(self, fmt: ckio.Format) -> None:
        """Empty text is a file problem in every format, not a crash."""
        with pytest.raises(ContractFileError):
            ck.loads("", format=fmt)


class TestLimits:
    def test_oversized_file_is_refused_before_parsing(self, tmp_path: Path) -> None:
        """A file over 5 MiB is refused by size, whatever it holds."""
        path = write(tmp_path, "big.toml", BASE_TOML + "# " + "x" * ckio.MAX_BYTES + "\n")
        with pytest.raises(ContractFileError, match="over the limit of 5,242,880 bytes"):
            ck.load(path)
        with pytest.raises(ContractFileError, match="over the limit"):
            ck.loads(path.read_text(encoding="utf-8"), format="toml")

    def test_yaml_alias_bomb_is_refused(self) -> None:
        """Aliases that expand to millions of values are refused, not expanded."""
        lines = ["format: clausekit/1", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 8)]
        with pytest.raises(ContractFileError, match="aliases expand to"):
            ck.loads("\n".join(lines) + "\n", format="yaml")

    def test_a_flat_yaml_list_is_refused_by_its_size_not_blamed_on_aliases(self) -> None:
        """600,000 plain values: the message states the real limit, with no word of aliases."""
        error = raised("- 1\n" * 600_000, "yaml")
        message = str(error)
        assert f"more than {MAX_VALUES:,} values" in message
        assert "alias" not in message

    @pytest.mark.parametrize(
        ("fmt", "text"),
        [
            ("json", '{"id": ' + "7" * (MAX_DIGITS + 700) + "}"),
            ("toml", "id = " + "7" * (MAX_DIGITS + 700) + "\n"),
            ("yaml", "id: " + "7" * (MAX_DIGITS + 700) + "\n"),
        ],
    )
    def test_over_long_numbers_are_file_problems(self, fmt: ckio.Format, text: str) -> None:
        """A whole number over 4,300 digits is refused on its line, with the advice to quote it."""
        error = raised(text, fmt)
        assert "over the limit of 4,300" in str(error)
        assert "put it in quotes" in str(error)
        assert error.problems[0].line == 1

    def test_lone_surrogates_are_file_problems(self) -> None:
        """A lone surrogate in the text, or escaped in JSON, is refused with its line."""
        raw = raised(BASE_JSON.replace('"Signed"', '"Sig\ud800ned"'), "json")
        assert "lone surrogate (U+D800)" in str(raw)
        assert raw.problems[0].line == line_of(BASE_JSON, '"Signed"')
        escaped = raised(BASE_JSON.replace('"Signed"', '"Sig\\ud800ned"'), "json")
        assert "lone surrogate (U+D800)" in str(escaped)
        assert escaped.problems[0].path == "amendments[0].title"
        assert raised(BASE_TOML.replace('"Signed"', '"Sig\\ud800ned"'), "toml").problems

    def test_impossible_unquoted_yaml_date_is_a_row_with_its_line(self) -> None:
        """effective: 2025-02-30 unquoted is read as text and refused on its field, with the fix."""
        text = edit(BASE_YAML, "effective: '2021-06-01'", "effective: 2025-02-30")
        error = raised(text, "yaml", source="deal.yaml")
        problem = error.problems[0]
        assert problem.path == "amendments[1].effective"
        assert problem.line == line_of(text, "effective: 2025-02-30")
        assert "Pass an ISO date such as '2025-01-15'" in problem.message

    @pytest.mark.parametrize(
        ("fmt", "text"),
        [
            ("json", '"' + '\\"' * 200_000),
            ("toml", 'a = "' + '\\"' * 200_000),
            ("toml", 'a = """' + '\\"' * 200_000),
            ("toml", "a = '''" + "x" * 200_000),
            ("json", '"' * 200_000),
            ("toml", '"' * 200_000),
            ("toml", "'" * 200_000),
        ],
    )
    def test_unterminated_strings_are_scanned_once(self, fmt: ckio.Format, text: str) -> None:
        """Unterminated strings end the bracket scan at once: a syntax error, not a long wait."""
        with pytest.raises(ContractFileError, match=f"invalid {fmt.upper()}"):
            ck.loads(text, format=fmt)

    def test_bracket_depth(self) -> None:
        """Brackets inside strings and comments do not count; unterminated strings end the scan."""
        assert bracket_depth('a = [[1, "]]]"], {b = 2}]  # ]]', toml=True) == (2, 1)
        assert bracket_depth('[["[[[', toml=False) == (2, 1)
        assert bracket_depth("x\n" + "[" * 70, toml=False) == (70, 2)

    def test_deep_nesting_is_refused_by_the_scan(self) -> None:
        """Ten thousand brackets are refused before any parser recurses."""
        for fmt, text in (("json", "\n[" * 10_000), ("toml", "a = " + "[" * 10_000)):
            error = raised(text, fmt)
            assert "nested more than 64 levels" in str(error)
            assert error.problems[0].line == (66 if fmt == "json" else 1)  # the 65th bracket
        with pytest.raises(ContractFileError, match="nest"):  # libyaml may stop it first
            ck.loads("a: " + "[" * 10_000, format="yaml")
