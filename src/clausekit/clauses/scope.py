"""Scopes: the subjects a clause speaks of, and the one rule for what a scope covers.

Subjects may nest with ``/``: ``safari/private-browsing`` lies within
``safari``, so a scope of ``["safari"]`` covers it. An empty scope covers
every subject.

Examples:
    >>> from clausekit.clauses.scope import covers
    >>> covers(frozenset({"safari"}), "safari/private-browsing")
    True
    >>> covers(frozenset({"safari/private-browsing"}), "safari")
    False
    >>> covers(frozenset(), "anything")
    True
"""

from __future__ import annotations

from collections.abc import Iterable

from clausekit._shared import frozen
from clausekit.errors import AgreementError

__all__ = ["ancestors", "covers", "scope_converter", "subjects_text", "within"]


def within(subject: str, other: str) -> bool:
    """True when ``subject`` is ``other`` or lies within it (``other/...``)."""
    return subject == other or subject.startswith(other + "/")


def ancestors(subject: str) -> list[str]:
    """The subjects ``subject`` lies within, nearest first (``a/b/c``: ``a/b``, ``a``).

    Examples:
        >>> ancestors("safari/private-browsing/tabs"), ancestors("safari")
        (['safari/private-browsing', 'safari'], [])
    """
    out = []
    while "/" in subject:
        subject = subject.rsplit("/", 1)[0]
        out.append(subject)
    return out


def covers(scope: frozenset[str], subject: str) -> bool:
    """True when ``scope`` covers ``subject``: it is empty, or names the subject or one it lies within."""
    if not scope or subject in scope:
        return True
    while "/" in subject:
        subject = subject.rsplit("/", 1)[0]
        if subject in scope:
            return True
    return False


def scope_converter(value: Iterable[str] | str) -> frozenset[str]:
    """Turn a scope (an iterable of subjects) into a frozenset of plain strings.

    An empty scope means every subject. A lone string is refused, since
    ``frozenset("api")`` would silently become ``{'a', 'p', 'i'}``.
    """
    if isinstance(value, str):
        raise AgreementError(
            f"scope={value!r} is a single string; pass a list such as [{value!r}]."
        )
    return frozen(str(v) for v in value)


def subjects_text(scope: frozenset[str]) -> str:
    """A scope in words: ``'training and research'`` or ``'any subject'``."""
    if not scope:
        return "any subject"
    items = sorted(scope)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
