"""Where each value of a contract file is: the line of every field path, per format.

Parsers give data without positions (tomllib, ``json``) or positions without
paths (PyYAML's nodes); these scanners map each field path to its line, so a
problem can say ``deal.toml:18``. Maps are built only for files with
problems (:func:`lazy_lookup`), and every scan is linear in the text.

Examples:
    >>> find = lookup(json_lines('{"a": [1,' + chr(10) + ' 2]}')[0])
    >>> find(("a", 1)), find(("a", 7, "b"))
    (2, 1)
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable
from typing import Any

import yaml

from clausekit.io.shapes import FieldPath

__all__ = [
    "LineFinder",
    "json_lines",
    "lazy_lookup",
    "lookup",
    "no_lines",
    "toml_lines",
    "yaml_lines",
]

LineFinder = Callable[[FieldPath], "int | None"]
"""The line of a field path (or of its nearest ancestor that has one), or None."""


def no_lines(path: FieldPath) -> int | None:
    """The line finder for data that came from no file."""
    return None


def lookup(lines: dict[FieldPath, int]) -> Callable[[FieldPath], int | None]:
    """A line finder: the line of ``path``, or of its nearest ancestor that has one."""

    def find(path: FieldPath) -> int | None:
        for end in range(len(path), -1, -1):
            if path[:end] in lines:
                return lines[path[:end]]
        return None

    return find


def lazy_lookup(build: Callable[[], dict[FieldPath, int]]) -> Callable[[FieldPath], int | None]:
    """A line finder whose map is built on first use (only files with problems need one)."""
    cache: list[Callable[[FieldPath], int | None]] = []

    def find(path: FieldPath) -> int | None:
        if not cache:
            cache.append(lookup(build()))
        return cache[0](path)

    return find


_JSON_SCALAR = re.compile(r"-?[0-9][0-9.eE+-]*|true|false|null|NaN|-?Infinity")


def json_lines(text: str) -> tuple[dict[FieldPath, int], list[tuple[FieldPath, str, int]]]:
    """The line of every value in well-formed JSON, and every key given twice."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    lines: dict[FieldPath, int] = {}
    duplicates: list[tuple[FieldPath, str, int]] = []
    scanstring: Callable[[str, int], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]

    def line_of(pos: int) -> int:
        return bisect.bisect_right(starts, pos)

    def skip(i: int) -> int:
        while i < len(text) and text[i] in " \t\r\n":
            i += 1
        return i

    def value(i: int, path: FieldPath) -> int:
        i = skip(i)
        lines.setdefault(path, line_of(i))
        c = text[i]
        if c == "{":
            i = skip(i + 1)
            seen: dict[str, int] = {}
            while text[i] != "}":
                key_at = i
                key, i = scanstring(text, i + 1)
                if key in seen:
                    duplicates.append(
                        (
                            (*path, key),
                            f"the key {key!r} is given twice (first on line {seen[key]}); "
                            "keep one.",
                            line_of(key_at),
                        )
                    )
                seen.setdefault(key, line_of(key_at))
                lines.setdefault((*path, key), line_of(key_at))
                i = skip(skip(i) + 1)  # the colon
                i = skip(value(i, (*path, key)))
                if text[i] == ",":
                    i = skip(i + 1)
            return i + 1
        if c == "[":
            i = skip(i + 1)
            index = 0
            while text[i] != "]":
                i = skip(value(i, (*path, index)))
                index += 1
                if text[i] == ",":
                    i = skip(i + 1)
            return i + 1
        if c == '"':
            return scanstring(text, i + 1)[1]
        match = _JSON_SCALAR.match(text, i)
        return match.end() if match else i + 1

    value(0, ())
    return lines, duplicates


def yaml_lines(
    node: yaml.Node,
    path: FieldPath,
    lines: dict[FieldPath, int],
    duplicates: list[tuple[FieldPath, str, int]],
) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key, child in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else "?"
            line = key.start_mark.line + 1
            if name in seen and name != "<<":
                duplicates.append(
                    (
                        (*path, name),
                        f"the key {name!r} is given twice (first on line {seen[name]}); keep one.",
                        line,
                    )
                )
            seen.setdefault(name, line)
            lines.setdefault((*path, name), line)
            yaml_lines(child, (*path, name), lines, duplicates)
    elif isinstance(node, yaml.SequenceNode):
        for index, child in enumerate(node.value):
            yaml_lines(child, (*path, index), lines, duplicates)


_TOML_KEY = re.compile(
    r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*="""
)


def _toml_keys(text: str) -> list[str]:
    parts = re.findall(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""", text)
    return [p[1:-1] if p[:1] in "\"'" else p for p in parts]


def toml_lines(text: str) -> dict[FieldPath, int]:
    """Best effort: the line of each table and key in a TOML file.

    tomllib does not report positions, so the text is scanned line by line:
    table headers (``[[amendments]]``, ``[[amendments.adds]]``,
    ``[amendments.replaces.new]``) set the current path, counting the
    entries of each array of tables, and ``key = value`` lines add the key.
    Values inside inline tables and arrays take the line of their key, and
    text inside multi-line strings is skipped when the quotes are balanced
    per line; for anything else the line may be that of an enclosing key.
    """
    lines: dict[FieldPath, int] = {}
    # Each array of tables counts its entries within one entry of its parent: the count
    # and the parent's path it was counted under (a new parent entry starts again at 0).
    counters: dict[tuple[str, ...], tuple[int, FieldPath]] = {}
    current: FieldPath = ()
    in_multiline: str | None = None

    def resolve(keys: list[str]) -> FieldPath:
        out: list[str | int] = []
        for i, key in enumerate(keys):
            parent = tuple(out)
            out.append(key)
            counted = counters.get(tuple(keys[: i + 1]))
            if counted is not None and counted[1] == parent:
                out.append(counted[0])
        return tuple(out)

    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if in_multiline is not None:
            if raw.count(in_multiline) % 2 == 1:
                in_multiline = None
            continue
        if stripped.startswith("[["):
            keys = _toml_keys(stripped[2 : stripped.find("]]")])
            parent = resolve(keys[:-1])
            counted = counters.get(tuple(keys))
            count = counted[0] + 1 if counted is not None and counted[1] == parent else 0
            counters[tuple(keys)] = (count, parent)
            current = resolve(keys)
            lines.setdefault(current, number)
        elif stripped.startswith("["):
            current = resolve(_toml_keys(stripped[1 : stripped.find("]")]))
            lines.setdefault(current, number)
        elif match := _TOML_KEY.match(raw):
            keys = _toml_keys(match.group(1))
            for end in range(1, len(keys) + 1):
                lines.setdefault((*current, *keys[:end]), number)
        for quote in ('"""', "'''"):
            if raw.count(quote) % 2 == 1:
                in_multiline = quote
                break
    return lines
