"""One question over many agreements, in-process or on any executor.

A legal team asks the same question of thousands of contracts:
:func:`evaluate_many` answers it for every agreement of a portfolio and
:func:`timeline_many` gives each agreement's timeline. Both run in-process by
default; give them a :class:`concurrent.futures.Executor` to spread the work
over local cores (a :class:`~concurrent.futures.ProcessPoolExecutor`) or a
cluster (a Dask client's ``client.get_executor()``). The agreements travel in
chunks, so pickling is paid per chunk rather than per agreement.

The answers come back in the order of the agreements given. An agreement that
cannot answer (say the action names a party it does not know) does not stop
the others: its :class:`Failure` takes its place, with its index, its id and
the error, and :meth:`Results.raise_if_failed` raises them all at once.
Nothing is dropped: there is exactly one entry per agreement.

Examples:
    >>> import clausekit as ck
    >>> from clausekit.portfolio import evaluate_many
    >>> src = ck.OutsideSource(url="https://example.org/d", title="Distribution agreement",
    ...                        published="2020-01-01", gloss="Acme distributes only via Beta")
    >>> def deal(n, beneficiary, *others):
    ...     return ck.Agreement(
    ...         id=f"deal-{n}", title=f"Deal {n}",
    ...         parties=[ck.Party(name) for name in ("Acme", beneficiary, *others)],
    ...         amendments=[ck.Amendment(
    ...             id="original", title="Signed", effective="2020-01-01", evidence=[src],
    ...             adds=[ck.Exclusivity(id="excl", title="Exclusive distributor", evidence=[src],
    ...                                  bound="Acme", beneficiary=beneficiary,
    ...                                  verb="appoint-distributor", scope=["DE"])])])
    >>> portfolio = [deal(1, "Beta", "Gamma"), deal(2, "Gamma"), deal(3, "Delta")]
    >>> gamma_de = ck.AppointDistributor(principal="Acme", distributor="Gamma", territory="DE")
    >>> results = evaluate_many(portfolio, gamma_de, on="2021-05-01")
    >>> [None if v is None else v.outcome.value for v in results.verdicts]
    ['prohibited', 'permitted', None]
    >>> print(results.failures[0])
    agreement #2 ('deal-3'): UnknownPartyError: Unknown party 'Gamma' ...
"""

from __future__ import annotations

import contextlib
import gc
import math
import pickle
import typing
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Generic, TypeVar, cast, overload

import attrs
import pendulum

from clausekit._checks import check_type
from clausekit.actions import Action
from clausekit.agreement import Agreement
from clausekit.errors import ArgumentTypeError, ClauseKitError, PortfolioError, QuestionError
from clausekit.scenario import Scenario
from clausekit.time import Period, to_day, to_period
from clausekit.timeline import Timeline
from clausekit.verdict import Verdict

if TYPE_CHECKING:  # concurrent.futures imports logging: only load it when an executor is used
    from concurrent.futures import Executor, Future

__all__ = [
    "Failure",
    "PortfolioError",
    "Results",
    "evaluate_many",
    "timeline_many",
]

T = TypeVar("T", Verdict, Timeline)

_ACTIONS: tuple[type, ...] = typing.get_args(Action) or (cast("type", Action),)

MAX_CHUNK = 5000
"""The largest chunk sent to an executor when ``chunksize`` is not given."""


@attrs.frozen
class Failure:
    """An agreement that could not answer, in its place among the results.

    Attributes:
        index: the agreement's position in the input.
        agreement_id: the agreement's id.
        kind: the error's class name (``"UnknownPartyError"``).
        message: the error message.
        error: the exception itself (compared by kind and message only).
    """

    index: int
    agreement_id: str
    kind: str
    message: str
    error: BaseException = attrs.field(eq=False, repr=False)

    def __str__(self) -> str:
        return f"agreement #{self.index} ({self.agreement_id!r}): {self.kind}: {self.message}"


def _failure(index: int, agreement_id: str, error: BaseException) -> Failure:
    return Failure(index, agreement_id, type(error).__name__, str(error), error)


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


# --------------------------------------------------------------------------- the work


@attrs.frozen
class _Question:
    """What every agreement is asked; travels to the workers once per chunk."""

    action: Action
    on: pendulum.Date | None
    period: Period | None
    scenario: Scenario | None
    timeline: bool

    def answer(self, agreement: Agreement) -> Verdict | Timeline:
        if self.period is not None:
            if self.timeline:
                return agreement.timeline(
                    self.action,
                    start=self.period.start,
                    end=self.period.end,
                    scenario=self.scenario,
                )
            return agreement.ask(self.action, during=self.period, scenario=self.scenario)
        assert self.on is not None
        # One question per agreement: the same verdict as ask(), without remembering it.
        return agreement._answer_once(self.action, self.on, self.scenario)


def _portable(failure: Failure) -> Failure:
    """The failure with an exception that survives pickling (for results from workers)."""
    try:
        pickle.loads(pickle.dumps(failure.error))
    except Exception:
        return attrs.evolve(failure, error=ClauseKitError(f"{failure.kind}: {failure.message}"))
    return failure


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector, and restore it as it was.

    Answering creates no reference cycles that must go at once, but every
    collection the new verdicts trigger walks them and, through them, touches
    the agreements they point into: on 100k agreements that is a quarter of
    the time. Reference counting still frees everything as usual; pending
    cycles (a failure's traceback) are collected once the collector resumes.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _answer_chunk(
    question: _Question, first: int, agreements: Sequence[Agreement], portable: bool = False
) -> list[Verdict | Timeline | Failure]:
    """Answer ``question`` for each agreement; agreement ``i`` of the chunk has index ``first + i``."""
    out: list[Verdict | Timeline | Failure] = []
    answer = question.answer
    with _collector_paused():
        for offset, agreement in enumerate(agreements):
            try:
                out.append(answer(agreement))
            except Exception as exc:  # reported in the agreement's place, never dropped
                failure = _failure(first + offset, agreement.id, exc)
                out.append(_portable(failure) if portable else failure)
    return out


def _checked(agreements: object, action: object) -> tuple[Agreement, ...]:
    if isinstance(agreements, Agreement):
        raise QuestionError(
            "The portfolio is one Agreement; pass a list of agreements "
            "(or call agreement.ask() for one)."
        )
    if isinstance(agreements, (str, bytes)) or not isinstance(agreements, Iterable):
        raise ArgumentTypeError.for_value(
            agreements,
            argument="agreements",
            expected="an iterable of clausekit.Agreement",
            fix="Pass a list of agreements, e.g. [clausekit.load(path) for path in paths].",
        )
    check_type(
        action,
        _ACTIONS,
        argument="action",
        expected="a clausekit action",
        fix="Pass one such as ProcureCompute(buyer=..., provider=..., workload=...).",
    )
    items = tuple(agreements)
    for index, item in enumerate(items):
        if not isinstance(item, Agreement):
            raise QuestionError(
                f"agreements[{index}]={item!r} is not a clausekit.Agreement; every item of "
                "the portfolio must be one (load contract files with clausekit.load)."
            )
    return items


def _chunksize(total: int, chunksize: int | None) -> int:
    if chunksize is None:
        return max(1, min(MAX_CHUNK, math.ceil(total / 16)))
    if isinstance(chunksize, bool) or not isinstance(chunksize, int) or chunksize < 1:
        raise QuestionError(f"chunksize={chunksize!r} must be a positive whole number, e.g. 1000.")
    return chunksize


def _run(
    question: _Question,
    agreements: tuple[Agreement, ...],
    executor: Executor | None,
    chunksize: int | None,
) -> tuple[Verdict | Timeline | Failure, ...]:
    if executor is None:
        return tuple(_answer_chunk(question, 0, agreements))
    from concurrent.futures import Executor

    if not isinstance(executor, Executor):
        raise QuestionError(
            f"executor={executor!r} is not a concurrent.futures.Executor; pass a "
            "ProcessPoolExecutor, a Dask client's client.get_executor(), or None to run here."
        )
    size = _chunksize(len(agreements), chunksize)
    starts = range(0, len(agreements), size)
    futures: list[Future[list[Verdict | Timeline | Failure]]] = []
    for start in starts:
        chunk = agreements[start : start + size]
        try:
            futures.append(executor.submit(_answer_chunk, question, start, chunk, True))
        except RuntimeError as exc:  # shut down (or shutting down): it takes no more work
            for future in futures:
                future.cancel()
            raise QuestionError(
                f"executor={executor!r} refused the work ({exc}); it has been shut down. "
                "Pass an executor that is still running, or executor=None to answer here."
            ) from None
    out: list[Verdict | Timeline | Failure] = []
    for start, future in zip(starts, futures, strict=True):
        chunk = agreements[start : start + size]
        try:
            answers = future.result()
        except Exception as exc:  # the whole chunk failed (a worker died, pickling failed)
            error = ClauseKitError(
                f"the worker answering agreements #{start} to #{start + len(chunk) - 1} "
                f"failed: {type(exc).__name__}: {exc}"
            )
            answers = [_failure(start + i, a.id, error) for i, a in enumerate(chunk)]
        if len(answers) != len(chunk):
            raise ClauseKitError(
                f"the executor returned {len(answers)} answers for a chunk of {len(chunk)} "
                f"agreements starting at #{start}; results would be misaligned."
            )
        out.extend(answers)
    return tuple(out)


def _scenario(scenario: Scenario | None) -> Scenario | None:
    if scenario is not None and not isinstance(scenario, Scenario):
        raise QuestionError(
            f"scenario={scenario!r} is not a clausekit.Scenario; build one with Scenario(fact, ...)."
        )
    return scenario


@overload
def evaluate_many(
    agreements: Iterable[Agreement],
    action: Action,
    *,
    on: object,
    during: None = None,
    scenario: Scenario | None = None,
    executor: Executor | None = None,
    chunksize: int | None = None,
) -> Results[Verdict]: ...


@overload
def evaluate_many(
    agreements: Iterable[Agreement],
    action: Action,
    *,
    on: None = None,
    during: object,
    scenario: Scenario | None = None,
    executor: Executor | None = None,
    chunksize: int | None = None,
) -> Results[Timeline]: ...


def evaluate_many(
    agreements: Iterable[Agreement],
    action: Action,
    *,
    on: object = None,
    during: object = None,
    scenario: Scenario | None = None,
    executor: Executor | None = None,
    chunksize: int | None = None,
) -> Results[Verdict] | Results[Timeline]:
    """Ask every agreement the same question: may ``action`` be done ``on`` a day (or ``during``)?

    Args:
        agreements: the portfolio, any iterable of :class:`~clausekit.Agreement`.
        action: what a party wants to do; each agreement resolves its names.
        on: a calendar day: each entry is a :class:`~clausekit.Verdict`.
        during: a period: each entry is a :class:`~clausekit.Timeline`.
        scenario: the facts to assume, for every agreement.
        executor: None to answer here, one agreement after the other; or any
            :class:`concurrent.futures.Executor` to answer in chunks on its workers.
        chunksize: agreements per chunk sent to the executor (default: a
            sixteenth of the portfolio, at most :data:`MAX_CHUNK`).

    Returns:
        One entry per agreement, in input order: its answer or its :class:`Failure`.

    Raises:
        QuestionError: when the question itself is malformed (neither or both of
            ``on`` and ``during``, not an agreement in the portfolio, a bad executor).
        InvalidDateError: for a day that is not a calendar day.
    """
    if (on is None) == (during is None):
        raise QuestionError.on_or_during(on, during)
    items = _checked(agreements, action)
    day = None if on is None else to_day(on, field="on")
    period = None if during is None else to_period(during, field="during")
    question = _Question(action, day, period, _scenario(scenario), timeline=False)
    entries = _run(question, items, executor, chunksize)
    if day is not None:
        return Results(cast("tuple[Verdict | Failure, ...]", entries))
    return Results(cast("tuple[Timeline | Failure, ...]", entries))


def timeline_many(
    agreements: Iterable[Agreement],
    action: Action,
    *,
    start: object,
    end: object,
    scenario: Scenario | None = None,
    executor: Executor | None = None,
    chunksize: int | None = None,
) -> Results[Timeline]:
    """Every agreement's timeline for ``action`` from ``start`` (included) to ``end`` (excluded).

    Takes the same ``scenario``, ``executor`` and ``chunksize`` as :func:`evaluate_many`.

    Returns:
        One entry per agreement, in input order: its :class:`~clausekit.Timeline`
        or its :class:`Failure`.

    Raises:
        QuestionError: for a malformed question (see :func:`evaluate_many`).
        InvalidPeriodError: when ``end`` is not after ``start``.
    """
    items = _checked(agreements, action)
    period = Period(to_day(start, field="start"), to_day(end, field="end"))
    question = _Question(action, None, period, _scenario(scenario), timeline=True)
    return Results(
        cast("tuple[Timeline | Failure, ...]", _run(question, items, executor, chunksize))
    )
