"""Reference pieces of the documentation, computed from the library while the site builds.

The clause kinds, the JSON Schema and its tables, the command line's help and
the error catalogue (with the check that every error class has a section).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import inspect
import json
import os
import pkgutil
import re
from collections.abc import Iterator
from typing import Any

import attrs
from _hooks.text import cell, fence
from mkdocs.exceptions import PluginError

import clausekit as ck
from clausekit.clauses import CLAUSE_KINDS
from clausekit.clauses.base import ClauseBase


def clause_kinds(arg: str) -> str:
    """A table of the clause kinds: file tag, class, what it governs, its own fields."""
    common = {a.name for a in attrs.fields(ClauseBase)}
    lines = ["| `kind` in a file | class | what it is | its own fields |", "|---|---|---|---|"]
    for tag, cls in CLAUSE_KINDS.items():
        doc = inspect.getdoc(cls) or ""
        summary = doc.split("\n\n", 1)[0].replace("\n", " ")
        own = [f"`{a.name}`" for a in attrs.fields(cls) if a.name not in common]
        lines.append(
            f"| `{tag}` | [`{cls.__name__}`][clausekit.{cls.__name__}] | {cell(summary)} | "
            f"{', '.join(own)} |"
        )
    return "\n".join(lines)


def json_schema(arg: str) -> str:
    """The shipped JSON Schema of contract files, as a code block."""
    from clausekit.schema import SCHEMA_FILE

    return fence(SCHEMA_FILE.read_text(encoding="utf-8"), "json")


SCHEMA_ORDER = (
    "Party",
    "Amendment",
    "Replacement",
    "Evidence",
    "ClaimReference",
    "SeedExcerpt",
    "OutsideSource",
    "Day",
    "DateRange",
    "Money",
    "Clause",
)


def _schema_type(node: dict[str, Any]) -> str:
    """A schema node in words, linking to the sections of named definitions."""
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    if "const" in node:
        return f'`"{node["const"]}"`'
    if "enum" in node:
        return " or ".join(
            f"`{v!r}`" if not isinstance(v, str) else f'`"{v}"`' for v in node["enum"]
        )
    if "oneOf" in node:
        return " or ".join(_schema_type(n) for n in node["oneOf"])
    kind = node.get("type")
    if kind == "array":
        items = _schema_type(node.get("items", {}))
        extra = ", at least one" if node.get("minItems") else ""
        extra += ", no repeats" if node.get("uniqueItems") else ""
        return f"list of {items}{extra}"
    if isinstance(kind, list):
        return " or ".join(str(k) for k in kind)
    text = str(kind or "any")
    if "pattern" in node:
        text += f" matching `{node['pattern']}`"
    return text


def _schema_section(name: str, node: dict[str, Any], level: str = "###") -> list[str]:
    anchor = name.lower()
    lines = [f"{level} {name} {{ #{anchor} }}", ""]
    if node.get("description"):
        lines += [cell(node["description"]), ""]
    properties = node.get("properties")
    if properties:
        required = set(node.get("required", ()))
        lines += ["| key | value | required | meaning |", "|---|---|---|---|"]
        for key, prop in properties.items():
            need = "yes" if key in required else ""
            lines.append(
                f"| `{key}` | {_schema_type(prop)} | {need} | {cell(prop.get('description', ''))} |"
            )
        if node.get("additionalProperties") is False:
            lines += ["", "No other key is allowed."]
    else:
        lines.append(f"Value: {_schema_type(node)}.")
    return [*lines, ""]


def schema_tables(arg: str) -> str:
    """Every object of the contract file, key by key, from the shipped JSON Schema."""
    from clausekit.schema import SCHEMA_FILE

    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    defs: dict[str, Any] = schema["$defs"]
    lines = _schema_section("Agreement", schema, level="###")
    named = [n for n in SCHEMA_ORDER if n in defs]
    kinds = [cls.__name__ for cls in CLAUSE_KINDS.values() if cls.__name__ in defs]
    rest = sorted(set(defs) - set(named) - set(kinds))
    for name in [*named, *rest]:
        lines += _schema_section(name, defs[name])
    lines += ["## Clause kinds", ""]
    for name in kinds:
        lines += _schema_section(name, defs[name])
    return "\n".join(lines)


@contextlib.contextmanager
def columns(width: int) -> Iterator[None]:
    """argparse wraps help to the terminal width: fix it, so the page is the same everywhere."""
    old = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(width)
    try:
        yield
    finally:
        if old is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = old


def cli_help(arg: str) -> str:
    """``clausekit --help`` and every sub-command's ``--help``, as the parser prints them."""
    from clausekit.cli import build_parser

    parser = build_parser()
    parts: list[str] = []
    with columns(100):
        parts += ["### `clausekit`", "", fence(parser.format_help(), "text"), ""]
        for action in parser._actions:  # argparse keeps its sub-commands here
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    parts += [f"### `clausekit {name}`", "", fence(sub.format_help(), "text"), ""]
    return "\n".join(parts)


def error_classes() -> list[type[ck.ClauseKitError]]:
    """Every ClauseKitError subclass in the library, after importing all its modules."""
    for module in pkgutil.walk_packages(ck.__path__, "clausekit."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    found: list[type[ck.ClauseKitError]] = []
    todo: list[type[ck.ClauseKitError]] = [ck.ClauseKitError]
    while todo:
        cls = todo.pop(0)
        if cls not in found and not cls.__name__.startswith("_"):
            found.append(cls)
        todo += cls.__subclasses__()
    return found


def error_table(arg: str) -> str:
    """The error classes: where each lives, what built-in exception it also is, and when."""
    lines = ["| error | also a | module | raised when |", "|---|---|---|---|"]
    for cls in error_classes():
        builtins = [b.__name__ for b in cls.__mro__[1:] if b.__module__ == "builtins"]
        builtins = [b for b in builtins if b not in ("Exception", "BaseException", "object")]
        doc = (inspect.getdoc(cls) or "").split("\n\n", 1)[0].replace("\n", " ")
        anchor = f"#{cls.__name__.lower()}"
        lines.append(
            f"| [`{cls.__name__}`]({anchor}) | {', '.join(builtins) or '—'} | "
            f"`{cls.__module__}` | {cell(doc)} |"
        )
    return "\n".join(lines)


def check_error_catalogue(markdown: str) -> None:
    """The error catalogue must have a section, with an example, for every error class."""
    sections = dict.fromkeys(re.findall(r"(?m)^### (\w+)\s*$", markdown))
    classes = [cls.__name__ for cls in error_classes()]
    missing = [name for name in classes if name not in sections]
    stale = [name for name in sections if name not in classes]
    if missing or stale:
        raise PluginError(
            "reference/errors.md must have one '### Name' section per ClauseKitError subclass.\n"
            f"  without a section: {missing}\n  sections for no error class: {stale}"
        )
    for name in classes:
        body = markdown.split(f"### {name}\n", 1)[1].split("\n### ", 1)[0]
        if ">>> " not in body:
            raise PluginError(f"reference/errors.md: the section on {name} has no example.")
