"""The cattrs converter between agreements and plain data, with strict hooks.

Field names are the attrs field names; clauses are a tagged union on
``kind``, dispatched through the registry at call time (a kind registered
after import is read and written like a built-in one); days are ISO
strings; money is ``{amount = "…", currency = "…"}`` with the amount as a
string; rates are strings; sets are sorted lists; a field equal to its
default is left out.

Structuring is strict: every hook refuses what the detailed checker
(:mod:`clausekit.io.validation`) refuses, so building an agreement straight
from valid data is the fast path, and the checker runs only to describe
what is wrong.

Examples:
    >>> import clausekit as ck
    >>> unstructure(ck.Money("12.50", "EUR"))
    {'amount': '12.50', 'currency': 'EUR'}
    >>> structure({"earliest": "2025-01-01", "latest": "2025-01-09"}, ck.DateRange)
    DateRange(earliest=Date(2025, 1, 1), latest=Date(2025, 1, 9))
"""

from __future__ import annotations

import contextlib
import contextvars
import enum
import re
import sys
import typing
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs
import cattrs
import pendulum
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from clausekit.errors import ClauseKitError, EvidenceError
from clausekit.evidence import Evidence, OutsideSource, SeedExcerpt
from clausekit.io.kinds import family_holding, kind_of
from clausekit.io.shapes import DATE_OR_RANGE, REPORTS, fields_of, nullable
from clausekit.money import Money, to_money
from clausekit.time import DateRange, Period, to_day, to_period

if TYPE_CHECKING:
    from clausekit.evidence import EvidenceBase

__all__ = [
    "AMOUNT",
    "DECIMAL",
    "Claims",
    "evidence_class",
    "make_converter",
    "structure",
    "unstructure",
    "using",
]

AMOUNT = re.compile(r"^[+-]?[0-9]+(\.[0-9]+)?$")
"""A money amount in a file: digits, an optional sign and decimal places."""

DECIMAL = re.compile(r"^[0-9]+(\.[0-9]+)?$")
"""An exact decimal (a rate) in a file."""


class _Refused(ClauseKitError, ValueError):
    """Raised inside the fast path when a value breaks a rule; the checker says which and why."""


# --------------------------------------------------------------------------- evidence lookups


class Claims:
    """Resolves ``{claim = "id"}`` through an evidence base, loaded only if needed."""

    def __init__(self, base: EvidenceBase | None) -> None:
        self._base = base

    def base(self) -> EvidenceBase:
        """The evidence base; the bundled one unless another was given."""
        if self._base is None:
            from clausekit.evidence import evidence_base

            self._base = evidence_base()
        return self._base

    def resolve(self, claim_id: str) -> Evidence:
        """The evidence a claim id stands for."""
        return self.base().evidence(claim_id)

    def is_reference(self, evidence: Evidence) -> bool:
        """True when ``evidence`` is exactly what the base gives for its claim id."""
        if evidence.claim is None:
            return False
        try:
            return self.resolve(evidence.claim) == evidence
        except EvidenceError:
            return False


_CLAIMS: contextvars.ContextVar[Claims] = contextvars.ContextVar("clausekit_io_claims")


def _claims() -> Claims:
    try:
        return _CLAIMS.get()
    except LookupError:
        return Claims(None)


@contextlib.contextmanager
def using(claims: Claims) -> Iterator[None]:
    """Resolve and write claim references through ``claims`` within the block."""
    token = _CLAIMS.set(claims)
    try:
        yield
    finally:
        _CLAIMS.reset(token)


def evidence_class(value: Mapping[Any, Any]) -> type | None:
    """Which evidence a mapping is: a claim reference (None), an outside source or a seed excerpt.

    Raises:
        _Refused: for keys that fit none of them.
    """
    keys = value.keys()
    if len(keys) == 1 and "claim" in keys:
        return None
    if "url" in keys or "published" in keys:
        return OutsideSource
    if "document" in keys or "excerpt" in keys:
        return SeedExcerpt
    raise _Refused("evidence of no known shape")


# --------------------------------------------------------------------------- strict scalar hooks


def _is_mapping(value: object) -> bool:
    """``isinstance(value, Mapping)``, with the common case (a dict) first: it is cheaper."""
    return type(value) is dict or isinstance(value, Mapping)


_SHORT = 100
"""Texts up to this length are interned: names, ids, kinds and days repeat within and across files."""


def _structure_str(value: Any, _: Any) -> str:
    if not isinstance(value, str):
        raise _Refused("expected text")
    # One object per distinct short text: a party's name, cited by every clause, is
    # otherwise a new string each time the parser meets it (memory, not answers).
    return sys.intern(value) if type(value) is str and len(value) <= _SHORT else value


def _structure_bool(value: Any, _: Any) -> bool:
    if type(value) is not bool:
        raise _Refused("expected true or false")
    return value


def _structure_int(value: Any, _: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise _Refused("expected a whole number")
    return value


def _structure_decimal(value: Any, _: Any) -> Decimal:
    if not isinstance(value, str) or not DECIMAL.match(value):
        raise _Refused("expected an exact decimal as text")
    return Decimal(value)


def _structure_day(value: Any, _: Any) -> pendulum.Date:
    if isinstance(value, str) and value != value.strip():
        raise _Refused("spaces around a day")
    return to_day(value)  # remembers the days it has read


def _structure_money(value: Any, _: Any) -> Money:
    if (
        not _is_mapping(value)
        or value.keys() != {"amount", "currency"}
        or not isinstance(value["amount"], str)
        or not isinstance(value["currency"], str)
        or not AMOUNT.match(value["amount"])
    ):
        raise _Refused("expected money")
    return to_money(dict(value), field="amount")


def _structure_enum(value: Any, tp: type[enum.Enum]) -> enum.Enum:
    if not isinstance(value, str):
        raise _Refused("expected one of the enumeration's values")
    return tp(value)


def _structure_period(value: Any, _: Any) -> Period:
    if not isinstance(value, str):
        raise _Refused("expected a period as text")
    return to_period(value, field="period")


def _decimal_text(value: Decimal) -> str:
    return format(value, "f")


def _unstructure_money(value: Money) -> dict[str, str]:
    return {"amount": _decimal_text(value.amount), "currency": value.currency}


def _enum_value(value: enum.Enum) -> Any:
    return value.value


# --------------------------------------------------------------------------- the converter

_CITED = 4096
"""The most pieces of evidence a converter keeps to share (then it starts afresh)."""


def make_converter(*, detailed: bool) -> cattrs.Converter:
    """A converter for contract files.

    Args:
        detailed: collect every error with its field path (cattrs' detailed
            validation), for reporting; without it the first error stops
            structuring, which is faster.
    """
    converter = cattrs.Converter(
        omit_if_default=True, forbid_extra_keys=True, detailed_validation=detailed
    )
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(int, _structure_int)
    converter.register_unstructure_hook(pendulum.Date, lambda d: d.isoformat())
    converter.register_structure_hook(pendulum.Date, _structure_day)
    converter.register_unstructure_hook(Decimal, _decimal_text)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_unstructure_hook(Money, _unstructure_money)
    converter.register_structure_hook(Period, _structure_period)
    converter.register_unstructure_hook(Period, str)
    converter.register_structure_hook(Money, _structure_money)
    for enum_base in (enum.Enum, enum.StrEnum, enum.IntEnum):  # StrEnum before str in the MRO
        converter.register_unstructure_hook(enum_base, _enum_value)
        converter.register_structure_hook(enum_base, _structure_enum)

    def unstructure_set(value: frozenset[Any]) -> list[Any]:
        return sorted((converter.unstructure(v) for v in value), key=str)

    converter.register_unstructure_hook_func(
        lambda t: typing.get_origin(t) is frozenset or t is frozenset,  # type: ignore[comparison-overlap]
        unstructure_set,
    )
    if not detailed:  # the detailed converter runs on checked data; it keeps cattrs' item paths
        converter.register_structure_hook_factory(
            lambda t: typing.get_origin(t) in (tuple, frozenset),  # type: ignore[comparison-overlap]
            lambda t: _list_hook(converter, t),
        )

    def structure_announced(value: Any, _: Any) -> pendulum.Date | DateRange:
        if _is_mapping(value):
            return converter.structure(value, DateRange)
        return _structure_day(value, None)

    def unstructure_announced(value: pendulum.Date | DateRange) -> Any:
        if isinstance(value, DateRange):
            return converter.unstructure(value, DateRange)
        return value.isoformat()

    converter.register_unstructure_hook_func(lambda t: t == DATE_OR_RANGE, unstructure_announced)
    converter.register_structure_hook_func(lambda t: t == DATE_OR_RANGE, structure_announced)

    def structure_reported(value: Any, _: Any) -> tuple[tuple[str, pendulum.Date], ...]:
        if not _is_mapping(value) or not all(isinstance(k, str) for k in value):
            raise _Refused("expected a table from term to day")
        return tuple((k, _structure_day(v, None)) for k, v in value.items())

    def unstructure_reported(value: tuple[tuple[str, pendulum.Date], ...]) -> dict[str, str]:
        return {term: day.isoformat() for term, day in value}

    converter.register_unstructure_hook_func(lambda t: t == REPORTS, unstructure_reported)
    converter.register_structure_hook_func(lambda t: t == REPORTS, structure_reported)

    hooks: dict[type, Callable[[Any, Any], Any]] = {}  # per class, filled on first use
    # Evidence read before, by its texts: a source cited by every clause of a file (and by
    # every file of a portfolio) is built once and shared; evidence is immutable.
    cited: dict[tuple[tuple[str, str], ...], Evidence] = {}

    def structure_evidence(value: Any, _: Any) -> Evidence:
        if not _is_mapping(value):
            raise _Refused("expected evidence")
        key = None
        if type(value) is dict and all(type(v) is str for v in value.values()):
            key = tuple(value.items())
            seen = cited.get(key)
            if seen is not None:
                return seen
        cls = evidence_class(value)
        if cls is None:
            if not isinstance(value["claim"], str):
                raise _Refused("a claim id is text")
            return _claims().resolve(value["claim"])  # the base's own object, not kept here
        hook = hooks.get(cls)
        if hook is None:
            hook = hooks[cls] = converter.get_structure_hook(cls)
        made = typing.cast(Evidence, hook(value, cls))
        if key is not None:
            if len(cited) >= _CITED:
                cited.clear()
            cited[key] = made
        return made

    def unstructure_evidence(value: Evidence) -> dict[str, Any]:
        if _claims().is_reference(value):
            return {"claim": value.claim}
        out: dict[str, Any] = converter.unstructure(value, type(value))
        return out

    converter.register_unstructure_hook_func(lambda t: t == Evidence, unstructure_evidence)
    converter.register_structure_hook_func(lambda t: t == Evidence, structure_evidence)

    def structure_member(value: Any, tp: Any) -> Any:
        """A clause or fact: the class its ``kind`` names, looked up now."""
        family = family_holding(tp)
        assert family is not None  # the predicate below says so
        if not _is_mapping(value):
            raise _Refused(f"expected a {family.name}")
        cls = family.get(value.get("kind"))
        if cls is None:
            raise _Refused(f"unknown {family.name} kind")
        hook = hooks.get(cls)
        if hook is None:  # a kind registered again (a rebuilt class) is a new class: new hook
            hook = hooks[cls] = converter.get_structure_hook(cls)
        return hook(value, cls)

    def is_member(t: Any) -> bool:
        return family_holding(t) is not None

    converter.register_structure_hook_func(is_member, structure_member)
    converter.register_unstructure_hook_func(
        is_member, lambda value: converter.unstructure(value, type(value))
    )

    def record(t: Any) -> bool:  # an attrs class of its own (not "any clause")
        return isinstance(t, type) and attrs.has(t) and not is_member(t)

    converter.register_structure_hook_factory(record, lambda t: _structure_class(converter, t))
    converter.register_unstructure_hook_factory(record, lambda t: _unstructure_class(converter, t))
    return converter


def _list_hook(converter: cattrs.Converter, tp: Any) -> Callable[[Any, Any], Any]:
    """Lists only (a string is not a list of its letters); a set's items listed once each."""
    item_type = typing.get_args(tp)[0]
    item = converter.get_structure_hook(item_type)
    if typing.get_origin(tp) is frozenset:

        def structure_set(value: Any, _: Any) -> frozenset[Any]:
            if not isinstance(value, list):
                raise _Refused("expected a list")
            out = frozenset(item(v, item_type) for v in value)
            if len(out) != len(value):
                raise _Refused("an item listed twice")
            return out

        return structure_set

    def structure_tuple(value: Any, _: Any) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise _Refused("expected a list")
        return tuple([item(v, item_type) for v in value])

    return structure_tuple


def _structure_class(converter: cattrs.Converter, cls: type) -> Callable[[Any, Any], Any]:
    """A mapping of ``cls``'s fields, no unknown keys, no nulls; a missing nullable key is None.

    A clause's or fact's mapping carries its ``kind``, which the class does not take: the
    generated function ignores keys it does not know, and this hook refuses any other.
    """
    structure: Callable[[Any, Any], Any] = make_dict_structure_fn(
        cls, converter, _cattrs_forbid_extra_keys=False
    )
    tagged = kind_of(cls)
    kind = tagged[1] if tagged is not None else None
    allowed = frozenset(f.name for f in fields_of(cls)) | ({"kind"} if kind else set())
    # A nullable field without a default (consent_by) may be left out of a file: None.
    without_default = {a.name for a in attrs.fields(cls) if a.default is attrs.NOTHING}
    absent = {
        f.name: None for f in fields_of(cls) if f.name in without_default and nullable(f.type)
    }

    def structure_hook(value: Any, _: Any) -> Any:
        if not _is_mapping(value) or None in value.values() or not value.keys() <= allowed:
            raise _Refused("expected a mapping of known keys without nulls")
        if kind is not None and value.get("kind") != kind:
            raise _Refused("a member of another kind")
        if absent and not absent.keys() <= value.keys():
            value = {**absent, **value}
        return structure(value, cls)

    return structure_hook


def _unstructure_class(converter: cattrs.Converter, cls: type) -> Callable[[Any], Any]:
    """Defaults and None left out; a clause's ``kind`` first."""
    unstructure: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(
        cls, converter, _cattrs_omit_if_default=True
    )
    tagged = kind_of(cls)
    kind = tagged[1] if tagged is not None else None

    def unstructure_hook(value: Any) -> dict[str, Any]:
        body = {k: v for k, v in unstructure(value).items() if v is not None}
        return {"kind": kind, **body} if kind else body

    return unstructure_hook


_FAST = make_converter(detailed=False)


def structure(data: Any, cls: type[Any]) -> Any:
    """Build a ``cls`` from plain data with the fast converter (the first error stops it)."""
    return _FAST.structure(data, cls)


def unstructure(value: Any, cls: type[Any] | None = None) -> Any:
    """``value`` as plain data."""
    return _FAST.unstructure(value, cls) if cls is not None else _FAST.unstructure(value)
