"""The type walk: what each field of a contract file holds, and how to say it in words.

One walk over the attrs classes drives the converter's special cases, the
checker that validates raw data before anything is built, and the JSON
Schema. Clause kinds are read from the registry when asked, so a kind
registered after import is walked like a built-in one.

Examples:
    >>> render_path(("amendments", 3, "adds", 0, "rate"))
    'amendments[3].adds[0].rate'
    >>> [f.name for f in fields_of(DateRange)]
    ['earliest', 'latest']
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import types
import typing
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TypeAlias

import attrs
import pendulum

from clausekit.agreement import Agreement, Amendment, Replacement
from clausekit.agreement.amendment import Reports
from clausekit.errors import shown
from clausekit.evidence import Evidence, OutsideSource, SeedExcerpt
from clausekit.io.kinds import family_holding, kind_of
from clausekit.money import Money
from clausekit.parties import Party
from clausekit.time import DateRange, Period

__all__ = [
    "DATE_OR_RANGE",
    "REPORTS",
    "Field",
    "FieldPath",
    "describe_class",
    "expected",
    "fields_of",
    "found",
    "nullable",
    "render_path",
    "scalar",
    "shape_of",
    "strip_none",
]

FieldPath: TypeAlias = tuple[str | int, ...]
"""A field path: keys and list indexes from the top of the file."""

DATE_OR_RANGE: Any = pendulum.Date | DateRange
"""The type of an amendment's ``announced`` day: a day, or a range when sources disagree."""

REPORTS: Any = Reports
"""The type of an amendment's ``reported``: in files a table from term to day."""


def render_path(path: FieldPath) -> str:
    """A field path as text: ``('amendments', 3, 'adds', 0, 'rate')`` → ``amendments[3].adds[0].rate``."""
    out = ""
    for part in path:
        if isinstance(part, str) and "." in part:
            part = f'"{part}"'  # a table's key with a dot: an amendment's reported term
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


@attrs.frozen
class Field:
    """One field of a class as files see it: its name, its type, and whether a file must give it."""

    name: str
    type: Any
    required: bool


@functools.cache
def fields_of(cls: type) -> tuple[Field, ...]:
    """The fields a file gives for ``cls`` (its ``init`` attrs fields), in order."""
    hints = typing.get_type_hints(cls)
    out = []
    for field in attrs.fields(cls):
        if not field.init:
            continue
        tp = hints[field.name]
        # A field that may be None but has no default (ConsentRequirement.consent_by)
        # is optional in files: TOML has no null, so a missing key stands for None.
        required = field.default is attrs.NOTHING and not nullable(tp)
        out.append(Field(field.name, tp, required))
    return tuple(out)


def nullable(tp: Any) -> bool:
    """True for ``X | None``."""
    return typing.get_origin(tp) in (typing.Union, types.UnionType) and type(
        None
    ) in typing.get_args(tp)


def strip_none(tp: Any) -> Any:
    """``X | None`` → ``X``."""
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    return args[0] if len(args) == 1 else typing.Union[tuple(args)]  # noqa: UP007


_SIMPLE = {
    str: "str",
    bool: "bool",
    int: "int",
    pendulum.Date: "day",
    Decimal: "decimal",
    Money: "money",
    Period: "period",
}


@functools.cache
def shape_of(tp: Any) -> tuple[str, Any]:
    """How a value of type ``tp`` is checked, and ``tp`` without ``None``.

    Shapes: ``str``, ``bool``, ``int``, ``day``, ``decimal``, ``money``,
    ``period``, ``enum``, ``list``, ``class``, ``clause``, ``fact``,
    ``evidence``, ``announced`` and ``reported`` (a table from term to day);
    ``other`` for a type of a user's kind that files know nothing of (left
    to cattrs, unchecked, and free in the schema).
    """
    bare = strip_none(tp) if nullable(tp) else tp
    family = family_holding(bare)
    if family is not None:
        return family.name, bare
    if bare == Evidence:
        return "evidence", bare
    if bare == DATE_OR_RANGE:
        return "announced", bare
    if bare == REPORTS:
        return "reported", bare
    if typing.get_origin(bare) in (tuple, frozenset):
        return "list", bare
    if bare in _SIMPLE:  # Money is an attrs class too, but written as { amount, currency }
        return _SIMPLE[bare], bare
    if attrs.has(bare):
        return "class", bare
    if isinstance(bare, type) and issubclass(bare, enum.Enum):
        return "enum", bare
    return "other", bare


_CLASS_NAMES: dict[type, str] = {
    Agreement: "the agreement",
    Party: "a party",
    Amendment: "an amendment",
    Replacement: "a replacement",
    SeedExcerpt: "a seed excerpt",
    OutsideSource: "an outside source",
    DateRange: "a date range",
}


def describe_class(cls: type) -> str:
    """A class as a file's reader knows it: ``an exclusivity clause``, ``an amendment``."""
    tagged = kind_of(cls)
    if tagged is not None:
        family, kind = tagged
        return f"an {kind} {family}" if kind[:1] in "aeiou" else f"a {kind} {family}"
    return _CLASS_NAMES.get(cls, cls.__name__)


def expected(tp: Any) -> str:
    """What a value of type ``tp`` looks like in a file, in words."""
    shape, tp = shape_of(tp)
    if shape in _WORDS:
        return _WORDS[shape]
    if shape == "enum":
        return "one of " + ", ".join(repr(m.value) for m in tp)
    if shape == "list":
        return f"a list of {_plural(typing.get_args(tp)[0])}"
    if tp is Agreement:
        return "a mapping of the agreement's fields"
    if shape == "class":
        return describe_class(tp)
    return f"a value of type {getattr(tp, '__name__', tp)}"


_WORDS = {
    "str": "text",
    "bool": "true or false",
    "int": "a whole number",
    "day": "an ISO day such as '2025-01-15'",
    "decimal": "an exact decimal written as a string, such as '0.20'",
    "money": 'money such as { amount = "38000000000", currency = "USD" }',
    "announced": 'an ISO day or { earliest = "…", latest = "…" }',
    "reported": 'a table from a clause id or "clause-id.field" to an ISO day',
    "evidence": 'evidence: { claim = "…" }, a seed excerpt or an outside source',
    "clause": "a clause with a kind",
    "fact": "a fact with a kind",
    "period": "a period such as '2025-01', '2025' or '2025-01-01/2025-04-01' (end excluded)",
}


def _plural(tp: Any) -> str:
    shape, tp = shape_of(tp)
    if shape == "str":
        return "text items"
    if shape in ("clause", "fact"):
        return f"{shape}s"
    if shape == "evidence":
        return "evidence"
    if shape == "enum":
        return "values (" + ", ".join(repr(m.value) for m in tp) + ")"
    return {Party: "parties", Amendment: "amendments", Replacement: "replacements"}.get(
        tp, f"{getattr(tp, '__name__', tp)} values"
    )


def scalar(value: object) -> bool:
    """True for a number, a boolean or a date: what an unquoted YAML or TOML word may become."""
    return isinstance(value, bool | int | float | _dt.date | _dt.time)


def found(value: object) -> str:
    """A value found in a file, in words: its kind and, for scalars, itself."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a boolean)"
    if isinstance(value, int):
        return f"the whole number {_int_text(value)}"
    if isinstance(value, float):
        return f"the float {value!r}"
    if isinstance(value, str):
        return f"the text {_short(value)}"
    if isinstance(value, _dt.datetime):
        return f"the date and time {value.isoformat()}"
    if isinstance(value, _dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} {_short(value)}"


def _int_text(value: int) -> str:
    """A whole number as text; one too long to print (over 4,300 digits) by its size."""
    if value.bit_length() > 10_000:  # about 3,000 digits: str() stays allowed below this
        return f"of about {int(value.bit_length() * 0.30103):,} digits"
    return str(value)


def _short(value: object, limit: int = 80) -> str:
    """``repr(value)``, cut to ``limit`` characters; never fails."""
    return shown(value, limit=limit)
