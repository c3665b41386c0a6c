"""A portfolio larger than memory: answers streamed in order, in bounded memory.

:func:`stream` takes the portfolio as any iterable (a generator of paths, say),
reads it one chunk at a time, keeps at most ``in_flight`` chunks at work on
the executor, and yields one entry per item in input order as chunks finish.
:func:`evaluate_to` writes those entries to a JSON-lines file as they come,
each worker turning its answers into lines, so neither the portfolio, nor the
agreements, nor the answers are ever all held at once: memory depends on
``chunksize × in_flight``, not on the size of the portfolio.
"""

from __future__ import annotations

import itertools
import os
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, cast, overload

import attrs

from clausekit._checks import check_type
from clausekit.actions import Action
from clausekit.errors import QuestionError
from clausekit.portfolio.many import (
    Portfolio,
    check_action,
    check_executor,
    check_portfolio,
    checked_item,
    chunk_size,
    collect,
    question_for,
    submit,
)
from clausekit.portfolio.results import Failure
from clausekit.portfolio.work import Entry, Item, Question, Row, Rows, answer_chunk
from clausekit.scenario import Scenario
from clausekit.timeline import Timeline
from clausekit.verdict import Verdict

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

__all__ = ["CHUNK", "IN_FLIGHT", "Written", "evaluate_to", "stream"]

CHUNK = 1000
"""Items per chunk when streaming, unless ``chunksize`` is given."""
IN_FLIGHT = 4
"""Chunks at work at once on an executor, unless ``in_flight`` is given."""


@attrs.frozen
class Written:
    """What :func:`evaluate_to` wrote.

    Attributes:
        path: the JSON-lines file.
        entries: lines written, one per item of the portfolio.
        failures: items that could not answer (lines with an ``"error"``).
        outcomes: how many verdicts had each outcome (``{"permitted": 3, ...}``);
            empty for timelines.
    """

    path: str
    entries: int
    failures: int
    outcomes: Mapping[str, int]


def _in_flight(in_flight: int | None) -> int:
    if in_flight is None:
        return IN_FLIGHT
    if isinstance(in_flight, bool) or not isinstance(in_flight, int) or in_flight < 1:
        raise QuestionError(f"in_flight={in_flight!r} must be a positive whole number, e.g. 4.")
    return in_flight


def _chunks(agreements: Iterable[object], size: int) -> Iterator[tuple[int, list[Item]]]:
    """The portfolio in chunks of ``size`` items, each with the index of its first item."""
    numbered = enumerate(agreements)
    first = 0
    while chunk := [checked_item(i, v) for i, v in itertools.islice(numbered, size)]:
        yield first, chunk
        first += len(chunk)


def _work(
    question: Question,
    agreements: Iterable[object],
    executor: Executor | None,
    size: int,
    in_flight: int,
) -> Iterator[Entry] | Iterator[Row]:
    """Every entry in order, with at most ``in_flight`` chunks submitted and not yet yielded."""
    chunks = _chunks(agreements, size)
    if executor is None:
        for first, chunk in chunks:
            yield from answer_chunk(question, first, chunk)
        return
    pending: deque[tuple[int, list[Item], Future[list[Entry] | list[Row]]]] = deque()
    try:
        while True:
            while len(pending) < in_flight:
                nxt = next(chunks, None)
                if nxt is None:
                    break
                first, chunk = nxt
                pending.append((first, chunk, submit(executor, question, first, chunk)))
            if not pending:
                return
            first, chunk, future = pending.popleft()
            yield from collect(future, question, first, chunk)
    finally:  # the caller stopped early (or an error): drop the work not started
        for _, _, future in pending:
            future.cancel()


@overload
def stream(
    agreements: Portfolio,
    action: Action,
    *,
    on: object,
    during: None = None,
    scenario: Scenario | None = None,
    executor: Executor | None = None,
    chunksize: int | None = None,
    in_flight: int | None = None,
) -> Iterator[Verdict | Failure]: ...


@overload
def stream(
    agreements: Portfolio,
    action: Action,
    *,
    on: None = None,
    during: object,
    scenario: Scenario | None = None,
    executor: Executor | None = None,
    chunksize: int | None = None,
    in_flight: int | None = None,
) -> Iterator[Timeline | Failure]: ...


def stream(
    agreements: Portfolio,
    action: Action,
    *,
    on: object = None,
    during: object = None,
    scenario: Scenario | None = None,
    executor: Executor | None = None,
    chunksize: int | None = None,
    in_flight: int | None = None,
) -> Iterator[Verdict | Failure] | Iterator[Timeline | Failure]:
    """:func:`~clausekit.portfolio.evaluate_many`, one entry at a time, in bounded memory.

    The question is checked at once; the portfolio is read lazily, ``chunksize``
    items at a time (default :data:`CHUNK`), and with an executor at most
    ``in_flight`` chunks (default :data:`IN_FLIGHT`) are at work before the
    oldest one's entries are yielded. Entries come in input order, exactly one
    per item, a :class:`Failure` in the place of one that could not answer.
    Closing the iterator early cancels the chunks not yet started.

    Examples:
        A supply deal whose exclusivity (lifted by the supplier's consent) ends in
        November 2025, asked as known on three days:

        >>> import clausekit as ck
        >>> from clausekit.portfolio import stream
        >>> src = ck.OutsideSource(url="https://example.org/supply", title="Supply deal",
        ...                        published="2020-01-01", gloss="Acme buys compute from CloudCo")
        >>> deal = ck.Agreement(id="supply", title="Supply deal",
        ...     parties=[ck.Party("Acme"), ck.Party("CloudCo"), ck.Party("OtherCloud")],
        ...     amendments=[
        ...         ck.Amendment(id="signed", title="Signed", effective="2020-01-01", evidence=[src],
        ...             adds=[ck.Exclusivity(id="only-cloudco", title="Only CloudCo", evidence=[src],
        ...                 bound="Acme", beneficiary="CloudCo", consent_by="CloudCo")]),
        ...         ck.Amendment(id="opened", title="Opened", effective="2025-11-01", evidence=[src],
        ...             ends=["only-cloudco"])])
        >>> other = ck.ProcureCompute(buyer="Acme", provider="OtherCloud", workload="training")
        >>> days = ("2025-02-01", "2025-06-01", "2025-12-01")
        >>> versions = (deal.as_known_on(day) for day in days)  # a generator: read lazily
        >>> [v.outcome.value for v in stream(versions, other, on="2025-11-15", chunksize=2)]
        ['conditional', 'conditional', 'permitted']

    Raises:
        QuestionError: for a malformed question (as :func:`evaluate_many`), a bad
            ``chunksize`` or ``in_flight``; and, while iterating, for an item that is
            neither an agreement nor a path.
    """
    check_portfolio(agreements)
    check_action(action)
    question = question_for(action, on, during, scenario)
    size = CHUNK if chunksize is None else chunk_size(0, chunksize)
    flight = _in_flight(in_flight)
    runner = None if executor is None else check_executor(executor)
    items = cast("Iterable[object]", agreements)
    return cast("Iterator[Verdict | Failure]", _work(question, items, runner, size, flight))


def evaluate_to(
    path: str | os.PathLike[str],
    agreements: Portfolio,
    action: Action,
    *,
    on: object = None,
    during: object = None,
    scenario: Scenario | None = None,
    executor: Executor | None = None,
    chunksize: int | None = None,
    in_flight: int | None = None,
    detail: Rows = "compact",
) -> Written:
    """Ask every agreement the question and write one JSON line per item to ``path``, as they come.

    Takes the portfolio and the question as :func:`stream` does. Each line is a
    JSON object with the item's ``index``, its ``agreement`` id, its ``path``
    when it was given as a file, and either its answer or ``"error": {"kind":
    ..., "message": ...}``. With ``detail="compact"`` (the default) a verdict
    gives ``on``, ``outcome``, ``conditions``, ``missing`` and the ids of the
    ``clauses`` that ruled, and a timeline its ``segments`` (``start``, ``end``,
    ``outcome``); with ``detail="full"`` the line holds the whole answer under
    ``"answer"``, as ``clausekit ask --json`` prints it, explanation included.
    Lines are written in input order as their chunk finishes, so a file being
    written can already be read; the workers write the lines, so only text
    travels back.

    Examples:
        >>> import json, tempfile, pathlib
        >>> import clausekit as ck
        >>> from clausekit.portfolio import evaluate_to
        >>> src = ck.OutsideSource(url="https://example.org/supply", title="Supply deal",
        ...                        published="2020-01-01", gloss="Acme buys compute from CloudCo")
        >>> deal = ck.Agreement(id="supply", title="Supply deal",
        ...     parties=[ck.Party("Acme"), ck.Party("CloudCo"), ck.Party("OtherCloud")],
        ...     amendments=[
        ...         ck.Amendment(id="signed", title="Signed", effective="2020-01-01", evidence=[src],
        ...             adds=[ck.Exclusivity(id="only-cloudco", title="Only CloudCo", evidence=[src],
        ...                 bound="Acme", beneficiary="CloudCo", consent_by="CloudCo")]),
        ...         ck.Amendment(id="opened", title="Opened", effective="2025-11-01", evidence=[src],
        ...             ends=["only-cloudco"])])
        >>> other = ck.ProcureCompute(buyer="Acme", provider="OtherCloud", workload="training")
        >>> out = pathlib.Path(tempfile.mkdtemp()) / "answers.jsonl"
        >>> written = evaluate_to(out, [deal, deal.as_known_on("2025-02-01")], other, on="2025-11-15")
        >>> written.entries, written.failures, dict(written.outcomes)
        (2, 0, {'permitted': 1, 'conditional': 1})
        >>> json.loads(out.read_text().splitlines()[0])["outcome"]
        'permitted'

    Returns:
        How many lines were written, how many were failures, and the outcomes.

    Raises:
        QuestionError: as :func:`stream`, or for a ``detail`` other than
            ``"compact"`` and ``"full"``.
        ArgumentTypeError: when ``path`` is not a path.
    """
    check_type(
        path,
        (str, os.PathLike),
        argument="path",
        expected="the path of the JSON-lines file to write",
        fix="Pass a file name such as 'answers.jsonl'.",
    )
    if detail not in ("compact", "full"):
        raise QuestionError(f"detail={detail!r} must be 'compact' or 'full'.")
    check_portfolio(agreements)
    check_action(action)
    question = attrs.evolve(question_for(action, on, during, scenario), rows=detail)
    size = CHUNK if chunksize is None else chunk_size(0, chunksize)
    flight = _in_flight(in_flight)
    runner = None if executor is None else check_executor(executor)
    kinds: Counter[str] = Counter()
    items = cast("Iterable[object]", agreements)
    target = os.fspath(path)
    with open(target, "w", encoding="utf-8", newline="\n") as out:
        rows = cast("Iterator[Row]", _work(question, items, runner, size, flight))
        for kind, line in rows:
            kinds[kind] += 1
            out.write(line)
            out.write("\n")
    failures = kinds.pop("failed", 0)
    total = failures + sum(kinds.values())
    kinds.pop("timeline", None)
    return Written(target, total, failures, dict(kinds))
