"""Kinds defined outside clausekit: modules a user names, and installed extensions.

A clause or fact kind registers itself when the module that defines it is
imported (``class NonCompete(ck.ClauseBase, kind="non-compete")``). So loading
an extension is importing its module:

- ``clausekit --import my_kinds ...`` imports a module of the user's own
  (:func:`import_module`);
- an installed package names its module in the entry point group
  ``clausekit.extensions``; :func:`load_extensions` imports every one, once,
  the first time the command line or :func:`clausekit.load` reads a file::

      [project.entry-points."clausekit.extensions"]
      my_kinds = "my_package.kinds"

Examples:
    >>> load_extensions()  # nothing installed in this environment declares one
    ()
    >>> import_module("no_such_module_of_kinds")
    Traceback (most recent call last):
    ...
    clausekit.errors.ExtensionError: --import 'no_such_module_of_kinds' failed: ModuleNotFoundError: No module named 'no_such_module_of_kinds'. Give the dotted name of a module Python can import (on sys.path or in the current folder), e.g. --import my_kinds.
"""

from __future__ import annotations

import importlib
import threading
from importlib import metadata
from types import ModuleType

from clausekit.errors import ExtensionError

__all__ = ["ENTRY_POINT_GROUP", "import_module", "load_extensions"]

ENTRY_POINT_GROUP = "clausekit.extensions"
"""The entry point group installed packages declare their kinds' modules in."""

_lock = threading.Lock()
_loaded: tuple[str, ...] | None = None


def import_module(name: str) -> ModuleType:
    """Import the module ``name`` so that the kinds it defines register.

    Raises:
        ExtensionError: the module cannot be imported (or raises while it is).
    """
    if not isinstance(name, str) or not name.strip():
        raise ExtensionError.for_module(str(name), ValueError("an empty module name"))
    try:
        return importlib.import_module(name.strip())
    except ExtensionError:
        raise
    except Exception as exc:  # whatever the user's module raises, say which module it was
        raise ExtensionError.for_module(name, exc) from exc


def load_extensions() -> tuple[str, ...]:
    """Import every installed extension (entry point group ``clausekit.extensions``), once.

    Later calls return at once. Returns the names of the entry points loaded.

    Raises:
        ExtensionError: an entry point fails to load; it names the entry point.
            The next call tries again.
    """
    global _loaded
    if _loaded is not None:
        return _loaded
    with _lock:
        if _loaded is None:
            names: list[str] = []
            for entry in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=_name):
                try:
                    entry.load()
                except Exception as exc:  # a broken extension: name it, whatever it raised
                    raise ExtensionError.for_entry_point(entry.name, entry.value, exc) from exc
                names.append(entry.name)
            _loaded = tuple(names)
    return _loaded


def _name(entry: metadata.EntryPoint) -> str:
    return entry.name
