"""A strategy for any registered kind, built from its attrs fields, and the per-kind hook.

:func:`kind_strategy` builds a clause or fact kind with ``st.builds``, one
strategy per field, chosen by the field's type and name:

=========================================  ===============================================
field                                      drawn from
=========================================  ===============================================
a party field (``party_fields``): ``str``  the party names of the agreement
``str | None``, ``frozenset[str]``         none or one of them; up to two of them
``verb: str``                              :data:`~clausekit.testing.VERBS`
``scope: frozenset[str]``                  up to three :data:`~clausekit.testing.SUBJECTS`
``clause: str``                            the clause ids given (a fact about a clause)
any other ``frozenset[str]``               empty (such fields name other clauses: ids that
                                           must exist, which a kind draws through the hook)
``bool``, ``int``, an ``enum``             any; ``frozenset`` of an enum: one or more
``str``                                    empty, or a few made-up words
``Money``, ``Decimal``, ``pendulum.Date``  :func:`money`, :func:`rates`, :func:`days`
``Period``                                 :func:`periods` (bounded)
``X | None``                               none, or as ``X``
anything else                              its default, or ``st.from_type``
=========================================  ===============================================

When these are not the kind's constraints, :func:`register_kind_strategy`
says what to draw instead, per field or for the whole kind.
"""

from __future__ import annotations

import enum
import functools
import types
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, TypeAlias, TypeGuard, Union

import attrs
import pendulum
from hypothesis import strategies as st

from clausekit.errors import KindError
from clausekit.money import Money
from clausekit.testing.amounts import money, rates
from clausekit.testing.base import SUBJECTS, VERBS, words
from clausekit.testing.dates import days, periods
from clausekit.time import Period

__all__ = [
    "Pool",
    "drawable",
    "kind_fields",
    "kind_strategy",
    "register_kind_strategy",
    "whole_strategy",
]


@attrs.frozen
class Pool:
    """What a kind's fields may be drawn from: the agreement's party names and clause ids.

    Attributes:
        names: the party names (canonical) of the agreement the value is for.
        clause_ids: ids of clauses a fact may name (an assumed rate's clause).
    """

    names: tuple[str, ...]
    clause_ids: tuple[str, ...] = ()


FieldStrategy: TypeAlias = "st.SearchStrategy[Any] | Callable[[Pool], st.SearchStrategy[Any]]"
"""A strategy, or a function of the :class:`Pool` returning one."""

_FIELDS: dict[type, dict[str, FieldStrategy]] = {}
_WHOLE: dict[type, Callable[[Pool], st.SearchStrategy[Any]]] = {}
_COMMON = frozenset({"id", "title", "evidence", "until", "note"})  # set by clauses() itself


def register_kind_strategy(
    kind: type,
    strategy: Callable[[Pool], st.SearchStrategy[Any]] | None = None,
    /,
    **fields: FieldStrategy,
) -> None:
    """Say how :func:`~clausekit.testing.clauses` and :func:`~clausekit.testing.facts` draw ``kind``.

    Per field: ``register_kind_strategy(NonCompete, field_of_business=st.sampled_from([...]))``;
    a value may be a strategy or a function of the :class:`Pool` (for
    fields that name parties: ``lambda pool: st.sampled_from(pool.names)``).
    Fields not named keep the strategy chosen by their type and name (see
    :mod:`clausekit.testing.kinds`). For constraints between fields, pass
    ``strategy``, a function of the :class:`Pool` returning a strategy for
    whole values; :func:`~clausekit.testing.clauses` then sets the common
    fields (``id``, ``title``, ``evidence``, ``until``) itself. A later call
    for the same kind replaces the earlier one.

    Raises:
        KindError: when ``kind`` is not an attrs class, or names a field it lacks.

    Examples:
        >>> import attrs
        >>> from hypothesis import strategies as st
        >>> import clausekit as ck
        >>> from clausekit import testing as ckst
        >>> ckst.register_kind_strategy(ck.IPLicense, nonsense=st.just(1))
        Traceback (most recent call last):
        ...
        clausekit.errors.KindError: register_kind_strategy(IPLicense, nonsense=...): IPLicense has no field 'nonsense'; its fields are ...
    """
    if not attrs.has(kind):
        raise KindError(
            f"register_kind_strategy({kind!r}): not an attrs class; pass a clause or fact kind "
            "(a class with the kind= keyword, decorated with @attrs.frozen).",
            cls=kind,
        )
    known = [a.name for a in attrs.fields(kind)]
    for name in fields:
        if name not in known:
            raise KindError(
                f"register_kind_strategy({kind.__name__}, {name}=...): {kind.__name__} has no "
                f"field {name!r}; its fields are {', '.join(known)}.",
                kind=getattr(kind, "kind", ""),
                cls=kind,
            )
    _FIELDS[kind] = dict(fields)
    if strategy is None:
        _WHOLE.pop(kind, None)
    else:
        _WHOLE[kind] = strategy
    kind_fields.cache_clear()


def kind_strategy(kind: type, pool: Pool) -> st.SearchStrategy[Any]:
    """Values of ``kind`` (a fact or clause class) drawn over ``pool``; see the module table.

    Raises:
        KindError: when a field without a default has a type no rule covers
            and ``st.from_type`` cannot draw (register a strategy for it).
    """
    whole = whole_strategy(kind, pool)
    if whole is not None:
        return whole
    return kind_fields(kind, pool, common=True).map(lambda fields: kind(**fields))


def whole_strategy(kind: type, pool: Pool) -> st.SearchStrategy[Any] | None:
    """The strategy registered for whole values of ``kind``, or None."""
    whole = _WHOLE.get(kind)
    return None if whole is None else whole(pool)


@functools.lru_cache(maxsize=512)
def kind_fields(
    kind: type, pool: Pool, *, common: bool = False
) -> st.SearchStrategy[dict[str, Any]]:
    """The keyword arguments of ``kind``, drawn field by field (see the module table).

    A clause's common fields (``id``, ``title``, ``evidence``, ``until``,
    ``note``) are left out unless ``common``; :func:`~clausekit.testing.clauses`
    sets them.
    """
    hints = _hints(kind)
    given = _FIELDS.get(kind, {})
    parties = set(getattr(kind, "party_fields", ()))
    clause = _is_clause(kind)
    chosen: dict[str, st.SearchStrategy[Any]] = {}
    for field in attrs.fields(kind):
        if not field.init:
            continue
        name = field.alias or field.name
        if field.name in given:
            made = given[field.name]
            chosen[name] = made if isinstance(made, st.SearchStrategy) else made(pool)
        elif clause and field.name in _COMMON:
            if common:
                chosen[name] = _placeholder(field.name)
        else:
            hint = hints.get(field.name, field.type)
            chosen[name] = _for_field(kind, field, hint, pool, party=field.name in parties)
    return st.fixed_dictionaries(chosen)


def drawable(kind: object) -> TypeGuard[type]:
    """True for an attrs class of its own (a subclass that attrs never decorated is not one)."""
    return isinstance(kind, type) and "__attrs_attrs__" in vars(kind)


def _is_clause(kind: type) -> bool:
    from clausekit.clauses.base import ClauseBase

    return issubclass(kind, ClauseBase)


def _placeholder(name: str) -> st.SearchStrategy[Any]:
    from clausekit.evidence import OutsideSource

    if name == "evidence":
        source = OutsideSource(
            url="https://example.org/0", title="made up", published="2000-01-01", gloss="made up"
        )
        return st.just((source,))
    if name == "until":
        return st.none()
    return st.just("c0" if name == "id" else "Clause c0" if name == "title" else "")


def _hints(kind: type) -> Mapping[str, Any]:
    try:
        return typing.get_type_hints(kind)
    except Exception:
        return {}


def _for_field(
    kind: type, field: attrs.Attribute[Any], hint: Any, pool: Pool, *, party: bool
) -> st.SearchStrategy[Any]:
    names = st.sampled_from(pool.names)
    args = typing.get_args(hint)
    origin = typing.get_origin(hint)
    optional = origin in (Union, types.UnionType) and type(None) in args
    if optional:
        rest = [a for a in args if a is not type(None)]
        inner = rest[0] if len(rest) == 1 else hint
        return st.none() | _for_field(kind, field, inner, pool, party=party)
    if hint is str and party:
        return names
    if origin is frozenset and args == (str,):
        if party:
            return st.frozensets(names, max_size=2)
        if field.name == "scope":
            return _SCOPES
        return st.just(frozenset())
    if hint is str:
        if field.name == "verb":
            return _VERBS
        if field.name in ("clause", "clause_id") and pool.clause_ids:
            return st.sampled_from(pool.clause_ids)
        return _TEXTS
    if hint is bool:
        return st.booleans()
    if hint is int:
        return st.integers(0, 1000)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return st.sampled_from(tuple(hint))
    if (
        origin is frozenset
        and len(args) == 1
        and isinstance(args[0], type)
        and issubclass(args[0], enum.Enum)
    ):
        return st.frozensets(st.sampled_from(tuple(args[0])), min_size=1)
    if hint is Money:
        return money()
    if hint is Decimal:
        return rates()
    if hint is pendulum.Date:
        return days()
    if hint is Period:
        return periods(open_ok=False)
    if field.default is not attrs.NOTHING:
        default: Any = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            return st.builds(default.factory)
        return st.just(default)
    try:
        found = st.from_type(hint)
        found.validate()  # resolve now, so a type nothing can draw fails here, not mid-test
        return found
    except Exception as exc:
        raise KindError(
            f"clausekit.testing cannot draw {kind.__name__}.{field.name} ({hint!r}) and it has "
            f"no default. Register one: clausekit.testing.register_kind_strategy("
            f"{kind.__name__}, {field.name}=<a strategy>).",
            kind=getattr(kind, "kind", ""),
            cls=kind,
        ) from exc


_VERBS = st.sampled_from(VERBS)
_SCOPES = st.frozensets(st.sampled_from(SUBJECTS), max_size=3)
_TEXTS = st.just("") | words()
