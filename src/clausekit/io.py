"""Contract files: load and dump an :class:`~clausekit.Agreement` as TOML, YAML or JSON.

A contract file is the unstructuring of an agreement with one cattrs
converter: field names are the attrs field names, clauses are a tagged union
on ``kind``, days are ISO strings, money is ``{amount = "…", currency = "…"}``
with the amount as a string, rates are strings, sets are sorted lists, and a
field equal to its default is left out. The first key is
``format = "clausekit/1"``.

Loading checks the whole file before building anything and reports every
problem at once in a :class:`~clausekit.errors.ContractFileError`, each with
its line (where the parser knows it), its field path
(``amendments[3].adds[0].rate``), what was expected and what was found, and
the closest valid key or kind for a typo.

Examples:
    >>> import clausekit as ck
    >>> text = '''
    ... format = "clausekit/1"
    ... id = "acme-beta"
    ... title = "Acme–Beta distribution"
    ... [[parties]]
    ... name = "Acme"
    ... [[parties]]
    ... name = "Beta"
    ... [[amendments]]
    ... id = "original"
    ... title = "Signed"
    ... effective = 2020-01-01
    ... evidence = [{ url = "https://example.org/d", title = "Deal", published = "2020-01-01", gloss = "Acme sells only via Beta" }]
    ... [[amendments.adds]]
    ... kind = "exclusivity"
    ... id = "excl-de"
    ... title = "Exclusive distributor in DE"
    ... bound = "Acme"
    ... beneficiary = "Beta"
    ... verb = "appoint-distributor"
    ... scope = ["DE"]
    ... evidence = [{ url = "https://example.org/d", title = "Deal", published = "2020-01-01", gloss = "Acme sells only via Beta" }]
    ... '''
    >>> deal = loads(text, format="toml")
    >>> deal.amendments[0].effective
    Date(2020, 1, 1)
    >>> loads(dumps(deal, format="yaml"), format="yaml") == deal
    True
    >>> loads(text.replace('bound = "Acme"', 'bund = "Acme"'), format="toml", source="deal.toml")
    Traceback (most recent call last):
    ...
    clausekit.errors.ContractFileError: deal.toml: 1 problem found
      deal.toml:18: amendments[0].adds[0].bund: unknown key 'bund' for an exclusivity clause. Did you mean 'bound'? It is required and missing. Valid keys: ...
"""

from __future__ import annotations

import bisect
import contextlib
import contextvars
import datetime as _dt
import enum
import json
import math
import os
import re
import tomllib
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import attrs
import cattrs
import pendulum
import tomli_w
import yaml
from cattrs.errors import BaseValidationError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn
from moneyed import CurrencyDoesNotExist, get_currency

from clausekit.agreement import Agreement, Amendment, Replacement
from clausekit.clauses import CLAUSE_KINDS, Clause
from clausekit.errors import (
    ClauseKitError,
    ContractFileError,
    EvidenceError,
    FileProblem,
    closest,
)
from clausekit.evidence import Evidence, OutsideSource, SeedExcerpt
from clausekit.money import Money, to_money
from clausekit.parties import Party, PartyRegistry
from clausekit.time import DateRange, day_from_iso, to_day

if TYPE_CHECKING:
    from clausekit.sources import EvidenceBase

__all__ = [
    "FORMAT",
    "MAX_BYTES",
    "MAX_DEPTH",
    "FieldPath",
    "Format",
    "dump",
    "dumps",
    "from_dict",
    "json_schema",
    "load",
    "loads",
    "render_path",
    "schema_text",
    "to_dict",
]

FORMAT = "clausekit/1"
"""The value of the ``format`` key this version reads and writes."""

MAX_BYTES = 5 * 1024 * 1024
"""The largest contract file accepted, in bytes (5 MiB)."""

MAX_DEPTH = 64
"""The deepest nesting of lists and mappings accepted in a contract file."""

_MAX_VALUES = 500_000  # a YAML file whose aliases expand to more values is refused

Format: TypeAlias = Literal["toml", "yaml", "json"]
_FORMATS: tuple[str, ...] = ("toml", "yaml", "json")
_SUFFIXES: dict[str, Format] = {".toml": "toml", ".yaml": "yaml", ".yml": "yaml", ".json": "json"}

FieldPath: TypeAlias = tuple[str | int, ...]
"""A field path: keys and list indexes from the top of the file."""

_AMOUNT = re.compile(r"^[+-]?[0-9]+(\.[0-9]+)?$")
_DECIMAL = re.compile(r"^[0-9]+(\.[0-9]+)?$")
_ISO_DAY_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_CURRENCY_PATTERN = r"^[A-Z]{3}$"

_DATE_OR_RANGE: Any = pendulum.Date | DateRange
_CLASSES: tuple[type, ...] = (
    Agreement,
    Party,
    Amendment,
    Replacement,
    SeedExcerpt,
    OutsideSource,
    DateRange,
    *CLAUSE_KINDS.values(),
)


def render_path(path: FieldPath) -> str:
    """A field path as text: ``('amendments', 3, 'adds', 0, 'rate')`` → ``amendments[3].adds[0].rate``.

    Examples:
        >>> render_path(("amendments", 3, "adds", 0, "rate"))
        'amendments[3].adds[0].rate'
    """
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


# --------------------------------------------------------------------------- the type walk
#
# One walk over the attrs classes drives the converter's special cases, the
# checker that validates raw data before anything is built, and the JSON Schema.


@attrs.frozen
class _Field:
    name: str
    type: Any
    required: bool


def _fields(cls: type) -> tuple[_Field, ...]:
    hints = typing.get_type_hints(cls)
    out = []
    for field in attrs.fields(cls):
        if not field.init:
            continue
        tp = hints[field.name]
        # A field that may be None but has no default (ConsentRequirement.consent_by)
        # is optional in files: TOML has no null, so a missing key stands for None.
        required = field.default is attrs.NOTHING and not _nullable(tp)
        out.append(_Field(field.name, tp, required))
    return tuple(out)


def _nullable(tp: Any) -> bool:
    return _is_union(tp) and type(None) in typing.get_args(tp)


def _is_union(tp: Any) -> bool:
    return typing.get_origin(tp) in (typing.Union, types.UnionType)


def _strip_none(tp: Any) -> Any:
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    return args[0] if len(args) == 1 else typing.Union[tuple(args)]  # noqa: UP007


_SPECS: dict[type, tuple[_Field, ...]] = {cls: _fields(cls) for cls in _CLASSES}


def _shape(tp: Any) -> str:
    """How a value of type ``tp`` (None already stripped) is checked."""
    if tp == Clause:
        return "clause"
    if tp == Evidence:
        return "evidence"
    if tp == _DATE_OR_RANGE:
        return "announced"
    if typing.get_origin(tp) in (tuple, frozenset):
        return "list"
    if tp is Money:  # an attrs class too, but written as { amount, currency }
        return "money"
    if attrs.has(tp):
        return "class"
    simple = {str: "str", bool: "bool", pendulum.Date: "day", Decimal: "decimal", Money: "money"}
    if tp in simple:
        return simple[tp]
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return "enum"
    raise TypeError(f"clausekit.io cannot read values of type {tp!r}")  # pragma: no cover


def _shapes() -> dict[Any, tuple[str, Any]]:
    """Every field type (and item type) of the engine → (shape, type without None)."""
    out: dict[Any, tuple[str, Any]] = {}
    pending = [f.type for specs in _SPECS.values() for f in specs]
    while pending:
        tp = pending.pop()
        if tp in out:
            continue
        bare = _strip_none(tp) if _nullable(tp) else tp
        out[tp] = (_shape(bare), bare)
        if out[tp][0] == "list":
            pending.append(typing.get_args(bare)[0])
    return out


_SHAPES = _shapes()


def _describe_class(cls: type) -> str:
    kind = getattr(cls, "kind", "")
    if cls in CLAUSE_KINDS.values():
        return f"an {kind} clause" if kind[:1] in "aeiou" else f"a {kind} clause"
    return {
        Agreement: "the agreement",
        Party: "a party",
        Amendment: "an amendment",
        Replacement: "a replacement",
        SeedExcerpt: "a seed excerpt",
        OutsideSource: "an outside source",
        DateRange: "a date range",
    }.get(cls, cls.__name__)


def _expected(tp: Any) -> str:
    """What a value of type ``tp`` looks like in a file, in words."""
    if _nullable(tp):
        return _expected(_strip_none(tp))
    if tp is str:
        return "text"
    if tp is bool:
        return "true or false"
    if tp is pendulum.Date:
        return "an ISO day such as '2025-01-15'"
    if tp is Decimal:
        return "an exact decimal written as a string, such as '0.20'"
    if tp is Money:
        return 'money such as { amount = "38000000000", currency = "USD" }'
    if tp == _DATE_OR_RANGE:
        return 'an ISO day or { earliest = "…", latest = "…" }'
    if tp == Evidence:
        return 'evidence: { claim = "…" }, a seed excerpt or an outside source'
    if tp == Clause:
        return "a clause with a kind"
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return "one of " + ", ".join(repr(m.value) for m in tp)
    origin = typing.get_origin(tp)
    if origin in (tuple, frozenset):
        return f"a list of {_plural(typing.get_args(tp)[0])}"
    if tp is Agreement:
        return "a mapping of the agreement's fields"
    if attrs.has(tp):
        return _describe_class(tp)
    return str(tp)


def _plural(tp: Any) -> str:
    if tp is str:
        return "text items"
    if tp == Clause:
        return "clauses"
    if tp == Evidence:
        return "evidence"
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return "values (" + ", ".join(repr(m.value) for m in tp) + ")"
    return {Party: "parties", Amendment: "amendments", Replacement: "replacements"}.get(
        tp, f"{tp.__name__} values"
    )


def _scalar(value: object) -> bool:
    """True for a number, a boolean or a date: what an unquoted YAML or TOML word may become."""
    return isinstance(value, bool | int | float | _dt.date | _dt.time)


def _found(value: object) -> str:
    """A value found in a file, in words: its kind and, for scalars, itself."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a boolean)"
    if isinstance(value, int):
        return f"the whole number {value}"
    if isinstance(value, float):
        return f"the float {value!r}"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, _dt.datetime):
        return f"the date and time {value.isoformat()}"
    if isinstance(value, _dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} {value!r}"


# --------------------------------------------------------------------------- evidence lookups


class _Claims:
    """Resolves ``{claim = "id"}`` through an evidence base, loaded only if needed."""

    def __init__(self, base: EvidenceBase | None) -> None:
        self._base = base

    def base(self) -> EvidenceBase:
        if self._base is None:
            from clausekit.sources import evidence_base

            self._base = evidence_base()
        return self._base

    def resolve(self, claim_id: str) -> Evidence:
        return self.base().evidence(claim_id)

    def is_reference(self, evidence: Evidence) -> bool:
        """True when ``evidence`` is exactly what the base gives for its claim id."""
        if evidence.claim is None:
            return False
        try:
            return self.resolve(evidence.claim) == evidence
        except EvidenceError:
            return False


_CLAIMS: contextvars.ContextVar[_Claims] = contextvars.ContextVar("clausekit_io_claims")


def _claims() -> _Claims:
    try:
        return _CLAIMS.get()
    except LookupError:
        return _Claims(None)


@contextlib.contextmanager
def _using(claims: _Claims) -> Iterator[None]:
    token = _CLAIMS.set(claims)
    try:
        yield
    finally:
        _CLAIMS.reset(token)


# --------------------------------------------------------------------------- the converter


def _decimal_text(value: Decimal) -> str:
    return format(value, "f")


def _unstructure_money(value: Money) -> dict[str, str]:
    return {"amount": _decimal_text(value.amount), "currency": value.currency}


def _structure_money(value: Any, _: Any) -> Money:
    return to_money(dict(value), field="amount")


def _structure_decimal(value: Any, _: Any) -> Decimal:
    if isinstance(value, float):
        raise TypeError(f"{value!r} is a float; write it as a string such as '0.20'.")
    return Decimal(str(value))


def _structure_day(value: Any, _: Any) -> pendulum.Date:
    return to_day(value, field="date")


def _structure_announced(value: Any, _: Any) -> pendulum.Date | DateRange:
    if isinstance(value, Mapping):
        return _CONVERTER.structure(value, DateRange)
    return to_day(value, field="announced")


def _unstructure_announced(value: pendulum.Date | DateRange) -> Any:
    if isinstance(value, DateRange):
        return _CONVERTER.unstructure(value, DateRange)
    return value.isoformat()


def _structure_evidence(value: Any, _: Any) -> Evidence:
    if set(value) == {"claim"}:
        return _claims().resolve(value["claim"])
    if "url" in value:
        return _CONVERTER.structure(value, OutsideSource)
    return _CONVERTER.structure(value, SeedExcerpt)


def _unstructure_evidence(value: Evidence) -> dict[str, Any]:
    if _claims().is_reference(value):
        return {"claim": value.claim}
    out: dict[str, Any] = _CONVERTER.unstructure(value, type(value))
    return out


def _enum_value(value: enum.Enum) -> Any:
    return value.value


def _unstructure_set(value: frozenset[Any]) -> list[Any]:
    items = [_CONVERTER.unstructure(v) for v in value]
    return sorted(items, key=str)


def _kind_of(cls: type) -> str:
    return str(getattr(cls, "kind"))  # noqa: B009 - every clause class has the ClassVar


def _class_hooks(converter: cattrs.Converter, cls: type) -> None:
    """Per-class hooks: defaults left out, unknown keys refused, ``kind`` first, no nulls."""
    unstructure: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(
        cls, converter, _cattrs_omit_if_default=True
    )
    structure: Callable[[Any, Any], Any] = make_dict_structure_fn(
        cls, converter, _cattrs_forbid_extra_keys=True
    )
    kind = getattr(cls, "kind", "")
    nullable = tuple(f.name for f in _SPECS[cls] if _nullable(f.type))

    def unstructure_hook(value: Any) -> dict[str, Any]:
        body = {k: v for k, v in unstructure(value).items() if v is not None}
        return {"kind": kind, **body} if kind else body

    def structure_hook(value: Any, _: Any) -> Any:
        filled = {**dict.fromkeys(nullable), **value}
        return structure(filled, cls)

    converter.register_unstructure_hook(cls, unstructure_hook)
    converter.register_structure_hook(cls, structure_hook)


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(omit_if_default=True, forbid_extra_keys=True)
    converter.register_unstructure_hook(pendulum.Date, lambda d: d.isoformat())
    converter.register_structure_hook(pendulum.Date, _structure_day)
    converter.register_unstructure_hook(Decimal, _decimal_text)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_unstructure_hook(Money, _unstructure_money)
    converter.register_structure_hook(Money, _structure_money)
    for enum_base in (enum.Enum, enum.StrEnum, enum.IntEnum):  # StrEnum before str in the MRO
        converter.register_unstructure_hook(enum_base, _enum_value)
    converter.register_unstructure_hook_func(
        lambda t: typing.get_origin(t) is frozenset or t is frozenset,  # type: ignore[comparison-overlap]
        _unstructure_set,
    )
    converter.register_unstructure_hook_func(lambda t: t == _DATE_OR_RANGE, _unstructure_announced)
    converter.register_structure_hook_func(lambda t: t == _DATE_OR_RANGE, _structure_announced)
    converter.register_unstructure_hook_func(lambda t: t == Evidence, _unstructure_evidence)
    converter.register_structure_hook_func(lambda t: t == Evidence, _structure_evidence)
    containers = (Agreement, Amendment, Replacement)
    for cls in _CLASSES:
        if cls not in containers:
            _class_hooks(converter, cls)

    # The union's hooks wrap the clause classes' hooks, and the containers' generated
    # hooks look up the union's: so clause kinds first, then the union, then containers.
    # Clauses dispatch on their "kind" tag through the registry, so user kinds join at once.
    def structure_clause(value: Any, _: Any) -> Clause:
        data = dict(value)
        cls = CLAUSE_KINDS.lookup(data.pop("kind", None))
        return converter.structure(data, cls)  # type: ignore[no-any-return]

    def unstructure_clause(clause: Clause) -> dict[str, Any]:
        out: dict[str, Any] = converter.unstructure(clause, type(clause))
        out["kind"] = type(clause).kind
        return out

    converter.register_structure_hook(Clause, structure_clause)
    converter.register_unstructure_hook(Clause, unstructure_clause)
    for cls in containers:
        _class_hooks(converter, cls)
    return converter


_CONVERTER = _make_converter()


# --------------------------------------------------------------------------- dumping


def to_dict(agreement: Agreement, *, evidence: EvidenceBase | None = None) -> dict[str, Any]:
    """The agreement as plain data: the contract file's content, ``format`` first.

    Evidence that is exactly what the evidence base gives for its claim id is
    written as ``{"claim": id}``; any other evidence is written in full.

    Args:
        agreement: the agreement to write.
        evidence: the evidence base claim references point into; the bundled
            one by default (loaded only when some evidence names a claim).

    Examples:
        >>> import clausekit as ck
        >>> src = ck.OutsideSource(url="https://example.org/p", title="P", published="2020-01-01",
        ...                        gloss="Acme and Beta")
        >>> deal = ck.Agreement(id="p", title="P", parties=[ck.Party("Acme")], amendments=[
        ...     ck.Amendment(id="a", title="A", effective="2020-01-01", evidence=[src])])
        >>> to_dict(deal)["amendments"]
        [{'id': 'a', 'title': 'A', 'effective': '2020-01-01', 'evidence': [{'url': 'https://example.org/p', 'title': 'P', 'published': '2020-01-01', 'gloss': 'Acme and Beta'}]}]
    """
    if not isinstance(agreement, Agreement):
        raise TypeError(
            f"to_dict() writes a clausekit.Agreement, got {type(agreement).__name__} {agreement!r}."
        )
    with _using(_Claims(evidence)):
        body: dict[str, Any] = _CONVERTER.unstructure(agreement, Agreement)
    return {"format": FORMAT, **body}


def dumps(agreement: Agreement, *, format: Format, evidence: EvidenceBase | None = None) -> str:
    """The agreement as the text of a contract file in ``format`` (``"toml"``, ``"yaml"``, ``"json"``).

    Examples:
        >>> import clausekit as ck
        >>> src = ck.OutsideSource(url="https://example.org/p", title="P", published="2020-01-01",
        ...                        gloss="Acme alone")
        >>> deal = ck.Agreement(id="p", title="P", parties=[ck.Party("Acme")], amendments=[
        ...     ck.Amendment(id="a", title="A", effective="2020-01-01", evidence=[src])])
        >>> print(dumps(deal, format="toml"))
        format = "clausekit/1"
        id = "p"
        title = "P"
        parties = [
            { name = "Acme" },
        ]
        <BLANKLINE>
        [[amendments]]
        id = "a"
        title = "A"
        effective = "2020-01-01"
        evidence = [
            { url = "https://example.org/p", title = "P", published = "2020-01-01", gloss = "Acme alone" },
        ]
        <BLANKLINE>
    """
    fmt = _check_format(format, source="dumps()")
    data = to_dict(agreement, evidence=evidence)
    if fmt == "toml":
        return tomli_w.dumps(data)
    if fmt == "yaml":
        return yaml.dump(data, Dumper=_YamlDumper, sort_keys=False, allow_unicode=True, width=100)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


if TYPE_CHECKING:
    _SafeDumper = yaml.SafeDumper
else:  # libyaml's emitter when PyYAML was built with it (much faster)
    _SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _YamlDumper(_SafeDumper):
    """The safe dumper, with text holding Unicode line breaks double-quoted (hence escaped).

    With ``allow_unicode`` PyYAML writes NEL, LINE SEPARATOR and PARAGRAPH
    SEPARATOR raw in plain and single-quoted text, and reads them back as line
    breaks; in double quotes it escapes them, so the text survives.
    """

    def represent_str(self, data: str) -> yaml.ScalarNode:
        if any(c in data for c in "\x85\u2028\u2029\ufeff"):
            return self.represent_scalar("tag:yaml.org,2002:str", data, style='"')
        return super().represent_str(data)


_YamlDumper.add_representer(str, _YamlDumper.represent_str)


def dump(
    agreement: Agreement,
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,
    evidence: EvidenceBase | None = None,
) -> None:
    """Write the agreement to a contract file; the format follows the suffix unless given.

    The file is written whole or not at all (through a temporary file beside it).

    Raises:
        ContractFileError: for a suffix that names no format and no ``format=``.
    """
    target = Path(path)
    fmt = format if format is not None else _format_for(target)
    text = dumps(agreement, format=fmt, evidence=evidence)
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8", newline="\n")
        temporary.replace(target)
    finally:
        temporary.unlink(missing_ok=True)


# --------------------------------------------------------------------------- loading


def load(
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,
    evidence: EvidenceBase | None = None,
) -> Agreement:
    """Read a contract file; the format follows the suffix (``.toml``, ``.yaml``/``.yml``, ``.json``).

    Args:
        path: the file.
        format: the format, when the suffix does not say it.
        evidence: the evidence base ``{claim = "id"}`` references are resolved
            in; the bundled one by default.

    Raises:
        ContractFileError: listing every problem in the file (or why it cannot
            be read at all: missing, too large, not UTF-8, unknown suffix).
    """
    source = Path(path)
    name = str(path)
    fmt = format if format is not None else _format_for(source)
    try:
        with source.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise _error(name, f"cannot read the file: {exc.strerror or exc}.") from None
    if len(raw) > MAX_BYTES:
        raise _error(name, _too_large(source.stat().st_size if source.is_file() else len(raw)))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise _error(
            name, f"the file is not UTF-8 text (byte {raw[exc.start]:#04x}).", line=line
        ) from None
    return loads(text, format=fmt, source=name, evidence=evidence)


def loads(
    text: str,
    *,
    format: Format,
    source: str = "<string>",
    evidence: EvidenceBase | None = None,
) -> Agreement:
    """Read the text of a contract file in ``format`` (``"toml"``, ``"yaml"`` or ``"json"``).

    Args:
        text: the file's content.
        format: its format.
        source: the name used for the file in error messages.
        evidence: the evidence base ``{claim = "id"}`` references are resolved
            in; the bundled one by default.

    Raises:
        ContractFileError: listing every problem found.
    """
    fmt = _check_format(format, source=source)
    if not isinstance(text, str):
        raise _error(source, f"expected the file's text as a str, found {type(text).__name__}.")
    if len(text) > MAX_BYTES or (len(text) * 4 > MAX_BYTES and len(text.encode()) > MAX_BYTES):
        raise _error(source, _too_large(len(text.encode())))
    data, lines = _parse(text.removeprefix("\ufeff"), fmt, source)
    return _build(data, source=source, evidence=evidence, lines=lines)


def from_dict(
    data: Mapping[str, Any], *, source: str = "<dict>", evidence: EvidenceBase | None = None
) -> Agreement:
    """Build an agreement from plain data shaped like a contract file (the inverse of :func:`to_dict`).

    ``data`` is not modified.

    Raises:
        ContractFileError: listing every problem found.
    """
    problems = _check_depth(data)
    if problems:
        raise ContractFileError(source, problems)
    return _build(data, source=source, evidence=evidence, lines=_no_lines)


def _error(source: str, message: str, *, line: int | None = None) -> ContractFileError:
    return ContractFileError(source, [FileProblem("", message, line)])


def _too_large(size: int) -> str:
    return (
        f"the file is {size:,} bytes, over the limit of {MAX_BYTES:,} bytes (5 MiB). "
        "Contract files are small; split the data or check that this is the right file."
    )


def _check_format(format: object, *, source: str) -> Format:
    if format in _FORMATS:
        return typing.cast(Format, format)
    raise _error(
        source, f"unknown file format {format!r}; use one of {', '.join(map(repr, _FORMATS))}."
    )


def _format_for(path: Path) -> Format:
    fmt = _SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise _error(
            str(path),
            f"cannot tell the format from the suffix {path.suffix!r}; name the file .toml, "
            ".yaml, .yml or .json, or pass format=.",
        )
    return fmt


def _no_lines(path: FieldPath) -> int | None:
    return None


def _build(
    data: Any,
    *,
    source: str,
    evidence: EvidenceBase | None,
    lines: Callable[[FieldPath], int | None],
) -> Agreement:
    claims = _Claims(evidence)
    checker = _Checker(claims)
    body = checker.document(data)
    if checker.problems:
        raise ContractFileError(source, _with_lines(checker.problems, lines)) from checker.cause
    assert body is not None
    try:
        with _using(claims):
            return _CONVERTER.structure(body, Agreement)
    except BaseValidationError as exc:
        found = list(_leaves(exc, (), body))
    except ClauseKitError as exc:
        found = [(_locate(str(exc), body), str(exc), exc)]
    causes = [cause for _, _, cause in found if isinstance(cause, ClauseKitError)]
    problems = _with_lines([(path, message) for path, message, _ in found], lines)
    raise ContractFileError(source, problems) from (causes[0] if causes else None)


def _with_lines(
    problems: list[tuple[FieldPath, str]], lines: Callable[[FieldPath], int | None]
) -> list[FileProblem]:
    return [FileProblem(render_path(path), message, lines(path)) for path, message in problems]


# --------------------------------------------------------------------------- checking raw data


class _Checker:
    """Checks raw data against the agreement's types, collecting every problem."""

    def __init__(self, claims: _Claims) -> None:
        self.claims = claims
        self.problems: list[tuple[FieldPath, str]] = []
        self.cause: ClauseKitError | None = None  # the first engine error behind a problem

    def add(self, path: FieldPath, message: str, cause: ClauseKitError | None = None) -> None:
        self.problems.append((path, message))
        if self.cause is None:
            self.cause = cause

    def document(self, data: Any) -> dict[str, Any] | None:
        """Check the whole file; returns the agreement's fields (without ``format``)."""
        if not isinstance(data, Mapping):
            self.add((), f"expected a mapping of the agreement's fields, found {_found(data)}.")
            return None
        body = dict(data)
        version = body.pop("format", None)
        body.pop("$schema", None)
        if version is None:
            fields = {f.name for f in _SPECS[Agreement]}
            strays = [k for k in body if isinstance(k, str) and k not in fields]
            typo = closest("format", strays, n=1)
            if typo:  # 'formt = ...': one typo, one problem
                body.pop(typo[0])
                self.add(
                    (typo[0],),
                    f"unknown key {typo[0]!r}. Did you mean 'format'? It is required and "
                    f"missing; start the file with format = {FORMAT!r}.",
                )
            else:
                self.add(
                    ("format",),
                    f"missing required key 'format'; start the file with format = {FORMAT!r}.",
                )
        elif version != FORMAT:
            self.add(
                ("format",),
                f"unknown format {version!r}; this version of clausekit reads {FORMAT!r}. "
                "Upgrade clausekit, or check the file.",
            )
            return None
        if "$schema" in data and not isinstance(data["$schema"], str):
            self.add(
                ("$schema",),
                f"expected text (the schema's address), found {_found(data['$schema'])}.",
            )
        self.check_class(body, Agreement, ())
        if not self.problems:
            self.check_parties(body)
        return body

    # --- by type

    def check(self, value: Any, tp: Any, path: FieldPath) -> None:
        if value is None:
            self.add(
                path, f"expected {_expected(tp)}, found nothing (null); leave the key out instead."
            )
            return
        shape, tp = _SHAPES[tp]
        if shape == "str":
            if not isinstance(value, str):
                quote = " Put it in quotes to make it text." if _scalar(value) else ""
                self.add(path, f"expected text, found {_found(value)}.{quote}")
        elif shape == "bool":
            self.expect(isinstance(value, bool), value, tp, path)
        elif shape == "list":
            self.check_list(value, tp, path)
        elif shape == "class":
            self.check_class(value, tp, path)
        elif shape == "clause":
            self.check_clause(value, path)
        elif shape == "evidence":
            self.check_evidence(value, path)
        elif shape == "day":
            self.check_day(value, path)
        elif shape == "announced":
            if isinstance(value, Mapping):
                self.check_class(value, DateRange, path)
            else:
                self.check_day(value, path)
        elif shape == "decimal":
            self.check_decimal(value, path)
        elif shape == "money":
            self.check_money(value, path)
        else:
            self.check_enum(value, tp, path)

    def expect(self, ok: bool, value: Any, tp: Any, path: FieldPath) -> bool:
        if not ok:
            self.add(path, f"expected {_expected(tp)}, found {_found(value)}.")
        return ok

    def check_class(self, value: Any, cls: type, path: FieldPath, *, skip: str = "") -> None:
        if not self.expect(isinstance(value, Mapping), value, cls, path):
            return
        specs = _SPECS[cls]
        names = [f.name for f in specs]
        what = _describe_class(cls)
        missing = [f.name for f in specs if f.required and f.name not in value]
        for key in value:
            if key == skip or (isinstance(key, str) and key in names):
                continue
            hint = closest(str(key), missing) or closest(str(key), names)
            suggestion = ""
            if hint and hint[0] in missing:
                # One typo, one problem: the misspelt key stands for the missing one.
                missing.remove(hint[0])
                suggestion = f" Did you mean {hint[0]!r}? It is required and missing."
            elif hint:
                suggestion = f" Did you mean {hint[0]!r}?"
            self.add(
                (*path, str(key)),
                f"unknown key {key!r} for {what}.{suggestion} Valid keys: {', '.join(names)}.",
            )
        for spec in specs:
            if spec.name in value:
                self.check(value[spec.name], spec.type, (*path, spec.name))
            elif spec.name in missing:
                self.add(
                    (*path, spec.name),
                    f"missing required key {spec.name!r} ({_expected(spec.type)}).",
                )

    def check_clause(self, value: Any, path: FieldPath) -> None:
        if not self.expect(isinstance(value, Mapping), value, Clause, path):
            return
        kinds = sorted(CLAUSE_KINDS)
        kind = value.get("kind")
        if kind is None:
            self.add(
                (*path, "kind"),
                f"missing required key 'kind' (the clause kind: one of {', '.join(kinds)}).",
            )
            return
        if not isinstance(kind, str) or kind not in CLAUSE_KINDS:
            hint = closest(str(kind), kinds)
            suggestion = f" Did you mean {hint[0]!r}?" if hint else ""
            self.add(
                (*path, "kind"),
                f"unknown clause kind {kind!r}.{suggestion} Known kinds: {', '.join(kinds)}.",
            )
            return
        self.check_class(value, CLAUSE_KINDS[kind], path, skip="kind")

    def check_evidence(self, value: Any, path: FieldPath) -> None:
        if not self.expect(isinstance(value, Mapping), value, Evidence, path):
            return
        keys = set(value)
        if keys == {"claim"}:
            claim = value["claim"]
            if not self.expect(isinstance(claim, str), claim, str, (*path, "claim")):
                return
            try:
                self.claims.resolve(claim)
            except ClauseKitError as exc:
                self.add((*path, "claim"), str(exc), exc)
        elif keys & {"url", "published"}:
            self.check_class(value, OutsideSource, path)
        elif keys & {"document", "excerpt"}:
            self.check_class(value, SeedExcerpt, path)
        else:
            self.add(
                path,
                'evidence must be { claim = "id" } (a claim in the evidence base), a seed excerpt '
                "{ document, excerpt, gloss } or an outside source { url, title, published, gloss }; "
                f"found the keys {', '.join(sorted(map(str, keys))) or '(none)'}.",
            )

    def check_list(self, value: Any, tp: Any, path: FieldPath) -> None:
        if not isinstance(value, list):
            hint = f" Write a list such as [{value!r}]." if isinstance(value, str) else ""
            self.add(path, f"expected {_expected(tp)}, found {_found(value)}.{hint}")
            return
        item_type = typing.get_args(tp)[0]
        if item_type == Evidence and not value:
            self.add(
                path,
                "expected at least one piece of evidence, found an empty list. Every clause and "
                'amendment cites a source: { claim = "id" }, a seed excerpt or an outside source.',
            )
        for index, item in enumerate(value):
            self.check(item, item_type, (*path, index))
        if typing.get_origin(tp) is frozenset:
            seen: set[Any] = set()
            for index, item in enumerate(value):
                if isinstance(item, str | int) and item in seen:
                    self.add((*path, index), f"{item!r} is listed twice; list each value once.")
                elif isinstance(item, str | int):
                    seen.add(item)

    def check_day(self, value: Any, path: FieldPath) -> None:
        field = str(path[-1]) if path else "date"
        if isinstance(value, str) and value != value.strip():
            self.add(path, f"{field}={value!r} has spaces around the day; remove them.")
            return
        try:
            if isinstance(value, str):
                day_from_iso(value, field=field)
            else:
                to_day(value, field=field)
        except ClauseKitError as exc:
            self.add(path, str(exc), exc)

    def check_decimal(self, value: Any, path: FieldPath) -> None:
        if isinstance(value, float):
            self.add(
                path,
                f"found the float {value!r}; rates must be exact. Write it as a string such as "
                f"'{value if math.isfinite(value) else 0.2}'.",
            )
        elif not isinstance(value, str) or not _DECIMAL.match(value):
            self.add(path, f"expected {_expected(Decimal)}, found {_found(value)}.")

    def check_money(self, value: Any, path: FieldPath) -> None:
        if not self.expect(isinstance(value, Mapping), value, Money, path):
            return
        for key in value:
            if key not in ("amount", "currency"):
                hint = closest(str(key), ["amount", "currency"])
                suggestion = f" Did you mean {hint[0]!r}?" if hint else ""
                self.add(
                    (*path, str(key)),
                    f"unknown key {key!r} for money.{suggestion} Valid keys: amount, currency.",
                )
        ok = True
        amount = value.get("amount")
        if "amount" not in value:
            self.add(
                (*path, "amount"),
                "missing required key 'amount' (a string such as \"38000000000\").",
            )
            ok = False
        elif isinstance(amount, float):
            self.add(
                (*path, "amount"),
                f"found the float {amount!r}; money must be exact. Write the amount as a string, "
                f'amount = "{amount if math.isfinite(amount) else 38000000000}".',
            )
            ok = False
        elif not isinstance(amount, str) or not _AMOUNT.match(amount):
            self.add(
                (*path, "amount"),
                f'expected the amount as a string of digits such as "38000000000" or "12.50", '
                f"found {_found(amount)}.",
            )
            ok = False
        currency = value.get("currency")
        if "currency" not in value:
            self.add(
                (*path, "currency"),
                "missing required key 'currency' (an ISO 4217 code such as \"USD\").",
            )
            ok = False
        elif not isinstance(currency, str):
            self.add(
                (*path, "currency"),
                f'expected an ISO 4217 code such as "USD", found {_found(currency)}.',
            )
            ok = False
        else:
            try:
                get_currency(currency)
            except CurrencyDoesNotExist:
                self.add(
                    (*path, "currency"),
                    f'{currency!r} is not an ISO 4217 currency code; use one such as "USD", '
                    '"EUR" or "GBP" (upper case).',
                )
                ok = False
        if ok:
            field = str(path[-1]) if path else "amount"
            try:
                to_money({"amount": amount, "currency": currency}, field=field)
            except ClauseKitError as exc:
                self.add((*path, "amount"), str(exc), exc)

    def check_enum(self, value: Any, tp: type[enum.Enum], path: FieldPath) -> None:
        values = [str(m.value) for m in tp]
        if isinstance(value, str) and value in values:
            return
        hint = closest(str(value), values)
        suggestion = f" Did you mean {hint[0]!r}?" if hint else ""
        self.add(path, f"expected {_expected(tp)}, found {_found(value)}.{suggestion}")

    # --- across fields

    def check_parties(self, body: Mapping[str, Any]) -> None:
        """Every party a clause names must be a party (or alias) of the agreement."""
        try:
            registry = PartyRegistry(
                Party(p["name"], aliases=p.get("aliases", ())) for p in body["parties"]
            )
        except ClauseKitError as exc:
            self.add(("parties",), str(exc), exc)
            return
        for a_index, amendment in enumerate(body["amendments"]):
            clauses: list[tuple[FieldPath, Mapping[str, Any]]] = [
                (("amendments", a_index, "adds", i), c)
                for i, c in enumerate(amendment.get("adds", ()))
            ]
            clauses += [
                (("amendments", a_index, "replaces", i, "new"), r["new"])
                for i, r in enumerate(amendment.get("replaces", ()))
            ]
            for path, clause in clauses:
                cls = CLAUSE_KINDS[clause["kind"]]
                for field in cls.party_fields:
                    value = clause.get(field)
                    pairs: list[tuple[FieldPath, str]] = (
                        [((field,), value)]
                        if isinstance(value, str)
                        else [((field, i), v) for i, v in enumerate(value or ())]
                    )
                    for sub, name in pairs:
                        try:
                            registry.resolve(name, where=f"clause {clause['id']!r}")
                        except ClauseKitError as exc:
                            self.add((*path, *sub), str(exc), exc)


# --------------------------------------------------------------------------- engine errors


def _leaves(
    exc: BaseException, path: FieldPath, data: Any
) -> Iterator[tuple[FieldPath, str, BaseException]]:
    """Flatten a cattrs error tree into (field path, message, error) triples."""
    if isinstance(exc, BaseValidationError):
        for sub in exc.exceptions:
            sub_path = path
            for note in getattr(sub, "__notes__", ()):
                name = getattr(note, "name", None)
                index = getattr(note, "index", None)
                if isinstance(name, str):
                    sub_path = (*path, name)
                elif isinstance(index, int):
                    sub_path = (*path, index)
            yield from _leaves(sub, sub_path, data)
        return
    message = str(exc) if isinstance(exc, ClauseKitError) else f"{type(exc).__name__}: {exc}"
    yield _refine(path, message, data), message, exc


def _at(data: Any, path: FieldPath) -> Any:
    for part in path:
        if isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
            continue
        if isinstance(data, Mapping) and isinstance(part, str) and part in data:
            data = data[part]
            continue
        return None
    return data


def _refine(path: FieldPath, message: str, data: Any) -> FieldPath:
    """Add the field an engine error names to ``path``, where the message names one.

    Engine messages name the field as ``rate=…`` or ``RightOfFirstRefusal.triggers``;
    only names that are keys of the data at ``path`` count.
    """
    if not path:
        return _locate(message, data)
    here = _at(data, path)
    if not isinstance(here, Mapping):
        return path
    for pattern in (r"\b([a-z_]+)=", r"\.([a-z_]+)\b"):
        for match in re.finditer(pattern, message):
            if match.group(1) in here and match.group(1) != "kind":
                return (*path, match.group(1))
    return path


def _locate(message: str, data: Any) -> FieldPath:
    """Best effort: the field an agreement-level engine error is about, from its message.

    The engine names amendments and clauses by id (``Amendment 'x'``,
    ``clause 'y'``); these ids are looked up in the raw data to find the path.
    """
    amendments = data.get("amendments") if isinstance(data, Mapping) else None
    if not isinstance(amendments, list):
        return ()
    if match := re.search(r"[Tt]wo amendments share the id '([^']*)'", message):
        indexes = [i for i, a in enumerate(amendments) if a.get("id") == match.group(1)]
        return ("amendments", indexes[-1], "id") if indexes else ()
    if "The name '" in message and "is used by both" in message:
        return ("parties",)
    if "has no amendments" in message:
        return ("amendments",)
    found = re.search(r"[Aa]mendment '([^']*)'", message)
    if found is None:
        return ()
    index = next((i for i, a in enumerate(amendments) if a.get("id") == found.group(1)), None)
    if index is None:
        return ()
    path: FieldPath = ("amendments", index)
    amendment = amendments[index]
    clause_ids = re.findall(r"[Cc]lause '([^']*)'", message)
    if not clause_ids:
        if "takes effect" in message:
            return (*path, "effective")
        return path
    first, rest = clause_ids[0], clause_ids[1:]
    for i, clause in enumerate(amendment.get("adds", ())):
        if clause.get("id") == first:
            return _in_clause((*path, "adds", i), clause, message, rest)
    for i, replacement in enumerate(amendment.get("replaces", ())):
        if replacement.get("new", {}).get("id") == first:
            return _in_clause((*path, "replaces", i, "new"), replacement["new"], message, rest)
    for i, old in enumerate(amendment.get("ends", ())):
        if old == first:
            return (*path, "ends", i)
    for i, replacement in enumerate(amendment.get("replaces", ())):
        if replacement.get("old") == first:
            return (*path, "replaces", i, "old")
    return path


def _in_clause(
    path: FieldPath, clause: Mapping[str, Any], message: str, others: list[str]
) -> FieldPath:
    if "(until)" in message:
        return (*path, "until")
    if match := re.search(r"field (\w+)", message):
        return (*path, match.group(1))
    for other in others:
        for key in ("waives", "ends", "starts"):
            items = clause.get(key, ())
            if other in items:
                return (*path, key, list(items).index(other))
    if "adds clause" in message:
        return (*path, "id")
    return path


# --------------------------------------------------------------------------- parsing


def _parse(text: str, fmt: Format, source: str) -> tuple[Any, Callable[[FieldPath], int | None]]:
    if fmt == "json":
        return _parse_json(text, source)
    if fmt == "yaml":
        return _parse_yaml(text, source)
    return _parse_toml(text, source)


def _deep(source: str, line: int | None = None) -> ContractFileError:
    return _error(
        source,
        f"the data is nested more than {MAX_DEPTH} levels deep; a contract file needs fewer "
        "than ten. Check for a runaway list or mapping.",
        line=line,
    )


def _lookup(lines: dict[FieldPath, int]) -> Callable[[FieldPath], int | None]:
    """A line finder: the line of ``path``, or of its nearest ancestor that has one."""

    def find(path: FieldPath) -> int | None:
        for end in range(len(path), -1, -1):
            if path[:end] in lines:
                return lines[path[:end]]
        return None

    return find


def _check_depth(data: Any) -> list[FileProblem]:
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


_TOML_TOKENS = re.compile(
    r'"""[\s\S]*?"""'
    + r"|'''[\s\S]*?'''"
    + r'|"(?:\\.|[^"\\\n])*"'
    + r"|'[^'\n]*'|#[^\n]*|[\[\]{}]"
)
_JSON_TOKENS = re.compile(r'"(?:\\.|[^"\\])*"|[\[\]{}]')


def _bracket_depth(text: str, *, toml: bool) -> tuple[int, int]:
    """The deepest nesting of ``[``/``{`` outside strings and comments, and its line.

    A scan before parsing, so a file of ten thousand ``[`` is refused without
    recursing through it. The pattern skips whole strings (and TOML comments)
    in one step, so text costs little.

    Examples:
        >>> _bracket_depth('a = [[1, "]]]"], {b = 2}]  # ]]', toml=True)
        (2, 1)
    """
    depth = best = best_at = 0
    for match in (_TOML_TOKENS if toml else _JSON_TOKENS).finditer(text):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
            if depth > best:
                best, best_at = depth, match.start()
        elif token in ("]", "}"):
            depth -= 1
    return best, text.count("\n", 0, best_at) + 1


def _lazy_lookup(build: Callable[[], dict[FieldPath, int]]) -> Callable[[FieldPath], int | None]:
    """A line finder whose map is built on first use (only files with problems need one)."""
    cache: list[Callable[[FieldPath], int | None]] = []

    def find(path: FieldPath) -> int | None:
        if not cache:
            cache.append(_lookup(build()))
        return cache[0](path)

    return find


def _parse_json(text: str, source: str) -> tuple[Any, Callable[[FieldPath], int | None]]:
    depth, line = _bracket_depth(text, toml=False)
    if depth > MAX_DEPTH:
        raise _deep(source, line)
    repeated: list[bool] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        mapping = dict(items)
        if len(mapping) != len(items):
            repeated.append(True)
        return mapping

    try:
        data = json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        raise _error(
            source, f"invalid JSON: {exc.msg} (column {exc.colno}).", line=exc.lineno
        ) from None
    except RecursionError:
        raise _deep(source) from None
    find = _lazy_lookup(lambda: _json_lines(text)[0])
    problems = []
    if repeated:
        problems = [FileProblem(render_path(p), m, at) for p, m, at in _json_lines(text)[1]]
    # The bracket scan above measured the nesting exactly; no walk needed.
    if problems:
        raise ContractFileError(source, problems)
    return data, find


_JSON_SCALAR = re.compile(r"-?[0-9][0-9.eE+-]*|true|false|null|NaN|-?Infinity")


def _json_lines(text: str) -> tuple[dict[FieldPath, int], list[tuple[FieldPath, str, int]]]:
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


# libyaml's loader when PyYAML was built with it (much faster), else the pure-Python one.
# Both are safe loaders: any tag other than plain data is refused.
_YamlLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse_yaml(text: str, source: str) -> tuple[Any, Callable[[FieldPath], int | None]]:
    try:
        depth = 0
        for event in yaml.parse(text, Loader=_YamlLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    raise _deep(source, mark.line + 1 if mark is not None else None)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
        loader = _YamlLoader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                raise _error(
                    source, f"the file is empty; a contract file starts with format: {FORMAT}."
                )
            size = _yaml_size(node, {})
            if size > _MAX_VALUES:
                raise _error(
                    source,
                    f"the file's aliases expand to {size:,} values, over the limit of "
                    f"{_MAX_VALUES:,}. Use fewer anchors and aliases.",
                )
            lines: dict[FieldPath, int] = {}
            duplicates: list[tuple[FieldPath, str, int]] = []
            _yaml_lines(node, (), lines, duplicates)
            data = loader.construct_document(node)
        finally:
            loader.dispose()
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
        raise _error(source, message, line=line) from None
    except yaml.YAMLError as exc:
        raise _error(source, f"invalid YAML: {exc}.") from None
    except RecursionError:
        raise _deep(source) from None
    find = _lookup(lines)
    problems = [FileProblem(render_path(p), m, at) for p, m, at in duplicates]
    if problems:
        raise ContractFileError(source, problems)
    return data, find


def _yaml_size(node: yaml.Node, memo: dict[int, int]) -> int:
    if id(node) in memo:
        return memo[id(node)]
    memo[id(node)] = 1  # a cycle counts once; the constructor builds it as shared data
    size = 1
    if isinstance(node, yaml.SequenceNode):
        size += sum(_yaml_size(child, memo) for child in node.value)
    elif isinstance(node, yaml.MappingNode):
        size += sum(_yaml_size(k, memo) + _yaml_size(v, memo) for k, v in node.value)
    memo[id(node)] = min(size, _MAX_VALUES + 1)
    return memo[id(node)]


def _yaml_lines(
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
            _yaml_lines(child, (*path, name), lines, duplicates)
    elif isinstance(node, yaml.SequenceNode):
        for index, child in enumerate(node.value):
            _yaml_lines(child, (*path, index), lines, duplicates)


def _parse_toml(text: str, source: str) -> tuple[Any, Callable[[FieldPath], int | None]]:
    depth, line = _bracket_depth(text, toml=True)
    if depth > MAX_DEPTH:
        raise _deep(source, line)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        where = re.search(r"\(at line (\d+), column (\d+)\)", message)
        text_only = re.sub(r"\s*\(at line \d+, column \d+\)|\s*\(at end of document\)", "", message)
        at_line = int(where.group(1)) if where else text.count("\n") + 1
        column = f" (column {where.group(2)})" if where else ""
        raise _error(source, f"invalid TOML: {text_only}{column}.", line=at_line) from None
    except RecursionError:
        raise _deep(source) from None
    problems = _check_depth(data)
    if problems:
        raise ContractFileError(source, problems)
    return data, _lazy_lookup(lambda: _toml_lines(text))


_TOML_KEY = re.compile(
    r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*="""
)


def _toml_keys(text: str) -> list[str]:
    parts = re.findall(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""", text)
    return [p[1:-1] if p[:1] in "\"'" else p for p in parts]


def _toml_lines(text: str) -> dict[FieldPath, int]:
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
    counters: dict[tuple[str, ...], int] = {}
    current: FieldPath = ()
    in_multiline: str | None = None

    def resolve(keys: list[str]) -> FieldPath:
        out: list[str | int] = []
        for i, key in enumerate(keys):
            out.append(key)
            prefix = tuple(keys[: i + 1])
            if prefix in counters:
                out.append(counters[prefix])
        return tuple(out)

    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if in_multiline is not None:
            if raw.count(in_multiline) % 2 == 1:
                in_multiline = None
            continue
        if stripped.startswith("[["):
            keys = _toml_keys(stripped[2 : stripped.find("]]")])
            prefix = tuple(keys)
            counters[prefix] = counters.get(prefix, -1) + 1
            for other in [
                k for k in counters if len(k) > len(prefix) and k[: len(prefix)] == prefix
            ]:
                del counters[other]
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


# --------------------------------------------------------------------------- JSON Schema


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a contract file, generated from the types.

    The schema shipped as ``clausekit/schema/contract.schema.json`` is this
    value; regenerate it with ``python -m clausekit.schema``.

    Examples:
        >>> schema = json_schema()
        >>> schema["$schema"]
        'https://json-schema.org/draft/2020-12/schema'
        >>> sorted(schema["$defs"]["Exclusivity"]["properties"]["kind"].items())
        [('const', 'exclusivity')]
    """
    defs: dict[str, Any] = {}
    root = _schema_class(Agreement, defs)
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


def schema_text() -> str:
    """:func:`json_schema` as the text of ``contract.schema.json`` (sorted, indented, one newline)."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


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
    kind = getattr(cls, "kind", "")
    if kind:
        properties["kind"] = {"const": kind}
        required.append("kind")
    for spec in _SPECS[cls]:
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


def _schema_type(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    if _nullable(tp):
        return _schema_type(_strip_none(tp), defs)
    if tp is str:
        return {"type": "string"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is pendulum.Date:
        return {"$ref": "#/$defs/Day"} if _day_def(defs) else {}
    if tp is Decimal:
        return {"type": "string", "pattern": _DECIMAL.pattern}
    if tp is Money:
        if "Money" not in defs:
            defs["Money"] = {
                "title": "Money",
                "description": "An exact amount: the amount as a string, and an ISO 4217 currency.",
                "type": "object",
                "properties": {
                    "amount": {"type": "string", "pattern": _DECIMAL.pattern},
                    "currency": {"type": "string", "pattern": _CURRENCY_PATTERN},
                },
                "required": ["amount", "currency"],
                "additionalProperties": False,
            }
        return {"$ref": "#/$defs/Money"}
    if tp == _DATE_OR_RANGE:
        return {"oneOf": [_schema_type(pendulum.Date, defs), _schema_ref(DateRange, defs)]}
    if tp == Evidence:
        if "Evidence" not in defs:
            defs["ClaimReference"] = {
                "title": "ClaimReference",
                "description": "A claim in the evidence base, by id (clausekit.sources).",
                "type": "object",
                "properties": {"claim": {"type": "string"}},
                "required": ["claim"],
                "additionalProperties": False,
            }
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
    if tp == Clause:
        if "Clause" not in defs:
            defs["Clause"] = {
                "title": "Clause",
                "description": "One typed term; 'kind' says which.",
                "oneOf": [_schema_ref(CLAUSE_KINDS[k], defs) for k in CLAUSE_KINDS],
            }
        return {"$ref": "#/$defs/Clause"}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"enum": [m.value for m in tp]}
    origin = typing.get_origin(tp)
    if origin in (tuple, frozenset):
        item = typing.get_args(tp)[0]
        schema: dict[str, Any] = {"type": "array", "items": _schema_type(item, defs)}
        if origin is frozenset:
            schema["uniqueItems"] = True
        if item == Evidence:
            schema["minItems"] = 1
        return schema
    if attrs.has(tp):
        return _schema_ref(tp, defs)
    raise TypeError(f"clausekit.io has no schema for {tp!r}")  # pragma: no cover


def _day_def(defs: dict[str, Any]) -> bool:
    defs.setdefault(
        "Day",
        {
            "title": "Day",
            "description": "A calendar day, YYYY-MM-DD (a TOML or YAML date is accepted too).",
            "type": "string",
            "format": "date",
            "pattern": _ISO_DAY_PATTERN,
        },
    )
    return True
