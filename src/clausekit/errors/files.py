"""Evidence and contract files: every problem found, with where it is."""

from __future__ import annotations

from collections.abc import Sequence

from clausekit.errors.base import ClauseKitError


class EvidenceError(ClauseKitError, ValueError):
    """Evidence that is missing, malformed, or does not match its source.

    Attributes:
        value: the offending value (an unknown claim id, a malformed field), when there is one.
        field: where it was given (``"Claim.topics"``, ``"conflicts.toml: conflicts[2].claims"``).
        ids: the ids of the claims, documents or conflicts involved.
        suggestions: known ids that look like ``value``, best first.
        problems: for an evidence base folder, one line per problem found, each with its file.
    """

    def __init__(
        self,
        message: str,
        *,
        value: object = None,
        field: str = "",
        ids: Sequence[str] = (),
        suggestions: Sequence[str] = (),
        problems: Sequence[str] = (),
    ) -> None:
        super().__init__(message)
        self.value = value
        self.field = field
        self.ids = tuple(ids)
        self.suggestions = tuple(suggestions)
        self.problems = tuple(problems)


class FileProblem:
    """One problem found in a contract file: where it is and what is wrong."""

    __slots__ = ("line", "message", "path")

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.message = message
        self.line = line

    def __repr__(self) -> str:
        return f"FileProblem(path={self.path!r}, message={self.message!r}, line={self.line!r})"

    def render(self, file: str) -> str:
        where = file if self.line is None else f"{file}:{self.line}"
        field = f" {self.path}:" if self.path else ""
        return f"{where}:{field} {self.message}"


class ContractFileError(ClauseKitError, ValueError):
    """A contract file that cannot be loaded; lists every problem found, not only the first."""

    def __init__(self, file: str, problems: Sequence[FileProblem]) -> None:
        self.file = file
        self.problems = tuple(problems)
        count = len(self.problems)
        head = f"{file}: {count} problem{'s' if count != 1 else ''} found"
        body = "\n".join("  " + p.render(file) for p in self.problems)
        super().__init__(f"{head}\n{body}" if body else head)
