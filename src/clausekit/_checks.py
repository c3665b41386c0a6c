"""Typed-argument checks: one helper, so every public function refuses a wrong type alike.

The error is :class:`~clausekit.errors.ArgumentTypeError` (a ``TypeError``)
naming the argument, the value given, what was expected and the fix.

Examples:
    >>> from clausekit._checks import check_type
    >>> check_type(3, int, argument="chunksize", expected="a whole number", fix="Pass 1000.")
    3
    >>> check_type("3", int, argument="chunksize", expected="a whole number", fix="Pass 1000.")
    Traceback (most recent call last):
    ...
    clausekit.errors.ArgumentTypeError: Expected a whole number for chunksize but got str chunksize='3'. Pass 1000.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from clausekit.errors import ArgumentTypeError

__all__ = ["check_type", "instance_of"]

T = TypeVar("T")


def check_type(
    value: T, types: type | tuple[type, ...], *, argument: str, expected: str, fix: str
) -> T:
    """Return ``value`` if it is an instance of ``types`` (never a bool for ``int``), else raise.

    Raises:
        ArgumentTypeError: naming ``argument``, the value, ``expected`` and ``fix``.
    """
    wanted = types if isinstance(types, tuple) else (types,)
    if not isinstance(value, wanted) or (isinstance(value, bool) and bool not in wanted):
        raise ArgumentTypeError.for_value(value, argument=argument, expected=expected, fix=fix)
    return value


def instance_of(
    types: type | tuple[type, ...], *, expected: str, fix: str
) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """An attrs validator that refuses other types with :func:`check_type`'s message.

    The argument is named ``Class.field``.
    """

    def validate(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        where = f"{type(instance).__name__}.{attribute.name}"
        check_type(value, types, argument=where, expected=expected, fix=fix)

    return validate
