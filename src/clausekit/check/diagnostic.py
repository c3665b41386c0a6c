"""What the checker reports: a :class:`Diagnostic` of some :class:`Severity`.

Examples:
    >>> from clausekit.check import Diagnostic
    >>> print(Diagnostic(severity="warning", code="never-in-force", message="Clause 'c' ...",
    ...                  clauses=["c"], amendments=["a"]))
    warning [never-in-force] Clause 'c' ...
        clauses: c; amendments: a
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any

import attrs
import pendulum

from clausekit.evidence import Evidence, cite
from clausekit.time import Period

__all__ = ["Diagnostic", "Severity"]


class Severity(enum.StrEnum):
    """How serious a diagnostic is. Only errors make ``clausekit check`` exit 1."""

    ERROR = "error"
    """The agreement says things that cannot all hold; some answers rest on a contradiction."""
    WARNING = "warning"
    """Probably a mistake in the model, or something a reader must know; answers stand."""
    INFO = "info"
    """Worth knowing; nothing to fix."""


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
_FIRST_DAY = pendulum.Date(1, 1, 1)


def _ids(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _evidence(value: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return tuple(dict.fromkeys(value))


@attrs.frozen(kw_only=True)
class Diagnostic:
    """One problem the checker found (not to be confused with a verdict's :class:`~clausekit.Finding`).

    Attributes:
        severity: error, warning or info.
        code: a stable, kebab-case name for the kind of problem
            (``"contradictory-exclusivity"``), for filtering and tests.
        message: what is wrong, with the values involved and how to fix it.
        clauses: the ids of the clauses involved.
        amendments: the ids of the amendments involved.
        period: the days the problem concerns (half-open; None when it has no dates).
        citations: the evidence of the clauses and amendments involved.
    """

    severity: Severity = attrs.field(converter=Severity)
    code: str
    message: str
    clauses: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    amendments: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    period: Period | None = None
    citations: tuple[Evidence, ...] = attrs.field(default=(), converter=_evidence)

    def sort_key(self) -> tuple[Any, ...]:
        """Errors first, then by first day, code and ids: a stable order for reports."""
        start = self.period.start if self.period is not None else _FIRST_DAY
        return (_RANK[self.severity], start, self.code, self.clauses, self.amendments, self.message)

    def render(self, *, citations: bool = True) -> str:
        """The diagnostic as text: a headline, the ids and dates, then one line per citation.

        Examples:
            >>> print(Diagnostic(severity="info", code="x", message="Something.",
            ...                  period=Period("2020-01-01", None)).render())
            info [x] Something.
                days: 2020-01-01/...
        """
        lines = [f"{self.severity.value} [{self.code}] {self.message}"]
        where = []
        if self.clauses:
            where.append("clauses: " + ", ".join(self.clauses))
        if self.amendments:
            where.append("amendments: " + ", ".join(self.amendments))
        if self.period is not None:
            where.append(f"days: {self.period}")
        if where:
            lines.append("    " + "; ".join(where))
        if citations:
            lines += ["    - " + cite(e) for e in self.citations]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """The diagnostic as JSON-ready plain data (days as ISO strings, citations as text)."""
        return {
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
            "clauses": list(self.clauses),
            "amendments": list(self.amendments),
            "period": None
            if self.period is None
            else {
                "start": self.period.start.isoformat(),
                "end": self.period.end.isoformat() if self.period.end else None,
            },
            "citations": [cite(e) for e in self.citations],
        }

    def __str__(self) -> str:
        return self.render(citations=False)
