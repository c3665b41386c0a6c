"""An agreement's vocabulary: the verbs, subjects and qualifiers its clauses speak of.

A question's verb or subject is checked against it. A likely misspelling of a
known term raises :class:`~clausekit.errors.UnknownTermError` with
suggestions; a term unlike every known one is answered by the action's
default, and the answer says that no clause speaks of it. Subjects nest with
``/``: a question about ``safari/private-browsing`` is about ``safari`` too.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from clausekit._shared import frozen
from clausekit.clauses import Clause
from clausekit.clauses.scope import within
from clausekit.errors import UnknownTermError, closest

__all__ = ["Vocabulary"]

# How alike two terms must be (difflib's ratio, after folding case and separators) for one to
# be taken as a misspelling of the other: typo distance, not mere relatedness.
_LIKENESS = 0.75


def _fold(term: str) -> str:
    return "-".join(term.casefold().replace("_", " ").replace("-", " ").split())


def _frozen(value: Iterable[str]) -> frozenset[str]:
    return frozen(value)


@attrs.frozen
class Vocabulary:
    """The terms an agreement's clauses speak of.

    Attributes:
        verbs: verbs of the actions its clauses rule on.
        subjects: subjects its clauses' scopes name (workloads, territories, bodies of IP).
        qualifiers: qualifiers its carve-outs name.
    """

    verbs: frozenset[str] = attrs.field(converter=_frozen)
    subjects: frozenset[str] = attrs.field(converter=_frozen)
    qualifiers: frozenset[str] = attrs.field(factory=frozenset, converter=_frozen)
    every_subject: frozenset[str] = attrs.field(factory=frozenset, converter=_frozen, repr=False)
    """Verbs some clause speaks of for every subject (an empty scope)."""

    @classmethod
    def of(cls, clauses: Iterable[Clause]) -> Vocabulary:
        """The vocabulary of ``clauses``."""
        verbs: set[str] = set()
        subjects: set[str] = set()
        qualifiers: set[str] = set()
        every_subject: set[str] = set()
        for clause in clauses:
            spoken = clause.verbs() or frozenset()
            verbs |= spoken
            subjects |= clause.subjects()
            if not clause.subjects():
                every_subject |= spoken
            for carve_out in clause.carve_outs:
                qualifiers |= carve_out.qualifiers
                subjects |= carve_out.subjects
        return cls(verbs, subjects, qualifiers, every_subject)

    def suggestions(self, term: str, known: frozenset[str]) -> list[str]:
        """Known terms ``term`` is likely a misspelling of, best first (none when it is known)."""
        if term in known:
            return []
        return closest(term, known, cutoff=_LIKENESS, fold=_fold, prefixes=False)

    def check(self, *, verb: str, subject: str, agreement: str) -> tuple[str, ...]:
        """Notes for a question's verb and subject, or :class:`UnknownTermError` for a misspelling.

        Returns what the answer should say: that no clause speaks of the verb
        or subject, when that is so.
        """
        notes: list[str] = []
        if verb not in self.verbs:
            hint = self.suggestions(verb, self.verbs)
            if hint:
                raise UnknownTermError.for_term(verb, hint, role="verb", agreement=agreement)
            notes.append(f"no clause of this agreement speaks of the verb {verb!r}")
        if subject and verb not in self.every_subject and not self.speaks_of(subject):
            hint = self.suggestions(subject, self.subjects)
            if hint:
                raise UnknownTermError.for_term(subject, hint, role="subject", agreement=agreement)
            notes.append(f"no clause of this agreement speaks of the subject {subject!r}")
        return tuple(notes)

    def speaks_of(self, subject: str) -> bool:
        """True when some clause's scope names ``subject``, one it lies within, or one within it."""
        if subject in self.subjects:  # the usual case, without a scan
            return True
        return any(within(subject, s) or within(s, subject) for s in self.subjects)
