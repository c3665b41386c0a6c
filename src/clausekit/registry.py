"""The registries of kinds: every clause, fact and action kind, bundled or user-defined.

A kind joins its registry by a class keyword, nothing else::

    @attrs.frozen(kw_only=True)
    class NonCompete(ck.ClauseBase, kind="non-compete"): ...

    @attrs.frozen(kw_only=True)
    class OfferMatched(ck.Fact, kind="offer-matched"): ...

    @attrs.frozen
    class UseBrand(ck.ActionBase, verb="use-brand", phrase="use the brand"): ...

Contract files (the ``kind`` tag), the JSON Schema, the ``clausekit.testing``
strategies, the checker, rendering and the command line all read these
registries when they run, so a kind registered after ``import clausekit``
works everywhere at once.

Examples:
    >>> from clausekit.registry import CLAUSE_KINDS, FACT_KINDS
    >>> import clausekit  # registers the bundled kinds
    >>> "exclusivity" in CLAUSE_KINDS, "consent-given" in FACT_KINDS
    (True, True)
    >>> CLAUSE_KINDS.lookup("exclusivty")
    Traceback (most recent call last):
    ...
    clausekit.errors.UnknownKindError: Unknown clause kind 'exclusivty'. Did you mean 'exclusivity'? ...
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from typing import Any, Generic, TypeVar

from clausekit.errors import KindError, UnknownKindError

__all__ = ["ACTION_KINDS", "CLAUSE_KINDS", "FACT_KINDS", "Registry"]

T = TypeVar("T", bound=type)


class Registry(Generic[T]):
    """Classes by their kind tag, for one family (clauses, facts or actions).

    The registry keeps the newest class of each kind. A class that attrs
    rebuilds (``@attrs.frozen`` makes a new, slotted class) or that a notebook
    defines again (same module and qualified name) replaces its earlier self;
    a different class claiming a kind already taken raises
    :class:`~clausekit.errors.KindError`.
    """

    def __init__(self, family: str) -> None:
        self.family = family
        self._classes: dict[str, T] = {}
        self._callbacks: list[Callable[[T], None]] = []
        self._lock = threading.Lock()

    def register(self, kind: str, cls: T) -> None:
        """Register ``cls`` under ``kind``; called by the ``kind=`` class keyword."""
        if not isinstance(kind, str) or not kind or kind != kind.strip() or " " in kind:
            raise KindError(
                f"{cls.__qualname__}: kind={kind!r} must be a non-empty tag without spaces, "
                f"e.g. kind='non-compete'.",
                kind=str(kind),
                cls=cls,
            )
        with self._lock:
            other = self._classes.get(kind)
            same = other is not None and (other.__module__, other.__qualname__) == (
                cls.__module__,
                cls.__qualname__,
            )
            if other is not None and not same:
                raise KindError(
                    f"{cls.__module__}.{cls.__qualname__} asks for the {self.family} kind "
                    f"{kind!r}, which {other.__module__}.{other.__qualname__} already has. "
                    "Give the new class a kind of its own.",
                    kind=kind,
                    cls=cls,
                    other=other,
                )
            self._classes[kind] = cls
            callbacks = tuple(self._callbacks)
        for callback in callbacks:
            callback(cls)

    def on_register(self, callback: Callable[[T], None]) -> None:
        """Call ``callback(cls)`` for every class registered from now on, and every one so far."""
        with self._lock:
            self._callbacks.append(callback)
            known = tuple(self._classes.values())
        for cls in known:
            callback(cls)

    def unregister(self, kind: str) -> None:
        """Remove ``kind`` (tests and notebooks that define kinds on the fly)."""
        with self._lock:
            self._classes.pop(kind, None)

    @contextlib.contextmanager
    def restored(self) -> Iterator[Registry[T]]:
        """A block after which the registry is as before: kinds registered inside it go away.

        Examples:
            >>> with CLAUSE_KINDS.restored():
            ...     pass  # define kinds for one test here
        """
        with self._lock:
            saved = dict(self._classes)
        try:
            yield self
        finally:
            with self._lock:
                self._classes = saved

    def get(self, kind: object) -> T | None:
        """The class of ``kind``, or None."""
        return self._classes.get(kind) if isinstance(kind, str) else None

    def lookup(self, kind: object, *, where: str = "") -> T:
        """The class of ``kind``.

        Raises:
            UnknownKindError: with the registered kinds that look like ``kind``.
        """
        found = self.get(kind)
        if found is None:
            raise UnknownKindError.for_kind(kind, self._classes, family=self.family, where=where)
        return found

    def kinds(self) -> tuple[str, ...]:
        """Every registered kind, sorted."""
        return tuple(sorted(self._classes))

    def classes(self) -> tuple[T, ...]:
        """Every registered class, in order of registration."""
        return tuple(self._classes.values())

    def items(self) -> tuple[tuple[str, T], ...]:
        """``(kind, class)`` pairs, in order of registration."""
        return tuple(self._classes.items())

    def values(self) -> tuple[T, ...]:
        """Every registered class (as :meth:`classes`; reads like a dict's)."""
        return self.classes()

    def __getitem__(self, kind: str) -> T:
        return self.lookup(kind)

    def __contains__(self, kind: object) -> bool:
        return isinstance(kind, str) and kind in self._classes

    def __iter__(self) -> Iterator[str]:
        return iter(tuple(self._classes))

    def __len__(self) -> int:
        return len(self._classes)

    def __repr__(self) -> str:
        return f"<Registry of {self.family} kinds: {', '.join(self.kinds())}>"


CLAUSE_KINDS: Registry[type[Any]] = Registry("clause")
"""Clause classes by their file tag (the ``kind`` field of a contract file)."""

FACT_KINDS: Registry[type[Any]] = Registry("fact")
"""Fact classes by their tag (``--fact KIND:...`` on the command line, ``kind`` in files)."""

ACTION_KINDS: Registry[type[Any]] = Registry("action")
"""Typed action classes by their verb (``--verb VERB`` on the command line builds one)."""


def register_subclass(
    registry: Registry[Any], cls: type, kind: str | None, *, attribute: str = "kind"
) -> None:
    """What ``__init_subclass__`` of a kind's base class does with the ``kind=`` keyword
    (``verb=`` for an action, whose tag is kept as ``attribute``).

    attrs rebuilds a decorated class without passing the keyword again, so a
    class whose own namespace already holds the tag (copied by attrs from the
    first build) registers again, replacing the first build.
    """
    if kind is None:
        own = cls.__dict__.get(attribute)
        if not isinstance(own, str) or not own or "__attrs_attrs__" not in cls.__dict__:
            return
        kind = own
    else:
        setattr(cls, attribute, kind)
    registry.register(kind, cls)
