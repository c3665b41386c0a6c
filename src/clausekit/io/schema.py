"""The JSON Schema (draft 2020-12) of contract files, computed from the types and the registry.

Every registered clause kind, bundled or user-defined, appears as one
alternative of ``Clause``; field descriptions come from the classes'
``Attributes:`` docstring sections.

Examples:
    >>> schema = json_schema()
    >>> schema["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    >>> sorted(schema["$defs"]["Exclusivity"]["properties"]["kind"].items())
    [('const', 'exclusivity')]
"""

from __future__ import annotations

import contextvars
import json
import re
import typing
from typing import Any

import pendulum

from clausekit.agreement import Agreement
from clausekit.evidence import OutsideSource, SeedExcerpt
from clausekit.io.converter import DECIMAL
from clausekit.io.formats import FORMAT
from clausekit.io.kinds import CLAUSES, kind_of
from clausekit.io.shapes import fields_of, shape_of
from clausekit.time import DateRange

__all__ = ["json_schema", "schema_text"]

_ISO_DAY_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_CURRENCY_PATTERN = r"^[A-Z]{3}$"


def json_schema(*, bundled_only: bool = False) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a contract file, computed from the types and the registry.

    Every clause kind registered when it is called is one alternative of
    ``Clause``, a kind of your own included. The schema shipped as
    ``clausekit/schema/contract.schema.json`` is the one of the bundled
    kinds (``bundled_only=True``); regenerate it with ``python -m clausekit.schema``.

    Args:
        bundled_only: leave out kinds defined outside clausekit.

    Examples:
        >>> schema = json_schema()
        >>> schema["$schema"]
        'https://json-schema.org/draft/2020-12/schema'
        >>> sorted(schema["$defs"]["Exclusivity"]["properties"]["kind"].items())
        [('const', 'exclusivity')]
    """
    defs: dict[str, Any] = {}
    kinds = tuple(
        kind
        for kind in CLAUSES.kinds()
        if not bundled_only or _clause(kind).__module__.startswith("clausekit.")
    )
    token = _KINDS.set(kinds)
    try:
        root = _schema_class(Agreement, defs)
    finally:
        _KINDS.reset(token)
    root["properties"] = {
        "$schema": {"type": "string", "description": "The address of this schema, for editors."},
        "format": {"const": FORMAT, "description": "The file format and its version."},
        **root["properties"],
    }
    root["required"] = ["format", *root["required"]]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "clausekit contract file",
        **{k: v for k, v in root.items() if k != "title"},
        "$defs": dict(sorted(defs.items())),
    }


_KINDS: contextvars.ContextVar[tuple[str, ...]] = contextvars.ContextVar("clausekit_schema_kinds")


def schema_text() -> str:
    """The text of the shipped ``contract.schema.json``: the bundled kinds' schema, sorted and indented."""
    return json.dumps(json_schema(bundled_only=True), indent=2, ensure_ascii=False) + "\n"


def _plain(text: str) -> str:
    """Docstring markup as plain text: ``code`` and :role:`name` lose their marks."""
    text = re.sub(r":\w+:`~?([^`]*)`", lambda m: m.group(1).rsplit(".", 1)[-1], text)
    text = text.replace("``", "")
    return text[:1].upper() + text[1:]


def _docs(cls: type) -> tuple[str, dict[str, str]]:
    """The first line of a class docstring and the ``Attributes:`` entries along its bases."""
    doc = (cls.__doc__ or "").strip()
    summary = doc.splitlines()[0].strip() if doc else ""
    fields: dict[str, str] = {}
    for base in reversed(cls.__mro__):
        text = base.__doc__ or ""
        if "Attributes:" not in text:
            continue
        current = ""
        for line in text.split("Attributes:", 1)[1].splitlines():
            if not line.strip():
                if current:
                    break
                continue
            if match := re.match(r"^\s{4,8}(\w+): (.*)$", line):
                current = match.group(1)
                fields[current] = match.group(2).strip()
            elif current and line.startswith(" " * 8):
                fields[current] += " " + line.strip()
            else:
                break
    return _plain(summary), {k: _plain(v) for k, v in fields.items()}


def _schema_ref(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    if cls.__name__ not in defs:
        defs[cls.__name__] = {}  # placeholder against recursion
        defs[cls.__name__] = _schema_class(cls, defs)
    return {"$ref": f"#/$defs/{cls.__name__}"}


def _schema_class(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    summary, docs = _docs(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    tagged = kind_of(cls)
    if tagged is not None:
        properties["kind"] = {"const": tagged[1]}
        required.append("kind")
    for spec in fields_of(cls):
        entry = _schema_type(spec.type, defs)
        if spec.name in docs:
            entry = {**entry, "description": docs[spec.name]}
        properties[spec.name] = entry
        if spec.required:
            required.append(spec.name)
    schema: dict[str, Any] = {"title": cls.__name__, "type": "object"}
    if summary:
        schema["description"] = summary
    schema.update(properties=properties, required=required, additionalProperties=False)
    return schema


_MONEY = {
    "title": "Money",
    "description": "An exact amount: the amount as a string, and an ISO 4217 currency.",
    "type": "object",
    "properties": {
        "amount": {"type": "string", "pattern": DECIMAL.pattern},
        "currency": {"type": "string", "pattern": _CURRENCY_PATTERN},
    },
    "required": ["amount", "currency"],
    "additionalProperties": False,
}
_DAY = {
    "title": "Day",
    "description": "A calendar day, YYYY-MM-DD (a TOML or YAML date is accepted too).",
    "type": "string",
    "format": "date",
    "pattern": _ISO_DAY_PATTERN,
}
_CLAIM = {
    "title": "ClaimReference",
    "description": "A claim in the evidence base, by id (clausekit.evidence).",
    "type": "object",
    "properties": {"claim": {"type": "string"}},
    "required": ["claim"],
    "additionalProperties": False,
}


def _schema_type(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    shape, tp = shape_of(tp)
    if shape == "str":
        return {"type": "string"}
    if shape == "bool":
        return {"type": "boolean"}
    if shape == "int":
        return {"type": "integer"}
    if shape == "other":
        return {}
    if shape == "day":
        defs.setdefault("Day", _DAY)
        return {"$ref": "#/$defs/Day"}
    if shape == "decimal":
        return {"type": "string", "pattern": DECIMAL.pattern}
    if shape == "money":
        defs.setdefault("Money", _MONEY)
        return {"$ref": "#/$defs/Money"}
    if shape == "announced":
        return {"oneOf": [_schema_type(pendulum.Date, defs), _schema_ref(DateRange, defs)]}
    if shape == "reported":
        return {
            "type": "object",
            "description": "A clause id, or 'clause-id.field', to the day it was first reported.",
            "additionalProperties": _schema_type(pendulum.Date, defs),
        }
    if shape == "evidence":
        if "Evidence" not in defs:
            defs["ClaimReference"] = _CLAIM
            defs["Evidence"] = {
                "title": "Evidence",
                "description": "What a clause or amendment rests on.",
                "oneOf": [
                    {"$ref": "#/$defs/ClaimReference"},
                    _schema_ref(SeedExcerpt, defs),
                    _schema_ref(OutsideSource, defs),
                ],
            }
        return {"$ref": "#/$defs/Evidence"}
    if shape == "clause":
        if "Clause" not in defs:
            defs["Clause"] = {}  # placeholder: a clause may hold clauses
            defs["Clause"] = {
                "title": "Clause",
                "description": "One typed term; 'kind' says which.",
                "oneOf": [_schema_ref(_clause(kind), defs) for kind in _KINDS.get()],
            }
        return {"$ref": "#/$defs/Clause"}
    if shape == "enum":
        return {"enum": [m.value for m in tp]}
    if shape == "list":
        origin, item = typing.get_origin(tp), typing.get_args(tp)[0]
        schema: dict[str, Any] = {"type": "array", "items": _schema_type(item, defs)}
        if origin is frozenset:
            schema["uniqueItems"] = True
        if shape_of(item)[0] == "evidence":
            schema["minItems"] = 1
        return schema
    return _schema_ref(tp, defs)


def _clause(kind: str) -> type:
    cls = CLAUSES.get(kind)
    assert cls is not None  # listed by the registry a moment ago
    return cls
