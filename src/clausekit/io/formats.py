"""Parsing TOML, YAML and JSON text into plain data, within stated limits.

Each parser returns the data and a line finder (:mod:`clausekit.io.lines`),
or raises :class:`~clausekit.errors.ContractFileError` with the line of the
syntax error. The limits hold for every format: at most :data:`MAX_BYTES`,
nested at most :data:`MAX_DEPTH` deep (YAML is measured while it is
parsed; tomllib and JSON's decoder end a runaway nesting with a
RecursionError, and data they return deeper than the limit is refused
before anything walks it), whole numbers of at most 4,300 digits, no lone
surrogates, and for YAML at most :data:`MAX_VALUES` values after aliases are
expanded.

Examples:
    >>> data, line_of = parse('a = 1\\nb = [2, 3]\\n', "toml", "x.toml")
    >>> data, line_of(("b", 1))
    ({'a': 1, 'b': [2, 3]}, 2)
    >>> bracket_depth('a = [[1, "]]]"], {b = 2}]  # ]]', toml=True)
    (2, 1)
"""

from __future__ import annotations

import itertools
import json
import re
import tomllib
from collections.abc import Mapping
from typing import Any, Literal, TypeAlias

import yaml

from clausekit.errors import ContractFileError, FileProblem
from clausekit.io.lines import LineFinder, json_lines, lazy_lookup, lookup, toml_lines, yaml_lines
from clausekit.io.shapes import FieldPath, render_path

__all__ = [
    "FORMAT",
    "FORMATS",
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_DIGITS",
    "MAX_VALUES",
    "SUFFIXES",
    "Format",
    "bracket_depth",
    "check_depth",
    "error",
    "parse",
]

FORMAT = "clausekit/1"
"""The value of the ``format`` key this version reads and writes."""

MAX_BYTES = 5 * 1024 * 1024
"""The largest contract file accepted, in bytes (5 MiB)."""

MAX_DEPTH = 64
"""The deepest nesting of lists and mappings accepted in a contract file."""

MAX_VALUES = 500_000
"""The most values a YAML file may hold, aliases expanded (against alias bombs)."""

MAX_DIGITS = 4300
"""The longest whole number accepted, in digits (Python's limit for reading one)."""

Format: TypeAlias = Literal["toml", "yaml", "json"]
FORMATS: tuple[Format, ...] = ("toml", "yaml", "json")
SUFFIXES: dict[str, Format] = {".toml": "toml", ".yaml": "yaml", ".yml": "yaml", ".json": "json"}


def error(source: str, message: str, *, line: int | None = None) -> ContractFileError:
    """A contract-file error with one problem about the whole file."""
    return ContractFileError(source, [FileProblem("", message, line)])


def parse(text: str, fmt: Format, source: str) -> tuple[Any, LineFinder]:
    """The data in ``text`` and a line finder for its field paths."""
    if fmt == "json":
        return _parse_json(text, source)
    if fmt == "yaml":
        return _parse_yaml(text, source)
    return _parse_toml(text, source)


def _deep(source: str, line: int | None = None) -> ContractFileError:
    return error(
        source,
        f"the data is nested more than {MAX_DEPTH} levels deep; a contract file needs fewer "
        "than ten. Check for a runaway list or mapping.",
        line=line,
    )


def check_depth(data: Any) -> list[FileProblem]:
    """Refuse data nested deeper than MAX_DEPTH, without recursion (aliases are shared)."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    seen: set[int] = set()
    while stack:
        value, depth = stack.pop()
        if not isinstance(value, Mapping | list):
            continue
        if depth > MAX_DEPTH:
            return [
                FileProblem(
                    "",
                    f"the data is nested more than {MAX_DEPTH} levels deep; a contract file "
                    "needs fewer than ten.",
                )
            ]
        if id(value) in seen:
            continue
        seen.add(id(value))
        children = value.values() if isinstance(value, Mapping) else value
        stack.extend((child, depth + 1) for child in children)
    return []


# Every string (and TOML comment) either ends where it should or runs to the end of its
# line (or of the text, for multi-line strings): an unterminated string is consumed once,
# never rescanned, so the scan is linear. The parser then reports the string itself.
_TOML_SKIP = (  # each string as one greedy run of plain characters at a time ("unrolled")
    r'"""[^"]*(?:"(?!"")[^"]*)*(?:"""|\Z)'
    + r"|'''[^']*(?:'(?!'')[^']*)*(?:'''|\Z)"
    + r'|"[^"\\\n]*(?:\\.[^"\\\n]*)*"?'
    + r"|'[^'\n]*'?|#[^\n]*"
)
_JSON_SKIP = r'"[^"\\]*(?:\\[\s\S][^"\\]*)*"?'
_SKIP = {True: re.compile(_TOML_SKIP), False: re.compile(_JSON_SKIP)}
_TOKENS = {
    True: re.compile(_TOML_SKIP + r"|[\[\]{}]"),
    False: re.compile(_JSON_SKIP + r"|[\[\]{}]"),
}
_BRACKETS = re.compile(r"[\[\]{}]")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def bracket_depth(text: str, *, toml: bool) -> tuple[int, int]:
    """The deepest nesting of ``[``/``{`` outside strings and comments, and a line.

    The line is where the nesting first passes :data:`MAX_DEPTH` (1 when it
    never does).

    Strings (and TOML comments) are removed in one pass of the regular
    expression engine, terminated or not, and the brackets left are summed;
    the scan is linear in the text.
    """
    brackets = _BRACKETS.findall(_SKIP[toml].sub("", text))
    if not brackets:
        return 0, 1
    best = max(itertools.accumulate(map(_STEP.__getitem__, brackets)))
    if best <= MAX_DEPTH:
        return best, 1  # deep enough to refuse only beyond MAX_DEPTH: no line needed
    return _deepest(text, toml=toml)


def _deepest(text: str, *, toml: bool) -> tuple[int, int]:
    """:func:`bracket_depth` with the line where the nesting first passes MAX_DEPTH."""
    depth = best = at = 0
    for match in _TOKENS[toml].finditer(text):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
            if depth > best:
                best = depth
                if best <= MAX_DEPTH + 1:
                    at = match.start()
        elif token in ("]", "}"):
            depth -= 1
    return best, text.count("\n", 0, at) + 1


_LONG_NUMBER = re.compile(rf"[0-9][0-9_]{{{MAX_DIGITS},}}")


def _too_long_number(text: str, source: str, fmt: str) -> ContractFileError:
    """The error for a whole number Python will not read (over MAX_DIGITS digits)."""
    match = _LONG_NUMBER.search(text)
    line = text.count("\n", 0, match.start()) + 1 if match else None
    digits = len(match.group().replace("_", "")) if match else MAX_DIGITS + 1
    quote = '"…"' if fmt != "yaml" else "'…'"
    return error(
        source,
        f"a number of {digits:,} digits, over the limit of {MAX_DIGITS:,}. No field of a "
        f"contract file holds such a number; if it is meant as text, put it in quotes ({quote}).",
        line=line,
    )


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _lone_surrogate(data: Any) -> tuple[FieldPath, str] | None:
    """The path and text of the first string holding a lone surrogate, if any."""
    stack: list[tuple[Any, FieldPath]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return path, value
        elif isinstance(value, dict):
            for key, child in value.items():
                if isinstance(key, str) and _lone_surrogate(key) is not None:
                    return (*path, key), key
                stack.append((child, (*path, key)))
        elif isinstance(value, list):
            stack.extend((child, (*path, i)) for i, child in enumerate(value))
    return None


def surrogate_problem(path: FieldPath, value: str, line: int | None) -> FileProblem:
    """The problem for text holding a lone surrogate (half of a UTF-16 pair)."""
    at = next(i for i, c in enumerate(value) if "\ud800" <= c <= "\udfff")
    return FileProblem(
        render_path(path),
        f"the text {value[:40]!r} holds a lone surrogate (U+{ord(value[at]):04X}) at "
        f"character {at + 1}, which is not a character of Unicode text. Remove it, or write the "
        "full character (a \\uD83D\\uDE00 pair in JSON, one \\U0001F600 escape elsewhere).",
        line,
    )


def _parse_json(text: str, source: str) -> tuple[Any, LineFinder]:
    # No scan first: json's C decoder guards its own recursion (a RecursionError, caught
    # below), and nesting deeper than MAX_DEPTH that parses is refused by the reader
    # before anything walks it (clausekit.io.reading checks the depth of what it refuses).
    repeated: list[bool] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        mapping = dict(items)
        if len(mapping) != len(items):
            repeated.append(True)
        return mapping

    try:
        data = json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        raise error(
            source, f"invalid JSON: {exc.msg} (column {exc.colno}).", line=exc.lineno
        ) from None
    except ValueError:  # the one other ValueError json raises: a number too long to read
        raise _too_long_number(text, source, "json") from None
    except RecursionError:
        raise _deep(source, bracket_depth(text, toml=False)[1]) from None
    find = lazy_lookup(lambda: json_lines(text)[0])
    problems = []
    if repeated:
        problems = check_depth(data)  # json_lines recurses: bounded first
    if repeated and not problems:
        problems = [FileProblem(render_path(p), m, at) for p, m, at in json_lines(text)[1]]
    if _SURROGATE_ESCAPE.search(text):
        lone = _lone_surrogate(data)
        if lone is not None:
            problems.append(surrogate_problem(lone[0], lone[1], find(lone[0])))
    if problems:
        raise ContractFileError(source, problems)
    return data, find


# --------------------------------------------------------------------------- YAML


class _Unreadable(Exception):
    """A YAML scalar that names a value Python cannot build; carries the message and line."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _YamlLoader(_Base):  # type: ignore[misc, valid-type]
    """The safe loader (libyaml's when PyYAML was built with it) with unreadable scalars caught.

    An impossible unquoted date (``2025-02-30``) stays text, so the checker
    reports it on its field with the fix; a whole number over 4,300 digits
    is refused on its line. Any tag other than plain data is refused.
    """

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return str(node.value)

    def construct_yaml_int(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_int(node)
        except ValueError:
            digits = len(str(node.value))
            raise _Unreadable(
                f"a number of {digits:,} characters, over the limit of {MAX_DIGITS:,} digits. "
                "No field of a contract file holds such a number; if it is meant as text, put "
                "it in quotes ('…').",
                node.start_mark.line + 1,
            ) from None


_YamlLoader.add_constructor("tag:yaml.org,2002:timestamp", _YamlLoader.construct_yaml_timestamp)
_YamlLoader.add_constructor("tag:yaml.org,2002:int", _YamlLoader.construct_yaml_int)


def _parse_yaml(text: str, source: str) -> tuple[Any, LineFinder]:
    try:
        depth = values = 0
        for event in yaml.parse(text, Loader=_YamlLoader):
            if isinstance(event, yaml.ScalarEvent):
                values += 1
            elif isinstance(event, yaml.CollectionStartEvent):
                values += 1
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    raise _deep(source, mark.line + 1 if mark is not None else None)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            if values > MAX_VALUES:
                raise _too_many(source, event)
        loader = _YamlLoader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                raise error(
                    source, f"the file is empty; a contract file starts with format: {FORMAT}."
                )
            memo: dict[int, int] = {}
            size = _yaml_size(node, memo)
            if size > MAX_VALUES:
                raise error(
                    source,
                    f"the file's aliases expand to more than {MAX_VALUES:,} values (the limit); "
                    f"it holds {len(memo):,} values before expansion. Use fewer anchors and "
                    "aliases (*name), or write the repeated data out.",
                )
            lines: dict[FieldPath, int] = {}
            duplicates: list[tuple[FieldPath, str, int]] = []
            yaml_lines(node, (), lines, duplicates)
            data = loader.construct_document(node)
        finally:
            loader.dispose()
    except _Unreadable as exc:
        raise error(source, exc.message, line=exc.line) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or "unreadable"
        if isinstance(exc, yaml.constructor.ConstructorError) and "tag" in problem:
            message = (
                f"YAML tag not allowed: {problem}. Contract files hold plain data only (text, "
                "numbers, booleans, dates, lists and mappings); remove the tag."
            )
        else:
            message = f"invalid YAML: {problem}."
        raise error(source, message, line=line) from None
    except yaml.YAMLError as exc:
        raise error(source, f"invalid YAML: {exc}.") from None
    except RecursionError:
        raise _deep(source) from None
    find = lookup(lines)
    problems = [FileProblem(render_path(p), m, at) for p, m, at in duplicates]
    if problems:
        raise ContractFileError(source, problems)
    return data, find


def _too_many(source: str, event: yaml.Event) -> ContractFileError:
    mark = event.start_mark
    return error(
        source,
        f"the file holds more than {MAX_VALUES:,} values (keys, items and scalars), the limit for "
        "a YAML contract file; a large agreement holds a few thousand. Check that this is the "
        "right file, or split the agreement.",
        line=mark.line + 1 if mark is not None else None,
    )


def _yaml_size(node: yaml.Node, memo: dict[int, int]) -> int:
    """The number of values under ``node`` with aliases expanded (capped just over the limit).

    ``memo`` ends holding one entry per distinct node: the values before expansion.
    """
    if id(node) in memo:
        return memo[id(node)]
    memo[id(node)] = 1  # a cycle counts once; the constructor builds it as shared data
    size = 1
    if isinstance(node, yaml.SequenceNode):
        size += sum(_yaml_size(child, memo) for child in node.value)
    elif isinstance(node, yaml.MappingNode):
        size += sum(_yaml_size(k, memo) + _yaml_size(v, memo) for k, v in node.value)
    memo[id(node)] = min(size, MAX_VALUES + 1)
    return memo[id(node)]


# --------------------------------------------------------------------------- TOML

_TOML_WHERE = re.compile(r"\s*\(at line (\d+), column (\d+)\)|\s*\(at end of document\)")


def _parse_toml(text: str, source: str) -> tuple[Any, LineFinder]:
    # No scan first: tomllib recurses one level of brackets at a time, so a runaway nesting
    # ends in a RecursionError (caught below, and located by the scan then); nesting it
    # returns deeper than MAX_DEPTH is refused by the reader before anything walks it.
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # tomllib's message is the only place its position is given (Python < 3.14).
        lineno = getattr(exc, "lineno", None)
        colno = getattr(exc, "colno", None)
        message = getattr(exc, "msg", None) or str(exc)
        if lineno is None:
            where = _TOML_WHERE.search(message)
            if where is not None and where.group(1):
                lineno, colno = int(where.group(1)), int(where.group(2))
            message = _TOML_WHERE.sub("", message)
        at_line = lineno if lineno is not None else text.count("\n") + 1
        column = f" (column {colno})" if colno is not None else ""
        raise error(source, f"invalid TOML: {message}{column}.", line=at_line) from None
    except ValueError:  # tomllib lets int()'s limit through: a number too long to read
        raise _too_long_number(text, source, "toml") from None
    except RecursionError:
        raise _deep(source, bracket_depth(text, toml=True)[1]) from None
    # Dotted keys and table headers nest without brackets: data deeper than MAX_DEPTH is
    # refused by the reader before anything walks it, as for JSON.
    return data, lazy_lookup(lambda: toml_lines(text))
