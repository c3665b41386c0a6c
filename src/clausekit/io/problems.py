"""Engine errors as file problems: which field of the file an error is about.

When the data has the right shapes but the engine refuses it (two
amendments share an id, a clause ends before it starts, a party is unknown),
the error is mapped to the field path it is about, so the problem carries
the line. cattrs' detailed validation gives the path of errors raised while
a field is built; errors raised by the agreement as a whole are located by
the ids they name.

Examples:
    >>> data = {"amendments": [{"id": "a", "adds": [{"id": "c1"}]}]}
    >>> locate("Amendment 'a' (effective 2020-01-01): clause 'c1' ends on ...(until)", data)
    ('amendments', 0, 'adds', 0, 'until')
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from cattrs.errors import BaseValidationError

from clausekit.errors import ClauseKitError
from clausekit.io.shapes import FieldPath

__all__ = ["leaves", "locate"]


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
        return locate(message, data)
    here = _at(data, path)
    if not isinstance(here, Mapping):
        return path
    for pattern in (r"\b([a-z_]+)=", r"\.([a-z_]+)\b"):
        for match in re.finditer(pattern, message):
            if match.group(1) in here and match.group(1) != "kind":
                return (*path, match.group(1))
    return path


def locate(message: str, data: Any) -> FieldPath:
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
