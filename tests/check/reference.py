"""A reference checker for the tests: every pair of clauses tried, no index, no narrowing hook.

:class:`AllPairs` is a :class:`~clausekit.check.CheckContext` whose
``alongside`` compares a clause with every other one, with the broad
criteria of the first checker: a clause that may rule on the purchase is any
clause naming the buyer that speaks on the verb (not only those whose
``restricted_parties()`` name it, and whatever its ``allowed_counterparty()``);
a consent given in advance is any clause naming both parties; a clause a
waiver may lift is any one naming the grantee that needs the grantor's
consent, whatever its verbs; no subject narrows anything (the checks work out
the shared subjects themselves). It is slow (every pair) and simple, so the
real checker's indexes and hooks can be held to its answers.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from typing import Any

import pytest

import clausekit as ck
from clausekit.check import context as check_context
from clausekit.check import run as check_run
from clausekit.check.context import (
    CheckContext,
    Grouping,
    names_both,
    restricting,
    speaks_on,
    standing_consents,
)
from clausekit.check.lives import Life, together
from clausekit.clauses import waiver as waiver_module

_NO_TAG = check_context._NO_TAG


def _asks_consent_any_verb(clause: ck.Clause) -> Iterator[tuple[Hashable, Hashable]]:
    named = set(clause.parties().values())
    for party in clause.consent_parties():
        for other in named:
            yield (party, other), None


def _broad(grouping: Grouping, keys: tuple[Hashable, ...]) -> tuple[Grouping, set[Hashable]]:
    """The first checker's grouping and keys in place of the narrower ones."""
    if grouping is restricting:
        return speaks_on, set(keys)
    if grouping is standing_consents:
        return names_both, set(keys)
    if grouping is waiver_module._asks_consent:
        return _asks_consent_any_verb, {key[:2] for key in keys}  # type: ignore[index]
    return grouping, set(keys)


class AllPairs(CheckContext):
    """Every other life tried against ``life``: the reference for ``alongside``."""

    def alongside(
        self,
        life: Life,
        grouping: Grouping,
        *keys: Hashable,
        unlike: Hashable = _NO_TAG,
        sharing: frozenset[str] | None = None,
        ordered: bool = True,
    ) -> Iterator[Life]:
        broad, wanted = _broad(grouping, keys)
        if broad is not grouping:
            unlike = _NO_TAG  # the first checker asked every clause, beneficiaries included
        found = []
        for other in self.lives.values():
            if other is life or together((life, other)) is None:
                continue
            tags = [tag for key, tag in broad(other.clause) if key in wanted]
            if tags and (unlike is _NO_TAG or any(tag != unlike for tag in tags)):
                found.append(other)
        return iter(found)


def reference_check(agreement: ck.Agreement, **options: Any) -> ck.Report:
    """``agreement.check(**options)`` with :class:`AllPairs` in place of the indexed context."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(check_run, "CheckContext", AllPairs)
        return agreement.check(**options)
