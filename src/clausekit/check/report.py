"""Everything the checker found in one agreement: a :class:`Report` of diagnostics."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from clausekit.check.diagnostic import Diagnostic, Severity

__all__ = ["Report"]


def _diagnostics(value: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(sorted(value, key=Diagnostic.sort_key))


@attrs.frozen(kw_only=True)
class Report:
    """Everything :func:`~clausekit.check.check` found in one agreement, errors first.

    Iterating a report yields its diagnostics; ``len(report)`` counts them.

    Attributes:
        agreement: the id of the agreement checked.
        title: its title.
        findings: every diagnostic, errors first, then by day.

    Examples:
        >>> from clausekit.check import Diagnostic, Report
        >>> report = Report(agreement="d", title="Deal", findings=[
        ...     Diagnostic(severity="info", code="b", message="B."),
        ...     Diagnostic(severity="error", code="a", message="A.")])
        >>> report.codes(), report.has_errors
        (('a', 'b'), True)
        >>> report.summary()
        'Deal (d): 2 findings (1 error, 0 warnings, 1 info).'
    """

    agreement: str
    title: str
    findings: tuple[Diagnostic, ...] = attrs.field(default=(), converter=_diagnostics)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def of(self, severity: Severity | str) -> tuple[Diagnostic, ...]:
        """The diagnostics of one severity."""
        wanted = Severity(severity)
        return tuple(f for f in self.findings if f.severity is wanted)

    def codes(self) -> tuple[str, ...]:
        """The code of every diagnostic, in report order (repeats kept)."""
        return tuple(f.code for f in self.findings)

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        """The diagnostics of severity error."""
        return self.of(Severity.ERROR)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        """The diagnostics of severity warning."""
        return self.of(Severity.WARNING)

    @property
    def has_errors(self) -> bool:
        """True when any diagnostic is an error (``clausekit check`` then exits 1)."""
        return any(f.severity is Severity.ERROR for f in self.findings)

    def summary(self) -> str:
        """One line: how many diagnostics of each severity."""
        if not self.findings:
            return f"{self.title} ({self.agreement}): no findings."
        counts = ", ".join(
            f"{len(self.of(s))} {s.value}{'s' if len(self.of(s)) != 1 and s is not Severity.INFO else ''}"
            for s in Severity
        )
        total = len(self.findings)
        return f"{self.title} ({self.agreement}): {total} finding{'s' if total != 1 else ''} ({counts})."

    def render(self, *, citations: bool = True) -> str:
        """The summary line, then every diagnostic (see :meth:`Diagnostic.render`)."""
        return "\n".join([self.summary(), *(f.render(citations=citations) for f in self.findings)])

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready plain data."""
        return {
            "agreement": self.agreement,
            "title": self.title,
            "has_errors": self.has_errors,
            "findings": [f.to_dict() for f in self.findings],
        }

    def __str__(self) -> str:
        return self.render()
