"""How a command ends: the exit codes, and the two signals that carry a failure to ``main``.

:class:`UsageError` (exit 2) and :class:`InvalidFile` (exit 1) are control
flow inside the command line, not library errors: :func:`clausekit.cli.main`
catches both and prints their lines; neither ever reaches a caller. The
library's own errors (:mod:`clausekit.errors`) exit 2 too.
"""

from __future__ import annotations

from clausekit.errors import ClauseKitError, ContractFileError

__all__ = [
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_INVALID_FILE",
    "EXIT_OK",
    "EXIT_USAGE",
    "PROG",
    "InvalidFile",
    "UsageError",
]

PROG = "clausekit"

EXIT_OK = 0
"""The question was answered (``check``: the file is valid and has no errors)."""
EXIT_INVALID_FILE = 1
"""The contract file is invalid, or ``check`` found errors."""
EXIT_USAGE = 2
"""Bad arguments, an unknown model or party, a bad day or fact."""
EXIT_INTERNAL = 3
"""An unexpected error inside clausekit: a bug."""
EXIT_INTERRUPTED = 130
"""Interrupted (Ctrl-C, SIGINT): 128 + the signal's number, as shells report it."""


class UsageError(Exception):
    """A problem with the command line itself; never escapes :func:`~clausekit.cli.main` (exit 2)."""

    def __init__(self, message: str, *, prog: str = PROG) -> None:
        super().__init__(message)
        self.prog = prog


class InvalidFile(Exception):
    """The agreement MODEL names could not be loaded; never escapes ``main`` (exit 1)."""

    def __init__(self, model: str, error: BaseException) -> None:
        super().__init__(model, error)
        self.model = model
        self.error = error

    def lines(self) -> list[str]:
        """The problems, one line each."""
        if isinstance(self.error, ContractFileError):
            head = str(self.error).splitlines()[0]  # "FILE: N problems found"
            return [head, *(p.render(self.error.file) for p in self.error.problems)]
        if isinstance(self.error, ClauseKitError):
            return [f"{self.model}: {self.error}"]
        if isinstance(self.error, OSError):
            return [f"{self.model}: cannot read the file: {self.error.strerror or self.error}"]
        return [
            f"{self.model}: could not be loaded: {type(self.error).__name__}: {self.error}",
        ]
