"""What a portfolio question gives back: one entry per agreement, its answer or its failure.

:class:`Results` keeps the input order; a :class:`Failure` stands in the place
of an agreement (or a contract file) that could not answer, with its index,
its id and, for a file, its path. :class:`PortfolioError` names them all.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Generic, TypeVar

import attrs

from clausekit.errors import PortfolioError
from clausekit.timeline import Timeline
from clausekit.verdict import Verdict

__all__ = ["Failure", "PortfolioError", "Results"]  # PortfolioError lives in clausekit.errors

T = TypeVar("T", Verdict, Timeline)


@attrs.frozen
class Failure:
    """An agreement that could not answer, in its place among the results.

    Attributes:
        index: the agreement's position in the input.
        agreement_id: the agreement's id (``""`` for a contract file that could not be loaded).
        kind: the error's class name (``"UnknownPartyError"``).
        message: the error message.
        error: the exception itself (compared by kind and message only).
        path: the contract file the agreement was to be loaded from, or None for an
            agreement given as one.
    """

    index: int
    agreement_id: str
    kind: str
    message: str
    error: BaseException = attrs.field(eq=False, repr=False)
    path: str | None = attrs.field(default=None, kw_only=True)

    def __str__(self) -> str:
        names = [repr(self.agreement_id)] if self.agreement_id else []
        if self.path is not None:
            names.append(self.path)
        return f"agreement #{self.index} ({', '.join(names)}): {self.kind}: {self.message}"


def failure(
    index: int, agreement_id: str, error: BaseException, path: str | None = None
) -> Failure:
    """The failure of entry ``index``, from the error it raised."""
    return Failure(index, agreement_id, type(error).__name__, str(error), error, path=path)


@attrs.frozen
class Results(Generic[T]):
    """One entry per agreement, in the order given: its answer, or its :class:`Failure`.

    Iterating, indexing and ``len()`` go over the entries. ``verdicts`` holds
    the answers aligned with the input, ``None`` exactly where ``failures``
    has an entry.

    Attributes:
        entries: the answer or the failure of every agreement, in input order.
    """

    entries: tuple[T | Failure, ...]

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[T | Failure]:
        return iter(self.entries)

    def __getitem__(self, index: int) -> T | Failure:
        return self.entries[index]

    @property
    def verdicts(self) -> tuple[T | None, ...]:
        """Every answer in input order; ``None`` where the agreement failed (see ``failures``)."""
        return tuple(None if isinstance(e, Failure) else e for e in self.entries)

    @property
    def failures(self) -> tuple[Failure, ...]:
        """Every agreement that could not answer, in input order."""
        return tuple(e for e in self.entries if isinstance(e, Failure))

    @property
    def ok(self) -> bool:
        """True when every agreement answered."""
        return not any(isinstance(e, Failure) for e in self.entries)

    def raise_if_failed(self) -> Results[T]:
        """Return the results if every agreement answered.

        Raises:
            PortfolioError: listing every failure with its index and agreement id.
        """
        failures = self.failures
        if failures:
            raise PortfolioError.for_failures(failures, len(self.entries))
        return self
