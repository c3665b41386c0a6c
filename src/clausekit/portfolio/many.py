"""evaluate_many and timeline_many: one question over a portfolio held in a list.

The portfolio is a sequence of agreements or of contract-file paths (or both);
the answers come back together as :class:`~clausekit.portfolio.Results`. For
a portfolio too large to hold, see :mod:`clausekit.portfolio.streaming`.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, cast, overload

from clausekit._checks import check_type
from clausekit.actions import Action, ActionBase
from clausekit.agreement import Agreement
from clausekit.errors import ArgumentTypeError, ClauseKitError, QuestionError
from clausekit.portfolio.results import Failure, Results, failure
from clausekit.portfolio.work import Entry, Item, Question, Row, answer_chunk, as_item, row
from clausekit.scenario import Scenario
from clausekit.time import Period, to_day, to_period
from clausekit.timeline import Timeline
from clausekit.verdict import Verdict

if TYPE_CHECKING:  # concurrent.futures imports logging: only load it when an executor is used
    from concurrent.futures import Executor, Future

__all__ = ["MAX_CHUNK", "evaluate_many", "timeline_many"]

_ACTIONS: tuple[type, ...] = (ActionBase,)

MAX_CHUNK = 5000
"""The largest chunk sent to an executor when ``chunksize`` is not given."""

Portfolio = Iterable[Agreement | str | os.PathLike[str]]
"""Agreements, or paths of contract files each worker loads itself."""


def check_portfolio(agreements: object) -> None:
    """Refuse a portfolio that is not an iterable of items (a single agreement, a string)."""
    if isinstance(agreements, Agreement):
        raise QuestionError(
            "The portfolio is one Agreement; pass a list of agreements "
            "(or call agreement.ask() for one)."
        )
    if isinstance(agreements, (str, bytes, os.PathLike)) or not isinstance(agreements, Iterable):
        raise ArgumentTypeError.for_value(
            agreements,
            argument="agreements",
            expected="an iterable of clausekit.Agreement or of contract-file paths",
            fix="Pass a list of agreements or of paths, e.g. [clausekit.load(path) for path in "
            "paths] or sorted(Path('contracts').glob('*.toml')).",
        )


def check_action(action: object) -> None:
    check_type(
        action,
        _ACTIONS,
        argument="action",
        expected="a clausekit action",
        fix="Pass one such as ProcureCompute(buyer=..., provider=..., workload=...).",
    )


def checked_item(index: int, value: object) -> Item:
    """Item ``index`` of the portfolio, a path as text; anything else is refused."""
    item = as_item(value)
    if item is None:
        raise QuestionError(
            f"agreements[{index}]={value!r} is neither a clausekit.Agreement nor the path "
            "of a contract file; every item of the portfolio must be one (a str or a "
            "pathlib.Path for a file)."
        )
    return item


def _checked(agreements: object, action: object) -> tuple[Item, ...]:
    check_portfolio(agreements)
    check_action(action)
    return tuple(checked_item(i, v) for i, v in enumerate(cast("Iterable[object]", agreements)))


def chunk_size(total: int, chunksize: int | None) -> int:
    if chunksize is None:
        return max(1, min(MAX_CHUNK, math.ceil(total / 16)))
    if isinstance(chunksize, bool) or not isinstance(chunksize, int) or chunksize < 1:
        raise QuestionError(f"chunksize={chunksize!r} must be a positive whole number, e.g. 1000.")
    return chunksize


def check_executor(executor: object) -> Executor:
    from concurrent.futures import Executor

    if not isinstance(executor, Executor):
        raise QuestionError(
            f"executor={executor!r} is not a concurrent.futures.Executor; pass a "
            "ProcessPoolExecutor, a Dask client's client.get_executor(), or None to run here."
        )
    return executor


def submit(
    executor: Executor, question: Question, start: int, chunk: Sequence[Item]
) -> Future[list[Entry] | list[Row]]:
    """Send one chunk to the executor; a shut-down executor is a QuestionError."""
    try:
        return executor.submit(answer_chunk, question, start, chunk, True)
    except RuntimeError as exc:  # shut down (or shutting down): it takes no more work
        raise QuestionError(
            f"executor={executor!r} refused the work ({exc}); it has been shut down. "
            "Pass an executor that is still running, or executor=None to answer here."
        ) from None


def collect(
    future: Future[list[Entry] | list[Row]], question: Question, start: int, chunk: Sequence[Item]
) -> list[Entry] | list[Row]:
    """The chunk's entries; when its worker failed as a whole, a failure for each item."""
    try:
        answers = future.result()
    except Exception as exc:  # the whole chunk failed (a worker died, pickling failed)
        error = ClauseKitError(
            f"the worker answering agreements #{start} to #{start + len(chunk) - 1} "
            f"failed: {type(exc).__name__}: {exc}"
        )
        failures: list[Entry] = []
        for i, item in enumerate(chunk):
            path = item if isinstance(item, str) else None
            failures.append(failure(start + i, "" if path else item.id, error, path))  # type: ignore[union-attr]
        if question.rows is None:
            return failures
        return [
            row(f.index, f.agreement_id, f.path, f, question.rows)
            for f in cast("list[Failure]", failures)
        ]
    if len(answers) != len(chunk):
        raise ClauseKitError(
            f"the executor returned {len(answers)} answers for a chunk of {len(chunk)} "
            f"agreements starting at #{start}; results would be misaligned."
        )
    return answers


def _run(
    question: Question,
    items: tuple[Item, ...],
    executor: Executor | None,
    chunksize: int | None,
) -> tuple[Entry, ...]:
    if executor is None:
        return tuple(cast("list[Entry]", answer_chunk(question, 0, items)))
    executor = check_executor(executor)
    size = chunk_size(len(items), chunksize)
    starts = range(0, len(items), size)
    futures: list[Future[list[Entry] | list[Row]]] = []
    for start in starts:
        try:
            futures.append(submit(executor, question, start, items[start : start + size]))
        except QuestionError:
            for future in futures:
                future.cancel()
            raise
    out: list[Entry] = []
    for start, future in zip(starts, futures, strict=True):
        out.extend(
            cast("list[Entry]", collect(future, question, start, items[start : start + size]))
        )
    return tuple(out)


def check_scenario(scenario: Scenario | None) -> Scenario | None:
    if scenario is not None and not isinstance(scenario, Scenario):
        raise QuestionError(
            f"scenario={scenario!r} is not a clausekit.Scenario; build one with Scenario(fact, ...)."
        )
    return scenario


def question_for(action: Action, on: object, during: object, scenario: Scenario | None) -> Question:
    """The question of ``evaluate_many``: ``on`` a day or ``during`` a period, exactly one."""
    if (on is None) == (during is None):
        raise QuestionError.on_or_during(on, during)
    day = None if on is None else to_day(on, field="on")
    period = None if during is None else to_period(during, field="during")
    return Question(action, day, period, check_scenario(scenario), timeline=False)


@overload
def evaluate_many(
    agreements: Portfolio,
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
    agreements: Portfolio,
    action: Action,
    *,
    on: None = None,
    during: object,
    scenario: Scenario | None = None,
    executor: Executor | None = None,
    chunksize: int | None = None,
) -> Results[Timeline]: ...


def evaluate_many(
    agreements: Portfolio,
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
        agreements: the portfolio: :class:`~clausekit.Agreement` objects, or paths
            (``str`` or :class:`os.PathLike`) of contract files, or both. A file is
            loaded where its chunk is answered (on the executor's worker), one at a
            time, so only its path travels; one that cannot be loaded is a
            :class:`Failure` in its place, with its path.
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
            ``on`` and ``during``, an item that is neither an agreement nor a path,
            a bad executor).
        InvalidDateError: for a day that is not a calendar day.
    """
    if (on is None) == (during is None):
        raise QuestionError.on_or_during(on, during)
    items = _checked(agreements, action)
    question = question_for(action, on, during, scenario)
    entries = _run(question, items, executor, chunksize)
    if question.on is not None:
        return Results(cast("tuple[Verdict | Failure, ...]", entries))
    return Results(cast("tuple[Timeline | Failure, ...]", entries))


def timeline_many(
    agreements: Portfolio,
    action: Action,
    *,
    start: object,
    end: object,
    scenario: Scenario | None = None,
    executor: Executor | None = None,
    chunksize: int | None = None,
) -> Results[Timeline]:
    """Every agreement's timeline for ``action`` from ``start`` (included) to ``end`` (excluded).

    Takes the same portfolio (agreements or paths), ``scenario``, ``executor``
    and ``chunksize`` as :func:`evaluate_many`.

    Returns:
        One entry per agreement, in input order: its :class:`~clausekit.Timeline`
        or its :class:`Failure`.

    Raises:
        QuestionError: for a malformed question (see :func:`evaluate_many`).
        InvalidPeriodError: when ``end`` is not after ``start``.
    """
    items = _checked(agreements, action)
    period = Period(to_day(start, field="start"), to_day(end, field="end"))
    question = Question(action, None, period, check_scenario(scenario), timeline=True)
    return Results(
        cast("tuple[Timeline | Failure, ...]", _run(question, items, executor, chunksize))
    )
