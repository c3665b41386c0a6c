"""Engine errors as file problems: which field of the file an error is about.

When the data has the right shapes but the engine refuses it (two
amendments share an id, a clause ends before it starts, a party is unknown),
the error says where it is: cattrs' detailed validation gives the path of
the value being built, and the error's :attr:`~clausekit.errors.ClauseKitError.place`
(amendment and clause ids, field, list item), or the ``field`` an error
about one value carries, is looked up in the data to give the rest. No
message is parsed.

Examples:
    >>> from clausekit.errors import AgreementError
    >>> data = {"amendments": [{"id": "a", "adds": [{"id": "c1"}, {"id": "c2", "until": "2020-01-01"}]}]}
    >>> error = AgreementError("...").at(amendment="a", clause="c2", field="until")
    >>> locate(error, (), data)
    ('amendments', 0, 'adds', 1, 'until')
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cattrs.errors import BaseValidationError

from clausekit.errors import ClauseKitError, Place
from clausekit.io.converter import _Refused
from clausekit.io.shapes import FieldPath

__all__ = ["MISMATCH", "leaves", "locate"]

MISMATCH = "this value does not fit here, though no check said why; please report it"
"""The problem text when the strict converter refuses what the checker accepted (a bug)."""


def leaves(
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
            yield from leaves(sub, sub_path, data)
        return
    if isinstance(exc, _Refused):  # the fast path refused what the checker let through
        message = f"{MISMATCH} ({exc})."
    elif isinstance(exc, ClauseKitError):
        message = str(exc)
    else:
        message = f"{type(exc).__name__}: {exc}"
    yield locate(exc, path, data), message, exc


def locate(exc: BaseException, path: FieldPath, data: Any) -> FieldPath:
    """The field path an error is about: ``path`` (where it was raised) refined by its place."""
    place = exc.place if isinstance(exc, ClauseKitError) else None
    if place is None:
        # An error about one value names the field it was given as ("RevenueShare.rate").
        field = getattr(exc, "field", None)
        if not isinstance(field, str) or not field:
            return path
        place = Place(field=field.rpartition(".")[2])
    if place.amendment is None and place.clause is None:
        return _field(path, place, _at(data, path))
    amendments = data.get("amendments") if isinstance(data, Mapping) else None
    if not isinstance(amendments, list):
        return path
    # The last amendment with the id: a repeated id is reported where it repeats.
    index = next(
        (i for i in reversed(range(len(amendments))) if _id(amendments[i]) == place.amendment),
        None,
    )
    if index is None:
        return path
    at: FieldPath = ("amendments", index)
    amendment = amendments[index]
    if place.clause is None:
        return _field(at, place, amendment)
    for i, clause in enumerate(_list(amendment, "adds")):
        if _id(clause) == place.clause:
            return _field((*at, "adds", i), place, clause)
    for i, replacement in enumerate(_list(amendment, "replaces")):
        if _id(_get(replacement, "new")) == place.clause:
            return _field((*at, "replaces", i, "new"), place, _get(replacement, "new"))
    return at


def _field(path: FieldPath, place: Place, here: Any) -> FieldPath:
    """``path`` with the place's field (and its list item, by value) when the data has them."""
    if place.field is None:
        if place.item is not None:  # an id named by an amendment: ends, replaces[].old
            for i, old in enumerate(_list(here, "ends")):
                if old == place.item:
                    return (*path, "ends", i)
            for i, replacement in enumerate(_list(here, "replaces")):
                if _get(replacement, "old") == place.item:
                    return (*path, "replaces", i, "old")
            for key in ("waives", "ends", "starts"):
                for i, ref in enumerate(_list(here, key)):
                    if ref == place.item:
                        return (*path, key, i)
        return path
    if not isinstance(here, Mapping) or place.field not in here:
        return path
    value = here[place.field]
    if place.item is not None and isinstance(value, list) and place.item in value:
        return (*path, place.field, value.index(place.item))
    if place.item is not None and isinstance(value, Mapping) and place.item in value:
        return (*path, place.field, place.item)  # a table's key: an amendment's reported term
    return (*path, place.field)


def _at(data: Any, path: FieldPath) -> Any:
    for part in path:
        inside = (isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)) or (
            isinstance(data, Mapping) and part in data
        )
        if not inside:
            return None
        data = data[part]
    return data


def _get(value: Any, key: str) -> Any:
    return value.get(key) if isinstance(value, Mapping) else None


def _id(value: Any) -> Any:
    return _get(value, "id")


def _list(value: Any, key: str) -> list[Any]:
    items = _get(value, key)
    return items if isinstance(items, list) else []
